#include "extract/relation_extractor.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace kg {
namespace {

// Widest gap "..." may span, and how far back an apposition may reach.
constexpr size_t kMaxGap = 10;
constexpr size_t kMaxApposition = 15;
// How many words before a pattern that opens with a word are searched for
// status cues ("the planned attack", "an operation to kill").
constexpr size_t kCueWindow = 4;

struct Match {
  std::vector<int> subjects;
  std::vector<int> objects;
  std::vector<const CueEntry*> cues;
  size_t begin = 0;  // first token of the match
};

// Matches patterns within one sentence.
class SentenceMatcher {
 public:
  SentenceMatcher(const CompiledRules& rules, const DocumentAnalysis& doc, const Sentence& sentence)
      : rules_(rules),
        doc_(doc),
        tokens_(doc.tokens),
        begin_(sentence.token_begin),
        end_(sentence.token_end),
        start_at_(end_ - begin_, -1),
        end_at_(end_ - begin_, -1) {
    for (size_t m = 0; m < doc.mentions.size(); ++m) {
      const Mention& mention = doc.mentions[m];
      if (mention.token_begin < begin_ || mention.token_end > end_) continue;
      // The outermost mention wins: "Hamas military commander Mohammed Deif"
      // rather than its affiliation "Hamas".
      int& start = start_at_[mention.token_begin - begin_];
      if (start < 0 || Length(start) < mention.token_end - mention.token_begin)
        start = static_cast<int>(m);
      // "the Qatar" in "the Qatar-based" is found from either word.
      if (mention.name_begin == mention.token_begin + 1 &&
          tokens_[mention.token_begin].norm == "the") {
        int& inner = start_at_[mention.name_begin - begin_];
        if (inner < 0) inner = static_cast<int>(m);
      }
      int& end = end_at_[mention.token_end - 1 - begin_];
      if (end < 0 || Length(end) < mention.token_end - mention.token_begin)
        end = static_cast<int>(m);
    }
  }

  void Run(std::vector<RelationMention>* out, uint32_t sentence_index, Span evidence) {
    FindSentenceCues();
    for (size_t t = begin_; t < end_; ++t) {
      const auto* patterns = rules_.PatternsAnchoredAt(tokens_[t].norm);
      if (patterns == nullptr) continue;
      for (uint32_t p : *patterns) {
        const CompiledPattern& pattern = rules_.patterns()[p];
        Match match;
        if (!MatchAt(pattern, t, &match)) continue;
        const RelationStatus status = StatusOf(pattern, t, match);
        for (int s : match.subjects) {
          for (int o : match.objects) {
            RelationMention relation;
            relation.subject = Entity(s);
            relation.object = Entity(o);
            relation.predicate = pattern.predicate;
            relation.status = status;
            relation.sentence = sentence_index;
            relation.evidence = evidence;
            if (Admissible(&relation, o, pattern)) out->push_back(relation);
          }
        }
        if (!match.subjects.empty()) last_subjects_ = match.subjects;
      }
    }
  }

 private:
  size_t Length(int m) const {
    const Mention& mention = doc_.mentions[static_cast<size_t>(m)];
    return mention.token_end - mention.token_begin;
  }
  int Entity(int m) const { return doc_.mentions[static_cast<size_t>(m)].entity; }
  const std::string& Norm(size_t t) const { return tokens_[t].norm; }

  int StartAt(size_t t) const { return t >= begin_ && t < end_ ? start_at_[t - begin_] : -1; }
  int EndAt(size_t t) const { return t >= begin_ && t < end_ ? end_at_[t - begin_] : -1; }

  bool IsArgument(int m) const {
    if (m < 0) return false;
    const Mention& mention = doc_.mentions[static_cast<size_t>(m)];
    return mention.entity >= 0 && mention.kind != MentionKind::kModifier;
  }

  // "Houthi-controlled": a name that only modifies the next word.
  bool IsHyphenModifier(int m) const {
    const size_t end = doc_.mentions[static_cast<size_t>(m)].token_end;
    return end + 1 < end_ && Norm(end) == "-" && !tokens_[end].Is(kTokenSpaceBefore) &&
           tokens_[end + 1].Is(kTokenWord) && !tokens_[end + 1].Is(kTokenCapitalized);
  }

  // ---- forward ------------------------------------------------------------

