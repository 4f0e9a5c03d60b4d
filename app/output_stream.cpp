#include "app/output_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kg {

OutputStream::~OutputStream() {
  if (file_ != nullptr && file_ != stdout) {
    std::fclose(file_);
    std::remove(temp_.c_str());
  }
}

Status OutputStream::Open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    file_ = stdout;
    return Status::Ok();
  }
  temp_ = path + ".tmp." + std::to_string(::getpid());
  file_ = std::fopen(temp_.c_str(), "wb");
  if (file_ == nullptr) return Status::Error(path + ": cannot write: " + std::strerror(errno));
  return Status::Ok();
}

void OutputStream::Write(std::string_view text) {
  if (failed_ || file_ == nullptr) return;
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) failed_ = true;
}

Status OutputStream::Commit() {
  if (file_ == nullptr) return Status::Error(path_ + ": not open");
  if (file_ == stdout) {
    file_ = nullptr;
    const bool flushed = std::fflush(stdout) == 0;
    return failed_ || !flushed ? Status::Error("standard output: write failed") : Status::Ok();
  }
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !closed) {
    std::remove(temp_.c_str());
    return Status::Error(path_ + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) {
    std::remove(temp_.c_str());
    return Status::Error(path_ + ": cannot replace: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace kg
