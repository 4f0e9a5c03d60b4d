#include "export/table_export.h"

#include <string_view>

namespace kg {
namespace {

// One CSV field: quoted when it holds a comma, quote or line break
// (RFC 4180; neo4j-admin needs --multiline-fields=true for the last).
std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

class Csv {
 public:
  explicit Csv(std::initializer_list<std::string_view> header) { Row(header); }
  void Row(std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
      if (!first) text_.push_back(',');
      text_ += Field(field);
      first = false;
    }
    text_ += "\r\n";
  }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

template <typename T, typename Fn>
std::string Joined(const std::vector<T>& items, std::string_view separator, Fn text_of) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += text_of(items[i]);
  }
  return out;
}

std::string Same(const std::string& s) { return s; }

// An array element for neo4j-admin: the delimiter itself cannot occur.
std::string Element(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == kNeo4jArrayDelimiter[0]) c = ' ';
  }
  return out;
}

std::string Array(const std::vector<std::string>& items) {
  return Joined(items, kNeo4jArrayDelimiter, [](const std::string& s) { return Element(s); });
}

// The words that state the relation in an evidence sentence, as text:
// "met", or "Prime Minister ... visited" when there are several.
std::string TriggerWords(const Evidence& evidence) {
  std::string out;
  for (const auto& [begin, end] : evidence.triggers) {
    // Readers refuse spans outside the sentence; a graph made in memory
    // is not trusted with them.
    const size_t at = begin - evidence.start;
    if (begin < evidence.start || begin >= end || at >= evidence.sentence.size()) continue;
    if (!out.empty()) out += " ... ";
    out += evidence.sentence.substr(at, end - begin);
  }
  return out;
}

std::string LoadCypher(const KnowledgeGraph& graph);

}  // namespace

std::vector<TableFile> WriteCsvTables(const KnowledgeGraph& graph) {
  std::vector<size_t> degree(graph.node_count(), 0);
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    ++degree[graph.edge_source(e)];
    ++degree[graph.edge_target(e)];
  }
  Csv nodes({"id", "label", "type", "aliases", "mentions", "documents", "degree"});
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    nodes.Row({node.id, node.label, EntityTypeName(node.type), Joined(node.aliases, " | ", Same),
               std::to_string(node.mentions), Joined(node.documents, " | ", Same),
               std::to_string(degree[n])});
  }
  Csv edges({"source", "target", "predicate", "status", "weight", "symmetric", "evidence_count",
             "first_sentence", "first_document", "first_triggers"});
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    const Evidence* first = edge.evidence.empty() ? nullptr : &edge.evidence.front();
    edges.Row({graph.node(graph.edge_source(e)).id, graph.node(graph.edge_target(e)).id,
               edge.predicate, RelationStatusName(edge.status), std::to_string(edge.weight),
               graph.predicates().IsSymmetric(edge.predicate) ? "true" : "false",
               std::to_string(edge.evidence.size()), first ? first->sentence : "",
               first ? first->document : "", first ? TriggerWords(*first) : ""});
  }
  return {{"nodes.csv", nodes.Take()}, {"edges.csv", edges.Take()}};
}

std::vector<TableFile> WriteNeo4jImport(const KnowledgeGraph& graph) {
  Csv entities({"id:ID(Entity)", ":LABEL", "label", "aliases:string[]", "mentions:long",
                "documents:string[]"});
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    entities.Row(
        {node.id,
         std::string("Entity") + kNeo4jArrayDelimiter + std::string(EntityTypeName(node.type)),
         node.label, Array(node.aliases), std::to_string(node.mentions), Array(node.documents)});
  }
  Csv documents({"id:ID(Document)", ":LABEL", "path", "title", "sha256"});
  for (const DocumentInfo& document : graph.documents())
    documents.Row({document.id, "Document", document.path, document.title, document.sha256});
  Csv relations({":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "status", "weight:long",
                 "symmetric:boolean", "evidence:string[]", "evidence_documents:string[]",
                 "evidence_starts:long[]", "evidence_ends:long[]", "evidence_triggers:string[]"});
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    const auto& ev = edge.evidence;
    relations.Row(
        {graph.node(graph.edge_source(e)).id, graph.node(graph.edge_target(e)).id, edge.predicate,
         RelationStatusName(edge.status), std::to_string(edge.weight),
         graph.predicates().IsSymmetric(edge.predicate) ? "true" : "false",
         Joined(ev, kNeo4jArrayDelimiter, [](const Evidence& x) { return Element(x.sentence); }),
         Joined(ev, kNeo4jArrayDelimiter, [](const Evidence& x) { return Element(x.document); }),
         Joined(ev, kNeo4jArrayDelimiter,
                [](const Evidence& x) { return std::to_string(x.start); }),
         Joined(ev, kNeo4jArrayDelimiter, [](const Evidence& x) { return std::to_string(x.end); }),
         Joined(ev, kNeo4jArrayDelimiter,
                [](const Evidence& x) { return Element(TriggerWords(x)); })});
  }
  Csv mentions({":START_ID(Document)", ":END_ID(Entity)", ":TYPE"});
  for (size_t n = 0; n < graph.node_count(); ++n) {
    for (const auto& document : graph.node(n).documents)
      mentions.Row({document, graph.node(n).id, "MENTIONS"});
  }
  return {{"entities.csv", entities.Take()},
          {"documents.csv", documents.Take()},
          {"relations.csv", relations.Take()},
          {"mentions.csv", mentions.Take()},
          {"load.cypher", LoadCypher(graph)}};
}

