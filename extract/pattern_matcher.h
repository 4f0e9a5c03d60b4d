// Relations from the explicit patterns of relations.tsv in one sentence.
// Matching starts at each token that a pattern's anchor word or lemma
// accepts and extends both ways; a pattern has at most kMaxPatternGaps
// variable-width elements, each of bounded width, so a match costs a
// bounded number of steps.
#pragma once

#include <vector>

#include "extract/arguments.h"
#include "extract/relation_candidate.h"
#include "extract/relation_status.h"

namespace kg {

void MatchPatterns(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out);

}  // namespace kg
