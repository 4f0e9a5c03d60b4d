// Part-of-speech tags and lemmas for every token, one sentence at a time:
// the tagger trained on the English Web Treebank (extract/pos/) gives the
// tags, WordNet's exception lists and suffix rules the lemmas, and the rule
// pack's verbs.tsv may name irregular forms of its own. A lemma is kept as
// the pack's word id: only words the pack knows can trigger anything.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/pos/lemmatizer.h"
#include "extract/pos/tagger.h"
#include "extract/sentence_context.h"

namespace kg {

class TagPass {
 public:
  TagPass(const pos::Tagger& tagger, const pos::Lemmatizer& lemmatizer);

  // Scratch memory for one thread; reuse it across sentences and documents.
  struct Scratch {
    std::vector<std::string_view> words;
    std::vector<pos::PosTag> tags;
    pos::TaggerScratch tagger;
    std::string lemma;
    // Lemmas found recently, direct mapped by the word's hash and tag:
    // news repeats its words, and a lemma costs several lexicon lookups.
    // Valid for the TagPass whose id is `owner` (lemmas are its pack's ids).
    struct CachedLemma {
      uint64_t key = 0;  // 0: empty
      WordId lemma = kNoWord;
    };
    static constexpr size_t kLemmaSlots = 1 << 14;  // a power of two
    uint64_t owner = 0;
    std::vector<CachedLemma> lemmas;
  };

  void Run(SentenceContext& context, Scratch& scratch) const;

 private:
  // A sentence needs a verb: when the tagger found none, the first word
  // that is a past or present form of an English verb ("Iran armed
  // Hezbollah") is retagged as one.
  void RepairMissingVerb(SentenceContext& context, Scratch& scratch) const;
  // "Chile's offensive against Peru", "an executive at X": an adjective
  // that ends a possessed phrase, or a phrase opened by an article, is its
  // head noun.
  static void RepairPhraseEndingAdjective(SentenceContext& context);
  // "pleaded guilty to": a word English has only as an adjective, tagged a
  // noun between a verb and a preposition, is the verb's complement.
  static void RepairAdjectiveAfterVerb(SentenceContext& context);
  // "Tom Ray, accused of killing X, was arrested": a past form in -ed
  // between commas after the sentence's subject, before a preposition, with
  // a finite verb after the closing comma, is a participle (a reduced
  // relative clause); taggers often read it as the main verb.
  static void RepairReducedRelative(SentenceContext& context);
  // "The court freed X, convicted of killing Y": after the sentence's verb, a
  // past form in -ed between a noun's comma and "of" or "by" is a participle.
  static void RepairParticipleAfterComma(SentenceContext& context);
  // "Tom Ray shot and killed X": a noun right after a name, joined by a
  // coordinator to a past-tense verb, is that verb's partner when it is
  // the past form of an English verb (taggers read "Ray shot" as a
  // compound noun).
  void RepairCoordinatedVerb(SentenceContext& context, Scratch& scratch) const;
  // The lemma of a word token tagged `tag` (not a proper noun), as a pack id.
  // Cached in the scratch; FindLemma works it out when it is not.
  WordId LemmaOf(SentenceContext& context, size_t token, pos::PosTag tag, Scratch& scratch) const;
  WordId FindLemma(SentenceContext& context, size_t token, pos::PosTag tag, Scratch& scratch) const;

  const pos::Tagger& tagger_;
  const pos::Lemmatizer& lemmatizer_;
  Pos by_xpos_[256];  // the tagger's XPOS -> Pos
  uint64_t id_ = 0;   // tells a scratch whose lemmas it caches
};

}  // namespace kg
