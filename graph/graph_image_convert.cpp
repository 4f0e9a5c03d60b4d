// From a graph image back to a KnowledgeGraph: for writing JSON and for
// the commands that edit or draw a graph.
#include <algorithm>

#include "graph/graph_image.h"

namespace kg {
namespace {

std::vector<std::string> Strings(const StringList& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) out.emplace_back(list[i]);
  return out;
}

NodeData NodeOf(const GraphImage& image, size_t n) {
  NodeData node;
  node.id = image.node_id(n);
  node.label = image.node_label(n);
  node.type = image.node_type(n);
  node.aliases = Strings(image.node_aliases(n));
  node.mentions = image.node_mentions(n);
  node.documents = Strings(image.node_documents(n));
  return node;
}

EdgeData EdgeOf(const GraphImage& image, size_t e) {
  EdgeData edge;
  edge.predicate = image.predicate_name(image.edge_predicate(e));
  edge.status = image.edge_status(e);
  edge.weight = image.edge_weight(e);
  edge.evidence.reserve(image.evidence_end(e) - image.evidence_begin(e));
  for (size_t i = image.evidence_begin(e); i < image.evidence_end(e); ++i) {
    const EvidenceView evidence = image.evidence(i);
    Evidence& item =
        edge.evidence.emplace_back(Evidence{std::string(evidence.document), evidence.start,
                                            evidence.end, std::string(evidence.sentence)});
    for (const image::TriggerRecord& trigger : evidence.triggers)
      item.triggers.emplace_back(trigger.begin, trigger.end);
  }
  return edge;
}

}  // namespace

Result<KnowledgeGraph> ToKnowledgeGraph(const GraphImage& image) {
  if (Status s = image.CheckEvidenceText(); !s.ok()) return s;
  KnowledgeGraph graph;
  graph.SetPredicates(image.predicates());
  graph.Reserve(image.node_count(), image.edge_count());
  for (size_t d = 0; d < image.document_count(); ++d) {
    const DocumentView document = image.document(d);
    graph.AddDocument({std::string(document.id), std::string(document.path),
                       std::string(document.title), std::string(document.sha256)});
  }
  for (size_t n = 0; n < image.node_count(); ++n) {
    if (graph.FindNode(image.node_id(n)))
      return Status::Error("duplicate node id \"" + std::string(image.node_id(n)) + "\"");
    graph.AddNode(NodeOf(image, n));
  }
  for (size_t e = 0; e < image.edge_count(); ++e)
    graph.AppendEdgeUnchecked(image.edge_source(e), image.edge_target(e), EdgeOf(image, e));
  if (const auto duplicate = graph.FirstDuplicateEdge())
    return Status::Error("duplicate relation " + std::to_string(*duplicate));
  return graph;
}

KnowledgeGraph ImageSubgraph(const GraphImage& image, std::vector<size_t> nodes,
                             std::vector<size_t> edges) {
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  for (size_t e : edges) {
    nodes.push_back(image.edge_source(e));
    nodes.push_back(image.edge_target(e));
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  KnowledgeGraph graph;
  graph.SetPredicates(image.predicates());
  for (size_t d = 0; d < image.document_count(); ++d) {
    const DocumentView document = image.document(d);
    graph.AddDocument({std::string(document.id), std::string(document.path),
                       std::string(document.title), std::string(document.sha256)});
  }
  std::vector<size_t> index(image.node_count(), 0);
  for (size_t n : nodes) index[n] = graph.AddNode(NodeOf(image, n));
  for (size_t e : edges)
    graph.AddEdge(index[image.edge_source(e)], index[image.edge_target(e)], EdgeOf(image, e));
  return graph;
}

}  // namespace kg
