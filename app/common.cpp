#include "app/common.h"

#include <iostream>
#include <iterator>

#include "core/file_io.h"
#include "export/graph_json.h"

namespace kg {

constexpr size_t kMaxGraphBytes = size_t{16} << 30;

void PrintError(const std::string& message) { std::cerr << "kg: " << message << "\n"; }

Result<std::shared_ptr<const CompiledRules>> LoadRules(const std::vector<std::string>& folders) {
  RulePack pack = DefaultRulePack();
  for (const auto& folder : folders) {
    auto overlay = LoadRulePack(folder);
    if (!overlay.ok()) return overlay.status();
    pack.Overlay(*overlay);
  }
  return CompiledRules::Compile(pack);
}

Result<KnowledgeGraph> LoadGraph(const std::string& path) {
  std::string json;
  if (path == "-") {
    json.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    auto contents = ReadFile(path, kMaxGraphBytes);
    if (!contents.ok()) return contents.status();
    json = std::move(*contents);
  }
  return ReadGraphJson(std::move(json), path);
}

}  // namespace kg
