// kg export: a saved graph, or a filtered view of it, in another format.
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/diagram.h"
#include "export/graph_json.h"
#include "export/graph_xml.h"

namespace kg {

int RunExport(const Args& args) {
  ArgParser parser(
      "kg export GRAPH.json --format dot|json|graphml|gexf [-o FILE] [filters]",
      "Writes a saved graph, or the part of it the filters choose, as DOT, graph JSON,\n"
      "GraphML (Gephi, yEd, NetworkX) or GEXF (Gephi). Default: DOT on standard output.\n"
      "DOT is fitted to size like kg render (see --all) and names no layout engine.");
  parser.Option("format", 'f', "FORMAT", "dot (default), json, graphml or gexf")
      .Option("output", 'o', "FILE", "file to write (default: standard output)")
      .Option("rules", 'r', "DIR",
              "predicates for a graph file that does not list its own (repeatable)", true);
  AddFilterOptions(&parser);
  AddDiagramOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  const std::string format = parser.Get("format", "dot");
  if (format != "dot" && format != "json" && format != "graphml" && format != "gexf") {
    PrintError("export: unknown format \"" + format + "\" (dot, json, graphml or gexf)");
    return kExitUsage;
  }
  auto filter = ReadFilterOptions(parser);
  if (!filter.ok()) {
    PrintError(filter.status().message());
    return kExitUsage;
  }
  KnowledgeGraph graph;
  size_t total = 0;
  // DOT is a diagram: fitted to size like `kg render`; the data formats
  // keep everything the filters chose.
  const bool as_diagram = format == "dot";
  if (auto code = LoadView(parser, &graph, &total, as_diagram)) return *code;
  KnowledgeGraph* view = &graph;
  FittedDiagram fitted;
  if (as_diagram) fitted = FitDiagramToSize(view, total, ReadDiagramFit(parser, *filter));
  std::string out;
  if (format == "json") {
    out = WriteGraphJson(*view);
  } else if (format == "graphml") {
    out = WriteGraphMl(*view);
  } else if (format == "gexf") {
    out = WriteGexf(*view);
  } else {
    auto diagram = ReadDiagramOptions(parser, *view);
    if (!diagram.ok()) {
      PrintError(diagram.status().message());
      return kExitUsage;
    }
    fitted.ApplyTo(&*diagram);
    if (!fitted.note.empty()) std::cerr << "kg: " << fitted.note << "\n";
    auto dot = WriteDot(*view, *diagram);
    if (!dot.ok()) {
      PrintError(dot.status().message());
      return kExitUsage;
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
