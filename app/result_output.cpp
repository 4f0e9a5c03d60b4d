#include "app/result_output.h"

#include <algorithm>
#include <cstdio>

#include "core/file_io.h"
#include "export/result_json.h"

namespace kg {
namespace {

// Terminal columns taken by UTF-8 text: one per code point.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

// " -[pressed]-> " walking the edge forwards, " <-[pressed]- " backwards,
// " -[met_with]- " for a symmetric predicate.
std::string Step(const GraphImage& graph, size_t e, bool forward,
                 const std::set<std::string>& symmetric) {
  const std::string predicate(graph.predicate_name(graph.edge_predicate(e)));
  if (symmetric.contains(predicate)) return " -[" + predicate + "]- ";
  return forward ? " -[" + predicate + "]-> " : " <-[" + predicate + "]- ";
}

std::string EdgeText(size_t e, const GraphImage& graph, const std::set<std::string>& symmetric) {
  std::string text = std::string(graph.node_label(graph.edge_source(e))) +
                     Step(graph, e, true, symmetric) +
                     std::string(graph.node_label(graph.edge_target(e)));
  if (graph.edge_status(e) != RelationStatus::kAsserted)
    text += " (" + std::string(RelationStatusName(graph.edge_status(e))) + ")";
  return text;
}

// Lists nest as deep as the query's list literals (at most 256 levels).
void Collect(const QueryValue& value, std::vector<size_t>* nodes, std::vector<size_t>* edges) {
  switch (value.kind()) {
    case QueryValue::Kind::kNode:
      nodes->push_back(value.index());
      break;
    case QueryValue::Kind::kEdge:
      edges->push_back(value.index());
      break;
    case QueryValue::Kind::kPath:
      nodes->insert(nodes->end(), value.path().nodes.begin(), value.path().nodes.end());
      edges->insert(edges->end(), value.path().edges.begin(), value.path().edges.end());
      break;
    case QueryValue::Kind::kList:
      for (const auto& item : value.list()) Collect(item, nodes, edges);
      break;
    default:
      break;
  }
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "table" || name == "text") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "dot") return OutputFormat::kDot;
  if (name == "svg") return OutputFormat::kSvg;
  if (name == "png") return OutputFormat::kPng;
  if (name == "pdf") return OutputFormat::kPdf;
  return Status::Error("unknown output format \"" + name +
                       "\" (table, json, dot, svg, png or pdf)");
}

std::string ValueText(const QueryValue& value, const GraphImage& graph,
                      const std::set<std::string>& symmetric) {
  switch (value.kind()) {
    case QueryValue::Kind::kNull:
      return "null";
    case QueryValue::Kind::kBool:
      return value.boolean() ? "true" : "false";
    case QueryValue::Kind::kInt:
      return std::to_string(value.integer());
    case QueryValue::Kind::kFloat: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.6g", value.real());
      return buffer;
    }
    case QueryValue::Kind::kString:
      return std::string(value.text());
    case QueryValue::Kind::kNode:
      return std::string(graph.node_label(value.index()));
    case QueryValue::Kind::kEdge:
      return EdgeText(value.index(), graph, symmetric);
    case QueryValue::Kind::kPath: {
      const Path& path = value.path();
      std::string text(graph.node_label(path.nodes.front()));
      for (size_t i = 0; i < path.edges.size(); ++i) {
        const size_t e = path.edges[i];
        const bool forward = graph.edge_source(e) == path.nodes[i];
        text +=
            Step(graph, e, forward, symmetric) + std::string(graph.node_label(path.nodes[i + 1]));
      }
      return text;
    }
    case QueryValue::Kind::kList: {
      std::string text;
      for (const auto& item : value.list())
        text += (text.empty() ? "" : ", ") + ValueText(item, graph, symmetric);
      return "[" + text + "]";
    }
  }
  return "";
}

std::string FormatTable(const QueryResult& result, const GraphImage& graph,
                        const std::set<std::string>& symmetric) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width;
  for (const auto& column : result.columns) width.push_back(DisplayWidth(column));
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string text = ValueText(row[i], graph, symmetric);
      std::replace(text.begin(), text.end(), '\n', ' ');
      width[i] = std::max(width[i], DisplayWidth(text));
      line.push_back(std::move(text));
    }
    cells.push_back(std::move(line));
  }
  std::string out;
  const auto add_line = [&](const std::vector<std::string>& items) {
    std::string line;
    for (size_t i = 0; i < items.size(); ++i) {
      line += items[i];
      if (i + 1 < items.size()) line += std::string(width[i] - DisplayWidth(items[i]) + 2, ' ');
    }
    out += line + "\n";
  };
  add_line(result.columns);
  std::vector<std::string> rules;
  for (size_t w : width) rules.emplace_back(w, '-');
  add_line(rules);
  for (const auto& line : cells) add_line(line);
  out +=
      "(" + std::to_string(result.rows.size()) + (result.rows.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

Status WriteResult(const QueryResult& result, const GraphImage& graph, OutputFormat format,
                   const std::string& path, const DiagramOptions& diagram) {
  switch (format) {
    case OutputFormat::kTable:
      return WriteFileAtomically(path, FormatTable(result, graph, diagram.symmetric_predicates));
    case OutputFormat::kJson:
      return WriteFileAtomically(path, WriteQueryResultJson(graph, result));
    case OutputFormat::kDot:
    case OutputFormat::kSvg:
    case OutputFormat::kPng:
    case OutputFormat::kPdf:
      break;
  }
  std::vector<size_t> nodes;
  std::vector<size_t> edges;
  for (const auto& row : result.rows) {
    for (const auto& value : row) Collect(value, &nodes, &edges);
  }
  if (nodes.empty() && edges.empty()) {
    return Status::Error(
        "the answer holds no entities or relations to draw; return nodes, relations or paths");
  }
  const KnowledgeGraph view = ImageSubgraph(graph, std::move(nodes), std::move(edges));
  DiagramOptions options = diagram;
  options.importance.clear();  // sizes of the whole graph do not index the view
  auto drawn = format == OutputFormat::kDot ? WriteDot(view, options)
                                            : RenderDiagram(view, options,
                                                            format == OutputFormat::kSvg   ? "svg"
                                                            : format == OutputFormat::kPng ? "png"
                                                                                           : "pdf");
  if (!drawn.ok()) return drawn.status();
  return WriteFileAtomically(path, *drawn);
}

}  // namespace kg
