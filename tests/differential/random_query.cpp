#include "tests/differential/random_query.h"

#include <algorithm>
#include <set>

namespace kg::diff {
namespace {

const std::vector<std::string> kNames = {"Ana López", "Bo Ek",  "Émile Zola", "Kim",
                                         "Åsa Öberg", "Zoë Li", "Raúl Díaz",  "Ben Ober",
                                         "Olaf",      "Eva",    "Ümit Öz",    "Al Bo"};

const std::vector<EntityType> kTypes = {EntityType::kPerson, EntityType::kOrganization,
                                        EntityType::kLocation};
const std::vector<RelationStatus> kStatuses = {RelationStatus::kAsserted, RelationStatus::kNegated,
                                               RelationStatus::kHypothetical};

size_t Pick(std::mt19937_64& random, size_t n) { return static_cast<size_t>(random() % n); }
bool Chance(std::mt19937_64& random, int percent) {
  return static_cast<int>(random() % 100) < percent;
}

template <typename T>
const T& PickFrom(std::mt19937_64& random, const std::vector<T>& items) {
  return items[Pick(random, items.size())];
}

struct Scope {
  std::vector<std::string> nodes;      // node variables bound so far
  std::vector<std::string> relations;  // fixed-length relationship variables
  std::vector<std::string> lists;      // variable-length relationship variables
};

class Generator {
 public:
  Generator(std::mt19937_64& random, const KnowledgeGraph& graph)
      : random_(random), graph_(graph) {}

  QueryTerm Query() {
    QueryTerm query;
    const size_t clauses = 1 + Pick(random_, 2);
    for (size_t c = 0; c < clauses; ++c) {
      std::vector<PathTerm> clause;
      const size_t patterns = 1 + (Chance(random_, 25) ? 1 : 0);
      clause_relations_.clear();
      reused_.clear();
      for (size_t p = 0; p < patterns; ++p) clause.push_back(Path(c > 0 || p > 0));
      query.clauses.push_back(std::move(clause));
      for (const auto& r : clause_relations_) scope_.relations.push_back(r);
    }
    if (Chance(random_, 45)) query.where = Condition(2);
    Return(&query);
    return query;
  }

 private:
  // `reuse`: percent chance of naming an entity bound before (other than
  // `previous`, the node this one is joined to).
  std::string NodeVariable(int reuse, const std::string& previous = "") {
    if (!scope_.nodes.empty() && Chance(random_, reuse)) {
      const std::string& name = PickFrom(random_, scope_.nodes);
      if (name != previous) return name;
    }
    if (Chance(random_, 15)) return "";
    const std::string name(1, static_cast<char>('a' + next_node_++));
    scope_.nodes.push_back(name);
    return name;
  }

  NodeTerm Node(int reuse, const std::string& previous = "") {
    NodeTerm node;
    node.variable = NodeVariable(reuse, previous);
    if (Chance(random_, 20)) {
      node.labels.push_back(PickFrom(random_, kTypes));
      if (Chance(random_, 30)) node.labels.push_back(PickFrom(random_, kTypes));
    }
    if (Chance(random_, 5)) node.type = PickFrom(random_, kTypes);
    if (Chance(random_, 5)) node.mentions = 1 + static_cast<int64_t>(Pick(random_, 3));
    if (Chance(random_, 5) && graph_.node_count() > 0)
      node.id = graph_.node(Pick(random_, graph_.node_count())).id;
    return node;
  }

  std::string Reusable(bool later_clause) {
    if (!later_clause || scope_.relations.empty() || !Chance(random_, 25)) return "";
    const std::string& name = PickFrom(random_, scope_.relations);
    return reused_.contains(name) ? "" : name;
  }

  RelTerm Relation(bool later_clause) {
    RelTerm rel;
    rel.direction = static_cast<Direction>(Pick(random_, 3));
    rel.variable_length = Chance(random_, 20);
    if (rel.variable_length) {
      rel.min_hops = static_cast<int>(Pick(random_, 2));
      rel.max_hops = rel.min_hops + 1 + static_cast<int>(Pick(random_, 2));
      if (Chance(random_, 50)) {
        rel.variable = "l" + std::to_string(next_list_++);
        scope_.lists.push_back(rel.variable);
      }
    } else if (const std::string reuse = Reusable(later_clause); !reuse.empty()) {
      rel.variable = reuse;  // bound by an earlier MATCH, used once in this one
      reused_.insert(reuse);
    } else if (Chance(random_, 70)) {
      rel.variable = "r" + std::to_string(next_relation_++);
      clause_relations_.push_back(rel.variable);
    }
    if (Chance(random_, 35)) {
      rel.types.push_back(PickFrom(random_, kPredicates));
      if (Chance(random_, 30)) rel.types.push_back(PickFrom(random_, kPredicates));
    }
    if (Chance(random_, 10)) rel.status = PickFrom(random_, kStatuses);
    if (Chance(random_, 8)) rel.weight = 1 + static_cast<int64_t>(Pick(random_, 3));
    return rel;
  }

