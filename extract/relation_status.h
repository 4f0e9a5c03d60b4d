// Whether a relation a sentence states happened, did not happen, or is
// planned, asked for, conditional or questioned: from the status cues of
// the rule pack (cues.tsv) around the relation's trigger. Negated wins over
// hypothetical; a sentence cue with status asserted ("carried out") undoes a
// hypothetical one.
#pragma once

#include <cstddef>

#include "core/types.h"
#include "extract/sentence_context.h"

namespace kg {

// Where a relation stands in its sentence.
struct RelationPlace {
  size_t begin = 0;                 // first token of the whole match
  size_t verb_begin = 0;            // first token of the trigger's verb complex or noun phrase
  size_t trigger = 0;               // the trigger word
  bool opens_with_trigger = false;  // no subject before the trigger ("the planned attack on")
  // The verb group that governs an infinitive past its object ("prompted"
  // in "prompted X to urge Y"): only its implicative cues count. Empty
  // when begin == end.
  size_t governor_begin = 0;
  size_t governor_end = 0;
};

class StatusCues {
 public:
  // Finds the sentence-scope cues of the sentence once.
  explicit StatusCues(const SentenceContext& context);

  RelationStatus StatusOf(const RelationPlace& place) const;

 private:
  // The longest verb- or adjacent-scope cue ending at token t; its length.
  const CueEntry* CueEndingAt(size_t t, size_t* length) const;
  const CueEntry* CueAt(size_t t, CueScope scope) const;
  bool IsClauseEdge(size_t t) const;
  bool HasClauseEdge(size_t begin, size_t end) const;

  const SentenceContext& c_;
  bool sentence_hypothetical_ = false;
  bool sentence_realized_ = false;
};

}  // namespace kg
