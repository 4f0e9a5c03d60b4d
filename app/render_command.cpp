// kg render: a relationship diagram, laid out and drawn in-process.
#include <filesystem>
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/diagram.h"
#include "graph/subgraph.h"

namespace kg {

int RunRender(const Args& args) {
  ArgParser parser(
      "kg render GRAPH.json -o diagram.svg|.png|.pdf [--layout ENGINE] [filters] [style]",
      "Draws the graph, or the part of it the filters choose, with Graphviz (in-process,\n"
      "no external dot): node shape and colour by type, size by importance, edge colour\n"
      "by kind of relation, negated relations dashed, hypothetical ones dotted.\n"
      "The format follows the output file's extension, or --format.");
  parser.Option("output", 'o', "FILE", "the image to write (.svg, .png or .pdf)")
      .Option("format", 'f', "FORMAT", "svg, png or pdf (default: from the file name)")
      .Option("rules", 'r', "DIR", "rule pack that defines the predicates (repeatable)", true)
      .Flag("isolated", 0, "also draw entities that have no relation in the view");
  AddFilterOptions(&parser);
  AddDiagramOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  if (!parser.Has("output")) {
    PrintError("render: expected -o FILE (see kg render --help)");
    return kExitUsage;
  }
  const std::string output = parser.Get("output");
  std::string format = parser.Get("format");
  if (format.empty()) {
    format = std::filesystem::path(output).extension().string();
    if (!format.empty()) format.erase(0, 1);
  }
  if (format != "svg" && format != "png" && format != "pdf") {
    PrintError("render: cannot tell the image format of \"" + output +
               "\"; use .svg, .png, .pdf or --format");
    return kExitUsage;
  }
  std::shared_ptr<const CompiledRules> rules;
  KnowledgeGraph graph;
  if (auto code = LoadView(parser, &rules, &graph)) return *code;
  KnowledgeGraph* view = &graph;
  // Entities without any relation are a diagram's clutter: left out unless
  // asked for (or unless nothing else is left).
  if (!parser.Has("isolated") && view->edge_count() > 0) {
    std::vector<size_t> edges(view->edge_count());
    for (size_t e = 0; e < edges.size(); ++e) edges[e] = e;
    *view = Subgraph(*view, {}, edges);
  }
  if (view->node_count() == 0) {
    PrintError("render: nothing to draw: the filters leave no entities");
    return kExitUsage;
  }
  auto diagram = ReadDiagramOptions(parser, rules->pack(), *view);
  if (!diagram.ok()) {
    PrintError(diagram.status().message());
    return kExitUsage;
  }
  auto image = RenderDiagram(*view, *diagram, format);
  if (!image.ok()) {
    PrintError(image.status().message());
    return kExitUsage;
  }
  if (Status s = WriteFileAtomically(output, *image); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace kg
