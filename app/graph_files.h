// Graph files in either format: graph JSON (the interchange format) or a
// binary graph image (.kgb, graph/graph_image.h) that opens in
// milliseconds. Readers tell the formats apart by their first bytes, so
// every command takes either; writers choose by the file name.
#pragma once

#include <string>

#include "core/status.h"
#include "graph/graph_image.h"
#include "graph/knowledge_graph.h"

namespace kg {

// True when `path` names a binary graph file (ends in ".kgb").
bool IsImagePath(const std::string& path);

// Reads a graph file of either format ("-": standard input) into a graph.
// `fallback`: the vocabulary of a JSON file that does not record one.
Result<KnowledgeGraph> ReadGraphFile(const std::string& path, const PredicateTable& fallback);

// Reads a graph file of either format as an image: a binary file is
// mapped and checked, a JSON file is parsed and laid out in memory.
Result<GraphImage> ReadGraphImage(const std::string& path, const PredicateTable& fallback);

// Writes JSON, or a binary image when `path` ends in ".kgb"; "-" writes
// JSON to standard output. Atomic, like every output. JSON is written on up
// to `threads` threads, with the same bytes for any count.
Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path, unsigned threads = 1);

// Writes JSON whatever the name, streamed to the file as it is made (the
// text of a large graph is never held whole). Atomic; "-" is standard output.
Status WriteGraphJsonFile(const KnowledgeGraph& graph, const std::string& path,
                          unsigned threads = 1);

}  // namespace kg
