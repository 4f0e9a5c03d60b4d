// Choosing what to show: a view of a graph restricted to some entity
// types, predicates, statuses, weights or one document, to the
// neighbourhood of a focus entity, or to the most central entities. Used
// by `kg render` and `kg export` alike.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/status.h"
#include "core/types.h"
#include "graph/knowledge_graph.h"

namespace kg {

// How the most central entities are chosen. PageRank counts relations
// both ways (being pressed is as central as pressing).
enum class Centrality { kPageRank, kDegree, kBetweenness };

struct GraphFilter {
  std::string focus;  // entity name; empty: whole graph
  int hops = 1;       // around the focus
  TypeSet types = TypeSet::All();
  std::set<std::string> predicates;  // empty: all
  int64_t min_weight = 1;
  std::optional<RelationStatus> status;
  size_t top = 0;  // keep the N most central entities; 0: all
  Centrality by = Centrality::kPageRank;
  bool linked_only = false;  // leave out entities without any relation in the view
  std::string document;      // keep one article's entities and relations

  bool FiltersEdges() const {
    return !predicates.empty() || min_weight > 1 || status || !document.empty();
  }
};

// Errors: an unknown predicate (listing the valid ones), focus entity
// (suggesting names) or document id.
// The `count` most central entities of `graph` (ties: in node order) and
// the relations among them; the whole graph if it has no more. With
// `max_edges`, stops early before the relations among the entities taken
// would pass that many: a hub's dense neighbourhood then counts as full.
KnowledgeGraph MostCentral(const KnowledgeGraph& graph, size_t count, Centrality by,
                           size_t max_edges = SIZE_MAX);

Result<KnowledgeGraph> ApplyFilter(const KnowledgeGraph& graph, const GraphFilter& filter,
                                   const std::set<std::string>& known_predicates);

}  // namespace kg
