// kg merge: graph fragments and graph files in, one graph out (the reduce
// step of a distributed build).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/graph_files.h"
#include "app/progress.h"
#include "app/throughput.h"
#include "core/file_io.h"
#include "export/fragment_json.h"
#include "export/graph_json.h"
#include "graph/graph_builder.h"

namespace kg {
namespace {

// The files an input names: itself, or for a folder the files in it
// (not recursive) in name order, leaving out hidden files and markers
// such as Hadoop's _SUCCESS.
std::vector<std::string> SourcesOf(const std::string& input) {
  std::error_code ec;
  if (input == "-" || !std::filesystem::is_directory(input, ec)) return {input};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(input, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && !name.starts_with('.') && !name.starts_with('_'))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class Merger {
 public:
  Merger(GraphBuilder* builder, std::vector<std::string> rule_folders, bool progress,
         std::optional<uint64_t> total)
      : builder_(builder),
        rule_folders_(std::move(rule_folders)),
        progress_(progress),
        total_(total) {}

  // Reads one input; false when merging cannot go on (already reported).
  bool Read(const std::string& source) {
    std::ifstream file;
    if (source != "-") {
      std::error_code ec;
      if (!std::filesystem::exists(source, ec)) {
        Problem(source + ": no such file or folder");
        return true;
      }
      file.open(source, std::ios::binary);
      if (!file) {
        Problem(source + ": cannot open");
        return true;
      }
    }
    std::istream& in = source == "-" ? std::cin : file;
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      bytes_ += line.size() + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (!line.starts_with(kFragmentPrefix)) {
        if (number == 1) return ReadGraph(source, line, in);
        Problem(source + ":" + std::to_string(number) + ": not a kg fragment line");
        continue;
      }
      if (!AddFragment(source + ":" + std::to_string(number), line)) return false;
    }
    if (in.bad()) Problem(source + ": read error");
    return true;
  }

  void Done() { progress_.Done(); }
  size_t problems() const { return problems_; }
  size_t fragments() const { return fragments_; }
  uint64_t bytes() const { return bytes_; }
  double seconds() const { return clock_.Seconds(); }

 private:
  void Problem(const std::string& message) {
    PrintError(message);
    ++problems_;
  }

  bool AddFragment(const std::string& origin, const std::string& line) {
    auto fragment = ReadFragmentJson(line, origin);
    if (!fragment.ok()) {
      Problem(fragment.status().message());
      return true;
    }
    return Add(std::move(*fragment), origin);
  }

  // A graph file: its first line was read already.
  bool ReadGraph(const std::string& source, const std::string& first, std::istream& in) {
    std::string json = first + "\n";
    json.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes_ += json.size() - first.size() - 1;
    auto graph = ReadGraphJson(std::move(json), source, FallbackPredicates());
    if (!graph.ok()) {
      PrintError(graph.status().message());
      return false;
    }
    return Add(FragmentOfGraph(*graph), source);
  }

  // A fragment that conflicts with others cannot be skipped: which one
  // would be depends on the order of the inputs.
  bool Add(Fragment fragment, const std::string& origin) {
    bool conflict = false;
    auto added = builder_->Add(std::move(fragment), origin, &conflict);
    if (!added.ok()) {
      PrintError(added.status().message());
      if (conflict) return false;
      ++problems_;
      return true;
    }
    ++fragments_;
    progress_.Update(ProgressText(fragments_, "fragment", bytes_, clock_.Seconds(), total_));
    return true;
  }

  PredicateTable FallbackPredicates() {
    RulePack pack = DefaultRulePack();
    for (const auto& folder : rule_folders_) {
      auto overlay = LoadRulePack(folder);
      if (overlay.ok()) pack.Overlay(*overlay);
    }
    return PredicateTableOf(pack);
  }

  GraphBuilder* builder_;
  std::vector<std::string> rule_folders_;
  ProgressLine progress_;
  std::optional<uint64_t> total_;
  const Stopwatch clock_;
  size_t problems_ = 0;
  size_t fragments_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace

int RunMerge(const Args& args) {
  ArgParser parser(
      "kg merge INPUT... [-o graph.json] [--partial] [options]",
      "Merges graph fragments (kg extract, kg merge --partial) and graph files into one\n"
      "graph. The result is the same for any order and grouping of the inputs, and the\n"
      "same as kg build of the articles: `kg extract a.jsonl | sort | kg merge` writes\n"
      "what `kg build a.jsonl` does. Nodes of a graph file keep their ids, so\n"
      "`kg merge graph.json new.jsonl -o graph.json` grows a graph (atomically: a\n"
      "failed merge leaves the old file). Articles merged before are skipped.\n"
      "INPUT is a fragment file (JSON Lines), a graph file, a folder of them or -.");
  parser.Option("output", 'o', "FILE", "graph to write (default: standard output)")
      .Flag("partial", 0, "write the merged fragments as one fragment line, for merging again")
      .Option("max-evidence", 0, "N",
              "evidence sentences kept per relation (default: " +
                  std::to_string(kDefaultMaxEvidence) + "; 0: all)")
      .Option("rules", 'r', "DIR",
              "predicates for a graph file that does not list its own (repeatable)", true)
      .Option("threads", 'j', "N",
              "threads that finish and write the graph; inputs are read on one "
              "(default: all cores)")
      .Flag("quiet", 'q', "print only errors");
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  const auto max_evidence = ReadMaxEvidence(parser);
  const auto threads = ReadThreads(parser);
  if (!max_evidence.ok() || !threads.ok()) {
    PrintError(!max_evidence.ok() ? max_evidence.status().message() : threads.status().message());
    return kExitUsage;
  }
  for (const auto& folder : parser.GetAll("rules")) {
    if (auto pack = LoadRulePack(folder); !pack.ok()) {
      PrintError(pack.status().message());
      return kExitFailure;
    }
  }
  std::vector<std::string> sources;
  for (const auto& input : parser.positional()) {
    const auto files = SourcesOf(input);
    sources.insert(sources.end(), files.begin(), files.end());
  }
  const bool quiet = parser.Has("quiet");
  GraphBuilder builder({}, *max_evidence);
  Merger merger(&builder, parser.GetAll("rules"), !quiet,
                quiet ? std::nullopt : InputBytes(sources));
  for (const auto& source : sources) {
    if (!merger.Read(source)) {
      merger.Done();
      PrintError("merge: stopped; nothing written");
      return kExitFailure;
    }
  }
  merger.Done();
  const size_t documents = builder.document_count();
  if (merger.fragments() == 0) {
    PrintError("merge: nothing to merge; nothing written");
    return kExitFailure;
  }
  const std::string output = parser.Get("output", "-");
  std::string summary;
  Status written;
  if (parser.Has("partial")) {
    written = WriteFileAtomically(output, WriteFragmentJson(builder.Partial()) + "\n");
    summary = "one fragment";
  } else {
    const KnowledgeGraph graph = builder.Finish(*threads);
    written = WriteGraphJsonFile(graph, output, *threads);
    summary = GroupDigits(graph.node_count()) + " entities, " + GroupDigits(graph.edge_count()) +
              " relations";
  }
  if (!written.ok()) {
    PrintError(written.message());
    return kExitFailure;
  }
  if (!quiet) {
    std::cerr << "kg: " << GroupDigits(documents) << " document" << (documents == 1 ? "" : "s")
              << " from " << GroupDigits(merger.fragments()) << " fragment"
              << (merger.fragments() == 1 ? "" : "s") << " ("
              << RateText(merger.bytes(), merger.seconds()) << "): " << summary;
    if (output != "-") std::cerr << " -> " << output;
    if (merger.problems() > 0) {
      std::cerr << " (" << merger.problems() << " input problem"
                << (merger.problems() == 1 ? "" : "s") << ")";
    }
    std::cerr << "\n";
  }
  return merger.problems() > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace kg
