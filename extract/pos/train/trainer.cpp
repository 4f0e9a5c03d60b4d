#include "extract/pos/train/trainer.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "extract/pos/features.h"

namespace kg::pos {
namespace {

// One class's weight for one feature, with what averaging needs.
struct Cell {
  uint32_t cls = 0;
  int32_t weight = 0;
  int64_t total = 0;   // sum of weight over the steps up to `stamp`
  uint32_t stamp = 0;  // step of the last change
};

class Weights {
 public:
  void Score(const std::vector<uint64_t>& keys, std::vector<int64_t>& scores) const {
    std::fill(scores.begin(), scores.end(), 0);
    for (const uint64_t key : keys) {
      const auto it = index_.find(key);
      if (it == index_.end()) continue;
      for (const Cell& cell : cells_[it->second]) scores[cell.cls] += cell.weight;
    }
  }

  void Update(const std::vector<uint64_t>& keys, uint32_t truth, uint32_t guess, uint32_t now) {
    for (const uint64_t key : keys) {
      const auto [it, inserted] = index_.try_emplace(key, static_cast<uint32_t>(cells_.size()));
      if (inserted) {
        cells_.emplace_back();
        keys_.push_back(key);
      }
      std::vector<Cell>& cells = cells_[it->second];
      Change(cells, truth, +1, now);
      Change(cells, guess, -1, now);
    }
  }

  // Averaged weights at step `now`, times `scale`, rounded to integers;
  // weights below `prune` in size are dropped.
  void Export(uint32_t now, int64_t scale, int prune, ModelData* model) const {
    std::vector<uint32_t> order(keys_.size());
    for (uint32_t f = 0; f < order.size(); ++f) order[f] = f;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
    model->keys.clear();
    model->entry_begin.assign(1, 0);
    model->entry_class.clear();
    model->entry_weight.clear();
    std::vector<Cell> cells;
    for (const uint32_t f : order) {
      cells = cells_[f];
      std::sort(cells.begin(), cells.end(),
                [](const Cell& a, const Cell& b) { return a.cls < b.cls; });
      const size_t before = model->entry_class.size();
      for (const Cell& cell : cells) {
        const int64_t total = cell.total + static_cast<int64_t>(now - cell.stamp) * cell.weight;
        const int64_t scaled = total * scale;
        const int64_t half = now / 2;
        int64_t q = scaled >= 0 ? (scaled + half) / now : -((-scaled + half) / now);
        q = std::clamp<int64_t>(q, INT16_MIN, INT16_MAX);
        if (q == 0 || (q < prune && q > -prune)) continue;
        model->entry_class.push_back(static_cast<uint8_t>(cell.cls));
        model->entry_weight.push_back(static_cast<int16_t>(q));
      }
      if (model->entry_class.size() == before) continue;
      model->keys.push_back(keys_[f]);
      model->entry_begin.push_back(static_cast<uint32_t>(model->entry_class.size()));
    }
  }

 private:
  static void Change(std::vector<Cell>& cells, uint32_t cls, int32_t delta, uint32_t now) {
    auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& c) { return c.cls == cls; });
    if (it == cells.end()) {
      cells.push_back({cls, 0, 0, now});
      it = cells.end() - 1;
    }
    it->total += static_cast<int64_t>(now - it->stamp) * it->weight;
    it->stamp = now;
    it->weight += delta;
  }

  std::unordered_map<uint64_t, uint32_t> index_;  // lookups only: never iterated
  std::vector<uint64_t> keys_;
  std::vector<std::vector<Cell>> cells_;
};

// splitmix64: a fixed generator, so that shuffles are the same everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

uint32_t PairCode(PosTag tag) {
  return static_cast<uint32_t>(tag.upos) * 256 + static_cast<uint32_t>(tag.xpos);
}

