// A relation as a matcher finds it in a sentence, before the entities'
// types are checked: the mentions on either side (several when they are
// coordinated), the predicate and the status.
#pragma once

#include <vector>

#include "core/span.h"
#include "core/types.h"

namespace kg {

struct RelationCandidate {
  int predicate = -1;
  std::vector<int> subjects;  // mention indexes
  std::vector<int> objects;
  TypeSet subject_types = TypeSet::All();  // beyond the predicate's own
  TypeSet object_types = TypeSet::All();
  RelationStatus status = RelationStatus::kAsserted;
  Span trigger;   // bytes of the trigger words
  int rule = -1;  // CompiledRules::RuleSource index
};

}  // namespace kg
