#include "export/view_layout.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "export/cgraph_handle.h"
#include "export/graphviz_process.h"

namespace kg {
namespace {

char* Name(size_t n, std::string* buffer) {
  *buffer = "n" + std::to_string(n);
  return buffer->data();
}

double Number(std::string_view text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

void SpreadOut(const std::vector<bool>& drawn, const std::vector<Point>& extents,
               std::vector<Point>* points) {
  double need = 0;
  Point low{HUGE_VAL, HUGE_VAL}, high{-HUGE_VAL, -HUGE_VAL}, margin{0, 0};
  for (size_t n = 0; n < points->size(); ++n) {
    if (!drawn[n]) continue;
    need += extents[n].x * extents[n].y;
    margin = {std::max(margin.x, extents[n].x), std::max(margin.y, extents[n].y)};
    const Point& p = (*points)[n];
    low = {std::min(low.x, p.x), std::min(low.y, p.y)};
    high = {std::max(high.x, p.x), std::max(high.y, p.y)};
  }
  if (need == 0) return;
  // The box the nodes cover when the centres spread by s is
  // (s W + margin.x) (s H + margin.y): the s that makes it `need`.
  const double w = high.x - low.x, h = high.y - low.y;
  if ((w + margin.x) * (h + margin.y) >= need) return;
  const double a = w * h, b = w * margin.y + h * margin.x, c = margin.x * margin.y - need;
  double scale = 1;
  if (a > 0) {
    scale = (-b + std::sqrt(b * b - 4 * a * c)) / (2 * a);
  } else if (b > 0) {
    scale = -c / b;  // the nodes lie in a line
  }
  if (!(scale > 1)) return;  // one position for all: nothing to spread
  const Point centre{(low.x + high.x) / 2, (low.y + high.y) / 2};
  for (size_t n = 0; n < points->size(); ++n) {
    if (!drawn[n]) continue;
    Point& p = (*points)[n];
    p = {centre.x + (p.x - centre.x) * scale, centre.y + (p.y - centre.y) * scale};
  }
}

Result<std::vector<Point>> LayOutView(const KnowledgeGraph& graph, const std::vector<bool>& drawn,
                                      const std::vector<Point>& extents,
                                      const std::function<void()>& waiting) {
  std::vector<Point> points(graph.node_count());
  size_t count = 0;
  for (bool d : drawn) count += d ? 1 : 0;
  if (count == 0) return points;
  // Nodes are named by index ("n12"), so the output parses without
  // quoting; one undirected edge per linked pair is all a layout needs.
  CgraphPtr g(agopen(Mutable("view"), Agundirected, nullptr));
  const bool large = count > 2000;
  SetAttr(g.get(), "start", "1");
  SetAttr(g.get(), "splines", "false");
  SetAttr(g.get(), "overlap", large ? "true" : "prism");  // removal costs seconds at 10,000
  SetAttr(g.get(), "quadtree", large ? "fast" : "normal");
  SetAttr(g.get(), "pack", "true");
  SetAttr(g.get(), "sep", "+6");
  std::vector<Agnode_t*> nodes(graph.node_count(), nullptr);
  std::string name;
  for (size_t n = 0; n < graph.node_count(); ++n) {
    if (!drawn[n]) continue;
    nodes[n] = agnode(g.get(), Name(n, &name), 1);
    SetAttr(nodes[n], "shape", "box");
    SetAttr(nodes[n], "label", "");
    SetAttr(nodes[n], "fixedsize", "true");
    SetAttr(nodes[n], "width", std::to_string(extents[n].x / 72.0));
    SetAttr(nodes[n], "height", std::to_string(extents[n].y / 72.0));
  }
  std::set<std::pair<size_t, size_t>> pairs;
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const size_t source = graph.edge_source(e), target = graph.edge_target(e);
    const std::pair<size_t, size_t> pair = std::minmax(source, target);
    if (pair.first == pair.second || !nodes[pair.first] || !nodes[pair.second]) continue;
    if (pairs.insert(pair).second)
      agedge(g.get(), nodes[pair.first], nodes[pair.second], nullptr, 1);
  }
  char* buffer = nullptr;
  size_t size = 0;
  std::FILE* stream = open_memstream(&buffer, &size);
  if (stream == nullptr) return Status::Error("cannot allocate DOT output");
  agwrite(g.get(), stream);
  std::fclose(stream);
  const std::string dot(buffer, size);
  std::free(buffer);

  // neato, not fdp, for small views: fdp's result varies now and then (see
  // ChooseLayout in diagram.cpp).
  auto plain = RunGraphviz(dot, count <= 300 ? "neato" : "sfdp", "plain", waiting);
  if (!plain.ok()) return plain.status();
  // "node n12 x y width height ..." in inches; other lines are skipped.
  std::string_view text = *plain;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.substr(0, 6) != "node n") continue;
    line.remove_prefix(6);
    std::string_view fields[3];
    for (auto& field : fields) {
      const size_t space = std::min(line.find(' '), line.size());
      field = line.substr(0, space);
      line.remove_prefix(std::min(space + 1, line.size()));
    }
    size_t n = 0;
    std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), n);
    if (n < points.size()) points[n] = {72.0 * Number(fields[1]), 72.0 * Number(fields[2])};
  }
  SpreadOut(drawn, extents, &points);
  return points;
}

}  // namespace kg
