// Turns the inputs named on the command line into Documents, one at a
// time, so that any number of articles streams through bounded memory.
//
// An input is a text file (one article), a JSON Lines file (*.jsonl: one
// {"id", "title", "text"} object per line), a folder (searched recursively
// for *.txt, *.text and *.jsonl, in sorted order), or "-" for standard input
// (JSON Lines when it starts with "{", else one article).
//
// Bad input never stops the batch: each problem goes to `on_error` with the
// file and position, as file:line:column for JSON Lines
// ("a.jsonl:17:1: missing string field \"text\"", "a.jsonl:3:9: \"text\":
// byte 12: invalid UTF-8") and file: byte N for text files ("b.txt: byte
// 1043: invalid UTF-8"), and reading continues with the next article. Lines
// are parsed iteratively (no recursion, whatever their nesting) and held
// only up to the article limit; ids and titles must be text (no controls,
// lone surrogates or noncharacters from escapes).
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"

namespace kg {

struct ReadOptions {
  size_t max_document_bytes = 64u << 20;  // larger articles are rejected
};

// An article as read, before MakeDocument's checks: with DeferChecks, the
// reader leaves those (UTF-8, SHA-256, title) and the id to the caller,
// which can spread them over threads and then take ids in reading order.
// A JSON Lines article comes unparsed too (`line` > 0): ParseJsonLine
// turns it into the fields below, on whichever thread the caller likes.
struct UncheckedDocument {
  std::string id;  // as given ("" for none), not yet made unique
  std::string path;
  std::string title;
  std::string text;    // or, while `line` > 0, the JSON line as read
  std::string where;   // names the text in messages: "a.jsonl:3:9: \"text\""
  std::string origin;  // while `line` > 0: the file it is a line of
  size_t line = 0;
};

// Parses the JSON line an UncheckedDocument holds (`line` > 0) into its
// id, title, text and where, and sets `line` to 0. Returns "" or the
// problem, worded as the reader words it ("a.jsonl:3:1: malformed JSON:
// ..."); the document is then not an article. Thread-safe.
std::string ParseJsonLine(UncheckedDocument* document);

// Makes document ids unique in reading order: "" becomes "dN", N counting
// the articles accepted so far, and a repeat gets "-2", "-3"...
class DocumentIds {
 public:
  // The id for the next article; it stays taken even if the article is
  // rejected afterwards.
  std::string Take(std::string id);
  // The article last given an id failed its checks: it is not counted.
  void Reject() { --count_; }

 private:
  size_t count_ = 0;
  std::unordered_set<std::string> seen_;
};

class DocumentReader {
 public:
  using DocumentFn = std::function<void(Document)>;
  using ErrorFn = std::function<void(const std::string&)>;

  DocumentReader(ReadOptions options, DocumentFn on_document, ErrorFn on_error);

  // Reads every input in order. Returns the number of problems reported.
  size_t ReadAll(const std::vector<std::string>& inputs);

  // Reads JSON Lines from a stream; `origin` names it in messages.
  size_t ReadJsonLinesFrom(std::istream& in, const std::string& origin) {
    ReadJsonLines(in, origin);
    return problems_;
  }

  // Hands every article to `on_unchecked` instead of checking it and
  // giving it an id (and a JSON Lines article before parsing it); problems
  // with it are then the caller's to report.
  void DeferChecks(std::function<void(UncheckedDocument)> on_unchecked) {
    on_unchecked_ = std::move(on_unchecked);
  }

  // Ends reading after the current article or problem (for --strict); may
  // be called from the callbacks.
  void Stop() { stopped_ = true; }

 private:
  void ReadInput(const std::string& input);
  void ReadTextFile(const std::string& path);
  void ReadJsonLines(std::istream& in, const std::string& origin);
  void ReadStdin();
  void Problem(const std::string& message);
  // `where` names the text in messages.
  void Emit(std::string id, std::string path, std::string title, std::string text,
            const std::string& where);

  ReadOptions options_;
  DocumentFn on_document_;
  ErrorFn on_error_;
  size_t problems_ = 0;
  bool stopped_ = false;
  DocumentIds ids_;
  std::function<void(UncheckedDocument)> on_unchecked_;
};

}  // namespace kg
