// The argument-pattern language of relation triggers (relations.tsv):
//   "X ~meet [with] Y", "the assassination of Y:PERSON by X".
// Parsing is separate from matching so that `kg rules check` can report
// syntax errors without building a pipeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace kg {

struct PatternElement {
  enum class Kind : uint8_t { kSlot, kWords, kGap, kNot };
  Kind kind = Kind::kWords;
  // kSlot: which argument and which entity types it accepts.
  bool is_subject = false;
  TypeSet types = TypeSet::All();
  // kWords: literal alternatives (lowercase) and verb lemmas ("~meet").
  // kNot: the next word must not be one of `words` ("!with"); takes none.
  std::vector<std::string> words;
  std::vector<std::string> verb_lemmas;
  bool optional = false;
};

struct RelationPattern {
  std::vector<PatternElement> elements;
};

// Errors name the offending element: `unknown type "PERSN" in "Y:PERSN"`.
Result<RelationPattern> ParseRelationPattern(std::string_view text);

}  // namespace kg
