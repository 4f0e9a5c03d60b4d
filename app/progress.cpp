#include "app/progress.h"

#include <unistd.h>

#include <cstdio>

namespace kg {

ProgressLine::ProgressLine(bool enabled, std::chrono::milliseconds delay)
    : enabled_(enabled && isatty(STDERR_FILENO) == 1),
      delay_(delay),
      start_(Clock::now()),
      last_draw_(start_) {}

ProgressLine::~ProgressLine() { Done(); }

void ProgressLine::Update(std::string_view text) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (now - start_ < delay_) return;
  if (drawn_width_ > 0 && now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - start_).count();
  std::string line = "kg: ";
  line.append(text);
  line += " (" + std::to_string(seconds) + " s)";
  // Pad with spaces so that a shorter line fully covers the previous one.
  const size_t width = line.size();
  if (width < drawn_width_) line.append(drawn_width_ - width, ' ');
  std::fprintf(stderr, "\r%s", line.c_str());
  std::fflush(stderr);
  drawn_width_ = width;
}

void ProgressLine::Done() {
  if (drawn_width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(drawn_width_, ' ').c_str());
  std::fflush(stderr);
  drawn_width_ = 0;
}

std::string GroupDigits(size_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace kg
