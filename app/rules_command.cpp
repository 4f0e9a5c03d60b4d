// kg rules: check and export rule packs.
#include <filesystem>
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/file_io.h"
#include "extract/compiled_rules.h"
#include "extract/rule_pack.h"

namespace kg {
namespace {

int Check(const std::vector<std::string>& folders) {
  int failures = 0;
  for (const auto& folder : folders) {
    auto pack = LoadRulePack(folder);
    if (!pack.ok()) {
      std::cerr << pack.status().message() << "\n";
      ++failures;
      continue;
    }
    // A user pack builds on the default one: check the two together. Each
    // problem names its own pack: a line of the default pack that the
    // user's pack broke is reported there, not under the user's folder.
    RulePack combined = DefaultRulePack();
    combined.Overlay(*pack);
    const auto problems = CheckRulePack(combined);
    for (const auto& problem : problems) std::cerr << problem << "\n";
    if (!problems.empty()) {
      ++failures;
      continue;
    }
    if (auto compiled = CompiledRules::Compile(combined); !compiled.ok()) {
      std::cerr << compiled.status().message() << "\n";
      ++failures;
      continue;
    }
    std::cout << folder << ": ok (" << pack->entities.size() << " entities, " << pack->titles.size()
              << " titles, " << pack->predicates.size() << " predicates, " << pack->frames.size()
              << " frames, " << pack->patterns.size() << " patterns, " << pack->cues.size()
              << " cues)\n";
  }
  return failures == 0 ? kExitOk : kExitFailure;
}

}  // namespace

int RunRules(const Args& args) {
  ArgParser parser("kg rules check PACK... | kg rules show",
                   "check: validates rule pack folders (laid over the default pack) and reports\n"
                   "       every problem as file:line: message; exit 3 if any.\n"
                   "show:  lists the default pack's predicates and how many rules it holds.\n"
                   "The format is documented in docs/rule-packs.md.");
  if (Status s = parser.Parse(args); !s.ok()) {
    PrintError(s.message());
    return kExitUsage;
  }
  if (parser.help_requested() || parser.positional().empty()) {
    std::cout << parser.Help();
    return parser.help_requested() ? kExitOk : kExitUsage;
  }
  const std::string action = parser.positional().front();
  const std::vector<std::string> rest(parser.positional().begin() + 1, parser.positional().end());
  if (action == "check") {
    if (rest.empty()) {
      PrintError("rules check: name at least one rule pack folder");
      return kExitUsage;
    }
    return Check(rest);
  }
  if (action == "show") {
    const RulePack pack = DefaultRulePack();
    std::cout << "default pack: " << pack.entities.size() << " entities, " << pack.demonyms.size()
              << " demonyms, " << pack.titles.size() << " titles, " << pack.frames.size()
              << " frames, " << pack.patterns.size() << " patterns, " << pack.cues.size()
              << " cues\npredicates:\n";
    for (const auto& predicate : pack.predicates) {
      std::cout << "  " << predicate.name << (predicate.symmetric ? " (symmetric)" : "") << "  "
                << predicate.subject_types.ToString() << " -> " << predicate.object_types.ToString()
                << "  " << predicate.description << "\n";
    }
    return kExitOk;
  }
  PrintError("rules: unknown action \"" + action + "\" (check or show)");
  return kExitUsage;
}

}  // namespace kg
