// English inflection as WordNet's Morphy undoes it: suffix rules that turn
// an inflected form into candidate lemmas ("studies" -> "study"), each
// tied to the inflection it undoes. Shared by the lemmatizer and the
// tagger's lexical features.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "extract/pos/lexicon.h"

namespace kg::pos {

enum class Inflection : uint8_t {
  kPlural,       // noun -s
  kThirdPerson,  // verb -s
  kPast,         // verb -ed
  kGerund,       // verb -ing
  kComparative,  // adjective -er
  kSuperlative,  // adjective -est
};
inline constexpr int kInflectionCount = 6;

struct SuffixRule {
  WordClass word_class;
  Inflection inflection;
  std::string_view suffix;  // removed ...
  std::string_view ending;  // ... and replaced by this
};

// Morphy's rules, in Morphy's order.
std::span<const SuffixRule> SuffixRules();

// Applies `rule` to `lower` into `buffer` (of `capacity` bytes). Returns the
// candidate, or an empty view when the word does not end with the suffix,
// the stem would be empty, or the buffer is too small.
std::string_view ApplyRule(const SuffixRule& rule, std::string_view lower, char* buffer,
                           size_t capacity);

// What WordNet says `lower` can be, as bits: the ClassBit()s of the classes
// it is a lemma of (bits 0-3), the inflections a suffix rule undoes to reach
// a lemma of the rule's class (bits 4-9, by Inflection), and the classes it
// is an irregular form of (bits 10-13). 0 for words WordNet does not know.
uint16_t LexicalBits(const Lexicon& lexicon, std::string_view lower);

}  // namespace kg::pos