  PathTerm Path(bool later) {
    PathTerm path;
    path.nodes.push_back(Node(later ? 60 : 0));
    const size_t hops = Pick(random_, 3);
    for (size_t h = 0; h < hops; ++h) {
      path.relationships.push_back(Relation(later));
      path.nodes.push_back(Node(12, path.nodes.back().variable));
    }
    return path;
  }

  // ---- expressions

  static Expr Leaf(Expr::Kind kind, int64_t number = 0, std::string name = "") {
    Expr e;
    e.kind = kind;
    e.number = number;
    e.name = std::move(name);
    return e;
  }
  static Expr Of(Expr::Kind kind, std::string name, std::vector<Expr> children) {
    Expr e;
    e.kind = kind;
    e.name = std::move(name);
    e.children = std::move(children);
    return e;
  }
  Expr Variable(const std::string& name) { return Leaf(Expr::Kind::kVariable, 0, name); }
  Expr Property(const std::string& variable, const std::string& name) {
    return Of(Expr::Kind::kProperty, name, {Variable(variable)});
  }

  Expr IntLiteral() {
    if (Chance(random_, 10)) return Leaf(Expr::Kind::kNull);
    return Leaf(Expr::Kind::kInt, static_cast<int64_t>(Pick(random_, 5)));
  }
  Expr StringLiteral() {
    if (Chance(random_, 10)) return Leaf(Expr::Kind::kNull);
    static const std::vector<std::string> kTexts = {
        "A",       "o",        "Ö", "ek",        "PERSON",     "asserted", "negated",
        "pressed", "met_with", "",  "ana lópez", "ÉMILE ZOLA", "n1"};
    return Leaf(Expr::Kind::kString, 0, PickFrom(random_, kTexts));
  }

  // An integer- or string-valued expression over the bound variables.
  Expr Scalar(bool* is_int) {
    const size_t choices = scope_.nodes.size() + scope_.relations.size() + scope_.lists.size();
    if (choices == 0) {
      *is_int = true;
      return IntLiteral();
    }
    size_t k = Pick(random_, choices);
    if (k < scope_.nodes.size()) {
      const std::string& v = scope_.nodes[k];
      switch (Pick(random_, 7)) {
        case 0:
          *is_int = true;
          return Property(v, "mentions");
        case 1:
          *is_int = true;
          return Property(v, "degree");
        case 2:
          *is_int = false;
          return Property(v, "type");
        case 3:
          *is_int = false;
          return Property(v, "id");
        case 4:
          *is_int = true;
          return Of(Expr::Kind::kCall, "size", {Property(v, "label")});
        case 5:
          *is_int = false;
          return Of(Expr::Kind::kCall, "toUpper", {Property(v, "label")});
        default:
          *is_int = false;
          return Of(Expr::Kind::kCall, "toLower", {Property(v, "label")});
      }
    }
    k -= scope_.nodes.size();
    if (k < scope_.relations.size()) {
      const std::string& v = scope_.relations[k];
      switch (Pick(random_, 3)) {
        case 0:
          *is_int = true;
          return Property(v, "weight");
        case 1:
          *is_int = false;
          return Property(v, "status");
        default:
          *is_int = false;
          return Of(Expr::Kind::kCall, "type", {Variable(v)});
      }
    }
    *is_int = true;
    return Of(Expr::Kind::kCall, "size", {Variable(scope_.lists[k - scope_.relations.size()])});
  }

  Expr Atom() {
    bool is_int = false;
    Expr left = Scalar(&is_int);
    switch (Pick(random_, 10)) {
      case 0:
        return Of(Expr::Kind::kIsNull, "", {std::move(left)});
      case 1:
        return Of(Expr::Kind::kIsNotNull, "", {std::move(left)});
      case 2: {
        std::vector<Expr> items;
        for (size_t i = Pick(random_, 4); i > 0; --i)
          items.push_back(is_int ? IntLiteral() : StringLiteral());
        return Of(Expr::Kind::kCompare, "IN",
                  {std::move(left), Of(Expr::Kind::kList, "", std::move(items))});
      }
      case 3:
        if (!is_int) {
          static const std::vector<std::string> kOps = {"CONTAINS", "STARTS WITH", "ENDS WITH"};
          return Of(Expr::Kind::kCompare, PickFrom(random_, kOps),
                    {std::move(left), StringLiteral()});
        }
        [[fallthrough]];
      default: {
        static const std::vector<std::string> kOps = {"=", "<>", "<", "<=", ">", ">="};
        bool other_int = false;
        Expr right = Chance(random_, 30) ? Scalar(&other_int) : Leaf(Expr::Kind::kNull);
        if (right.kind == Expr::Kind::kNull || other_int != is_int)
          right = is_int ? IntLiteral() : StringLiteral();
        return Of(Expr::Kind::kCompare, PickFrom(random_, kOps),
                  {std::move(left), std::move(right)});
      }
    }
  }

