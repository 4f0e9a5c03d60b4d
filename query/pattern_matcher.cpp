#include "query/pattern_matcher.h"

#include <algorithm>

#include "graph/algorithms.h"

namespace kg {

using Direction = cypher::RelationshipPattern::Direction;

PatternMatcher::PatternMatcher(const GraphImage& graph, const QueryPlan& plan,
                               std::span<const uint8_t> symmetric, WorkBudget* budget)
    : graph_(graph),
      plan_(plan),
      symmetric_(symmetric),
      budget_(budget),
      slots_(plan.slots.size()) {
  size_t paths = 0;
  for (const Clause& clause : plan.clauses) {
    path_base_.push_back(paths);
    paths += clause.paths.size();
  }
  walked_.resize(paths);
}

void PatternMatcher::Run(const Emit& emit) {
  emit_ = &emit;
  MatchClause(0);
}

template <typename Next>
bool PatternMatcher::Bind(int slot, QueryValue value, Next&& next) {
  if (slot < 0) return next();
  QueryValue& cell = slots_[static_cast<size_t>(slot)];
  if (!cell.is_null()) return next();
  cell = std::move(value);
  const bool go_on = next();
  cell = QueryValue::Null();
  return go_on;
}

bool PatternMatcher::Used(uint32_t edge) const {
  for (size_t i = clause_begin_; i < used_.size(); ++i) {
    if (used_[i] == edge) return true;
  }
  return false;
}

bool PatternMatcher::NodeFits(const NodeMatch& node, size_t n) const {
  if (!node.types.IsAll() && !node.types.Contains(graph_.node_type(n))) return false;
  if (node.candidates && !std::binary_search(node.candidates->begin(), node.candidates->end(), n))
    return false;
  if (node.mentions && graph_.node_mentions(n) != *node.mentions) return false;
  if (node.slot >= 0) {
    const QueryValue& bound = slots_[static_cast<size_t>(node.slot)];
    if (!bound.is_null() && bound.index() != n) return false;
  }
  return true;
}

bool PatternMatcher::EdgePasses(const RelationshipMatch& rel, size_t edge) const {
  if (!rel.predicates.empty() && rel.predicates[graph_.edge_predicate(edge)] == 0) return false;
  if (rel.status && graph_.edge_status(edge) != *rel.status) return false;
  if (rel.weight && graph_.edge_weight(edge) != *rel.weight) return false;
  if (rel.bound_before && slots_[static_cast<size_t>(rel.slot)].index() != edge) return false;
  return !Used(static_cast<uint32_t>(edge));
}

bool PatternMatcher::EdgeFits(const RelationshipMatch& rel, const Arc& arc) const {
  if (!EdgePasses(rel, arc.edge)) return false;
  switch (rel.direction) {
    case Direction::kRight:
      return arc.outgoing || symmetric_[graph_.edge_predicate(arc.edge)] != 0;
    case Direction::kLeft:
      return !arc.outgoing || symmetric_[graph_.edge_predicate(arc.edge)] != 0;
    case Direction::kEither:
      return true;
  }
  return true;
}

bool PatternMatcher::MatchClause(size_t clause) {
  if (clause == plan_.clauses.size()) {
    budget_->Spend(1);
    return (*emit_)(slots_);
  }
  const size_t saved = clause_begin_;
  clause_begin_ = used_.size();  // uniqueness starts afresh in each MATCH
  const bool go_on = MatchPath(clause, 0);
  clause_begin_ = saved;
  return go_on;
}

bool PatternMatcher::MatchPath(size_t clause, size_t path_index) {
  const Clause& c = plan_.clauses[clause];
  if (path_index == c.paths.size()) return MatchClause(clause + 1);
  const PathMatch& path = c.paths[path_index];
  if (path.kind != cypher::PathPattern::Kind::kMatch) return MatchShortest(clause, path_index);
  const NodeMatch& first = path.nodes[0];
  Path& walked = walked_[path_base_[clause] + path_index];
  const auto start = [&](size_t n) {
    budget_->Spend(1);
    if (!NodeFits(first, n)) return true;
    walked.nodes.assign(1, n);
    walked.edges.clear();
    return Bind(first.slot, QueryValue::Node(n), [&] { return Extend(clause, path_index, 0); });
  };
  if (first.slot >= 0 && !slots_[static_cast<size_t>(first.slot)].is_null())
    return start(slots_[static_cast<size_t>(first.slot)].index());
  if (first.candidates) {
    for (size_t n : *first.candidates) {
      if (!start(n)) return false;
    }
    return true;
  }
  // A typed relation from an unanchored entity: read the relations' own
  // arrays in order instead of every arc of every entity.
  if (!path.relationships.empty() && !path.relationships[0].variable_length &&
      !path.relationships[0].predicates.empty() && !path.relationships[0].bound_before) {
    return ScanEdges(clause, path_index);
  }
  for (size_t n = 0; n < graph_.node_count(); ++n) {
    if (!start(n)) return false;
  }
  return true;
}

bool PatternMatcher::ScanEdges(size_t clause, size_t path_index) {
  const PathMatch& path = plan_.clauses[clause].paths[path_index];
  const NodeMatch& first = path.nodes[0];
  const NodeMatch& second = path.nodes[1];
  const RelationshipMatch& rel = path.relationships[0];
  Path& walked = walked_[path_base_[clause] + path_index];
  const auto step = [&](size_t from, size_t to, uint32_t edge) {
    if (!NodeFits(first, from)) return true;
    walked.nodes = {from, to};
    walked.edges = {edge};
    used_.push_back(edge);
    // The second node is checked once the first is bound: "(a)-->(a)".
    const bool go_on = Bind(first.slot, QueryValue::Node(from), [&] {
      if (!NodeFits(second, to)) return true;
      return Bind(rel.slot, QueryValue::Edge(edge), [&] {
        return Bind(second.slot, QueryValue::Node(to),
                    [&] { return Extend(clause, path_index, 1); });
      });
    });
    used_.pop_back();
    return go_on;
  };
  for (size_t e = 0; e < graph_.edge_count(); ++e) {
    budget_->Spend(1);
    if (!EdgePasses(rel, e)) continue;
    const size_t source = graph_.edge_source(e);
    const size_t target = graph_.edge_target(e);
    const bool symmetric = symmetric_[graph_.edge_predicate(e)] != 0;
    const auto edge = static_cast<uint32_t>(e);
    // The arc leaving the source, then the one entering the target, as a
    // walk from each entity would meet them.
    if ((rel.direction != Direction::kLeft || symmetric) && !step(source, target, edge))
      return false;
    if ((rel.direction != Direction::kRight || symmetric) && !step(target, source, edge))
      return false;
  }
  return true;
}

bool PatternMatcher::Extend(size_t clause, size_t path_index, size_t step) {
  const PathMatch& path = plan_.clauses[clause].paths[path_index];
  if (step == path.relationships.size()) return Finished(clause, path_index);
  Path& walked = walked_[path_base_[clause] + path_index];
  const RelationshipMatch& rel = path.relationships[step];
  const NodeMatch& next = path.nodes[step + 1];
  const size_t from = walked.nodes.back();
  if (rel.variable_length)
    return VariableLength(clause, path_index, step, from, walked.edges.size());
  for (const Arc& arc : graph_.topology().arcs(from)) {
    budget_->Spend(1);
    if (!EdgeFits(rel, arc) || !NodeFits(next, arc.node)) continue;
    used_.push_back(arc.edge);
    walked.nodes.push_back(arc.node);
    walked.edges.push_back(arc.edge);
    const bool go_on = Bind(rel.slot, QueryValue::Edge(arc.edge), [&] {
      return Bind(next.slot, QueryValue::Node(arc.node),
                  [&] { return Extend(clause, path_index, step + 1); });
    });
    walked.nodes.pop_back();
    walked.edges.pop_back();
    used_.pop_back();
    if (!go_on) return false;
  }
  return true;
}

// Depth first over min..max hops; `begin`: where this step's relations
// start in the walked path.
bool PatternMatcher::VariableLength(size_t clause, size_t path_index, size_t step, size_t at,
                                    size_t begin) {
  const PathMatch& path = plan_.clauses[clause].paths[path_index];
  Path& walked = walked_[path_base_[clause] + path_index];
  const RelationshipMatch& rel = path.relationships[step];
  const NodeMatch& next = path.nodes[step + 1];
  const auto depth = static_cast<int>(walked.edges.size() - begin);
  if (depth >= rel.min_hops && NodeFits(next, at)) {
    QueryValue edges;
    if (rel.slot >= 0) {
      std::vector<QueryValue> items;
      for (size_t i = begin; i < walked.edges.size(); ++i)
        items.push_back(QueryValue::Edge(walked.edges[i]));
      edges = QueryValue::List(std::move(items));
    }
    const bool go_on = Bind(rel.slot, std::move(edges), [&] {
      return Bind(next.slot, QueryValue::Node(at),
                  [&] { return Extend(clause, path_index, step + 1); });
    });
    if (!go_on) return false;
  }
  if (depth >= rel.max_hops) return true;
  for (const Arc& arc : graph_.topology().arcs(at)) {
    budget_->Spend(1);
    if (!EdgeFits(rel, arc)) continue;
    used_.push_back(arc.edge);
    walked.nodes.push_back(arc.node);
    walked.edges.push_back(arc.edge);
    const bool go_on = VariableLength(clause, path_index, step, arc.node, begin);
    walked.nodes.pop_back();
    walked.edges.pop_back();
    used_.pop_back();
    if (!go_on) return false;
  }
  return true;
}

bool PatternMatcher::Finished(size_t clause, size_t path_index) {
  const PathMatch& path = plan_.clauses[clause].paths[path_index];
  if (path.slot < 0) return MatchPath(clause, path_index + 1);
  Path value = walked_[path_base_[clause] + path_index];
  if (path.reversed) {
    std::reverse(value.nodes.begin(), value.nodes.end());
    std::reverse(value.edges.begin(), value.edges.end());
  }
  return Bind(path.slot, QueryValue::OfPath(std::move(value)),
              [&] { return MatchPath(clause, path_index + 1); });
}

bool PatternMatcher::MatchShortest(size_t clause, size_t path_index) {
  const PathMatch& path = plan_.clauses[clause].paths[path_index];
  const RelationshipMatch& rel = path.relationships.front();
  const EdgeFilter filter = [&](size_t e) {
    return (rel.predicates.empty() || rel.predicates[graph_.edge_predicate(e)] != 0) &&
           (!rel.status || graph_.edge_status(e) == *rel.status) &&
           (!rel.weight || graph_.edge_weight(e) == *rel.weight);
  };
  const bool all = path.kind == cypher::PathPattern::Kind::kAllShortest;
  // Each end: its bound entity, its candidates, or every entity.
  const auto each = [&](const NodeMatch& node, auto&& visit) {
    if (node.slot >= 0 && !slots_[static_cast<size_t>(node.slot)].is_null())
      return visit(slots_[static_cast<size_t>(node.slot)].index());
    if (node.candidates) {
      for (size_t n : *node.candidates) {
        if (!visit(n)) return false;
      }
      return true;
    }
    for (size_t n = 0; n < graph_.node_count(); ++n) {
      if (!visit(n)) return false;
    }
    return true;
  };
  return each(path.nodes[0], [&](size_t from) {
    budget_->Spend(1);
    if (!NodeFits(path.nodes[0], from)) return true;
    return each(path.nodes[1], [&](size_t to) {
      budget_->Spend(1);
      if (!NodeFits(path.nodes[1], to) || from == to) return true;
      // Every path found costs a unit: allShortestPaths may find billions.
      const size_t limit = all ? std::max<uint64_t>(budget_->remaining(), 1) : 1;
      uint64_t work = 0;
      std::vector<Path> found =
          ShortestPaths(graph_.topology(), from, to, rel.max_hops, all, filter, limit, &work);
      budget_->Spend(work + found.size());
      for (Path& shortest : found) {
        if (static_cast<int>(shortest.edges.size()) < rel.min_hops) continue;
        QueryValue edges;
        if (rel.slot >= 0) {
          std::vector<QueryValue> items;
          for (size_t e : shortest.edges) items.push_back(QueryValue::Edge(e));
          edges = QueryValue::List(std::move(items));
        }
        const bool go_on = Bind(path.nodes[0].slot, QueryValue::Node(from), [&] {
          return Bind(path.nodes[1].slot, QueryValue::Node(to), [&] {
            return Bind(rel.slot, std::move(edges), [&] {
              return Bind(path.slot, QueryValue::OfPath(shortest),
                          [&] { return MatchPath(clause, path_index + 1); });
            });
          });
        });
        if (!go_on) return false;
      }
      return true;
    });
  });
}

}  // namespace kg
