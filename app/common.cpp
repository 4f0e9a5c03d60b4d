#include "app/common.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <limits>
#include <thread>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/graph_files.h"
#include "core/file_io.h"
#include "export/graph_json.h"

namespace kg {

void PrintError(const std::string& message) { std::cerr << "kg: " << message << "\n"; }

std::optional<int> ParseCommandLine(ArgParser* parser, const std::vector<std::string>& args,
                                    size_t positional) {
  if (Status s = parser->Parse(args); !s.ok()) {
    PrintError(s.message());
    return kExitUsage;
  }
  if (parser->help_requested()) {
    std::cout << parser->Help();
    return kExitOk;
  }
  const size_t count = parser->positional().size();
  if (positional == kAnyCount ? count == 0 : count != positional) {
    PrintError(positional == kAnyCount ? "no input given (see --help)"
                                       : "expected " + std::to_string(positional) + " argument" +
                                             (positional == 1 ? "" : "s") + " (see --help)");
    return kExitUsage;
  }
  return std::nullopt;
}

Result<unsigned> ReadThreads(const ArgParser& parser) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  auto threads = parser.GetNumber("threads", static_cast<long>(cores), 1, 1024);
  if (!threads.ok()) return threads.status();
  return static_cast<unsigned>(*threads);
}

Result<size_t> ReadMaxEvidence(const ArgParser& parser) {
  auto max = parser.GetNumber("max-evidence", static_cast<long>(kDefaultMaxEvidence), 0, 1L << 40);
  if (!max.ok()) return max.status();
  return *max == 0 ? std::numeric_limits<size_t>::max() : static_cast<size_t>(*max);
}

Result<EntityType> ParseTypeName(const std::string& name) {
  std::string upper = name;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto type = ParseEntityType(upper)) return *type;
  return Status::Error("unknown entity type \"" + name + "\" (PERSON, ORGANIZATION, LOCATION)");
}

Result<std::shared_ptr<const CompiledRules>> LoadRules(const std::vector<std::string>& folders) {
  RulePack pack = DefaultRulePack();
  for (const auto& folder : folders) {
    auto overlay = LoadRulePack(folder);
    if (!overlay.ok()) return overlay.status();
    pack.Overlay(*overlay);
  }
  return CompiledRules::Compile(pack);
}

PredicateTable PredicateTableOf(const RulePack& pack) {
  PredicateTable table;
  for (const Predicate& predicate : pack.predicates) {
    // A pack names each predicate once (overlays replace by name).
    [[maybe_unused]] const Status added = table.Add(predicate);
  }
  return table;
}

Result<PredicateTable> FallbackPredicates(const std::vector<std::string>& rule_folders) {
  RulePack pack = DefaultRulePack();
  for (const auto& folder : rule_folders) {
    auto overlay = LoadRulePack(folder);
    if (!overlay.ok()) return overlay.status();
    pack.Overlay(*overlay);
  }
  return PredicateTableOf(pack);
}

Result<KnowledgeGraph> LoadGraph(const std::string& path,
                                 const std::vector<std::string>& rule_folders) {
  auto fallback = FallbackPredicates(rule_folders);
  if (!fallback.ok()) return fallback.status();
  return ReadGraphFile(path, *fallback);
}

}  // namespace kg
