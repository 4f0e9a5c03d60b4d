#include "export/result_json.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "export/json_values.h"

namespace kg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void WriteNode(Writer& w, const GraphImage& graph, size_t n) {
  w.StartObject();
  w.Key("id");
  WriteString(w, graph.node_id(n));
  w.Key("label");
  WriteString(w, graph.node_label(n));
  w.Key("type");
  WriteString(w, EntityTypeName(graph.node_type(n)));
  w.EndObject();
}

void WriteEdge(Writer& w, const GraphImage& graph, size_t e) {
  w.StartObject();
  w.Key("source");
  WriteString(w, graph.node_id(graph.edge_source(e)));
  w.Key("target");
  WriteString(w, graph.node_id(graph.edge_target(e)));
  w.Key("predicate");
  WriteString(w, graph.predicate_name(graph.edge_predicate(e)));
  w.Key("status");
  WriteString(w, RelationStatusName(graph.edge_status(e)));
  w.Key("weight");
  w.Int64(graph.edge_weight(e));
  w.EndObject();
}

// Lists nest as deep as the query's list literals (at most 256 levels).
void WriteValue(Writer& w, const GraphImage& graph, const QueryValue& value) {
  switch (value.kind()) {
    case QueryValue::Kind::kNull:
      w.Null();
      return;
    case QueryValue::Kind::kBool:
      w.Bool(value.boolean());
      return;
    case QueryValue::Kind::kInt:
      w.Int64(value.integer());
      return;
    case QueryValue::Kind::kFloat:
      w.Double(value.real());
      return;
    case QueryValue::Kind::kString:
      WriteString(w, value.text());
      return;
    case QueryValue::Kind::kNode:
      WriteNode(w, graph, value.index());
      return;
    case QueryValue::Kind::kEdge:
      WriteEdge(w, graph, value.index());
      return;
    case QueryValue::Kind::kPath:
      w.StartObject();
      w.Key("nodes");
      w.StartArray();
      for (size_t n : value.path().nodes) WriteNode(w, graph, n);
      w.EndArray();
      w.Key("links");
      w.StartArray();
      for (size_t e : value.path().edges) WriteEdge(w, graph, e);
      w.EndArray();
      w.EndObject();
      return;
    case QueryValue::Kind::kList:
      w.StartArray();
      for (const auto& item : value.list()) WriteValue(w, graph, item);
      w.EndArray();
      return;
  }
}

}  // namespace

std::string WriteQueryResultJson(const GraphImage& graph, const QueryResult& result) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("columns");
  w.StartArray();
  for (const auto& column : result.columns) WriteString(w, column);
  w.EndArray();
  w.Key("rows");
  w.StartArray();
  for (const auto& row : result.rows) {
    w.StartObject();
    for (size_t i = 0; i < row.size(); ++i) {
      WriteString(w, result.columns[i]);
      WriteValue(w, graph, row[i]);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace kg
