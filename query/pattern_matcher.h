// Finds every match of a query's MATCH clauses in a graph image, depth
// first: one clause after the other, each path from its better-anchored end.
// A relation is used at most once per MATCH clause (Cypher's relationship
// uniqueness); a relationship variable bound by an earlier clause matches
// only that relation. Every entity tried and relation walked is charged to
// the work budget.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "graph/graph_image.h"
#include "query/query_plan.h"
#include "query/work_budget.h"

namespace kg {

class PatternMatcher {
 public:
  // `symmetric[p]`: relations of predicate p have no direction.
  PatternMatcher(const GraphImage& graph, const QueryPlan& plan, std::span<const uint8_t> symmetric,
                 WorkBudget* budget);

  // Calls `emit` with the values of the plan's slots for every match; stops
  // when it returns false.
  using Emit = std::function<bool(std::span<const QueryValue>)>;
  void Run(const Emit& emit);

 private:
  bool MatchClause(size_t clause);
  bool MatchPath(size_t clause, size_t path);
  bool ScanEdges(size_t clause, size_t path);
  bool Extend(size_t clause, size_t path, size_t step);
  bool VariableLength(size_t clause, size_t path, size_t step, size_t at, size_t begin);
  bool MatchShortest(size_t clause, size_t path);
  bool Finished(size_t clause, size_t path);

  bool NodeFits(const NodeMatch& node, size_t n) const;
  bool EdgeFits(const RelationshipMatch& rel, const Arc& arc) const;
  bool EdgePasses(const RelationshipMatch& rel, size_t edge) const;
  bool Used(uint32_t edge) const;

  // Binds `slot` to `value` while `next` runs; a bound slot stays as it is
  // (the caller checked that it holds the same entity).
  template <typename Next>
  bool Bind(int slot, QueryValue value, Next&& next);

  const GraphImage& graph_;
  const QueryPlan& plan_;
  std::span<const uint8_t> symmetric_;
  WorkBudget* budget_;
  const Emit* emit_ = nullptr;
  std::vector<QueryValue> slots_;
  std::vector<uint32_t> used_;     // relations of the current clause's match so far
  size_t clause_begin_ = 0;        // where the current clause's relations start in used_
  std::vector<size_t> path_base_;  // index in walked_ of each clause's first path
  std::vector<Path> walked_;       // per path of every clause: what it walked so far
};

}  // namespace kg
