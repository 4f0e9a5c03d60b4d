// Shared by the libFuzzer targets: a failed property is a crash with a
// message, so that libFuzzer saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>

#define KG_FUZZ_REQUIRE(condition, what)                                         \
  do {                                                                           \
    if (!(condition)) {                                                          \
      std::fprintf(stderr, "fuzz property failed: %s (%s)\n", what, #condition); \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

#include <string_view>

#include "core/unicode.h"
#include "core/utf8.h"

// Whether `text` holds only characters XML 1.0 allows.
inline bool IsXmlText(std::string_view text) {
  if (kg::utf8::FindInvalid(text)) return false;
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    const char32_t cp = kg::utf8::Decode(text, pos, &length);
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return false;
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
  }
  return true;
}
