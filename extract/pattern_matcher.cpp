#include "extract/pattern_matcher.h"

#include <algorithm>

namespace kg {
namespace {

// Widest gap "..." may span, and how many noun phrases NP* may.
constexpr size_t kMaxGap = 8;
constexpr size_t kMaxNounPhrases = 4;

struct Match {
  std::vector<int> subjects;
  std::vector<int> objects;
  size_t begin = 0;           // first token of the match
  size_t verb_begin = 0;      // first token of the anchor's verb group
  std::vector<size_t> words;  // tokens the pattern's words and lemmas matched, anchor included
};

class PatternMatcher {
 public:
  PatternMatcher(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out)
      : a_(args), c_(args.context()), cues_(cues), out_(*out) {}

  void Run() {
    for (size_t t = c_.begin; t < c_.end; ++t) {
      if (!c_.rules.MayAnchorPatterns(c_.token(t))) continue;
      for (std::span<const uint32_t> patterns : c_.rules.PatternsAnchoredAt(c_.token(t))) {
        for (uint32_t p : patterns) {
          const CompiledPattern& pattern = c_.rules.patterns()[p];
          if (!pattern.elements[pattern.anchor].Accepts(c_.token(t))) continue;
          Match match;
          if (!MatchAt(pattern, t, &match)) continue;
          RelationCandidate candidate;
          candidate.predicate = pattern.predicate;
          candidate.rule = c_.rules.PatternRule(p);
          candidate.subjects = std::move(match.subjects);
          candidate.objects = std::move(match.objects);
          candidate.subject_types = SlotTypes(pattern, true);
          candidate.object_types = SlotTypes(pattern, false);
          RelationPlace place;
          place.begin = match.begin;
          place.verb_begin = std::max(match.verb_begin, match.begin);
          place.trigger = t;
          place.opens_with_trigger = pattern.elements.front().kind != PatternElement::Kind::kSlot;
          candidate.status = cues_.StatusOf(place);
          candidate.trigger = TriggerOf(match.words, t);
          out_.push_back(std::move(candidate));
        }
      }
    }
  }

 private:
  static TypeSet SlotTypes(const CompiledPattern& pattern, bool subject) {
    for (const auto& element : pattern.elements) {
      if (element.kind == PatternElement::Kind::kSlot && element.is_subject == subject) {
        return element.types;
      }
    }
    return TypeSet::All();
  }

  size_t SkipForward(size_t t, const CompiledElement& next) const {
    while (t < c_.end && a_.Skippable(t) && !next.Accepts(c_.token(t))) ++t;
    return t;
  }

  // ---- what failed before ------------------------------------------------------

  // Whether elements e.. (forward) or ..e (backward) can match from token t
  // depends on (e, t) alone: the Match only collects arguments. So a state
  // that failed once is never tried again, and a match costs at most
  // elements x tokens states (each trying at most kMaxGap + 1 widths),
  // however many optional words and gaps the pattern has. Without this, 40
  // optional "[the]" on a sentence of 60 "the" try 2^40 paths.
  //
  // A state's slot: failed_[e * row_ + t - begin + 1] == attempt_ when it
  // failed in this MatchAt; t runs from begin - 1 to end.
  void StartAttempt(const CompiledPattern& pattern) {
    row_ = c_.end - c_.begin + 2;
    const size_t needed = pattern.elements.size() * row_;
    if (failed_.size() < needed) failed_.resize(needed, 0);
    if (++attempt_ == 0) {  // wrapped: forget every stamp
      std::fill(failed_.begin(), failed_.end(), 0);
      attempt_ = 1;
    }
  }

  uint32_t* FailedSlot(size_t e, long t) {
    const long offset = t - static_cast<long>(c_.begin) + 1;
    if (offset < 0 || static_cast<size_t>(offset) >= row_) return nullptr;
    return &failed_[e * row_ + static_cast<size_t>(offset)];
  }

  // ---- forward ----------------------------------------------------------------

  bool Forward(const CompiledPattern& pattern, size_t e, size_t t, Match* match) {
    if (e == pattern.elements.size()) return true;
    uint32_t* failed = FailedSlot(e, static_cast<long>(t));
    if (failed != nullptr && *failed == attempt_) return false;
    if (ForwardStep(pattern, e, t, match)) return true;
    if (failed != nullptr) *failed = attempt_;
    return false;
  }

