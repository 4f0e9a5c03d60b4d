// A value in a query: null, boolean, integer, float, string, entity,
// relation, path or list. 24 bytes: entities and relations are indexes,
// strings of the graph are views into its image, and computed strings,
// paths and lists are shared, immutable heap objects.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/algorithms.h"
#include "graph/graph_image.h"

namespace kg {

class QueryValue {
 public:
  // Kinds in openCypher's order for sorting values of different kinds.
  enum class Kind : uint8_t { kNode, kEdge, kList, kPath, kString, kBool, kInt, kFloat, kNull };

  QueryValue() = default;  // null
  static QueryValue Null() { return {}; }
  static QueryValue Bool(bool b) { return QueryValue(Storage(b)); }
  static QueryValue Int(int64_t i) { return QueryValue(Storage(i)); }
  static QueryValue Float(double d) { return QueryValue(Storage(d)); }
  // A string that lives as long as the graph image (a property).
  static QueryValue GraphString(std::string_view s) { return QueryValue(Storage(s)); }
  static QueryValue String(std::string s);
  static QueryValue Node(size_t n) {
    return QueryValue(Storage(NodeRef{static_cast<uint32_t>(n)}));
  }
  static QueryValue Edge(size_t e) {
    return QueryValue(Storage(EdgeRef{static_cast<uint32_t>(e)}));
  }
  static QueryValue OfPath(Path p);
  static QueryValue List(std::vector<QueryValue> items);

  Kind kind() const;
  bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
  bool boolean() const { return std::get<bool>(value_); }
  int64_t integer() const { return std::get<int64_t>(value_); }
  double real() const { return std::get<double>(value_); }
  double number() const;  // an integer or float as double
  std::string_view text() const;
  size_t index() const;  // of a node or edge
  const Path& path() const { return *std::get<std::shared_ptr<const Path>>(value_); }
  const std::vector<QueryValue>& list() const {
    return *std::get<std::shared_ptr<const std::vector<QueryValue>>>(value_);
  }

 private:
  struct NodeRef {
    uint32_t index;
  };
  struct EdgeRef {
    uint32_t index;
  };
  using Storage =
      std::variant<std::monostate, bool, int64_t, double, std::string_view,
                   std::shared_ptr<const std::string>, NodeRef, EdgeRef,
                   std::shared_ptr<const Path>, std::shared_ptr<const std::vector<QueryValue>>>;
  explicit QueryValue(Storage value) : value_(std::move(value)) {}
  Storage value_;
};

// Orders values for ORDER BY: by kind in openCypher's order (null last),
// numbers by value, strings by bytes, entities by label then index, paths
// and lists element by element.
int CompareValues(const QueryValue& a, const QueryValue& b, const GraphImage& graph);

// Equality for grouping and DISTINCT: null equals null, 1 equals 1.0.
bool Equivalent(const QueryValue& a, const QueryValue& b);
size_t HashValue(const QueryValue& value);

// Cypher's `=`: null when either side is or holds null, false for values of
// different kinds.
std::optional<bool> Equals(const QueryValue& a, const QueryValue& b);

}  // namespace kg
