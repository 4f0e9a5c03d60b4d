// Internal to graph/: finds a node by its id string. An open-addressing
// table of (hash, index) pairs that compares ids where the nodes keep
// them, so that ids are not stored twice and a lookup reads one slot
// array instead of a chain of list nodes: loading a graph of millions of
// links does one lookup per link end.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kg {

class IdIndex {
 public:
  void Reserve(size_t items) {
    if (items * 2 > slots_.size()) Rehash(std::bit_ceil(items * 2));
  }

  // Adds `index` under `id` unless the id is there already: then returns
  // the index that has it and adds nothing. `id_of(index)` gives the id of
  // an indexed item.
  template <typename IdOf>
  std::optional<size_t> Insert(std::string_view id, size_t index, const IdOf& id_of) {
    if ((count_ + 1) * 2 > slots_.size()) Rehash(std::max<size_t>(slots_.size() * 2, 16));
    const uint64_t hash = Hash(id);
    const size_t mask = slots_.size() - 1;
    size_t at = hash & mask;
    for (; slots_[at].index != kEmpty; at = (at + 1) & mask) {
      if (slots_[at].hash == hash && id_of(slots_[at].index) == id) return slots_[at].index;
    }
    slots_[at] = {hash, index};
    ++count_;
    return std::nullopt;
  }

  // Find() for many ids at once, overlapping their memory accesses: a
  // lookup in a large table waits for two cache misses (its slot, then
  // the item's id), so each is prefetched several lookups ahead.
  template <typename IdOf, typename Prefetch>
  void FindMany(std::span<const std::string_view> ids, const IdOf& id_of,
                const Prefetch& prefetch_item, std::vector<std::optional<size_t>>* out) const {
    out->assign(ids.size(), std::nullopt);
    if (slots_.empty()) return;
    constexpr size_t kAhead = 16;
    const size_t mask = slots_.size() - 1;
    std::vector<uint64_t> hashes(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) hashes[i] = Hash(ids[i]);
    for (size_t i = 0; i < ids.size() + kAhead; ++i) {
      if (i < ids.size()) __builtin_prefetch(&slots_[hashes[i] & mask]);
      if (i >= kAhead / 2 && i - kAhead / 2 < ids.size()) {
        const Slot& slot = slots_[hashes[i - kAhead / 2] & mask];
        if (slot.index != kEmpty) prefetch_item(slot.index);
      }
      if (i < kAhead) continue;
      const size_t k = i - kAhead;
      for (size_t at = hashes[k] & mask; slots_[at].index != kEmpty; at = (at + 1) & mask) {
        if (slots_[at].hash == hashes[k] && id_of(slots_[at].index) == ids[k]) {
          (*out)[k] = slots_[at].index;
          break;
        }
      }
    }
  }

  template <typename IdOf>
  std::optional<size_t> Find(std::string_view id, const IdOf& id_of) const {
    if (slots_.empty()) return std::nullopt;
    const uint64_t hash = Hash(id);
    const size_t mask = slots_.size() - 1;
    for (size_t at = hash & mask; slots_[at].index != kEmpty; at = (at + 1) & mask) {
      if (slots_[at].hash == hash && id_of(slots_[at].index) == id) return slots_[at].index;
    }
    return std::nullopt;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t index = kEmpty;
  };
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static uint64_t Hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

  // Rehashing needs no ids: the hashes are kept.
  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.index == kEmpty) continue;
      size_t at = slot.hash & mask;
      while (slots_[at].index != kEmpty) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t count_ = 0;
};

}  // namespace kg
