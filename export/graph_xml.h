// The graph as GraphML (Gephi, yEd, NetworkX read_graphml) and GEXF 1.2
// (Gephi, NetworkX read_gexf). Node attributes: label, type, aliases (joined
// by " | "), mentions; edge attributes: predicate, status, weight and the
// first evidence sentence.
#pragma once

#include <string>

#include "graph/knowledge_graph.h"

namespace kg {

std::string WriteGraphMl(const KnowledgeGraph& graph);
std::string WriteGexf(const KnowledgeGraph& graph);

// `text` with &, <, >, " and ' escaped, and characters XML 1.0 forbids
// (control characters) dropped.
std::string EscapeXml(std::string_view text);

}  // namespace kg
