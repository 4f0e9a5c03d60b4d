// Groups tokens into sentences. A sentence ends at a sentence_end word
// (". ! ? ...", closing quotes and brackets stay with it) and at every line
// break, which in news text separates headlines and paragraphs.
// Abbreviations kept their period in the tokenizer, so "Mr." and "Gen."
// never end a sentence; a dotted acronym ("U.S.") ends one only when the
// next word is a common sentence opener ("The", "He").
#pragma once

#include <vector>

#include "extract/annotations.h"
#include "extract/word_class.h"

namespace kg {

class SentenceSplitter {
 public:
  // `classes`: the pack's class bits per word id; must outlive the splitter.
  explicit SentenceSplitter(const std::vector<WordClasses>* classes) : classes_(classes) {}

  // Appends the sentences of doc->tokens to doc->sentences; a sentence
  // longer than `max_tokens` is cut there.
  void Split(DocumentAnalysis* doc, size_t max_tokens = SIZE_MAX) const;

 private:
  bool Has(const Token& token, WordClass c) const {
    return token.word != kNoWord && ((*classes_)[token.word] & Bit(c)) != 0;
  }
  bool EndsAfter(const DocumentAnalysis& doc, size_t i) const;
  const std::vector<WordClasses>* classes_;
};

}  // namespace kg
