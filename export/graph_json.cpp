#include "export/graph_json.h"

#include <algorithm>
#include <string>
#include <utility>

#include <rapidjson/prettywriter.h>

#include "core/insitu_json.h"
#include "core/position.h"
#include "export/evidence_writer.h"
#include "export/graph_json_reader.h"
#include "export/json_values.h"
#include "export/predicate_json.h"

namespace kg {
namespace {

// RapidJSON's output stream concept over a std::string, reserved ahead:
// a graph of gigabytes is then written once, not copied from a growing
// buffer into the string at the end.
class StringOutput {
 public:
  using Ch = char;
  explicit StringOutput(std::string* out) : out_(*out) {}
  void Put(char c) { out_.push_back(c); }
  void Flush() {}

 private:
  std::string& out_;
};

using Writer = rapidjson::PrettyWriter<StringOutput>;

void Key(Writer& w, const char* key) { w.Key(key); }

}  // namespace

namespace {

// Bytes a graph's JSON is likely to take, from its counts and the sizes of
// a sample of its evidence: reserving them spares copies as the text grows
// (pages reserved and never written cost nothing).
size_t EstimatedSize(const KnowledgeGraph& graph) {
  size_t evidence = 0;
  const size_t sample = std::min<size_t>(graph.edge_count(), 1000);
  for (size_t e = 0; e < sample; ++e) {
    for (const Evidence& item : graph.edge(e).evidence) evidence += item.sentence.size() + 120;
  }
  const size_t per_edge = sample == 0 ? 0 : evidence / sample + 200;
  return 4096 + graph.documents().size() * 300 + graph.node_count() * 300 +
         graph.edge_count() * per_edge;
}

}  // namespace

std::string WriteGraphJson(const KnowledgeGraph& graph) {
  std::string out;
  out.reserve(EstimatedSize(graph));
  StringOutput stream(&out);
  Writer w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  Key(w, "directed");
  w.Bool(true);
  Key(w, "multigraph");
  w.Bool(true);
  Key(w, "graph");
  w.StartObject();
  Key(w, "schema");
  WriteString(w, kGraphJsonSchema);
  Key(w, "predicates");
  w.StartArray();
  for (const Predicate& predicate : graph.predicates().entries()) WritePredicateJson(w, predicate);
  w.EndArray();
  Key(w, "documents");
  w.StartArray();
  for (const auto& document : graph.documents()) {
    w.StartObject();
    Key(w, "id");
    WriteString(w, document.id);
    Key(w, "path");
    WriteString(w, document.path);
    Key(w, "title");
    WriteString(w, document.title);
    Key(w, "sha256");
    WriteString(w, document.sha256);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  Key(w, "nodes");
  w.StartArray();
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    w.StartObject();
    Key(w, "id");
    WriteString(w, node.id);
    Key(w, "label");
    WriteString(w, node.label);
    Key(w, "type");
    WriteString(w, EntityTypeName(node.type));
    Key(w, "aliases");
    WriteStrings(w, node.aliases);
    Key(w, "mentions");
    w.Int64(node.mentions);
    Key(w, "documents");
    WriteStrings(w, node.documents);
    w.EndObject();
  }
  w.EndArray();

  Key(w, "links");
  w.StartArray();
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    w.StartObject();
    Key(w, "source");
    WriteString(w, graph.node(graph.edge_source(e)).id);
    Key(w, "target");
    WriteString(w, graph.node(graph.edge_target(e)).id);
    Key(w, "predicate");
    WriteString(w, edge.predicate);
    Key(w, "status");
    WriteString(w, RelationStatusName(edge.status));
    Key(w, "weight");
    w.Int64(edge.weight);
    Key(w, "evidence");
    w.StartArray();
    for (const Evidence& evidence : edge.evidence) WriteEvidenceJson(w, evidence);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

Result<KnowledgeGraph> ReadGraphJson(std::string json, const std::string& origin,
                                     const PredicateTable& fallback) {
  // A valid file streams straight into the graph; anything else (or an
  // unusual layout) goes to the checked reader, which explains problems.
  if (auto graph = ReadGraphJsonFast(json, fallback)) return std::move(*graph);
  // Parsing stops at the first NUL, so one inside the text is an error too.
  if (const size_t nul = json.find('\0'); nul != std::string::npos) {
    return Status::Error(FilePosition(origin, json, nul) + ": NUL byte in JSON text");
  }
  // Padding may copy the text: only the checked reader needs it.
  PadForInsituParse(&json);
  return ReadGraphJsonChecked(std::move(json), origin, fallback);
}

}  // namespace kg
