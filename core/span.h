// A half-open range [begin, end) of byte offsets into a Document's text.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  bool Contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }

  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace kg
