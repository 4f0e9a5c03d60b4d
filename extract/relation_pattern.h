// The argument-pattern language of relations.tsv, for constructions that a
// trigger frame (frames.tsv) does not cover:
//   "a|the meeting|summit between X and Y", "Y:LOCATION - based X:ORGANIZATION",
//   "X ~send NP* to Y", "Y:PERSON 's assassin|killer X".
// Parsing is separate from matching so that `kg rules check` can report
// syntax errors without building a pipeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace kg {

// Coarse part-of-speech classes a pattern can name ("@ADJ").
enum class PosClass : uint8_t { kNoun, kPropn, kVerb, kAdj, kAdv, kNum, kDet, kPron, kAdp };

struct LemmaAlternative {
  std::string lemma;    // lowercase
  bool any_pos = true;  // "~visit"
  bool noun = false;    // "~visit/NOUN" (else "/VERB")
};

struct PatternElement {
  enum class Kind : uint8_t {
    kSlot,         // X, Y, X:PERSON: a noun phrase that holds a mention
    kWords,        // word|~lemma|~lemma/NOUN|@ADJ, [optional]
    kGap,          // ...: up to eight words that hold no mention (...:LOCATION: none
                   // but of these types)
    kNounPhrases,  // NP*: any number of noun phrases that hold no mention
    kRelative,     // REL: a relative clause between commas (", who ...,")
    kNot,          // !a|b: the next word is not one of these
  };
  Kind kind = Kind::kWords;
  // kSlot: which argument and which entity types it accepts.
  bool is_subject = false;
  TypeSet types = TypeSet::All();
  // kSlot: a word class the mention's last word must have ("corporate_suffix"
  // in "X:ORGANIZATION#corporate_suffix of Y"), empty for any.
  std::string last_word_class;
  // kWords, kNot: literal alternatives (lowercase), lemmas and POS classes.
  std::vector<std::string> words;
  std::vector<LemmaAlternative> lemmas;
  std::vector<PosClass> pos_classes;
  bool optional = false;
};

struct RelationPattern {
  std::vector<PatternElement> elements;
};

// Errors name the offending element: `unknown type "PERSN" in "Y:PERSN"`.
// Patterns are bounded: at most kMaxPatternGaps variable-width elements, so
// that matching one cannot cost more than a fixed multiple of the sentence.
Result<RelationPattern> ParseRelationPattern(std::string_view text);

inline constexpr int kMaxPatternGaps = 3;

}  // namespace kg
