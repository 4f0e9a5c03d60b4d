#include "extract/pos/tagger.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <limits>
#include <system_error>
#include <thread>

#include "extract/pos/embedded_data.h"
#include "extract/pos/features.h"
#include "extract/pos/score_kernel.h"

namespace kg::pos {
namespace {

constexpr size_t kStartType = 0;
constexpr size_t kEndType = 1;
constexpr size_t kFirstWordType = 2;

size_t TableSize(size_t count) {
  size_t size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

size_t OffsetIndex(int offset) { return static_cast<size_t>(offset + 2); }

// Features with at least this many weights get a dense row: below it the
// list adds about as quickly as a row of the shipped model's 64 lanes.
constexpr uint32_t kDenseMinWeights = 16;

}  // namespace

Result<Tagger> Tagger::Load(std::string_view model_bytes, const Lexicon& lexicon) {
  auto model = ParseModel(model_bytes);
  if (!model.ok()) return model.status();
  if ((model->features & (kFeatLexical | kFeatContextLexical)) && lexicon.size() == 0)
    return Status::Error("tagger model: needs a WordNet lexicon, and the one given is empty");
  Tagger tagger;
  tagger.lexicon_ = &lexicon;
  tagger.Build(*model);
  return tagger;
}

const Tagger& Tagger::Default() {
  // Built from the model compiled into kg; the pos tests check that it loads.
  static const Tagger kDefault = [] {
    auto loaded = Load(EmbeddedTaggerModel());
    if (loaded.ok()) return std::move(loaded).value();
    Tagger empty;  // tags everything X: the tests fail before this ships
    ModelData nothing;
    nothing.classes = {PosTag{}};
    nothing.entry_begin = {0};
    empty.Build(nothing);
    return empty;
  }();
  return kDefault;
}

void Tagger::Build(const ModelData& model) {
  // A process-wide counter, only so that a TaggerScratch never serves one
  // tagger's cached rows to another.
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1);
  features_ = model.features;
  classes_ = model.classes;
  lanes_ = (classes_.size() + 7) / 8 * 8;
  weights_.reserve(model.entry_class.size());
  dense_weights_.clear();
  feature_slots_.assign(TableSize(model.keys.size()), FeatureSlot{});
  const size_t key_mask = feature_slots_.size() - 1;
  std::vector<bool> seen(lanes_);
  for (size_t f = 0; f < model.keys.size(); ++f) {
    const uint32_t begin = model.entry_begin[f];
    const uint32_t end = model.entry_begin[f + 1];
    if (begin == end) continue;
    FeatureSlot added{model.keys[f], 0, static_cast<uint16_t>(end - begin), false};
    // Dense only when no class repeats: a repeated class's weights add one
    // by one, saturating at each step, and a row would add their sum.
    added.dense = end - begin >= kDenseMinWeights;
    if (added.dense) std::fill(seen.begin(), seen.end(), false);
    for (uint32_t e = begin; e < end && added.dense; ++e) {
      added.dense = !seen[model.entry_class[e]];
      seen[model.entry_class[e]] = true;
    }
    if (added.dense) {
      added.begin = static_cast<uint32_t>(dense_weights_.size());
      dense_weights_.resize(dense_weights_.size() + lanes_, 0);
      for (uint32_t e = begin; e < end; ++e)
        dense_weights_[added.begin + model.entry_class[e]] = model.entry_weight[e];
    } else {
      added.begin = static_cast<uint32_t>(weights_.size());
      for (uint32_t e = begin; e < end; ++e)
        weights_.push_back({model.entry_class[e], model.entry_weight[e]});
    }
    size_t slot = model.keys[f] & key_mask;
    while (feature_slots_[slot].count != 0) slot = (slot + 1) & key_mask;
    feature_slots_[slot] = added;
  }
  weights_.shrink_to_fit();

