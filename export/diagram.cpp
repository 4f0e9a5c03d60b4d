#include "export/diagram.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>

#include "core/sha256.h"
#include "core/text.h"
#include "core/utf8.h"
#include "export/cgraph_handle.h"
#include "export/graphviz_process.h"
#include "export/palette.h"
#include "graph/algorithms.h"

namespace kg {
namespace {

struct TypeStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};

TypeStyle StyleOf(EntityType type) {
  const TypeColors colors = ColorsOf(type);
  switch (type) {
    case EntityType::kPerson:
      return {"ellipse", "filled", colors.fill, colors.border};
    case EntityType::kOrganization:
      return {"box", "filled,rounded", colors.fill, colors.border};
    case EntityType::kLocation:
      return {"hexagon", "filled", colors.fill, colors.border};
  }
  return {"ellipse", "filled", colors.fill, colors.border};
}

const char* KindColor(const std::string& kind) {
  return ColorOf(ParsePredicateKind(kind).value_or(PredicateKind::kNeutral));
}

std::string KindOf(const DiagramOptions& options, const std::string& predicate) {
  auto it = options.predicate_kinds.find(predicate);
  return it == options.predicate_kinds.end() ? "neutral" : it->second;
}

std::string EdgeText(const EdgeData& edge) {
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

const char* StatusStyle(RelationStatus status, bool role) {
  switch (status) {
    case RelationStatus::kAsserted:
      return role ? "dashed" : "solid";
    case RelationStatus::kNegated:
      return "dashed";
    case RelationStatus::kHypothetical:
      return "dotted";
  }
  return "solid";
}

std::string Format(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// Which group each person is drawn inside: the organization or country
// they lead, else one they belong to (the heaviest such relation).
std::map<size_t, size_t> ClusterMembership(const KnowledgeGraph& graph,
                                           const DiagramOptions& options) {
  std::map<size_t, std::pair<std::pair<int, int64_t>, size_t>> best;  // person -> (rank, group)
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    if (!options.role_predicates.contains(edge.predicate) ||
        edge.status != RelationStatus::kAsserted)
      continue;
    const size_t person = graph.edge_source(e);
    const size_t group = graph.edge_target(e);
    if (graph.node(person).type != EntityType::kPerson ||
        graph.node(group).type == EntityType::kPerson)
      continue;
    const std::pair<int, int64_t> rank = {edge.predicate == "leader_of" ? 1 : 0, edge.weight};
    auto it = best.find(person);
    if (it == best.end() || rank > it->second.first) best[person] = {rank, group};
  }
  std::map<size_t, size_t> out;
  for (const auto& [person, choice] : best) out[person] = choice.second;
  return out;
}

// A node's DOT name: its id, unless that is too long for Graphviz's
// scanner (ids read from other programs' files can be); then a readable
// start and a hash of the whole keep it distinct.
std::string DotNodeName(const std::string& id) {
  constexpr size_t kMaxNameBytes = 4000;
  if (id.size() <= kMaxNameBytes) return id;
  return std::string(TruncateUtf8(id, kMaxNameBytes)) + "-" + Sha256Hex(id).substr(0, 16);
}

class DiagramBuilder {
 public:
  DiagramBuilder(const KnowledgeGraph& graph, const DiagramOptions& options,
                 const std::string& layout)
      : graph_(graph), options_(options), layout_(layout) {}

  CgraphPtr Build() {
    CgraphPtr g(agopen(Mutable("kg"), Agdirected, nullptr));
    root_ = g.get();
    SetAttr(root_, "charset", "UTF-8");
    SetAttr(root_, "fontname", "DejaVu Sans");
    SetAttr(root_, "bgcolor", "white");
    SetAttr(root_, "pad", "0.3");
    SetAttr(root_, "outputorder", "edgesfirst");
    // No engine is written in: these suit dot (left to right)...
    SetAttr(root_, "rankdir", "LR");
    SetAttr(root_, "nodesep", "0.35");
    SetAttr(root_, "ranksep", "0.9");
    // ... and these the force-directed engines: no overlapping nodes,
    // separate components packed side by side, a fixed random seed.
    SetAttr(root_, "overlap", "prism");
    SetAttr(root_, "sep", "+8");
    SetAttr(root_, "pack", "true");
    SetAttr(root_, "packmode", "graph");
    SetAttr(root_, "start", "1");
    // Force layouts draw curves that do not route around nodes: routing
    // costs seconds on a hundred edges and minutes on thousands. Large
    // views get straight lines.
    // dot routes its own splines quickly (and cannot label curved ones),
    // so DOT files for any engine keep splines.
    const bool force = !layout_.empty() && layout_ != "dot";
    SetAttr(root_, "splines", options_.straight_edges ? "false" : force ? "curved" : "true");
    if (!options_.note.empty()) {
      SetAttr(root_, "label", EscapeDotLabel(options_.note));
      SetAttr(root_, "labelloc", "t");
      SetAttr(root_, "labeljust", "l");
      SetAttr(root_, "fontsize", "16");
      SetAttr(root_, "fontcolor", "#555555");
    }
    AddNodes();
    if (options_.merge_parallel) {
      AddMergedEdges();
    } else {
      for (size_t e = 0; e < graph_.edge_count(); ++e) AddEdge(e);
    }
    if (options_.legend) AddLegend();
    return g;
  }

 private:
  Agraph_t* ClusterFor(size_t group) {
    auto it = clusters_.find(group);
    if (it != clusters_.end()) return it->second;
    const std::string name = "cluster_" + std::to_string(clusters_.size());
    Agraph_t* sub = agsubg(root_, Mutable(name), 1);
    SetAttr(sub, "label", EscapeDotLabel(graph_.node(group).label));
    SetAttr(sub, "style", "rounded,filled");
    SetAttr(sub, "fillcolor", "#f7f7f7");
    SetAttr(sub, "color", "#bdbdbd");
    SetAttr(sub, "fontname", "DejaVu Sans");
    SetAttr(sub, "fontsize", "11");
    clusters_[group] = sub;
    return sub;
  }

  void AddNodes() {
    double top = 0.0;
    for (double value : options_.importance) top = std::max(top, value);
    const std::map<size_t, size_t> membership =
        options_.clusters ? ClusterMembership(graph_, options_) : std::map<size_t, size_t>{};
    nodes_.resize(graph_.node_count());
    for (size_t n = 0; n < graph_.node_count(); ++n) {
      const NodeData& node = graph_.node(n);
      Agnode_t* out = agnode(root_, Mutable(DotNodeName(node.id)), 1);
      nodes_[n] = out;
      const TypeStyle style = StyleOf(node.type);
      SetAttr(out, "label", EscapeDotLabel(WrapLabel(node.label, options_.wrap)));
      SetAttr(out, "shape", style.shape);
      SetAttr(out, "style", style.style);
      SetAttr(out, "fillcolor", style.fill);
      SetAttr(out, "color", style.border);
      SetAttr(out, "fontname", "DejaVu Sans");
      SetAttr(out, "type", std::string(EntityTypeName(node.type)));
      SetAttr(out, "tooltip",
              EscapeDotLabel(node.label + " (" + std::string(EntityTypeName(node.type)) + ")"));
      // Importance scales the font (and so the node) and the border.
      const double share =
          top > 0 && n < options_.importance.size() ? std::sqrt(options_.importance[n] / top) : 0.0;
      SetAttr(out, "fontsize", Format(FontSizeFor(share)));
      SetAttr(out, "penwidth", Format(1.0 + 2.0 * share));
      if (auto it = membership.find(n); it != membership.end())
        agsubnode(ClusterFor(it->second), out, 1);
    }
    // A group with members is drawn inside its own cluster too.
    for (const auto& [group, sub] : clusters_) agsubnode(sub, nodes_[group], 1);
  }

  void Style(Agedge_t* out, const std::string& predicate, RelationStatus status, int64_t weight) {
    const std::string kind = KindOf(options_, predicate);
    const bool role = kind == "role";
    SetAttr(out, "color", KindColor(kind));
    SetAttr(out, "fontcolor", KindColor(kind));
    SetAttr(out, "style", StatusStyle(status, role));
    SetAttr(out, "penwidth", Format(LineWidthFor(weight, role)));
    SetAttr(out, "fontname", "DejaVu Sans");
    SetAttr(out, "fontsize", "9");
    if (role) SetAttr(out, "arrowhead", "empty");
  }

  void AddEdge(size_t e) {
    const EdgeData& edge = graph_.edge(e);
    const std::string key = edge.predicate + "/" + std::string(RelationStatusName(edge.status));
    Agedge_t* out = agedge(root_, nodes_[graph_.edge_source(e)], nodes_[graph_.edge_target(e)],
                           Mutable(key), 1);
    SetAttr(out, "label", EscapeDotLabel(EdgeText(edge)));
    SetAttr(out, "predicate", edge.predicate);
    SetAttr(out, "status", std::string(RelationStatusName(edge.status)));
    SetAttr(out, "weight", std::to_string(edge.weight));
    Style(out, edge.predicate, edge.status, edge.weight);
    if (options_.symmetric_predicates.contains(edge.predicate)) SetAttr(out, "dir", "none");
  }

  // One edge per direction between two entities, and one for their
  // symmetric relations, each listing its relations (heaviest first).
  void AddMergedEdges() {
    struct Key {
      size_t from, to;
      bool symmetric;
      auto operator<=>(const Key&) const = default;
    };
    std::map<Key, std::vector<size_t>> groups;
    for (size_t e = 0; e < graph_.edge_count(); ++e) {
      const bool symmetric = options_.symmetric_predicates.contains(graph_.edge(e).predicate);
      size_t from = graph_.edge_source(e), to = graph_.edge_target(e);
      if (symmetric && from > to) std::swap(from, to);
      groups[{from, to, symmetric}].push_back(e);
    }
    for (auto& [key, edges] : groups) {
      std::stable_sort(edges.begin(), edges.end(), [&](size_t a, size_t b) {
        return graph_.edge(a).weight > graph_.edge(b).weight;
      });
      std::string label;
      int64_t weight = 0;
      bool one_kind = true;
      const EdgeData& heaviest = graph_.edge(edges.front());
      for (size_t e : edges) {
        const EdgeData& edge = graph_.edge(e);
        label += (label.empty() ? "" : "\n") + EdgeText(edge);
        // Saturating: weights in a file may be as large as int64 allows.
        weight = edge.weight > std::numeric_limits<int64_t>::max() - weight
                     ? std::numeric_limits<int64_t>::max()
                     : weight + edge.weight;
        one_kind =
            one_kind && KindOf(options_, edge.predicate) == KindOf(options_, heaviest.predicate);
      }
      Agedge_t* out = agedge(root_, nodes_[key.from], nodes_[key.to], nullptr, 1);
      SetAttr(out, "label", EscapeDotLabel(label));
      Style(out, one_kind ? heaviest.predicate : std::string(), heaviest.status, weight);
      if (key.symmetric) SetAttr(out, "dir", "none");
    }
  }

  // The legend is one node holding a table, so every layout keeps it in
  // one piece: entity types, then the kinds and statuses of relation the
  // diagram actually shows.
  void AddLegend() {
    std::set<std::string> kinds;
    bool negated = false, hypothetical = false;
    for (size_t e = 0; e < graph_.edge_count(); ++e) {
      kinds.insert(KindOf(options_, graph_.edge(e).predicate));
      negated = negated || graph_.edge(e).status == RelationStatus::kNegated;
      hypothetical = hypothetical || graph_.edge(e).status == RelationStatus::kHypothetical;
    }
    std::string html =
        "<TABLE BORDER=\"1\" COLOR=\"#bdbdbd\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
        "CELLPADDING=\"3\">"
        "<TR><TD><B>Legend</B></TD></TR>";
    const std::pair<EntityType, const char*> types[] = {{EntityType::kPerson, "person"},
                                                        {EntityType::kOrganization, "organization"},
                                                        {EntityType::kLocation, "place"}};
    for (const auto& [type, text] : types) {
      html += std::string("<TR><TD BGCOLOR=\"") + StyleOf(type).fill + "\" BORDER=\"1\" COLOR=\"" +
              StyleOf(type).border + "\">" + text + "</TD></TR>";
    }
    for (const auto& kind : kinds) {
      html += std::string("<TR><TD><FONT COLOR=\"") + KindColor(kind) + "\">&#8212;&#8212; " +
              kind + (kind == "role" ? " (dashed)" : "") + "</FONT></TD></TR>";
    }
    if (negated) html += "<TR><TD>- - not: negated</TD></TR>";
    if (hypothetical) html += "<TR><TD>&#183;&#183;&#183; ?: hypothetical</TD></TR>";
    html += "</TABLE>";
    Agnode_t* legend = agnode(root_, Mutable("legend"), 1);
    agsafeset(legend, Mutable("label"), agstrdup_html(root_, Mutable(html)),
              Mutable(std::string()));
    SetAttr(legend, "shape", "plaintext");
    SetAttr(legend, "fontname", "DejaVu Sans");
    SetAttr(legend, "fontsize", "14");
    if (layout_ == "dot") {
      Agraph_t* rank = agsubg(root_, Mutable("legend_rank"), 1);
      SetAttr(rank, "rank", "sink");
      agsubnode(rank, legend, 1);
    }
  }

  const KnowledgeGraph& graph_;
  const DiagramOptions& options_;
  std::string layout_;
  Agraph_t* root_ = nullptr;
  std::vector<Agnode_t*> nodes_;
  std::map<size_t, Agraph_t*> clusters_;
};

Status CheckLayout(const std::string& layout) {
  static const std::set<std::string> kLayouts = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
  if (kLayouts.contains(layout)) return Status::Ok();
  return Status::Error("unknown layout \"" + layout + "\" (dot, neato, fdp, sfdp, circo or twopi)");
}

}  // namespace

std::string DefaultLayout(size_t node_count) { return node_count <= 150 ? "dot" : "sfdp"; }

// dot draws one sparse, connected story well, but stacks many separate
// ones into a long strip and stretches a hub's relations into long arcs:
// neato packs those into a compact sheet. Clusters need dot or fdp. fdp
// only where clusters need it: Graphviz 2.42's fdp result depends on where
// its data sits in memory, and Pango's font threads in the same process
// move that, so about one fdp drawing in a hundred comes out different.
std::string ChooseLayout(const KnowledgeGraph& graph, const DiagramOptions& options) {
  if (!options.layout.empty()) return options.layout;
  std::string layout = DefaultLayout(graph.node_count());
  const bool sparse = 2 * graph.edge_count() <= 3 * graph.node_count();
  if (layout == "dot" && (!sparse || Components(graph).size() > 3))
    layout = options.clusters ? "fdp" : "neato";
  return options.clusters && layout == "sfdp" && graph.node_count() <= 600 ? "fdp" : layout;
}

std::string EscapeDotLabel(std::string_view text) {
  // Graphviz refuses a quoted string over 16,384 bytes: cut long labels
  // (escaping can double them) on a character boundary.
  constexpr size_t kMaxLabelBytes = 4000;
  const bool cut = text.size() > kMaxLabelBytes;
  if (cut) text = TruncateUtf8(text, kMaxLabelBytes);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";  // a Graphviz line break
      continue;
    }
    // Other controls would pass raw into DOT and SVG, where XML forbids them.
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7F ? ' ' : c);
  }
  if (cut) out += "\xE2\x80\xA6";  // "…"
  return out;
}

