#include "tests/differential/reference_evaluator.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace kg::diff {
namespace {

// A value: null, bool, int, string, entity or relation (by index), or a
// list of relations.
struct Val {
  enum class K { kNull, kBool, kInt, kString, kNode, kEdge, kList } k = K::kNull;
  int64_t i = 0;  // bool, int, node or edge index
  std::string s;
  std::vector<Val> list;
};

Val Null() { return {}; }
Val Bool(bool b) { return {Val::K::kBool, b ? 1 : 0, {}, {}}; }
Val Int(int64_t i) { return {Val::K::kInt, i, {}, {}}; }
Val Str(std::string s) { return {Val::K::kString, 0, std::move(s), {}}; }

using Env = std::map<std::string, Val>;

// Code points of UTF-8 text.
std::vector<char32_t> Decode(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string Encode(const std::vector<char32_t>& cps) {
  std::string out;
  for (char32_t cp : cps) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// Case of ASCII and Latin-1 letters: all the test's names use.
std::string Case(const std::string& s, bool upper) {
  std::vector<char32_t> cps = Decode(s);
  for (char32_t& c : cps) {
    const bool ascii_lower = c >= 'a' && c <= 'z';
    const bool ascii_upper = c >= 'A' && c <= 'Z';
    const bool latin_lower = c >= 0xE0 && c <= 0xFE && c != 0xF7;
    const bool latin_upper = c >= 0xC0 && c <= 0xDE && c != 0xD7;
    if (upper && (ascii_lower || latin_lower)) c -= 0x20;
    if (!upper && (ascii_upper || latin_upper)) c += 0x20;
  }
  return Encode(cps);
}

class Reference {
 public:
  Reference(const KnowledgeGraph& graph, const QueryTerm& query) : g_(graph), q_(query) {}

  std::vector<std::vector<std::string>> Run() {
    Env env;
    std::vector<Env> matches;
    Clause(0, env, matches);
    std::vector<std::vector<Val>> rows;
    for (const Env& m : matches) {
      if (q_.where && !IsTrue(Eval(*q_.where, m))) continue;
      rows.push_back({});
      for (const auto& item : q_.items)
        rows.back().push_back(item.count ? Null() : Eval(item.expression, m));
    }
    const bool grouped =
        std::any_of(q_.items.begin(), q_.items.end(), [](const auto& i) { return i.count; });
    if (grouped) rows = Group(matches, rows);
    if (q_.distinct) {
      std::vector<std::vector<Val>> unique;
      for (auto& row : rows) {
        if (std::none_of(unique.begin(), unique.end(),
                         [&](const auto& u) { return SameRow(u, row); }))
          unique.push_back(row);
      }
      rows = unique;
    }
    if (!q_.order_descending.empty()) {
      std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        for (size_t k = 0; k < q_.order_descending.size(); ++k) {
          const int c = Order(a[k], b[k]);
          if (c != 0) return q_.order_descending[k] ? c > 0 : c < 0;
        }
        return false;
      });
      const size_t skip = std::min(rows.size(), static_cast<size_t>(q_.skip));
      rows.erase(rows.begin(), rows.begin() + static_cast<long>(skip));
      if (q_.limit && rows.size() > static_cast<size_t>(*q_.limit))
        rows.resize(static_cast<size_t>(*q_.limit));
    }
    std::vector<std::vector<std::string>> out;
    for (const auto& row : rows) {
      out.push_back({});
      for (const auto& v : row) out.back().push_back(Print(v));
    }
    return out;
  }

 private:
  // ---- matching

  bool NodeFits(const NodeTerm& t, size_t n, const Env& env) const {
    const NodeData& node = g_.node(n);
    if (!t.labels.empty() &&
        std::find(t.labels.begin(), t.labels.end(), node.type) == t.labels.end())
      return false;
    if (t.type && node.type != *t.type) return false;
    if (t.mentions && node.mentions != *t.mentions) return false;
    if (t.id && node.id != *t.id) return false;
    if (!t.variable.empty()) {
      auto it = env.find(t.variable);
      if (it != env.end() && it->second.i != static_cast<int64_t>(n)) return false;
    }
    return true;
  }

  bool EdgeFits(const RelTerm& t, size_t e) const {
    const EdgeData& edge = g_.edge(e);
    if (!t.types.empty() &&
        std::find(t.types.begin(), t.types.end(), edge.predicate) == t.types.end())
      return false;
    if (t.status && edge.status != *t.status) return false;
    if (t.weight && edge.weight != *t.weight) return false;
    return true;
  }

  // The nodes one relation leads to from `from`, as a walk in `t`'s direction.
  std::vector<size_t> Steps(const RelTerm& t, size_t e, size_t from) const {
    const size_t s = g_.edge_source(e);
    const size_t o = g_.edge_target(e);
    const bool symmetric = g_.edge(e).predicate == kPredicates[0];
    std::vector<size_t> to;
    const bool forward = t.direction != Direction::kLeft || symmetric;
    const bool backward = t.direction != Direction::kRight || symmetric;
    if (forward && s == from) to.push_back(o);
    if (backward && o == from) to.push_back(s);
    return to;
  }

  void Clause(size_t c, Env& env, std::vector<Env>& out) {
    if (c == q_.clauses.size()) {
      out.push_back(env);
      return;
    }
    std::set<size_t> used;
    Pattern(c, 0, env, used, out);
  }

  void Pattern(size_t c, size_t p, Env& env, std::set<size_t>& used, std::vector<Env>& out) {
    if (p == q_.clauses[c].size()) {
      Clause(c + 1, env, out);
      return;
    }
    const PathTerm& path = q_.clauses[c][p];
    for (size_t n = 0; n < g_.node_count(); ++n) {
      if (!NodeFits(path.nodes[0], n, env)) continue;
      Env next = env;
      if (!path.nodes[0].variable.empty())
        next[path.nodes[0].variable] = {Val::K::kNode, static_cast<int64_t>(n), {}, {}};
      Hop(c, p, 0, n, next, used, out);
    }
  }

  void Hop(size_t c, size_t p, size_t r, size_t at, Env& env, std::set<size_t>& used,
           std::vector<Env>& out) {
    const PathTerm& path = q_.clauses[c][p];
    if (r == path.relationships.size()) {
      Pattern(c, p + 1, env, used, out);
      return;
    }
    const RelTerm& t = path.relationships[r];
    const NodeTerm& next_node = path.nodes[r + 1];
    std::vector<size_t> walked;
    std::function<void(size_t)> walk = [&](size_t here) {
      const int depth = static_cast<int>(walked.size());
      if (depth >= t.min_hops && NodeFits(next_node, here, env)) {
        Env next = env;
        if (!t.variable.empty()) {
          Val list{Val::K::kList, 0, {}, {}};
          for (size_t e : walked)
            list.list.push_back({Val::K::kEdge, static_cast<int64_t>(e), {}, {}});
          next[t.variable] = list;
        }
        if (!next_node.variable.empty())
          next[next_node.variable] = {Val::K::kNode, static_cast<int64_t>(here), {}, {}};
        Hop(c, p, r + 1, here, next, used, out);
      }
      if (depth >= t.max_hops) return;
      for (size_t e = 0; e < g_.edge_count(); ++e) {
        if (used.contains(e) || !EdgeFits(t, e)) continue;
        for (size_t to : Steps(t, e, here)) {
          used.insert(e);
          walked.push_back(e);
          walk(to);
          walked.pop_back();
          used.erase(e);
        }
      }
    };
    if (t.variable_length) {
      walk(at);
      return;
    }
    for (size_t e = 0; e < g_.edge_count(); ++e) {
      if (used.contains(e) || !EdgeFits(t, e)) continue;
      if (!t.variable.empty()) {
        auto bound = env.find(t.variable);
        if (bound != env.end() && bound->second.i != static_cast<int64_t>(e)) continue;
      }
      for (size_t to : Steps(t, e, at)) {
        if (!NodeFits(next_node, to, env)) continue;
        Env next = env;
        if (!t.variable.empty())
          next[t.variable] = {Val::K::kEdge, static_cast<int64_t>(e), {}, {}};
        if (!next_node.variable.empty())
          next[next_node.variable] = {Val::K::kNode, static_cast<int64_t>(to), {}, {}};
        used.insert(e);
        Hop(c, p, r + 1, to, next, used, out);
        used.erase(e);
      }
    }
  }

  // ---- expressions

  static bool IsTrue(const Val& v) { return v.k == Val::K::kBool && v.i != 0; }

  Val Property(const Val& subject, const std::string& name) const {
    if (subject.k == Val::K::kNode) {
      const NodeData& node = g_.node(static_cast<size_t>(subject.i));
      if (name == "mentions") return Int(node.mentions);
      if (name == "type") return Str(std::string(EntityTypeName(node.type)));
      if (name == "id") return Str(node.id);
      if (name == "label") return Str(node.label);
      if (name == "degree") {
        int64_t degree = 0;
        for (size_t e = 0; e < g_.edge_count(); ++e)
          degree += (g_.edge_source(e) == static_cast<size_t>(subject.i)) +
                    (g_.edge_target(e) == static_cast<size_t>(subject.i));
        return Int(degree);
      }
    }
    if (subject.k == Val::K::kEdge) {
      const EdgeData& edge = g_.edge(static_cast<size_t>(subject.i));
      if (name == "weight") return Int(edge.weight);
      if (name == "status") return Str(std::string(RelationStatusName(edge.status)));
    }
    return Null();
  }

  // Cypher's `=`: nullopt is "unknown".
  static std::optional<bool> Equal(const Val& a, const Val& b) {
    if (a.k == Val::K::kNull || b.k == Val::K::kNull) return std::nullopt;
    if (a.k != b.k) return false;
    if (a.k == Val::K::kString) return a.s == b.s;
    return a.i == b.i;
  }

  static Val Logic(std::optional<bool> b) { return b ? Bool(*b) : Null(); }
  static std::optional<bool> AsLogic(const Val& v) {
    if (v.k == Val::K::kBool) return v.i != 0;
    return std::nullopt;
  }

  Val Eval(const Expr& e, const Env& env) const {
    switch (e.kind) {
      case Expr::Kind::kInt:
        return Int(e.number);
      case Expr::Kind::kString:
        return Str(e.name);
      case Expr::Kind::kBool:
        return Bool(e.number != 0);
      case Expr::Kind::kNull:
        return Null();
      case Expr::Kind::kList: {
        Val list{Val::K::kList, 0, {}, {}};
        for (const auto& c : e.children) list.list.push_back(Eval(c, env));
        return list;
      }
      case Expr::Kind::kVariable:
        return env.at(e.name);
      case Expr::Kind::kProperty:
        return Property(Eval(e.children[0], env), e.name);
      case Expr::Kind::kCall: {
        const Val arg = Eval(e.children[0], env);
        if (e.name == "type") return Str(g_.edge(static_cast<size_t>(arg.i)).predicate);
        if (e.name == "size") {
          if (arg.k == Val::K::kList) return Int(static_cast<int64_t>(arg.list.size()));
          if (arg.k == Val::K::kString) return Int(static_cast<int64_t>(Decode(arg.s).size()));
          return Null();
        }
        if (arg.k != Val::K::kString) return Null();
        return Str(Case(arg.s, e.name == "toUpper"));
      }
      case Expr::Kind::kCompare: {
        const Val a = Eval(e.children[0], env);
        const Val b = Eval(e.children[1], env);
        if (e.name == "IN") {
          bool unknown = false;
          for (const auto& item : b.list) {
            const auto same = Equal(a, item);
            if (same && *same) return Bool(true);
            if (!same) unknown = true;
          }
          return unknown ? Null() : Bool(false);
        }
        if (e.name == "=") return Logic(Equal(a, b));
        if (e.name == "<>") {
          const auto same = Equal(a, b);
          return same ? Bool(!*same) : Null();
        }
        if (a.k == Val::K::kNull || b.k == Val::K::kNull || a.k != b.k) return Null();
        if (e.name == "CONTAINS" || e.name == "STARTS WITH" || e.name == "ENDS WITH") {
          if (a.k != Val::K::kString) return Null();
          if (e.name == "CONTAINS") return Bool(a.s.find(b.s) != std::string::npos);
          if (e.name == "STARTS WITH")
            return Bool(a.s.compare(0, b.s.size(), b.s) == 0 && a.s.size() >= b.s.size());
          return Bool(a.s.size() >= b.s.size() &&
                      a.s.compare(a.s.size() - b.s.size(), b.s.size(), b.s) == 0);
        }
        const int c = a.k == Val::K::kString ? (a.s < b.s   ? -1
                                                : a.s > b.s ? 1
                                                            : 0)
                                             : (a.i < b.i   ? -1
                                                : a.i > b.i ? 1
                                                            : 0);
        if (e.name == "<") return Bool(c < 0);
        if (e.name == "<=") return Bool(c <= 0);
        if (e.name == ">") return Bool(c > 0);
        return Bool(c >= 0);
      }
      case Expr::Kind::kAnd: {
        const auto a = AsLogic(Eval(e.children[0], env));
        const auto b = AsLogic(Eval(e.children[1], env));
        if ((a && !*a) || (b && !*b)) return Bool(false);
        if (!a || !b) return Null();
        return Bool(true);
      }
      case Expr::Kind::kOr: {
        const auto a = AsLogic(Eval(e.children[0], env));
        const auto b = AsLogic(Eval(e.children[1], env));
        if ((a && *a) || (b && *b)) return Bool(true);
        if (!a || !b) return Null();
        return Bool(false);
      }
      case Expr::Kind::kNot: {
        const auto a = AsLogic(Eval(e.children[0], env));
        return a ? Bool(!*a) : Null();
      }
      case Expr::Kind::kIsNull:
        return Bool(Eval(e.children[0], env).k == Val::K::kNull);
      case Expr::Kind::kIsNotNull:
        return Bool(Eval(e.children[0], env).k != Val::K::kNull);
    }
    return Null();
  }

  // ---- grouping and ordering

  static bool Same(const Val& a, const Val& b) {
    if (a.k != b.k) return false;
    if (a.k == Val::K::kString) return a.s == b.s;
    return a.i == b.i;
  }
  static bool SameRow(const std::vector<Val>& a, const std::vector<Val>& b) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!Same(a[i], b[i])) return false;
    }
    return true;
  }

  std::vector<std::vector<Val>> Group(const std::vector<Env>& matches,
                                      const std::vector<std::vector<Val>>& rows) {
    std::vector<std::vector<Val>> groups;
    std::vector<std::vector<std::vector<Val>>> members;  // counted values per group
    size_t row = 0;
    for (const Env& m : matches) {
      if (q_.where && !IsTrue(Eval(*q_.where, m))) continue;
      const std::vector<Val>& key = rows[row++];
      size_t g = 0;
      while (g < groups.size() && !SameRow(groups[g], key)) ++g;
      if (g == groups.size()) {
        groups.push_back(key);
        members.emplace_back();
      }
      for (const auto& item : q_.items) {
        if (item.count) members[g].push_back({item.star ? Bool(true) : Eval(item.expression, m)});
      }
    }
    const bool only_counts =
        std::all_of(q_.items.begin(), q_.items.end(), [](const auto& i) { return i.count; });
    if (groups.empty() && only_counts) {
      groups.push_back(std::vector<Val>(q_.items.size(), Int(0)));
      return groups;
    }
    for (size_t g = 0; g < groups.size(); ++g) {
      for (size_t i = 0; i < q_.items.size(); ++i) {
        const ReturnTerm& item = q_.items[i];
        if (!item.count) continue;
        std::vector<Val> seen;
        for (const auto& values : members[g]) {
          const Val& v = values[0];
          if (v.k == Val::K::kNull) continue;
          if (item.distinct &&
              std::any_of(seen.begin(), seen.end(), [&](const Val& s) { return Same(s, v); }))
            continue;
          seen.push_back(v);
        }
        groups[g][i] = Int(static_cast<int64_t>(seen.size()));
      }
    }
    return groups;
  }

  // Ascending order: null last; false before true.
  static int Order(const Val& a, const Val& b) {
    if (a.k == Val::K::kNull || b.k == Val::K::kNull)
      return (a.k == Val::K::kNull) - (b.k == Val::K::kNull);
    if (a.k == Val::K::kString) return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
    return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
  }

  std::string Print(const Val& v) const {
    switch (v.k) {
      case Val::K::kNull:
        return "null";
      case Val::K::kBool:
        return v.i != 0 ? "true" : "false";
      case Val::K::kInt:
        return std::to_string(v.i);
      case Val::K::kString:
        return "\"" + v.s + "\"";
      case Val::K::kNode:
        return "N:" + g_.node(static_cast<size_t>(v.i)).id;
      case Val::K::kEdge:
        return "E:" + std::to_string(v.i);
      case Val::K::kList:
        return "list";
    }
    return "";
  }

  const KnowledgeGraph& g_;
  const QueryTerm& q_;
};

}  // namespace

std::vector<std::vector<std::string>> EvaluateReference(const KnowledgeGraph& graph,
                                                        const QueryTerm& query) {
  return Reference(graph, query).Run();
}

}  // namespace kg::diff