// The classes: the `max_classes` most frequent UPOS/XPOS pairs, most
// frequent first (ties in tag order); rarer pairs map to the most frequent class with the same
// XPOS, else the same UPOS, else the most frequent class.
std::vector<PosTag> ChooseClasses(const std::vector<TaggedSentence>& train, int max_classes,
                                  std::map<uint32_t, uint32_t>* class_of) {
  std::map<uint32_t, int64_t> counts;
  for (const auto& sentence : train)
    for (const PosTag tag : sentence.tags) ++counts[PairCode(tag)];
  std::vector<std::pair<int64_t, uint32_t>> ranked;
  for (const auto& [code, count] : counts) ranked.emplace_back(-count, code);
  std::sort(ranked.begin(), ranked.end());
  std::vector<PosTag> classes;
  for (const auto& [negative, code] : ranked) {
    if (static_cast<int>(classes.size()) >= max_classes) break;
    (*class_of)[code] = static_cast<uint32_t>(classes.size());
    classes.push_back({static_cast<Upos>(code / 256), static_cast<Xpos>(code % 256)});
  }
  for (const auto& [negative, code] : ranked) {
    if (class_of->contains(code)) continue;
    const PosTag tag{static_cast<Upos>(code / 256), static_cast<Xpos>(code % 256)};
    uint32_t best = 0;
    bool found = false;
    for (uint32_t c = 0; c < classes.size() && !found; ++c)
      if (classes[c].xpos == tag.xpos) best = c, found = true;
    for (uint32_t c = 0; c < classes.size() && !found; ++c)
      if (classes[c].upos == tag.upos) best = c, found = true;
    (*class_of)[code] = best;
  }
  return classes;
}

std::vector<std::string> ChooseVocabulary(const std::vector<TaggedSentence>& train, int min_count) {
  std::unordered_map<uint64_t, std::pair<int64_t, std::string>> types;
  for (const auto& sentence : train) {
    for (const std::string& word : sentence.words) {
      auto& [count, first] = types[SurfaceKey(word)];
      if (count++ == 0) first = word;
    }
  }
  std::vector<std::pair<int64_t, std::string>> ranked;
  for (const auto& [key, type] : types)
    if (type.first >= min_count) ranked.emplace_back(-type.first, type.second);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> vocabulary;
  for (auto& [negative, word] : ranked) vocabulary.push_back(std::move(word));
  return vocabulary;
}

// A sentence's type keys, by token and offset, computed once.
struct PreparedSentence {
  std::vector<uint32_t> gold;
  std::vector<uint64_t> lower_hash;
  std::vector<std::vector<uint64_t>> type_keys;  // [token * kOffsetCount + offset index]
};

}  // namespace

