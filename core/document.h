// A Document owns the bytes of one article and never changes them; every
// annotation made on it is a Span of byte offsets into `text`.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kg {

struct Document {
  std::string id;      // unique within one build, e.g. "d1" or the JSONL "id"
  std::string path;    // where it was read from ("-" for stdin), with ":line" for JSONL
  std::string title;   // given title, or the first non-empty line of text
  std::string text;    // the article body, valid UTF-8
  std::string sha256;  // of `text`
};

// Builds a Document after checking the text: it must be valid UTF-8, contain
// no binary control bytes and hold at least one non-space character. Errors
// name the byte offset ("byte 1043: invalid UTF-8"); the caller adds the file.
Result<Document> MakeDocument(std::string id, std::string path, std::string title,
                              std::string text);

// The first non-empty line of `text`, trimmed and cut to at most 200 bytes
// on a character boundary.
std::string FirstLine(std::string_view text);

}  // namespace kg
