// Interned words: every distinct comparison form a rule pack uses gets a
// dense integer id once, when the pack is compiled. Extraction then looks a
// token up once (one hash, one comparison) and works on ids and class bits.
//
// Two phases: Intern() while building, Find() afterwards. A built index is
// immutable and may be read from many threads.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

using WordId = uint32_t;
inline constexpr WordId kNoWord = UINT32_MAX;

// FNV-1a over the bytes of a word: words are short, and the multiply
// spreads every byte. Also the hash the passes use for words outside the
// pack ("Ratsimandresy"), so that they compare without strings.
inline uint64_t HashWord(std::string_view word, uint64_t seed = 0xcbf29ce484222325ull) {
  uint64_t hash = seed;
  for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return hash;
}

class WordIndex {
 public:
  // The id of `word`, adding it when new.
  WordId Intern(std::string_view word);

  // The id of `word`, or kNoWord when the index does not hold it.
  WordId Find(std::string_view word) const;
  // The same, with `hash` = HashWord(word). Inline, as is Prefetch: the
  // tokenizer calls both for every token.
  WordId Find(std::string_view word, uint64_t hash) const {
    return slots_.empty() ? kNoWord : slots_[SlotOf(word, hash)].id;
  }
  // Brings the slot where a word of this HashWord() starts its probe into
  // the cache, so that looking it up a little later does not wait.
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[HomeSlot(hash, slots_.size() - 1)]);
  }

  // The text of an id given out by Intern().
  std::string_view Text(WordId id) const {
    return std::string_view(text_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

  size_t size() const { return offsets_.size() - 1; }

 private:
  // A slot keeps 32 bits of its word's hash beside the id, so that a probe
  // past other words reads only the slot array: one cache miss per lookup
  // instead of one per probe (extraction looks up every token).
  struct Slot {
    uint32_t check = 0;
    WordId id = kNoWord;  // kNoWord marks a free slot
  };

  // FNV-1a's low bits depend mostly on the last bytes; the slot index needs
  // all of them mixed in (the finalizer of MurmurHash3).
  static size_t HomeSlot(uint64_t hash, size_t mask) {
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdull;
    hash ^= hash >> 33;
    return static_cast<size_t>(hash) & mask;
  }
  static uint32_t Check(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

  // Inline: the tokenizer looks up every token. The text is compared
  // through the offsets, with the length first.
  size_t SlotOf(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    const uint32_t check = Check(hash);
    for (size_t slot = HomeSlot(hash, mask);; slot = (slot + 1) & mask) {
      const Slot& at = slots_[slot];
      if (at.id == kNoWord) return slot;
      if (at.check != check) continue;
      const uint32_t begin = offsets_[at.id];
      const size_t length = offsets_[at.id + 1] - begin;
      if (length == word.size() && std::memcmp(text_.data() + begin, word.data(), length) == 0) {
        return slot;
      }
    }
  }
  void Grow();

  std::string text_;                  // every word, back to back
  std::vector<uint32_t> offsets_{0};  // word i is text_[offsets_[i], offsets_[i + 1])
  std::vector<uint64_t> hashes_;      // per word
  std::vector<Slot> slots_;           // open addressing
};

}  // namespace kg
