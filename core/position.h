// One format for every error that points into a file, so that editors and
// terminals can jump to it:
//   file:line:column: message     (text with lines: JSON, JSON Lines, rules)
//   file: byte N: message         (where lines mean nothing: binary data)
// Lines and columns count from 1; a column counts bytes, like GCC's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg {

struct LineColumn {
  size_t line = 1;
  size_t column = 1;
};

// The line and column of byte `offset` of `text` (clamped to its end).
LineColumn LineColumnAt(std::string_view text, size_t offset);

// "file:line:column".
std::string FilePosition(std::string_view file, size_t line, size_t column);

// "file:line:column" of byte `offset` of `text`.
std::string FilePosition(std::string_view file, std::string_view text, size_t offset);

// "file: byte N".
std::string FileByte(std::string_view file, size_t offset);

}  // namespace kg
