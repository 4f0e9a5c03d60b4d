// Finds the mentions of entities in a document: names, titled people,
// collectives, descriptions and pronouns (the constructions of
// mention_constructions.h, tried in order at each token of each sentence).
// Runs after tagging; coreference then links the mentions into entities.
#pragma once

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

// Fills doc->mentions, ordered by position.
void FindMentions(const CompiledRules& rules, DocumentAnalysis* doc);

}  // namespace kg
