// The kg subcommands. Each takes its arguments (after the subcommand name)
// and returns the process exit code; this folder is the only place that
// prints to the terminal or picks exit codes.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kg {

// Exit codes, documented in README.md.
constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;  // some inputs were bad; the rest was processed
constexpr int kExitUsage = 2;        // bad command line or query syntax
constexpr int kExitFailure = 3;      // nothing useful could be done (bad rules, unwritable output)

using Args = std::vector<std::string>;

int RunBuild(const Args& args);
int RunExtract(const Args& args);
int RunMerge(const Args& args);
int RunAnalyze(const Args& args);
int RunExport(const Args& args);
int RunStats(const Args& args);
int RunRules(const Args& args);
int RunEval(const Args& args);
int RunRender(const Args& args);
int RunView(const Args& args);
int RunQuery(const Args& args);
int RunNeighbors(const Args& args);
int RunPath(const Args& args);
int RunCentral(const Args& args);
int RunComponents(const Args& args);
int RunEvidence(const Args& args);
int RunConvert(const Args& args);

// Writes `graph` as the interactive HTML page (kg view, kg build --html).
Status WriteView(const KnowledgeGraph& graph, const std::string& title, const std::string& output,
                 bool quiet);

}  // namespace kg
