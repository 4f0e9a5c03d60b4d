#include "extract/arguments.h"

#include <algorithm>

namespace kg {

Arguments::Arguments(SentenceContext& context)
    : c_(context), start_at_(c_.end - c_.begin, -1), end_at_(c_.end - c_.begin, -1) {
  const auto& mentions = c_.doc.mentions;
  auto first = std::lower_bound(mentions.begin(), mentions.end(), c_.begin,
                                [](const Mention& m, size_t t) { return m.token_begin < t; });
  const auto length = [&](int m) { return mention(m).token_end - mention(m).token_begin; };
  for (auto it = first; it != mentions.end() && it->token_begin < c_.end; ++it) {
    const Mention& m = *it;
    if (m.token_end > c_.end) continue;
    const int index = static_cast<int>(it - mentions.begin());
    // The outermost mention wins: "Hamas military commander Mohammed Deif"
    // rather than its affiliation "Hamas".
    int& start = start_at_[m.token_begin - c_.begin];
    if (start < 0 || length(start) < m.token_end - m.token_begin) start = index;
    // "the Qatar" in "the Qatar-based" is found from either word.
    if (m.name_begin == m.token_begin + 1 && c_.Has(m.token_begin, WordClass::kArticle)) {
      int& inner = start_at_[m.name_begin - c_.begin];
      if (inner < 0) inner = index;
    }
    int& end = end_at_[m.token_end - 1 - c_.begin];
    if (end < 0 || length(end) < m.token_end - m.token_begin) end = index;
  }
  const auto& chunks = c_.doc.chunks;
  const auto chunk_before = [](const Chunk& chunk, size_t t) { return chunk.begin < t; };
  first_chunk_ = static_cast<int>(
      std::lower_bound(chunks.begin(), chunks.end(), c_.begin, chunk_before) - chunks.begin());
  end_chunk_ = static_cast<int>(
      std::lower_bound(chunks.begin(), chunks.end(), c_.end, chunk_before) - chunks.begin());
  subjects_.resize(static_cast<size_t>(end_chunk_ - first_chunk_));
  settled_ = first_chunk_;
}

bool Arguments::IsArgument(int m) const {
  return m >= 0 && mention(m).entity >= 0 && mention(m).kind != MentionKind::kModifier;
}

bool Arguments::IsHyphenModifier(int m) const {
  const size_t end = EndOf(m);
  return end + 1 < c_.end && c_.Has(end, WordClass::kHyphen) && c_.Joined(end) &&
         c_.token(end + 1).Is(kTokenWord) && !c_.token(end + 1).Is(kTokenCapitalized);
}

bool Arguments::IsPossessiveDeterminer(int m) const {
  const Mention& found = mention(m);
  if (found.kind != MentionKind::kPronoun) return false;
  const auto& cases = c_.rules.pack().pronouns[static_cast<size_t>(found.pronoun)].cases;
  const bool possessive =
      std::find(cases.begin(), cases.end(), PronounCase::kPossessive) != cases.end();
  if (!possessive) return false;
  const bool also_object =
      std::find(cases.begin(), cases.end(), PronounCase::kObject) != cases.end();
  // "her" is an object unless a noun follows ("told her", "her aides").
  return !also_object || (found.token_end < c_.end && IsNoun(c_.pos(found.token_end)));
}

bool Arguments::IsCollectiveHead(const Chunk& phrase) const {
  const Token& head = c_.token(phrase.head);
  return c_.rules.Has(head.lemma, WordClass::kCollective) ||
         c_.rules.Has(head.word, WordClass::kCollective);
}

bool Arguments::Skippable(size_t t) const {
  return IsAdverb(c_.pos(t)) || c_.Has(t, WordClass::kSkipWord);
}

bool Arguments::ClauseBreak(size_t t) const {
  return c_.Has(t, WordClass::kClauseBreak) || c_.Has(t, WordClass::kSubordinator) ||
         c_.Has(t, WordClass::kSentenceEnd);
}

int Arguments::NounChunkEndingAt(size_t t) const {
  const int index = ChunkOf(t);
  if (index < 0) return -1;
  const Chunk& found = chunk(index);
  return found.kind == Chunk::Kind::kNoun && found.end == t + 1 ? index : -1;
}

int Arguments::NameAfterDeterminer(const Chunk& phrase) const {
  // "with the Institute of Marine Physics": the tagger took "Institute" for a
  // common noun, so the phrase ends before the name does. Not places:
  // "fired a missile into the Sea of Vestland" stays without an object.
  size_t k = phrase.begin;
  while (k < phrase.end && (c_.pos(k) == Pos::kDT || c_.pos(k) == Pos::kPDT)) ++k;
  if (k == phrase.begin || k >= phrase.end) return -1;
  const int m = StartAt(k);
  if (m < 0 || EndOf(m) <= phrase.end || mention(m).type == EntityType::kLocation) return -1;
  return m;
}

int Arguments::ArgumentAt(size_t t, bool chain, bool allow_hyphen) const {
  // "both Trump and Israel": the first word of a paired conjunction.
  if (c_.Inside(t) && c_.pos(t) == Pos::kCC && !c_.Has(t, WordClass::kCoordinator)) ++t;
  if (!c_.Inside(t)) return -1;
  int m = StartAt(t);
  const int np = ChunkOf(t);
  if (np >= 0 && chunk(np).kind == Chunk::Kind::kNoun && chunk(np).begin == t) {
    // A noun phrase stands for the mention at its head: "the embattled
    // Netanyahu", "Senator Okafor assassin Harold Vane"; a possessor
    // alone does not stand for a phrase whose head is another noun
    // ("Okafor's assassin").
    const Chunk& phrase = chunk(np);
    const int head = EndAt(phrase.end - 1);
    if (head >= 0 && BeginOf(head) >= t) {
      m = head;
    } else if (const int name = NameAfterDeterminer(phrase); m < 0 && name >= 0) {
      m = name;
    } else if (chain && m >= 0 && EndOf(m) < phrase.end && !IsCollectiveHead(phrase)) {
      for (size_t k = EndOf(m); k < phrase.end; ++k) {
        if (c_.Has(k, WordClass::kPossessiveMarker)) return -1;
      }
    }
  }
  // "the Houthi-controlled port of X": a name that only modifies the next
  // word does not stand for the phrase.
  if (m >= 0 && IsHyphenModifier(m) && !allow_hyphen) m = -1;
  if (m < 0) {
    if (np >= 0 && chunk(np).kind == Chunk::Kind::kNoun && chunk(np).begin == t) {
      const Chunk& phrase = chunk(np);
      // "the port of Odesa", "leaders of Hamas": a place behind its noun, a
      // group behind its members.
      if (m < 0 && phrase.end + 1 < c_.end && c_.Has(phrase.end, WordClass::kGenitive)) {
        const bool place = c_.Has(phrase.head, WordClass::kPlaceNoun);
        const bool members = IsCollectiveHead(phrase);
        if (place || members) {
          const int behind = ArgumentAt(phrase.end + 1, false);
          if (behind >= 0 && (place ? mention(behind).type == EntityType::kLocation
                                    : mention(behind).type != EntityType::kPerson)) {
            m = behind;
          }
        }
      }
    }
  }
  if (!IsArgument(m) || (IsHyphenModifier(m) && !allow_hyphen) || IsPossessiveDeterminer(m)) {
    return -1;
  }
  while (chain) {
    const size_t end = EndOf(m);
    if (end >= c_.end || !c_.Has(end, WordClass::kPossessiveMarker)) break;
    const int next = StartAt(end + 1);
    if (!IsArgument(next)) break;
    m = next;
  }
  return m;
}

bool Arguments::OpensApposition(size_t t) const {
  if (!c_.Inside(t)) return false;
  const Pos pos = c_.pos(t);
  if (StartAt(t) >= 0 || c_.token(t).Is(kTokenCapitalized)) return true;
  if (c_.Has(t, WordClass::kDeterminer) || c_.Has(t, WordClass::kRelativePronoun)) return true;
  if (pos == Pos::kPRP) {
    // "himself" opens an apposition; "he" a new clause.
    const PronounEntry* pronoun = c_.rules.Pronoun(c_.token(t).word);
    return pronoun != nullptr && !pronoun->cases.empty() &&
           pronoun->cases.front() == PronounCase::kReflexive;
  }
  return pos == Pos::kPRPS || IsWhWord(pos) || IsAdjective(pos) || pos == Pos::kCD ||
         pos == Pos::kVBN || pos == Pos::kVBG || IsAdverb(pos) || IsCommonNoun(pos);
}

int Arguments::ArgumentEndingAt(long t) const {
  if (t < static_cast<long>(c_.begin)) return -1;
  const size_t u = static_cast<size_t>(t);
  const bool comma = c_.Has(u, WordClass::kComma);
  if (comma || c_.Has(u, WordClass::kDash)) {
    const WordId separator = c_.token(u).word;
    // "Pakistan's army chief, General Asim Munir, visited": the comma closes
    // an apposition that the mention before it already spans.
    if (u > c_.begin) {
      const int spanning = EndAt(u - 1);
      if (IsArgument(spanning)) {
        for (size_t k = BeginOf(spanning); k + 1 < u; ++k) {
          if (c_.token(k).word == separator) return spanning;
        }
      }
    }
    for (size_t q = u; q-- > c_.begin && u - q <= kMaxApposition;) {
      if (c_.token(q).word != separator) {
        if (ClauseBreak(q) && !c_.Has(q, WordClass::kRelativePronoun)) return -1;
        continue;
      }
      // "Tom Ray, of Elm Street, shot": a home or group after "of".
      if (!OpensApposition(q + 1) && !(comma && c_.Has(q + 1, WordClass::kGenitive))) return -1;
      // "Tom Ray, 44, of Elm Street,": an age before it.
      if (comma && q >= c_.begin + 3 && c_.token(q - 1).Is(kTokenNumber) &&
          c_.Has(q - 2, WordClass::kComma)) {
        q -= 2;
      }
      const int m = q > c_.begin ? EndAt(q - 1) : -1;
      return IsArgument(m) ? m : -1;
    }
    return -1;
  }
  // "the militia, which is backed by Iran": the relative pronoun's antecedent.
  if (c_.Has(u, WordClass::kRelativePronoun) && IsWhWord(c_.pos(u)) && u > c_.begin) {
    const size_t before = c_.Has(u - 1, WordClass::kComma) && u - 1 > c_.begin ? u - 2 : u - 1;
    const int m = EndAt(before);
    return IsArgument(m) ? m : DescribedBy(before);
  }
  const int m = EndAt(u);
  return IsArgument(m) && !IsPossessiveDeterminer(m) ? m : -1;
}

int Arguments::DescribedBy(size_t t) const {
  const int np = NounChunkEndingAt(t);
  if (np < 0 || !IsCommonNoun(c_.pos(chunk(np).head)) || chunk(np).begin <= c_.begin + 1) {
    return -1;
  }
  const size_t before = chunk(np).begin - 1;
  int m = -1;
  if (c_.Has(before, WordClass::kComma)) {
    m = EndAt(before - 1);  // "Ray, the man who killed King"
  } else if (const int verb = ChunkOf(before);
             verb >= 0 && chunk(verb).kind == Chunk::Kind::kVerb && chunk(verb).end == before + 1 &&
             c_.LemmaHas(chunk(verb).head, WordClass::kCopula) && chunk(verb).begin > c_.begin) {
    long s = static_cast<long>(chunk(verb).begin) - 1;  // "Ray was the man who killed King"
    while (s > static_cast<long>(c_.begin) && Skippable(static_cast<size_t>(s))) --s;
    m = EndAt(static_cast<size_t>(s));
  }
  return IsArgument(m) && mention(m).type == EntityType::kPerson && !IsPossessiveDeterminer(m) ? m
                                                                                               : -1;
}

size_t Arguments::CoordinateForward(int m, std::vector<int>* args) const {
  size_t t = EndOf(m);
  std::vector<int> pending;
  while (t + 1 < c_.end && (c_.Has(t, WordClass::kCoordinator) || c_.Has(t, WordClass::kComma))) {
    size_t next = t + 1;
    bool joined = !c_.Has(t, WordClass::kComma);
    if (!joined && next < c_.end && c_.Has(next, WordClass::kCoordinator)) {
      ++next;
      joined = true;
    }
    const int other = ArgumentAt(next, true);
    if (other < 0) break;
    pending.push_back(other);
    if (joined) {
      args->insert(args->end(), pending.begin(), pending.end());
      return EndOf(other);
    }
    t = EndOf(other);
  }
  return EndOf(m);
}

long Arguments::CoordinateBackward(int m, std::vector<int>* args) const {
  long t = static_cast<long>(BeginOf(m)) - 1;
  while (t - 1 >= static_cast<long>(c_.begin)) {
    const size_t u = static_cast<size_t>(t);
    if (!c_.Has(u, WordClass::kCoordinator) && !c_.Has(u, WordClass::kComma)) break;
    // A list ends in "and": "A, B and C met"; in "In Oslo, B met C" the
    // comma closes an opening phrase. "Oslo, Norway-based X": a city
    // and its region before "-based" name one place.
    if ((args->empty() || args->back() == m) && !c_.Has(u, WordClass::kCoordinator) &&
        !IsPlaceBeforeHyphen(m)) {
      break;
    }
    long before = t - 1;
    if (c_.Has(u, WordClass::kCoordinator) &&
        c_.Has(static_cast<size_t>(before), WordClass::kComma)) {
      --before;
    }
    const int other = ArgumentEndingAt(before);
    if (other < 0 || c_.Has(static_cast<size_t>(before), WordClass::kComma)) break;
    args->push_back(other);
    t = static_cast<long>(BeginOf(other)) - 1;
  }
  return t;
}

bool Arguments::IsPlaceBeforeHyphen(int m) const {
  const size_t end = EndOf(m);
  return mention(m).type == EntityType::kLocation && end < c_.end &&
         c_.Has(end, WordClass::kHyphen);
}

int Arguments::SentenceSubject() const {
  const auto subject_at = [&](size_t t) {
    while (t < c_.end &&
           (Skippable(t) || c_.Has(t, WordClass::kCoordinator) || c_.pos(t) == Pos::kCC)) {
      ++t;
    }
    const int m = StartAt(t);
    return IsArgument(m) ? m : -1;
  };
  if (const int m = subject_at(c_.begin); m >= 0) return m;
  for (size_t t = c_.begin; t < c_.end; ++t) {
    if (c_.Has(t, WordClass::kComma)) return subject_at(t + 1);
  }
  return -1;
}

// The argument ending at t and the arguments coordinated with it, as the
// subject of what follows: "The leader of Hamas met" names the leader, not
// Hamas. Returns the first subject or -1.
int Arguments::SubjectBefore(long t, std::vector<int>* subjects) const {
  int m = ArgumentEndingAt(t);
  if (m < 0) return -1;
  // Walk an "NP of NP" chain left to its first phrase.
  for (int steps = 0; steps < 4; ++steps) {
    const long b = static_cast<long>(BeginOf(m));
    if (b - 2 < static_cast<long>(c_.begin) ||
        !c_.Has(static_cast<size_t>(b - 1), WordClass::kGenitive)) {
      break;
    }
    const size_t prep = static_cast<size_t>(b - 1);
    const int owner = EndAt(prep - 1);
    // "the arrest in London of X": a person is nothing of a place.
    if (IsArgument(owner) && mention(m).type == EntityType::kPerson &&
        mention(owner).type != EntityType::kPerson) {
      break;
    }
    if (IsArgument(owner)) {
      m = owner;
      continue;
    }
    // "a delegation of Hamas officials met": members speak for their group;
    // "the son of X met" does not.
    const int np = NounChunkEndingAt(prep - 1);
    if (np < 0) break;
    if (!IsCollectiveHead(chunk(np))) return -1;
    break;
  }
  subjects->push_back(m);
  CoordinateBackward(m, subjects);
  return m;
}

int Arguments::GoverningVerb(int index) const {
  const Chunk& group = chunk(index);
  for (int k = index - 1; k >= first_chunk_; --k) {
    const Chunk& before = chunk(k);
    if (group.begin - before.end > 12) return -1;
    for (size_t t = before.end; t < group.begin; ++t) {
      if (ClauseBreak(t)) return -1;
    }
    if (before.kind == Chunk::Kind::kVerb) return k;
  }
  return -1;
}

int Arguments::ChargeVerbBeforeTerm(size_t t) const {
  // One noun phrase without a mention ("99 years", "life"), perhaps after a
  // preposition ("to life"), right after the verb group.
  const int term = t > c_.begin ? ChunkOf(t - 1) : -1;
  if (term < 0 || chunk(term).kind != Chunk::Kind::kNoun || chunk(term).end != t) return -1;
  for (size_t k = chunk(term).begin; k < t; ++k) {
    if (StartAt(k) >= 0) return -1;
  }
  size_t v = chunk(term).begin;
  if (v > c_.begin && IsPreposition(c_.pos(v - 1))) --v;
  const int verb = v > c_.begin ? ChunkOf(v - 1) : -1;
  if (verb < 0 || chunk(verb).kind != Chunk::Kind::kVerb || chunk(verb).end != v ||
      !c_.LemmaHas(chunk(verb).head, WordClass::kChargeVerb)) {
    return -1;
  }
  return verb;
}

int Arguments::AgentOfNounBefore(size_t t) const {
  if (t <= c_.begin) return -1;
  const int np = ChunkOf(t - 1);
  if (np < 0) return -1;
  const Chunk& phrase = chunk(np);
  if (phrase.kind != Chunk::Kind::kNoun || phrase.head != t - 1 ||
      IsProperNoun(c_.pos(phrase.head))) {
    return -1;
  }
  int agent = -1;
  for (size_t k = phrase.begin; k < phrase.head; ++k) {
    const int m = StartAt(k);
    if (m < 0 || EndOf(m) > phrase.head || mention(m).entity < 0) continue;
    agent = m;
    k = EndOf(m) - 1;
  }
  return agent;
}

long Arguments::BeforeTimePhrase(long t) const {
  const long begin = static_cast<long>(c_.begin);
  // At most two: "on Tuesday in March".
  for (int phrases = 0; phrases < 2 && t > begin; ++phrases) {
    const size_t u = static_cast<size_t>(t);
    if (!c_.Has(u, WordClass::kNonName) && !c_.token(u).Is(kTokenNumber)) break;
    long first = t;
    while (first > begin && c_.Has(static_cast<size_t>(first - 1), WordClass::kNonName)) --first;
    if (first - 1 <= begin || !IsPreposition(c_.pos(static_cast<size_t>(first - 1)))) break;
    t = first - 2;
    while (t >= begin && Skippable(static_cast<size_t>(t))) --t;
  }
  return t;
}

size_t Arguments::AfterTimePhrase(size_t t) const {
  if (t + 1 >= c_.end || !IsPreposition(c_.pos(t))) return t;
  size_t u = t + 1;
  const auto date_word = [&](size_t k) {
    return c_.Has(k, WordClass::kNonName) || c_.token(k).Is(kTokenNumber) ||
           (c_.Has(k, WordClass::kComma) && k + 1 < c_.end && c_.token(k + 1).Is(kTokenNumber));
  };
  bool comma = false;
  for (; u < c_.end && date_word(u); ++u) comma = comma || c_.Has(u, WordClass::kComma);
  if (u == t + 1 || c_.Has(u - 1, WordClass::kComma)) return t;
  // "on May 4, 1921, of X": a year set off by commas closes with one.
  if (comma && u + 1 < c_.end && c_.Has(u, WordClass::kComma)) ++u;
  return u;
}

bool Arguments::ParticipleAfterObject(const Chunk& group, size_t t, int m) const {
  if (!group.Is(Chunk::kParticiple) || c_.pos(group.head) != Pos::kVBG) return false;
  if (!c_.Has(t, WordClass::kComma) && !c_.Has(t, WordClass::kDash)) return false;
  if (EndOf(m) == t || BeginOf(m) == c_.begin) return false;
  const size_t before = BeginOf(m) - 1;
  const int verb = ChunkOf(before);
  return IsPreposition(c_.pos(before)) ||
         (verb >= 0 && chunk(verb).kind == Chunk::Kind::kVerb && chunk(verb).end == before + 1);
}

const std::vector<int>& Arguments::SubjectsOf(int index) {
  if (index < first_chunk_ || index >= end_chunk_) return kNone;
  // Subjects carry from earlier verb groups: settle those first, in order,
  // so that no lookup recurses.
  for (; settled_ <= index; ++settled_) {
    const int k = settled_;
    const size_t local = static_cast<size_t>(k - first_chunk_);
    const Chunk& group = chunk(k);
    if (group.kind != Chunk::Kind::kVerb || group.begin >= c_.end) continue;
    std::vector<int>& subjects = subjects_[local];
    if (group.Is(Chunk::kInfinitive)) {
      // "Iran's plan to strike", "the U.S. commitment to stand with": the
      // agent named in the noun phrase the infinitive completes.
      if (const int agent = AgentOfNounBefore(group.begin); agent >= 0) {
        subjects.push_back(agent);
        continue;
      }
      // "urged Israel to attack": the object; "plans to attack": the subject.
      const int governing = GoverningVerb(k);
      if (governing < 0) continue;
      size_t after = chunk(governing).end;
      while (after < group.begin && (Skippable(after) || c_.pos(after) == Pos::kCC)) ++after;
      if (after == group.begin) {
        subjects = subjects_[static_cast<size_t>(governing - first_chunk_)];
      } else if (const int object = ArgumentAt(after, true);
                 object >= 0 && EndOf(object) <= group.begin) {
        // "urged Israel to attack", not "told X about an operation to kill":
        // the object stands right before the infinitive.
        std::vector<int> objects = {object};
        size_t end = CoordinateForward(object, &objects);
        while (end < group.begin && Skippable(end)) ++end;
        if (end == group.begin) subjects.insert(subjects.end(), objects.begin(), objects.end());
      }
      continue;
    }
    long t = static_cast<long>(group.begin) - 1;
    while (t >= static_cast<long>(c_.begin) && Skippable(static_cast<size_t>(t))) --t;
    if (const int m = SubjectBefore(t, &subjects); m >= 0) {
      // "turned on Haniyeh -- the leader of Hamas -- killing him": a
      // participle after an object's apposition tells what the clause's
      // subject did.
      if (!ParticipleAfterObject(group, static_cast<size_t>(t), m)) continue;
      subjects.clear();
    }
    // "the Israelis laid | waste to": a verb group split in two shares its
    // subject; not "said | killing X was wrong".
    if (const int split = t >= static_cast<long>(c_.begin) ? ChunkOf(static_cast<size_t>(t)) : -1;
        split >= 0 && split < k && chunk(split).kind == Chunk::Kind::kVerb &&
        chunk(split).end == static_cast<size_t>(t) + 1 &&
        (!c_.LemmaHas(chunk(split).head, WordClass::kSpeechVerb) ||
         c_.LemmaHas(chunk(split).head, WordClass::kChargeVerb))) {
      subjects = subjects_[static_cast<size_t>(split - first_chunk_)];
      if (!subjects.empty()) continue;
    }
    if (const long past = BeforeTimePhrase(t); past != t && SubjectBefore(past, &subjects) >= 0) {
      continue;
    }
    if (t < static_cast<long>(c_.begin)) {
      if (group.Is(Chunk::kParticiple) && c_.pos(group.head) == Pos::kVBG) {
        if (const int subject = SentenceSubject(); subject >= 0) subjects.push_back(subject);
      }
      continue;
    }
    const size_t u = static_cast<size_t>(t);
    if (group.Is(Chunk::kParticiple) && c_.pos(group.head) == Pos::kVBG &&
        (IsPreposition(c_.pos(u)) || c_.Has(u, WordClass::kSubordinator))) {
      // "Before visiting Israel, Blair ...": a participle clause opening the
      // sentence shares the sentence's subject.
      if (u == c_.begin) {
        if (const int subject = SentenceSubject(); subject >= 0) subjects.push_back(subject);
        continue;
      }
      // "warned X that attacking Y would ...": the gerund names an act, no doer.
      if (c_.Has(u, WordClass::kRelativePronoun)) continue;
      // "X met Y while visiting Z": the subject of the clause before.
      if (c_.Has(u, WordClass::kSubordinator)) {
        for (int p = k - 1; p >= first_chunk_; --p) {
          if (chunk(p).kind != Chunk::Kind::kVerb) continue;
          subjects = subjects_[static_cast<size_t>(p - first_chunk_)];
          break;
        }
        continue;
      }
      // "angered Sweden by taking a call from X": after "by" the gerund says
      // how the subject of the verb before did it.
      if (c_.Has(u, WordClass::kAgentMarker)) {
        for (int p = k - 1; p >= first_chunk_; --p) {
          if (chunk(p).kind != Chunk::Kind::kVerb) continue;
          if (!chunk(p).Is(Chunk::kPassive))
            subjects = subjects_[static_cast<size_t>(p - first_chunk_)];
          break;
        }
        continue;
      }
      // "accused Rwanda of arming the rebels", "convicted sniper X of
      // killing Y": the object of the verb before does what the participle
      // says.
      const int object = ArgumentEndingAt(static_cast<long>(u) - 1);
      if (object >= 0 && u >= 2) {
        const int np = ChunkOf(BeginOf(object));
        const size_t phrase =
            np >= 0 ? std::min<size_t>(chunk(np).begin, BeginOf(object)) : BeginOf(object);
        const int before = phrase > c_.begin ? ChunkOf(phrase - 1) : -1;
        if (before >= 0 && chunk(before).kind == Chunk::Kind::kVerb) {
          subjects.push_back(object);
          continue;
        }
      }
      // "Vane acted alone in killing Okafor": the subject of the verb.
      if (object < 0) {
        size_t v = u;
        while (v > c_.begin && (Skippable(v - 1) || IsAdjective(c_.pos(v - 1)))) --v;
        const int before = v > c_.begin ? ChunkOf(v - 1) : -1;
        if (before >= 0 && chunk(before).kind == Chunk::Kind::kVerb && before < k) {
          subjects = subjects_[static_cast<size_t>(before - first_chunk_)];
          continue;
        }
        // "X is serving 99 years for killing Y", "X was sentenced to life
        // for killing Y": past the term, the subject of a verb of charges.
        if (const int charge = ChargeVerbBeforeTerm(v); charge >= 0 && charge < k) {
          subjects = subjects_[static_cast<size_t>(charge - first_chunk_)];
          continue;
        }
      }
    }
    // "Acme, led by X,", "X, convicted of murdering Y,": a bare past
    // participle after a comma says something of the phrase before it.
    if (c_.Has(u, WordClass::kComma) && group.Is(Chunk::kParticiple) &&
        c_.pos(group.head) == Pos::kVBN && u > c_.begin) {
      if (SubjectBefore(static_cast<long>(u) - 1, &subjects) >= 0) continue;
      // "in the case of X, convicted of ...": a person at the end of an
      // "of" phrase whose head is a common noun.
      const int named = ArgumentEndingAt(static_cast<long>(u) - 1);
      if (named >= 0 && mention(named).type == EntityType::kPerson) {
        subjects.push_back(named);
        continue;
      }
    }
    // "X arrived in Y and met Z", "X met Y, urging him to": the subject of
    // the verb before carries over.
    // "did not stop in X, but visited Y": any conjunction joins the verbs.
    const bool coordinated = c_.Has(u, WordClass::kCoordinator) || c_.pos(u) == Pos::kCC;
    const bool participle = (c_.Has(u, WordClass::kComma) || c_.Has(u, WordClass::kDash)) &&
                            group.Is(Chunk::kParticiple) && c_.pos(group.head) == Pos::kVBG;
    if (!coordinated && !participle) continue;
    for (int p = k - 1; p >= first_chunk_; --p) {
      const Chunk& before = chunk(p);
      if (before.kind != Chunk::Kind::kVerb) continue;
      bool broken = false;
      for (size_t q = before.end; q < group.begin && !broken; ++q) broken = ClauseBreak(q);
      if (!broken) subjects = subjects_[static_cast<size_t>(p - first_chunk_)];
      break;
    }
  }
  return subjects_[static_cast<size_t>(index - first_chunk_)];
}

}  // namespace kg
