#include "extract/frame_matcher.h"

#include <algorithm>

namespace kg {
namespace {

// How many words may stand between a trigger and the preposition of its
// object ("met on Tuesday in Cairo with X").
constexpr size_t kMaxPrepositionGap = 8;
// How many words may stand between a passive verb or a noun and its
// agent's "by": phrases of time and place pile up there ("was shot to
// death in 1971 in the lobby of his hotel by X"). Verbs, clause breaks and
// commas other than those inside a date or a place ("on May 4, 1971, in
// Tulsa, Okla., by X") still end the search.
constexpr size_t kMaxAgentGap = 12;

bool Contains(const std::vector<WordId>& ids, WordId id) {
  return id != kNoWord && std::find(ids.begin(), ids.end(), id) != ids.end();
}

class FrameMatcher {
 public:
  FrameMatcher(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out)
      : a_(args), c_(args.context()), cues_(cues), out_(*out) {}

  void Run() {
    for (size_t t = c_.begin; t < c_.end; ++t) {
      const Token& token = c_.token(t);
      const auto frames = c_.rules.FramesTriggeredBy(token.lemma);
      if (frames.empty()) continue;
      for (uint32_t f : frames) {
        const CompiledFrame& frame = c_.rules.frames()[f];
        if (frame.noun ? IsCommonNoun(token.pos) : IsVerb(token.pos)) {
          if (frame.noun) {
            MatchNoun(frame, t);
          } else {
            MatchVerb(frame, t);
          }
        }
      }
    }
  }

 private:
  // The token after the trigger's further words ("call on": after "on"), or
  // 0 when they do not follow.
  size_t TriggerEnd(const CompiledFrame& frame, size_t t) const {
    size_t after = t + 1;
    for (size_t k = 1; k < frame.trigger.size(); ++k) {
      while (after < c_.end && a_.Skippable(after)) ++after;
      if (after >= c_.end) return 0;
      const Token& word = c_.token(after);
      if (word.lemma != frame.trigger[k] && word.word != frame.trigger[k]) return 0;
      ++after;
    }
    return after;
  }

  size_t SkipAdverbs(size_t t) const {
    while (t < c_.end && a_.Skippable(t)) ++t;
    return t;
  }

  // The mention a phrase at t stands for and those coordinated with it;
  // a phrase without one may name it in an apposition ("his counterpart,
  // Ariel Sharon") or a list ("officials, including X and Y"). Returns the
  // token after what it read, or t when it found nothing.
  size_t ReadPhrase(size_t t, std::vector<int>* out) const {
    const int m = a_.ArgumentAt(t, true);
    if (m >= 0) {
      out->push_back(m);
      return a_.CoordinateForward(m, out);
    }
    const int np = a_.ChunkOf(t);
    if (np < 0 || a_.chunk(np).kind != Chunk::Kind::kNoun || a_.chunk(np).begin != t) return t;
    size_t np_end = a_.chunk(np).end;
    // "officials from Pakistan's powerful military, including X": past up to
    // two prepositional phrases to the list.
    for (int hop = 0; hop < 2 && np_end + 1 < c_.end && IsPreposition(c_.pos(np_end)); ++hop) {
      const int next = a_.ChunkOf(np_end + 1);
      if (next < 0 || a_.chunk(next).kind != Chunk::Kind::kNoun) break;
      const size_t after = a_.chunk(next).end;
      size_t look = after;
      if (look < c_.end && c_.Has(look, WordClass::kComma)) ++look;
      if (look >= c_.end || !c_.Has(look, WordClass::kIncluding)) {
        if (!IsPreposition(c_.pos(after))) break;
      }
      np_end = after;
    }
    size_t e = np_end;
    if (e + 1 < c_.end && c_.Has(e, WordClass::kComma)) ++e;
    if (e < c_.end && c_.Has(e, WordClass::kIncluding)) ++e;
    if (e == np_end) return t;  // no comma or "including": not an apposition
    const int named = a_.ArgumentAt(e, true);
    if (named < 0 || a_.mention(named).kind == MentionKind::kPronoun) return t;
    // An apposition closes: "his counterpart, Ariel Sharon, and ..."; not "the
    // rebels, a charge Rwanda has denied".
    std::vector<int> list = {named};
    const size_t after = a_.CoordinateForward(named, &list);
    if (after < c_.end && !c_.Has(after, WordClass::kComma) &&
        !c_.Has(after, WordClass::kSentenceEnd) && !c_.Has(after, WordClass::kCoordinator) &&
        !c_.Has(after, WordClass::kDash) && !IsPreposition(c_.pos(after))) {
      return t;
    }
    out->insert(out->end(), list.begin(), list.end());
    return after;
  }

