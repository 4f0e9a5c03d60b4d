// Helpers for kg's tests: paths into the source tree, temporary folders,
// running the kg binary, and a shared pipeline built from the default pack.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "extract/pipeline.h"
#include "graph/knowledge_graph.h"

namespace kg::test {

std::string SourcePath(const std::string& relative);

// A fresh folder under the system temp dir, removed when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string Path(const std::string& name) const { return (root_ / name).string(); }
  std::string Write(const std::string& name, const std::string& contents) const;

 private:
  std::filesystem::path root_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `kg ARGS` (ARGS already shell-quoted) with optional stdin text.
CommandResult RunKg(const std::string& args, const std::string& stdin_text = "");
// Runs any shell command.
CommandResult RunShell(const std::string& command, const std::string& stdin_text = "");

std::string Quote(const std::string& text);
std::string ReadText(const std::string& path);

// The default pack, compiled once per test binary.
const Pipeline& DefaultPipeline();

// Builds a graph from texts with the default pipeline (ids d1, d2, ...).
KnowledgeGraph BuildGraph(const std::vector<std::string>& texts);

}  // namespace kg::test
