#include "extract/chunker.h"

namespace kg {
namespace {

class Chunker {
 public:
  explicit Chunker(SentenceContext& context) : c_(context) {}

  void Run() {
    size_t t = c_.begin;
    while (t < c_.end) {
      size_t next = NounPhrase(t);
      if (next == t) next = VerbGroup(t);
      t = next == t ? t + 1 : next;
    }
  }

 private:
  // Whether token t is a hyphen joining two words ("Qatar-based").
  bool HyphenJoins(size_t t) const {
    return c_.Has(t, WordClass::kHyphen) && t > c_.begin && t + 1 < c_.end && c_.Joined(t) &&
           c_.Joined(t + 1) && c_.token(t - 1).Is(kTokenWord) && c_.token(t + 1).Is(kTokenWord);
  }

  bool IsPossessive(size_t t) const {
    return c_.pos(t) == Pos::kPOS || c_.Has(t, WordClass::kPossessiveMarker);
  }

  static bool IsHead(Pos pos) { return IsNoun(pos) || pos == Pos::kCD; }

  // A participle stands inside a noun phrase as a modifier ("the planned
  // attack", "Iran-backed militias") only before more of the phrase.
  bool ParticipleModifies(size_t t, size_t start) const {
    if (t + 1 >= c_.end) return false;
    const Pos next = c_.pos(t + 1);
    if (!IsNounModifier(next) && !c_.Has(t + 1, WordClass::kHyphen)) return false;
    // "chastising Pakistan", "visiting Israel": a participle opening a phrase
    // before a name is a verb with its object, and so is a present one
    // before a phrase ending in a name ("of murdering newspaper reporter X").
    if (t == start) {
      if (IsProperNoun(next)) return false;
      if (c_.pos(t) != Pos::kVBG) return true;
      size_t last = t + 1;
      while (last + 1 < c_.end && IsNounModifier(c_.pos(last + 1))) ++last;
      return !IsProperNoun(c_.pos(last));
    }
    const Pos before = c_.pos(t - 1);
    return before == Pos::kDT || before == Pos::kPRPS || IsAdjective(before) ||
           c_.Has(t - 1, WordClass::kHyphen) || IsPossessive(t - 1) || before == Pos::kCD;
  }

  size_t NounPhrase(size_t start) {
    const Pos first = c_.pos(start);
    if (first == Pos::kPRP) {
      Add(start, start + 1, start, Chunk::Kind::kNoun, 0);
      return start + 1;
    }
    size_t t = start;
    if (c_.pos(t) == Pos::kPDT) ++t;
    if (t < c_.end &&
        (c_.pos(t) == Pos::kDT || c_.pos(t) == Pos::kPRPS || c_.pos(t) == Pos::kWPS)) {
      ++t;
    }
    size_t head_end = 0;  // one past the last head word seen
    size_t possessive_end = 0;
    while (t < c_.end) {
      const Pos pos = c_.pos(t);
      if (IsHead(pos) || IsAdjective(pos) || pos == Pos::kFW ||
          ((pos == Pos::kVBN || pos == Pos::kVBG) && ParticipleModifies(t, start))) {
        if (IsHead(pos)) head_end = t + 1;
        ++t;
      } else if (HyphenJoins(t)) {
        ++t;
      } else if (IsPossessive(t) && head_end == t) {
        possessive_end = t + 1;  // "Israel 's prime minister": the possessor stays inside
        ++t;
      } else if (IsAdverb(pos) && t + 1 < c_.end && IsAdjective(c_.pos(t + 1)) && t > start) {
        ++t;  // "a very large group"
      } else {
        break;
      }
    }
    if (head_end <= possessive_end) {
      // No head after the possessor: "Israel 's" alone is a possessive phrase.
      if (possessive_end == 0) return start;
      head_end = possessive_end;
    }
    uint8_t flags = 0;
    if (head_end == possessive_end) flags |= Chunk::kPossessive;
    const size_t head = head_end == possessive_end ? head_end - 2 : head_end - 1;
    Add(start, head_end, head, Chunk::Kind::kNoun, flags);
    return head_end;
  }

