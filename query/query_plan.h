// A query bound to a graph: variables numbered into slots, patterns with
// their types, predicates and candidates resolved to indexes, expressions
// compiled. Made by BindQuery (query_binder.h), run by the pattern matcher
// and the result builder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "query/cypher.h"
#include "query/expression_program.h"

namespace kg {

enum class VariableKind { kNode, kEdge, kEdgeList, kPath };

struct NodeMatch {
  int slot = -1;  // -1: anonymous
  TypeSet types = TypeSet::All();
  std::optional<std::vector<size_t>> candidates;  // sorted; from label, name or id
  std::optional<int64_t> mentions;
};

struct RelationshipMatch {
  int slot = -1;
  bool bound_before = false;        // its variable was bound by an earlier pattern or MATCH
  std::vector<uint8_t> predicates;  // by predicate index: 1 may match; empty: any
  std::optional<RelationStatus> status;
  std::optional<int64_t> weight;
  cypher::RelationshipPattern::Direction direction =
      cypher::RelationshipPattern::Direction::kEither;
  bool variable_length = false;
  int min_hops = 1;
  int max_hops = 1;
};

struct PathMatch {
  int slot = -1;  // the path variable
  cypher::PathPattern::Kind kind = cypher::PathPattern::Kind::kMatch;
  std::vector<NodeMatch> nodes;
  std::vector<RelationshipMatch> relationships;
  bool reversed = false;  // matched from its last node; the path is turned back
};

// One MATCH clause: relations are unique within it, not across clauses.
struct Clause {
  std::vector<PathMatch> paths;
};

struct Aggregate {
  bool star = false;  // count(*)
  bool distinct = false;
  Program argument;
};

struct OrderKey {
  int column = -1;  // a returned column, or -1: `program` over the match
  Program program;  // may read returned columns (kColumn) when grouped
  bool descending = false;
};

struct QueryPlan {
  std::vector<VariableKind> slots;
  std::vector<std::string> slot_names;
  std::vector<Clause> clauses;
  std::optional<Program> where;
  std::vector<std::string> columns;
  std::vector<Program> items;                        // a non-aggregate column's expression
  std::vector<std::optional<Aggregate>> aggregates;  // per column
  bool grouped = false;
  bool distinct = false;
  std::vector<OrderKey> order;
  uint64_t skip = 0;
  std::optional<uint64_t> limit;
};

}  // namespace kg