  // ReadPhrase, and further apposed phrases joined by ", and": "his Israeli
  // counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas".
  size_t ReadArguments(size_t t, std::vector<int>* out) const {
    size_t next = ReadPhrase(t, out);
    if (next == t) return t;
    while (next + 2 < c_.end && c_.Has(next, WordClass::kComma) &&
           c_.Has(next + 1, WordClass::kCoordinator)) {
      const size_t after = ReadPhrase(next + 2, out);
      if (after == next + 2) break;
      next = after;
    }
    return next;
  }

  // The object behind one of `prepositions`, searched past adverbs and
  // prepositional phrases within the clause ("met on Tuesday with X").
  size_t PrepositionObject(size_t from, const std::vector<WordId>& prepositions,
                           std::vector<int>* out) const {
    for (size_t t = from, steps = 0; t < c_.end && steps <= kMaxPrepositionGap; ++t, ++steps) {
      if (Contains(prepositions, c_.token(t).word)) {
        const size_t after = ReadArguments(t + 1, out);
        return after == t + 1 ? from : after;
      }
      if (a_.ClauseBreak(t) || c_.Has(t, WordClass::kComma) ||
          c_.Has(t, WordClass::kRelativePronoun)) {
        break;
      }
      const int chunk = a_.ChunkOf(t);
      if (chunk >= 0 && a_.chunk(chunk).kind == Chunk::Kind::kVerb) break;
    }
    return from;
  }

  // "... by X": the agent of a passive or of a noun ("the killing of Y by X"),
  // also behind an agent phrase ("killed on the orders of X").
  void AgentAfter(size_t from, std::vector<int>* out) const {
    // The commas of a date or place are not words of the gap.
    for (size_t t = from, words = 0; t < c_.end && words <= kMaxAgentGap; ++t) {
      if (c_.Has(t, WordClass::kComma)) {
        if (!InsideDateOrPlace(t)) return;
        continue;
      }
      ++words;
      if (c_.Has(t, WordClass::kAgentMarker) && IsPreposition(c_.pos(t))) {
        ReadArguments(t + 1, out);
        return;
      }
      std::span<const uint32_t> phrase;
      if (const size_t length = c_.rules.agent_phrases().Longest(c_.doc, t, c_.end, &phrase,
                                                                 Fuzzy::kNone, /*lemmas=*/true);
          length > 0) {
        ReadArguments(t + length, out);
        return;
      }
      if (a_.ClauseBreak(t)) return;
      const int chunk = a_.ChunkOf(t);
      if (chunk >= 0 && a_.chunk(chunk).kind == Chunk::Kind::kVerb) return;
    }
  }

  // Whether the comma at t only parts a date's year or a place's region from
  // what precedes ("May 4, 1971", "Tulsa, Okla."), or closes such a part
  // before more of the phrase ("..., 1971, in", "..., Ohio, by").
  bool InsideDateOrPlace(size_t t) const {
    if (t == c_.begin || t + 1 >= c_.end) return false;
    const auto is_place_end = [&](size_t k) {
      const int m = a_.EndAt(k);
      return m >= 0 && a_.mention(m).type == EntityType::kLocation;
    };
    const int next_place = a_.StartAt(t + 1);
    const bool before = c_.pos(t - 1) == Pos::kCD || is_place_end(t - 1);
    const bool after = c_.pos(t + 1) == Pos::kCD || IsPreposition(c_.pos(t + 1)) ||
                       (next_place >= 0 && a_.mention(next_place).type == EntityType::kLocation);
    return before && after;
  }

  void Emit(const CompiledFrame& frame, std::vector<int> subjects, std::vector<int> objects,
            size_t trigger, size_t trigger_end, const RelationPlace& place) {
    if (subjects.empty() || objects.empty()) return;
    RelationCandidate candidate;
    candidate.predicate = frame.predicate;
    candidate.rule = c_.rules.FrameRule(static_cast<size_t>(&frame - c_.rules.frames().data()));
    candidate.subjects = std::move(subjects);
    candidate.objects = std::move(objects);
    candidate.object_types = frame.object_types;
    candidate.status = cues_.StatusOf(place);
    candidate.trigger = {c_.token(trigger).span.begin, c_.token(trigger_end - 1).span.end};
    out_.push_back(std::move(candidate));
  }

