// How much work one query may do: every entity tried, relation walked and
// row made costs one unit, so that a runaway pattern (every trail of a
// dense graph, a product of unrelated patterns, all shortest paths between
// all pairs) stops with an error instead of running for hours, whether its
// rows are kept, counted or filtered out by WHERE.
#pragma once

#include <cstdint>
#include <string>

#include "query/query_error.h"

namespace kg {

class WorkBudget {
 public:
  explicit WorkBudget(uint64_t limit) : limit_(limit) {}

  void Spend(uint64_t units) {
    used_ += units;
    if (used_ > limit_) Exceeded();
  }
  uint64_t used() const { return used_; }
  uint64_t remaining() const { return used_ >= limit_ ? 0 : limit_ - used_; }

  [[noreturn]] void Exceeded() const {
    Fail("the query needs more than " + std::to_string(limit_) +
         " steps of work (entities tried, relations walked, rows made); anchor the pattern on "
         "an entity, narrow it, or raise --max-work");
  }

 private:
  uint64_t limit_;
  uint64_t used_ = 0;
};

}  // namespace kg
