#include "query/query_binder.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/text.h"

namespace kg {
namespace {

using cypher::Expression;
using cypher::Literal;
using cypher::PathPattern;
using cypher::RelationshipPattern;

// Every pattern element is a level of the matcher's recursion.
constexpr size_t kMaxPatternElements = 256;

std::string Join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
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

QueryValue FromLiteral(const Literal& literal) {
  struct Visitor {
    QueryValue operator()(std::monostate) const { return QueryValue::Null(); }
    QueryValue operator()(bool b) const { return QueryValue::Bool(b); }
    QueryValue operator()(int64_t i) const { return QueryValue::Int(i); }
    QueryValue operator()(double d) const { return QueryValue::Float(d); }
    QueryValue operator()(const std::string& s) const { return QueryValue::String(s); }
    QueryValue operator()(const std::vector<Literal>& items) const {
      std::vector<QueryValue> out;
      for (const auto& item : items) out.push_back(FromLiteral(item));  // nesting <= 256 (parser)
      return QueryValue::List(std::move(out));
    }
  };
  return std::visit(Visitor{}, literal.value);
}

struct PropertySpec {
  const char* name;
  PropertyName property;
  bool node;
  bool edge;
};

constexpr std::array<PropertySpec, 14> kProperties = {{
    {"id", PropertyName::kId, true, false},
    {"label", PropertyName::kLabel, true, false},
    {"name", PropertyName::kLabel, true, false},
    {"type", PropertyName::kType, true, true},
    {"aliases", PropertyName::kAliases, true, false},
    {"mentions", PropertyName::kMentions, true, false},
    {"documents", PropertyName::kDocuments, true, true},
    {"degree", PropertyName::kDegree, true, false},
    {"predicate", PropertyName::kPredicate, false, true},
    {"status", PropertyName::kStatus, false, true},
    {"weight", PropertyName::kWeight, false, true},
    {"source", PropertyName::kSource, false, true},
    {"target", PropertyName::kTarget, false, true},
    {"evidence", PropertyName::kEvidence, false, true},
}};

std::vector<std::string> PropertyNames(bool node) {
  std::vector<std::string> names;
  for (const auto& spec : kProperties) {
    if ((node ? spec.node : spec.edge) &&
        std::find(names.begin(), names.end(), spec.name) == names.end())
      names.push_back(spec.name);
  }
  return names;
}

struct FunctionSpec {
  const char* name;  // lowercase: the parser lowers function names
  Function function;
  int arguments;  // -1: one or more
};

constexpr std::array<FunctionSpec, 12> kFunctions = {{
    {"type", Function::kType, 1},
    {"id", Function::kId, 1},
    {"labels", Function::kLabels, 1},
    {"startnode", Function::kStartNode, 1},
    {"endnode", Function::kEndNode, 1},
    {"length", Function::kLength, 1},
    {"size", Function::kSize, 1},
    {"nodes", Function::kNodes, 1},
    {"relationships", Function::kRelationships, 1},
    {"tolower", Function::kToLower, 1},
    {"toupper", Function::kToUpper, 1},
    {"coalesce", Function::kCoalesce, -1},
}};

std::optional<Comparison> ComparisonOf(const std::string& op) {
  static const std::map<std::string, Comparison> kOps = {{"=", Comparison::kEqual},
                                                         {"<>", Comparison::kNotEqual},
                                                         {"<", Comparison::kLess},
                                                         {"<=", Comparison::kLessOrEqual},
                                                         {">", Comparison::kGreater},
                                                         {">=", Comparison::kGreaterOrEqual},
                                                         {"CONTAINS", Comparison::kContains},
                                                         {"STARTS WITH", Comparison::kStartsWith},
                                                         {"ENDS WITH", Comparison::kEndsWith},
                                                         {"IN", Comparison::kIn}};
  auto it = kOps.find(op);
  if (it == kOps.end()) return std::nullopt;
  return it->second;
}

bool IsCount(const Expression& e) {
  return e.kind == Expression::Kind::kFunction && e.name == "count";
}

class Binder {
 public:
  Binder(const cypher::Query& query, const BindContext& context)
      : query_(query), context_(context) {}

