// Helpers shared by the subcommands: loading rule packs and graphs with
// errors printed the same way everywhere.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/compiled_rules.h"
#include "graph/knowledge_graph.h"

namespace kg {

// The default pack with every user pack in `folders` laid over it.
Result<std::shared_ptr<const CompiledRules>> LoadRules(const std::vector<std::string>& folders);

// The vocabulary a rule pack defines.
PredicateTable PredicateTableOf(const RulePack& pack);

// The vocabulary for graph files that do not record one (graph JSON written
// before kg-graph/2): the default pack's, with the packs in `rule_folders`
// laid over it.
Result<PredicateTable> FallbackPredicates(const std::vector<std::string>& rule_folders);

// Reads a graph file, JSON or binary ("-" for standard input). The graph's
// own vocabulary (graph.predicates) is used as it is; a file that does not
// record one takes FallbackPredicates(rule_folders).
Result<KnowledgeGraph> LoadGraph(const std::string& path,
                                 const std::vector<std::string>& rule_folders = {});

// Prints "kg: message" to standard error.
void PrintError(const std::string& message);

class ArgParser;

// Parses a command's arguments and handles --help and usage errors; returns
// the exit code when the command should stop there. `positional` is the
// number of arguments expected, or kAnyCount for one or more.
inline constexpr size_t kAnyCount = static_cast<size_t>(-1);
std::optional<int> ParseCommandLine(ArgParser* parser, const std::vector<std::string>& args,
                                    size_t positional);

// Evidence sentences kept per relation unless --max-evidence says otherwise:
// memory then follows the size of the graph, not of the corpus.
inline constexpr size_t kDefaultMaxEvidence = 20;
// --threads (-j): default all cores.
Result<unsigned> ReadThreads(const ArgParser& parser);
// --max-evidence: kDefaultMaxEvidence by default; 0 means all.
Result<size_t> ReadMaxEvidence(const ArgParser& parser);

// An entity type named on the command line, case-insensitively.
Result<EntityType> ParseTypeName(const std::string& name);

}  // namespace kg
