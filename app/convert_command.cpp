// kg convert: graph JSON to a binary graph image and back.
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/graph_files.h"
#include "core/file_io.h"

namespace kg {

int RunConvert(const Args& args) {
  ArgParser parser("kg convert INPUT OUTPUT",
                   "Converts a graph between graph JSON and the binary format (.kgb), which\n"
                   "every command reads and which opens in milliseconds however large the\n"
                   "graph. The output's format follows its name: FILE.kgb is binary, anything\n"
                   "else (or - for standard output) JSON. JSON -> binary -> JSON gives the\n"
                   "same bytes.");
  parser.Option("rules", 'r', "DIR",
                "predicates for a graph JSON file that does not list its own (repeatable)", true);
  if (auto code = ParseCommandLine(&parser, args, 2)) return *code;
  const std::string& input = parser.positional()[0];
  const std::string& output = parser.positional()[1];
  auto fallback = FallbackPredicates(parser.GetAll("rules"));
  if (!fallback.ok()) {
    PrintError(fallback.status().message());
    return kExitFailure;
  }
  if (output != "-" && IsImagePath(output)) {
    auto image = ReadGraphImage(input, *fallback);
    if (!image.ok()) {
      PrintError(image.status().message());
      return kExitFailure;
    }
    if (Status s = WriteFileAtomically(output, image->bytes()); !s.ok()) {
      PrintError(s.message());
      return kExitFailure;
    }
    return kExitOk;
  }
  auto graph = ReadGraphFile(input, *fallback);
  if (!graph.ok()) {
    PrintError(graph.status().message());
    return kExitFailure;
  }
  if (Status s = WriteGraphJsonFile(*graph, output); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace kg
