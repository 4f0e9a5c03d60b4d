// Query answers as JSON for programs: {"columns": [...], "rows": [{...}]},
// entities as {"id","label","type"}, relations as {"source","target",
// "predicate","status","weight"}, paths as {"nodes": [...], "links": [...]}.
#pragma once

#include <string>

#include "query/query_engine.h"

namespace kg {

std::string WriteQueryResultJson(const GraphImage& graph, const QueryResult& result);

}  // namespace kg
