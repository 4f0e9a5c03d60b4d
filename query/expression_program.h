// Expressions compiled to postfix operations over a stack of values, so
// that evaluating them is a loop, however deeply the query nests them (a
// chain of 100,000 ORs is 100,000 operations, not 100,000 stack frames).
// The binder (query_binder.h) compiles and checks them; the evaluator runs
// them against the values bound to a match's variables.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/graph_image.h"
#include "query/query_value.h"

namespace kg {

// Property names, for entities and relations alike ("type" is an entity's
// type or a relation's predicate).
enum class PropertyName : uint8_t {
  kId,
  kLabel,
  kType,
  kAliases,
  kMentions,
  kDocuments,
  kDegree,  // entities
  kPredicate,
  kStatus,
  kWeight,
  kSource,
  kTarget,
  kEvidence,  // relations (and kType, kDocuments)
};

enum class Function : uint8_t {
  kType,
  kId,
  kLabels,
  kStartNode,
  kEndNode,
  kLength,
  kSize,
  kNodes,
  kRelationships,
  kToLower,
  kToUpper,
  kCoalesce,
};

enum class Comparison : uint8_t {
  kEqual,
  kNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kContains,
  kStartsWith,
  kEndsWith,
  kIn,
};

struct Operation {
  enum class Code : uint8_t {
    kConstant,  // push constants[argument]
    kSlot,      // push the value bound to variable slot `argument`
    kColumn,    // push returned column `argument` (ORDER BY of an aggregate)
    kProperty,  // pop a subject, push its property `detail`
    kCall,      // pop `argument` values, push function `detail` of them
    kList,      // pop `argument` values, push them as a list
    kNot,
    kAnd,
    kOr,
    kCompare,          // pop two, push comparison `detail`
    kCompareConstant,  // pop one, push comparison `detail` with constants[argument]
    kIsNull,           // detail 1: IS NOT NULL
  };
  Code code = Code::kConstant;
  uint8_t detail = 0;
  uint32_t argument = 0;
  friend bool operator==(const Operation&, const Operation&) = default;
};

struct Program {
  std::vector<Operation> operations;
  std::vector<QueryValue> constants;
  // The same operations on equivalent constants: the same expression.
  bool SameAs(const Program& other) const;
  bool empty() const { return operations.empty(); }
};

class Evaluator {
 public:
  explicit Evaluator(const GraphImage& graph) : graph_(graph) {}

  // `slots`: values of the query's variables; `columns`: the row's returned
  // values, for programs with kColumn.
  QueryValue Run(const Program& program, std::span<const QueryValue> slots,
                 std::span<const QueryValue> columns = {});

  QueryValue Property(const QueryValue& subject, PropertyName name) const;

 private:
  QueryValue Call(Function function, std::span<const QueryValue> args) const;
  const GraphImage& graph_;
  std::vector<QueryValue> stack_;
};

// A condition holds only when it is true: null and false both fail.
inline bool IsTrue(const QueryValue& v) {
  return v.kind() == QueryValue::Kind::kBool && v.boolean();
}

}  // namespace kg
