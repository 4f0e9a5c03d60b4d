// The differential test's model of a query over the supported subset: a
// generator of random queries (seeded), their Cypher text, and the random
// graphs they run on. The reference evaluator (reference_evaluator.h) reads
// this model directly; kg reads the text.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kg::diff {

// Predicates of the random graphs; the first is symmetric.
inline const std::vector<std::string> kPredicates = {"met_with", "pressed", "warned", "leader_of"};

// A graph of `nodes` entities and up to `edges` relations without
// self-loops, with aliases, types, mentions, statuses and weights drawn
// from small ranges so that conditions often hold and often tie.
KnowledgeGraph RandomGraph(std::mt19937_64& random, size_t nodes, size_t edges);

enum class Direction { kRight, kLeft, kEither };

struct NodeTerm {
  std::string variable;  // may be empty
  std::vector<EntityType> labels;
  std::optional<EntityType> type;  // {type: "..."}
  std::optional<int64_t> mentions;
  std::optional<std::string> id;
};

struct RelTerm {
  std::string variable;
  std::vector<std::string> types;
  Direction direction = Direction::kEither;
  std::optional<RelationStatus> status;
  std::optional<int64_t> weight;
  bool variable_length = false;
  int min_hops = 1;
  int max_hops = 1;
};

struct PathTerm {
  std::vector<NodeTerm> nodes;
  std::vector<RelTerm> relationships;
};

struct Expr {
  enum class Kind {
    kInt,
    kString,
    kBool,
    kNull,
    kList,      // literals (kList: children)
    kVariable,  // name
    kProperty,  // children[0].name
    kCall,      // name(children[0])
    kCompare,   // children[0] name children[1]
    kAnd,
    kOr,
    kNot,
    kIsNull,
    kIsNotNull,
  };
  Kind kind = Kind::kNull;
  int64_t number = 0;
  std::string name;  // string literal, variable, property, function or operator
  std::vector<Expr> children;
};

struct ReturnTerm {
  Expr expression;  // ignored for count(*)
  bool count = false;
  bool star = false;
  bool distinct = false;
  std::string alias;
};

struct QueryTerm {
  std::vector<std::vector<PathTerm>> clauses;  // MATCH clauses of comma patterns
  std::optional<Expr> where;
  bool distinct = false;
  std::vector<ReturnTerm> items;
  std::vector<bool> order_descending;  // ORDER BY every column in turn, when not empty
  int64_t skip = 0;
  std::optional<int64_t> limit;
};

// A random query whose names come from `graph`.
QueryTerm RandomQuery(std::mt19937_64& random, const KnowledgeGraph& graph);

std::string ToCypher(const QueryTerm& query);
std::string ToCypher(const Expr& expression);

}  // namespace kg::diff
