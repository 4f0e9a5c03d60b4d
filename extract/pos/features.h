// The tagger's features, shared by training and tagging so that both see
// exactly the same keys.
//
// A feature is a 64-bit key: a template id, a position relative to the word
// being tagged, and a hashed value. Most depend only on a word's form (its
// lower-cased text, affixes, shape, WordNet classes), so the tagger sums
// their weights once per known word type when it loads; only the tag
// history needs a lookup per token.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "extract/pos/lexicon.h"

namespace kg::pos {

// Groups of templates a model may switch on (a bitmask stored in the model).
enum FeatureGroup : uint32_t {
  kFeatWord = 1u << 0,            // lower-cased word, suffixes 1-4, prefix 1-3, shape, case
  kFeatContextWords = 1u << 1,    // words at -2 -1 +1 +2, suffix and shape at -1 +1
  kFeatLexical = 1u << 2,         // WordNet classes and inflections of the word
  kFeatContextLexical = 1u << 3,  // WordNet classes of the words at -1 +1
  kFeatTagHistory = 1u << 4,      // previous tag, the two previous tags
  kFeatTagWord = 1u << 5,         // previous tag with the current word
  kFeatLongShape = 1u << 6,       // uncollapsed shape (runs capped at 3)
  kFeatHints = 1u << 7,           // the usual classes of the words at +1 +2 (from the model)
  kFeatWordPairs = 1u << 8,       // the word with the previous one, and with the next one
};

// What the features need to know about one word; filled without allocating.
struct WordForm {
  static constexpr size_t kMaxText = 48;
  uint64_t surface_hash = 0;  // case kept, quotes and dashes folded: the vocabulary key
  uint64_t lower_hash = 0;    // lower-cased too, digits as 0
  char lower[kMaxText];       // lower-cased text (first kMaxText bytes)
  uint8_t lower_length = 0;
  bool truncated = false;  // longer than kMaxText: no lexicon lookup
  char tail[8];            // last bytes of the lower-cased text (suffixes)
  uint8_t tail_length = 0;
  char shape[12];  // collapsed: "Xx", "d.d", "X.X."
  uint8_t shape_length = 0;
  char long_shape[16];  // runs capped at 3: "Xxxx", "dddd"
  uint8_t long_shape_length = 0;
  uint8_t case_class = 0;  // see CaseClass in features.cpp
  uint16_t lexical = 0;    // WordNet bits (0 when not looked up)
  uint64_t hint = 0;       // usual classes of a vocabulary word (set by the caller)

  std::string_view Lower() const { return {lower, lower_length}; }
};

// Fills `out` from a token's surface form. `lexicon` may be null (no
// lexical bits).
void AnalyzeWord(std::string_view surface, const Lexicon* lexicon, WordForm* out);

// WordForm::surface_hash alone, computed faster: the vocabulary lookup key.
uint64_t SurfaceKey(std::string_view surface);

// Pseudo-words beyond the sentence ends.
void BoundaryWord(bool start, WordForm* out);

// Offsets of context words from the word being tagged.
inline constexpr int kContextOffsets[] = {-2, -1, 0, 1, 2};
inline constexpr int kOffsetCount = 5;

// Most keys a word yields at one offset.
inline constexpr int kMaxTypeKeys = 16;

// Keys of `word` seen at `offset` (-2..2) from the tagged word, for the
// groups in `features`. Returns how many were written to `keys`.
int TypeKeys(const WordForm& word, int offset, uint32_t features, uint64_t* keys);

// Tag-history keys from the previous two tags (class indexes, kStartTag
// before the sentence). Returns how many were written to `keys`.
inline constexpr uint32_t kStartTag = 0xFFFF;
inline constexpr int kMaxHistoryKeys = 3;
int HistoryKeys(uint32_t prev, uint32_t prev2, uint32_t features, uint64_t* keys);

// The key joining the previous tag with the tagged word (its
// WordForm::lower_hash), when the model has kFeatTagWord.
uint64_t TagWordKey(uint32_t prev, uint64_t lower_hash);

// Keys of two adjacent words (their lower_hash), before and after the
// tagged word, when the model has kFeatWordPairs.
uint64_t LeftPairKey(uint64_t prev_lower, uint64_t lower);
uint64_t RightPairKey(uint64_t lower, uint64_t next_lower);

// Both pair keys of every word of a sentence, given their lower_hash:
// keys[2 * i] = LeftPairKey and keys[2 * i + 1] = RightPairKey of word i,
// the sentence's boundaries around it. Each adjacent pair is hashed once.
void SentencePairKeys(std::span<const uint64_t> lower_hash, uint64_t* keys);

// lower_hash of the pseudo-words beyond the sentence ends.
uint64_t BoundaryLowerHash(bool start);

// The key of the bias feature (always on).
uint64_t BiasKey();

}  // namespace kg::pos