  Expr Condition(int depth) {
    if (depth == 0 || Chance(random_, 40)) return Atom();
    switch (Pick(random_, 4)) {
      case 0:
        return Of(Expr::Kind::kNot, "", {Condition(depth - 1)});
      case 1:
        return Of(Expr::Kind::kOr, "", {Condition(depth - 1), Condition(depth - 1)});
      default:
        return Of(Expr::Kind::kAnd, "", {Condition(depth - 1), Condition(depth - 1)});
    }
  }

  void Return(QueryTerm* query) {
    const bool grouped = Chance(random_, 35);
    const size_t columns = 1 + Pick(random_, grouped ? 2 : 3);
    for (size_t i = 0; i < columns; ++i) {
      ReturnTerm item;
      item.alias = "c" + std::to_string(i);
      bool is_int = false;
      item.expression = Chance(random_, 15) ? Condition(1) : Scalar(&is_int);
      query->items.push_back(std::move(item));
    }
    if (grouped) {
      ReturnTerm count;
      count.count = true;
      count.alias = "n";
      count.star = Chance(random_, 50);
      if (!count.star) {
        bool is_int = false;
        count.expression = Scalar(&is_int);
        count.distinct = Chance(random_, 50);
      }
      query->items.push_back(std::move(count));
    } else {
      query->distinct = Chance(random_, 25);
    }
    if (Chance(random_, 50)) {
      for (size_t i = 0; i < query->items.size(); ++i)
        query->order_descending.push_back(Chance(random_, 50));
      if (Chance(random_, 30)) query->skip = static_cast<int64_t>(Pick(random_, 4));
      if (Chance(random_, 60)) query->limit = static_cast<int64_t>(Pick(random_, 6));
    }
  }

