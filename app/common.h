// Helpers shared by the subcommands: loading rule packs and graphs with
// errors printed the same way everywhere.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/compiled_rules.h"
#include "graph/knowledge_graph.h"

namespace kg {

// The default pack with every user pack in `folders` laid over it.
Result<std::shared_ptr<const CompiledRules>> LoadRules(const std::vector<std::string>& folders);

// Reads a graph JSON file ("-" for standard input).
Result<KnowledgeGraph> LoadGraph(const std::string& path);

// Prints "kg: message" to standard error.
void PrintError(const std::string& message);

}  // namespace kg
