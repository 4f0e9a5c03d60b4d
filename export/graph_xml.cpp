#include "export/graph_xml.h"

#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/unicode.h"
#include "core/utf8.h"
#include "export/evidence_writer.h"
#include "export/palette.h"

namespace kg {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string Aliases(const NodeData& node) {
  std::string out;
  for (const auto& alias : node.aliases) out += (out.empty() ? "" : " | ") + alias;
  return out;
}

std::string FirstEvidence(const EdgeData& edge) {
  return edge.evidence.empty() ? "" : edge.evidence.front().sentence;
}

// Lists as JSON inside one attribute: GraphML and GEXF have no list type,
// and JSON keeps every sentence, document and offset intact.
std::string StringsJson(const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& item : items)
    w.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string EvidenceJson(const EdgeData& edge) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const Evidence& evidence : edge.evidence) WriteEvidenceJson(w, evidence);
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string DocumentsJson(const KnowledgeGraph& graph) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const DocumentInfo& document : graph.documents()) {
    w.StartObject();
    for (const auto& [key, field] :
         {std::pair{"id", &document.id}, std::pair{"path", &document.path},
          std::pair{"title", &document.title}, std::pair{"sha256", &document.sha256}}) {
      w.Key(key);
      w.String(field->data(), static_cast<rapidjson::SizeType>(field->size()));
    }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// "#3b6fb6" as GEXF's <viz:color r="59" g="111" b="182"/>.
std::string VizColor(const char* hex) {
  const auto channel = [hex](int at) {
    return std::to_string(std::stoi(std::string(hex + at, 2), nullptr, 16));
  };
  return "<viz:color r=\"" + channel(1) + "\" g=\"" + channel(3) + "\" b=\"" + channel(5) + "\"/>";
}

std::string Decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// GEXF's shapes nearest to the diagrams' ellipse, box and hexagon.
const char* ShapeOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "disc";
    case EntityType::kOrganization:
      return "square";
    case EntityType::kLocation:
      return "diamond";
  }
  return "disc";
}

// As the diagrams draw them: negated dashed, hypothetical dotted.
const char* LineShapeOf(RelationStatus status) {
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

// Appends an element with text content: <tag attr="...">text</tag>.
void Data(std::string* out, const std::string& indent, const std::string& key,
          std::string_view value) {
  *out += indent + "<data key=\"" + key + "\">" + EscapeXml(value) + "</data>\n";
}

bool IsUpperHex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

// "_x" followed by `digits` upper-case hex digits and "_" at `pos`.
bool EscapeAt(std::string_view id, size_t pos, size_t digits) {
  if (pos + digits + 3 > id.size() || id[pos] != '_' || id[pos + 1] != 'x' ||
      id[pos + digits + 2] != '_')
    return false;
  for (size_t i = 0; i < digits; ++i)
    if (!IsUpperHex(id[pos + 2 + i])) return false;
  return true;
}

void AppendEscape(std::string* out, char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, cp > 0xFFFF ? "_x%08X_" : "_x%04X_",
                static_cast<unsigned>(cp));
  *out += buffer;
}

}  // namespace

