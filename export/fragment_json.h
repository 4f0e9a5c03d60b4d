// Graph fragments (graph/fragment.h) as JSON Lines: what `kg extract`
// writes, one line per article, and `kg merge` reads. docs/graph-json.md
// describes the format. Every line is a complete fragment starting with
// {"schema":"kg-fragment/1", so a stream of them survives `sort`, `shuf`,
// splitting and concatenating; readers tell it from a graph file by that
// prefix.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/fragment.h"

namespace kg {

// What every fragment line starts with.
inline constexpr std::string_view kFragmentPrefix = "{\"schema\":\"kg-fragment/";

// One line, without the newline; deterministic (fields in a fixed order).
std::string WriteFragmentJson(const Fragment& fragment);

// Parses one line. Errors start with `origin` ("a.jsonl:17") and give the
// column or the field: "a.jsonl:17: entities[2].type: expected PERSON,
// ORGANIZATION or LOCATION". Consistency (indexes, documents, predicates)
// is checked when the fragment is merged (GraphBuilder::Add).
Result<Fragment> ReadFragmentJson(std::string_view line, const std::string& origin);

}  // namespace kg
