#include "graph/document_order.h"

#include <cstdint>

#include "core/text.h"

namespace kg {
namespace {

// <0, 0 or >0, with digit runs compared by value and digits before any
// other character.
int CompareNatural(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const bool digit_a = IsAsciiDigit(a[i]);
    const bool digit_b = IsAsciiDigit(b[j]);
    if (digit_a && digit_b) {
      while (i < a.size() && a[i] == '0') ++i;
      while (j < b.size() && b[j] == '0') ++j;
      const size_t start_a = i;
      const size_t start_b = j;
      while (i < a.size() && IsAsciiDigit(a[i])) ++i;
      while (j < b.size() && IsAsciiDigit(b[j])) ++j;
      // Without leading zeros, a longer run is a larger number.
      if (i - start_a != j - start_b) return i - start_a < j - start_b ? -1 : 1;
      if (const int c = a.substr(start_a, i - start_a).compare(b.substr(start_b, j - start_b));
          c != 0)
        return c;
      continue;
    }
    if (digit_a != digit_b) return digit_a ? -1 : 1;
    if (a[i] != b[j])
      return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

}  // namespace

bool DocumentIdLess(std::string_view a, std::string_view b) {
  const int c = CompareNatural(a, b);
  return c != 0 ? c < 0 : a < b;
}

// A digit run becomes 0x01, its length without leading zeros (four bytes,
// high first) and those digits; any other byte b becomes 0x02 b. So runs
// come before other characters, a longer run is a larger number, and an
// id that ends sorts first, as in CompareNatural. Ids equal there are
// told apart by their bytes, after a 0x00 that ends the natural part.
std::string DocumentSortKey(std::string_view id) {
  std::string key;
  key.reserve(2 * id.size() + 8);
  for (size_t i = 0; i < id.size();) {
    if (!IsAsciiDigit(id[i])) {
      key += '\x02';
      key += id[i++];
      continue;
    }
    while (i < id.size() && id[i] == '0') ++i;
    const size_t start = i;
    while (i < id.size() && IsAsciiDigit(id[i])) ++i;
    const auto length = static_cast<uint32_t>(i - start);
    key += '\x01';
    for (const int shift : {24, 16, 8, 0}) key += static_cast<char>((length >> shift) & 0xFF);
    key.append(id.substr(start, length));
  }
  key += '\0';
  key.append(id);
  return key;
}

}  // namespace kg
