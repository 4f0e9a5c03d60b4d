#include "export/cytoscape_json.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "export/evidence_writer.h"
#include "export/json_values.h"
#include "export/palette.h"

namespace kg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

}  // namespace

std::string WriteCytoscapeJson(const KnowledgeGraph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 1);
  w.StartObject();
  w.Key("format_version");
  WriteString(w, "1.0");
  w.Key("generated_by");
  WriteString(w, "kg");
  w.Key("target_cytoscapejs_version");
  WriteString(w, "~3");
  w.Key("data");
  w.StartObject();
  w.Key("name");
  WriteString(w, "kg");
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
    WriteString(w, node.id);
    w.Key("label");
    WriteString(w, node.label);
    w.Key("type");
    WriteString(w, EntityTypeName(node.type));
    w.Key("aliases");
    WriteStrings(w, node.aliases);
    w.Key("mentions");
    w.Int64(node.mentions);
    w.Key("documents");
    WriteStrings(w, node.documents);
    w.Key("color");
    WriteString(w, ColorsOf(node.type).fill);
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
    WriteString(w, "e" + std::to_string(e));
    w.Key("source");
    WriteString(w, graph.node(graph.edge_source(e)).id);
    w.Key("target");
    WriteString(w, graph.node(graph.edge_target(e)).id);
    w.Key("predicate");
    WriteString(w, edge.predicate);
    w.Key("status");
    WriteString(w, RelationStatusName(edge.status));
    w.Key("weight");
    w.Int64(edge.weight);
    w.Key("symmetric");
    w.Bool(graph.predicates().IsSymmetric(edge.predicate));
    w.Key("color");
    WriteString(w, ColorOf(graph.predicates().KindOf(edge.predicate)));
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
