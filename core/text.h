// Small, locale-independent string helpers shared by every module.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg {

std::string_view Trim(std::string_view text);
std::string AsciiLower(std::string_view text);
// Inline: the tokenizer and the mention passes ask these of every byte.
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }

// Splits on `separator`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view text, char separator);

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view TruncateUtf8(std::string_view text, size_t max_bytes);

// A stable id from a label: the case-folded (NFKC_Casefold) letters, marks
// and digits of any script that an XML name may hold, runs of anything
// else (spaces of every kind, private-use characters,
// punctuation, controls) become one '-' ("Benjamin Netanyahu" ->
// "benjamin-netanyahu", "ŁUKASZ" + no-break space + "Nowak" -> "łukasz-nowak"). Periods and
// apostrophes vanish ("U.S." -> "us"). At most 200 bytes: a longer slug is
// cut and ends in 16 hex digits of its SHA-256. Never empty ("entity").
std::string Slugify(std::string_view label);

// Comparison form of a name: NFKC case-folded (so "José" composed or
// decomposed, "ÁNGEL" and "ángel" compare equal), curly apostrophes folded,
// a trailing possessive removed, periods dropped ("U.S." -> "us") and other
// punctuation and spaces of every kind turned into single spaces.
std::string FoldName(std::string_view name);

// Replaces curly single quotes (U+2018, U+2019) with ASCII apostrophes.
std::string FoldApostrophes(std::string_view text);

bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

}  // namespace kg
