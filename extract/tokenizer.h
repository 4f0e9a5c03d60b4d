// Splits UTF-8 text into word and punctuation tokens with byte spans.
//
// Words keep internal apostrophes ("O'Brien") and dotted abbreviations
// ("U.S.", "Mr." when listed); possessive "'s" and "n't" become tokens of
// their own, and hyphens always split ("Qatar-based" -> Qatar - based) so
// that the parts can be matched; Token flags tell whether space separated
// them. The text must be valid UTF-8 (Document guarantees it).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/annotations.h"

namespace kg {

class Tokenizer {
 public:
  // `abbreviations`: words that keep their final period ("Mr.", "Gen.").
  explicit Tokenizer(const std::vector<std::string>& abbreviations);

  std::vector<Token> Tokenize(std::string_view text) const;

 private:
  std::unordered_set<std::string> abbreviations_;  // without the period, as written
};

}  // namespace kg
