#include "extract/tag_pass.h"

#include <atomic>

#include "extract/pos/hash.h"
#include "extract/pos/lexicon.h"

namespace kg {

TagPass::TagPass(const pos::Tagger& tagger, const pos::Lemmatizer& lemmatizer)
    : tagger_(tagger), lemmatizer_(lemmatizer) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1);
  for (Pos& pos : by_xpos_) pos = Pos::kUnknown;
  for (int x = 0; x < pos::kXposCount; ++x) {
    const auto xpos = static_cast<pos::Xpos>(x);
    by_xpos_[x] = ParsePos(pos::XposName(xpos)).value_or(Pos::kUnknown);
  }
}

void TagPass::Run(SentenceContext& c, Scratch& scratch) const {
  const size_t size = c.end - c.begin;
  scratch.words.resize(size);
  scratch.tags.resize(size);
  for (size_t k = 0; k < size; ++k) scratch.words[k] = c.doc.Surface(c.begin + k);
  tagger_.Tag(scratch.words, scratch.tags, scratch.tagger);
  if (scratch.owner != id_) {  // LemmaOf's cache: its ids are of this pass's pack
    scratch.owner = id_;
    scratch.lemmas.assign(Scratch::kLemmaSlots, {});
  }
  for (size_t k = 0; k < size; ++k) {
    Token& token = c.doc.tokens[c.begin + k];
    const pos::PosTag tag = scratch.tags[k];
    token.pos = by_xpos_[static_cast<size_t>(tag.xpos)];
    if (!token.Is(kTokenWord) || token.pos == Pos::kNNP) {
      token.lemma = token.word;
      continue;
    }
    token.lemma = LemmaOf(c, c.begin + k, tag, scratch);
  }
  RepairMissingVerb(c, scratch);
  RepairPhraseEndingAdjective(c);
  RepairAdjectiveAfterVerb(c);
  RepairReducedRelative(c);
  RepairParticipleAfterComma(c);
  RepairCoordinatedVerb(c, scratch);
}

void TagPass::RepairCoordinatedVerb(SentenceContext& c, Scratch& scratch) const {
  const pos::Lexicon& lexicon = pos::Lexicon::Default();
  for (size_t t = c.begin + 1; t + 2 < c.end; ++t) {
    if (c.pos(t) != Pos::kNN || c.pos(t - 1) != Pos::kNNP || c.pos(t + 2) != Pos::kVBD) continue;
    if (!c.Has(t + 1, WordClass::kCoordinator)) continue;
    Token& token = c.doc.tokens[t];
    if (!token.Is(kTokenWord) || token.Is(kTokenCapitalized)) continue;
    const std::string_view norm = c.doc.Norm(t);
    const std::string_view lemma =
        lemmatizer_.Lemma(norm, {pos::Upos::kVerb, pos::Xpos::kVbd}, scratch.lemma);
    if (lemma == norm || !lexicon.Has(lemma, pos::WordClass::kVerb)) continue;
    token.pos = Pos::kVBD;
    token.lemma = c.rules.Word(lemma);
    return;
  }
}

void TagPass::RepairReducedRelative(SentenceContext& c) {
  const auto finite = [&](size_t t) { return IsFiniteVerb(c.pos(t)) || c.pos(t) == Pos::kMD; };
  for (size_t t = c.begin; t + 1 < c.end; ++t) {
    if (IsVerb(c.pos(t)) || c.pos(t) == Pos::kMD) {
      // Only a phrase before the first verb is the subject: "He visited
      // Rome, stayed in a hotel, met X" lists verbs.
      if (t < c.begin + 2 || c.pos(t) != Pos::kVBD || !c.Has(t - 1, WordClass::kComma) ||
          !IsNoun(c.pos(t - 2)) || !c.doc.Norm(t).ends_with("ed") || !IsPreposition(c.pos(t + 1))) {
        return;
      }
      for (size_t u = t + 1; u < c.end && !finite(u); ++u) {
        if (!c.Has(u, WordClass::kComma)) continue;
        size_t v = u + 1;
        while (v < c.end && IsAdverb(c.pos(v))) ++v;
        if (v < c.end && finite(v)) c.doc.tokens[t].pos = Pos::kVBN;
        break;
      }
      return;
    }
  }
}

void TagPass::RepairParticipleAfterComma(SentenceContext& c) {
  // Other prepositions stay with a list of verbs: "He reached Rome, stayed
  // in a hotel".
  bool clause_has_verb = false;
  for (size_t t = c.begin; t + 1 < c.end; ++t) {
    if (!clause_has_verb) {
      clause_has_verb = IsVerb(c.pos(t)) && c.pos(t) != Pos::kVBG;
      continue;
    }
    if (c.pos(t) != Pos::kVBD || !c.Has(t - 1, WordClass::kComma) || !IsNoun(c.pos(t - 2)) ||
        !c.doc.Norm(t).ends_with("ed")) {
      continue;
    }
    if (c.Has(t + 1, WordClass::kGenitive) || c.Has(t + 1, WordClass::kAgentMarker)) {
      c.doc.tokens[t].pos = Pos::kVBN;
    }
  }
}

