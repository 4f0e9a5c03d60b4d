#include "export/dot_writer.h"

#include <cstdio>
#include <cstdlib>

#include "export/cgraph_handle.h"

namespace kg {
namespace {

struct TypeStyle {
  const char* shape;
  const char* fill;
};

TypeStyle StyleOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return {"ellipse", "#cfe2ff"};
    case EntityType::kOrganization:
      return {"box", "#ffe8a3"};
    case EntityType::kLocation:
      return {"hexagon", "#c9f2c7"};
  }
  return {"ellipse", "white"};
}

std::string EdgeLabel(const EdgeData& edge) {
  std::string label = edge.predicate;
  switch (edge.status) {
    case RelationStatus::kAsserted:
      break;
    case RelationStatus::kNegated:
      label = "not " + label;
      break;
    case RelationStatus::kHypothetical:
      label += "?";
      break;
  }
  if (edge.weight > 1) label += " (" + std::to_string(edge.weight) + ")";
  return label;
}

const char* EdgeStyle(RelationStatus status) {
  switch (status) {
    case RelationStatus::kAsserted:
      return "solid";
    case RelationStatus::kNegated:
      return "dashed";
    case RelationStatus::kHypothetical:
      return "dotted";
  }
  return "solid";
}

}  // namespace

std::string EscapeDotLabel(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

Result<std::string> WriteDot(const KnowledgeGraph& graph, const DotOptions& options) {
  CgraphPtr g(agopen(Mutable("kg"), Agdirected, nullptr));
  if (!g) return Status::Error("cgraph: cannot create a graph");
  SetAttr(g.get(), "charset", "UTF-8");
  SetAttr(g.get(), "rankdir", "LR");
  SetAttr(g.get(), "fontname", "Helvetica");
  std::vector<Agnode_t*> nodes(graph.node_count());
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    nodes[n] = agnode(g.get(), Mutable(node.id), 1);
    const TypeStyle style = StyleOf(node.type);
    SetAttr(nodes[n], "label", EscapeDotLabel(node.label));
    SetAttr(nodes[n], "shape", style.shape);
    SetAttr(nodes[n], "style", "filled");
    SetAttr(nodes[n], "fillcolor", style.fill);
    SetAttr(nodes[n], "fontname", "Helvetica");
    SetAttr(nodes[n], "type", std::string(EntityTypeName(node.type)));
  }
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    const std::string key = edge.predicate + "/" + std::string(RelationStatusName(edge.status));
    Agedge_t* out = agedge(g.get(), nodes[graph.edge_source(e)], nodes[graph.edge_target(e)],
                           Mutable(key), 1);
    SetAttr(out, "label", EscapeDotLabel(EdgeLabel(edge)));
    SetAttr(out, "predicate", edge.predicate);
    SetAttr(out, "status", std::string(RelationStatusName(edge.status)));
    SetAttr(out, "weight", std::to_string(edge.weight));
    SetAttr(out, "style", EdgeStyle(edge.status));
    SetAttr(out, "fontname", "Helvetica");
    SetAttr(out, "fontsize", "10");
    if (options.symmetric_predicates.contains(edge.predicate)) SetAttr(out, "dir", "none");
  }

  char* buffer = nullptr;
  size_t size = 0;
  std::FILE* stream = open_memstream(&buffer, &size);
  if (stream == nullptr) return Status::Error("cannot allocate DOT output");
  const int written = agwrite(g.get(), stream);
  std::fclose(stream);
  std::string dot(buffer, size);
  std::free(buffer);
  if (written != 0) return Status::Error("cgraph: writing DOT failed");
  return dot;
}

}  // namespace kg
