#include "core/text.h"

#include <array>

#include "core/sha256.h"
#include "core/unicode.h"
#include "core/utf8.h"

namespace kg {
namespace {

constexpr size_t kMaxSlugBytes = 200;

bool IsAsciiText(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Whether a code point stays in a slug: a word character an XML name may
// hold, and no format character.
bool KeptInSlug(char32_t cp) {
  return unicode::IsWordChar(cp) && !unicode::IsFormat(cp) && unicode::IsXmlNameChar(cp);
}

// KeptInSlug for the ASCII characters, asked once: most labels are ASCII,
// and their slugs then need no decoding and no Unicode tables.
const std::array<bool, 128>& AsciiKeptInSlug() {
  static const std::array<bool, 128> kept = [] {
    std::array<bool, 128> table{};
    for (char32_t cp = 0; cp < 128; ++cp) table[cp] = KeptInSlug(cp);
    return table;
  }();
  return kept;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::string_view TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::string Slugify(std::string_view label) {
  // An ASCII label is lowercased as it is read; any other is folded first.
  // Curly apostrophes are dropped like straight ones: "O’Brien" == "O'Brien".
  const bool ascii = IsAsciiText(label);
  const std::string folded = ascii ? std::string() : unicode::FoldCase(FoldApostrophes(label));
  const std::string_view text = ascii ? label : std::string_view(folded);
  const std::array<bool, 128>& ascii_kept = AsciiKeptInSlug();
  std::string slug;
  slug.reserve(text.size());
  bool pending_dash = false;
  size_t length = 1;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    char32_t cp;
    if (ascii) {
      const char c = text[pos];
      cp = static_cast<char32_t>(IsAsciiUpper(c) ? c - 'A' + 'a' : c);
    } else {
      cp = utf8::Decode(text, pos, &length);
    }
    // Slugs are ids in every export: only characters an XML name may hold
    // (GraphML's ids are xs:NMTOKEN), so no private-use character or
    // symbol that Unicode counts as part of a word.
    if (cp < 128 ? ascii_kept[cp] : KeptInSlug(cp)) {
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      if (ascii) {
        slug.push_back(static_cast<char>(cp));
      } else {
        slug.append(text, pos, length);
      }
    } else if (cp != '.' && cp != '\'') {  // "U.S." -> "us", "O'Brien" -> "obrien"
      pending_dash = true;
    }
  }
  if (slug.empty()) return "entity";
  if (slug.size() <= kMaxSlugBytes) return slug;
  // Long names keep a readable start and stay distinct through a hash of
  // the whole slug.
  return std::string(TruncateUtf8(slug, kMaxSlugBytes - 17)) + "-" + Sha256Hex(slug).substr(0, 16);
}

std::string FoldApostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xE2\x80\x99" || text.substr(i, 3) == "\xE2\x80\x98") {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

namespace {

// FoldName of ASCII text in one pass, with nothing to decode or normalise:
// most names are ASCII, and coreference and merging fold every mention.
std::string FoldAsciiName(std::string_view name) {
  std::string_view view = Trim(name);
  if (EndsWith(view, "'s")) view.remove_suffix(2);
  std::string out;
  out.reserve(view.size());
  bool pending_space = false;
  for (const char c : view) {
    if (c == '.') continue;
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
      pending_space = true;
    }
  }
  return out;
}

}  // namespace

std::string FoldName(std::string_view name) {
  if (IsAsciiText(name)) return FoldAsciiName(name);
  const std::string text = FoldApostrophes(name);
  std::string_view view = Trim(text);
  if (EndsWith(view, "'s")) view.remove_suffix(2);
  const std::string folded = unicode::FoldCase(view);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  size_t length = 0;
  for (size_t pos = 0; pos < folded.size(); pos += length) {
    const char32_t cp = utf8::Decode(folded, pos, &length);
    if (cp == '.') continue;
    // Slugs are ids in every export: only characters an XML name may hold
    // (GraphML's ids are xs:NMTOKEN), so no private-use character or
    // symbol that Unicode counts as part of a word.
    if (unicode::IsWordChar(cp) && !unicode::IsFormat(cp) && unicode::IsXmlNameChar(cp)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(folded, pos, length);
    } else {
      pending_space = true;
    }
  }
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace kg
