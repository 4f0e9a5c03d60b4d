// Output written piece by piece, too large to hold whole in memory (kg
// extract's fragments): to standard output, or to a file that appears
// only when complete. A file is written under a temporary name in the
// same folder and renamed by Commit(); without a successful Commit() the
// temporary file is removed and an old file of that name is left as it
// was. Not thread-safe.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kg {

class OutputStream {
 public:
  OutputStream() = default;
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

  // "-" is standard output. Errors: the folder is missing or not writable.
  Status Open(const std::string& path);
  // Errors are remembered and reported by Commit().
  void Write(std::string_view text);
  // Flushes, and for a file renames it into place.
  Status Commit();

 private:
  std::string path_;
  std::string temp_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace kg
