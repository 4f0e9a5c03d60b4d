#include "query/query_value.h"

#include <cmath>
#include <functional>

namespace kg {

QueryValue QueryValue::String(std::string s) {
  return QueryValue(Storage(std::make_shared<const std::string>(std::move(s))));
}
QueryValue QueryValue::OfPath(Path p) {
  return QueryValue(Storage(std::make_shared<const Path>(std::move(p))));
}
QueryValue QueryValue::List(std::vector<QueryValue> items) {
  return QueryValue(Storage(std::make_shared<const std::vector<QueryValue>>(std::move(items))));
}

QueryValue::Kind QueryValue::kind() const {
  switch (value_.index()) {
    case 0:
      return Kind::kNull;
    case 1:
      return Kind::kBool;
    case 2:
      return Kind::kInt;
    case 3:
      return Kind::kFloat;
    case 4:
    case 5:
      return Kind::kString;
    case 6:
      return Kind::kNode;
    case 7:
      return Kind::kEdge;
    case 8:
      return Kind::kPath;
    default:
      return Kind::kList;
  }
}

double QueryValue::number() const {
  return std::holds_alternative<int64_t>(value_) ? static_cast<double>(std::get<int64_t>(value_))
                                                 : std::get<double>(value_);
}

std::string_view QueryValue::text() const {
  if (const auto* view = std::get_if<std::string_view>(&value_)) return *view;
  return *std::get<std::shared_ptr<const std::string>>(value_);
}

size_t QueryValue::index() const {
  if (const auto* node = std::get_if<NodeRef>(&value_)) return node->index;
  return std::get<EdgeRef>(value_).index;
}

namespace {

bool IsNumber(QueryValue::Kind kind) {
  return kind == QueryValue::Kind::kInt || kind == QueryValue::Kind::kFloat;
}

template <typename T>
int Three(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

// Integers compare exactly; a float against an integer as doubles.
int CompareNumbers(const QueryValue& a, const QueryValue& b) {
  if (a.kind() == QueryValue::Kind::kInt && b.kind() == QueryValue::Kind::kInt)
    return Three(a.integer(), b.integer());
  const double x = a.number();
  const double y = b.number();
  if (std::isnan(x) || std::isnan(y)) return Three(std::isnan(x), std::isnan(y));
  return Three(x, y);
}

}  // namespace

int CompareValues(const QueryValue& a, const QueryValue& b, const GraphImage& graph) {
  using Kind = QueryValue::Kind;
  const Kind ka = a.kind();
  const Kind kb = b.kind();
  if (IsNumber(ka) && IsNumber(kb)) return CompareNumbers(a, b);
  if (ka != kb) {
    const auto rank = [](Kind k) {
      return IsNumber(k) ? static_cast<int>(Kind::kInt) : static_cast<int>(k);
    };
    return Three(rank(ka), rank(kb));
  }
  switch (ka) {
    case Kind::kNull:
      return 0;
    case Kind::kBool:
      return Three(a.boolean(), b.boolean());
    case Kind::kInt:
    case Kind::kFloat:
      return CompareNumbers(a, b);
    case Kind::kString:
      return Three(a.text(), b.text());
    case Kind::kNode: {
      const int by_label = Three(graph.node_label(a.index()), graph.node_label(b.index()));
      return by_label != 0 ? by_label : Three(a.index(), b.index());
    }
    case Kind::kEdge:
      return Three(a.index(), b.index());
    case Kind::kPath:
      return Three(std::tie(a.path().nodes, a.path().edges),
                   std::tie(b.path().nodes, b.path().edges));
    case Kind::kList: {
      const auto& x = a.list();
      const auto& y = b.list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (const int c = CompareValues(x[i], y[i], graph); c != 0) return c;
      }
      return Three(x.size(), y.size());
    }
  }
  return 0;
}

bool Equivalent(const QueryValue& a, const QueryValue& b) {
  using Kind = QueryValue::Kind;
  const Kind ka = a.kind();
  const Kind kb = b.kind();
  if (IsNumber(ka) && IsNumber(kb)) return CompareNumbers(a, b) == 0;
  if (ka != kb) return false;
  switch (ka) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.boolean() == b.boolean();
    case Kind::kInt:
    case Kind::kFloat:
      return CompareNumbers(a, b) == 0;
    case Kind::kString:
      return a.text() == b.text();
    case Kind::kNode:
    case Kind::kEdge:
      return a.index() == b.index();
    case Kind::kPath:
      return a.path().nodes == b.path().nodes && a.path().edges == b.path().edges;
    case Kind::kList: {
      const auto& x = a.list();
      const auto& y = b.list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!Equivalent(x[i], y[i])) return false;
      }
      return true;
    }
  }
  return false;
}

size_t HashValue(const QueryValue& value) {
  using Kind = QueryValue::Kind;
  const auto mix = [](size_t h, size_t v) {
    return h ^ (v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2));
  };
  const Kind kind = value.kind();
  switch (kind) {
    case Kind::kNull:
      return 0x51ED;
    case Kind::kBool:
      return value.boolean() ? 0xB001 : 0xB000;
    case Kind::kInt:
    case Kind::kFloat: {
      // Equal numbers hash alike whatever their kind: hash the double,
      // with -0.0 and 0.0 as one.
      const double d = value.number();
      return std::hash<double>{}(d == 0.0 ? 0.0 : d);
    }
    case Kind::kString:
      return std::hash<std::string_view>{}(value.text());
    case Kind::kNode:
      return mix(0x40DE, value.index());
    case Kind::kEdge:
      return mix(0xED6E, value.index());
    case Kind::kPath: {
      size_t h = 0x9A7;
      for (size_t n : value.path().nodes) h = mix(h, n);
      for (size_t e : value.path().edges) h = mix(h, e);
      return h;
    }
    case Kind::kList: {
      size_t h = 0x1157;
      for (const auto& item : value.list()) h = mix(h, HashValue(item));
      return h;
    }
  }
  return 0;
}

std::optional<bool> Equals(const QueryValue& a, const QueryValue& b) {
  using Kind = QueryValue::Kind;
  const Kind ka = a.kind();
  const Kind kb = b.kind();
  if (ka == Kind::kNull || kb == Kind::kNull) return std::nullopt;
  if (IsNumber(ka) && IsNumber(kb)) {
    if (std::isnan(a.number()) || std::isnan(b.number())) return false;
    return CompareNumbers(a, b) == 0;
  }
  if (ka != kb) return false;
  if (ka == Kind::kList) {
    const auto& x = a.list();
    const auto& y = b.list();
    if (x.size() != y.size()) return false;
    bool unknown = false;
    for (size_t i = 0; i < x.size(); ++i) {
      const auto same = Equals(x[i], y[i]);
      if (same && !*same) return false;
      if (!same) unknown = true;
    }
    if (unknown) return std::nullopt;
    return true;
  }
  return Equivalent(a, b);
}

}  // namespace kg
