// Rows of values numbered in order of arrival and found again by hashing:
// open addressing over flat arrays, so a million groups cost a few arrays,
// not a million allocations. Grouping (count()) and DISTINCT use it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "query/query_value.h"

namespace kg {

class GroupTable {
 public:
  // Rows of `width` values each (0: one empty row).
  explicit GroupTable(size_t width) : width_(width) {}

  // The number of `row`, added as the next number when it is new (*added).
  // Rows are equal when their values are Equivalent(): null equals null.
  size_t FindOrAdd(std::span<const QueryValue> row, bool* added);

  size_t size() const { return hashes_.size(); }
  std::span<const QueryValue> row(size_t index) const {
    return {values_.data() + index * width_, width_};
  }

 private:
  void Grow();

  size_t width_;
  std::vector<QueryValue> values_;  // size() * width_
  std::vector<uint64_t> hashes_;    // per row
  std::vector<uint32_t> slots_;     // 0: empty, else row number + 1
};

}  // namespace kg
