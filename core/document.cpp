#include "core/document.h"

#include "core/sha256.h"
#include "core/text.h"
#include "core/utf8.h"

namespace kg {

std::string FirstLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);  // CR alone ends lines too (old Mac files)
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    if (pos == 0 && StartsWith(line, "\xEF\xBB\xBF")) line = Trim(line.substr(3));  // a BOM
    if (!line.empty()) return std::string(TruncateUtf8(line, 200));
    pos = end + 1;
  }
  return "";
}

Result<Document> MakeDocument(std::string id, std::string path, std::string title,
                              std::string text) {
  if (auto bad = utf8::FindInvalid(text)) {
    return Status::Error("byte " + std::to_string(*bad) + ": invalid UTF-8");
  }
  if (auto bad = utf8::FindBinary(text)) {
    return Status::Error("byte " + std::to_string(*bad) + ": binary data (control byte " +
                         std::to_string(static_cast<int>(static_cast<unsigned char>(text[*bad]))) +
                         ")");
  }
  if (Trim(text).empty()) return Status::Error("empty document");
  if (auto bad = utf8::FindInvalid(title)) {
    return Status::Error("title byte " + std::to_string(*bad) + ": invalid UTF-8");
  }
  Document doc;
  doc.id = std::move(id);
  doc.path = std::move(path);
  doc.title = title.empty() ? FirstLine(text) : std::string(TruncateUtf8(Trim(title), 200));
  doc.sha256 = Sha256Hex(text);
  doc.text = std::move(text);
  return doc;
}

}  // namespace kg
