// kg stats: what a graph holds.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/unicode.h"

namespace kg {
namespace {

// `text` safe for a terminal (labels may hold escape sequences) and padded
// to `width` columns as the terminal shows them (wide and combining
// characters included).
std::string Padded(std::string_view text, size_t width) {
  std::string out = unicode::Printable(text);
  const size_t shown = unicode::DisplayWidth(out);
  out.append(shown < width ? width - shown : 1, ' ');
  return out;
}

}  // namespace

int RunStats(const Args& args) {
  ArgParser parser("kg stats GRAPH.json [--top N]",
                   "Counts entities by type and relations by predicate and status, and lists\n"
                   "the most connected entities and the size of the graph's vocabulary.");
  parser.Option("top", 'n', "N", "how many top entities to list (default: 10)");
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  auto top = parser.GetNumber("top", 10, 0, 1000000);
  if (!top.ok()) {
    PrintError(top.status().message());
    return kExitUsage;
  }
  auto graph = LoadGraph(parser.positional().front());
  if (!graph.ok()) {
    PrintError(graph.status().message());
    return kExitFailure;
  }
  std::map<std::string, int64_t> types;
  for (size_t n = 0; n < graph->node_count(); ++n)
    ++types[std::string(EntityTypeName(graph->node(n).type))];
  std::map<std::string, std::map<std::string, int64_t>> predicates;
  std::vector<int64_t> degree(graph->node_count(), 0);
  for (size_t e = 0; e < graph->edge_count(); ++e) {
    const EdgeData& edge = graph->edge(e);
    ++predicates[edge.predicate][std::string(RelationStatusName(edge.status))];
    // Weights come from the file and may be as large as int64 allows.
    for (size_t end : {graph->edge_source(e), graph->edge_target(e)}) {
      degree[end] = edge.weight > std::numeric_limits<int64_t>::max() - degree[end]
                        ? std::numeric_limits<int64_t>::max()
                        : degree[end] + edge.weight;
    }
  }
  std::cout << "documents  " << graph->documents().size() << "\n";
  const auto& vocabulary = graph->predicates().entries();
  std::cout << "predicates " << vocabulary.size() << " ("
            << std::count_if(vocabulary.begin(), vocabulary.end(),
                             [](const Predicate& p) { return p.symmetric; })
            << " symmetric)\n";
  std::cout << "entities   " << graph->node_count() << "\n";
  for (const auto& [type, count] : types)
    std::cout << "  " << std::left << std::setw(16) << type << count << "\n";
  std::cout << "relations  " << graph->edge_count() << "\n";
  for (const auto& [predicate, statuses] : predicates) {
    std::cout << "  " << Padded(predicate, 16);
    bool first = true;
    for (const auto& [status, count] : statuses) {
      std::cout << (first ? "" : ", ") << count << " " << status;
      first = false;
    }
    std::cout << "\n";
  }
  std::vector<size_t> order(graph->node_count());
  for (size_t n = 0; n < order.size(); ++n) order[n] = n;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::make_pair(-degree[a], -graph->node(a).mentions) <
           std::make_pair(-degree[b], -graph->node(b).mentions);
  });
  const size_t shown = std::min(order.size(), static_cast<size_t>(*top));
  if (shown > 0) std::cout << "top entities (relations, mentions)\n";
  for (size_t k = 0; k < shown; ++k) {
    const NodeData& node = graph->node(order[k]);
    std::cout << "  " << Padded(node.label, 32) << std::left << std::setw(14)
              << EntityTypeName(node.type) << degree[order[k]] << ", " << node.mentions << "\n";
  }
  return kExitOk;
}

}  // namespace kg
