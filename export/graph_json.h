// Graph JSON (shared/spec/graph-json.md): a NetworkX node-link document.
// Writing is deterministic (the graph's canonical order, fixed key order,
// two-space indentation); reading validates every field, so that
// write -> read -> write gives identical bytes.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kg {

// With `threads` above 1, the nodes and links are written in parts on up to
// that many threads; the bytes are the same for any count.
std::string WriteGraphJson(const KnowledgeGraph& graph, unsigned threads = 1);

// The same bytes, handed to `sink` in order in pieces of about a megabyte
// (and the parts of the threads), so that writing a graph of gigabytes to
// a file never holds its text whole.
using GraphJsonSink = std::function<void(std::string_view)>;
void WriteGraphJson(const KnowledgeGraph& graph, unsigned threads, const GraphJsonSink& sink);

// `origin` names the input in errors: "graph.json: line 3, column 7: ...",
// "graph.json: links[2].target: unknown node \"x\"". The text is taken
// by value because it is parsed in place (strings are unescaped inside it).
// graph.schema, when present, must be kg-graph/1 or kg-graph/2. The graph's
// vocabulary is graph.predicates, and every link must use one of them; a
// file that does not record one (kg-graph/1, other tools) takes `fallback`
// plus a plain directed entry for any other predicate its links use.
Result<KnowledgeGraph> ReadGraphJson(std::string json, const std::string& origin,
                                     const PredicateTable& fallback = {});

}  // namespace kg
