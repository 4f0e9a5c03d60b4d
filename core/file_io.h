// Whole-file reading and crash-safe writing.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kg {

// Reads a regular file. Errors: missing, unreadable, a directory, or larger
// than `max_bytes` (a guard against feeding the tool a disk image).
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

// Writes `contents` to `path` through a temporary file in the same folder
// and a rename, so a reader never sees a half-written file and a failed
// write leaves the old file as it was. The temporary file is unnamed
// (O_TMPFILE) until it is complete, so a kill -9 leaves no debris; only
// where the file system cannot make unnamed files is `path.tmp.PID` used.
// Errors give the reason ("g.json: write failed: No space left on
// device"); with SIGXFSZ ignored (app/main.cpp), `ulimit -f` is one too.
// "-" writes to standard output.
Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace kg
