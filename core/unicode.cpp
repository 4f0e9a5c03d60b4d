#include "core/unicode.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

#include <utf8proc.h>

#include "core/utf8.h"

namespace kg::unicode {
namespace {

utf8proc_category_t Category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// utf8proc_map with `options`; the input is valid UTF-8, so a failure can
// only be running out of memory.
std::string Map(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &out, static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
  if (length < 0) {
    if (length == UTF8PROC_ERROR_NOMEM) throw std::bad_alloc();
    return std::string(text);  // not valid UTF-8: callers promise it is; leave it alone
  }
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(length));
}

}  // namespace

bool IsSpaceBeyondAscii(char32_t cp) {
  if (cp == 0x85 || cp == 0x200B || cp == 0xFEFF) return true;
  const auto category = Category(cp);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

bool IsLetterBeyondAscii(char32_t cp) {
  const auto category = Category(cp);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool IsUpperBeyondAscii(char32_t cp) {
  const auto category = Category(cp);
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool IsWordCharBeyondAscii(char32_t cp) {
  if (IsSpace(cp) || IsNoncharacter(cp)) return false;
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CO:
      return true;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CS:
      return false;
  }
  return false;
}

bool IsFormat(char32_t cp) { return cp >= 0x80 && Category(cp) == UTF8PROC_CATEGORY_CF; }

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool IsXmlNameChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '-' || cp == '.' || cp == '_' || cp == ':';
  }
  // XML 1.0 (fifth edition) NameChar, productions [4] and [4a].
  static constexpr std::pair<char32_t, char32_t> kRanges[] = {
      {0xB7, 0xB7},     {0xC0, 0xD6},     {0xD8, 0xF6},      {0xF8, 0x37D},    {0x37F, 0x1FFF},
      {0x200C, 0x200D}, {0x203F, 0x2040}, {0x2070, 0x218F},  {0x2C00, 0x2FEF}, {0x3001, 0xD7FF},
      {0xF900, 0xFDCF}, {0xFDF0, 0xFFFD}, {0x10000, 0xEFFFF}};
  for (const auto& [first, last] : kRanges) {
    if (cp >= first && cp <= last) return true;
  }
  return false;
}

bool IsNoncharacter(char32_t cp) {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

std::string Nfc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                       UTF8PROC_IGNORE);
}

size_t DisplayWidth(std::string_view text) {
  if (utf8::FindInvalid(text)) return text.size();  // not for invalid text; never crash on it
  size_t width = 0;
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    const char32_t cp = utf8::Decode(text, pos, &length);
    if (cp < 0x80) {
      width += cp >= 0x20 && cp != 0x7F ? 1 : 0;
      continue;
    }
    const int columns = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    width += columns > 0 ? static_cast<size_t>(columns) : 0;
  }
  return width;
}

namespace {

std::optional<size_t> FindNon(std::string_view text, bool id) {
  if (auto bad = utf8::FindInvalid(text)) return bad;
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      length = 1;
      const bool allowed = byte == '\t' || byte == '\n' || byte == '\r' || (!id && byte == '\f');
      if ((byte < 0x20 && !allowed) || byte == 0x7F) return pos;
      continue;
    }
    const char32_t cp = utf8::Decode(text, pos, &length);
    if (id && IsNoncharacter(cp)) return pos;
  }
  return std::nullopt;
}

}  // namespace

std::optional<size_t> FindNonText(std::string_view text) { return FindNon(text, false); }

std::optional<size_t> FindNonIdText(std::string_view text) { return FindNon(text, true); }

std::string CodePointName(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

std::string DescribeNonText(std::string_view text, size_t offset) {
  if (offset >= text.size() || utf8::FindInvalid(text.substr(offset)) == size_t{0}) {
    return "invalid UTF-8";
  }
  size_t length = 0;
  const char32_t cp = utf8::Decode(text, offset, &length);
  return (IsNoncharacter(cp) ? "noncharacter " : "control character ") + CodePointName(cp);
}

std::string Printable(std::string_view text) {
  const bool valid = !utf8::FindInvalid(text);
  std::string out;
  out.reserve(text.size());
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      length = 1;
      out.push_back(byte < 0x20 || byte == 0x7F ? ' ' : static_cast<char>(byte));
      continue;
    }
    if (!valid) {
      length = 1;
      out.push_back('?');
      continue;
    }
    const char32_t cp = utf8::Decode(text, pos, &length);
    if (IsControl(cp)) {
      out.push_back(' ');
    } else {
      out.append(text.substr(pos, length));
    }
  }
  return out;
}

}  // namespace kg::unicode