  // "Biden and Xi met": a symmetric predicate between coordinated subjects.
  void EmitPairs(const CompiledFrame& frame, const std::vector<int>& subjects, size_t trigger,
                 size_t trigger_end, const RelationPlace& place) {
    if (!c_.rules.predicate(frame.predicate).symmetric || subjects.size() < 2) return;
    for (size_t i = 0; i + 1 < subjects.size(); ++i) {
      Emit(frame, {subjects[i]}, {subjects.begin() + static_cast<long>(i) + 1, subjects.end()},
           trigger, trigger_end, place);
    }
  }

  size_t VerbComplexBegin(int group) const {
    const Chunk& chunk = a_.chunk(group);
    size_t begin = chunk.begin;
    while (begin > c_.begin && a_.Skippable(begin - 1)) --begin;
    // "plans to visit", "refused to meet", "Iran's plan to strike": the
    // governing verb or noun tells the status.
    if (chunk.Is(Chunk::kInfinitive)) {
      const int before = begin > c_.begin ? a_.ChunkOf(begin - 1) : -1;
      if (before >= 0 &&
          (a_.chunk(before).kind == Chunk::Kind::kVerb || a_.AgentOfNounBefore(begin) >= 0)) {
        begin = a_.chunk(before).begin;
      }
    }
    // "denied killing X", "considered attacking Y": so does the verb whose
    // complement a bare gerund is.
    if (chunk.Is(Chunk::kParticiple) && c_.pos(chunk.head) == Pos::kVBG && begin > c_.begin) {
      const int before = a_.ChunkOf(begin - 1);
      if (before >= 0 && a_.chunk(before).kind == Chunk::Kind::kVerb)
        begin = a_.chunk(before).begin;
    }
    return begin;
  }

  // The verb that governs an infinitive past its object: "prompted" in
  // "prompted both X and Y to urge Z".
  void SetGovernor(int group, RelationPlace* place) const {
    const Chunk& chunk = a_.chunk(group);
    if (!chunk.Is(Chunk::kInfinitive) || chunk.begin <= c_.begin) return;
    int k = group - 1;
    size_t edge = chunk.begin;
    // Past up to four noun phrases and the words joining them.
    for (int phrases = 0; k >= 0 && phrases < 5; --k, ++phrases) {
      const Chunk& before = a_.chunk(k);
      if (before.end + 2 < edge || before.begin < c_.begin) return;
      if (before.kind == Chunk::Kind::kVerb) {
        if (phrases == 0) return;  // "plans to visit": the verb complex has it
        place->governor_begin = before.begin;
        place->governor_end = before.end;
        return;
      }
      edge = before.begin;
    }
  }

  void MatchVerb(const CompiledFrame& frame, size_t t) {
    const int group = a_.ChunkOf(t);
    if (group < 0 || a_.chunk(group).kind != Chunk::Kind::kVerb || a_.chunk(group).head != t) {
      return;
    }
    const size_t after = TriggerEnd(frame, t);
    if (after == 0) return;
    const Chunk& chunk = a_.chunk(group);
    const size_t next = SkipAdverbs(after);
    // "militias backed by Iran": a bare participle before "by" is passive.
    const bool passive =
        chunk.Is(Chunk::kPassive) || (chunk.Is(Chunk::kParticiple) && c_.pos(t) == Pos::kVBN &&
                                      next < c_.end && c_.Has(next, WordClass::kAgentMarker));
    std::vector<int> subjects;
    std::vector<int> objects;
    const std::vector<int>& before = a_.SubjectsOf(group);
    RelationPlace place;
    place.trigger = t;
    place.verb_begin = VerbComplexBegin(group);
    SetGovernor(group, &place);
    size_t first = place.verb_begin;
    if (!before.empty()) {
      for (int m : before) first = std::min(first, a_.BeginOf(m));
    }
    place.begin = first;
    if (passive) {
      if (!frame.takes_object) return;
      objects = before;
      AgentAfter(next, &subjects);
      Emit(frame, std::move(subjects), std::move(objects), t, after, place);
      return;
    }
    subjects = before;
    size_t object_end = after;
    if (frame.takes_object) object_end = ReadArguments(next, &objects);
    // "X shot and killed Y": verbs joined by "and" share the object.
    if (objects.empty() && frame.takes_object && next + 1 < c_.end &&
        c_.Has(next, WordClass::kCoordinator)) {
      const int second = a_.ChunkOf(SkipAdverbs(next + 1));
      if (second >= 0 && a_.chunk(second).kind == Chunk::Kind::kVerb &&
          !a_.chunk(second).Is(Chunk::kPassive)) {
        ReadArguments(SkipAdverbs(a_.chunk(second).end), &objects);
      }
    }
    if (objects.empty() && frame.object_agent) AgentOfActAt(next, &objects);
    if (objects.empty() && !frame.prepositions.empty()) {
      object_end = PrepositionObject(next, frame.prepositions, &objects);
    }
    if (objects.empty() && object_end == after) {
      // "Biden and Xi met on Tuesday": no object, a plural subject.
      const int np = next < c_.end ? a_.ChunkOf(next) : -1;
      if (np < 0 || a_.chunk(np).kind != Chunk::Kind::kNoun || !frame.takes_object) {
        EmitPairs(frame, subjects, t, after, place);
      }
      return;
    }
    Emit(frame, std::move(subjects), std::move(objects), t, after, place);
  }

