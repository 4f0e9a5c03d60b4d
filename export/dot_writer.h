// DOT output built with Graphviz cgraph (never by string concatenation):
// node shape and colour by entity type, edge label = predicate (and weight
// when > 1), negated relations dashed ("not ..."), hypothetical ones dotted
// ("...?"), symmetric predicates without arrowheads. Labels are escaped for
// Graphviz, so quotes, backslashes and non-ASCII names survive rendering.
#pragma once

#include <set>
#include <string>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kg {

struct DotOptions {
  std::set<std::string> symmetric_predicates;  // drawn without arrowheads
};

Result<std::string> WriteDot(const KnowledgeGraph& graph, const DotOptions& options);

// A DOT label for `text`: Graphviz reads backslash escapes ("\n", "\l")
// inside labels, so a literal backslash must be doubled.
std::string EscapeDotLabel(std::string_view text);

}  // namespace kg
