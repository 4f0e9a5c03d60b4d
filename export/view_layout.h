// Internal to export/: where each entity sits in the HTML view, laid out
// once by Graphviz (sfdp, or neato for small graphs) so that the browser
// only draws: a page of 10,000 entities opens in seconds.
#pragma once

#include <functional>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kg {

struct Point {
  double x = 0;
  double y = 0;
};

// Positions in points for the nodes flagged in `drawn`, laid out with
// their edges; nodes not drawn get (0, 0). `extents` are the width and
// height each node needs with its label, in points: overlap removal keeps
// labels apart. The same input always gives the same positions.
Result<std::vector<Point>> LayOutView(const KnowledgeGraph& graph, const std::vector<bool>& drawn,
                                      const std::vector<Point>& extents,
                                      const std::function<void()>& waiting);

// Without overlap removal (past 2,000 entities, where it costs seconds),
// sfdp packs a dense graph far tighter than its nodes: the 10,000 entities
// of a hub-heavy graph land in two inches, and the page would open zoomed
// in six times on a blob, drawing every label at that size (seconds of
// work for Chromium). Spreads the drawn positions from their centre until
// the area they cover is the nodes' own, the least an overlap-free layout
// needs; a layout with that much room stays as it is. LayOutView calls it.
void SpreadOut(const std::vector<bool>& drawn, const std::vector<Point>& extents,
               std::vector<Point>* points);

}  // namespace kg