  // The agent of the act a noun phrase at t names, when the phrase itself
  // names no one: "Iran's missile tests", "the attacks by the Houthis".
  void AgentOfActAt(size_t t, std::vector<int>* out) const {
    const int chunk = t < c_.end ? a_.ChunkOf(t) : -1;
    if (chunk < 0) return;
    const Chunk& np = a_.chunk(chunk);
    if (np.kind != Chunk::Kind::kNoun || np.begin != t || IsProperNoun(c_.pos(np.head))) return;
    if (const int agent = AgentInPhrase(np, np.head); agent >= 0) {
      out->push_back(agent);
      return;
    }
    AgentAfter(np.end, out);
  }

  // The agent of a noun trigger inside its own phrase: a possessor
  // ("Israel's attack", "his visit") or a modifier ("the Hamas attack",
  // "Israeli strikes"). -1 if none.
  int AgentInPhrase(const Chunk& np, size_t t) const {
    int agent = -1;
    for (size_t k = np.begin; k < t; ++k) {
      const int m = a_.StartAt(k);
      if (m < 0 || a_.EndOf(m) > t || a_.mention(m).entity < 0) continue;
      // "the 1990 Texas slaying of X": a place that is no nation says where.
      const DocEntity& entity = c_.doc.entities[static_cast<size_t>(a_.mention(m).entity)];
      if (entity.type == EntityType::kLocation && !c_.rules.IsNation(entity.lexicon_entry)) {
        continue;
      }
      agent = m;
      k = a_.EndOf(m) - 1;
    }
    return agent;
  }

  bool IsPossessor(int m) const {
    const size_t end = a_.EndOf(m);
    return end < c_.end && (c_.Has(end, WordClass::kPossessiveMarker) ||
                            a_.mention(m).kind == MentionKind::kPronoun);
  }

  // The subject of the sentence when the noun phrase stands in a
  // prepositional phrase that opens it ("In a meeting with X, ..."); -1
  // otherwise.
  int OpeningPhraseSubject(const Chunk& np) const {
    if (np.begin != c_.begin + 1 || !IsPreposition(c_.pos(c_.begin))) return -1;
    return a_.SentenceSubject();
  }

  // Whether a verb group ends just before t ("convicted | of").
  bool VerbEndsAt(size_t t) const {
    const int group = t > c_.begin ? a_.ChunkOf(t - 1) : -1;
    return group >= 0 && a_.chunk(group).kind == Chunk::Kind::kVerb && a_.chunk(group).end == t;
  }

  // The clause a noun trigger stands in: "Blinken made a trip to Iraq",
  // "Israel launched strikes on Gaza" (a light verb's object), "Blinken
  // arrived on a visit to Iraq" (a phrase after the verb).
  void AgentFromClause(const Chunk& np, std::vector<int>* out) {
    size_t t = np.begin;
    bool through_preposition = false;
    // "traveled to the Seychelles for a meeting with X": back over up to two
    // prepositional phrases to the verb.
    for (int hop = 0; hop < 2 && t > c_.begin && IsPreposition(c_.pos(t - 1)) &&
                      (!c_.Has(t - 1, WordClass::kGenitive) || VerbEndsAt(t - 1));
         ++hop) {
      --t;
      through_preposition = true;
      const int before = a_.NounChunkEndingAt(t - 1);
      if (before < 0 || t < 2) break;
      const size_t prep = a_.chunk(before).begin;
      if (prep == c_.begin) break;
      if (!IsPreposition(c_.pos(prep - 1))) {
        // "pleaded guilty to", "was sentenced to death for": past the
        // complement of a verb of charges.
        if (VerbEndsAt(prep) &&
            c_.LemmaHas(a_.chunk(a_.ChunkOf(prep - 1)).head, WordClass::kChargeVerb)) {
          t = prep;
        }
        break;
      }
      t = prep;
    }
    // "pleaded guilty to the killing of X": past an adjective after the verb.
    while (t > c_.begin &&
           (a_.Skippable(t - 1) || (through_preposition && IsAdjective(c_.pos(t - 1))))) {
      --t;
    }
    if (t == c_.begin) return;
    const int group = a_.ChunkOf(t - 1);
    if (group < 0 || a_.chunk(group).kind != Chunk::Kind::kVerb || a_.chunk(group).end != t) return;
    const Chunk& verb = a_.chunk(group);
    // "X was convicted of the murder of Y": X did it; "X was hurt in the
    // attack on Y": not.
    if (verb.Is(Chunk::kPassive) &&
        !(through_preposition && c_.LemmaHas(verb.head, WordClass::kChargeVerb))) {
      return;
    }
    if (!through_preposition && !c_.LemmaHas(verb.head, WordClass::kLightVerb)) return;
    const std::vector<int>& subjects = a_.SubjectsOf(group);
    out->insert(out->end(), subjects.begin(), subjects.end());
  }

