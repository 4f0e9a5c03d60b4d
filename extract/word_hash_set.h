// A set of word hashes (HashWord() values, as DocumentAnalysis::norm_hashes
// holds them): filled once from a document's tokens, then asked a few
// times. Open addressing on one flat array: inserting is a multiply and a
// store or two per word, where a sorted vector took a sort of them all.
//
// Not thread safe for writes; a filled set may be read from many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg {

class WordHashSet {
 public:
  // Empties the set, with room for `expected` hashes before it grows.
  void Clear(size_t expected = 0) {
    size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, kEmpty);
    size_ = 0;
    has_empty_key_ = false;
  }

  void Insert(uint64_t hash) {
    if (hash == kEmpty) {
      has_empty_key_ = true;
      return;
    }
    if (2 * (size_ + 1) > slots_.size()) Grow();
    uint64_t& slot = slots_[SlotOf(hash)];
    if (slot == kEmpty) {
      slot = hash;
      ++size_;
    }
  }

  bool Contains(uint64_t hash) const {
    if (hash == kEmpty) return has_empty_key_;
    return !slots_.empty() && slots_[SlotOf(hash)] == hash;
  }

 private:
  static constexpr uint64_t kEmpty = 0;

  // The slot holding `hash`, or the free slot where it would go. HashWord
  // is FNV-1a, whose low bits follow the last bytes: the multiply's high
  // bits mix in all of them.
  size_t SlotOf(uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t slot = static_cast<size_t>((hash * 0x9e3779b97f4a7c15ull) >> 32) & mask;
    while (slots_[slot] != kEmpty && slots_[slot] != hash) slot = (slot + 1) & mask;
    return slot;
  }

  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), kEmpty);
    for (const uint64_t hash : old) {
      if (hash != kEmpty) slots_[SlotOf(hash)] = hash;
    }
  }

  std::vector<uint64_t> slots_;  // kEmpty: a free slot
  size_t size_ = 0;              // hashes in slots_
  bool has_empty_key_ = false;   // whether kEmpty itself was inserted
};

}  // namespace kg
