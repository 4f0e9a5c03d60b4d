#include "ingest/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/file_io.h"
#include "core/insitu_json.h"
#include "core/position.h"
#include "core/text.h"
#include "core/unicode.h"
#include "ingest/line_reader.h"

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
  for (const auto& input : inputs) {
    if (stopped_) break;
    ReadInput(input);
  }
  return problems_;
}

void DocumentReader::Problem(const std::string& message) {
  ++problems_;
  on_error_(message);
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
    if (!error.empty()) Problem(error);
    if (files.empty() && error.empty()) {
      Problem(input + ": no .txt, .text or .jsonl files in folder");
    }
    for (const auto& file : files) {
      if (stopped_) return;
      ReadInput(file);
    }
    return;
  }
  if (!std::filesystem::exists(input, ec)) {
    Problem(input + ": no such file or folder");
    return;
  }
  if (IsJsonLines(input)) {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      Problem(input + ": cannot open: " + std::strerror(errno));
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
    Problem(text.status().message());
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
  // Read at most one byte past the limit: a gigabyte on standard input is
  // refused after 64 MiB, not after holding all of it.
  std::string text = std::move(head);
  const size_t limit = options_.max_document_bytes;
  char buffer[1 << 16];
  while (text.size() <= limit && std::cin.read(buffer, sizeof buffer).gcount() > 0) {
    text.append(buffer, static_cast<size_t>(std::cin.gcount()));
  }
  if (std::cin.bad()) {
    Problem("-: read error");
    return;
  }
  if (text.size() > limit) {
    Problem("-: input too large (more than " + std::to_string(limit) + " bytes)");
    return;
  }
  Emit("", "-", "", std::move(text), "-");
}

namespace {

// The column of the opening quote of a string that rapidjson decoded in
// place inside `line` (keys and string values); 1 for anything else.
size_t ColumnOf(const rapidjson::Value& value, const std::string& line) {
  const char* text = value.GetString();
  if (text <= line.data() || text > line.data() + line.size()) return 1;
  return static_cast<size_t>(text - line.data());  // at the opening quote
}

}  // namespace

std::string ParseJsonLine(UncheckedDocument* document) {
  std::string& line = document->text;
  const std::string& origin = document->origin;
  const size_t number = document->line;
  document->line = 0;
  const auto at = [&](size_t column) { return FilePosition(origin, number, column); };
  // Iterative parsing: a line nested a million levels deep costs heap,
  // not stack. In situ: decoded strings stay inside `line`, so their
  // columns are known for messages. The pool allocator frees the DOM
  // without recursion.
  rapidjson::Document json;
  PadForInsituParse(&line);
  json.ParseInsitu<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(
      line.data());
  if (json.HasParseError()) {
    return at(json.GetErrorOffset() + 1) +
           ": malformed JSON: " + rapidjson::GetParseError_En(json.GetParseError());
  }
  if (!json.IsObject()) return at(1) + ": expected a JSON object";
  std::string* fields[2] = {&document->id, &document->title};
  const char* names[3] = {"id", "title", "text"};
  for (int f = 0; f < 2; ++f) {
    auto it = json.FindMember(names[f]);
    if (it == json.MemberEnd() || it->value.IsNull()) continue;
    const rapidjson::Value& value = it->value;
    if (f == 0 && value.IsInt64()) {
      *fields[f] = std::to_string(value.GetInt64());  // numeric ids are common
      continue;
    }
    if (!value.IsString())
      return at(ColumnOf(it->name, line)) + ": \"" + names[f] + "\" must be a string";
    fields[f]->assign(value.GetString(), value.GetStringLength());
    // An escape can make what raw bytes cannot: \u0000, \udc00.
    const auto bad = f == 0 ? unicode::FindNonIdText(*fields[f]) : unicode::FindNonText(*fields[f]);
    if (bad) {
      return at(ColumnOf(value, line)) + ": \"" + names[f] +
             "\": " + unicode::DescribeNonText(*fields[f], *bad);
    }
  }
  auto text = json.FindMember("text");
  if (text == json.MemberEnd()) return at(1) + ": missing string field \"text\"";
  if (!text->value.IsString())
    return at(ColumnOf(text->name, line)) + ": \"text\" must be a string";
  document->where = at(ColumnOf(text->value, line)) + ": \"text\"";
  // The text, decoded in place, moves to the front of the line, which
  // becomes the text: no copy of it to allocate.
  const size_t offset = static_cast<size_t>(text->value.GetString() - line.data());
  const size_t length = text->value.GetStringLength();
  line.erase(0, offset);
  line.resize(length);
  document->origin.clear();
  return std::string();
}

void DocumentReader::ReadJsonLines(std::istream& in, const std::string& origin) {
  LineReader lines(in, options_.max_document_bytes);
  std::string line;
  size_t length = 0;
  bool too_long = false;
  size_t number = 0;
  size_t articles = 0;  // handed on unparsed, with DeferChecks
  size_t problems_before = problems_;
  while (!stopped_ && lines.Next(&line, &length, &too_long)) {
    ++number;
    if (too_long) {
      Problem(FilePosition(origin, number, 1) + ": line too long (" + std::to_string(length) +
              " bytes, limit " + std::to_string(options_.max_document_bytes) + ")");
      continue;
    }
    // A byte order mark may open the file (Windows editors write one).
    if (number == 1 && StartsWith(line, "\xEF\xBB\xBF")) line.replace(0, 3, "   ");
    if (Trim(line).empty()) continue;
    ++articles;
    UncheckedDocument document;
    document.path = origin + ":" + std::to_string(number);
    document.origin = origin;
    document.line = number;
    // Sized for the parser's padding; `line` keeps its buffer for the next.
    document.text.reserve(line.size() + 4);
    document.text = line;
    if (on_unchecked_) {
      on_unchecked_(std::move(document));  // parsed by the caller
      continue;
    }
    if (std::string problem = ParseJsonLine(&document); !problem.empty()) {
      --articles;
      Problem(problem);
      continue;
    }
    Emit(std::move(document.id), std::move(document.path), std::move(document.title),
         std::move(document.text), document.where);
  }
  if (lines.failed()) Problem(origin + ": read error");
  // Handed on unparsed, a line that turns out not to be an article is a
  // problem reported in its place, so that this message still comes only
  // when there were blank lines and nothing else.
  if (articles == 0 && problems_ == problems_before && !stopped_) {
    Problem(origin + (number == 0 ? ": empty file" : ": no articles, only blank lines"));
  }
}

std::string DocumentIds::Take(std::string id) {
  ++count_;
  if (id.empty()) id = "d" + std::to_string(count_);
  std::string candidate = id;
  for (int n = 2; !seen_.insert(candidate).second; ++n) {
    candidate = id + "-" + std::to_string(n);
  }
  return candidate;
}

void DocumentReader::Emit(std::string id, std::string path, std::string title, std::string text,
                          const std::string& where) {
  if (on_unchecked_) {
    UncheckedDocument document;
    document.id = std::move(id);
    document.path = std::move(path);
    document.title = std::move(title);
    document.text = std::move(text);
    document.where = where;
    on_unchecked_(std::move(document));
    return;
  }
  std::string unique = ids_.Take(std::move(id));
  auto document =
      MakeDocument(std::move(unique), std::move(path), std::move(title), std::move(text));
  if (!document.ok()) {
    ids_.Reject();
    Problem(where + ": " + document.status().message());
    return;
  }
  on_document_(std::move(document).value());
}

}  // namespace kg
