#include "core/position.h"

#include <algorithm>

namespace kg {

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  LineColumn at;
  const size_t last_newline = before.rfind('\n');
  at.line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  at.column =
      last_newline == std::string_view::npos ? before.size() + 1 : before.size() - last_newline;
  return at;
}

std::string FilePosition(std::string_view file, size_t line, size_t column) {
  return std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string FilePosition(std::string_view file, std::string_view text, size_t offset) {
  const LineColumn at = LineColumnAt(text, offset);
  return FilePosition(file, at.line, at.column);
}

std::string FileByte(std::string_view file, size_t offset) {
  return std::string(file) + ": byte " + std::to_string(offset);
}

}  // namespace kg
