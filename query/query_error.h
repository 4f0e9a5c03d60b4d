// A query's error: what went wrong, and the 1-based column of the query
// text to point at (0 when the error has no single position).
#pragma once

#include <string>

namespace kg {

struct QueryError {
  std::string message;
  int column = 0;
};

// Thrown inside the engine (binder, matcher, evaluator) and turned into a
// QueryError value at its boundary, QueryEngine::Run().
struct QueryFailure {
  QueryError error;
};

[[noreturn]] inline void Fail(std::string message, int column = 0) {
  throw QueryFailure{{std::move(message), column}};
}

}  // namespace kg
