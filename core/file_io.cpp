#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace kg {

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Status::Error(path + ": no such file");
  if (std::filesystem::is_directory(status)) return Status::Error(path + ": is a directory");
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return Status::Error(path + ": file too large (" + std::to_string(size) + " bytes, limit " +
                         std::to_string(max_bytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  std::string contents;
  // Sized once from the file system (a graph file can be gigabytes), then
  // grown in chunks for files whose size is not known up front (pipes).
  if (!ec) contents.resize(static_cast<size_t>(size));
  in.read(contents.data(), static_cast<std::streamsize>(contents.size()));
  contents.resize(static_cast<size_t>(in.gcount()));
  char buffer[1 << 16];
  while (in && (in.read(buffer, sizeof buffer) || in.gcount() > 0)) {
    contents.append(buffer, static_cast<size_t>(in.gcount()));
    if (contents.size() > max_bytes) {
      return Status::Error(path + ": file too large (limit " + std::to_string(max_bytes) +
                           " bytes)");
    }
  }
  if (in.bad()) return Status::Error(path + ": read error");
  return contents;
}

namespace {

std::string Reason() { return std::strerror(errno); }

// Writes all of `contents` to `fd`, retrying short writes and EINTR.
bool WriteAll(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes and syncs `contents` to `fd`, then closes it; "" or the reason.
std::string WriteAndClose(int fd, std::string_view contents) {
  std::string error;
  if (!WriteAll(fd, contents) || ::fdatasync(fd) != 0) error = Reason();
  if (::close(fd) != 0 && error.empty()) error = Reason();
  return error;
}

// The file is written unnamed (O_TMPFILE) and only linked into the folder
// once it is complete, then renamed over the target: a kill -9 or a full
// disk during the write leaves nothing behind. Returns false when the file
// system cannot make unnamed files (the caller then uses a named one).
bool WriteUnnamed(const std::string& folder, const std::string& temp, std::string_view contents,
                  Status* status, const std::string& path) {
  const int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  if (!WriteAll(fd, contents) || ::fdatasync(fd) != 0) {
    *status = Status::Error(path + ": write failed: " + Reason());
    ::close(fd);
    return true;
  }
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
    ::close(fd);
    return false;  // no /proc: write a named file instead
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    *status = Status::Error(path + ": cannot replace: " + Reason());
    ::unlink(temp.c_str());
  }
  return true;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  if (path == "-") {
    errno = 0;
    std::cout.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    std::cout.flush();
    if (std::cout) return Status::Ok();
    return Status::Error("standard output: write failed" +
                         (errno != 0 ? ": " + Reason() : std::string()));
  }
  if (path.empty()) return Status::Error("an output file name is empty");
  const std::filesystem::path target(path);
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return Status::Error(path + ": folder " + folder.string() + " does not exist");
  }
  if (std::filesystem::is_directory(target, ec)) {
    return Status::Error(path + ": cannot replace: Is a directory");
  }
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  Status status;
  if (WriteUnnamed(folder.string(), temp, contents, &status, path)) return status;
  const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return Status::Error(path + ": cannot write: " + Reason());
  if (const std::string error = WriteAndClose(fd, contents); !error.empty()) {
    ::unlink(temp.c_str());
    return Status::Error(path + ": write failed: " + error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string error = Reason();
    ::unlink(temp.c_str());
    return Status::Error(path + ": cannot replace: " + error);
  }
  return Status::Ok();
}

}  // namespace kg
