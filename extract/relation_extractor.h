// Finds relations between resolved mentions, sentence by sentence:
// - trigger patterns from relations.tsv ("X ~meet [with] Y"), matched
//   outwards from their first word, with coordinated arguments, skipped
//   appositions and adverbs, and status cues from cues.tsv;
// - role relations implied by titles ("Israeli Prime Minister X" ->
//   X leader_of Israel) and appositions ("X, the group's leader").
// Relations whose arguments break the predicate's type constraints, or
// that link an entity to itself, are dropped.
#pragma once

#include <string_view>
#include <vector>

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

class RelationExtractor {
 public:
  explicit RelationExtractor(const CompiledRules& rules) : rules_(rules) {}

  // Reads tokens, sentences, mentions and entities of `analysis` (already
  // resolved) and returns its relations in text order, without duplicates.
  std::vector<RelationMention> Extract(const DocumentAnalysis& analysis) const;

 private:
  const CompiledRules& rules_;
};

}  // namespace kg