namespace {

// A Cypher string literal.
std::string Quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

std::string LoadCypher(const KnowledgeGraph& graph) {
  // A list from an array column: LOAD CSV reads an empty field as null.
  const auto list = [](const std::string& column) {
    return "CASE WHEN row.`" + column + "` IS NULL OR row.`" + column +
           "` = '' THEN [] ELSE split(row.`" + column + "`, '\\u001f') END";
  };
  std::string out =
      "// Loads kg's export into a running Neo4j 5 server: copy the CSV files into\n"
      "// the server's import folder, then run  cypher-shell -f load.cypher\n"
      "// (neo4j-admin database import reads the same files into a new database).\n"
      "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n"
      "CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;\n"
      "\n"
      "LOAD CSV WITH HEADERS FROM 'file:///documents.csv' AS row\n"
      "CALL { WITH row\n"
      "  MERGE (d:Document {id: row.`id:ID(Document)`})\n"
      "  SET d.path = row.path, d.title = row.title, d.sha256 = row.sha256\n"
      "} IN TRANSACTIONS OF 10000 ROWS;\n"
      "\n"
      "LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row\n"
      "CALL { WITH row\n"
      "  MERGE (e:Entity {id: row.`id:ID(Entity)`})\n"
      "  SET e.label = row.label, e.aliases = " +
      list("aliases:string[]") +
      ",\n"
      "      e.mentions = toInteger(row.`mentions:long`), e.documents = " +
      list("documents:string[]") + "\n";
  for (EntityType type : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    const std::string name(EntityTypeName(type));
    out += "  FOREACH (_ IN CASE WHEN " + Quoted(name) + " IN " + list(":LABEL") +
           " THEN [1] ELSE [] END | SET e:" + name + ")\n";
  }
  out +=
      "} IN TRANSACTIONS OF 10000 ROWS;\n"
      "\n"
      "LOAD CSV WITH HEADERS FROM 'file:///mentions.csv' AS row\n"
      "CALL { WITH row\n"
      "  MATCH (d:Document {id: row.`:START_ID(Document)`}), (e:Entity {id: "
      "row.`:END_ID(Entity)`})\n"
      "  MERGE (d)-[:MENTIONS]->(e)\n"
      "} IN TRANSACTIONS OF 10000 ROWS;\n"
      "\n"
      "// Relationship types cannot come from data in plain Cypher: one line per\n"
      "// predicate of the graph's vocabulary.\n"
      "LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row\n"
      "CALL { WITH row\n"
      "  MATCH (a:Entity {id: row.`:START_ID(Entity)`}), (b:Entity {id: row.`:END_ID(Entity)`})\n"
      "  WITH a, b, row, {status: row.status, weight: toInteger(row.`weight:long`),\n"
      "       symmetric: row.`symmetric:boolean` = 'true', evidence: " +
      list("evidence:string[]") +
      ",\n       evidence_documents: " + list("evidence_documents:string[]") +
      ",\n       evidence_starts: [x IN " + list("evidence_starts:long[]") +
      " | toInteger(x)],\n       evidence_ends: [x IN " + list("evidence_ends:long[]") +
      " | toInteger(x)],\n       evidence_triggers: " + list("evidence_triggers:string[]") +
      "} AS properties\n";
  for (const Predicate& predicate : graph.predicates().entries()) {
    std::string type;  // a backtick inside a name is doubled
    for (char c : predicate.name) type += c == '`' ? std::string("``") : std::string(1, c);
    out += "  FOREACH (_ IN CASE WHEN row.`:TYPE` = " + Quoted(predicate.name) +
           " THEN [1] ELSE [] END | CREATE (a)-[r:`" + type + "`]->(b) SET r = properties)\n";
  }
  out += "} IN TRANSACTIONS OF 10000 ROWS;\n";
  return out;
}

}  // namespace
}  // namespace kg
