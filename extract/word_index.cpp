#include "extract/word_index.h"

namespace kg {

size_t WordIndex::SlotOf(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const WordId id = slots_[slot];
    if (id == kNoWord || (hashes_[id] == hash && Text(id) == word)) return slot;
  }
}

void WordIndex::Grow() {
  std::vector<WordId> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, kNoWord);
  for (WordId id : old) {
    if (id != kNoWord) slots_[SlotOf(Text(id), hashes_[id])] = id;
  }
}

WordId WordIndex::Intern(std::string_view word) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  const uint64_t hash = HashWord(word);
  const size_t slot = SlotOf(word, hash);
  if (slots_[slot] != kNoWord) return slots_[slot];
  const auto id = static_cast<WordId>(size());
  text_.append(word);
  offsets_.push_back(static_cast<uint32_t>(text_.size()));
  hashes_.push_back(hash);
  slots_[slot] = id;
  return id;
}

WordId WordIndex::Find(std::string_view word) const {
  if (slots_.empty()) return kNoWord;
  return slots_[SlotOf(word, HashWord(word))];
}

}  // namespace kg
