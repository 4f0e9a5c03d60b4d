// A new graph holding chosen nodes and edges of another (edge endpoints
// are always included), for drawing a query's answer or a filtered view.
#pragma once

#include <vector>

#include "graph/knowledge_graph.h"

namespace kg {

KnowledgeGraph Subgraph(const KnowledgeGraph& graph, const std::vector<size_t>& nodes,
                        const std::vector<size_t>& edges);

}  // namespace kg
