// Internal to export/: where each entity sits in the HTML view, laid out
// once by Graphviz (sfdp, or fdp for small graphs) so that the browser
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

}  // namespace kg
