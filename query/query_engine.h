// Runs queries of the Cypher subset (cypher.h) against a graph image:
// parse (cypher_parser), bind names to the graph (query_binder), match the
// patterns (pattern_matcher), and build the answer (result_builder). The
// engine indexes nothing itself beyond the image and is read-only: Run()
// may be called from several threads.
//
// Errors are values: a syntax error or a semantic one (unknown entity
// type, relationship type, property or entity name), or a query that
// needs more work or rows than allowed, carries a message that says what
// was expected or suggests the closest names, and the 1-based column to
// point at (0 when the error has no single position).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/graph_image.h"
#include "query/entity_lookup.h"
#include "query/query_error.h"
#include "query/query_value.h"
#include "query/result_builder.h"

namespace kg {

struct QueryOptions {
  std::set<std::string> symmetric_predicates;  // matched in either direction
  std::set<std::string> known_predicates;      // valid relationship types besides the graph's own
  size_t max_rows = 5'000'000;                 // rows (or groups) kept before LIMIT
  uint64_t max_work = 100'000'000;             // entities tried + relations walked + rows made
};

class QueryEngine {
 public:
  QueryEngine(const GraphImage& graph, QueryOptions options);

  std::variant<QueryResult, QueryError> Run(std::string_view text) const;

  const GraphImage& graph() const { return graph_; }
  const Topology& topology() const { return graph_.topology(); }
  const EntityLookup& lookup() const { return lookup_; }
  const QueryOptions& options() const { return options_; }
  // Relations of this predicate (an index of the image) have no direction.
  bool symmetric(uint32_t predicate) const { return symmetric_[predicate] != 0; }
  // Every valid relationship type: the graph's and the known ones.
  const std::set<std::string>& predicate_names() const { return predicates_; }

 private:
  const GraphImage& graph_;
  QueryOptions options_;
  EntityLookup lookup_;
  std::set<std::string> predicates_;
  std::vector<uint8_t> symmetric_;  // by predicate index
};

}  // namespace kg
