// Binds a parsed query to a graph: numbers its variables, checks every
// name (variables, entity types, relationship types, properties, functions,
// entity names), resolves what it can to indexes and compiles expressions.
// Errors name the column of the query and suggest what was meant.
#pragma once

#include <set>
#include <string>
#include <variant>

#include "graph/graph_image.h"
#include "query/cypher.h"
#include "query/entity_lookup.h"
#include "query/query_error.h"
#include "query/query_plan.h"

namespace kg {

struct BindContext {
  const GraphImage& graph;
  const EntityLookup& lookup;
  const std::set<std::string>& predicate_names;  // valid relationship types
};

std::variant<QueryPlan, QueryError> BindQuery(const cypher::Query& query,
                                              const BindContext& context);

}  // namespace kg
