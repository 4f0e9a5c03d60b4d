// Unicode character classes, normalisation, case folding and display width,
// all from utf8proc (Debian's libutf8proc-dev): no hand-written tables.
//
// Every function takes valid UTF-8 (a Document and every reader guarantee
// it) and is thread-safe; utf8proc has no global state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg::unicode {

// The four classes below answer ASCII inline (the tokenizer asks them of
// every character, and news is mostly ASCII) and ask utf8proc beyond it.
bool IsSpaceBeyondAscii(char32_t cp);
bool IsLetterBeyondAscii(char32_t cp);
bool IsUpperBeyondAscii(char32_t cp);
bool IsWordCharBeyondAscii(char32_t cp);

// Spaces: category Zs, Zl, Zp, the ASCII and Latin-1 white space controls
// (tab, LF, VT, FF, CR, U+0085), the zero-width space U+200B and U+FEFF
// (byte order mark / zero-width no-break space).
inline bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return IsSpaceBeyondAscii(cp);
}

// Letters of any script (categories L*).
inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return IsLetterBeyondAscii(cp);
}

// Upper- and title-case letters (Lu, Lt): "Ł", "Ž", "Σ", "Ǆ".
inline bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return IsUpperBeyondAscii(cp);
}

// What a word is made of: letters, combining marks, digits and other
// numbers, and invisible format characters inside words (ZWJ, ZWNJ, the
// bidi marks). Unassigned and private-use code points count too, so that
// text in a script newer than the tables still forms words.
inline bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return IsWordCharBeyondAscii(cp);
}

// Invisible format characters (category Cf): ZWJ, ZWNJ, bidi marks.
bool IsFormat(char32_t cp);

// C0 and C1 controls and DEL (category Cc), tab, LF and CR included.
bool IsControl(char32_t cp);

// What XML names (and GraphML's xs:NMTOKEN ids) may hold: XML 1.0's
// NameChar. Letters, marks and digits of every script are; private-use
// characters, symbols and most punctuation are not.
bool IsXmlNameChar(char32_t cp);

// U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE,
// U+FFFF, U+1FFFE ...): never text, and not allowed in XML.
bool IsNoncharacter(char32_t cp);

// NFC: "Jose" + U+0301 -> "José" (U+00E9). Used on names that come in.
std::string Nfc(std::string_view text);

// NFKC_Casefold: compatibility forms unified, case folded, default
// ignorable characters (ZWJ, bidi marks, soft hyphen) removed. The form in
// which names are compared: "ÁNGEL", "ángel" and "a" + U+0301 + "ngel" fold
// alike. Pure ASCII takes a fast path.
std::string FoldCase(std::string_view text);

// Columns `text` takes in a terminal: East Asian wide characters count 2,
// combining marks and format characters 0.
size_t DisplayWidth(std::string_view text);

// Byte offset of the first code point that is not text, or nullopt: invalid
// UTF-8 (including the surrogates a JSON escape can produce), or a control
// character other than tab, LF, CR and form feed (what an article may hold).
std::optional<size_t> FindNonText(std::string_view text);

// The same for ids, which other formats use as keys: noncharacters
// (U+FFFE, U+FFFF ...) and form feeds are refused too, since XML cannot
// hold them and replacing them would make two ids one.
std::optional<size_t> FindNonIdText(std::string_view text);

// "invalid UTF-8", "control character U+0001", "noncharacter U+FFFE": what
// FindNonText found at `offset`.
std::string DescribeNonText(std::string_view text, size_t offset);

// `text` made safe to print on a terminal: controls (tab, LF and CR too)
// become spaces, so labels from a graph file cannot move the cursor or
// send escape sequences.
std::string Printable(std::string_view text);

// "U+00E9": how messages name a code point.
std::string CodePointName(char32_t cp);

}  // namespace kg::unicode
