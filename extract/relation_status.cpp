#include "extract/relation_status.h"

#include <vector>

namespace kg {
namespace {

// How many words before a trigger that opens a relation are searched for
// cues ("an operation to kill", "the planned attack").
constexpr size_t kCueWindow = 4;
// The longest cue phrase looked for.
constexpr size_t kMaxCueWords = 4;

}  // namespace

StatusCues::StatusCues(const SentenceContext& context) : c_(context) {
  for (size_t t = c_.begin; t < c_.end; ++t) {
    c_.rules.cues().Match(c_.doc, t, c_.end, [&](size_t, std::span<const uint32_t> values) {
      for (uint32_t v : values) {
        const CueEntry& cue = c_.rules.pack().cues[v];
        if (cue.scope != CueScope::kSentence) continue;
        if (cue.status == RelationStatus::kHypothetical) sentence_hypothetical_ = true;
        if (cue.status == RelationStatus::kAsserted) sentence_realized_ = true;
      }
    });
  }
}

const CueEntry* StatusCues::CueEndingAt(size_t t, size_t* length) const {
  const CueEntry* best = nullptr;
  for (size_t start = t + 1; start-- > c_.begin && t + 1 - start <= kMaxCueWords;) {
    c_.rules.cues().Match(
        c_.doc, start, t + 1, [&](size_t matched, std::span<const uint32_t> values) {
          if (start + matched != t + 1) return;
          for (uint32_t v : values) {
            const CueEntry& cue = c_.rules.pack().cues[v];
            if (cue.scope != CueScope::kVerb && cue.scope != CueScope::kAdjacent) {
              continue;
            }
            if (best == nullptr || matched > *length) {
              best = &cue;
              *length = matched;
            }
          }
        });
  }
  return best;
}

const CueEntry* StatusCues::CueAt(size_t t, CueScope scope) const {
  const CueEntry* found = nullptr;
  c_.rules.cues().Match(c_.doc, t, c_.end, [&](size_t, std::span<const uint32_t> values) {
    for (uint32_t v : values) {
      if (c_.rules.pack().cues[v].scope == scope) found = &c_.rules.pack().cues[v];
    }
  });
  return found;
}

bool StatusCues::IsClauseEdge(size_t t) const {
  return c_.Has(t, WordClass::kComma) || c_.Has(t, WordClass::kClauseBreak);
}

bool StatusCues::HasClauseEdge(size_t begin, size_t end) const {
  for (size_t t = begin; t < end; ++t) {
    if (IsClauseEdge(t)) return true;
  }
  return false;
}

RelationStatus StatusCues::StatusOf(const RelationPlace& place) const {
  std::vector<const CueEntry*> cues;
  // Cues inside the verb complex or noun phrase: "did not meet", "would
  // attack", "plans to visit", "the planned attack". An implicative verb
  // there says the act took place: "was forced to resign", "managed to meet".
  bool implied = false;
  for (size_t t = place.verb_begin; t < place.trigger; ++t) {
    size_t length = 0;
    const CueEntry* cue = CueEndingAt(t, &length);
    if (cue == nullptr || t + 1 - length < place.verb_begin) continue;
    // "to" counts only right before the trigger: "urged X to attack".
    if (cue->scope == CueScope::kAdjacent && t + 1 != place.trigger) continue;
    implied = implied || cue->status == RelationStatus::kAsserted;
    cues.push_back(cue);
  }
  // "prompted X to urge Y": an implicative verb before the infinitive's
  // subject says the act took place too.
  for (size_t t = place.governor_begin; t < place.governor_end; ++t) {
    size_t length = 0;
    const CueEntry* cue = CueEndingAt(t, &length);
    if (cue != nullptr && cue->scope == CueScope::kVerb &&
        cue->status == RelationStatus::kAsserted && t + 1 - length >= place.governor_begin) {
      implied = true;
    }
  }
  if (place.opens_with_trigger) {
    for (size_t t = place.begin; t-- > c_.begin && place.begin - t <= kCueWindow;) {
      if (IsClauseEdge(t)) break;
      size_t length = 0;
      if (const CueEntry* cue = CueEndingAt(t, &length)) cues.push_back(cue);
    }
  }
  // "opposed to Israel attacking Iran": a gerund clause after a preposition
  // tells of an act, not that it happened; but in "the case of X,
  // convicted of murdering Y" the subject is no gerund's.
  if (!place.opens_with_trigger && c_.pos(place.trigger) == Pos::kVBG && place.begin > c_.begin &&
      !HasClauseEdge(place.begin, place.trigger)) {
    if (const CueEntry* cue = CueAt(place.begin - 1, CueScope::kGerund)) cues.push_back(cue);
  }
  // Clause cues ("if") before the match, up to the clause boundary.
  for (size_t t = place.begin; t-- > c_.begin;) {
    if (IsClauseEdge(t)) break;
    if (const CueEntry* cue = CueAt(t, CueScope::kClause)) cues.push_back(cue);
  }
  bool negated = false;
  bool hypothetical = sentence_hypothetical_;
  for (const CueEntry* cue : cues) {
    negated = negated || cue->status == RelationStatus::kNegated;
    hypothetical = hypothetical || (cue->status == RelationStatus::kHypothetical &&
                                    !(implied && cue->scope == CueScope::kAdjacent));
  }
  if (negated) return RelationStatus::kNegated;
  if (hypothetical && !sentence_realized_) return RelationStatus::kHypothetical;
  return RelationStatus::kAsserted;
}

}  // namespace kg
