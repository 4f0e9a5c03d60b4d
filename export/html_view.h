// The interactive view: one self-contained HTML file (works offline from a
// file:// URL) that draws the graph with Cytoscape.js, styled as diagrams
// are (colours by type and kind of relation, negated dashed, hypothetical
// dotted), with search by any name, filters by type, predicate, status,
// weight and document, a neighbourhood focus, and for every relation its
// evidence sentences with document titles.
//
// Entities are laid out once, here, by Graphviz; entities without any
// relation are not drawn but can be found by search.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "export/diagram.h"
#include "graph/knowledge_graph.h"

namespace kg {

// `style` gives the predicates' kinds and symmetry and the entities'
// importance (node size); `title` heads the page. `waiting` is called a
// few times a second while the layout runs. Errors: Graphviz failing.
Result<std::string> WriteHtmlView(const KnowledgeGraph& graph, const DiagramOptions& style,
                                  const std::string& title,
                                  const std::function<void()>& waiting = {});

}  // namespace kg
