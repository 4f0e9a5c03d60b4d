// kg export: a saved graph, or a filtered view of it, in another format.
#include <filesystem>
#include <iostream>
#include <set>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/graph_files.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/cytoscape_json.h"
#include "export/diagram.h"
#include "export/graph_xml.h"
#include "export/table_export.h"

namespace kg {
namespace {

// Writes each file into `folder`, made if missing; each file atomically.
Status WriteTables(const std::string& folder, const std::vector<TableFile>& files) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Status::Error(folder + ": cannot make the folder: " + ec.message());
  for (const TableFile& file : files) {
    if (Status s = WriteFileAtomically((std::filesystem::path(folder) / file.name).string(),
                                       file.contents);
        !s.ok())
      return s;
  }
  return Status::Ok();
}

}  // namespace

int RunExport(const Args& args) {
  ArgParser parser(
      "kg export GRAPH.json --format FORMAT [-o FILE|DIR] [filters]",
      "Writes a saved graph, or the part of it the filters choose, as DOT, graph JSON,\n"
      "GraphML (Gephi, yEd, igraph, NetworkX), GEXF (Gephi, styled as kg render draws),\n"
      "Cytoscape JSON (Cytoscape, Cytoscape.js), CSV tables (-o DIR: nodes.csv and\n"
      "edges.csv) or Neo4j import files (-o DIR: CSV for neo4j-admin database import\n"
      "and load.cypher for LOAD CSV). Default: DOT on standard output. DOT is fitted to\n"
      "size like kg render (see --all) and names no layout engine.");
  parser
      .Option("format", 'f', "FORMAT",
              "dot (default), json, graphml, gexf, cytoscape, csv or neo4j")
      .Option("output", 'o', "FILE", "file, or folder for csv and neo4j (default: standard output)")
      .Option("rules", 'r', "DIR",
              "predicates for a graph file that does not list its own (repeatable)", true);
  AddFilterOptions(&parser);
  AddDiagramOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  const std::string format = parser.Get("format", "dot");
  const std::set<std::string> formats = {"dot",       "json", "graphml", "gexf",
                                         "cytoscape", "csv",  "neo4j"};
  if (!formats.contains(format)) {
    PrintError("export: unknown format \"" + format +
               "\" (dot, json, graphml, gexf, cytoscape, csv or neo4j)");
    return kExitUsage;
  }
  const bool tables = format == "csv" || format == "neo4j";
  if (tables && !parser.Has("output")) {
    PrintError("export: --format " + format + " writes several files: give a folder with -o DIR");
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
  if (tables) {
    const std::string folder = parser.Get("output");
    if (Status s =
            WriteTables(folder, format == "csv" ? WriteCsvTables(*view) : WriteNeo4jImport(*view));
        !s.ok()) {
      PrintError(s.message());
      return kExitFailure;
    }
    return kExitOk;
  }
  if (format == "json") {
    if (Status s = WriteGraphJsonFile(*view, parser.Get("output", "-")); !s.ok()) {
      PrintError(s.message());
      return kExitFailure;
    }
    return kExitOk;
  }
  std::string out;
  if (format == "graphml") {
    out = WriteGraphMl(*view);
  } else if (format == "cytoscape") {
    out = WriteCytoscapeJson(*view);
  } else if (format == "gexf") {
    // Sizes as kg render's --size-by gives them.
    auto diagram = ReadDiagramOptions(parser, *view);
    if (!diagram.ok()) {
      PrintError(diagram.status().message());
      return kExitUsage;
    }
    out = WriteGexf(*view, diagram->importance);
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
