// The query language: a read-only subset of Cypher (docs/query-language.md
// lists exactly what is supported). ParseQuery turns text into this syntax
// tree; errors carry the 1-based column of the offending character so the
// command line can point at it with a caret.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kg::cypher {

// A literal in a query: null, true/false, integer, float, string or list.
struct Literal {
  std::variant<std::monostate, bool, int64_t, double, std::string, std::vector<Literal>> value;
};

struct Property {
  std::string key;
  Literal value;
  int column = 0;
};

struct NodePattern {
  std::string variable;             // "" when anonymous
  std::vector<std::string> labels;  // entity types, any of them
  std::vector<Property> properties;
  int column = 0;
};

struct RelationshipPattern {
  enum class Direction { kRight, kLeft, kEither };  // -[]->, <-[]-, -[]-
  std::string variable;
  std::vector<std::string> types;  // predicates, any of them
  std::vector<Property> properties;
  Direction direction = Direction::kEither;
  bool variable_length = false;  // *min..max
  int min_hops = 1;
  int max_hops = 1;
  int column = 0;
};

struct PathPattern {
  std::string variable;  // p = ...
  enum class Kind { kMatch, kShortest, kAllShortest } kind = Kind::kMatch;
  std::vector<NodePattern> nodes;                  // n nodes
  std::vector<RelationshipPattern> relationships;  // n - 1 relationships
  int column = 0;
};

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;

struct Expression {
  enum class Kind {
    kLiteral,   // literal
    kVariable,  // name
    kProperty,  // children[0].name
    kFunction,  // name(children...), or count(*) with star
    kList,      // [children...]
    kBinary,    // children[0] op children[1]: = <> < <= > >= CONTAINS STARTS ENDS IN AND OR
    kNot,       // NOT children[0]
    kIsNull,    // children[0] IS [NOT] NULL (negated)
  };
  Kind kind = Kind::kLiteral;
  Literal literal;
  std::string name;       // variable, property key, function name (lowercase) or operator
  bool star = false;      // count(*)
  bool distinct = false;  // count(DISTINCT x)
  bool negated = false;   // IS NOT NULL
  std::vector<ExpressionPtr> children;
  int column = 0;

  Expression() = default;
  ~Expression();  // iterative: a chain of 100,000 ORs must not overflow the stack
  Expression(const Expression&) = delete;
  Expression& operator=(const Expression&) = delete;
};

struct ReturnItem {
  ExpressionPtr expression;
  std::string alias;  // the column name: AS alias, else the expression's text
};

struct SortItem {
  ExpressionPtr expression;
  bool descending = false;
};

// One MATCH clause: its comma-separated patterns. A relation is used at
// most once within a clause (Cypher's relationship uniqueness).
struct MatchClause {
  std::vector<PathPattern> patterns;
};

struct Query {
  std::vector<MatchClause> matches;
  ExpressionPtr where;  // may be null
  bool distinct = false;
  std::vector<ReturnItem> items;
  std::vector<SortItem> order;
  std::optional<int64_t> skip;
  std::optional<int64_t> limit;
};

struct SyntaxError {
  std::string message;
  int column = 0;  // 1-based
};

// Either the query or the first syntax error.
std::variant<Query, SyntaxError> ParseQuery(std::string_view text);

}  // namespace kg::cypher