  // The argument mention starting at `t` (after a determiner), following
  // possessive chains ("the IRGC's Quds Force"). Returns -1 if none.
  int ArgumentAt(size_t t, bool allow_chain, bool allow_hyphen = false) const {
    int m = StartAt(t);
    if (m < 0 && t < end_ && (Norm(t) == "the" || Norm(t) == "a" || Norm(t) == "an"))
      m = StartAt(t + 1);
    // "the port of Odesa", "the border town of Bunagana": the place.
    if (m < 0 && t < end_ && Norm(t) == "the") {
      for (size_t k = t + 1; k < end_ && k <= t + 3; ++k) {
        if (rules_.IsPlaceNoun(Norm(k)) && k + 1 < end_ && Norm(k + 1) == "of") {
          m = StartAt(k + 2);
          break;
        }
      }
    }
    if (!IsArgument(m) || (IsHyphenModifier(m) && !allow_hyphen) || IsPossessiveDeterminer(m))
      return -1;
    while (allow_chain) {
      const size_t end = doc_.mentions[static_cast<size_t>(m)].token_end;
      if (end >= end_ || Norm(end) != "'s") break;
      const int next = StartAt(end + 1);
      if (!IsArgument(next)) break;
      m = next;
    }
    return m;
  }

  // "its shareholders", "his aides": a possessive pronoun before a noun
  // stands for the owner, not for an argument of the verb before it.
  bool IsPossessiveDeterminer(int m) const {
    const Mention& mention = doc_.mentions[static_cast<size_t>(m)];
    if (mention.kind != MentionKind::kPronoun) return false;
    if (mention.key == "his" || mention.key == "its" || mention.key == "their") return true;
    return mention.key == "her" && mention.token_end < end_ &&
           tokens_[mention.token_end].Is(kTokenWord) &&
           !rules_.IsCommonWord(Norm(mention.token_end));
  }

  size_t EndOf(int m) const { return doc_.mentions[static_cast<size_t>(m)].token_end; }
  size_t BeginOf(int m) const { return doc_.mentions[static_cast<size_t>(m)].token_begin; }

