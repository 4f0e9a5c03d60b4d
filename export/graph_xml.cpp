#include "export/graph_xml.h"

namespace kg {
namespace {

std::string Aliases(const NodeData& node) {
  std::string out;
  for (const auto& alias : node.aliases) out += (out.empty() ? "" : " | ") + alias;
  return out;
}

std::string FirstEvidence(const EdgeData& edge) {
  return edge.evidence.empty() ? "" : edge.evidence.front().sentence;
}

// Appends an element with text content: <tag attr="...">text</tag>.
void Data(std::string* out, const std::string& indent, const std::string& key,
          std::string_view value) {
  *out += indent + "<data key=\"" + key + "\">" + EscapeXml(value) + "</data>\n";
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

std::string WriteGraphMl(const KnowledgeGraph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
      "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
      "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
      "  <key id=\"status\" for=\"edge\" attr.name=\"status\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    out += "    <node id=\"" + EscapeXml(node.id) + "\">\n";
    Data(&out, "      ", "label", node.label);
    Data(&out, "      ", "type", EntityTypeName(node.type));
    Data(&out, "      ", "aliases", Aliases(node));
    Data(&out, "      ", "mentions", std::to_string(node.mentions));
    out += "    </node>\n";
  }
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    out += "    <edge id=\"e" + std::to_string(e) + "\" source=\"" +
           EscapeXml(graph.node(graph.edge_source(e)).id) + "\" target=\"" +
           EscapeXml(graph.node(graph.edge_target(e)).id) + "\">\n";
    Data(&out, "      ", "predicate", edge.predicate);
    Data(&out, "      ", "status", RelationStatusName(edge.status));
    Data(&out, "      ", "weight", std::to_string(edge.weight));
    Data(&out, "      ", "evidence", FirstEvidence(edge));
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string WriteGexf(const KnowledgeGraph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
      "  <meta><creator>kg</creator><description>knowledge graph built from news "
      "text</description></meta>\n"
      "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
      "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
      "      <attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
      "      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n"
      "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
      "    </attributes>\n"
      "    <nodes>\n";
  const auto value = [](const char* id, std::string_view v) {
    return std::string("<attvalue for=\"") + id + "\" value=\"" + EscapeXml(v) + "\"/>";
  };
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    out += "      <node id=\"" + EscapeXml(node.id) + "\" label=\"" + EscapeXml(node.label) +
           "\"><attvalues>" + value("type", EntityTypeName(node.type)) +
           value("aliases", Aliases(node)) + value("mentions", std::to_string(node.mentions)) +
           "</attvalues></node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    out += "      <edge id=\"" + std::to_string(e) + "\" source=\"" +
           EscapeXml(graph.node(graph.edge_source(e)).id) + "\" target=\"" +
           EscapeXml(graph.node(graph.edge_target(e)).id) + "\" label=\"" +
           EscapeXml(edge.predicate) + "\" weight=\"" + std::to_string(edge.weight) +
           "\"><attvalues>" + value("predicate", edge.predicate) +
           value("status", RelationStatusName(edge.status)) +
           value("evidence", FirstEvidence(edge)) + "</attvalues></edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace kg
