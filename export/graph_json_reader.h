// Internal to export/: reading graph JSON (export/graph_json.h), in two
// ways. The checked reader parses a DOM and explains every problem with
// its place; the fast reader streams a valid file straight into the graph
// and gives up (nullopt) at the first thing it does not expect, leaving
// the file to the checked reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kg {

// kg-graph/2 added graph.predicates; kg-graph/1 files are still read.
inline constexpr const char* kGraphJsonSchema = "kg-graph/2";

// ReadGraphJson on text already free of NULs and padded for an in-situ
// parse (core/insitu_json.h).
Result<KnowledgeGraph> ReadGraphJsonChecked(std::string json, const std::string& origin,
                                            const PredicateTable& fallback);

// For the fast reader: the graph member (schema, predicates, documents)
// from its text from the colon after the key (': {...}'), by the checked
// reader's rules. False on any problem.
bool ReadGraphMemberJson(std::string_view member, const PredicateTable& fallback,
                         KnowledgeGraph* graph, bool* predicates_recorded);

// The graph in valid `json` (NUL-terminated, no padding needed), which the
// fast reader leaves untouched: nullopt when the text is not valid (a NUL
// inside included) or not laid out as the fast reader expects. A check
// added to one reader must be added to the other.
std::optional<KnowledgeGraph> ReadGraphJsonFast(std::string_view json,
                                                const PredicateTable& fallback);

}  // namespace kg
