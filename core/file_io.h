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

// The same guarantees for a file written in pieces, so that a large output
// (a graph of gigabytes) need not be held in memory whole: the file
// appears at its path, complete, only on Commit(); destroyed before that
// (an error, an exception), it leaves the old file and nothing else.
// After a failed Append, further appends do nothing and Commit() reports
// the first failure. "-" appends to standard output.
class AtomicFile {
 public:
  static Result<AtomicFile> Open(const std::string& path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  void Append(std::string_view bytes);
  Status Commit();

 private:
  AtomicFile(std::string path, int fd, std::string temp);
  void Fail();  // records errno's reason, if any
  void Discard();

  std::string path_;
  int fd_ = -1;       // -1 for standard output and once closed
  std::string temp_;  // the named temporary file; empty while unnamed
  std::string reason_;
  bool failed_ = false;
  bool open_ = true;
};

}  // namespace kg
