// UTF-8 validation and decoding. All text in kg is UTF-8; input is checked
// once when a Document is made, so later stages may assume valid UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg::utf8 {

// Byte offset of the first byte that is not part of a well-formed UTF-8
// sequence (overlongs, surrogates and code points past U+10FFFF included),
// or nullopt when the whole text is valid.
std::optional<size_t> FindInvalid(std::string_view text);

// Byte offset of the first NUL or other control character that plain text
// never contains (tab, newline and carriage return are allowed), or nullopt.
std::optional<size_t> FindBinary(std::string_view text);

// Decodes the code point starting at `pos` of valid UTF-8 and stores its
// length in `length`. ASCII is decoded inline: news is mostly ASCII, and
// the tokenizer decodes every byte.
char32_t DecodeMultibyte(std::string_view text, size_t pos, size_t* length);
inline char32_t Decode(std::string_view text, size_t pos, size_t* length) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    *length = 1;
    return lead;
  }
  return DecodeMultibyte(text, pos, length);
}

void Append(char32_t code_point, std::string* out);

}  // namespace kg::utf8
