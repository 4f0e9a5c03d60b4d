// kg eval: precision, recall and F1 against gold annotations.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/file_io.h"
#include "eval/scorer.h"
#include "export/graph_json.h"
#include "extract/pipeline.h"
#include "graph/graph_builder.h"
#include "ingest/document_reader.h"

namespace kg {
namespace {

constexpr size_t kMaxFileBytes = size_t{1} << 30;

std::string Cells(const Counts& c) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%5.2f %5.2f %5.2f", c.Precision(), c.Recall(), c.F1());
  return buffer;
}

// One document's graph built in-process from CORPUS/<document>.
Result<KnowledgeGraph> BuildOne(const std::string& path, const Pipeline& pipeline) {
  GraphBuilder builder(pipeline.rules().pack().predicates);
  std::string error;
  DocumentReader reader(
      ReadOptions{},
      [&](Document d) {
        auto analysis = pipeline.Analyze(d);
        if (!analysis.ok()) {
          error = d.path + ": " + analysis.status().message();
        } else if (Status s = builder.Add(d, *analysis); !s.ok()) {
          error = s.message();
        }
      },
      [&](const std::string& e) { error = e; });
  reader.ReadAll({path});
  if (!error.empty()) return Status::Error(error);
  return builder.Finish();
}

}  // namespace

int RunEval(const Args& args) {
  ArgParser parser("kg eval GOLD_DIR (GRAPH_DIR | --build CORPUS_DIR) [--verbose]",
                   "Scores graphs against gold annotations (shared/spec/gold-format.md) with the\n"
                   "rules of shared/eval/score.py. For every GOLD_DIR/<stem>.json the graph is\n"
                   "GRAPH_DIR/<stem>.json, or, with --build, the graph kg builds from the gold\n"
                   "file's \"document\" in CORPUS_DIR. Prints P/R/F1 per document, in total and\n"
                   "per predicate.");
  parser.Option("build", 'b', "CORPUS_DIR", "build each document's graph from this folder")
      .Option("rules", 'r', "DIR", "rule pack laid over the default one, with --build (repeatable)",
              true)
      .Flag("verbose", 'v', "list missed and spurious entities and relations");
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  const bool build = parser.Has("build");
  if (parser.positional().size() != (build ? 1u : 2u)) {
    PrintError("eval: expected GOLD_DIR and GRAPH_DIR, or GOLD_DIR --build CORPUS_DIR");
    return kExitUsage;
  }
  const std::filesystem::path gold_dir = parser.positional()[0];
  std::vector<std::filesystem::path> gold_files;
  std::error_code ec;
  for (const auto& item : std::filesystem::directory_iterator(gold_dir, ec)) {
    if (item.path().extension() == ".json") gold_files.push_back(item.path());
  }
  std::sort(gold_files.begin(), gold_files.end());
  if (ec || gold_files.empty()) {
    PrintError("eval: no gold files in " + gold_dir.string());
    return kExitFailure;
  }
  auto rules = LoadRules(parser.GetAll("rules"));
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFailure;
  }
  const PredicateTable pack_predicates = PredicateTableOf((*rules)->pack());
  const Pipeline pipeline(*rules);

  std::printf("%-28s %21s %21s %21s\n", "document", "entities P/R/F1", "relations P/R/F1",
              "pairs P/R/F1");
  std::printf("%s\n", std::string(94, '-').c_str());
  Counts entities, relations, pairs;
  std::map<std::string, Counts> by_predicate;
  std::vector<std::pair<std::string, DocumentScore>> scores;
  int failures = 0;
  for (const auto& gold_path : gold_files) {
    auto contents = ReadFile(gold_path.string(), kMaxFileBytes);
    if (!contents.ok()) {
      PrintError(contents.status().message());
      ++failures;
      continue;
    }
    auto gold = ReadGold(*contents, gold_path.string());
    if (!gold.ok()) {
      PrintError(gold.status().message());
      ++failures;
      continue;
    }
    const std::string stem = gold_path.stem().string();
    Result<KnowledgeGraph> graph = Status::Error("unset");
    if (build) {
      graph = BuildOne((std::filesystem::path(parser.Get("build")) / gold->document).string(),
                       pipeline);
    } else {
      const auto graph_path = std::filesystem::path(parser.positional()[1]) / (stem + ".json");
      graph = std::filesystem::exists(graph_path)
                  ? LoadGraph(graph_path.string(), parser.GetAll("rules"))
                  : KnowledgeGraph();
    }
    if (!graph.ok()) {
      PrintError(graph.status().message());
      ++failures;
      continue;
    }
    // Symmetric relations are compared either way round, as the graph
    // defines them (a missing graph: as the rule pack does).
    std::set<std::string> symmetric;
    const PredicateTable& predicates =
        graph->predicates().empty() ? pack_predicates : graph->predicates();
    for (const Predicate& p : predicates.entries()) {
      if (p.symmetric) symmetric.insert(p.name);
    }
    DocumentScore score = ScoreDocument(*gold, *graph, symmetric);
    std::printf("%-28s %21s %21s %21s\n", stem.substr(0, 28).c_str(), Cells(score.entities).c_str(),
                Cells(score.relations).c_str(), Cells(score.pairs).c_str());
    entities += score.entities;
    relations += score.relations;
    pairs += score.pairs;
    for (const auto& [predicate, counts] : score.by_predicate) by_predicate[predicate] += counts;
    scores.emplace_back(stem, std::move(score));
  }
  std::printf("%s\n", std::string(94, '-').c_str());
  std::printf("%-28s %21s %21s %21s\n", "ALL (micro)", Cells(entities).c_str(),
              Cells(relations).c_str(), Cells(pairs).c_str());
  std::printf("\n%-28s %21s %8s %8s %8s\n", "predicate", "relations P/R/F1", "found", "correct",
              "gold");
  for (const auto& [predicate, counts] : by_predicate) {
    std::printf("%-28s %21s %8d %8d %8d\n", predicate.c_str(), Cells(counts).c_str(),
                counts.predicted, counts.tp, counts.gold);
  }
  if (parser.Has("verbose")) {
    for (const auto& [stem, score] : scores) {
      std::printf("\n== %s\n", stem.c_str());
      const auto list = [](const char* what, const std::vector<std::string>& items) {
        if (items.empty()) return;
        std::string line = std::string(what) + ": ";
        for (size_t i = 0; i < items.size(); ++i) line += (i ? "; " : "") + items[i];
        std::printf("%s\n", line.c_str());
      };
      list("missed entities", score.missed_entities);
      list("spurious nodes", score.spurious_nodes);
      list("split nodes", score.split_nodes);
      for (const auto& item : score.missed_relations) std::printf("missed   %s\n", item.c_str());
      for (const auto& item : score.false_relations) std::printf("false    %s\n", item.c_str());
    }
  }
  return failures > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace kg
