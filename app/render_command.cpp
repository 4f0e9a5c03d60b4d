// kg render: a relationship diagram, laid out and drawn by Graphviz.
#include <filesystem>
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/progress.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/diagram.h"

namespace kg {

int RunRender(const Args& args) {
  ArgParser parser(
      "kg render GRAPH.json -o diagram.svg|.png|.pdf [--layout ENGINE] [filters] [style]",
      "Draws the graph, or the part of it the filters choose, with Graphviz: node shape\n"
      "and colour by type, size by importance, edge colour by kind of relation, negated\n"
      "relations dashed, hypothetical ones dotted. Large graphs are fitted to a readable\n"
      "size: the most central entities, merged parallel relations, straight edges, and a\n"
      "note of what was left out. The same graph always gives the same file.\n"
      "The format follows the output file's extension, or --format.");
  parser.Option("output", 'o', "FILE", "the image to write (.svg, .png or .pdf)")
      .Option("format", 'f', "FORMAT", "svg, png or pdf (default: from the file name)")
      .Option("rules", 'r', "DIR",
              "predicates for a graph file that does not list its own (repeatable)", true)
      .Flag("quiet", 'q', "print only errors");
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
  auto filter = ReadFilterOptions(parser);
  if (!filter.ok()) {
    PrintError(filter.status().message());
    return kExitUsage;
  }
  KnowledgeGraph view;
  size_t total = 0;
  if (auto code = LoadView(parser, &view, &total, true)) return *code;
  if (view.node_count() == 0) {
    PrintError("render: nothing to draw: the filters leave no entities");
    return kExitUsage;
  }
  const FittedDiagram fitted = FitDiagramToSize(&view, total, ReadDiagramFit(parser, *filter));
  auto diagram = ReadDiagramOptions(parser, view);
  if (!diagram.ok()) {
    PrintError(diagram.status().message());
    return kExitUsage;
  }
  fitted.ApplyTo(&*diagram);
  const bool quiet = parser.Has("quiet");
  if (!fitted.note.empty() && !quiet) std::cerr << "kg: " << fitted.note << "\n";
  ProgressLine progress(!quiet);
  const std::string waiting = "laying out " + GroupDigits(view.node_count()) + " entities and " +
                              GroupDigits(view.edge_count()) + " relations with " +
                              ChooseLayout(view, *diagram);
  auto image = RenderDiagram(view, *diagram, format, [&] { progress.Update(waiting); });
  progress.Done();
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
