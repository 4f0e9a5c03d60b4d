// Runs queries of the Cypher subset (cypher.h) against a loaded graph.
// The engine indexes the graph once (names, topology) and is then
// read-only: Run() may be called from several threads.
//
// Errors are values: a syntax error or a semantic one (unknown entity
// type, relationship type, property or entity name) carries a message that
// says what was expected or suggests the closest names, and the 1-based
// column to point at (0 when the error has no single position).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/algorithms.h"
#include "graph/knowledge_graph.h"
#include "graph/topology.h"
#include "query/entity_lookup.h"

namespace kg {

struct QueryValue {
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kNode, kEdge, kPath, kList };
  Kind kind = Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0.0;
  std::string text;
  size_t index = 0;  // node or edge
  Path path;
  std::vector<QueryValue> list;

  static QueryValue Null() { return {}; }
  static QueryValue Bool(bool b);
  static QueryValue Int(int64_t i);
  static QueryValue Float(double f);
  static QueryValue String(std::string s);
  static QueryValue Node(size_t n);
  static QueryValue Edge(size_t e);
  static QueryValue OfPath(Path p);
  static QueryValue List(std::vector<QueryValue> items);
};

// A total order used by ORDER BY, DISTINCT and grouping: null sorts last.
int CompareValues(const QueryValue& a, const QueryValue& b, const KnowledgeGraph& graph);

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
};

struct QueryError {
  std::string message;
  int column = 0;
};

struct QueryOptions {
  std::set<std::string> symmetric_predicates;  // matched in either direction
  std::set<std::string> known_predicates;      // valid relationship types besides the graph's own
  size_t max_rows = 5'000'000;                 // a guard against runaway patterns
};

class QueryEngine {
 public:
  QueryEngine(const KnowledgeGraph& graph, QueryOptions options);

  std::variant<QueryResult, QueryError> Run(std::string_view text) const;

  const KnowledgeGraph& graph() const { return graph_; }
  const Topology& topology() const { return topology_; }
  const EntityLookup& lookup() const { return lookup_; }
  const QueryOptions& options() const { return options_; }

 private:
  const KnowledgeGraph& graph_;
  QueryOptions options_;
  Topology topology_;
  EntityLookup lookup_;
  std::set<std::string> predicates_;  // every valid relationship type
};

}  // namespace kg
