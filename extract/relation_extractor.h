// Relations between the entities of a document: role relations from
// titles, then, sentence by sentence, trigger frames and explicit patterns,
// each relation checked against its predicate's and its slots' entity
// types. Runs after coreference; fills doc->relations, one per sentence,
// subject, predicate, object and status, symmetric ones with the smaller
// entity first.
#pragma once

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

void ExtractRelations(const CompiledRules& rules, DocumentAnalysis* doc);

}  // namespace kg
