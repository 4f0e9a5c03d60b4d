// Tagging accuracy against gold tags, for the training tool and benchmarks.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/pos/tagger.h"
#include "extract/pos/train/conllu.h"

namespace kg::pos {

struct Accuracy {
  int64_t tokens = 0;
  int64_t upos = 0;          // correct UPOS
  int64_t xpos = 0;          // correct XPOS
  int64_t both = 0;          // both correct
  int64_t unknown = 0;       // tokens outside the tagger's vocabulary
  int64_t unknown_upos = 0;  // ... with correct UPOS

  double UposPercent() const {
    return tokens ? 100.0 * static_cast<double>(upos) / static_cast<double>(tokens) : 0;
  }
  double XposPercent() const {
    return tokens ? 100.0 * static_cast<double>(xpos) / static_cast<double>(tokens) : 0;
  }
  double BothPercent() const {
    return tokens ? 100.0 * static_cast<double>(both) / static_cast<double>(tokens) : 0;
  }
  double UnknownUposPercent() const {
    return unknown ? 100.0 * static_cast<double>(unknown_upos) / static_cast<double>(unknown) : 0;
  }
};

Accuracy Evaluate(const Tagger& tagger, const std::vector<TaggedSentence>& gold);

}  // namespace kg::pos
