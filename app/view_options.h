// Command-line options shared by the commands that draw or export a view
// of a graph: filters (--focus, --types, --predicates, ...) and diagram
// styling (--layout, --legend, --clusters, ...).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/arg_parser.h"
#include "core/status.h"
#include "export/diagram.h"
#include "extract/compiled_rules.h"
#include "extract/rule_pack.h"
#include "graph/knowledge_graph.h"
#include "query/graph_filter.h"

namespace kg {

void AddFilterOptions(ArgParser* parser);
Result<GraphFilter> ReadFilterOptions(const ArgParser& parser);

void AddDiagramOptions(ArgParser* parser);
// Styling from the rule pack (symmetric predicates, kinds) and the options;
// importance is computed on `graph` when --size-by asks for it.
Result<DiagramOptions> ReadDiagramOptions(const ArgParser& parser, const RulePack& pack,
                                          const KnowledgeGraph& graph);

// Loads the rule packs of --rules and the graph file named first on the
// command line, and applies the filter options to it. On failure, reports
// and returns the exit code.
std::optional<int> LoadView(const ArgParser& parser, std::shared_ptr<const CompiledRules>* rules,
                            KnowledgeGraph* view);

// The defaults for a pack: symmetric predicates, kinds, role predicates.
DiagramOptions DiagramDefaults(const RulePack& pack);
std::set<std::string> PredicateNames(const RulePack& pack);

}  // namespace kg
