// Trains the tagger: an averaged perceptron (Collins 2002; the feature set
// follows Honnibal's "A good part-of-speech tagger in about 200 lines"),
// greedy left to right with the predicted tags as history.
//
// Deterministic to the byte: sentences are shuffled with a fixed-seed
// generator of our own, all arithmetic is integer (updates of +-1, sums in
// int64, averages rounded by integer division), and the model lists its
// features sorted by key. The same data and options give the same file on
// any machine.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extract/pos/model_format.h"
#include "extract/pos/train/conllu.h"

namespace kg::pos {

struct TrainOptions {
  uint32_t features = 0;  // FeatureGroup bits
  int epochs = 10;
  uint64_t seed = 1;             // sentence shuffling
  int max_classes = 64;          // the most frequent UPOS/XPOS pairs; rarer ones join one of them
  int min_vocabulary_count = 1;  // words this frequent get their scores summed at load
  int hint_min_count = 3;        // vocabulary words this frequent get hints ...
  int hint_share_percent = 10;   // ... naming the classes of at least this share of their uses
  int64_t scale = 32;            // averaged weight -> int16 multiplier
  int prune = 1;                 // drop weights with |weight| below this after scaling
};

// Called after each epoch with the model so far (averaged, as saved).
using EpochCallback = std::function<void(int epoch, const ModelData& model)>;

ModelData TrainTagger(const std::vector<TaggedSentence>& train, const TrainOptions& options,
                      const EpochCallback& after_epoch);

}  // namespace kg::pos
