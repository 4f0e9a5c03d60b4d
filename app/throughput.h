// How fast a long command reads its input, for the progress line (on a
// terminal, see app/progress.h) and the summary: "1,204 articles,
// 14.2 MB, 3.1 MB/s, ETA 0:07" while running, "25.1 MB in 8.0 s, 3.1 MB/s"
// at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kg {

// The progress text for `items` (named `noun`, plural with "s") and
// `bytes` done after `seconds`; with `total_bytes` known, an estimate of
// the time left.
std::string ProgressText(size_t items, const char* noun, uint64_t bytes, double seconds,
                         std::optional<uint64_t> total_bytes);

// "25.1 MB in 8.0 s, 3.1 MB/s".
std::string RateText(uint64_t bytes, double seconds);

// The bytes the inputs hold (files, folders searched for article or
// fragment files, standard input when it is a file); nullopt when unknown
// (a pipe).
std::optional<uint64_t> InputBytes(const std::vector<std::string>& inputs);

// Seconds since construction.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace kg
