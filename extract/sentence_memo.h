// Per-token answers remembered for one sentence at a time (NameScan's
// lookups). Moving on to the next sentence forgets them all at once, by
// a stamp, instead of clearing every token's entry: a document's scan
// would otherwise write every memo entry of every sentence once more.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kg {

template <typename T>
class SentenceMemo {
 public:
  // Forgets every answer; tokens [0, size) of the sentence may be asked.
  void Reset(size_t size) {
    if (++stamp_ == 0) {  // wrapped: an old entry's stamp could match again
      for (Entry& entry : entries_) entry.stamp = 0;
      stamp_ = 1;
    }
    if (entries_.size() < size) entries_.resize(size);
  }

  // The answer stored for token k since the last Reset, or null.
  const T* Find(size_t k) const {
    const Entry& entry = entries_[k];
    return entry.stamp == stamp_ ? &entry.value : nullptr;
  }

  // Stores the answer for token k. The reference stays valid, through
  // Set calls for other tokens too, until the next Reset.
  const T& Set(size_t k, T value) {
    Entry& entry = entries_[k];
    entry.value = std::move(value);
    entry.stamp = stamp_;
    return entry.value;
  }

 private:
  struct Entry {
    T value{};
    uint32_t stamp = 0;  // the Reset it was stored after; 0: never
  };
  std::vector<Entry> entries_;
  uint32_t stamp_ = 0;
};

}  // namespace kg