  bool ForwardStep(const CompiledPattern& pattern, size_t e, size_t t, Match* match) {
    const CompiledElement& element = pattern.elements[e];
    t = SkipForward(t, element);
    switch (element.kind) {
      case PatternElement::Kind::kWords:
        if (t < c_.end && element.Accepts(c_.token(t)) && Forward(pattern, e + 1, t + 1, match)) {
          match->words.push_back(t);
          return true;
        }
        return element.optional && Forward(pattern, e + 1, t, match);
      case PatternElement::Kind::kNot:
        return !(t < c_.end && element.Accepts(c_.token(t))) && Forward(pattern, e + 1, t, match);
      case PatternElement::Kind::kGap:
        for (size_t width = 0; width <= kMaxGap && t + width <= c_.end; ++width) {
          if (width > 0 && !GapMayHold(t + width - 1, element.types)) break;
          if (Forward(pattern, e + 1, t + width, match)) return true;
        }
        return false;
      case PatternElement::Kind::kNounPhrases: {
        size_t u = t;
        for (size_t phrases = 0; phrases <= kMaxNounPhrases; ++phrases) {
          if (Forward(pattern, e + 1, u, match)) return true;
          u = NounPhraseEnd(u);
          if (u == 0) return false;
        }
        return false;
      }
      case PatternElement::Kind::kRelative: {
        const size_t after = RelativeClauseEnd(t);
        return after > t && Forward(pattern, e + 1, after, match);
      }
      case PatternElement::Kind::kSlot: {
        const bool last = e + 1 == pattern.elements.size();
        const bool chain =
            last || !HasWordOf(pattern.elements[e + 1], WordClass::kPossessiveMarker);
        const bool hyphen = !last && HasWordOf(pattern.elements[e + 1], WordClass::kHyphen);
        const int m = a_.ArgumentAt(t, chain, hyphen);
        if (m < 0 || !LastWordFits(element, m)) return false;
        std::vector<int> args = {m};
        size_t next = a_.EndOf(m);
        if (last) next = a_.CoordinateForward(m, &args);
        std::erase_if(args, [&](int arg) { return !LastWordFits(element, arg); });
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

  // "X:ORGANIZATION#corporate_suffix": whether the slot's mention ends in a
  // word of the class the pattern asks for.
  bool LastWordFits(const CompiledElement& slot, int m) const {
    return slot.slot_last_word == WordClass::kCount ||
           c_.Has(a_.mention(m).token_end - 1, slot.slot_last_word);
  }

  bool HasWordOf(const CompiledElement& element, WordClass word_class) const {
    return std::any_of(element.words.begin(), element.words.end(),
                       [&](WordId word) { return c_.rules.Has(word, word_class); });
  }

  // A gap holds no argument and stays inside its clause: no comma, no verb.
  // Whether a gap may hold token t: no clause boundary, verb or mention,
  // except mentions of `mentions` ("...:LOCATION").
  bool GapMayHold(size_t t, TypeSet mentions) const {
    if (c_.Has(t, WordClass::kClauseBreak) || c_.Has(t, WordClass::kSentenceEnd) ||
        c_.Has(t, WordClass::kOpenBracket) || c_.Has(t, WordClass::kCloseBracket) ||
        c_.Has(t, WordClass::kComma) || IsFiniteVerb(c_.pos(t))) {
      return false;
    }
    // "laid waste to the city and assassinated X": no verb group either.
    if (const int group = a_.ChunkOf(t); group >= 0 && a_.chunk(group).kind == Chunk::Kind::kVerb) {
      return false;
    }
    const int inside = a_.StartAt(t) >= 0 ? a_.StartAt(t) : a_.EndAt(t);
    if (!a_.IsArgument(inside) || a_.IsHyphenModifier(inside)) return true;
    return mentions.Contains(a_.mention(inside).type);
  }

  // The token after one noun phrase without an argument (and a coordinator
  // or comma after it) at t, or 0 when none starts there.
  size_t NounPhraseEnd(size_t t) const {
    if (t >= c_.end) return 0;
    const int np = a_.ChunkOf(t);
    if (np < 0 || a_.chunk(np).kind != Chunk::Kind::kNoun || a_.chunk(np).begin != t) return 0;
    for (size_t k = t; k < a_.chunk(np).end; ++k) {
      if (!GapMayHold(k, TypeSet::None())) return 0;
    }
    size_t end = a_.chunk(np).end;
    if (end < c_.end && (c_.Has(end, WordClass::kCoordinator) || c_.Has(end, WordClass::kComma))) {
      ++end;
    }
    return end;
  }

  // ", who met X on Monday," at t: the token after the closing comma, or t.
  size_t RelativeClauseEnd(size_t t) const {
    size_t u = t;
    if (u < c_.end && c_.Has(u, WordClass::kComma)) ++u;
    if (u >= c_.end || !c_.Has(u, WordClass::kRelativePronoun)) return t;
    for (size_t k = u + 1; k < c_.end && k - u <= Arguments::kMaxApposition; ++k) {
      if (c_.Has(k, WordClass::kComma)) return k + 1;
      if (c_.Has(k, WordClass::kClauseBreak) || c_.Has(k, WordClass::kSentenceEnd)) return t;
    }
    return t;
  }

  // ---- backward ---------------------------------------------------------------

  // The token before one noun phrase without an argument ending at t (a
  // coordinator or comma at t is read with it), or begin - 1 when none does.
  long NounPhraseBegin(long t) const {
    const long none = static_cast<long>(c_.begin) - 1;
    if (t < static_cast<long>(c_.begin)) return none;
    size_t u = static_cast<size_t>(t);
    if ((c_.Has(u, WordClass::kCoordinator) || c_.Has(u, WordClass::kComma)) && u > c_.begin) --u;
    const int np = a_.NounChunkEndingAt(u);
    if (np < 0) return none;
    for (size_t k = a_.chunk(np).begin; k <= u; ++k) {
      if (!GapMayHold(k, TypeSet::None())) return none;
    }
    return static_cast<long>(a_.chunk(np).begin) - 1;
  }

  // ", who met X on Monday," ending at t: the token before its opening
  // comma, or t when there is none.
  long RelativeClauseBegin(long t) const {
    if (t <= static_cast<long>(c_.begin) || !c_.Has(static_cast<size_t>(t), WordClass::kComma)) {
      return t;
    }
    for (long k = t - 1;
         k > static_cast<long>(c_.begin) && t - k <= static_cast<long>(Arguments::kMaxApposition);
         --k) {
      const size_t u = static_cast<size_t>(k);
      if (c_.Has(u, WordClass::kRelativePronoun) && c_.Has(u - 1, WordClass::kComma)) {
        return k - 2;
      }
      if (c_.Has(u, WordClass::kClauseBreak)) return t;
    }
    return t;
  }

  // Steps left over skip words and over the part of a verb group before its
  // head ("has not met"), between a subject and its verb.
  long SkipBackward(long t) const {
    while (t >= static_cast<long>(c_.begin)) {
      const size_t u = static_cast<size_t>(t);
      if (a_.Skippable(u) || c_.Has(u, WordClass::kNegation)) {
        --t;
        continue;
      }
      const int group = a_.ChunkOf(u);
      if (group >= 0 && a_.chunk(group).kind == Chunk::Kind::kVerb && a_.chunk(group).head > u) {
        t = static_cast<long>(a_.chunk(group).begin) - 1;
        continue;
      }
      break;
    }
    return t;
  }

  // Whether the pattern's first slot is followed by a comma ("X , a ...").
  bool OpensApposition(const CompiledPattern& pattern) const {
    if (pattern.elements.size() < 2) return false;
    const CompiledElement& next = pattern.elements[1];
    if (next.kind != PatternElement::Kind::kWords || next.optional || next.words.empty()) {
      return false;
    }
    return std::all_of(next.words.begin(), next.words.end(),
                       [&](WordId w) { return c_.rules.Has(w, WordClass::kComma); });
  }

  bool Backward(const CompiledPattern& pattern, long e, long t, Match* match) {
    if (e < 0) {
      match->begin = static_cast<size_t>(t + 1);
      return true;
    }
    uint32_t* failed = FailedSlot(static_cast<size_t>(e), t);
    if (failed != nullptr && *failed == attempt_) return false;
    if (BackwardStep(pattern, e, t, match)) return true;
    if (failed != nullptr) *failed = attempt_;
    return false;
  }

  bool BackwardStep(const CompiledPattern& pattern, long e, long t, Match* match) {
    const CompiledElement& element = pattern.elements[static_cast<size_t>(e)];
    const auto at = [&](long k) { return c_.token(static_cast<size_t>(k)); };
    switch (element.kind) {
      case PatternElement::Kind::kWords: {
        while (t >= static_cast<long>(c_.begin) && a_.Skippable(static_cast<size_t>(t)) &&
               !element.Accepts(at(t))) {
          --t;
        }
        if (t >= static_cast<long>(c_.begin) && element.Accepts(at(t)) &&
            Backward(pattern, e - 1, t - 1, match)) {
          match->words.push_back(static_cast<size_t>(t));
          return true;
        }
        return element.optional && Backward(pattern, e - 1, t, match);
      }
      case PatternElement::Kind::kNot:
        return !(t >= static_cast<long>(c_.begin) && element.Accepts(at(t))) &&
               Backward(pattern, e - 1, t, match);
      case PatternElement::Kind::kGap:
        for (long width = 0; width <= static_cast<long>(kMaxGap); ++width) {
          const long last = t - width + 1;
          if (width > 0 && (last < static_cast<long>(c_.begin) ||
                            !GapMayHold(static_cast<size_t>(last), element.types))) {
            break;
          }
          if (Backward(pattern, e - 1, t - width, match)) return true;
        }
        return false;
      case PatternElement::Kind::kNounPhrases: {
        long u = t;
        for (size_t phrases = 0; phrases <= kMaxNounPhrases; ++phrases) {
          if (Backward(pattern, e - 1, u, match)) return true;
          u = NounPhraseBegin(u);
          if (u < static_cast<long>(c_.begin)) return false;
        }
        return false;
      }
      case PatternElement::Kind::kRelative: {
        const long before = RelativeClauseBegin(t);
        return before < t && Backward(pattern, e - 1, before, match);
      }
      case PatternElement::Kind::kSlot: {
        const bool first = e == 0;
        if (first) t = SkipBackward(t);
        const int m = a_.ArgumentEndingAt(t);
        if (m < 0 || !LastWordFits(element, m)) return false;
        std::vector<int> args = {m};
        long next = static_cast<long>(a_.BeginOf(m)) - 1;
        // "Acme and Zenco, a Texas company": an apposition describes only
        // the last of a list.
        if (first && !OpensApposition(pattern)) next = a_.CoordinateBackward(m, &args);
        std::erase_if(args, [&](int arg) { return !LastWordFits(element, arg); });
        auto& target = element.is_subject ? match->subjects : match->objects;
        const size_t saved = target.size();
        target.insert(target.end(), args.begin(), args.end());
        if (Backward(pattern, e - 1, next, match)) return true;
        target.resize(saved);
        return false;
      }
    }
    return false;
  }

  bool MatchAt(const CompiledPattern& pattern, size_t anchor, Match* match) {
    StartAttempt(pattern);
    const int group = a_.ChunkOf(anchor);
    match->verb_begin =
        group >= 0 && a_.chunk(group).kind == Chunk::Kind::kVerb ? a_.chunk(group).begin : anchor;
    if (!Forward(pattern, pattern.anchor + 1, anchor + 1, match)) return false;
    if (!Backward(pattern, static_cast<long>(pattern.anchor) - 1, static_cast<long>(anchor) - 1,
                  match)) {
      return false;
    }
    match->words.push_back(anchor);
    return !match->subjects.empty() && !match->objects.empty();
  }

  // Words that carry the relation, not the grammar around it (articles,
  // prepositions, auxiliaries: "is" in "is based").
  bool ContentWord(size_t t) const {
    if (!c_.token(t).Is(kTokenWord)) return false;
    const int group = a_.ChunkOf(t);
    if (group >= 0 && a_.chunk(group).kind == Chunk::Kind::kVerb && a_.chunk(group).head != t)
      return false;
    switch (c_.pos(t)) {
      case Pos::kDT:
      case Pos::kPDT:
      case Pos::kIN:
      case Pos::kTO:
      case Pos::kCC:
      case Pos::kWDT:
      case Pos::kWP:
      case Pos::kWPS:
      case Pos::kPRP:
      case Pos::kPRPS:
      case Pos::kPOS:
      case Pos::kEX:
        return false;
      default:
        return true;
    }
  }

  // The trigger of a pattern match: the first content word its words
  // matched at or after the anchor, with the content words matched right
  // after it ("based" in ", which is based in" and in "the Oslo-based
  // utility"); else the last one before the anchor; else the anchor itself
  // ("'s" in "Hamas's Ismail Haniyeh").
  Span TriggerOf(std::vector<size_t> words, size_t anchor) const {
    std::sort(words.begin(), words.end());
    auto first = std::find_if(std::lower_bound(words.begin(), words.end(), anchor), words.end(),
                              [&](size_t t) { return ContentWord(t); });
    if (first == words.end()) {
      auto before = std::find_if(
          std::make_reverse_iterator(std::lower_bound(words.begin(), words.end(), anchor)),
          words.rend(), [&](size_t t) { return ContentWord(t); });
      if (before == words.rend()) return c_.token(anchor).span;
      first = std::prev(before.base());
    }
    auto last = first;
    // Adverbs the matcher skipped may stand between them ("is reportedly based").
    const auto follows = [&](size_t a, size_t b) {
      for (size_t t = a + 1; t < b; ++t) {
        if (!a_.Skippable(t)) return false;
      }
      return true;
    };
    while (std::next(last) != words.end() && ContentWord(*std::next(last)) &&
           follows(*last, *std::next(last))) {
      ++last;
    }
    return {c_.token(*first).span.begin, c_.token(*last).span.end};
  }

  Arguments& a_;
  SentenceContext& c_;
  const StatusCues& cues_;
  std::vector<RelationCandidate>& out_;
  std::vector<uint32_t> failed_;  // see StartAttempt
  uint32_t attempt_ = 0;
  size_t row_ = 0;
};

}  // namespace

void MatchPatterns(Arguments& args, const StatusCues& cues, std::vector<RelationCandidate>* out) {
  PatternMatcher(args, cues, out).Run();
}

}  // namespace kg
