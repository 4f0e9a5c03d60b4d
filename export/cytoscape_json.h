// The graph as Cytoscape JSON (.cyjs): what Cytoscape desktop imports and
// Cytoscape.js loads with cytoscape({elements: file.elements}). Every
// node and edge is {"data": {...}} with string ids; edges carry their
// predicate, status, weight, symmetric flag and evidence (document,
// offsets, sentence, triggers); nodes their label, type, aliases, mentions,
// documents and the colour kg render gives them.
#pragma once

#include <string>

#include "graph/knowledge_graph.h"

namespace kg {

std::string WriteCytoscapeJson(const KnowledgeGraph& graph);

}  // namespace kg