  QueryPlan Bind() {
    size_t elements = 0;
    for (const auto& clause : query_.matches) {
      for (const auto& path : clause.patterns)
        elements += path.nodes.size() + path.relationships.size();
    }
    if (elements > kMaxPatternElements) {
      Fail("a query may have at most " + std::to_string(kMaxPatternElements) +
           " nodes and relationships in its patterns");
    }
    for (const auto& clause : query_.matches) BindClause(clause);
    if (query_.where) plan_.where = Compile(*query_.where);
    BindReturn();
    BindOrder();
    plan_.skip = static_cast<uint64_t>(query_.skip.value_or(0));
    if (query_.limit) plan_.limit = static_cast<uint64_t>(*query_.limit);
    return std::move(plan_);
  }

 private:
  // ---- variables ----------------------------------------------------------

  struct Variable {
    VariableKind kind;
    int slot;
    size_t clause;  // where it was first bound
  };

  int Declare(const std::string& name, VariableKind kind, int column) {
    if (name.empty()) return -1;
    auto it = variables_.find(name);
    if (it != variables_.end()) {
      if (it->second.kind != kind)
        Fail("variable \"" + name + "\" is used for two different things", column);
      return it->second.slot;
    }
    const int slot = static_cast<int>(plan_.slots.size());
    plan_.slots.push_back(kind);
    plan_.slot_names.push_back(name);
    variables_[name] = {kind, slot, clause_};
    return slot;
  }

  std::string BoundNames() const {
    std::vector<std::string> names;
    for (const auto& [name, variable] : variables_) names.push_back(name);
    return Join(names);
  }

  // ---- patterns -----------------------------------------------------------

  TypeSet Labels(const std::vector<std::string>& labels, int column) const {
    if (labels.empty()) return TypeSet::All();
    TypeSet types = TypeSet::None();
    for (const auto& label : labels) {
      std::string upper = label;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const auto type = ParseEntityType(upper);
      if (!type) {
        Fail("unknown entity type \"" + label +
                 "\"; the types are PERSON, ORGANIZATION and LOCATION",
             column);
      }
      types.Add(*type);
    }
    return types;
  }

  static TypeSet Intersect(TypeSet a, TypeSet b) {
    TypeSet both = TypeSet::None();
    for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
      if (a.Contains(t) && b.Contains(t)) both.Add(t);
    }
    return both;
  }

