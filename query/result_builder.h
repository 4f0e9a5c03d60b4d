// From matches to the answer: WHERE, the RETURN columns, grouping with
// count(), DISTINCT, ORDER BY, SKIP and LIMIT. Groups and distinct rows are
// found by hashing; ORDER BY with LIMIT keeps only the best rows as they
// come, so a top 10 of millions holds 10 rows.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph_image.h"
#include "query/expression_program.h"
#include "query/group_table.h"
#include "query/query_plan.h"
#include "query/query_value.h"

namespace kg {

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
};

// Hash and equality of rows of values, for grouping and DISTINCT; accept
// spans too, to look rows up without copying them.
struct RowHash {
  using is_transparent = void;
  size_t operator()(std::span<const QueryValue> row) const;
  size_t operator()(const std::vector<QueryValue>& row) const { return (*this)(std::span(row)); }
};
struct RowEqual {
  using is_transparent = void;
  bool operator()(std::span<const QueryValue> a, std::span<const QueryValue> b) const;
};
struct ValueHash {
  size_t operator()(const QueryValue& v) const { return HashValue(v); }
};
struct ValueEqual {
  bool operator()(const QueryValue& a, const QueryValue& b) const { return Equivalent(a, b); }
};

class ResultBuilder {
 public:
  // `max_rows`: rows kept before LIMIT at most (an error past it).
  ResultBuilder(const GraphImage& graph, const QueryPlan& plan, size_t max_rows);

  // Filters one match with WHERE and adds it; false when no later match can
  // change the answer (LIMIT reached, nothing to sort).
  bool Add(std::span<const QueryValue> slots);

  QueryResult Finish();

 private:
  struct Row {
    std::vector<QueryValue> values;
    std::vector<QueryValue> keys;  // ORDER BY keys not among the columns
    uint64_t sequence = 0;         // arrival: ties keep it
  };

  void AddToGroup(std::span<const QueryValue> slots);
  void AddRow(Row row);
  bool Before(const Row& a, const Row& b) const;
  const QueryValue& Key(const Row& row, size_t k) const;
  std::vector<QueryValue> Keys(std::span<const QueryValue> slots,
                               const std::vector<QueryValue>& values);

  const GraphImage& graph_;
  const QueryPlan& plan_;
  size_t max_rows_;
  Evaluator evaluator_;
  size_t keep_;  // rows worth keeping: SKIP + LIMIT, or all
  std::vector<Row> rows_;
  GroupTable seen_;  // DISTINCT: the rows so far
  // Grouping: the key columns of each group, and per group and column its
  // count, or the values it counts (DISTINCT).
  GroupTable groups_;
  std::vector<int64_t> counts_;
  std::vector<std::unordered_set<QueryValue, ValueHash, ValueEqual>> distinct_;
  bool counts_distinct_ = false;
  std::vector<QueryValue> scratch_;
  size_t last_group_ = SIZE_MAX;
  uint64_t sequence_ = 0;
  bool heap_ = false;  // rows_ is a heap of the best `keep_` rows
};

}  // namespace kg
