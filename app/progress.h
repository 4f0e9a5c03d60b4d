// A one-line progress display on standard error for work that may take
// more than a second or two (building, laying out a large diagram).
//
// Nothing is printed before `delay` has passed, so quick commands stay
// silent. On a terminal the line is redrawn in place, at most about four
// times a second, with the elapsed seconds appended, and Done() (or the
// destructor) erases it. Off a terminal, or when disabled (-q), it prints
// nothing: logs and pipes get only the command's own summary.
//
// Not thread-safe: one thread calls Update().
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace kg {

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;

  // `enabled` false: never prints. Otherwise prints only when standard
  // error is a terminal.
  explicit ProgressLine(bool enabled,
                        std::chrono::milliseconds delay = std::chrono::milliseconds(1500));
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Shows `text` ("laying out 1,601 entities with sfdp") if the delay has
  // passed and the last redraw is old enough; cheap to call often.
  void Update(std::string_view text);
  // Erases the line, if one was drawn.
  void Done();

 private:
  bool enabled_;
  std::chrono::milliseconds delay_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  size_t drawn_width_ = 0;  // characters on the line now
};

// 9767 -> "9,767": counts as people read them in messages.
std::string GroupDigits(size_t value);

}  // namespace kg