std::string GraphMlId(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  size_t length = 0;
  for (size_t pos = 0; pos < id.size(); pos += length) {
    length = 1;
    const auto byte = static_cast<unsigned char>(id[pos]);
    char32_t cp = byte;
    if (byte >= 0x80) {
      if (utf8::FindInvalid(id.substr(pos, 4)) == size_t{0}) {
        AppendEscape(&out, 0xFFFD);  // graph files hold UTF-8: only a guard
        continue;
      }
      cp = utf8::Decode(id, pos, &length);
    }
    if (!unicode::IsXmlNameChar(cp) ||
        (cp == '_' && (EscapeAt(id, pos, 4) || EscapeAt(id, pos, 8))))
      AppendEscape(&out, cp);
    else
      out.append(id.substr(pos, length));
  }
  return out;
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    const char c = text[pos];
    length = 1;
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      // Written as references so that attribute values keep them (a reader
      // turns raw ones into spaces).
      case '\t':
        out += "&#9;";
        continue;
      case '\n':
        out += "&#10;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      default:
        break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      if (byte < 0x20) {
        out += kReplacement;  // XML 1.0 has no way to write other C0 controls
      } else {
        out.push_back(c);
      }
      continue;
    }
    if (utf8::FindInvalid(text.substr(pos, 4)) == size_t{0}) {
      out += kReplacement;
      continue;
    }
    const char32_t cp = utf8::Decode(text, pos, &length);
    if (cp == 0xFFFE || cp == 0xFFFF) {
      out += kReplacement;  // not XML characters either
    } else {
      out.append(text.substr(pos, length));
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
      "  <key id=\"documents\" for=\"graph\" attr.name=\"documents\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
      "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
      "  <key id=\"node_documents\" for=\"node\" attr.name=\"documents\" attr.type=\"string\"/>\n"
      "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
      "  <key id=\"status\" for=\"edge\" attr.name=\"status\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
      "  <key id=\"symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n"
      "  <key id=\"sentence\" for=\"edge\" attr.name=\"sentence\" attr.type=\"string\"/>\n"
      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  Data(&out, "    ", "documents", DocumentsJson(graph));
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    out += "    <node id=\"" + GraphMlId(node.id) + "\">\n";
    Data(&out, "      ", "label", node.label);
    Data(&out, "      ", "type", EntityTypeName(node.type));
    Data(&out, "      ", "aliases", Aliases(node));
    Data(&out, "      ", "mentions", std::to_string(node.mentions));
    Data(&out, "      ", "node_documents", StringsJson(node.documents));
    out += "    </node>\n";
  }
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    out += "    <edge id=\"e" + std::to_string(e) + "\" source=\"" +
           GraphMlId(graph.node(graph.edge_source(e)).id) + "\" target=\"" +
           GraphMlId(graph.node(graph.edge_target(e)).id) + "\">\n";
    Data(&out, "      ", "predicate", edge.predicate);
    Data(&out, "      ", "status", RelationStatusName(edge.status));
    Data(&out, "      ", "weight", std::to_string(edge.weight));
    Data(&out, "      ", "symmetric",
         graph.predicates().IsSymmetric(edge.predicate) ? "true" : "false");
    Data(&out, "      ", "sentence", FirstEvidence(edge));
    Data(&out, "      ", "evidence", EvidenceJson(edge));
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string WriteGexf(const KnowledgeGraph& graph, const std::vector<double>& importance) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
      "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
      "  <meta><creator>kg</creator><description>knowledge graph built from news "
      "text</description></meta>\n"
      "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
      "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
      "      <attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>\n"
      "      <attribute id=\"documents\" title=\"documents\" type=\"string\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
      "      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n"
      "      <attribute id=\"symmetric\" title=\"symmetric\" type=\"boolean\"/>\n"
      "      <attribute id=\"sentence\" title=\"sentence\" type=\"string\"/>\n"
      "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
      "    </attributes>\n"
      "    <nodes>\n";
  const auto value = [](const char* id, std::string_view v) {
    return std::string("<attvalue for=\"") + id + "\" value=\"" + EscapeXml(v) + "\"/>";
  };
  const std::vector<double> shares = ImportanceShares(importance, graph.node_count());
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    out += "      <node id=\"" + EscapeXml(node.id) + "\" label=\"" + EscapeXml(node.label) +
           "\"><attvalues>" + value("type", EntityTypeName(node.type)) +
           value("aliases", Aliases(node)) + value("mentions", std::to_string(node.mentions)) +
           value("documents", StringsJson(node.documents)) + "</attvalues>" +
           VizColor(ColorsOf(node.type).fill) + "<viz:size value=\"" +
           Decimal(FontSizeFor(shares[n])) + "\"/><viz:shape value=\"" + ShapeOf(node.type) +
           "\"/></node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    const PredicateKind kind = graph.predicates().KindOf(edge.predicate);
    out += "      <edge id=\"" + std::to_string(e) + "\" source=\"" +
           EscapeXml(graph.node(graph.edge_source(e)).id) + "\" target=\"" +
           EscapeXml(graph.node(graph.edge_target(e)).id) + "\" label=\"" +
           EscapeXml(edge.predicate) + "\" weight=\"" + std::to_string(edge.weight) +
           "\"><attvalues>" + value("predicate", edge.predicate) +
           value("status", RelationStatusName(edge.status)) +
           value("symmetric", graph.predicates().IsSymmetric(edge.predicate) ? "true" : "false") +
           value("sentence", FirstEvidence(edge)) + value("evidence", EvidenceJson(edge)) +
           "</attvalues>" + VizColor(ColorOf(kind)) + "<viz:thickness value=\"" +
           Decimal(LineWidthFor(edge.weight, kind == PredicateKind::kRole)) +
           "\"/><viz:shape value=\"" + LineShapeOf(edge.status) + "\"/></edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace kg
