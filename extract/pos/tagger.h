// Part-of-speech tagger: an averaged perceptron over word, affix, shape,
// WordNet and tag-history features, tagging left to right (greedy). It
// predicts joint UPOS/XPOS tags as the English Web Treebank has them
// ("VERB"/"VBN", "PART"/"POS", "PROPN"/"NNP").
//
// Input is one sentence as the surface forms of its tokens in original case,
// tokenized the Penn Treebank way ("did" "n't", "Hamas" "'s", "U.S.",
// "Qatar" "-" "based"); typographic quotes and dashes may stay as written.
//
// Thread safety: a loaded Tagger is immutable; one instance serves any
// number of threads, each passing its own TaggerScratch. Tag() allocates
// only when a sentence is longer than any the scratch has seen.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"
#include "core/status.h"
#include "extract/pos/lexicon.h"
#include "extract/pos/model_format.h"
#include "extract/pos/tags.h"

namespace kg::pos {

// Per-thread working memory for Tagger::Tag. Reuse it across sentences: it
// also remembers the summed weights of recent words outside the tagger's
// vocabulary (names, mostly), which news repeats.
class TaggerScratch {
 private:
  friend class Tagger;
  static constexpr size_t kCacheSlots = 16384;  // a power of two

  std::vector<const int16_t*> rows;    // per token: its score rows (one per offset)
  std::vector<uint64_t> surface_hash;  // per token
  std::vector<uint64_t> lower_hash;    // per token
  std::vector<int16_t> unknown_rows;   // rows of unknown words that missed the cache
  std::vector<int32_t> sums;           // summing one unknown word's rows
  std::vector<int16_t> scores;
  std::vector<uint32_t> classes;
  std::vector<uint64_t> pair_keys;   // per token: left and right word pair
  std::vector<uint32_t> pair_slots;  // their feature slots + 1 (0: none)
  // Unknown-word cache, direct mapped by surface hash; valid for `owner`.
  uint64_t owner = 0;
  uint64_t sentence = 0;  // calls so far: slots used by this call stay put
  std::vector<uint64_t> cache_key;
  std::vector<uint64_t> cache_lower;
  std::vector<uint64_t> cache_sentence;
  // Left uninitialized: a slot's rows are read only after they were
  // written, and untouched pages cost nothing (a thread may tag little).
  std::unique_ptr<int16_t[]> cache_rows;
};

class Tagger {
 public:
  // Builds a tagger from model bytes (see model_format.h). Lexical features
  // use `lexicon`, which must outlive the tagger. Errors start with
  // "tagger model:" and say what is wrong (corrupt, other version, ...).
  static Result<Tagger> Load(std::string_view model_bytes,
                             const Lexicon& lexicon = Lexicon::Default());

  // The model compiled into kg (extract/models/en-ewt.pos), loaded on first
  // use. The pos tests check that it loads.
  static const Tagger& Default();

  // Tags `words` (one sentence) into `out`, which must have the same size.
  void Tag(std::span<const std::string_view> words, std::span<PosTag> out,
           TaggerScratch& scratch) const;

  // The same, as class indexes into classes() (for evaluation and training).
  void TagClasses(std::span<const std::string_view> words, std::span<uint32_t> out,
                  TaggerScratch& scratch) const;

  std::span<const PosTag> classes() const { return classes_; }
  size_t vocabulary_size() const { return vocabulary_size_; }
  // Whether `word` is in the vocabulary (its scores were summed at load).
  bool Knows(std::string_view word) const;

 private:
  // Feature weights, open addressed by key: one cache line per lookup.
  // A feature with weights for many classes (a suffix, a shape) keeps them
  // as a dense row of lanes_, zero where a class has none: adding a row
  // takes a few vector instructions where the list takes a load and a
  // store per class, and such features are in most words' sums.
  struct FeatureSlot {
    uint64_t key = 0;
    uint32_t begin = 0;  // into weights_, or into dense_weights_ when dense
    uint16_t count = 0;  // classes with a weight; 0: empty slot
    bool dense = false;
  };
  struct Weight {
    uint16_t cls;
    int16_t weight;
  };
  struct VocabularySlot {
    uint64_t surface_hash = 0;
    uint64_t lower_hash = 0;
    uint32_t type = 0;  // 0: empty slot
  };

  Tagger() = default;
  void Build(const ModelData& model);
  const FeatureSlot* FindFeature(uint64_t key) const;
  void AddFeature(uint64_t key, int32_t* row) const;
  void AddWeights(const FeatureSlot& found, int32_t* row) const;
  void AddSaturating(const FeatureSlot* found, int16_t* scores) const;
  void PrefetchWeights(const FeatureSlot& found) const;
  // Finds the word-pair features of every token before tagging starts, so
  // that their cache misses overlap.
  void FindPairFeatures(TaggerScratch& scratch, size_t n) const;
  const VocabularySlot* FindType(uint64_t surface_hash) const;
  // Sums the weights of `surface`'s features at each offset into `sums`
  // (kOffsetCount rows, zeroed by the caller) and saturates them into `rows`.
  void SumWord(std::string_view surface, uint64_t hint, int32_t* sums, int16_t* rows,
               uint64_t* lower_hash) const;
  const int16_t* UnknownRows(std::string_view surface, uint64_t hash, TaggerScratch& scratch,
                             size_t* spare, uint64_t* lower_hash) const;

  uint32_t features_ = 0;
  const Lexicon* lexicon_ = nullptr;
  std::vector<PosTag> classes_;
  size_t lanes_ = 0;  // classes rounded up to a multiple of 8
  uint64_t id_ = 0;   // distinguishes taggers for TaggerScratch's cache
  HugePageVector<FeatureSlot> feature_slots_;
  std::vector<Weight> weights_;
  std::vector<int16_t> dense_weights_;  // rows of lanes_

  // Known word types: rows of summed weights for each offset (-2..2),
  // types 0 and 1 being the sentence start and end. Sums saturate to int16
  // (training evaluates through this same code, so its figures include any
  // effect), which halves the memory the hot loop reads.
  std::vector<VocabularySlot> vocabulary_slots_;
  size_t vocabulary_size_ = 0;
  HugePageVector<int16_t> type_rows_;
  // Bias and tag-history weights by (previous tag, tag before it); the
  // padding lanes hold INT16_MIN so that no sum there wins.
  std::vector<int16_t> history_rows_;
};

}  // namespace kg::pos