  void MatchNoun(const CompiledFrame& frame, size_t t) {
    const int index = a_.ChunkOf(t);
    if (index < 0 || a_.chunk(index).kind != Chunk::Kind::kNoun || a_.chunk(index).head != t) {
      return;
    }
    const Chunk& np = a_.chunk(index);
    // "the murder in 1921 of X": a date between the noun and its object.
    size_t e = np.end;
    if (const size_t after = a_.AfterTimePhrase(e);
        after != e && after < c_.end && Contains(frame.prepositions, c_.token(after).word)) {
      e = after;
    }
    std::vector<int> subjects;
    std::vector<int> objects;
    RelationPlace place;
    place.trigger = t;
    place.verb_begin = np.begin;
    place.begin = np.begin;
    place.opens_with_trigger = true;
    // "talks between Israel and Hamas"
    if (frame.between != kNoWord && e < c_.end && c_.token(e).word == frame.between) {
      std::vector<int> both;
      ReadArguments(e + 1, &both);
      if (both.size() >= 2) EmitPairs(frame, both, t, t + 1, place);
      return;
    }
    int in_phrase = AgentInPhrase(np, t);
    // "In a White House meeting with X, Pence said": a noun in a phrase that
    // opens the sentence has the sentence's subject as its agent.
    const int opening = OpeningPhraseSubject(np);
    if (opening >= 0 && (in_phrase < 0 || !IsPossessor(in_phrase))) in_phrase = opening;
    // "the visit of Blinken to Iraq": "of" names the agent when the object
    // takes another preposition.
    if (e < c_.end && c_.Has(e, WordClass::kGenitive) &&
        !Contains(frame.prepositions, c_.token(e).word)) {
      const size_t after = ReadArguments(e + 1, &subjects);
      if (after > e + 1) e = after;
    }
    size_t object_end = e;
    if (e < c_.end && Contains(frame.prepositions, c_.token(e).word)) {
      object_end = ReadArguments(e + 1, &objects);
    }
    // "Okafor's murder": a person owning an act done only to people
    // suffered it (the murder of Okafor); "Russia's invasion" is Russia's.
    if (objects.empty() && subjects.empty() && in_phrase >= 0 && IsPossessor(in_phrase) &&
        frame.object_types == TypeSet::Of(EntityType::kPerson) &&
        a_.mention(in_phrase).type == EntityType::kPerson &&
        a_.mention(in_phrase).kind != MentionKind::kPronoun &&
        std::any_of(frame.prepositions.begin(), frame.prepositions.end(),
                    [&](WordId w) { return c_.rules.Has(w, WordClass::kGenitive); })) {
      objects.push_back(in_phrase);
      in_phrase = -1;
    }
    if (objects.empty()) {
      // "Biden and Xi held talks": a symmetric predicate between the
      // coordinated subjects of the clause.
      if (subjects.empty() && in_phrase < 0) {
        AgentFromClause(np, &subjects);
        place.opens_with_trigger = false;
        EmitPairs(frame, subjects, t, t + 1, place);
      }
      return;
    }
    if (subjects.empty()) AgentAfter(object_end, &subjects);  // "the killing of X by Y"
    if (subjects.empty() && in_phrase >= 0) subjects.push_back(in_phrase);
    if (subjects.empty()) {
      AgentFromClause(np, &subjects);
      place.opens_with_trigger = subjects.empty();
    }
    Emit(frame, std::move(subjects), std::move(objects), t, t + 1, place);
  }

  Arguments& a_;
  SentenceContext& c_;
  const StatusCues& cues_;
  std::vector<RelationCandidate>& out_;
};

}  // namespace

void MatchFrames(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out) {
  FrameMatcher(args, cues, out).Run();
}

}  // namespace kg
