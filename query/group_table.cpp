#include "query/group_table.h"

namespace kg {
namespace {

uint64_t HashRow(std::span<const QueryValue> row) {
  uint64_t h = 0x84222325CBF29CE4ull;
  for (const auto& value : row) h = (h ^ HashValue(value)) * 0x100000001B3ull;
  return h ^ (h >> 29);
}

bool SameRow(std::span<const QueryValue> a, std::span<const QueryValue> b) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (!Equivalent(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace

size_t GroupTable::FindOrAdd(std::span<const QueryValue> row, bool* added) {
  if (slots_.size() < 2 * (hashes_.size() + 1)) Grow();  // at most half full
  const uint64_t hash = HashRow(row);
  const size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask;; at = (at + 1) & mask) {
    const uint32_t slot = slots_[at];
    if (slot == 0) {
      const size_t index = hashes_.size();
      slots_[at] = static_cast<uint32_t>(index + 1);
      hashes_.push_back(hash);
      values_.insert(values_.end(), row.begin(), row.end());
      *added = true;
      return index;
    }
    const size_t index = slot - 1;
    if (hashes_[index] == hash && SameRow(this->row(index), row)) {
      *added = false;
      return index;
    }
  }
}

void GroupTable::Grow() {
  std::vector<uint32_t> slots(slots_.empty() ? 64 : slots_.size() * 2, 0);
  const size_t mask = slots.size() - 1;
  for (size_t index = 0; index < hashes_.size(); ++index) {
    size_t at = hashes_[index] & mask;
    while (slots[at] != 0) at = (at + 1) & mask;
    slots[at] = static_cast<uint32_t>(index + 1);
  }
  slots_ = std::move(slots);
}

}  // namespace kg
