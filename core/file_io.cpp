#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <utility>

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

// Where a file is written until it is complete: beside its target, so
// that the rename is within one file system.
std::string TemporaryPath(const std::string& path) {
  return path + ".tmp." + std::to_string(::getpid());
}

// The name /proc gives an open file, for linking an unnamed one.
std::string ProcPath(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

}  // namespace

Result<AtomicFile> AtomicFile::Open(const std::string& path) {
  if (path == "-") return AtomicFile(path, -1, "");
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
  // Unnamed (O_TMPFILE) until complete, so that a kill -9 leaves no
  // debris; it is linked into the folder through /proc, so a named file is
  // used where either is missing.
  const int unnamed = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (unnamed >= 0) {
    if (::access(ProcPath(unnamed).c_str(), F_OK) == 0) return AtomicFile(path, unnamed, "");
    ::close(unnamed);
  }
  const std::string temp = TemporaryPath(path);
  const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return Status::Error(path + ": cannot write: " + Reason());
  return AtomicFile(path, fd, temp);
}

AtomicFile::AtomicFile(std::string path, int fd, std::string temp)
    : path_(std::move(path)), fd_(fd), temp_(std::move(temp)) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      temp_(std::move(other.temp_)),
      reason_(std::move(other.reason_)),
      failed_(other.failed_),
      open_(std::exchange(other.open_, false)) {}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() {
  if (!open_) return;
  open_ = false;
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::Fail() {
  failed_ = true;
  if (errno != 0) reason_ = Reason();
}

void AtomicFile::Append(std::string_view bytes) {
  if (!open_ || failed_ || bytes.empty()) return;
  errno = 0;
  if (path_ == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!std::cout) Fail();
  } else if (!WriteAll(fd_, bytes)) {
    Fail();
  }
}

Status AtomicFile::Commit() {
  if (!open_) return Status::Error(path_ + ": already written");
  if (path_ == "-") {
    open_ = false;
    errno = 0;
    if (!failed_ && !std::cout.flush()) Fail();
    if (!failed_) return Status::Ok();
    return Status::Error("standard output: write failed" + (reason_.empty() ? "" : ": " + reason_));
  }
  errno = 0;
  if (!failed_ && ::fdatasync(fd_) != 0) Fail();
  if (failed_) {
    Discard();
    return Status::Error(path_ + ": write failed: " + reason_);
  }
  if (temp_.empty()) {
    // Named only now that it is complete.
    const std::string temp = TemporaryPath(path_);
    if (::linkat(AT_FDCWD, ProcPath(fd_).c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      const std::string error = Reason();
      Discard();
      return Status::Error(path_ + ": cannot write: " + error);
    }
    temp_ = temp;
  }
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) {
    const std::string error = Reason();
    Discard();
    return Status::Error(path_ + ": write failed: " + error);
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const std::string error = Reason();
    Discard();
    return Status::Error(path_ + ": cannot replace: " + error);
  }
  open_ = false;
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  auto file = AtomicFile::Open(path);
  if (!file.ok()) return file.status();
  file->Append(contents);
  return file->Commit();
}

}  // namespace kg
