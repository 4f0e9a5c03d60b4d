// Lemmas from a word and its part-of-speech tag: WordNet's exception lists
// for irregular forms (went -> go, children -> child), Morphy's suffix rules
// checked against WordNet's lemmas (studies -> study, visited -> visit),
// spelling rules for words WordNet lacks (tweeted -> tweet), and a small
// table of clitics and pronouns (n't -> not, 're -> be, him -> he).
//
// Lemmas of common words are lower case; proper nouns (NNP) keep their
// form, and plural ones lose the plural ending ("Democrats" -> "Democrat").
//
// Thread safety: a Lemmatizer is immutable after Create(); share one among
// threads, each with its own scratch string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "extract/pos/lexicon.h"
#include "extract/pos/tags.h"

namespace kg::pos {

class Lemmatizer {
 public:
  // `overrides` is the text of a lemma-overrides.tsv (form, tags, lemma);
  // errors name `source` and the line. `lexicon` must outlive the result.
  static Result<Lemmatizer> Create(const Lexicon& lexicon, std::string_view overrides,
                                   std::string_view source);

  // WordNet 3.0 and extract/models/lemma-overrides.tsv, compiled into kg.
  static const Lemmatizer& Default();

  // The lemma of `word` (a token's surface form) tagged `tag`. The view
  // points into `word`, into this Lemmatizer, or into `scratch`: it stays
  // valid while those do and `scratch` is not changed. No allocation once
  // `scratch` has grown to the longest word.
  std::string_view Lemma(std::string_view word, PosTag tag, std::string& scratch) const;

 private:
  struct Override {
    std::string form;
    uint64_t tags = 0;  // bit per Xpos; all bits for "*"
    std::string lemma;
  };

  std::string_view Inflected(std::string_view lower, Xpos tag, std::string& scratch) const;
  const Override* FindOverride(std::string_view lower, Xpos tag) const;

  const Lexicon* lexicon_ = nullptr;
  std::vector<Override> overrides_;
};

}  // namespace kg::pos
