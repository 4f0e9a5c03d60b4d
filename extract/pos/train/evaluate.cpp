#include "extract/pos/train/evaluate.h"

#include <string_view>

namespace kg::pos {

Accuracy Evaluate(const Tagger& tagger, const std::vector<TaggedSentence>& gold) {
  Accuracy accuracy;
  TaggerScratch scratch;
  std::vector<std::string_view> words;
  std::vector<PosTag> tags;
  for (const TaggedSentence& sentence : gold) {
    words.assign(sentence.words.begin(), sentence.words.end());
    tags.resize(words.size());
    tagger.Tag(words, tags, scratch);
    for (size_t i = 0; i < words.size(); ++i) {
      const bool upos = tags[i].upos == sentence.tags[i].upos;
      const bool xpos = tags[i].xpos == sentence.tags[i].xpos;
      ++accuracy.tokens;
      accuracy.upos += upos;
      accuracy.xpos += xpos;
      accuracy.both += upos && xpos;
      if (!tagger.Knows(words[i])) {
        ++accuracy.unknown;
        accuracy.unknown_upos += upos;
      }
    }
  }
  return accuracy;
}

}  // namespace kg::pos
