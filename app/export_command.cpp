// kg export: re-export a saved graph.
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/file_io.h"
#include "export/dot_writer.h"
#include "export/graph_json.h"

namespace kg {

int RunExport(const Args& args) {
  ArgParser parser("kg export GRAPH.json --format dot|json [-o FILE]",
                   "Writes a saved graph in another format (default: standard output).");
  parser.Option("format", 'f', "FORMAT", "dot or json (default: dot)")
      .Option("output", 'o', "FILE", "file to write (default: standard output)")
      .Option("rules", 'r', "DIR", "rule pack that defines symmetric predicates (repeatable)", true);
  if (Status s = parser.Parse(args); !s.ok()) {
    PrintError(s.message());
    return kExitUsage;
  }
  if (parser.help_requested()) {
    std::cout << parser.Help();
    return kExitOk;
  }
  if (parser.positional().size() != 1) {
    PrintError("export: expected one graph file (see kg export --help)");
    return kExitUsage;
  }
  const std::string format = parser.Get("format", "dot");
  if (format != "dot" && format != "json") {
    PrintError("export: unknown format \"" + format + "\" (dot or json)");
    return kExitUsage;
  }
  auto graph = LoadGraph(parser.positional().front());
  if (!graph.ok()) {
    PrintError(graph.status().message());
    return kExitFailure;
  }
  std::string out;
  if (format == "json") {
    out = WriteGraphJson(*graph);
  } else {
    auto rules = LoadRules(parser.GetAll("rules"));
    if (!rules.ok()) {
      PrintError(rules.status().message());
      return kExitFailure;
    }
    DotOptions options;
    for (const auto& predicate : (*rules)->pack().predicates) {
      if (predicate.symmetric) options.symmetric_predicates.insert(predicate.name);
    }
    auto dot = WriteDot(*graph, options);
    if (!dot.ok()) {
      PrintError(dot.status().message());
      return kExitFailure;
    }
    out = std::move(*dot);
  }
  if (Status s = WriteFileAtomically(parser.Get("output", "-"), out); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace kg