ModelData TrainTagger(const std::vector<TaggedSentence>& train, const TrainOptions& options,
                      const EpochCallback& after_epoch) {
  ModelData model;
  model.features = options.features;
  std::map<uint32_t, uint32_t> class_of;
  model.classes = ChooseClasses(train, options.max_classes, &class_of);
  model.vocabulary = ChooseVocabulary(train, options.min_vocabulary_count);
  // Hints: the classes a frequent vocabulary word mostly has. The tagger
  // gets them from the model; training must see exactly the same.
  std::unordered_map<uint64_t, std::vector<int64_t>> class_counts;
  for (const auto& sentence : train)
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      auto& counts = class_counts[SurfaceKey(sentence.words[i])];
      counts.resize(model.classes.size());
      ++counts[class_of.at(PairCode(sentence.tags[i]))];
    }
  std::unordered_map<uint64_t, uint64_t> hint_of;
  for (const std::string& word : model.vocabulary) {
    const auto& counts = class_counts.at(SurfaceKey(word));
    int64_t total = 0;
    for (const int64_t count : counts) total += count;
    uint64_t hint = 0;
    if (total >= options.hint_min_count)
      for (size_t c = 0; c < counts.size() && c < 64; ++c)
        if (counts[c] * 100 >= total * options.hint_share_percent) hint |= uint64_t{1} << c;
    model.hints.push_back(hint);
    hint_of.emplace(SurfaceKey(word), hint);
  }
  const Lexicon* lexicon =
      (options.features & (kFeatLexical | kFeatContextLexical)) ? &Lexicon::Default() : nullptr;

  WordForm start, end;
  BoundaryWord(true, &start);
  BoundaryWord(false, &end);
  std::vector<PreparedSentence> prepared(train.size());
  std::vector<WordForm> forms;
  uint64_t keys[kMaxTypeKeys];
  for (size_t s = 0; s < train.size(); ++s) {
    const TaggedSentence& sentence = train[s];
    PreparedSentence& out = prepared[s];
    const size_t n = sentence.words.size();
    forms.resize(n);
    for (size_t i = 0; i < n; ++i) {
      AnalyzeWord(sentence.words[i], lexicon, &forms[i]);
      if (const auto it = hint_of.find(forms[i].surface_hash); it != hint_of.end())
        forms[i].hint = it->second;
      out.gold.push_back(class_of.at(PairCode(sentence.tags[i])));
      out.lower_hash.push_back(forms[i].lower_hash);
    }
    out.type_keys.resize(n * kOffsetCount);
    for (size_t i = 0; i < n; ++i) {
      for (int o = 0; o < kOffsetCount; ++o) {
        const int offset = kContextOffsets[o];
        const auto j = static_cast<int64_t>(i) + offset;
        const WordForm& form = j < 0                          ? start
                               : j >= static_cast<int64_t>(n) ? end
                                                              : forms[static_cast<size_t>(j)];
        const int count = TypeKeys(form, offset, options.features, keys);
        out.type_keys[i * kOffsetCount + static_cast<size_t>(o)].assign(keys, keys + count);
      }
    }
  }

  Weights weights;
  Random random(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::vector<uint64_t> token_keys;
  std::vector<int64_t> scores(model.classes.size());
  uint32_t step = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.Next() % i]);
    for (const size_t s : order) {
      const PreparedSentence& sentence = prepared[s];
      uint32_t prev = kStartTag;
      uint32_t prev2 = kStartTag;
      for (size_t i = 0; i < sentence.gold.size(); ++i) {
        token_keys.clear();
        token_keys.push_back(BiasKey());
        for (int o = 0; o < kOffsetCount; ++o) {
          const auto& type = sentence.type_keys[i * kOffsetCount + static_cast<size_t>(o)];
          token_keys.insert(token_keys.end(), type.begin(), type.end());
        }
        uint64_t history[kMaxHistoryKeys];
        const int h = HistoryKeys(prev, prev2, options.features, history);
        token_keys.insert(token_keys.end(), history, history + h);
        if (options.features & kFeatTagWord)
          token_keys.push_back(TagWordKey(prev, sentence.lower_hash[i]));
        if (options.features & kFeatWordPairs) {
          const size_t n = sentence.gold.size();
          const uint64_t before = i == 0 ? BoundaryLowerHash(true) : sentence.lower_hash[i - 1];
          const uint64_t after = i + 1 == n ? BoundaryLowerHash(false) : sentence.lower_hash[i + 1];
          token_keys.push_back(LeftPairKey(before, sentence.lower_hash[i]));
          token_keys.push_back(RightPairKey(sentence.lower_hash[i], after));
        }
        weights.Score(token_keys, scores);
        uint32_t guess = 0;
        for (uint32_t c = 1; c < scores.size(); ++c)
          if (scores[c] > scores[guess]) guess = c;
        ++step;
        if (guess != sentence.gold[i]) weights.Update(token_keys, sentence.gold[i], guess, step);
        prev2 = prev;
        prev = guess;
      }
    }
    weights.Export(step, options.scale, options.prune, &model);
    if (after_epoch) after_epoch(epoch, model);
  }
  return model;
}

}  // namespace kg::pos