std::string WrapLabel(std::string_view text, size_t width) {
  if (width == 0) return std::string(text);
  std::string out;
  size_t line = 0;  // characters on the current line
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    size_t length = 0;
    for (size_t i = 0; i < word.size(); i += 1)
      length += (static_cast<unsigned char>(word[i]) & 0xC0) != 0x80;
    if (line > 0 && line + 1 + length > width) {
      out.push_back('\n');
      line = 0;
    } else if (line > 0) {
      out.push_back(' ');
      ++line;
    }
    out.append(word);
    line += length;
    start = end + 1;
  }
  return out;
}

namespace {

Result<std::string> DotText(const KnowledgeGraph& graph, const DiagramOptions& options,
                            const std::string& layout) {
  CgraphPtr g = DiagramBuilder(graph, options, layout).Build();
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

}  // namespace

Result<std::string> WriteDot(const KnowledgeGraph& graph, const DiagramOptions& options) {
  if (!options.layout.empty()) {
    if (Status s = CheckLayout(options.layout); !s.ok()) return s;
  }
  return DotText(graph, options, "");
}

Result<std::string> RenderDiagram(const KnowledgeGraph& graph, const DiagramOptions& options,
                                  const std::string& format, const std::function<void()>& waiting) {
  if (format != "svg" && format != "png" && format != "pdf") {
    return Status::Error("unknown image format \"" + format + "\" (svg, png or pdf)");
  }
  const std::string layout = ChooseLayout(graph, options);
  if (Status s = CheckLayout(layout); !s.ok()) return s;
  auto dot = DotText(graph, options, layout);
  if (!dot.ok()) return dot.status();
  return RunGraphviz(*dot, layout, format, waiting);
}

}  // namespace kg
