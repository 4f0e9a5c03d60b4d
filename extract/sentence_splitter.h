// Groups tokens into sentences. A sentence ends at ". ! ? ..." (closing
// quotes and brackets stay with it) and at every line break, which in news
// text separates headlines and paragraphs. Abbreviations kept their period
// in the tokenizer, so "Mr." and "Gen." never end a sentence; a dotted
// acronym ("U.S.") ends one only when the next word is a common sentence
// opener ("The", "He").
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "extract/annotations.h"

namespace kg {

class SentenceSplitter {
 public:
  // `openers`: lowercase words that commonly begin a sentence.
  explicit SentenceSplitter(const std::vector<std::string>& openers);

  std::vector<Sentence> Split(const std::vector<Token>& tokens) const;

 private:
  bool EndsAfter(const std::vector<Token>& tokens, size_t i) const;
  std::unordered_set<std::string> openers_;
};

}  // namespace kg
