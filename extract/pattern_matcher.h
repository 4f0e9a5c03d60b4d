// Relations from the explicit patterns of relations.tsv in one sentence.
// Matching starts at each token that a pattern's anchor word or lemma
// accepts and extends both ways; a pattern has at most kMaxPatternGaps
// variable-width elements, each of bounded width, and at most
// kMaxPatternElements elements (the depth of the matcher's recursion).
// States that failed are remembered, so a match tries each (element,
// token) state once: its cost is bounded by elements x tokens, not
// exponential in the optional elements.
#pragma once

#include <vector>

#include "extract/arguments.h"
#include "extract/relation_candidate.h"
#include "extract/relation_status.h"

namespace kg {

void MatchPatterns(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out);

}  // namespace kg
