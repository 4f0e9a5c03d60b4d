// Finds entity mentions in a tokenized document: names from the lexicon,
// titled names ("Israeli Prime Minister Benjamin Netanyahu"), capitalised
// name sequences typed by their heads and given names, collectives ("the
// Israeli government", "the Israelis"), definite descriptions ("the group",
// "the Israeli leader") and pronouns. Mentions are not yet linked to
// entities: that is coreference's job.
#pragma once

#include <string_view>
#include <vector>

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

class MentionFinder {
 public:
  explicit MentionFinder(const CompiledRules& rules) : rules_(rules) {}

  // Mentions in text order. `tokens` and `sentences` come from the rules'
  // tokenizer and splitter on `text`.
  std::vector<Mention> Find(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<Sentence>& sentences) const;

 private:
  const CompiledRules& rules_;
};

}  // namespace kg
