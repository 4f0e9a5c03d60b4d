// kg: a knowledge-graph builder for news text.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/common.h"

namespace {

constexpr const char* kUsage =
    "usage: kg COMMAND [ARGS...]\n"
    "\n"
    "Builds a knowledge graph of people, organizations and places from news text,\n"
    "and queries, exports and draws it.\n"
    "\n"
    "commands:\n"
    "  build      extract a graph from articles (text files, folders, JSON Lines, stdin)\n"
    "  extract    one graph fragment per article, for merging later or elsewhere\n"
    "  merge      merge fragments and graph files into one graph\n"
    "  analyze    show the tags, phrases, mentions and relations extraction finds\n"
    "  query      answer a graph pattern query (a subset of Cypher)\n"
    "  neighbors  entities within N relations of one entity\n"
    "  path       how two entities are connected\n"
    "  central    the most central entities (degree, betweenness, PageRank)\n"
    "  components groups of connected entities\n"
    "  evidence   the sentences behind a relation\n"
    "  render     draw the graph as SVG, PNG or PDF\n"
    "  view       write the graph as an interactive HTML page\n"
    "  export     write a graph or a view of it as DOT, JSON, GraphML or GEXF\n"
    "  convert    graph JSON to the binary format (.kgb) that opens at once, and back\n"
    "  stats      counts by type and predicate, top entities\n"
    "  rules      check a rule pack (rules check DIR), list the default one (rules show)\n"
    "  eval       precision, recall and F1 against gold annotations\n"
    "\n"
    "Run kg COMMAND --help for a command's options. Exit status: 0 ok, 1 some inputs\n"
    "were bad (the rest was processed), 2 usage or syntax error, 3 failure.\n";

int RunCommand(const std::string& command, const kg::Args& rest) {
  try {
    if (command == "build") return kg::RunBuild(rest);
    if (command == "extract") return kg::RunExtract(rest);
    if (command == "merge") return kg::RunMerge(rest);
    if (command == "analyze") return kg::RunAnalyze(rest);
    if (command == "export") return kg::RunExport(rest);
    if (command == "stats") return kg::RunStats(rest);
    if (command == "rules") return kg::RunRules(rest);
    if (command == "eval") return kg::RunEval(rest);
    if (command == "render") return kg::RunRender(rest);
    if (command == "view") return kg::RunView(rest);
    if (command == "query") return kg::RunQuery(rest);
    if (command == "neighbors" || command == "neighbours") return kg::RunNeighbors(rest);
    if (command == "path") return kg::RunPath(rest);
    if (command == "central") return kg::RunCentral(rest);
    if (command == "components") return kg::RunComponents(rest);
    if (command == "evidence") return kg::RunEvidence(rest);
    if (command == "convert") return kg::RunConvert(rest);
  } catch (const std::bad_alloc&) {
    kg::PrintError("out of memory");
    return kg::kExitFailure;
  } catch (const std::exception& e) {
    // A bug, but one that must not abort with a core dump: say so.
    kg::PrintError(std::string("internal error: ") + e.what());
    return kg::kExitFailure;
  }
  kg::PrintError("unknown command \"" + command + "\" (see kg --help)");
  return kg::kExitUsage;
}

// Output that could not be written is a failure, whichever command wrote
// it: flush standard output and check, once, at the end.
int CheckStandardOutput(int code) {
  errno = 0;
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed || code == kg::kExitFailure || code == kg::kExitUsage) return code;
  kg::PrintError(std::string("standard output: write failed") +
                 (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
  return kg::kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) makes writes fail with EFBIG, reported
  // like any other write error, instead of killing kg with no message.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return CheckStandardOutput(args.empty() ? kg::kExitUsage : kg::kExitOk);
  }
  if (args[0] == "--version") {
    std::cout << "kg 0.1.0\n";
    return CheckStandardOutput(kg::kExitOk);
  }
  const std::string command = args[0];
  const kg::Args rest(args.begin() + 1, args.end());
  return CheckStandardOutput(RunCommand(command, rest));
}
