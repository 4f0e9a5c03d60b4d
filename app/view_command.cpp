// kg view: the graph as one self-contained, interactive HTML page.
#include <filesystem>
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/progress.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/html_view.h"
#include "graph/algorithms.h"
#include "graph/topology.h"

namespace kg {

Status WriteView(const KnowledgeGraph& graph, const std::string& title, const std::string& output,
                 bool quiet) {
  // Kinds and symmetry come from the graph's own predicate table.
  DiagramOptions style = DiagramDefaults(graph.predicates());
  style.importance = DegreeCentrality(Topology(graph));
  ProgressLine progress(!quiet);
  const std::string waiting = "laying out " + GroupDigits(graph.node_count()) + " entities for " +
                              std::filesystem::path(output).filename().string();
  auto html = WriteHtmlView(graph, style, title, [&] { progress.Update(waiting); });
  progress.Done();
  if (!html.ok()) return html.status();
  return WriteFileAtomically(output, *html);
}

int RunView(const Args& args) {
  ArgParser parser("kg view GRAPH.json -o graph.html [filters]",
                   "Writes the graph, or the part of it the filters choose, as one self-contained\n"
                   "HTML page that opens offline in any browser: click an entity for its names,\n"
                   "documents and relations, a relation for its evidence sentences; search by any\n"
                   "name; filter by type, predicate, status, weight and document; focus on the\n"
                   "neighbourhood of an entity.");
  parser.Option("output", 'o', "FILE", "the page to write (.html)")
      .Option("title", 0, "TEXT", "the page's title (default: the graph file's name)")
      .Option("rules", 'r', "DIR",
              "rule pack for the predicates of a graph file without its own (repeatable)", true)
      .Flag("quiet", 'q', "print only errors");
  AddFilterOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  if (!parser.Has("output")) {
    PrintError("view: expected -o FILE (see kg view --help)");
    return kExitUsage;
  }
  KnowledgeGraph view;
  if (auto code = LoadView(parser, &view)) return *code;
  const std::string title =
      parser.Get("title", std::filesystem::path(parser.positional().front()).filename().string());
  if (Status s = WriteView(view, title, parser.Get("output"), parser.Has("quiet")); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace kg
