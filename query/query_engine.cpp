#include "query/query_engine.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/text.h"
#include "query/cypher.h"

namespace kg {

QueryValue QueryValue::Bool(bool b) {
  QueryValue v;
  v.kind = Kind::kBool;
  v.boolean = b;
  return v;
}
QueryValue QueryValue::Int(int64_t i) {
  QueryValue v;
  v.kind = Kind::kInt;
  v.integer = i;
  return v;
}
QueryValue QueryValue::Float(double f) {
  QueryValue v;
  v.kind = Kind::kFloat;
  v.real = f;
  return v;
}
QueryValue QueryValue::String(std::string s) {
  QueryValue v;
  v.kind = Kind::kString;
  v.text = std::move(s);
  return v;
}
QueryValue QueryValue::Node(size_t n) {
  QueryValue v;
  v.kind = Kind::kNode;
  v.index = n;
  return v;
}
QueryValue QueryValue::Edge(size_t e) {
  QueryValue v;
  v.kind = Kind::kEdge;
  v.index = e;
  return v;
}
QueryValue QueryValue::OfPath(Path p) {
  QueryValue v;
  v.kind = Kind::kPath;
  v.path = std::move(p);
  return v;
}
QueryValue QueryValue::List(std::vector<QueryValue> items) {
  QueryValue v;
  v.kind = Kind::kList;
  v.list = std::move(items);
  return v;
}

namespace {

bool IsNumber(const QueryValue& v) {
  return v.kind == QueryValue::Kind::kInt || v.kind == QueryValue::Kind::kFloat;
}
double AsDouble(const QueryValue& v) {
  return v.kind == QueryValue::Kind::kInt ? static_cast<double>(v.integer) : v.real;
}
template <typename T>
int Three(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

}  // namespace

int CompareValues(const QueryValue& a, const QueryValue& b, const KnowledgeGraph& graph) {
  using Kind = QueryValue::Kind;
  if (a.kind == Kind::kNull || b.kind == Kind::kNull)
    return Three(a.kind == Kind::kNull, b.kind == Kind::kNull);
  if (IsNumber(a) && IsNumber(b)) return Three(AsDouble(a), AsDouble(b));
  if (a.kind != b.kind) return Three(static_cast<int>(a.kind), static_cast<int>(b.kind));
  switch (a.kind) {
    case Kind::kNull:
      return 0;
    case Kind::kBool:
      return Three(a.boolean, b.boolean);
    case Kind::kInt:
    case Kind::kFloat:
      return Three(AsDouble(a), AsDouble(b));
    case Kind::kString:
      return Three(a.text, b.text);
    case Kind::kNode: {
      const int by_label = Three(graph.node(a.index).label, graph.node(b.index).label);
      return by_label != 0 ? by_label : Three(a.index, b.index);
    }
    case Kind::kEdge:
      return Three(a.index, b.index);
    case Kind::kPath:
      return Three(std::make_pair(a.path.nodes, a.path.edges),
                   std::make_pair(b.path.nodes, b.path.edges));
    case Kind::kList:
      for (size_t i = 0; i < a.list.size() && i < b.list.size(); ++i) {
        if (const int c = CompareValues(a.list[i], b.list[i], graph); c != 0) return c;
      }
      return Three(a.list.size(), b.list.size());
  }
  return 0;
}

namespace {

using cypher::Expression;
using cypher::Literal;
using cypher::PathPattern;
using cypher::RelationshipPattern;

class Failure {
 public:
  Failure(std::string message, int column) : error{std::move(message), column} {}
  QueryError error;
};

QueryValue FromLiteral(const Literal& literal) {
  struct Visitor {
    QueryValue operator()(std::monostate) const { return QueryValue::Null(); }
    QueryValue operator()(bool b) const { return QueryValue::Bool(b); }
    QueryValue operator()(int64_t i) const { return QueryValue::Int(i); }
    QueryValue operator()(double d) const { return QueryValue::Float(d); }
    QueryValue operator()(const std::string& s) const { return QueryValue::String(s); }
    QueryValue operator()(const std::vector<Literal>& items) const {
      std::vector<QueryValue> out;
      for (const auto& item : items) out.push_back(FromLiteral(item));
      return QueryValue::List(std::move(out));
    }
  };
  return std::visit(Visitor{}, literal.value);
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The closest of `options` to `word`, for "did you mean" hints.
std::string Closest(const std::string& word, const std::vector<std::string>& options) {
  std::string best;
  size_t best_distance = std::max<size_t>(3, word.size() / 2);
  for (const auto& option : options) {
    const size_t d = EditDistance(AsciiLower(word), AsciiLower(option), best_distance);
    if (d < best_distance) {
      best_distance = d;
      best = option;
    }
  }
  return best;
}

const std::vector<std::string> kNodeProperties = {"id",      "label",    "name",      "type",
                                                  "aliases", "mentions", "documents", "degree"};
const std::vector<std::string> kEdgeProperties = {"predicate", "type",   "status",   "weight",
                                                  "source",    "target", "evidence", "documents"};

enum class VarKind { kNode, kEdge, kEdgeList, kPath, kAlias };

struct CompiledNode {
  int slot = -1;
  TypeSet types = TypeSet::All();
  std::optional<std::vector<size_t>> candidates;  // from name/label/id properties
  std::optional<int64_t> mentions;
};

struct CompiledRel {
  int slot = -1;
  std::unordered_set<std::string> types;  // empty: any
  std::optional<RelationStatus> status;
  std::optional<int64_t> weight;
  RelationshipPattern::Direction direction = RelationshipPattern::Direction::kEither;
  bool variable_length = false;
  int min_hops = 1;
  int max_hops = 1;
};

struct CompiledPath {
  int slot = -1;  // path variable
  PathPattern::Kind kind = PathPattern::Kind::kMatch;
  std::vector<CompiledNode> nodes;
  std::vector<CompiledRel> rels;
  bool reversed = false;  // matched from its last node; paths are turned back
};

using Binding = std::vector<QueryValue>;

// One query run: compiles the syntax tree against the graph, then matches.
class QueryRun {
 public:
  QueryRun(const QueryEngine& engine, const cypher::Query& query,
           const std::set<std::string>& predicates)
      : engine_(engine), graph_(engine.graph()), query_(query), predicates_(predicates) {}

  QueryResult Execute() {
    for (const auto& path : query_.patterns) paths_.push_back(CompilePath(path));
    if (query_.where) CheckExpression(*query_.where, false);
    for (const auto& item : query_.items) {
      CheckExpression(*item.expression, true);
      aggregate_.push_back(IsAggregate(*item.expression));
      result_.columns.push_back(item.alias);
    }
    for (const auto& item : query_.order)
      CheckExpression(*item.expression, true, /*allow_aliases=*/true);
    grouped_ = std::any_of(aggregate_.begin(), aggregate_.end(), [](bool a) { return a; });
    const bool streaming =
        !grouped_ && !query_.distinct && query_.order.empty() && query_.limit.has_value();
    // SKIP + LIMIT saturates: both may be as large as INT64_MAX.
    const auto limit = static_cast<uint64_t>(query_.limit.value_or(0));
    const auto skip = static_cast<uint64_t>(query_.skip.value_or(0));
    stop_after_ = !streaming ? SIZE_MAX : limit > SIZE_MAX - skip ? SIZE_MAX : limit + skip;

    Binding binding(slots_.size());
    MatchPath(0, &binding);
    Finish();
    return std::move(result_);
  }

 private:
  // ---- compilation ----------------------------------------------------------

  int Declare(const std::string& name, VarKind kind, int column) {
    if (name.empty()) return -1;
    auto it = variables_.find(name);
    if (it != variables_.end()) {
      if (it->second.first != kind)
        throw Failure("variable \"" + name + "\" is used for two different things", column);
      return it->second.second;
    }
    const int slot = static_cast<int>(slots_.size());
    slots_.push_back(kind);
    variables_[name] = {kind, slot};
    return slot;
  }

  TypeSet CompileLabels(const std::vector<std::string>& labels, int column) const {
    if (labels.empty()) return TypeSet::All();
    TypeSet types = TypeSet::None();
    for (const auto& label : labels) {
      std::string upper = label;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const auto type = ParseEntityType(upper);
      if (!type) {
        throw Failure("unknown entity type \"" + label +
                          "\"; the types are PERSON, ORGANIZATION and LOCATION",
                      column);
      }
      types.Add(*type);
    }
    return types;
  }

  CompiledNode CompileNode(const cypher::NodePattern& pattern) {
    CompiledNode node;
    node.slot = Declare(pattern.variable, VarKind::kNode, pattern.column);
    node.types = CompileLabels(pattern.labels, pattern.column);
    for (const auto& property : pattern.properties) {
      const std::string key = AsciiLower(property.key);
      const QueryValue value = FromLiteral(property.value);
      if (key == "label" || key == "name" || key == "id") {
        if (value.kind != QueryValue::Kind::kString)
          throw Failure(key + " must be a string", property.column);
        std::vector<size_t> found;
        if (key == "id") {
          if (auto n = graph_.FindNode(value.text)) found.push_back(*n);
        } else {
          found = engine_.lookup().Find(value.text);
        }
        if (found.empty()) {
          auto resolved = engine_.lookup().Resolve(value.text);
          throw Failure(resolved.ok() ? "no entity with id \"" + value.text + "\""
                                      : resolved.status().message(),
                        property.column);
        }
        std::sort(found.begin(), found.end());
        if (node.candidates) {
          std::vector<size_t> both;
          std::set_intersection(node.candidates->begin(), node.candidates->end(), found.begin(),
                                found.end(), std::back_inserter(both));
          found = std::move(both);
        }
        node.candidates = std::move(found);
      } else if (key == "type") {
        if (value.kind != QueryValue::Kind::kString)
          throw Failure("type must be a string", property.column);
        const TypeSet types = CompileLabels({value.text}, property.column);
        for (EntityType t :
             {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
          if (!types.Contains(t) && node.types.Contains(t)) node.types = types;
        }
      } else if (key == "mentions") {
        if (value.kind != QueryValue::Kind::kInt)
          throw Failure("mentions must be a whole number", property.column);
        node.mentions = value.integer;
      } else {
        throw Failure("unknown node property \"" + property.key +
                          "\" in a pattern; use label, name, id, type or mentions",
                      property.column);
      }
    }
    return node;
  }

  CompiledRel CompileRel(const RelationshipPattern& pattern) {
    CompiledRel rel;
    rel.slot =
        Declare(pattern.variable, pattern.variable_length ? VarKind::kEdgeList : VarKind::kEdge,
                pattern.column);
    rel.direction = pattern.direction;
    rel.variable_length = pattern.variable_length;
    rel.min_hops = pattern.min_hops;
    rel.max_hops = pattern.max_hops;
    for (const auto& type : pattern.types) {
      if (!predicates_.contains(type)) {
        const std::vector<std::string> valid(predicates_.begin(), predicates_.end());
        const std::string close = Closest(type, valid);
        throw Failure("unknown relationship type \"" + type + "\"" +
                          (close.empty() ? "" : " (did you mean \"" + close + "\"?)") +
                          "; the types are " + Join(valid),
                      pattern.column);
      }
      rel.types.insert(type);
    }
    for (const auto& property : pattern.properties) {
      const std::string key = AsciiLower(property.key);
      const QueryValue value = FromLiteral(property.value);
      if (key == "status") {
        auto status = value.kind == QueryValue::Kind::kString ? ParseRelationStatus(value.text)
                                                              : std::nullopt;
        if (!status)
          throw Failure("status must be \"asserted\", \"negated\" or \"hypothetical\"",
                        property.column);
        rel.status = status;
      } else if (key == "weight") {
        if (value.kind != QueryValue::Kind::kInt)
          throw Failure("weight must be a whole number", property.column);
        rel.weight = value.integer;
      } else {
        throw Failure("unknown relationship property \"" + property.key +
                          "\" in a pattern; use status or weight",
                      property.column);
      }
    }
    return rel;
  }

  static int Strength(const CompiledNode& node) {
    return node.candidates ? 3 : node.slot >= 0 ? 1 : !node.types.IsAll() ? 1 : 0;
  }

  CompiledPath CompilePath(const PathPattern& pattern) {
    CompiledPath path;
    path.kind = pattern.kind;
    path.slot = Declare(pattern.variable, VarKind::kPath, pattern.column);
    // Variables bound by an earlier pattern are known before this one runs.
    std::vector<bool> bound_before;
    for (const auto& node : pattern.nodes)
      bound_before.push_back(!node.variable.empty() && variables_.contains(node.variable));
    for (const auto& node : pattern.nodes) path.nodes.push_back(CompileNode(node));
    for (const auto& rel : pattern.relationships) path.rels.push_back(CompileRel(rel));
    // Shortest paths follow relations either way (docs/query-language.md).
    if (path.kind != PathPattern::Kind::kMatch) return path;
    // Start from the better-constrained end: "(a)-[:met_with]-(b {label: 'X'})"
    // walks out from X instead of trying every a.
    const auto strength = [&](size_t i) { return bound_before[i] ? 4 : Strength(path.nodes[i]); };
    if (path.nodes.size() > 1 && strength(path.nodes.size() - 1) > strength(0)) {
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.rels.begin(), path.rels.end());
      for (auto& rel : path.rels) {
        if (rel.direction == RelationshipPattern::Direction::kRight) {
          rel.direction = RelationshipPattern::Direction::kLeft;
        } else if (rel.direction == RelationshipPattern::Direction::kLeft) {
          rel.direction = RelationshipPattern::Direction::kRight;
        }
      }
      path.reversed = true;
    }
    return path;
  }

  static bool IsAggregate(const Expression& e) {
    return e.kind == Expression::Kind::kFunction && e.name == "count";
  }

  void CheckExpression(const Expression& e, bool allow_aggregate, bool allow_aliases = false) {
    switch (e.kind) {
      case Expression::Kind::kLiteral:
        return;
      case Expression::Kind::kVariable:
        if (variables_.contains(e.name)) return;
        if (allow_aliases && std::find(result_.columns.begin(), result_.columns.end(), e.name) !=
                                 result_.columns.end()) {
          return;
        }
        throw Failure("unknown variable \"" + e.name + "\"" +
                          (variables_.empty() ? ""
                                              : "; the pattern binds " +
                                                    [&] {
                                                      std::vector<std::string> names;
                                                      for (const auto& [name, info] : variables_)
                                                        names.push_back(name);
                                                      return Join(names);
                                                    }()),
                      e.column);
      case Expression::Kind::kProperty: {
        CheckExpression(*e.children[0], false, allow_aliases);
        if (e.children[0]->kind != Expression::Kind::kVariable) return;
        auto it = variables_.find(e.children[0]->name);
        if (it == variables_.end()) return;
        const VarKind kind = it->second.first;
        const auto& valid = kind == VarKind::kNode ? kNodeProperties : kEdgeProperties;
        if (kind == VarKind::kPath || kind == VarKind::kEdgeList) {
          throw Failure(
              "\"" + e.children[0]->name + "\" is a path; use length(), nodes() or relationships()",
              e.column);
        }
        if (std::find(valid.begin(), valid.end(), AsciiLower(e.name)) == valid.end()) {
          throw Failure("unknown property \"" + e.name + "\"; " +
                            (kind == VarKind::kNode ? "entities" : "relations") + " have " +
                            Join(valid),
                        e.column);
        }
        return;
      }
      case Expression::Kind::kFunction: {
        static const std::set<std::string> kFunctions = {
            "type",          "id",      "labels",  "count",     "length",  "size",    "nodes",
            "relationships", "tolower", "toupper", "startnode", "endnode", "coalesce"};
        if (!kFunctions.contains(e.name)) {
          throw Failure("unknown function \"" + e.name + "\"; the functions are " +
                            Join(std::vector<std::string>(kFunctions.begin(), kFunctions.end())),
                        e.column);
        }
        if (e.name == "count" && !allow_aggregate)
          throw Failure("count() belongs in RETURN or ORDER BY", e.column);
        if (e.name != "count" && e.star) throw Failure("only count(*) takes *", e.column);
        if (e.name == "count" && !e.star && e.children.size() != 1)
          throw Failure("count() takes one argument, or *", e.column);
        const bool one_argument = e.name != "count" && e.name != "coalesce";
        if (one_argument && e.children.size() != 1)
          throw Failure(e.name + "() takes one argument", e.column);
        for (const auto& child : e.children) CheckExpression(*child, false, allow_aliases);
        return;
      }
      default:
        for (const auto& child : e.children) CheckExpression(*child, false, allow_aliases);
    }
  }

  // ---- matching -------------------------------------------------------------

  bool NodeFits(const CompiledNode& pattern, size_t node, const Binding& binding) const {
    const NodeData& data = graph_.node(node);
    if (!pattern.types.Contains(data.type)) return false;
    if (pattern.candidates &&
        !std::binary_search(pattern.candidates->begin(), pattern.candidates->end(), node)) {
      return false;
    }
    if (pattern.mentions && data.mentions != *pattern.mentions) return false;
    if (pattern.slot >= 0) {
      const QueryValue& bound = binding[static_cast<size_t>(pattern.slot)];
      if (bound.kind == QueryValue::Kind::kNode && bound.index != node) return false;
    }
    return true;
  }

  bool EdgeFits(const CompiledRel& rel, const Arc& arc) const {
    if (used_edges_.contains(arc.edge)) return false;
    const EdgeData& edge = graph_.edge(arc.edge);
    if (!rel.types.empty() && !rel.types.contains(edge.predicate)) return false;
    if (rel.status && edge.status != *rel.status) return false;
    if (rel.weight && edge.weight != *rel.weight) return false;
    const bool symmetric = engine_.options().symmetric_predicates.contains(edge.predicate);
    switch (rel.direction) {
      case RelationshipPattern::Direction::kRight:
        return arc.outgoing || symmetric;
      case RelationshipPattern::Direction::kLeft:
        return !arc.outgoing || symmetric;
      case RelationshipPattern::Direction::kEither:
        return true;
    }
    return true;
  }

  std::vector<size_t> Candidates(const CompiledNode& pattern, const Binding& binding) const {
    if (pattern.slot >= 0 &&
        binding[static_cast<size_t>(pattern.slot)].kind == QueryValue::Kind::kNode) {
      return {binding[static_cast<size_t>(pattern.slot)].index};
    }
    if (pattern.candidates) return *pattern.candidates;
    std::vector<size_t> all(graph_.node_count());
    for (size_t n = 0; n < all.size(); ++n) all[n] = n;
    return all;
  }

  bool Done() const { return result_.rows.size() >= stop_after_; }

  void MatchPath(size_t index, Binding* binding) {
    if (Done()) return;
    if (index == paths_.size()) {
      Emit(*binding);
      return;
    }
    const CompiledPath& path = paths_[index];
    if (path.kind != PathPattern::Kind::kMatch) {
      MatchShortest(index, binding);
      return;
    }
    for (size_t node : Candidates(path.nodes[0], *binding)) {
      if (!NodeFits(path.nodes[0], node, *binding)) continue;
      Path walked{{node}, {}};
      Bind(path.nodes[0].slot, QueryValue::Node(node), binding,
           [&] { Extend(index, 0, &walked, binding); });
      if (Done()) return;
    }
  }

  // Binds `slot` to `value` for the duration of `next` (no-op for -1).
  template <typename Next>
  void Bind(int slot, QueryValue value, Binding* binding, Next&& next) {
    if (slot < 0) {
      next();
      return;
    }
    QueryValue& cell = (*binding)[static_cast<size_t>(slot)];
    const bool was_bound = cell.kind != QueryValue::Kind::kNull;
    if (was_bound) {
      next();  // already bound to the same node by an earlier pattern
      return;
    }
    cell = std::move(value);
    next();
    cell = QueryValue::Null();
  }

  void Extend(size_t index, size_t step, Path* walked, Binding* binding) {
    const CompiledPath& path = paths_[index];
    if (step == path.rels.size()) {
      Path value = *walked;
      if (path.reversed) {
        std::reverse(value.nodes.begin(), value.nodes.end());
        std::reverse(value.edges.begin(), value.edges.end());
      }
      Bind(path.slot, QueryValue::OfPath(std::move(value)), binding,
           [&] { MatchPath(index + 1, binding); });
      return;
    }
    const CompiledRel& rel = path.rels[step];
    const CompiledNode& next = path.nodes[step + 1];
    const size_t from = walked->nodes.back();
    if (!rel.variable_length) {
      for (const Arc& arc : engine_.topology().arcs(from)) {
        if (!EdgeFits(rel, arc) || !NodeFits(next, arc.node, *binding)) continue;
        used_edges_.insert(arc.edge);
        walked->nodes.push_back(arc.node);
        walked->edges.push_back(arc.edge);
        Bind(rel.slot, QueryValue::Edge(arc.edge), binding, [&] {
          Bind(next.slot, QueryValue::Node(arc.node), binding,
               [&] { Extend(index, step + 1, walked, binding); });
        });
        walked->nodes.pop_back();
        walked->edges.pop_back();
        used_edges_.erase(arc.edge);
        if (Done()) return;
      }
      return;
    }
    std::vector<size_t> hops;
    VariableLength(index, step, from, &hops, walked, binding);
  }

  // Depth-first walk of min..max hops for a variable-length relationship.
  void VariableLength(size_t index, size_t step, size_t at, std::vector<size_t>* hops, Path* walked,
                      Binding* binding) {
    const CompiledPath& path = paths_[index];
    const CompiledRel& rel = path.rels[step];
    const CompiledNode& next = path.nodes[step + 1];
    const int depth = static_cast<int>(hops->size());
    if (depth >= rel.min_hops && NodeFits(next, at, *binding)) {
      std::vector<QueryValue> edges;
      for (size_t e : *hops) edges.push_back(QueryValue::Edge(e));
      Bind(rel.slot, QueryValue::List(std::move(edges)), binding, [&] {
        Bind(next.slot, QueryValue::Node(at), binding,
             [&] { Extend(index, step + 1, walked, binding); });
      });
      if (Done()) return;
    }
    if (depth >= rel.max_hops) return;
    for (const Arc& arc : engine_.topology().arcs(at)) {
      if (!EdgeFits(rel, arc)) continue;
      used_edges_.insert(arc.edge);
      hops->push_back(arc.edge);
      walked->nodes.push_back(arc.node);
      walked->edges.push_back(arc.edge);
      VariableLength(index, step, arc.node, hops, walked, binding);
      walked->nodes.pop_back();
      walked->edges.pop_back();
      hops->pop_back();
      used_edges_.erase(arc.edge);
      if (Done()) return;
    }
  }

  void MatchShortest(size_t index, Binding* binding) {
    const CompiledPath& path = paths_[index];
    const CompiledRel& rel = path.rels.front();
    const EdgeFilter filter = [&](size_t e) {
      const EdgeData& edge = graph_.edge(e);
      return (rel.types.empty() || rel.types.contains(edge.predicate)) &&
             (!rel.status || edge.status == *rel.status) &&
             (!rel.weight || edge.weight == *rel.weight);
    };
    for (size_t from : Candidates(path.nodes[0], *binding)) {
      if (!NodeFits(path.nodes[0], from, *binding)) continue;
      for (size_t to : Candidates(path.nodes[1], *binding)) {
        if (!NodeFits(path.nodes[1], to, *binding) || from == to) continue;
        const bool all = path.kind == PathPattern::Kind::kAllShortest;
        for (Path& found : ShortestPaths(engine_.topology(), from, to, rel.max_hops, all, filter)) {
          if (static_cast<int>(found.edges.size()) < rel.min_hops) continue;
          std::vector<QueryValue> edges;
          for (size_t e : found.edges) edges.push_back(QueryValue::Edge(e));
          Bind(path.nodes[0].slot, QueryValue::Node(from), binding, [&] {
            Bind(path.nodes[1].slot, QueryValue::Node(to), binding, [&] {
              Bind(rel.slot, QueryValue::List(std::move(edges)), binding, [&] {
                Bind(path.slot, QueryValue::OfPath(found), binding,
                     [&] { MatchPath(index + 1, binding); });
              });
            });
          });
          if (Done()) return;
        }
      }
    }
  }

  // ---- evaluation -----------------------------------------------------------

  QueryValue Property(const QueryValue& subject, const std::string& name) const {
    const std::string key = AsciiLower(name);
    if (subject.kind == QueryValue::Kind::kNode) {
      const NodeData& node = graph_.node(subject.index);
      if (key == "id") return QueryValue::String(node.id);
      if (key == "label" || key == "name") return QueryValue::String(node.label);
      if (key == "type") return QueryValue::String(std::string(EntityTypeName(node.type)));
      if (key == "mentions") return QueryValue::Int(node.mentions);
      if (key == "degree")
        return QueryValue::Int(static_cast<int64_t>(engine_.topology().degree(subject.index)));
      std::vector<QueryValue> items;
      for (const auto& item : key == "aliases" ? node.aliases : node.documents)
        items.push_back(QueryValue::String(item));
      return QueryValue::List(std::move(items));
    }
    if (subject.kind == QueryValue::Kind::kEdge) {
      const EdgeData& edge = graph_.edge(subject.index);
      if (key == "predicate" || key == "type") return QueryValue::String(edge.predicate);
      if (key == "status") return QueryValue::String(std::string(RelationStatusName(edge.status)));
      if (key == "weight") return QueryValue::Int(edge.weight);
      if (key == "source") return QueryValue::Node(graph_.edge_source(subject.index));
      if (key == "target") return QueryValue::Node(graph_.edge_target(subject.index));
      std::vector<QueryValue> items;
      for (const auto& evidence : edge.evidence) {
        items.push_back(
            QueryValue::String(key == "evidence" ? evidence.sentence : evidence.document));
      }
      return QueryValue::List(std::move(items));
    }
    return QueryValue::Null();
  }

  static bool Truthy(const QueryValue& v) { return v.kind == QueryValue::Kind::kBool && v.boolean; }

  QueryValue Compare(const std::string& op, const QueryValue& a, const QueryValue& b) const {
    using Kind = QueryValue::Kind;
    if (op == "IN") {
      if (b.kind != Kind::kList) return QueryValue::Null();
      return QueryValue::Bool(
          std::any_of(b.list.begin(), b.list.end(),
                      [&](const QueryValue& item) { return CompareValues(a, item, graph_) == 0; }));
    }
    if (a.kind == Kind::kNull || b.kind == Kind::kNull) return QueryValue::Null();
    if (op == "CONTAINS" || op == "STARTS WITH" || op == "ENDS WITH") {
      if (a.kind != Kind::kString || b.kind != Kind::kString) return QueryValue::Null();
      if (op == "CONTAINS") return QueryValue::Bool(a.text.find(b.text) != std::string::npos);
      if (op == "STARTS WITH") return QueryValue::Bool(StartsWith(a.text, b.text));
      return QueryValue::Bool(EndsWith(a.text, b.text));
    }
    const bool comparable = (IsNumber(a) && IsNumber(b)) || a.kind == b.kind;
    if (!comparable)
      return op == "="    ? QueryValue::Bool(false)
             : op == "<>" ? QueryValue::Bool(true)
                          : QueryValue::Null();
    const int c = CompareValues(a, b, graph_);
    if (op == "=") return QueryValue::Bool(c == 0);
    if (op == "<>") return QueryValue::Bool(c != 0);
    if (op == "<") return QueryValue::Bool(c < 0);
    if (op == "<=") return QueryValue::Bool(c <= 0);
    if (op == ">") return QueryValue::Bool(c > 0);
    return QueryValue::Bool(c >= 0);
  }

  QueryValue Call(const Expression& e, const Binding& binding) const {
    if (e.name == "coalesce") {
      for (const auto& child : e.children) {
        QueryValue v = Eval(*child, binding);
        if (v.kind != QueryValue::Kind::kNull) return v;
      }
      return QueryValue::Null();
    }
    const QueryValue arg = Eval(*e.children.at(0), binding);
    using Kind = QueryValue::Kind;
    if (e.name == "type")
      return arg.kind == Kind::kEdge ? Property(arg, "predicate") : QueryValue::Null();
    if (e.name == "id")
      return arg.kind == Kind::kNode   ? Property(arg, "id")
             : arg.kind == Kind::kEdge ? QueryValue::Int(static_cast<int64_t>(arg.index))
                                       : QueryValue::Null();
    if (e.name == "labels") {
      return arg.kind == Kind::kNode ? QueryValue::List({Property(arg, "type")})
                                     : QueryValue::Null();
    }
    if (e.name == "startnode" || e.name == "endnode") {
      return arg.kind == Kind::kEdge ? Property(arg, e.name == "startnode" ? "source" : "target")
                                     : QueryValue::Null();
    }
    if (e.name == "length" || e.name == "size") {
      if (arg.kind == Kind::kPath)
        return QueryValue::Int(static_cast<int64_t>(arg.path.edges.size()));
      if (arg.kind == Kind::kList) return QueryValue::Int(static_cast<int64_t>(arg.list.size()));
      if (arg.kind == Kind::kString) return QueryValue::Int(static_cast<int64_t>(arg.text.size()));
      return QueryValue::Null();
    }
    if (e.name == "nodes" || e.name == "relationships") {
      if (arg.kind != Kind::kPath) return QueryValue::Null();
      std::vector<QueryValue> items;
      if (e.name == "nodes") {
        for (size_t n : arg.path.nodes) items.push_back(QueryValue::Node(n));
      } else {
        for (size_t edge : arg.path.edges) items.push_back(QueryValue::Edge(edge));
      }
      return QueryValue::List(std::move(items));
    }
    if (e.name == "tolower" || e.name == "toupper") {
      if (arg.kind != Kind::kString) return QueryValue::Null();
      std::string out = arg.text;
      for (char& c : out) {
        c = static_cast<char>(e.name == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                                  : std::toupper(static_cast<unsigned char>(c)));
      }
      return QueryValue::String(out);
    }
    return QueryValue::Null();
  }

  QueryValue Eval(const Expression& e, const Binding& binding) const {
    switch (e.kind) {
      case Expression::Kind::kLiteral:
        return FromLiteral(e.literal);
      case Expression::Kind::kVariable: {
        auto it = variables_.find(e.name);
        return it == variables_.end() ? QueryValue::Null()
                                      : binding[static_cast<size_t>(it->second.second)];
      }
      case Expression::Kind::kProperty:
        return Property(Eval(*e.children[0], binding), e.name);
      case Expression::Kind::kFunction:
        return Call(e, binding);
      case Expression::Kind::kList: {
        std::vector<QueryValue> items;
        for (const auto& child : e.children) items.push_back(Eval(*child, binding));
        return QueryValue::List(std::move(items));
      }
      case Expression::Kind::kNot: {
        const QueryValue v = Eval(*e.children[0], binding);
        return v.kind == QueryValue::Kind::kBool ? QueryValue::Bool(!v.boolean)
                                                 : QueryValue::Null();
      }
      case Expression::Kind::kIsNull: {
        const bool null = Eval(*e.children[0], binding).kind == QueryValue::Kind::kNull;
        return QueryValue::Bool(e.negated ? !null : null);
      }
      case Expression::Kind::kBinary: {
        if (e.name == "AND") {
          return QueryValue::Bool(Truthy(Eval(*e.children[0], binding)) &&
                                  Truthy(Eval(*e.children[1], binding)));
        }
        if (e.name == "OR") {
          return QueryValue::Bool(Truthy(Eval(*e.children[0], binding)) ||
                                  Truthy(Eval(*e.children[1], binding)));
        }
        return Compare(e.name, Eval(*e.children[0], binding), Eval(*e.children[1], binding));
      }
    }
    return QueryValue::Null();
  }

  // ---- rows -----------------------------------------------------------------

  void Emit(const Binding& binding) {
    if (query_.where && !Truthy(Eval(*query_.where, binding))) return;
    std::vector<QueryValue> row;
    for (size_t i = 0; i < query_.items.size(); ++i) {
      row.push_back(aggregate_[i] ? QueryValue::Null()
                                  : Eval(*query_.items[i].expression, binding));
    }
    if (grouped_) {
      Group& group = Find(row);
      for (size_t i = 0; i < query_.items.size(); ++i) {
        if (!aggregate_[i]) continue;
        const Expression& count = *query_.items[i].expression;
        if (count.star) {
          ++group.counts[i];
          continue;
        }
        const QueryValue v = Eval(*count.children.at(0), binding);
        if (v.kind == QueryValue::Kind::kNull) continue;
        if (count.distinct) {
          group.distinct[i].push_back(v);
        } else {
          ++group.counts[i];
        }
      }
      return;
    }
    std::vector<QueryValue> keys;
    for (const auto& item : query_.order) keys.push_back(SortKey(*item.expression, binding, row));
    if (result_.rows.size() >= engine_.options().max_rows) {
      throw Failure("the query matches more than " + std::to_string(engine_.options().max_rows) +
                        " rows; narrow the pattern or add LIMIT",
                    0);
    }
    result_.rows.push_back(std::move(row));
    sort_keys_.push_back(std::move(keys));
  }

  // ORDER BY may name a RETURN column by its alias.
  QueryValue SortKey(const Expression& e, const Binding& binding,
                     const std::vector<QueryValue>& row) const {
    if (e.kind == Expression::Kind::kVariable && !variables_.contains(e.name)) {
      for (size_t i = 0; i < result_.columns.size(); ++i) {
        if (result_.columns[i] == e.name) return row[i];
      }
    }
    return Eval(e, binding);
  }

  struct Group {
    std::vector<QueryValue> key;
    std::vector<int64_t> counts;
    std::vector<std::vector<QueryValue>> distinct;
  };

  // Orders rows of values, for grouping and DISTINCT.
  struct RowLess {
    const KnowledgeGraph* graph;
    bool operator()(const std::vector<QueryValue>& a, const std::vector<QueryValue>& b) const {
      for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (const int c = CompareValues(a[i], b[i], *graph); c != 0) return c < 0;
      }
      return a.size() < b.size();
    }
  };

  Group& Find(const std::vector<QueryValue>& key) {
    auto [it, fresh] = group_index_.emplace(key, groups_.size());
    if (fresh) {
      groups_.push_back({key, std::vector<int64_t>(key.size(), 0),
                         std::vector<std::vector<QueryValue>>(key.size())});
    }
    return groups_[it->second];
  }

  void Finish() {
    if (grouped_) {
      for (Group& group : groups_) {
        std::vector<QueryValue> row = group.key;
        for (size_t i = 0; i < row.size(); ++i) {
          if (!aggregate_[i]) continue;
          if (query_.items[i].expression->distinct) {
            auto& seen = group.distinct[i];
            std::sort(seen.begin(), seen.end(), [&](const QueryValue& a, const QueryValue& b) {
              return CompareValues(a, b, graph_) < 0;
            });
            seen.erase(std::unique(seen.begin(), seen.end(),
                                   [&](const QueryValue& a, const QueryValue& b) {
                                     return CompareValues(a, b, graph_) == 0;
                                   }),
                       seen.end());
            row[i] = QueryValue::Int(static_cast<int64_t>(seen.size()));
          } else {
            row[i] = QueryValue::Int(group.counts[i]);
          }
        }
        std::vector<QueryValue> keys;
        for (const auto& item : query_.order) keys.push_back(GroupSortKey(*item.expression, row));
        result_.rows.push_back(std::move(row));
        sort_keys_.push_back(std::move(keys));
      }
      // count(*) over nothing still answers 0.
      if (groups_.empty() &&
          std::all_of(aggregate_.begin(), aggregate_.end(), [](bool a) { return a; })) {
        result_.rows.push_back(std::vector<QueryValue>(aggregate_.size(), QueryValue::Int(0)));
        sort_keys_.emplace_back(query_.order.size());
      }
    }
    std::vector<size_t> order(result_.rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (!query_.order.empty()) {
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        for (size_t k = 0; k < query_.order.size(); ++k) {
          const int c = CompareValues(sort_keys_[a][k], sort_keys_[b][k], graph_);
          if (c != 0) return query_.order[k].descending ? c > 0 : c < 0;
        }
        return false;
      });
    }
    std::vector<std::vector<QueryValue>> rows;
    for (size_t i : order) rows.push_back(std::move(result_.rows[i]));
    if (query_.distinct) {
      std::set<std::vector<QueryValue>, RowLess> seen(RowLess{&graph_});
      std::vector<std::vector<QueryValue>> unique;
      for (auto& row : rows) {
        if (seen.insert(row).second) unique.push_back(std::move(row));
      }
      rows = std::move(unique);
    }
    const size_t skip = static_cast<size_t>(query_.skip.value_or(0));
    rows.erase(rows.begin(), rows.begin() + static_cast<long>(std::min(skip, rows.size())));
    if (query_.limit && rows.size() > static_cast<size_t>(*query_.limit))
      rows.resize(static_cast<size_t>(*query_.limit));
    result_.rows = std::move(rows);
  }