  // Bias and history: one row per (previous tag, tag before), the start
  // of the sentence being tag index classes_.size().
  const size_t tags = classes_.size() + 1;
  history_rows_.assign(tags * tags * lanes_, std::numeric_limits<int16_t>::min());
  std::vector<int32_t> sums(kOffsetCount * lanes_);
  uint64_t keys[kMaxHistoryKeys];
  const auto tag_id = [&](size_t t) {
    return t == classes_.size() ? kStartTag : static_cast<uint32_t>(t);
  };
  for (size_t prev = 0; prev < tags; ++prev) {
    for (size_t prev2 = 0; prev2 < tags; ++prev2) {
      std::fill(sums.begin(), sums.end(), 0);
      AddFeature(BiasKey(), sums.data());
      const int n = HistoryKeys(tag_id(prev), tag_id(prev2), features_, keys);
      for (int k = 0; k < n; ++k) AddFeature(keys[k], sums.data());
      SaturateToInt16(sums.data(), classes_.size(), &history_rows_[(prev * tags + prev2) * lanes_]);
    }
  }

  // Word types: the two sentence boundaries, then the vocabulary. A word
  // listed twice (same key) keeps its first rows.
  const size_t row_size = kOffsetCount * lanes_;
  type_rows_.assign((kFirstWordType + model.vocabulary.size()) * row_size, 0);
  WordForm form;
  for (const bool start : {true, false}) {
    BoundaryWord(start, &form);
    std::fill(sums.begin(), sums.end(), 0);
    for (const int offset : kContextOffsets) {
      uint64_t type_keys[kMaxTypeKeys];
      const int n = TypeKeys(form, offset, features_, type_keys);
      for (int k = 0; k < n; ++k) AddFeature(type_keys[k], &sums[OffsetIndex(offset) * lanes_]);
    }
    SaturateToInt16(sums.data(), row_size, &type_rows_[(start ? kStartType : kEndType) * row_size]);
  }
  // The slots first (a word listed twice keeps its first type), then the
  // rows, summed on every core: this is most of kg's start-up time.
  vocabulary_slots_.assign(TableSize(model.vocabulary.size()), VocabularySlot{});
  const size_t vocabulary_mask = vocabulary_slots_.size() - 1;
  std::vector<size_t> type_slots;  // per type past the boundaries: its slot
  std::vector<size_t> type_words;  // per type past the boundaries: its model word
  for (size_t v = 0; v < model.vocabulary.size(); ++v) {
    const uint64_t hash = SurfaceKey(model.vocabulary[v]);
    if (FindType(hash) != nullptr) continue;
    const size_t type = kFirstWordType + vocabulary_size_++;
    size_t slot = hash & vocabulary_mask;
    while (vocabulary_slots_[slot].type != 0) slot = (slot + 1) & vocabulary_mask;
    vocabulary_slots_[slot] = {hash, 0, static_cast<uint32_t>(type)};
    type_slots.push_back(slot);
    type_words.push_back(v);
  }
  const auto sum_types = [&](size_t begin, size_t end) {
    std::vector<int32_t> word_sums(kOffsetCount * lanes_);
    for (size_t t = begin; t < end; ++t) {
      const size_t v = type_words[t];
      std::fill(word_sums.begin(), word_sums.end(), 0);
      SumWord(model.vocabulary[v], model.hints[v], word_sums.data(),
              &type_rows_[(kFirstWordType + t) * row_size],
              &vocabulary_slots_[type_slots[t]].lower_hash);
    }
  };
  const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<std::thread> threads;
  const size_t share = (type_words.size() + workers - 1) / workers;
  for (size_t begin = share; begin < type_words.size(); begin += share) {
    const size_t end = std::min(begin + share, type_words.size());
    try {
      threads.emplace_back(sum_types, begin, end);
    } catch (const std::system_error&) {  // no thread to be had: sum them here
      sum_types(begin, end);
    }
  }
  sum_types(0, std::min(share, type_words.size()));
  for (auto& thread : threads) thread.join();
  type_rows_.resize((kFirstWordType + vocabulary_size_) * row_size);
  type_rows_.shrink_to_fit();
}

const Tagger::FeatureSlot* Tagger::FindFeature(uint64_t key) const {
  const size_t mask = feature_slots_.size() - 1;
  for (size_t slot = key & mask; feature_slots_[slot].count != 0; slot = (slot + 1) & mask)
    if (feature_slots_[slot].key == key) return &feature_slots_[slot];
  return nullptr;
}

void Tagger::AddFeature(uint64_t key, int32_t* row) const {
  if (const FeatureSlot* found = FindFeature(key)) AddWeights(*found, row);
}

void Tagger::AddWeights(const FeatureSlot& found, int32_t* row) const {
  if (found.dense) {
    AddRowWidened(&dense_weights_[found.begin], lanes_, row);
    return;
  }
  const Weight* weights = &weights_[found.begin];
  for (uint32_t e = 0; e < found.count; ++e) row[weights[e].cls] += weights[e].weight;
}

void Tagger::AddSaturating(const FeatureSlot* found, int16_t* scores) const {
  if (found == nullptr) return;
  if (found->dense) {
    // A zero weight leaves a score as it is, saturated or not.
    AddRowSaturating(&dense_weights_[found->begin], lanes_, scores);
    return;
  }
  const Weight* weights = &weights_[found->begin];
  for (uint32_t e = 0; e < found->count; ++e)
    scores[weights[e].cls] = SaturatingAdd(scores[weights[e].cls], weights[e].weight);
}

void Tagger::PrefetchWeights(const FeatureSlot& found) const {
  __builtin_prefetch(found.dense ? static_cast<const void*>(&dense_weights_[found.begin])
                                 : static_cast<const void*>(&weights_[found.begin]));
}

const Tagger::VocabularySlot* Tagger::FindType(uint64_t surface_hash) const {
  const size_t mask = vocabulary_slots_.size() - 1;
  for (size_t slot = surface_hash & mask; vocabulary_slots_[slot].type != 0;
       slot = (slot + 1) & mask)
    if (vocabulary_slots_[slot].surface_hash == surface_hash) return &vocabulary_slots_[slot];
  return nullptr;
}

void Tagger::SumWord(std::string_view surface, uint64_t hint, int32_t* sums, int16_t* rows,
                     uint64_t* lower_hash) const {
  WordForm form;
  AnalyzeWord(surface, (features_ & (kFeatLexical | kFeatContextLexical)) ? lexicon_ : nullptr,
              &form);
  form.hint = hint;
  *lower_hash = form.lower_hash;
  // All keys first, their slots prefetched, then the sums: the lookups are
  // cache misses, and this way they overlap instead of queueing.
  uint64_t keys[kOffsetCount][kMaxTypeKeys];
  int counts[kOffsetCount];
  const size_t mask = feature_slots_.size() - 1;
  for (size_t o = 0; o < kOffsetCount; ++o) {
    counts[o] = TypeKeys(form, kContextOffsets[o], features_, keys[o]);
    for (int k = 0; k < counts[o]; ++k) __builtin_prefetch(&feature_slots_[keys[o][k] & mask]);
  }
  const FeatureSlot* found[kOffsetCount][kMaxTypeKeys];
  for (size_t o = 0; o < kOffsetCount; ++o) {
    for (int k = 0; k < counts[o]; ++k) {
      found[o][k] = FindFeature(keys[o][k]);
      if (found[o][k] != nullptr) PrefetchWeights(*found[o][k]);
    }
  }
  for (size_t o = 0; o < kOffsetCount; ++o) {
    for (int k = 0; k < counts[o]; ++k)
      if (found[o][k] != nullptr) AddWeights(*found[o][k], sums + o * lanes_);
  }
  SaturateToInt16(sums, kOffsetCount * lanes_, rows);
}

// The rows of a word outside the vocabulary: from the scratch's cache, or
// summed now and cached, unless the slot holds a word of this same sentence
// (then they go to the next spare row of unknown_rows).
const int16_t* Tagger::UnknownRows(std::string_view surface, uint64_t hash, TaggerScratch& scratch,
                                   size_t* spare, uint64_t* lower_hash) const {
  const size_t row_size = kOffsetCount * lanes_;
  const size_t slot = hash & (TaggerScratch::kCacheSlots - 1);
  int16_t* cached = &scratch.cache_rows[slot * row_size];
  if (scratch.cache_sentence[slot] != 0 && scratch.cache_key[slot] == hash) {
    scratch.cache_sentence[slot] = scratch.sentence;
    *lower_hash = scratch.cache_lower[slot];
    return cached;
  }
  scratch.sums.assign(row_size, 0);
  if (scratch.cache_sentence[slot] == scratch.sentence) {
    // TagClasses sized unknown_rows for every word of the sentence, so the
    // rows handed out earlier stay where they are.
    assert(scratch.unknown_rows.size() >= (*spare + 1) * row_size);
    int16_t* rows = &scratch.unknown_rows[(*spare)++ * row_size];
    SumWord(surface, 0, scratch.sums.data(), rows, lower_hash);
    return rows;
  }
  SumWord(surface, 0, scratch.sums.data(), cached, lower_hash);
  scratch.cache_key[slot] = hash;
  scratch.cache_lower[slot] = *lower_hash;
  scratch.cache_sentence[slot] = scratch.sentence;
  return cached;
}

void Tagger::FindPairFeatures(TaggerScratch& scratch, size_t n) const {
  scratch.pair_keys.resize(2 * n);
  scratch.pair_slots.resize(2 * n);
  const size_t mask = feature_slots_.size() - 1;
  SentencePairKeys({scratch.lower_hash.data(), n}, scratch.pair_keys.data());
  for (size_t k = 0; k < 2 * n; ++k)
    __builtin_prefetch(&feature_slots_[scratch.pair_keys[k] & mask]);
  for (size_t k = 0; k < 2 * n; ++k) {
    const FeatureSlot* found = FindFeature(scratch.pair_keys[k]);
    scratch.pair_slots[k] =
        found == nullptr ? 0 : static_cast<uint32_t>(found - &feature_slots_[0]) + 1;
    if (found != nullptr) PrefetchWeights(*found);
  }
}

bool Tagger::Knows(std::string_view word) const { return FindType(SurfaceKey(word)) != nullptr; }

void Tagger::TagClasses(std::span<const std::string_view> words, std::span<uint32_t> out,
                        TaggerScratch& scratch) const {
  assert(words.size() == out.size());
  const size_t n = words.size();
  const size_t row_size = kOffsetCount * lanes_;
  if (scratch.owner != id_) {
    scratch.owner = id_;
    scratch.sentence = 0;
    scratch.cache_key.assign(TaggerScratch::kCacheSlots, 0);
    scratch.cache_lower.assign(TaggerScratch::kCacheSlots, 0);
    scratch.cache_sentence.assign(TaggerScratch::kCacheSlots, 0);  // 0: empty
    scratch.cache_rows.reset(new int16_t[TaggerScratch::kCacheSlots * row_size]);
  }
  ++scratch.sentence;
  // Rows of the start, the words, and the end: token i at rows[i + 2]. The
  // spare rows for unknown words are sized once per sentence: growing them
  // later would move rows already pointed to.
  scratch.rows.resize(n + 4);
  if (scratch.unknown_rows.size() < n * row_size) scratch.unknown_rows.resize(n * row_size);
  scratch.lower_hash.resize(n);
  scratch.rows[0] = scratch.rows[1] = &type_rows_[kStartType * row_size];
  scratch.rows[n + 2] = scratch.rows[n + 3] = &type_rows_[kEndType * row_size];
  // Every word's vocabulary slot prefetched before the first is probed:
  // the probes are cache misses, and this way they overlap.
  scratch.surface_hash.resize(n);
  const size_t vocabulary_mask = vocabulary_slots_.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    scratch.surface_hash[i] = SurfaceKey(words[i]);
    __builtin_prefetch(&vocabulary_slots_[scratch.surface_hash[i] & vocabulary_mask]);
  }
  size_t spare = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t hash = scratch.surface_hash[i];
    if (const VocabularySlot* known = FindType(hash)) {
      scratch.rows[i + 2] = &type_rows_[known->type * row_size];
      scratch.lower_hash[i] = known->lower_hash;
    } else {
      scratch.rows[i + 2] = UnknownRows(words[i], hash, scratch, &spare, &scratch.lower_hash[i]);
    }
  }

  const size_t lanes = lanes_;
  const size_t tags = classes_.size() + 1;
  const auto start_tag = static_cast<uint32_t>(classes_.size());
  scratch.scores.resize(lanes);
  int16_t* scores = scratch.scores.data();
  const bool tag_word = (features_ & kFeatTagWord) != 0;
  const bool word_pairs = (features_ & kFeatWordPairs) != 0;
  if (word_pairs) FindPairFeatures(scratch, n);
  const auto pair_slot = [&](size_t k) {
    const uint32_t slot = scratch.pair_slots[k];
    return slot == 0 ? nullptr : &feature_slots_[slot - 1];
  };
  const size_t mask = feature_slots_.size() - 1;
  uint32_t prev = start_tag;
  uint32_t prev2 = start_tag;
  uint64_t tag_word_key = tag_word && n > 0 ? TagWordKey(kStartTag, scratch.lower_hash[0]) : 0;
  for (size_t i = 0; i < n; ++i) {
    const int16_t* rows[kSummedRows] = {
        &history_rows_[(prev * tags + prev2) * lanes],
        scratch.rows[i] + 0 * lanes,      // the word two before, seen from here
        scratch.rows[i + 1] + 1 * lanes,  // the previous word
        scratch.rows[i + 2] + 2 * lanes,  // this word
        scratch.rows[i + 3] + 3 * lanes,  // the next word
        scratch.rows[i + 4] + 4 * lanes,  // the one after
    };
    // The rows the next token needs, two of them not yet touched: word
    // rows are many megabytes, so most of a rare word's rows are misses.
    if (i + 1 < n) {
      for (size_t o = 0; o < kOffsetCount; ++o) {
        const int16_t* row = scratch.rows[i + 1 + o] + o * lanes;
        __builtin_prefetch(row);
        __builtin_prefetch(row + lanes - 1);
      }
    }
    SumRows(rows, lanes, scores);
    // The tag-word slot was prefetched when the previous tag was chosen.
    if (tag_word) AddSaturating(FindFeature(tag_word_key), scores);
    if (word_pairs) {
      AddSaturating(pair_slot(2 * i), scores);
      AddSaturating(pair_slot(2 * i + 1), scores);
    }
    const uint32_t best = ArgMax(scores, lanes);
    out[i] = best;
    prev2 = prev;
    prev = best;
    if (tag_word && i + 1 < n) {
      tag_word_key = TagWordKey(best, scratch.lower_hash[i + 1]);
      __builtin_prefetch(&feature_slots_[tag_word_key & mask]);
    }
  }
}

void Tagger::Tag(std::span<const std::string_view> words, std::span<PosTag> out,
                 TaggerScratch& scratch) const {
  assert(words.size() == out.size());
  scratch.classes.resize(words.size());
  TagClasses(words, scratch.classes, scratch);
  for (size_t i = 0; i < words.size(); ++i) out[i] = classes_[scratch.classes[i]];
}

}  // namespace kg::pos
