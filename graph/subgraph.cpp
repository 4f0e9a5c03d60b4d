#include "graph/subgraph.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace kg {

KnowledgeGraph Subgraph(const KnowledgeGraph& graph, const std::vector<size_t>& nodes,
                        const std::vector<size_t>& edges) {
  std::set<size_t> keep_nodes(nodes.begin(), nodes.end());
  const std::set<size_t> keep_edges(edges.begin(), edges.end());
  for (size_t e : keep_edges) {
    keep_nodes.insert(graph.edge_source(e));
    keep_nodes.insert(graph.edge_target(e));
  }
  KnowledgeGraph out;
  out.SetPredicates(graph.predicates());
  std::set<std::string> documents;
  std::unordered_map<size_t, size_t> index;
  for (size_t n : keep_nodes) {
    index[n] = out.AddNode(graph.node(n));
    documents.insert(graph.node(n).documents.begin(), graph.node(n).documents.end());
  }
  for (size_t e : keep_edges)
    out.AddEdge(index[graph.edge_source(e)], index[graph.edge_target(e)], graph.edge(e));
  for (const auto& document : graph.documents()) {
    if (documents.contains(document.id)) out.AddDocument(document);
  }
  out.Canonicalize();
  return out;
}

}  // namespace kg
