#include "query/graph_filter.h"

#include <algorithm>
#include <numeric>

#include "graph/algorithms.h"
#include "graph/subgraph.h"
#include "graph/topology.h"
#include "query/entity_lookup.h"

namespace kg {
namespace {

std::vector<size_t> EdgesAmong(const KnowledgeGraph& graph, const std::vector<bool>& node_kept,
                               const std::vector<bool>& edge_kept) {
  std::vector<size_t> edges;
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    if (edge_kept[e] && node_kept[graph.edge_source(e)] && node_kept[graph.edge_target(e)])
      edges.push_back(e);
  }
  return edges;
}

}  // namespace

Result<KnowledgeGraph> ApplyFilter(const KnowledgeGraph& graph, const GraphFilter& filter,
                                   const std::set<std::string>& known_predicates) {
  std::set<std::string> valid = known_predicates;
  for (size_t e = 0; e < graph.edge_count(); ++e) valid.insert(graph.edge(e).predicate);
  for (const auto& predicate : filter.predicates) {
    if (!valid.contains(predicate)) {
      std::string list;
      for (const auto& name : valid) list += (list.empty() ? "" : ", ") + name;
      return Status::Error("unknown predicate \"" + predicate + "\"; the predicates are " + list);
    }
  }
  if (!filter.document.empty()) {
    const auto& documents = graph.documents();
    if (std::none_of(documents.begin(), documents.end(),
                     [&](const DocumentInfo& d) { return d.id == filter.document; })) {
      return Status::Error("no document \"" + filter.document + "\" in the graph");
    }
  }

  std::vector<bool> node_kept(graph.node_count());
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    node_kept[n] =
        filter.types.Contains(node.type) &&
        (filter.document.empty() || std::find(node.documents.begin(), node.documents.end(),
                                              filter.document) != node.documents.end());
  }
  std::vector<bool> edge_kept(graph.edge_count());
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    edge_kept[e] =
        (filter.predicates.empty() || filter.predicates.contains(edge.predicate)) &&
        edge.weight >= filter.min_weight && (!filter.status || edge.status == *filter.status) &&
        (filter.document.empty() ||
         std::any_of(edge.evidence.begin(), edge.evidence.end(),
                     [&](const Evidence& ev) { return ev.document == filter.document; }));
  }

  if (!filter.focus.empty()) {
    // The image holds the index of names and the adjacency.
    const GraphImage image = GraphImage::FromGraph(graph);
    const EntityLookup lookup(image);
    auto focus = lookup.Resolve(filter.focus);
    if (!focus.ok()) return focus.status();
    if (!node_kept[*focus])
      return Status::Error("\"" + filter.focus + "\" is filtered out by the other options");
    const auto reached = Neighborhood(image.topology(), *focus, filter.hops, [&](size_t e) {
      return edge_kept[e] && node_kept[graph.edge_source(e)] && node_kept[graph.edge_target(e)];
    });
    std::vector<bool> near(graph.node_count(), false);
    for (const Reached& r : reached) near[r.node] = true;
    node_kept = near;
  }

  if (filter.FiltersEdges() || !filter.focus.empty() || filter.linked_only) {
    // Entities left without any shown relation are not part of the view.
    std::vector<bool> linked(graph.node_count(), false);
    for (size_t e : EdgesAmong(graph, node_kept, edge_kept)) {
      linked[graph.edge_source(e)] = linked[graph.edge_target(e)] = true;
    }
    for (size_t n = 0; n < graph.node_count(); ++n) node_kept[n] = node_kept[n] && linked[n];
  }

  std::vector<size_t> nodes;
  for (size_t n = 0; n < graph.node_count(); ++n) {
    if (node_kept[n]) nodes.push_back(n);
  }
  KnowledgeGraph view = Subgraph(graph, nodes, EdgesAmong(graph, node_kept, edge_kept));
  if (filter.top == 0) return view;
  return MostCentral(view, filter.top, filter.by);
}

KnowledgeGraph MostCentral(const KnowledgeGraph& graph, size_t count, Centrality by,
                           size_t max_edges) {
  std::vector<size_t> all(graph.node_count());
  std::iota(all.begin(), all.end(), 0);
  if (graph.node_count() <= count && graph.edge_count() <= max_edges) {
    std::vector<size_t> edges(graph.edge_count());
    std::iota(edges.begin(), edges.end(), 0);
    return Subgraph(graph, all, edges);
  }
  const Topology topology(graph);
  std::vector<double> rank;
  switch (by) {
    case Centrality::kPageRank:
      rank = PageRank(graph);
      break;
    case Centrality::kDegree:
      rank = DegreeCentrality(topology);
      break;
    case Centrality::kBetweenness:
      rank = BetweennessCentrality(graph);
      break;
  }
  std::vector<size_t> order = all;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rank[a] > rank[b]; });
  std::vector<bool> top(graph.node_count(), false);
  size_t edges_among = 0;
  for (size_t k = 0; k < order.size() && k < count; ++k) {
    size_t added = 0;  // relations to entities already taken (self loops too)
    for (const Arc& arc : topology.arcs(order[k])) {
      if (top[arc.node] || (arc.node == order[k] && arc.outgoing)) ++added;
    }
    if (k > 0 && edges_among + added > max_edges) break;
    edges_among += added;
    top[order[k]] = true;
  }
  std::vector<size_t> top_nodes;
  for (size_t n = 0; n < graph.node_count(); ++n) {
    if (top[n]) top_nodes.push_back(n);
  }
  return Subgraph(graph, top_nodes,
                  EdgesAmong(graph, top, std::vector<bool>(graph.edge_count(), true)));
}

}  // namespace kg
