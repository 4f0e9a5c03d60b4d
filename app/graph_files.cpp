#include "app/graph_files.h"

#include <fstream>
#include <iostream>
#include <iterator>

#include "core/file_io.h"
#include "export/graph_json.h"

namespace kg {
namespace {

constexpr size_t kMaxGraphBytes = size_t{16} << 30;

// The first bytes of a file, to tell the formats apart (empty when the file
// cannot be read: the reader that follows reports why).
std::string Prefix(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string prefix(16, '\0');
  in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
  prefix.resize(in ? prefix.size()
                   : static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return prefix;
}

Result<std::string> ReadStandardInput() {
  std::string text(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>{});
  if (std::cin.bad()) return Status::Error("standard input: read error");
  return text;
}

}  // namespace

bool IsImagePath(const std::string& path) {
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".kgb") == 0;
}

Result<KnowledgeGraph> ReadGraphFile(const std::string& path, const PredicateTable& fallback) {
  std::string contents;
  if (path == "-") {
    auto text = ReadStandardInput();
    if (!text.ok()) return text.status();
    contents = std::move(*text);
    if (GraphImage::LooksLikeImage(contents)) {
      auto image = GraphImage::FromBytes(contents, "standard input");
      if (!image.ok()) return image.status();
      return ToKnowledgeGraph(*image);
    }
    return ReadGraphJson(std::move(contents), path, fallback);
  }
  if (GraphImage::LooksLikeImage(Prefix(path))) {
    auto image = GraphImage::Open(path);
    if (!image.ok()) return image.status();
    auto graph = ToKnowledgeGraph(*image);
    if (!graph.ok()) return graph.status().WithContext(path);
    return graph;
  }
  auto text = ReadFile(path, kMaxGraphBytes);
  if (!text.ok()) return text.status();
  return ReadGraphJson(std::move(*text), path, fallback);
}

Result<GraphImage> ReadGraphImage(const std::string& path, const PredicateTable& fallback) {
  if (path != "-" && GraphImage::LooksLikeImage(Prefix(path))) return GraphImage::Open(path);
  if (path == "-") {
    auto text = ReadStandardInput();
    if (!text.ok()) return text.status();
    if (GraphImage::LooksLikeImage(*text)) return GraphImage::FromBytes(*text, "standard input");
    auto graph = ReadGraphJson(std::move(*text), path, fallback);
    if (!graph.ok()) return graph.status();
    return GraphImage::FromGraph(*graph);
  }
  auto text = ReadFile(path, kMaxGraphBytes);
  if (!text.ok()) return text.status();
  auto graph = ReadGraphJson(std::move(*text), path, fallback);
  if (!graph.ok()) return graph.status();
  return GraphImage::FromGraph(*graph);
}

Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path, unsigned threads) {
  if (path != "-" && IsImagePath(path))
    return WriteFileAtomically(path, GraphImage::FromGraph(graph).bytes());
  return WriteGraphJsonFile(graph, path, threads);
}

Status WriteGraphJsonFile(const KnowledgeGraph& graph, const std::string& path, unsigned threads) {
  auto file = AtomicFile::Open(path);
  if (!file.ok()) return file.status();
  WriteGraphJson(graph, threads, [&file](std::string_view piece) { file->Append(piece); });
  return file->Commit();
}

}  // namespace kg
