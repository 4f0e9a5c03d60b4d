// Relations from trigger frames (frames.tsv) in one sentence. A frame names
// a verb or noun lemma and how its object attaches; the matcher supplies
// English clause structure around it, so that one line covers
//   active      "Blinken visited Iraq", "Blinken, who visited Iraq,"
//   passive     "Iraq was visited by Blinken", "militias backed by Iran"
//   coordinated "Blinken and Austin visited Iraq and Jordan"
//   controlled  "Biden urged Israel to attack ..." (Israel attacks, hypothetically)
//   nominal     "Blinken's visit to Iraq", "a visit by Blinken to Iraq",
//               "the Israeli strikes on Gaza", "Blinken made a trip to Iraq",
//               "talks between Israel and Hamas"
// and a symmetric predicate with a plural subject ("Biden and Xi met").
#pragma once

#include <vector>

#include "extract/arguments.h"
#include "extract/relation_candidate.h"
#include "extract/relation_status.h"

namespace kg {

void MatchFrames(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out);

}  // namespace kg
