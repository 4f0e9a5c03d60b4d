#include "query/query_engine.h"

#include "query/cypher.h"
#include "query/pattern_matcher.h"
#include "query/query_binder.h"
#include "query/work_budget.h"

namespace kg {

QueryEngine::QueryEngine(const GraphImage& graph, QueryOptions options)
    : graph_(graph),
      options_(std::move(options)),
      lookup_(graph),
      predicates_(options_.known_predicates),
      symmetric_(graph.predicate_count(), 0) {
  for (uint32_t p = 0; p < graph.predicate_count(); ++p) {
    const std::string name(graph.predicate_name(p));
    predicates_.insert(name);
    symmetric_[p] = options_.symmetric_predicates.contains(name) ? 1 : 0;
  }
}

std::variant<QueryResult, QueryError> QueryEngine::Run(std::string_view text) const {
  auto parsed = cypher::ParseQuery(text);
  if (auto* error = std::get_if<cypher::SyntaxError>(&parsed))
    return QueryError{error->message, error->column};
  auto bound = BindQuery(std::get<cypher::Query>(parsed), {graph_, lookup_, predicates_});
  if (auto* error = std::get_if<QueryError>(&bound)) return *error;
  const QueryPlan& plan = std::get<QueryPlan>(bound);
  try {
    WorkBudget budget(options_.max_work);
    ResultBuilder builder(graph_, plan, options_.max_rows);
    PatternMatcher matcher(graph_, plan, symmetric_, &budget);
    matcher.Run([&](std::span<const QueryValue> slots) { return builder.Add(slots); });
    return builder.Finish();
  } catch (const QueryFailure& failure) {
    return failure.error;
  }
}

}  // namespace kg
