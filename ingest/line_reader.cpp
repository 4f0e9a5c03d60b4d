#include "ingest/line_reader.h"

#include <cstring>

namespace kg {

LineReader::LineReader(std::istream& in, size_t max_line_bytes)
    : in_(in), max_line_bytes_(max_line_bytes), chunk_(size_t{1} << 16, '\0') {}

bool LineReader::Fill() {
  if (at_end_) return false;
  in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  end_ = static_cast<size_t>(in_.gcount());
  pos_ = 0;
  if (in_.bad()) failed_ = true;
  if (!in_) at_end_ = true;
  return end_ > 0;
}

bool LineReader::Next(std::string* line, size_t* length, bool* too_long) {
  line->clear();
  *length = 0;
  *too_long = false;
  bool any = false;
  while (true) {
    if (pos_ == end_ && !Fill()) return any;
    any = true;
    const char* start = chunk_.data() + pos_;
    const void* newline = std::memchr(start, '\n', end_ - pos_);
    const size_t take = newline != nullptr
                            ? static_cast<size_t>(static_cast<const char*>(newline) - start)
                            : end_ - pos_;
    *length += take;
    if (*length > max_line_bytes_) {
      *too_long = true;
      line->clear();
    } else {
      line->append(start, take);
    }
    pos_ += take;
    if (newline != nullptr) {
      ++pos_;
      return true;
    }
  }
}

void LineReader::ReadRest(std::string* out) {
  do {
    out->append(chunk_, pos_, end_ - pos_);
    pos_ = end_;
  } while (Fill());
}

}  // namespace kg