WordId TagPass::LemmaOf(SentenceContext& c, size_t t, pos::PosTag tag, Scratch& scratch) const {
  const Token& token = c.doc.tokens[t];
  // The lemma depends on the word's comparison form and its tag only. A
  // form the pack knows is told by its id, another by the hash of its text
  // the tokenizer keeps (no second pass over the text); the two kinds of
  // key differ in their lowest bits, and neither is 0.
  const uint64_t tag_bits = static_cast<uint64_t>(tag.xpos) << 8 | static_cast<uint64_t>(tag.upos);
  const bool known = token.word != kNoWord;
  const uint64_t key = known ? (uint64_t{token.word} << 16 | tag_bits) << 2 | 2
                             : pos::Mix(c.doc.NormHash(t), tag_bits) | 1;
  // The known words' keys are spread by a multiply: their low bits are the
  // tag's, which would crowd each tag's words into one slot.
  const uint64_t spread = known ? (key * 0x9e3779b97f4a7c15ULL) >> 40 : key;
  Scratch::CachedLemma& cached = scratch.lemmas[spread & (Scratch::kLemmaSlots - 1)];
  if (cached.key == key) return cached.lemma;
  // FindLemma touches no cache slot: `cached` stays where it is.
  cached = {key, FindLemma(c, t, tag, scratch)};
  return cached.lemma;
}

WordId TagPass::FindLemma(SentenceContext& c, size_t t, pos::PosTag tag, Scratch& scratch) const {
  const Token& token = c.doc.tokens[t];
  const std::string_view norm = c.doc.Norm(t);
  WordId lemma = c.rules.IrregularLemma(token.word);
  if (lemma == kNoWord) {
    // A plural proper noun ("Democrats", "Presidents") has the lemma of the
    // common noun, for matching; its name stays as written.
    pos::PosTag as_tagged = tag;
    if (token.pos == Pos::kNNPS) as_tagged = {pos::Upos::kNoun, pos::Xpos::kNns};
    const std::string_view text = lemmatizer_.Lemma(norm, as_tagged, scratch.lemma);
    lemma = text == norm ? token.word : c.rules.Word(text);
  }
  return lemma;
}

void TagPass::RepairPhraseEndingAdjective(SentenceContext& c) {
  for (size_t t = c.begin + 1; t + 1 < c.end; ++t) {
    if (c.pos(t - 1) != Pos::kPOS && !c.Has(t - 1, WordClass::kArticle)) continue;
    if (!IsAdjective(c.pos(t))) continue;
    const Pos next = c.pos(t + 1);
    if (IsNoun(next) || IsAdjective(next) || next == Pos::kCD || next == Pos::kHyph) continue;
    c.doc.tokens[t].pos = Pos::kNN;
  }
}

void TagPass::RepairAdjectiveAfterVerb(SentenceContext& c) {
  const pos::Lexicon& lexicon = pos::Lexicon::Default();
  for (size_t t = c.begin + 1; t + 1 < c.end; ++t) {
    if (c.pos(t) != Pos::kNN || !IsVerb(c.pos(t - 1)) || !IsPreposition(c.pos(t + 1))) continue;
    const std::string_view norm = c.doc.Norm(t);
    if (lexicon.Has(norm, pos::WordClass::kAdj) && !lexicon.Has(norm, pos::WordClass::kNoun)) {
      c.doc.tokens[t].pos = Pos::kJJ;
    }
  }
}

void TagPass::RepairMissingVerb(SentenceContext& c, Scratch& scratch) const {
  if (c.doc.sentences[c.sentence].kind != LineKind::kBody) return;
  for (size_t t = c.begin; t < c.end; ++t) {
    if (IsVerb(c.pos(t)) || c.pos(t) == Pos::kMD) return;
  }
  const pos::Lexicon& lexicon = pos::Lexicon::Default();
  for (size_t t = c.begin + 1; t < c.end; ++t) {
    Token& token = c.doc.tokens[t];
    if (!token.Is(kTokenWord) || token.Is(kTokenCapitalized)) continue;
    if (!IsAdjective(token.pos) && token.pos != Pos::kVBN && !IsCommonNoun(token.pos)) continue;
    const std::string_view norm = c.doc.Norm(t);
    for (pos::Xpos form : {pos::Xpos::kVbd, pos::Xpos::kVbz}) {
      const std::string_view lemma =
          lemmatizer_.Lemma(norm, {pos::Upos::kVerb, form}, scratch.lemma);
      if (lemma == norm || !lexicon.Has(lemma, pos::WordClass::kVerb)) continue;
      token.pos = form == pos::Xpos::kVbd ? Pos::kVBD : Pos::kVBZ;
      token.lemma = c.rules.Word(lemma);
      return;
    }
  }
}

}  // namespace kg
