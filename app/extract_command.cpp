// kg extract: news text in, one graph fragment per article out (the map
// step of a distributed build; kg merge is the reduce step).
#include <iostream>
#include <thread>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/extraction.h"
#include "app/output_stream.h"
#include "app/progress.h"
#include "app/throughput.h"
#include "export/fragment_json.h"
#include "graph/fragment.h"

namespace kg {

int RunExtract(const Args& args) {
  ArgParser parser(
      "kg extract INPUT... [-o fragments.jsonl] [options]",
      "Extracts the entities and relations of each article and writes them as one\n"
      "JSON line per article (a graph fragment), after a line with the predicates.\n"
      "kg merge turns any number of fragment files, in any order, into the graph that\n"
      "kg build makes of the same articles. INPUT as for kg build. A partition of a\n"
      "larger file on standard input keeps its paths with --source and --first-line.\n"
      "Bad inputs are reported and skipped; the exit status is then 1.");
  parser.Option("output", 'o', "FILE", "fragments to write (default: standard output)")
      .Option("rules", 'r', "DIR", "rule pack laid over the default one (repeatable)", true)
      .Option("threads", 'j', "N",
              "threads, the one reading and writing included (default: all cores)")
      .Option("source", 0, "NAME", "the file standard input is part of, for document paths")
      .Option("first-line", 0, "N", "with --source: the line of NAME standard input starts at")
      .Flag("quiet", 'q', "print only errors");
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  const auto threads = ReadThreads(parser);
  const auto first_line = parser.GetNumber("first-line", 1, 1, 1L << 50);
  if (!threads.ok() || !first_line.ok()) {
    PrintError(!threads.ok() ? threads.status().message() : first_line.status().message());
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
  const std::vector<Predicate>& predicates = (*rules)->pack().predicates;
  const std::string output = parser.Get("output", "-");
  OutputStream out;
  if (Status s = out.Open(output); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  // The whole vocabulary first, so that the merged graph knows the
  // predicates no article used.
  out.Write(WriteFragmentJson(VocabularyFragment(predicates)) + "\n");
  ExtractionOptions options;
  options.threads = *threads;
  options.progress = !parser.Has("quiet");
  options.stdin_name = parser.Get("source");
  options.first_line = static_cast<uint64_t>(*first_line);
  std::string line;
  const ExtractionSummary summary = RunExtraction(parser.positional(), pipeline, options,
                                                  [&](const Document&, Fragment&& fragment) {
                                                    line = WriteFragmentJson(fragment);
                                                    line.push_back('\n');
                                                    out.Write(line);
                                                  });
  if (summary.documents == 0 && summary.problems > 0) {
    PrintError("extract: no readable documents; nothing written");
    return kExitFailure;
  }
  if (Status s = out.Commit(); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  if (!parser.Has("quiet")) {
    std::cerr << "kg: " << GroupDigits(summary.documents) << " document"
              << (summary.documents == 1 ? "" : "s") << " ("
              << RateText(summary.bytes, summary.seconds) << ")";
    if (output != "-") std::cerr << " -> " << output;
    if (summary.problems > 0) {
      std::cerr << " (" << summary.problems << " input problem"
                << (summary.problems == 1 ? "" : "s") << ")";
    }
    std::cerr << "\n";
  }
  return summary.problems > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace kg
