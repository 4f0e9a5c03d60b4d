// Reads the words, lemmas and UPOS/XPOS tags of a CoNLL-U treebank
// (Universal Dependencies format). Multiword-token ranges ("1-2 don't") and
// empty nodes ("8.1") are not words: the tagger sees syntactic words ("do"
// "n't"). Each word's byte span in the sentence's "# text" is recovered
// when the forms spell the text, so that other tokenizations can be
// aligned with the treebank's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "core/status.h"
#include "extract/pos/tags.h"

namespace kg::pos {

struct TaggedSentence {
  std::string text;  // the "# text = " comment, or ""
  std::vector<std::string> words;
  std::vector<std::string> lemmas;
  std::vector<PosTag> tags;
  // Per word, its bytes in `text`; empty spans where the forms do not spell
  // the text (a multiword token whose parts are not its substrings).
  std::vector<Span> spans;
};

// Errors name `source` and the line ("train.conllu:17: unknown UPOS \"NOUNX\"").
Result<std::vector<TaggedSentence>> ParseConllu(std::string_view text, std::string_view source);

}  // namespace kg::pos