  std::mt19937_64& random_;
  const KnowledgeGraph& graph_;
  Scope scope_;
  std::vector<std::string> clause_relations_;
  std::set<std::string> reused_;
  int next_node_ = 0;
  int next_relation_ = 0;
  int next_list_ = 0;
};

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

std::string NodeText(const NodeTerm& node) {
  std::string text = "(" + node.variable;
  for (size_t i = 0; i < node.labels.size(); ++i)
    text += (i == 0 ? ":" : "|") + std::string(EntityTypeName(node.labels[i]));
  std::vector<std::string> properties;
  if (node.type) properties.push_back("type: " + Quote(std::string(EntityTypeName(*node.type))));
  if (node.mentions) properties.push_back("mentions: " + std::to_string(*node.mentions));
  if (node.id) properties.push_back("id: " + Quote(*node.id));
  if (!properties.empty()) {
    text += " {";
    for (size_t i = 0; i < properties.size(); ++i) text += (i ? ", " : "") + properties[i];
    text += "}";
  }
  return text + ")";
}

std::string RelText(const RelTerm& rel) {
  std::string inner = rel.variable;
  for (size_t i = 0; i < rel.types.size(); ++i) inner += (i == 0 ? ":" : "|") + rel.types[i];
  if (rel.variable_length)
    inner += "*" + std::to_string(rel.min_hops) + ".." + std::to_string(rel.max_hops);
  std::vector<std::string> properties;
  if (rel.status)
    properties.push_back("status: " + Quote(std::string(RelationStatusName(*rel.status))));
  if (rel.weight) properties.push_back("weight: " + std::to_string(*rel.weight));
  if (!properties.empty()) {
    inner += " {";
    for (size_t i = 0; i < properties.size(); ++i) inner += (i ? ", " : "") + properties[i];
    inner += "}";
  }
  const std::string body = "-[" + inner + "]-";
  return rel.direction == Direction::kRight  ? body + ">"
         : rel.direction == Direction::kLeft ? "<" + body
                                             : body;
}

}  // namespace

KnowledgeGraph RandomGraph(std::mt19937_64& random, size_t nodes, size_t edges) {
  KnowledgeGraph graph;
  graph.AddDocument({"d1", "d1.txt", "", ""});
  for (size_t n = 0; n < nodes; ++n) {
    NodeData node;
    node.id = "n" + std::to_string(n);
    node.label = PickFrom(random, kNames);
    node.type = PickFrom(random, kTypes);
    node.aliases = {node.label};
    node.mentions = 1 + static_cast<int64_t>(Pick(random, 3));
    node.documents = {"d1"};
    graph.AddNode(std::move(node));
  }
  for (size_t e = 0; e < edges && nodes > 1; ++e) {
    const size_t source = Pick(random, nodes);
    const size_t target = (source + 1 + Pick(random, nodes - 1)) % nodes;
    EdgeData edge;
    edge.predicate = PickFrom(random, kPredicates);
    edge.status = Chance(random, 70) ? RelationStatus::kAsserted : PickFrom(random, kStatuses);
    edge.weight = 1 + static_cast<int64_t>(Pick(random, 3));
    edge.evidence = {{"d1", 0, 1, "x"}};
    const bool symmetric = edge.predicate == kPredicates[0];
    const size_t s = symmetric ? std::min(source, target) : source;
    const size_t t = symmetric ? std::max(source, target) : target;
    graph.TryAddEdge(s, t, std::move(edge));
  }
  graph.Canonicalize();
  return graph;
}

QueryTerm RandomQuery(std::mt19937_64& random, const KnowledgeGraph& graph) {
  return Generator(random, graph).Query();
}

std::string ToCypher(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kInt:
      return std::to_string(e.number);
    case Expr::Kind::kString:
      return Quote(e.name);
    case Expr::Kind::kBool:
      return e.number != 0 ? "true" : "false";
    case Expr::Kind::kNull:
      return "null";
    case Expr::Kind::kList: {
      std::string text = "[";
      for (size_t i = 0; i < e.children.size(); ++i)
        text += (i ? ", " : "") + ToCypher(e.children[i]);
      return text + "]";
    }
    case Expr::Kind::kVariable:
      return e.name;
    case Expr::Kind::kProperty:
      return ToCypher(e.children[0]) + "." + e.name;
    case Expr::Kind::kCall:
      return e.name + "(" + ToCypher(e.children[0]) + ")";
    case Expr::Kind::kCompare:
      return "(" + ToCypher(e.children[0]) + " " + e.name + " " + ToCypher(e.children[1]) + ")";
    case Expr::Kind::kAnd:
      return "(" + ToCypher(e.children[0]) + " AND " + ToCypher(e.children[1]) + ")";
    case Expr::Kind::kOr:
      return "(" + ToCypher(e.children[0]) + " OR " + ToCypher(e.children[1]) + ")";
    case Expr::Kind::kNot:
      return "(NOT " + ToCypher(e.children[0]) + ")";
    case Expr::Kind::kIsNull:
      return "(" + ToCypher(e.children[0]) + " IS NULL)";
    case Expr::Kind::kIsNotNull:
      return "(" + ToCypher(e.children[0]) + " IS NOT NULL)";
  }
  return "";
}

std::string ToCypher(const QueryTerm& query) {
  std::string text;
  for (const auto& clause : query.clauses) {
    text += text.empty() ? "MATCH " : " MATCH ";
    for (size_t p = 0; p < clause.size(); ++p) {
      if (p) text += ", ";
      text += NodeText(clause[p].nodes[0]);
      for (size_t r = 0; r < clause[p].relationships.size(); ++r)
        text += RelText(clause[p].relationships[r]) + NodeText(clause[p].nodes[r + 1]);
    }
  }
  if (query.where) text += " WHERE " + ToCypher(*query.where);
  text += query.distinct ? " RETURN DISTINCT " : " RETURN ";
  for (size_t i = 0; i < query.items.size(); ++i) {
    const ReturnTerm& item = query.items[i];
    if (i) text += ", ";
    if (item.count) {
      text += item.star ? "count(*)"
                        : "count(" + std::string(item.distinct ? "DISTINCT " : "") +
                              ToCypher(item.expression) + ")";
    } else {
      text += ToCypher(item.expression);
    }
    text += " AS " + item.alias;
  }
  if (!query.order_descending.empty()) {
    text += " ORDER BY ";
    for (size_t i = 0; i < query.order_descending.size(); ++i)
      text += (i ? ", " : "") + query.items[i].alias + (query.order_descending[i] ? " DESC" : "");
    if (query.skip > 0) text += " SKIP " + std::to_string(query.skip);
    if (query.limit) text += " LIMIT " + std::to_string(*query.limit);
  }
  return text;
}

}  // namespace kg::diff
