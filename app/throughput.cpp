#include "app/throughput.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/progress.h"

namespace kg {
namespace {

std::string Megabytes(uint64_t bytes) {
  char buffer[32];
  if (bytes < 1'000'000) {
    std::snprintf(buffer, sizeof buffer, "%.0f kB", static_cast<double>(bytes) / 1e3);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
  }
  return buffer;
}

std::string Rate(uint64_t bytes, double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB/s",
                seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  return buffer;
}

// "0:07", "12:30", "2:05:00".
std::string Duration(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

}  // namespace

std::string ProgressText(size_t items, const char* noun, uint64_t bytes, double seconds,
                         std::optional<uint64_t> total_bytes) {
  std::string text = GroupDigits(items) + " " + noun + (items == 1 ? "" : "s") + ", " +
                     Megabytes(bytes) + ", " + Rate(bytes, seconds);
  // The estimate needs a rate to go on and input left to read.
  if (total_bytes && *total_bytes > bytes && bytes > 0 && seconds > 0) {
    const double rate = static_cast<double>(bytes) / seconds;
    text += ", ETA " + Duration(static_cast<double>(*total_bytes - bytes) / rate);
  }
  return text;
}

std::string RateText(uint64_t bytes, double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
  return Megabytes(bytes) + " in " + buffer + ", " + Rate(bytes, seconds);
}

std::optional<uint64_t> InputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const auto& input : inputs) {
    if (input == "-") {
      struct stat info {};
      if (fstat(STDIN_FILENO, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
      total += static_cast<uint64_t>(info.st_size);
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      for (std::filesystem::recursive_directory_iterator it(input, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else {
      const auto size = std::filesystem::file_size(input, ec);
      if (!ec) total += size;
    }
  }
  return total;
}

}  // namespace kg
