#include "ingest/document_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/file_io.h"
#include "core/text.h"

namespace kg {
namespace {

bool IsArticleFile(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".txt" || ext == ".text" || ext == ".jsonl";
}

bool IsJsonLines(const std::string& path) { return EndsWith(path, ".jsonl"); }

// Files under `folder`, recursively, sorted; hidden entries skipped.
std::vector<std::string> ArticleFilesUnder(const std::string& folder, std::string* error) {
  std::vector<std::string> files;
  std::error_code ec;
  auto it = std::filesystem::recursive_directory_iterator(
      folder, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && IsArticleFile(it->path())) files.push_back(it->path().string());
  }
  if (ec) *error = folder + ": " + ec.message();
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

DocumentReader::DocumentReader(ReadOptions options, DocumentFn on_document, ErrorFn on_error)
    : options_(options), on_document_(std::move(on_document)), on_error_(std::move(on_error)) {}

size_t DocumentReader::ReadAll(const std::vector<std::string>& inputs) {
  for (const auto& input : inputs) ReadInput(input);
  return problems_;
}

void DocumentReader::ReadInput(const std::string& input) {
  if (input == "-") {
    ReadStdin();
    return;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(input, ec)) {
    std::string error;
    const auto files = ArticleFilesUnder(input, &error);
    if (!error.empty()) {
      ++problems_;
      on_error_(error);
    }
    if (files.empty() && error.empty()) {
      ++problems_;
      on_error_(input + ": no .txt, .text or .jsonl files in folder");
    }
    for (const auto& file : files) ReadInput(file);
    return;
  }
  if (!std::filesystem::exists(input, ec)) {
    ++problems_;
    on_error_(input + ": no such file or folder");
    return;
  }
  if (IsJsonLines(input)) {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      ++problems_;
      on_error_(input + ": cannot open");
      return;
    }
    ReadJsonLines(in, input);
  } else {
    ReadTextFile(input);
  }
}

void DocumentReader::ReadTextFile(const std::string& path) {
  auto text = ReadFile(path, options_.max_document_bytes);
  if (!text.ok()) {
    ++problems_;
    on_error_(text.status().message());
    return;
  }
  Emit("", path, "", std::move(*text), path);
}

void DocumentReader::ReadStdin() {
  std::string head;
  while (std::cin && std::isspace(std::cin.peek()))
    head.push_back(static_cast<char>(std::cin.get()));
  if (std::cin.peek() == '{') {
    ReadJsonLines(std::cin, "-");
    return;
  }
  std::ostringstream all;
  all << std::cin.rdbuf();
  std::string text = head + all.str();
  if (text.size() > options_.max_document_bytes) {
    ++problems_;
    on_error_("-: input too large (limit " + std::to_string(options_.max_document_bytes) +
              " bytes)");
    return;
  }
  Emit("", "-", "", std::move(text), "-");
}

void DocumentReader::ReadJsonLines(std::istream& in, const std::string& origin) {
  std::string line;
  size_t number = 0;
  size_t articles = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = origin + ":" + std::to_string(number);
    if (Trim(line).empty()) continue;
    if (line.size() > options_.max_document_bytes) {
      ++problems_;
      on_error_(where + ": line too long (" + std::to_string(line.size()) + " bytes)");
      continue;
    }
    rapidjson::Document json;
    json.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
    if (json.HasParseError()) {
      ++problems_;
      on_error_(where + ": column " + std::to_string(json.GetErrorOffset() + 1) +
                ": malformed JSON: " + rapidjson::GetParseError_En(json.GetParseError()));
      continue;
    }
    if (!json.IsObject()) {
      ++problems_;
      on_error_(where + ": expected a JSON object");
      continue;
    }
    const auto field = [&](const char* name, std::string* out) -> bool {
      auto it = json.FindMember(name);
      if (it == json.MemberEnd() || it->value.IsNull()) return true;
      if (!it->value.IsString()) {
        if (!it->value.IsInt64()) return false;
        *out = std::to_string(it->value.GetInt64());  // numeric ids are common
        return true;
      }
      out->assign(it->value.GetString(), it->value.GetStringLength());
      return true;
    };
    std::string id, title, text;
    if (!field("id", &id) || !field("title", &title)) {
      ++problems_;
      on_error_(where + ": \"id\" and \"title\" must be strings");
      continue;
    }
    auto text_it = json.FindMember("text");
    if (text_it == json.MemberEnd() || !text_it->value.IsString()) {
      ++problems_;
      on_error_(where + ": missing string field \"text\"");
      continue;
    }
    text.assign(text_it->value.GetString(), text_it->value.GetStringLength());
    ++articles;
    Emit(std::move(id), where, std::move(title), std::move(text), where);
  }
  if (in.bad()) {
    ++problems_;
    on_error_(origin + ": read error");
  }
  if (articles == 0 && number == 0) {
    ++problems_;
    on_error_(origin + ": empty file");
  }
}

std::string DocumentReader::UniqueId(std::string id) {
  if (id.empty()) id = "d" + std::to_string(count_);
  std::string candidate = id;
  for (int n = 2; seen_ids_.contains(candidate); ++n) candidate = id + "-" + std::to_string(n);
  seen_ids_.insert(candidate);
  return candidate;
}

void DocumentReader::Emit(std::string id, std::string path, std::string title, std::string text,
                          const std::string& where) {
  ++count_;
  auto document =
      MakeDocument(UniqueId(std::move(id)), std::move(path), std::move(title), std::move(text));
  if (!document.ok()) {
    --count_;
    ++problems_;
    on_error_(where + ": " + document.status().message());
    return;
  }
  on_document_(std::move(document).value());
}

}  // namespace kg