  NodeMatch BindNode(const cypher::NodePattern& pattern) {
    NodeMatch node;
    node.slot = Declare(pattern.variable, VariableKind::kNode, pattern.column);
    node.types = Labels(pattern.labels, pattern.column);
    for (const auto& property : pattern.properties) {
      const QueryValue value = FromLiteral(property.value);
      const std::string& key = property.key;
      if (key == "label" || key == "name" || key == "id") {
        if (value.kind() != QueryValue::Kind::kString)
          Fail(key + " must be a string", property.column);
        const std::string text(value.text());
        std::vector<size_t> found;
        if (key == "id") {
          if (auto n = context_.graph.FindNode(text)) found.push_back(*n);
        } else {
          found = context_.lookup.Find(text);
        }
        if (found.empty()) {
          auto resolved = context_.lookup.Resolve(text);
          Fail(resolved.ok() ? "no entity with id \"" + text + "\"" : resolved.status().message(),
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
        // A property compares exactly, as in Cypher; the labels narrow it.
        const auto type = value.kind() == QueryValue::Kind::kString ? ParseEntityType(value.text())
                                                                    : std::nullopt;
        if (!type)
          Fail("type must be \"PERSON\", \"ORGANIZATION\" or \"LOCATION\"", property.column);
        node.types = Intersect(node.types, TypeSet::Of(*type));
      } else if (key == "mentions") {
        if (value.kind() != QueryValue::Kind::kInt)
          Fail("mentions must be a whole number", property.column);
        node.mentions = value.integer();
      } else {
        Fail("unknown node property \"" + key +
                 "\" in a pattern; use label, name, id, type or mentions (names are "
                 "case-sensitive)",
             property.column);
      }
    }
    return node;
  }

  RelationshipMatch BindRelationship(const RelationshipPattern& pattern) {
    RelationshipMatch rel;
    const VariableKind kind =
        pattern.variable_length ? VariableKind::kEdgeList : VariableKind::kEdge;
    if (!pattern.variable.empty()) {
      auto it = variables_.find(pattern.variable);
      if (it != variables_.end() && it->second.kind == kind) {
        if (kind == VariableKind::kEdgeList) {
          Fail("relationship variable \"" + pattern.variable +
                   "\" is used twice in one MATCH; a relation matches once per MATCH",
               pattern.column);
        }
        rel.bound_before = true;
      }
    }
    rel.slot = Declare(pattern.variable, kind, pattern.column);
    if (!pattern.variable.empty() && used_in_clause_.contains(pattern.variable)) {
      Fail("relationship variable \"" + pattern.variable +
               "\" is used twice in one MATCH; a relation matches once per MATCH",
           pattern.column);
    }
    if (!pattern.variable.empty()) used_in_clause_.insert(pattern.variable);
    rel.direction = pattern.direction;
    rel.variable_length = pattern.variable_length;
    rel.min_hops = pattern.min_hops;
    rel.max_hops = pattern.max_hops;
    if (!pattern.types.empty()) rel.predicates.assign(context_.graph.predicate_count() + 1, 0);
    for (const auto& type : pattern.types) {
      if (!context_.predicate_names.contains(type)) {
        const std::vector<std::string> valid(context_.predicate_names.begin(),
                                             context_.predicate_names.end());
        const std::string close = Closest(type, valid);
        Fail("unknown relationship type \"" + type + "\"" +
                 (close.empty() ? "" : " (did you mean \"" + close + "\"?)") + "; the types are " +
                 Join(valid),
             pattern.column);
      }
      // A known type that no relation of this graph has matches nothing;
      // the last entry of the mask keeps the mask non-empty.
      if (auto p = context_.graph.FindPredicate(type)) rel.predicates[*p] = 1;
    }
    for (const auto& property : pattern.properties) {
      const QueryValue value = FromLiteral(property.value);
      if (property.key == "status") {
        auto status = value.kind() == QueryValue::Kind::kString ? ParseRelationStatus(value.text())
                                                                : std::nullopt;
        if (!status)
          Fail("status must be \"asserted\", \"negated\" or \"hypothetical\"", property.column);
        rel.status = status;
      } else if (property.key == "weight") {
        if (value.kind() != QueryValue::Kind::kInt)
          Fail("weight must be a whole number", property.column);
        rel.weight = value.integer();
      } else {
        Fail("unknown relationship property \"" + property.key +
                 "\" in a pattern; use status or weight (names are case-sensitive)",
             property.column);
      }
    }
    return rel;
  }

  static int Strength(const NodeMatch& node) {
    return node.candidates ? 3 : node.slot >= 0 ? 1 : !node.types.IsAll() ? 1 : 0;
  }

  PathMatch BindPath(const PathPattern& pattern) {
    PathMatch path;
    path.kind = pattern.kind;
    std::vector<bool> bound_before;
    for (const auto& node : pattern.nodes)
      bound_before.push_back(!node.variable.empty() && variables_.contains(node.variable));
    for (const auto& node : pattern.nodes) path.nodes.push_back(BindNode(node));
    for (const auto& rel : pattern.relationships)
      path.relationships.push_back(BindRelationship(rel));
    path.slot = Declare(pattern.variable, VariableKind::kPath, pattern.column);
    // Shortest paths walk relations either way (docs/query-language.md).
    if (path.kind != PathPattern::Kind::kMatch) return path;
    // Start from the better-anchored end: "(a)-[:met_with]-(b {label: 'X'})"
    // walks out from X instead of trying every a.
    const auto strength = [&](size_t i) { return bound_before[i] ? 4 : Strength(path.nodes[i]); };
    if (path.nodes.size() > 1 && strength(path.nodes.size() - 1) > strength(0)) {
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.relationships.begin(), path.relationships.end());
      for (auto& rel : path.relationships) {
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

  void BindClause(const cypher::MatchClause& clause) {
    used_in_clause_.clear();
    Clause bound;
    for (const auto& pattern : clause.patterns) bound.paths.push_back(BindPath(pattern));
    plan_.clauses.push_back(std::move(bound));
    ++clause_;
  }

  // ---- expressions --------------------------------------------------------

  // Where an expression stands: in the match (WHERE, RETURN), in ORDER BY
  // (returned columns' names shadow variables), or in ORDER BY after
  // count() or DISTINCT (only returned columns may be named).
  enum class Scope { kMatch, kOrderBy, kOrderByColumns };

  // Compiles `root` in post-order with an explicit stack (trees may be as
  // deep as a long AND/OR chain).
  Program Compile(const Expression& root, Scope scope = Scope::kMatch) {
    scope_ = scope;
    Program program;
    struct Frame {
      const Expression* e;
      size_t next = 0;
    };
    std::vector<Frame> stack = {{&root}};
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const Expression& e = *frame.e;
      if (frame.next == 0 && IsCount(e)) {
        Fail(scope == Scope::kOrderByColumns ? OrderError()
                                             : "count() belongs at the top of a RETURN or ORDER "
                                               "BY item",
             e.column);
      }
      if (frame.next < e.children.size()) {
        stack.push_back({e.children[frame.next++].get()});
        continue;
      }
      Emit(e, &program);
      stack.pop_back();
    }
    return program;
  }

  void Emit(const Expression& e, Program* program) {
    auto& ops = program->operations;
    switch (e.kind) {
      case Expression::Kind::kLiteral:
        ops.push_back(
            {Operation::Code::kConstant, 0, static_cast<uint32_t>(program->constants.size())});
        program->constants.push_back(FromLiteral(e.literal));
        return;
      case Expression::Kind::kVariable: {
        if (scope_ != Scope::kMatch) {
          const auto column = std::find(plan_.columns.begin(), plan_.columns.end(), e.name);
          if (column != plan_.columns.end()) {
            ops.push_back({Operation::Code::kColumn, 0,
                           static_cast<uint32_t>(column - plan_.columns.begin())});
            return;
          }
          if (scope_ == Scope::kOrderByColumns) Fail(OrderError(), e.column);
        }
        auto it = variables_.find(e.name);
        if (it == variables_.end()) {
          Fail("unknown variable \"" + e.name + "\"" +
                   (variables_.empty() ? "" : "; the pattern binds " + BoundNames()),
               e.column);
        }
        ops.push_back({Operation::Code::kSlot, 0, static_cast<uint32_t>(it->second.slot)});
        return;
      }
      case Expression::Kind::kProperty:
        ops.push_back({Operation::Code::kProperty, static_cast<uint8_t>(CheckProperty(e)), 0});
        return;
      case Expression::Kind::kFunction: {
        const FunctionSpec* spec = nullptr;
        for (const auto& f : kFunctions) {
          if (e.name == f.name) spec = &f;
        }
        if (spec == nullptr) {
          std::vector<std::string> names = {"count"};
          for (const auto& f : kFunctions) names.push_back(f.name);
          std::sort(names.begin(), names.end());
          Fail("unknown function \"" + e.name + "\"; the functions are " + Join(names), e.column);
        }
        if (e.star || e.distinct)
          Fail(std::string("only count() takes ") + (e.star ? "*" : "DISTINCT"), e.column);
        if (spec->arguments == 1 && e.children.size() != 1)
          Fail(e.name + "() takes one argument", e.column);
        if (spec->arguments < 0 && e.children.empty())
          Fail(e.name + "() takes one or more arguments", e.column);
        ops.push_back({Operation::Code::kCall, static_cast<uint8_t>(spec->function),
                       static_cast<uint32_t>(e.children.size())});
        return;
      }
      case Expression::Kind::kList:
        ops.push_back({Operation::Code::kList, 0, static_cast<uint32_t>(e.children.size())});
        return;
      case Expression::Kind::kBinary:
        if (e.name == "AND" || e.name == "OR") {
          ops.push_back({e.name == "AND" ? Operation::Code::kAnd : Operation::Code::kOr, 0, 0});
        } else {
          const auto op = static_cast<uint8_t>(*ComparisonOf(e.name));
          if (!ops.empty() && ops.back().code == Operation::Code::kConstant) {
            // "x op literal": compare with the constant where it lies.
            ops.back() = {Operation::Code::kCompareConstant, op, ops.back().argument};
          } else {
            ops.push_back({Operation::Code::kCompare, op, 0});
          }
        }
        return;
      case Expression::Kind::kNot:
        ops.push_back({Operation::Code::kNot, 0, 0});
        return;
      case Expression::Kind::kIsNull:
        ops.push_back({Operation::Code::kIsNull, static_cast<uint8_t>(e.negated ? 1 : 0), 0});
        return;
    }
  }

  std::string OrderError() const {
    return std::string("with ") + (plan_.grouped ? "count()" : "DISTINCT") +
           ", ORDER BY must name a returned column";
  }

  // The property a `.name` reads; names are case-sensitive, as in Cypher.
  PropertyName CheckProperty(const Expression& e) const {
    const Expression& subject = *e.children[0];
    bool node = true;
    bool edge = true;
    if (subject.kind == Expression::Kind::kVariable && variables_.contains(subject.name) &&
        (scope_ == Scope::kMatch || std::find(plan_.columns.begin(), plan_.columns.end(),
                                              subject.name) == plan_.columns.end())) {
      const VariableKind kind = variables_.at(subject.name).kind;
      if (kind == VariableKind::kPath || kind == VariableKind::kEdgeList) {
        Fail("\"" + subject.name + "\" is a path; use length(), nodes() or relationships()",
             e.column);
      }
      node = kind == VariableKind::kNode;
      edge = kind == VariableKind::kEdge;
    }
    for (const auto& spec : kProperties) {
      if (e.name == spec.name && ((node && spec.node) || (edge && spec.edge))) return spec.property;
    }
    const std::vector<std::string> valid = PropertyNames(node);
    std::string hint;
    for (const auto& name : valid) {
      if (AsciiLower(name) == AsciiLower(e.name))
        hint = " (names are case-sensitive: " + name + ")";
    }
    Fail("unknown property \"" + e.name + "\"" + hint + "; " +
             (node && !edge ? "entities have " : !node ? "relations have " : "entities and relations have ") +
             Join(node && edge ? [] {
               std::vector<std::string> all = PropertyNames(true);
               for (const auto& n : PropertyNames(false)) {
                 if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
               }
               return all;
             }()
                               : valid),
         e.column);
  }

  // ---- RETURN and ORDER BY ------------------------------------------------

  void BindReturn() {
    plan_.distinct = query_.distinct;
    for (const auto& item : query_.items) {
      if (std::find(plan_.columns.begin(), plan_.columns.end(), item.alias) !=
          plan_.columns.end()) {
        Fail("two columns are named \"" + item.alias + "\"; name one of them with AS",
             item.expression->column);
      }
      plan_.columns.push_back(item.alias);
      const Expression& e = *item.expression;
      if (IsCount(e)) {
        Aggregate count;
        count.star = e.star;
        count.distinct = e.distinct;
        if (e.star && e.distinct) Fail("count(DISTINCT *) is not a count; use count(*)", e.column);
        if (!e.star) {
          if (e.children.size() != 1) Fail("count() takes one argument, or *", e.column);
          count.argument = Compile(*e.children[0]);
        }
        plan_.items.emplace_back();
        plan_.aggregates.push_back(std::move(count));
        plan_.grouped = true;
      } else {
        plan_.items.push_back(Compile(e));
        plan_.aggregates.push_back(std::nullopt);
      }
    }
  }

  // The returned column an ORDER BY item names: its alias (which wins over
  // a variable of the same name), or the same expression.
  std::optional<size_t> ColumnOf(const Expression& e) {
    if (e.kind == Expression::Kind::kVariable) {
      for (size_t i = 0; i < plan_.columns.size(); ++i) {
        if (plan_.columns[i] == e.name) return i;
      }
    }
    try {
      if (IsCount(e)) {
        for (size_t i = 0; i < plan_.aggregates.size(); ++i) {
          const auto& count = plan_.aggregates[i];
          if (!count || count->star != e.star || count->distinct != e.distinct) continue;
          if (e.star || (e.children.size() == 1 && Compile(*e.children[0]).SameAs(count->argument)))
            return i;
        }
        return std::nullopt;
      }
      const Program program = Compile(e);
      for (size_t i = 0; i < plan_.items.size(); ++i) {
        if (!plan_.aggregates[i] && program.SameAs(plan_.items[i])) return i;
      }
    } catch (const QueryFailure&) {
      // Not an expression of the match (it names a column): not a column itself.
    }
    return std::nullopt;
  }

  void BindOrder() {
    for (const auto& item : query_.order) {
      OrderKey key;
      key.descending = item.descending;
      if (auto column = ColumnOf(*item.expression)) {
        key.column = static_cast<int>(*column);
      } else {
        key.program =
            Compile(*item.expression,
                    plan_.grouped || plan_.distinct ? Scope::kOrderByColumns : Scope::kOrderBy);
      }
      plan_.order.push_back(std::move(key));
    }
  }

  const cypher::Query& query_;
  const BindContext& context_;
  QueryPlan plan_;
  std::map<std::string, Variable> variables_;
  std::set<std::string> used_in_clause_;
  size_t clause_ = 0;
  Scope scope_ = Scope::kMatch;
};

}  // namespace

std::variant<QueryPlan, QueryError> BindQuery(const cypher::Query& query,
                                              const BindContext& context) {
  try {
    return Binder(query, context).Bind();
  } catch (const QueryFailure& failure) {
    return failure.error;
  }
}

}  // namespace kg
