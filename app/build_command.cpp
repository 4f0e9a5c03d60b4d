// kg build: news text in, knowledge graph out.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/extraction.h"
#include "app/graph_files.h"
#include "app/progress.h"
#include "app/throughput.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/diagram.h"
#include "export/graph_json.h"
#include "extract/pipeline.h"
#include "graph/algorithms.h"
#include "graph/graph_builder.h"

namespace kg {

int RunBuild(const Args& args) {
  ArgParser parser(
      "kg build INPUT... [-o graph.json] [--dot graph.dot] [options]",
      "Extracts people, organizations, places and their relations from news articles\n"
      "and merges them into one knowledge graph, written as JSON (and DOT).\n"
      "INPUT is a text file (one article), a .jsonl file ({\"id\",\"title\",\"text\"} per\n"
      "line), a folder (searched for .txt/.text/.jsonl) or - for standard input.\n"
      "Bad inputs are reported and skipped; the exit status is then 1 (with --strict,\n"
      "the first problem stops the build and nothing is written: exit 3).");
  parser
      .Option("output", 'o', "FILE",
              "graph to write: JSON, or binary for FILE.kgb (default: stdout)")
      .Option("dot", 0, "FILE", "also write the graph as Graphviz DOT")
      .Option("html", 0, "FILE", "also write the interactive HTML view (as kg view does)")
      .Option("rules", 'r', "DIR", "rule pack laid over the default one (repeatable)", true)
      .Option("threads", 'j', "N",
              "threads, the one reading and merging included (default: all cores)")
      .Option("max-evidence", 0, "N",
              "evidence sentences kept per relation (default: " +
                  std::to_string(kDefaultMaxEvidence) + "; 0: all)")
      .Flag("strict", 0, "stop at the first bad input; write nothing")
      .Flag("quiet", 'q', "print only errors");
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  const auto threads = ReadThreads(parser);
  const auto max_evidence = ReadMaxEvidence(parser);
  if (!threads.ok() || !max_evidence.ok()) {
    PrintError(!threads.ok() ? threads.status().message() : max_evidence.status().message());
    return kExitUsage;
  }
  // The models are built beside the rule pack; the pipeline waits for them.
  std::jthread models(&Pipeline::LoadModels);
  auto rules = LoadRules(parser.GetAll("rules"));
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFailure;
  }
  const Pipeline pipeline(*rules);
  // Extract and merge in one process: the same bytes as kg extract, then
  // kg merge.
  GraphBuilder builder((*rules)->pack().predicates, *max_evidence);
  ExtractionOptions options;
  options.threads = *threads;
  options.progress = !parser.Has("quiet");
  options.strict = parser.Has("strict");
  size_t problems = 0;
  const ExtractionSummary summary = RunExtraction(
      parser.positional(), pipeline, options, [&](const Document& document, Fragment&& fragment) {
        if (Status s = builder.Add(document, std::move(fragment)); !s.ok()) {
          PrintError(s.message());
          ++problems;
        }
      });
  problems += summary.problems;
  if (options.strict && problems > 0) {
    PrintError("build: stopped at the first problem (--strict); nothing written");
    return kExitFailure;
  }
  const size_t documents = builder.document_count();
  if (documents == 0) {
    PrintError("build: no readable documents; nothing written");
    return kExitFailure;
  }
  KnowledgeGraph graph = builder.Finish(*threads);

  const std::string output = parser.Get("output", "-");
  // The extraction threads are idle by now: they write the JSON.
  if (Status s = WriteGraphFile(graph, output, *threads); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  if (parser.Has("dot")) {
    // The same view `kg export --format dot` writes by default.
    GraphFilter linked;
    linked.linked_only = true;
    auto view = ApplyFilter(graph, linked, {});
    if (!view.ok()) {
      PrintError(view.status().message());
      return kExitFailure;
    }
    const FittedDiagram fitted = FitDiagramToSize(&*view, graph.node_count(), DiagramFit{});
    DiagramOptions diagram = DiagramDefaults(graph.predicates());
    diagram.importance = DegreeCentrality(Topology(*view));
    fitted.ApplyTo(&diagram);
    if (!fitted.note.empty() && !parser.Has("quiet"))
      std::cerr << "kg: --dot: " << fitted.note << "\n";
    auto dot = WriteDot(*view, diagram);
    if (!dot.ok()) {
      PrintError(dot.status().message());
      return kExitFailure;
    }
    if (Status s = WriteFileAtomically(parser.Get("dot"), *dot); !s.ok()) {
      PrintError(s.message());
      return kExitFailure;
    }
  }
  if (parser.Has("html")) {
    const std::string title =
        output == "-" ? "kg graph" : std::filesystem::path(output).filename().string();
    if (Status s = WriteView(graph, title, parser.Get("html"), parser.Has("quiet")); !s.ok()) {
      PrintError(s.message());
      return kExitFailure;
    }
  }
  if (!parser.Has("quiet")) {
    std::cerr << "kg: " << GroupDigits(documents) << " document" << (documents == 1 ? "" : "s")
              << " (" << RateText(summary.bytes, summary.seconds) << "), "
              << GroupDigits(graph.node_count()) << " entities, " << GroupDigits(graph.edge_count())
              << " relations";
    if (output != "-") std::cerr << " -> " << output;
    if (parser.Has("dot")) std::cerr << ", " << parser.Get("dot");
    if (parser.Has("html")) std::cerr << ", " << parser.Get("html");
    if (problems > 0)
      std::cerr << " (" << problems << " input problem" << (problems == 1 ? "" : "s") << ")";
    std::cerr << "\n";
  }
  return problems > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace kg
