#include "export/cytoscape_json.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "export/evidence_writer.h"
#include "export/palette.h"

namespace kg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void String(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Strings(Writer& w, const std::vector<std::string>& items) {
  w.StartArray();
  for (const auto& item : items) String(w, item);
  w.EndArray();
}

}  // namespace

std::string WriteCytoscapeJson(const KnowledgeGraph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 1);
  w.StartObject();
  w.Key("format_version");
  String(w, "1.0");
  w.Key("generated_by");
  String(w, "kg");
  w.Key("target_cytoscapejs_version");
  String(w, "~3");
  w.Key("data");
  w.StartObject();
  w.Key("name");
  String(w, "kg");
  w.EndObject();
  w.Key("elements");
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    w.StartObject();
    w.Key("data");
    w.StartObject();
    w.Key("id");
    String(w, node.id);
    w.Key("label");
    String(w, node.label);
    w.Key("type");
    String(w, EntityTypeName(node.type));
    w.Key("aliases");
    Strings(w, node.aliases);
    w.Key("mentions");
    w.Int64(node.mentions);
    w.Key("documents");
    Strings(w, node.documents);
    w.Key("color");
    String(w, ColorsOf(node.type).fill);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    w.StartObject();
    w.Key("data");
    w.StartObject();
    w.Key("id");
    String(w, "e" + std::to_string(e));
    w.Key("source");
    String(w, graph.node(graph.edge_source(e)).id);
    w.Key("target");
    String(w, graph.node(graph.edge_target(e)).id);
    w.Key("predicate");
    String(w, edge.predicate);
    w.Key("status");
    String(w, RelationStatusName(edge.status));
    w.Key("weight");
    w.Int64(edge.weight);
    w.Key("symmetric");
    w.Bool(graph.predicates().IsSymmetric(edge.predicate));
    w.Key("color");
    String(w, ColorOf(graph.predicates().KindOf(edge.predicate)));
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& evidence : edge.evidence) WriteEvidenceJson(w, evidence);
    w.EndArray();
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  out.push_back('\n');
  return out;
}

}  // namespace kg
