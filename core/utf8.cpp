#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kg::utf8 {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed sequence at `pos`, or 0 when it is malformed
// (Unicode table 3-7 "Well-Formed UTF-8 Byte Sequences").
size_t SequenceLength(std::string_view text, size_t pos) {
  const auto at = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = at(0);
  const size_t left = text.size() - pos;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && IsContinuation(at(1)) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (left < 3 || !IsContinuation(at(1)) || !IsContinuation(at(2))) return 0;
    if (lead == 0xE0 && at(1) < 0xA0) return 0;   // overlong
    if (lead == 0xED && at(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (left < 4 || !IsContinuation(at(1)) || !IsContinuation(at(2)) || !IsContinuation(at(3)))
      return 0;
    if (lead == 0xF0 && at(1) < 0x90) return 0;   // overlong
    if (lead == 0xF4 && at(1) >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// Eight bytes at a time: most news text is ASCII, and every article is
// checked on the thread that reads for all the others.
constexpr uint64_t kEveryByte = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

uint64_t Load8(const char* bytes) {
  uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Whether a byte of `word` is below `n` (n <= 0x80; exact for the word as
// a whole, not for which byte).
constexpr bool HasByteBelow(uint64_t word, uint8_t n) {
  return ((word - kEveryByte * n) & ~word & kHighBits) != 0;
}

}  // namespace

std::optional<size_t> FindInvalid(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size() && (Load8(text.data() + pos) & kHighBits) == 0) {
      pos += 8;
      continue;
    }
    const size_t length = SequenceLength(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

std::optional<size_t> FindBinary(std::string_view text) {
  const auto is_binary = [](unsigned char byte) {
    return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') ||
           byte == 0x7F;
  };
  size_t i = 0;
  while (i < text.size()) {
    // A word with no control byte and no DEL is skipped whole; the others
    // (every line break among them) are looked at byte by byte.
    if (i + 8 <= text.size()) {
      const uint64_t word = Load8(text.data() + i);
      if (!HasByteBelow(word, 0x20) && !HasByteBelow(word ^ (kEveryByte * 0x7F), 1)) {
        i += 8;
        continue;
      }
    }
    for (const size_t end = std::min(i + 8, text.size()); i < end; ++i) {
      if (is_binary(static_cast<unsigned char>(text[i]))) return i;
    }
  }
  return std::nullopt;
}

char32_t DecodeMultibyte(std::string_view text, size_t pos, size_t* length) {
  const auto at = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = at(0);
  if (lead < 0xE0) {
    *length = 2;
    return static_cast<char32_t>(((lead & 0x1Fu) << 6) | (at(1) & 0x3Fu));
  }
  if (lead < 0xF0) {
    *length = 3;
    return static_cast<char32_t>(((lead & 0x0Fu) << 12) | ((at(1) & 0x3Fu) << 6) | (at(2) & 0x3Fu));
  }
  *length = 4;
  return static_cast<char32_t>(((lead & 0x07u) << 18) | ((at(1) & 0x3Fu) << 12) |
                               ((at(2) & 0x3Fu) << 6) | (at(3) & 0x3Fu));
}

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace kg::utf8