  bool IsAuxiliary(size_t t) const { return c_.LemmaHas(t, WordClass::kAuxiliary); }

  size_t VerbGroup(size_t start) {
    size_t t = start;
    uint8_t flags = 0;
    bool aux_before = false;
    bool passive_aux = false;
    size_t head = SIZE_MAX;
    while (t < c_.end) {
      const Pos pos = c_.pos(t);
      if (pos == Pos::kMD) {
        flags |= Chunk::kModal;
        aux_before = true;
      } else if (pos == Pos::kTO && t + 1 < c_.end &&
                 (IsVerb(c_.pos(t + 1)) || IsAdverb(c_.pos(t + 1)))) {
        flags |= Chunk::kInfinitive;
      } else if ((IsAdverb(pos) || c_.Has(t, WordClass::kNegation)) && t + 1 < c_.end &&
                 head == SIZE_MAX && t > start) {
        if (c_.Has(t, WordClass::kNegation)) flags |= Chunk::kNegated;
      } else if (c_.Has(t, WordClass::kNegation) && t == start && t + 1 < c_.end &&
                 IsVerb(c_.pos(t + 1))) {
        flags |= Chunk::kNegated;  // "never met"
      } else if (IsVerb(pos)) {
        head = t;
        // An auxiliary goes on to the verb it helps ("has been urging",
        // "was killed", "did not meet"); "get" only before a participle.
        const bool helps = IsAuxiliary(t) || (c_.LemmaHas(t, WordClass::kPassiveAuxiliary) &&
                                              NextVerbPos(t) == Pos::kVBN);
        if (helps && NextVerbPos(t) != Pos::kUnknown) {
          head = SIZE_MAX;  // the verb it helps heads the group
          aux_before = true;
          if (c_.LemmaHas(t, WordClass::kPassiveAuxiliary)) passive_aux = true;
          ++t;
          continue;
        }
        ++t;
        break;
      } else {
        break;
      }
      ++t;
    }
    if (head == SIZE_MAX) return start;
    const Pos head_pos = c_.pos(head);
    if (passive_aux && head_pos == Pos::kVBN) flags |= Chunk::kPassive;
    if (!aux_before && !(flags & Chunk::kInfinitive) &&
        (head_pos == Pos::kVBN || head_pos == Pos::kVBG)) {
      flags |= Chunk::kParticiple;
    }
    Add(start, t, head, Chunk::Kind::kVerb, flags);
    return t;
  }

  // The tag of the next verb after adverbs and negation, or kUnknown.
  Pos NextVerbPos(size_t t) const {
    for (size_t k = t + 1; k < c_.end; ++k) {
      const Pos pos = c_.pos(k);
      if (IsVerb(pos)) return pos;
      if (!IsAdverb(pos) && !c_.Has(k, WordClass::kNegation)) return Pos::kUnknown;
    }
    return Pos::kUnknown;
  }

  void Add(size_t begin, size_t end, size_t head, Chunk::Kind kind, uint8_t flags) {
    Chunk chunk;
    chunk.begin = static_cast<uint32_t>(begin);
    chunk.end = static_cast<uint32_t>(end);
    chunk.head = static_cast<uint32_t>(head);
    chunk.kind = kind;
    chunk.flags = flags;
    const auto index = static_cast<int32_t>(c_.doc.chunks.size());
    c_.doc.chunks.push_back(chunk);
    for (size_t t = begin; t < end; ++t) c_.doc.chunk_of[t] = index;
  }

  SentenceContext& c_;
};

}  // namespace

void ChunkSentence(SentenceContext& context) {
  if (context.doc.chunk_of.size() < context.doc.tokens.size()) {
    context.doc.chunk_of.resize(context.doc.tokens.size(), -1);
  }
  Chunker(context).Run();
}

}  // namespace kg
