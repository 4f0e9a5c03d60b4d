// Splits UTF-8 text into word and punctuation tokens with byte spans, and
// gives each its comparison form and the rule pack's word id.
//
// Words keep internal apostrophes ("O'Brien") and dotted abbreviations
// ("U.S.", "Mr." when listed); clitics listed in the pack ("n't", "'s",
// "'ll") become tokens of their own, and hyphens always split
// ("Qatar-based" -> Qatar - based) so that the parts can be matched, as
// the treebank the tagger learnt from does; Token flags tell whether space
// separated them. The text must be valid UTF-8 (Document guarantees it).
// Cost is linear in the text; no allocation per token beyond the growth of
// the output vectors.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/annotations.h"
#include "extract/word_index.h"

namespace kg {

class Tokenizer {
 public:
  // `abbreviations`: words that keep their final period ("Mr.", "Gen.").
  // `clitics`: lowercase endings split off a word ("n't", "'ll").
  // `words`: the pack's word ids, which must outlive the tokenizer.
  Tokenizer(const std::vector<std::string>& abbreviations, const std::vector<std::string>& clitics,
            const WordIndex* words);

  // Appends the tokens of `text` (and their comparison forms) to `doc`,
  // stopping after `max_tokens`.
  void Tokenize(std::string_view text, DocumentAnalysis* doc, size_t max_tokens = SIZE_MAX) const;
  // The same for a rule pack's phrase, which is written in lowercase: an
  // abbreviation keeps its period whatever its case ("lt. gen." is two
  // words, as "Lt. Gen." is in a text).
  void TokenizePhrase(std::string_view phrase, DocumentAnalysis* doc) const;

  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

 private:
  WordSet abbreviations_;             // as written, without the period
  WordSet phrase_abbreviations_;      // the same, and lowercased
  std::vector<std::string> clitics_;  // longest first
  // The last two bytes of every clitic (any byte before a one-byte one):
  // most words end otherwise and skip the comparisons.
  std::bitset<65536> clitic_endings_;
  const WordIndex* words_;
};

}  // namespace kg
