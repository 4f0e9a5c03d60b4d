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
#include "core/concurrently.h"
#include "core/file_io.h"
#include "export/fragment_json.h"
#include "export/graph_json.h"
#include "graph/graph_builder.h"
#include "ingest/line_reader.h"

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

// Reads inputs into a GraphBuilder. Fragment lines are parsed in batches
// on a second thread while the batch before is added on this one (adding
// is the same in any order, but problems are reported in input order).
class Merger {
 public:
  Merger(GraphBuilder* builder, std::vector<std::string> rule_folders, bool progress,
         std::optional<uint64_t> total, unsigned threads)
      : builder_(builder),
        rule_folders_(std::move(rule_folders)),
        progress_(progress),
        total_(total),
        threads_(threads) {}

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
    // Read in chunks, not with std::getline: once the process has a second
    // thread, std::cin locks for every character.
    LineReader lines(source == "-" ? std::cin : file, kMaxLineBytes);
    std::vector<Line> filling;  // read, not parsed yet
    std::vector<Line> parsed;   // parsed, not added yet
    size_t filling_bytes = 0;
    std::string text;
    size_t length = 0;
    bool too_long = false;
    size_t number = 0;
    while (lines.Next(&text, &length, &too_long)) {
      ++number;
      bytes_ += length + 1;
      if (!too_long && text.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (number == 1 && !too_long && !text.starts_with(kFragmentPrefix))
        return ReadGraph(source, text, &lines);
      Line line{source + ":" + std::to_string(number), std::move(text), std::nullopt, {}};
      if (too_long) {
        line.problem = "line too long (" + std::to_string(length) + " bytes, limit " +
                       std::to_string(kMaxLineBytes) + ")";
      } else if (!line.text.starts_with(kFragmentPrefix)) {
        line.problem = "not a kg fragment line";
      }
      filling_bytes += line.text.size();
      filling.push_back(std::move(line));
      if (filling_bytes < kBatchBytes && filling.size() < kBatchLines) continue;
      if (!ParseBesideAdding(&filling, &parsed)) return false;
      std::swap(filling, parsed);  // `parsed` was emptied as it was added
      filling_bytes = 0;
    }
    if (!ParseBesideAdding(&filling, &parsed) || !AddAll(&filling)) return false;
    if (lines.failed()) Problem(source + ": read error");
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

  // A line of a fragment file: its origin ("file:line"), its text and,
  // once parsed, its fragment or what is wrong with it; or a problem found
  // on reading it.
  struct Line {
    std::string origin;
    std::string text;
    std::optional<Result<Fragment>> fragment;
    std::string problem;
  };
  // As long as a graph file may be: a graph written on one line is one.
  static constexpr size_t kMaxLineBytes = size_t{16} << 30;
  // Lines parsed together: enough that handing them over costs little,
  // few enough that two batches hold little memory.
  static constexpr size_t kBatchLines = 1024;
  static constexpr size_t kBatchBytes = size_t{8} << 20;

  static void ParseAll(std::vector<Line>* lines) {
    for (Line& line : *lines) {
      if (line.problem.empty()) line.fragment = ReadFragmentJson(line.text, line.origin);
      line.text = std::string();  // parsed: its memory can go
    }
  }

  // Parses `to_parse` beside adding `to_add` (parsed before); false when
  // merging cannot go on.
  bool ParseBesideAdding(std::vector<Line>* to_parse, std::vector<Line>* to_add) {
    bool go_on = true;
    RunConcurrently(
        threads_ > 1, [to_parse] { ParseAll(to_parse); }, [&] { go_on = AddAll(to_add); });
    to_add->clear();
    return go_on;
  }

  bool AddAll(std::vector<Line>* lines) {
    for (Line& line : *lines) {
      if (!line.problem.empty()) {
        Problem(line.origin + ": " + line.problem);
      } else if (!line.fragment->ok()) {
        Problem(line.fragment->status().message());
      } else if (!Add(std::move(**line.fragment), line.origin)) {
        return false;
      }
    }
    return true;
  }

  // A graph file: its first line was read already.
  bool ReadGraph(const std::string& source, const std::string& first, LineReader* lines) {
    std::string json = first + "\n";
    lines->ReadRest(&json);
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
  unsigned threads_;
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
              "threads: with 2 or more, fragments are parsed beside merging, and the graph "
              "is finished and written on N (default: all cores)")
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
                quiet ? std::nullopt : InputBytes(sources), *threads);
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
