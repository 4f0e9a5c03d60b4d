// kg build: news text in, knowledge graph out.
#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "export/diagram.h"
#include "export/graph_json.h"
#include "extract/pipeline.h"
#include "graph/algorithms.h"
#include "graph/graph_builder.h"
#include "ingest/document_reader.h"

namespace kg {
namespace {

// Documents are extracted in batches on worker threads and merged in input
// order, so the output is the same for any thread count and memory stays
// bounded by two batches. While the workers extract one batch, the main
// thread reads the next and merges the one before: reading, extracting
// and merging overlap.
class BatchBuilder {
 public:
  BatchBuilder(const Pipeline& pipeline, GraphBuilder* builder, unsigned threads,
               size_t batch_bytes)
      : pipeline_(pipeline), builder_(builder), threads_(threads), batch_bytes_(batch_bytes) {}
  ~BatchBuilder() { Wait(); }

  void Add(Document document) {
    bytes_ += document.text.size();
    batch_.push_back(std::move(document));
    if (bytes_ >= batch_bytes_ || batch_.size() >= 4096) Launch();
  }

  // Extracts and merges everything added so far.
  void Finish() {
    if (!batch_.empty()) Launch();
    Wait();
  }

 private:
  // Hands the filling batch to the workers, then merges the batch they
  // just finished while they work on the new one.
  void Launch() {
    Join();
    std::vector<Document> done = std::move(in_flight_);
    std::vector<DocumentAnalysis> done_results = std::move(results_);
    in_flight_ = std::move(batch_);
    batch_.clear();
    bytes_ = 0;
    results_.assign(in_flight_.size(), DocumentAnalysis{});
    next_ = 0;
    const unsigned count = std::min<unsigned>(threads_, static_cast<unsigned>(in_flight_.size()));
    for (unsigned t = 0; t < count; ++t) {
      workers_.emplace_back([this] {
        for (size_t i; (i = next_.fetch_add(1)) < in_flight_.size();)
          results_[i] = pipeline_.Analyze(in_flight_[i]);
      });
    }
    Merge(done, done_results);
  }

  // Waits for the batch in flight and merges it.
  void Wait() {
    Join();
    Merge(in_flight_, results_);
    in_flight_.clear();
    results_.clear();
  }

  void Join() {
    for (auto& worker : workers_) worker.join();
    workers_.clear();
  }

  // Merging happens on the calling thread only, in input order.
  void Merge(const std::vector<Document>& documents, const std::vector<DocumentAnalysis>& results) {
    for (size_t i = 0; i < documents.size(); ++i) builder_->Add(documents[i], results[i]);
  }

  const Pipeline& pipeline_;
  GraphBuilder* builder_;
  unsigned threads_;
  size_t batch_bytes_;
  std::vector<Document> batch_;
  size_t bytes_ = 0;
  std::vector<Document> in_flight_;
  std::vector<DocumentAnalysis> results_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> workers_;
};

}  // namespace

int RunBuild(const Args& args) {
  ArgParser parser(
      "kg build INPUT... [-o graph.json] [--dot graph.dot] [options]",
      "Extracts people, organizations, places and their relations from news articles\n"
      "and merges them into one knowledge graph, written as JSON (and DOT).\n"
      "INPUT is a text file (one article), a .jsonl file ({\"id\",\"title\",\"text\"} per\n"
      "line), a folder (searched for .txt/.text/.jsonl) or - for standard input.\n"
      "Bad inputs are reported and skipped; the exit status is then 1.");
  parser.Option("output", 'o', "FILE", "graph JSON to write (default: standard output)")
      .Option("dot", 0, "FILE", "also write the graph as Graphviz DOT")
      .Option("rules", 'r', "DIR", "rule pack laid over the default one (repeatable)", true)
      .Option("threads", 'j', "N", "extraction threads (default: all cores)")
      .Option("max-evidence", 0, "N", "evidence sentences kept per edge (default: all)")
      .Flag("quiet", 'q', "print only errors");
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  auto threads = parser.GetNumber("threads", static_cast<long>(cores), 1, 1024);
  auto max_evidence = parser.GetNumber("max-evidence", 0, 0, 1L << 40);
  if (!threads.ok() || !max_evidence.ok()) {
    PrintError(!threads.ok() ? threads.status().message() : max_evidence.status().message());
    return kExitUsage;
  }
  auto rules = LoadRules(parser.GetAll("rules"));
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFailure;
  }
  const Pipeline pipeline(*rules);
  GraphBuilder builder((*rules)->pack().predicates, *max_evidence > 0
                                                        ? static_cast<size_t>(*max_evidence)
                                                        : std::numeric_limits<size_t>::max());
  BatchBuilder batches(pipeline, &builder, static_cast<unsigned>(*threads), size_t{4} << 20);
  DocumentReader reader(
      ReadOptions{}, [&](Document document) { batches.Add(std::move(document)); },
      [](const std::string& error) { PrintError(error); });
  const size_t problems = reader.ReadAll(parser.positional());
  batches.Finish();
  const size_t documents = builder.document_count();
  if (documents == 0) {
    PrintError("build: no readable documents; nothing written");
    return kExitFailure;
  }
  KnowledgeGraph graph = builder.Finish();

  const std::string output = parser.Get("output", "-");
  if (Status s = WriteFileAtomically(output, WriteGraphJson(graph)); !s.ok()) {
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
  if (!parser.Has("quiet")) {
    std::cerr << "kg: " << documents << " document" << (documents == 1 ? "" : "s") << ", "
              << graph.node_count() << " entities, " << graph.edge_count() << " relations";
    if (output != "-") std::cerr << " -> " << output;
    if (parser.Has("dot")) std::cerr << ", " << parser.Get("dot");
    if (problems > 0)
      std::cerr << " (" << problems << " input problem" << (problems == 1 ? "" : "s") << ")";
    std::cerr << "\n";
  }
  return problems > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace kg
