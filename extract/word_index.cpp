#include "extract/word_index.h"

namespace kg {

void WordIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  for (const Slot& slot : old) {
    if (slot.id != kNoWord) slots_[SlotOf(Text(slot.id), hashes_[slot.id])] = slot;
  }
}

WordId WordIndex::Intern(std::string_view word) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  const uint64_t hash = HashWord(word);
  const size_t slot = SlotOf(word, hash);
  if (slots_[slot].id != kNoWord) return slots_[slot].id;
  const auto id = static_cast<WordId>(size());
  text_.append(word);
  offsets_.push_back(static_cast<uint32_t>(text_.size()));
  hashes_.push_back(hash);
  slots_[slot] = {Check(hash), id};
  return id;
}

WordId WordIndex::Find(std::string_view word) const { return Find(word, HashWord(word)); }

}  // namespace kg
