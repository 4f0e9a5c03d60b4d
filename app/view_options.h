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
#include "graph/knowledge_graph.h"
#include "query/graph_filter.h"

namespace kg {

Result<Centrality> ParseCentrality(const std::string& name);

void AddFilterOptions(ArgParser* parser);
Result<GraphFilter> ReadFilterOptions(const ArgParser& parser);

void AddDiagramOptions(ArgParser* parser);
// Styling from the graph's vocabulary (symmetric predicates, kinds) and
// the options; importance is computed on `graph` when --size-by asks for it.
Result<DiagramOptions> ReadDiagramOptions(const ArgParser& parser, const KnowledgeGraph& graph);

// Loads the graph file named first on the command line (--rules: the
// vocabulary of a file without its own), and applies the filter options
// to it; for a `diagram`,
// entities without relations are left out unless --isolated. Sets
// `total_entities` (if given) to the size of the whole graph. On failure,
// reports and returns the exit code.
std::optional<int> LoadView(const ArgParser& parser, KnowledgeGraph* view,
                            size_t* total_entities = nullptr, bool diagram = false);

// Diagrams draw at most this many entities unless --all or --top says
// otherwise: any graph then renders in seconds and stays readable.
// A hub's neighbourhood fills a picture before the entity limit does, so
// the relations among the entities drawn are bounded too.
constexpr size_t kDiagramEntityLimit = 120;
constexpr size_t kDiagramRelationLimit = 150;

// The size rules' inputs from the command line.
struct DiagramFit {
  bool all = false;  // --all, or --top chose the size already
  Centrality by = Centrality::kPageRank;
  std::optional<bool> merge;  // --merge / --no-merge; nullopt: by size
  bool isolated = false;      // --isolated: keep entities without relations
};
DiagramFit ReadDiagramFit(const ArgParser& parser, const GraphFilter& filter);

// Makes any view drawable in seconds: keeps the most central entities
// when there are too many (with a note of what was left out), merges
// parallel relations when they fan out or are many, and draws straight
// edges on large views.
struct FittedDiagram {
  std::string note;  // "" when nothing was left out
  bool merge = false;
  bool straight = false;
  void ApplyTo(DiagramOptions* options) const;
};
FittedDiagram FitDiagramToSize(KnowledgeGraph* view, size_t total_entities, const DiagramFit& fit);

// The styling a vocabulary implies: symmetric predicates, kinds, roles.
DiagramOptions DiagramDefaults(const PredicateTable& predicates);
// Every predicate name of the vocabulary.
std::set<std::string> PredicateNames(const PredicateTable& predicates);

}  // namespace kg
