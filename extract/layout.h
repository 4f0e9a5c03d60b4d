// The parts of a news article that are not running text: the headline (a
// first line without closing punctuation, or a line in capitals), a byline
// ("By Jane Doe") and a dateline ("WASHINGTON (Reuters) -", "NEW YORK,
// March 9 -") opening the first sentence. A document pass after sentence
// splitting: sets Sentence::kind and Sentence::dateline_end. Mention
// finding skips datelines and bylines and trusts headline names less.
#pragma once

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

void MarkLayout(const CompiledRules& rules, DocumentAnalysis* doc);

}  // namespace kg
