// A whole file mapped read-only into memory: its bytes are read by the
// kernel as they are touched, so opening a file of gigabytes costs nothing
// up front. Move-only; unmapped when destroyed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kg {

class MappedFile {
 public:
  // Errors name the file: missing, a directory, unreadable.
  static Result<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Valid while this object lives. Page-aligned; empty for an empty file.
  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace kg