  // More arguments joined to `m`: "A and B", "A, B and C". A list joined
  // by commas alone is no coordination ("Israel, Israeli Prime Minister
  // X declared").
  size_t CoordinateForward(int m, std::vector<int>* args) const {
    size_t t = EndOf(m);
    std::vector<int> pending;
    while (t + 1 < end_ && (Norm(t) == "and" || Norm(t) == "or" || Norm(t) == ",")) {
      size_t next = t + 1;
      bool joined = Norm(t) != ",";
      if (!joined && next < end_ && (Norm(next) == "and" || Norm(next) == "or")) {
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

  size_t SkipForward(size_t t, const CompiledElement& next) const {
    while (t < end_ && rules_.IsSkipWord(Norm(t)) && !next.words.contains(Norm(t))) ++t;
    return t;
  }

  bool Forward(const CompiledPattern& pattern, size_t e, size_t t, Match* match) const {
    if (e == pattern.elements.size()) return true;
    const CompiledElement& element = pattern.elements[e];
    t = SkipForward(t, element);
    switch (element.kind) {
      case PatternElement::Kind::kWords:
        if (t < end_ && element.words.contains(Norm(t)) && Forward(pattern, e + 1, t + 1, match)) {
          return true;
        }
        return element.optional && Forward(pattern, e + 1, t, match);
      case PatternElement::Kind::kNot:
        return !(t < end_ && element.words.contains(Norm(t))) && Forward(pattern, e + 1, t, match);
      case PatternElement::Kind::kGap:
        for (size_t width = 0; width <= kMaxGap && t + width <= end_; ++width) {
          if (width > 0) {
            const size_t last = t + width - 1;
            if (Norm(last) == ";" || Norm(last) == "." || Norm(last) == "(") break;
            const int inside = StartAt(last);
            if (IsArgument(inside) && !IsHyphenModifier(inside)) break;
          }
          if (Forward(pattern, e + 1, t + width, match)) return true;
        }
        return false;
      case PatternElement::Kind::kSlot: {
        const bool last = e + 1 == pattern.elements.size();
        const bool chain = last || !pattern.elements[e + 1].words.contains("'s");
        const bool hyphen = !last && pattern.elements[e + 1].words.contains("-");
        const int m = ArgumentAt(t, chain, hyphen);
        if (m < 0) return false;
        std::vector<int> args = {m};
        size_t next = EndOf(m);
        if (last) next = CoordinateForward(m, &args);
        auto& target = element.is_subject ? match->subjects : match->objects;
        const size_t saved = target.size();
        target.insert(target.end(), args.begin(), args.end());
        if (Forward(pattern, e + 1, next, match)) return true;
        target.resize(saved);
        return false;
      }
    }
    return false;
  }

  // ---- backward -----------------------------------------------------------

  // The longest cue phrase ending at token `t`, or nullptr.
  const CueEntry* CueEndingAt(size_t t, size_t* length) const {
    const CueEntry* best = nullptr;
    for (size_t start = t + 1; start-- > begin_ && t + 1 - start <= 4;) {
      rules_.cues().Match(tokens_, start, t + 1,
                          [&](size_t matched, const std::vector<uint32_t>& values) {
                            if (start + matched != t + 1) return;
                            for (uint32_t v : values) {
                              const CueEntry& cue = rules_.pack().cues[v];
                              if (cue.scope != CueScope::kVerb && cue.scope != CueScope::kAdjacent)
                                continue;
                              if (best == nullptr || matched > *length) {
                                best = &cue;
                                *length = matched;
                              }
                            }
                          });
    }
    return best;
  }

  // Steps left over skip words and status cues between a subject and its
  // verb, recording the cues. Returns the new position (may be begin_-1).
  long SkipBackward(long t, Match* match) const {
    while (t >= static_cast<long>(begin_)) {
      const size_t u = static_cast<size_t>(t);
      if (rules_.IsSkipWord(Norm(u))) {
        --t;
        continue;
      }
      size_t length = 0;
      if (const CueEntry* cue = CueEndingAt(u, &length)) {
        match->cues.push_back(cue);
        t -= static_cast<long>(length);
        continue;
      }
      break;
    }
    return t;
  }

  // Whether the words after a comma can open an apposition or relative
  // clause ("the C.I.A. director", "who ...", a name) rather than a new
  // clause ("is selling a vaccine").
  bool OpensApposition(size_t t) const {
    static const std::set<std::string, std::less<>> kOpeners = {
        "the",  "a",   "an",  "who", "whom",  "whose",   "which",  "where",
        "when", "his", "her", "its", "their", "himself", "herself"};
    return t < end_ &&
           (kOpeners.contains(Norm(t)) || StartAt(t) >= 0 || tokens_[t].Is(kTokenCapitalized));
  }

  // The mention ending at `t`, looking past an apposition or relative
  // clause between commas: "Burns, the C.I.A. director, met ...".
  int ArgumentEndingAt(long t) const {
    if (t < static_cast<long>(begin_)) return -1;
    const size_t u = static_cast<size_t>(t);
    if (Norm(u) == "," || Norm(u) == "--") {
      // "Pakistan's army chief, General Asim Munir, visited": the comma
      // closes an apposition that the mention before it already spans.
      if (u > begin_) {
        const int spanning = EndAt(u - 1);
        if (IsArgument(spanning)) {
          for (size_t k = BeginOf(spanning); k + 1 < u; ++k) {
            if (Norm(k) == Norm(u)) return spanning;
          }
        }
      }
      for (size_t q = u; q-- > begin_ && u - q <= kMaxApposition;) {
        if (Norm(q) == Norm(u)) {
          if (!OpensApposition(q + 1)) return -1;
          const int m = q > begin_ ? EndAt(q - 1) : -1;
          return IsArgument(m) ? m : -1;
        }
      }
      return -1;
    }
    // "the militia, which is backed by Iran": the relative pronoun's
    // antecedent.
    if ((Norm(u) == "which" || Norm(u) == "who" || Norm(u) == "that") && u > begin_) {
      const size_t before = Norm(u - 1) == "," && u - 1 > begin_ ? u - 2 : u - 1;
      const int m = EndAt(before);
      return IsArgument(m) ? m : -1;
    }
    const int m = EndAt(u);
    return IsArgument(m) ? m : -1;
  }

  bool Backward(const CompiledPattern& pattern, long e, long t, Match* match) const {
    if (e < 0) {
      match->begin = static_cast<size_t>(t + 1);
      return true;
    }
    const CompiledElement& element = pattern.elements[static_cast<size_t>(e)];
    switch (element.kind) {
      case PatternElement::Kind::kWords: {
        while (t >= static_cast<long>(begin_) && rules_.IsSkipWord(Norm(static_cast<size_t>(t))) &&
               !element.words.contains(Norm(static_cast<size_t>(t)))) {
          --t;
        }
        if (t >= static_cast<long>(begin_) &&
            element.words.contains(Norm(static_cast<size_t>(t))) &&
            Backward(pattern, e - 1, t - 1, match)) {
          return true;
        }
        return element.optional && Backward(pattern, e - 1, t, match);
      }
      case PatternElement::Kind::kNot:
        return !(t >= static_cast<long>(begin_) &&
                 element.words.contains(Norm(static_cast<size_t>(t)))) &&
               Backward(pattern, e - 1, t, match);
      case PatternElement::Kind::kGap:
        for (long width = 0; width <= static_cast<long>(kMaxGap); ++width) {
          const long last = t - width + 1;
          if (width > 0) {
            if (last < static_cast<long>(begin_)) break;
            const std::string& norm = Norm(static_cast<size_t>(last));
            if (norm == ";" || norm == "." || norm == ")") break;
            const int inside = EndAt(static_cast<size_t>(last));
            if (IsArgument(inside) && !IsHyphenModifier(inside)) break;
          }
          if (Backward(pattern, e - 1, t - width, match)) return true;
        }
        return false;
      case PatternElement::Kind::kSlot: {
        const bool first = e == 0;
        const size_t cues_before = match->cues.size();
        const long adjacent = t;
        if (first) t = SkipBackward(t, match);
        int m = ArgumentEndingAt(t);
        // "X--the leader of Y--killing him": the apposition belongs to the
        // object, and the act to the sentence's subject (below).
        if (m >= 0 && first && IsAmong(Entity(m), match->objects)) m = -1;
        // A demonym adjective may act only right before a nominal trigger:
        // "Israeli strikes on Gaza".
        if (m < 0 && first && t == adjacent && t >= static_cast<long>(begin_)) {
          const int modifier = EndAt(static_cast<size_t>(t));
          if (modifier >= 0 &&
              doc_.mentions[static_cast<size_t>(modifier)].kind == MentionKind::kModifier &&
              Entity(modifier) >= 0) {
            m = modifier;
          }
        }
        std::vector<int> args;
        long next = t;
        if (m >= 0) {
          args.push_back(m);
          next = static_cast<long>(BeginOf(m)) - 1;
          if (first) next = CoordinateBackward(m, &args);
        } else if (first) {
          // "... and assassinated X", "--killing him": the subject of the
          // sentence's previous relation, or of the sentence, carries over.
          const std::string norm =
              t >= static_cast<long>(begin_) ? Norm(static_cast<size_t>(t)) : "";
          const bool carried = norm == "and" || norm == "," || norm == "--";
          const bool participle = Norm(static_cast<size_t>(adjacent + 1)).ends_with("ing");
          const int subject = SentenceSubject();
          if (carried && !last_subjects_.empty() &&
              !IsAmong(Entity(last_subjects_.front()), match->objects)) {
            args = last_subjects_;
          } else if ((norm == "and" || (carried && participle)) && subject >= 0 &&
                     !IsAmong(Entity(subject), match->objects)) {
            args = {subject};
          } else {
            match->cues.resize(cues_before);
            return false;
          }
        } else {
          return false;
        }
        auto& target = element.is_subject ? match->subjects : match->objects;
        const size_t saved = target.size();
        target.insert(target.end(), args.begin(), args.end());
        if (Backward(pattern, e - 1, next, match)) return true;
        target.resize(saved);
        match->cues.resize(cues_before);
        return false;
      }
    }
    return false;
  }

  bool IsAmong(int entity, const std::vector<int>& mentions) const {
    return std::any_of(mentions.begin(), mentions.end(),
                       [&](int m) { return Entity(m) == entity; });
  }

  // The mention that opens the sentence, after skip words ("Then the
  // Israelis ...") or after a leading phrase closed by a comma ("In between
  // the killings of ..., the Israelis ..."); -1 when it opens otherwise.
  int SentenceSubject() const {
    const auto subject_at = [&](size_t t) {
      while (t < end_ && (rules_.IsSkipWord(Norm(t)) || Norm(t) == "but" || Norm(t) == "and")) ++t;
      const int m = StartAt(t);
      return IsArgument(m) ? m : -1;
    };
    if (const int m = subject_at(begin_); m >= 0) return m;
    for (size_t t = begin_; t < end_; ++t) {
      if (Norm(t) == ",") return subject_at(t + 1);
    }
    return -1;
  }

  long CoordinateBackward(int m, std::vector<int>* args) const {
    long t = static_cast<long>(BeginOf(m)) - 1;
    while (t - 1 >= static_cast<long>(begin_)) {
      const std::string& norm = Norm(static_cast<size_t>(t));
      if (norm != "and" && norm != ",") break;
      long before = t - 1;
      if (norm == "and" && Norm(static_cast<size_t>(before)) == ",") --before;
      const int other = ArgumentEndingAt(before);
      if (other < 0 || Norm(static_cast<size_t>(before)) == ",") break;
      args->push_back(other);
      t = static_cast<long>(BeginOf(other)) - 1;
    }
    return t;
  }

  bool MatchAt(const CompiledPattern& pattern, size_t anchor, Match* match) const {
    if (!Forward(pattern, pattern.anchor + 1, anchor + 1, match)) return false;
    if (!Backward(pattern, static_cast<long>(pattern.anchor) - 1, static_cast<long>(anchor) - 1,
                  match)) {
      return false;
    }
    return !match->subjects.empty() && !match->objects.empty();
  }

  // ---- status -------------------------------------------------------------

  RelationStatus StatusOf(const CompiledPattern& pattern, size_t anchor, const Match& match) const {
    std::vector<const CueEntry*> cues = match.cues;
    const auto add_cues_ending_at = [&](size_t t) {
      size_t length = 0;
      if (const CueEntry* cue = CueEndingAt(t, &length)) cues.push_back(cue);
    };
    // A trigger right after "to" is an infinitive: planned, asked for.
    if (anchor > begin_) {
      size_t length = 0;
      const CueEntry* cue = CueEndingAt(anchor - 1, &length);
      if (cue != nullptr && (cue->scope == CueScope::kAdjacent || length > 1)) cues.push_back(cue);
    }
    if (pattern.elements.front().kind == PatternElement::Kind::kWords) {
      for (size_t t = match.begin; t-- > begin_ && match.begin - t <= kCueWindow;) {
        if (Norm(t) == "," || Norm(t) == ";") break;
        add_cues_ending_at(t);
      }
    }
    // "opposed to Israel attacking Iran": a gerund clause after a
    // preposition tells of an act, not that it happened.
    if (pattern.elements.front().kind == PatternElement::Kind::kSlot &&
        Norm(anchor).ends_with("ing") && match.begin > begin_) {
      if (const CueEntry* cue = CueAt(match.begin - 1, CueScope::kGerund)) cues.push_back(cue);
    }
    // Clause cues ("if") before the match, up to the clause boundary.
    for (size_t t = match.begin; t-- > begin_;) {
      if (Norm(t) == ";" || Norm(t) == ",") break;
      if (const CueEntry* cue = CueAt(t, CueScope::kClause)) cues.push_back(cue);
    }
    bool negated = false;
    bool hypothetical = false;
    for (const CueEntry* cue : cues) {
      negated = negated || cue->status == RelationStatus::kNegated;
      hypothetical = hypothetical || cue->status == RelationStatus::kHypothetical;
    }
    hypothetical = hypothetical || sentence_hypothetical_;
    if (negated) return RelationStatus::kNegated;
    if (hypothetical && !sentence_realized_) return RelationStatus::kHypothetical;
    return RelationStatus::kAsserted;
  }

  // Sentence-scope cues ("?", "carried out") hold for every relation of
  // the sentence: found once.
  void FindSentenceCues() {
    for (size_t t = begin_; t < end_; ++t) {
      rules_.cues().Match(tokens_, t, end_, [&](size_t, const std::vector<uint32_t>& values) {
        for (uint32_t v : values) {
          const CueEntry& cue = rules_.pack().cues[v];
          if (cue.scope != CueScope::kSentence) continue;
          if (cue.status == RelationStatus::kHypothetical) sentence_hypothetical_ = true;
          if (cue.status == RelationStatus::kAsserted) sentence_realized_ = true;
        }
      });
    }
  }

  // A cue of `scope` starting at token `t`, or nullptr.
  const CueEntry* CueAt(size_t t, CueScope scope) const {
    const CueEntry* found = nullptr;
    rules_.cues().Match(tokens_, t, end_, [&](size_t, const std::vector<uint32_t>& values) {
      for (uint32_t v : values) {
        if (rules_.pack().cues[v].scope == scope) found = &rules_.pack().cues[v];
      }
    });
    return found;
  }

  // ---- checks -------------------------------------------------------------

  // Enforces the predicate's and the slots' type constraints; an object
  // that is a titled person may stand for its organization ("an adviser to
  // Hezbollah leader X" -> member_of Hezbollah).
  bool Admissible(RelationMention* relation, int o, const CompiledPattern& pattern) const {
    const PredicateEntry& predicate = rules_.predicate(pattern.predicate);
    const TypeSet subject_types = SlotTypes(pattern, true);
    const TypeSet object_types = SlotTypes(pattern, false);
    const auto type_of = [&](int entity) {
      return doc_.entities[static_cast<size_t>(entity)].type;
    };
    if (!predicate.subject_types.Contains(type_of(relation->subject)) ||
        !subject_types.Contains(type_of(relation->subject))) {
      return false;
    }
    if (!predicate.object_types.Contains(type_of(relation->object)) ||
        !object_types.Contains(type_of(relation->object))) {
      const Mention& object = doc_.mentions[static_cast<size_t>(o)];
      if (object.affiliation < 0) return false;
      const int affiliation = doc_.mentions[static_cast<size_t>(object.affiliation)].entity;
      if (affiliation < 0 || !predicate.object_types.Contains(type_of(affiliation))) return false;
      relation->object = affiliation;
    }
    return relation->subject != relation->object;
  }

  static TypeSet SlotTypes(const CompiledPattern& pattern, bool subject) {
    for (const auto& element : pattern.elements) {
      if (element.kind == PatternElement::Kind::kSlot && element.is_subject == subject)
        return element.types;
    }
    return TypeSet::All();
  }

  const CompiledRules& rules_;
  const DocumentAnalysis& doc_;
  const std::vector<Token>& tokens_;
  size_t begin_;
  size_t end_;
  std::vector<int> start_at_;
  std::vector<int> end_at_;
  std::vector<int> last_subjects_;
  bool sentence_hypothetical_ = false;
  bool sentence_realized_ = false;
};

// Role relations from titles: the person's entity, the title's predicate,
// the affiliation's entity.
void AddRoleRelations(const CompiledRules& rules, const DocumentAnalysis& doc,
                      std::vector<RelationMention>* out) {
  for (const Mention& mention : doc.mentions) {
    if (mention.role.empty() || mention.affiliation < 0 || mention.entity < 0) continue;
    const int affiliation = doc.mentions[static_cast<size_t>(mention.affiliation)].entity;
    const int predicate = rules.FindPredicate(mention.role);
    if (affiliation < 0 || predicate < 0 || affiliation == mention.entity) continue;
    const PredicateEntry& entry = rules.predicate(predicate);
    if (!entry.subject_types.Contains(doc.entities[static_cast<size_t>(mention.entity)].type) ||
        !entry.object_types.Contains(doc.entities[static_cast<size_t>(affiliation)].type)) {
      continue;
    }
    RelationMention relation;
    relation.subject = mention.entity;
    relation.object = affiliation;
    relation.predicate = predicate;
    relation.sentence = mention.sentence;
    relation.evidence = doc.sentences[mention.sentence].span;
    out->push_back(relation);
  }
}

}  // namespace

std::vector<RelationMention> RelationExtractor::Extract(const DocumentAnalysis& analysis) const {
  std::vector<RelationMention> relations;
  AddRoleRelations(rules_, analysis, &relations);
  for (uint32_t s = 0; s < analysis.sentences.size(); ++s) {
    SentenceMatcher(rules_, analysis, analysis.sentences[s])
        .Run(&relations, s, analysis.sentences[s].span);
  }
  // Symmetric predicates are one fact either way round.
  for (RelationMention& relation : relations) {
    if (rules_.predicate(relation.predicate).symmetric && relation.subject > relation.object) {
      std::swap(relation.subject, relation.object);
    }
  }
  const auto key = [](const RelationMention& r) {
    return std::make_tuple(r.sentence, r.subject, r.predicate, r.object, r.status);
  };
  std::stable_sort(
      relations.begin(), relations.end(),
      [&](const RelationMention& a, const RelationMention& b) { return key(a) < key(b); });
  relations.erase(std::unique(relations.begin(), relations.end(),
                              [&](const RelationMention& a, const RelationMention& b) {
                                return key(a) == key(b);
                              }),
                  relations.end());
  return relations;
}

}  // namespace kg
