// Document coreference: links the mentions of one document into entities
// (DocEntity), so that "Benjamin Netanyahu", "Netanyahu", "Mr. Netanyahu",
// "the Israeli leader" and "he" become one referent. A document pass: it
// needs every mention of the document. Every lookup goes through an index
// (surname, acronym, first word, last mention of a kind), so the cost is
// linear in the number of mentions.
#pragma once

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

// Sets Mention::entity and fills doc->entities (ordered by first mention).
void ResolveCoreference(const CompiledRules& rules, std::string_view text, DocumentAnalysis* doc);

}  // namespace kg
