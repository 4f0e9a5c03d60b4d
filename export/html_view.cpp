#include "export/html_view.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "export/json_values.h"
#include "export/view_assets.h"
#include "export/view_layout.h"

namespace kg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string EscapeHtml(std::string_view text) {
  std::string out;
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
      default:
        out.push_back(c);
    }
  }
  return out;
}

// The graph as the page's script reads it: documents and nodes are
// referred to by index, positions and sizes come with the nodes.
std::string ViewData(const KnowledgeGraph& graph, const DiagramOptions& style,
                     const std::string& title, const std::vector<bool>& drawn,
                     const std::vector<double>& sizes, const std::vector<Point>& points) {
  std::map<std::string, size_t, std::less<>> document_index;
  for (size_t d = 0; d < graph.documents().size(); ++d)
    document_index.emplace(graph.documents()[d].id, d);
  auto document = [&](const std::string& id) -> int64_t {
    auto it = document_index.find(id);
    return it == document_index.end() ? -1 : static_cast<int64_t>(it->second);
  };
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("title");
  WriteString(w, title);
  w.Key("documents");
  w.StartArray();
  for (const DocumentInfo& doc : graph.documents()) {
    w.StartObject();
    w.Key("id");
    WriteString(w, doc.id);
    w.Key("title");
    WriteString(w, doc.title);
    w.EndObject();
  }
  w.EndArray();
  w.Key("predicates");
  w.StartObject();
  std::set<std::string> predicates;
  for (size_t e = 0; e < graph.edge_count(); ++e) predicates.insert(graph.edge(e).predicate);
  for (const std::string& predicate : predicates) {
    WriteString(w, predicate);
    w.StartObject();
    w.Key("kind");
    auto kind = style.predicate_kinds.find(predicate);
    WriteString(w, kind == style.predicate_kinds.end() ? "neutral" : kind->second);
    w.Key("symmetric");
    w.Bool(style.symmetric_predicates.contains(predicate));
    w.EndObject();
  }
  w.EndObject();
  w.Key("nodes");
  w.StartArray();
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    w.StartObject();
    w.Key("id");
    WriteString(w, node.id);
    w.Key("label");
    WriteString(w, node.label);
    w.Key("type");
    WriteString(w, EntityTypeName(node.type));
    w.Key("aliases");
    w.StartArray();
    for (const std::string& alias : node.aliases) WriteString(w, alias);
    w.EndArray();
    w.Key("mentions");
    w.Int64(node.mentions);
    w.Key("documents");
    w.StartArray();
    for (const std::string& id : node.documents) w.Int64(document(id));
    w.EndArray();
    if (drawn[n]) {
      // Rounded: positions need no more, and the page gets smaller.
      w.Key("x");
      w.Double(std::round(points[n].x * 10) / 10);
      w.Key("y");
      w.Double(std::round(points[n].y * 10) / 10);
      w.Key("size");
      w.Double(std::round(sizes[n] * 10) / 10);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("links");
  w.StartArray();
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    w.StartObject();
    w.Key("source");
    w.Uint64(graph.edge_source(e));
    w.Key("target");
    w.Uint64(graph.edge_target(e));
    w.Key("predicate");
    WriteString(w, edge.predicate);
    w.Key("status");
    WriteString(w, RelationStatusName(edge.status));
    w.Key("weight");
    w.Int64(edge.weight);
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& evidence : edge.evidence) {
      w.StartObject();
      w.Key("document");
      w.Int64(document(evidence.document));
      w.Key("sentence");
      WriteString(w, evidence.sentence);
      if (!evidence.triggers.empty()) {  // as byte offsets into the sentence
        w.Key("triggers");
        WriteTriggers(w, evidence, evidence.start);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  // Inside <script>, "</script>" or "<!--" in a name would end or confuse
  // the element: '<' is written as its JSON escape instead.
  std::string json;
  json.reserve(buffer.GetSize());
  for (const char* c = buffer.GetString(); *c != '\0'; ++c) {
    if (*c == '<')
      json += "\\u003c";
    else
      json.push_back(*c);
  }
  return json;
}

// The template with each @KG_NAME@ replaced once, in order; inserted
// text is never searched again.
std::string FillTemplate(std::string_view page,
                         const std::vector<std::pair<std::string, std::string_view>>& values) {
  std::string out;
  for (const auto& [name, value] : values) {
    const std::string marker = "@" + name + "@";
    const size_t at = page.find(marker);
    if (at == std::string_view::npos) continue;
    out.append(page.substr(0, at));
    out.append(value);
    page.remove_prefix(at + marker.size());
  }
  out.append(page);
  return out;
}

}  // namespace

Result<std::string> WriteHtmlView(const KnowledgeGraph& graph, const DiagramOptions& style,
                                  const std::string& title, const std::function<void()>& waiting) {
  std::vector<bool> drawn(graph.node_count(), false);
  for (size_t e = 0; e < graph.edge_count(); ++e)
    drawn[graph.edge_source(e)] = drawn[graph.edge_target(e)] = true;
  double top = 0;
  for (double value : style.importance) top = std::max(top, value);
  std::vector<double> sizes(graph.node_count(), 16.0);
  for (size_t n = 0; n < graph.node_count() && n < style.importance.size(); ++n) {
    if (top > 0) sizes[n] = 16.0 + 44.0 * std::sqrt(style.importance[n] / top);
  }
  // Room for the label under the node, as the page draws it: its font
  // grows with the node (8 + size / 3 pixels), a character is about 0.6 em.
  std::vector<Point> extents(graph.node_count());
  for (size_t n = 0; n < graph.node_count(); ++n) {
    size_t chars = 0;
    for (char c : graph.node(n).label) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    const double font = 8.0 + sizes[n] / 3.0;
    extents[n] = {std::max(sizes[n], 0.6 * font * static_cast<double>(chars)), sizes[n] + font + 4};
  }
  auto points = LayOutView(graph, drawn, extents, waiting);
  if (!points.ok()) return points.status();
  const std::string data = ViewData(graph, style, title, drawn, sizes, *points);
  const std::string escaped_title = EscapeHtml(title);
  return FillTemplate(ViewAsset("view.html"), {{"KG_TITLE", escaped_title},
                                               {"KG_STYLE", ViewAsset("view.css")},
                                               {"KG_LIBRARY", ViewAsset("cytoscape.min.js")},
                                               {"KG_DATA", data},
                                               {"KG_APP", ViewAsset("view.js")}});
}

}  // namespace kg
