#include "tests/test_support.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/wait.h>

#include "app/common.h"
#include "core/document.h"
#include "graph/graph_builder.h"

namespace kg::test {

std::string SourcePath(const std::string& relative) {
  return std::string(KG_SOURCE_DIR) + "/" + relative;
}

TempDir::TempDir() {
  std::random_device device;
  root_ = std::filesystem::temp_directory_path() / ("kg-test-" + std::to_string(device()));
  std::filesystem::create_directories(root_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
}

std::string TempDir::Write(const std::string& name, const std::string& contents) const {
  const auto path = root_ / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

std::string Quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out.push_back(c);
  }
  return out + "'";
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CommandResult RunShell(const std::string& command, const std::string& stdin_text) {
  TempDir dir;
  const std::string in = dir.Write("stdin", stdin_text);
  const std::string full = "(" + command + ") <" + Quote(in) + " >" + Quote(dir.Path("stdout")) +
                           " 2>" + Quote(dir.Path("stderr"));
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadText(dir.Path("stdout"));
  result.err = ReadText(dir.Path("stderr"));
  return result;
}

CommandResult RunKg(const std::string& args, const std::string& stdin_text) {
  return RunShell(Quote(KG_BINARY) + " " + args, stdin_text);
}

const Pipeline& DefaultPipeline() {
  static const Pipeline pipeline = [] {
    auto rules = LoadRules({});
    if (!rules.ok()) throw std::runtime_error(rules.status().message());
    return Pipeline(*rules);
  }();
  return pipeline;
}

KnowledgeGraph BuildGraph(const std::vector<std::string>& texts) {
  GraphBuilder builder(DefaultPipeline().rules().pack().predicates);
  for (size_t i = 0; i < texts.size(); ++i) {
    auto document = MakeDocument("d" + std::to_string(i + 1), "test", "", texts[i]);
    if (!document.ok()) throw std::runtime_error(document.status().message());
    auto analysis = DefaultPipeline().Analyze(*document);
    if (!analysis.ok()) throw std::runtime_error(analysis.status().message());
    if (Status s = builder.Add(*document, *analysis); !s.ok())
      throw std::runtime_error(s.message());
  }
  return builder.Finish();
}

}  // namespace kg::test
