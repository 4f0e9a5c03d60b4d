// Lines of a stream with a cap on their length: a line longer than the
// cap is skipped without being held in memory (a 200 MB file with no
// newline costs one buffer, not 200 MB).
#pragma once

#include <cstddef>
#include <istream>
#include <string>

namespace kg {

class LineReader {
 public:
  LineReader(std::istream& in, size_t max_line_bytes);

  // The next line without its "\n" (a "\r" before it is kept). Returns
  // false at the end of the input. `*length` is the line's full length;
  // when it exceeds the cap, `*line` is left empty and `*too_long` is set.
  bool Next(std::string* line, size_t* length, bool* too_long);

  // Appends everything not read yet, whole, to `*out` (a file that turns
  // out not to be lines after its first).
  void ReadRest(std::string* out);

  // Whether reading failed (not just ended).
  bool failed() const { return failed_; }

 private:
  bool Fill();

  std::istream& in_;
  size_t max_line_bytes_;
  std::string chunk_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool at_end_ = false;
  bool failed_ = false;
};

}  // namespace kg