  QueryValue GroupSortKey(const Expression& e, const std::vector<QueryValue>& row) const {
    for (size_t i = 0; i < query_.items.size(); ++i) {
      if (e.kind == Expression::Kind::kVariable && result_.columns[i] == e.name) return row[i];
    }
    // The same expression as a column ("ORDER BY count(*)").
    for (size_t i = 0; i < query_.items.size(); ++i) {
      const Expression& item = *query_.items[i].expression;
      if (item.kind == e.kind && item.name == e.name && item.star == e.star &&
          item.children.size() == e.children.size()) {
        bool same = true;
        for (size_t c = 0; c < e.children.size() && same; ++c) {
          same = e.children[c]->kind == item.children[c]->kind &&
                 e.children[c]->name == item.children[c]->name;
        }
        if (same) return row[i];
      }
    }
    throw Failure("with count(), ORDER BY must name a returned column", e.column);
  }

  const QueryEngine& engine_;
  const KnowledgeGraph& graph_;
  const cypher::Query& query_;
  const std::set<std::string>& predicates_;
  std::map<std::string, std::pair<VarKind, int>> variables_;
  std::vector<VarKind> slots_;
  std::vector<CompiledPath> paths_;
  std::vector<bool> aggregate_;
  bool grouped_ = false;
  size_t stop_after_ = SIZE_MAX;
  std::unordered_set<size_t> used_edges_;
  QueryResult result_;
  std::vector<std::vector<QueryValue>> sort_keys_;
  std::vector<Group> groups_;
  std::map<std::vector<QueryValue>, size_t, RowLess> group_index_{RowLess{&graph_}};
};

}  // namespace

QueryEngine::QueryEngine(const KnowledgeGraph& graph, QueryOptions options)
    : graph_(graph),
      options_(std::move(options)),
      topology_(graph),
      lookup_(graph),
      predicates_(options_.known_predicates) {
  for (size_t e = 0; e < graph.edge_count(); ++e) predicates_.insert(graph.edge(e).predicate);
}

std::variant<QueryResult, QueryError> QueryEngine::Run(std::string_view text) const {
  auto parsed = cypher::ParseQuery(text);
  if (auto* error = std::get_if<cypher::SyntaxError>(&parsed))
    return QueryError{error->message, error->column};
  try {
    return QueryRun(*this, std::get<cypher::Query>(parsed), predicates_).Execute();
  } catch (const Failure& failure) {
    return failure.error;
  }
}

}  // namespace kg
