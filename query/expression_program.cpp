#include "query/expression_program.h"

#include <utf8proc.h>

#include "core/text.h"

namespace kg {
namespace {

using Kind = QueryValue::Kind;

// Cypher's three-valued logic: null is "unknown".
std::optional<bool> Logical(const QueryValue& v) {
  if (v.kind() == Kind::kBool) return v.boolean();
  return std::nullopt;
}

QueryValue FromLogical(std::optional<bool> b) {
  return b ? QueryValue::Bool(*b) : QueryValue::Null();
}

QueryValue And(const QueryValue& a, const QueryValue& b) {
  const auto x = Logical(a);
  const auto y = Logical(b);
  if ((x && !*x) || (y && !*y)) return QueryValue::Bool(false);
  if (!x || !y) return QueryValue::Null();
  return QueryValue::Bool(true);
}

QueryValue Or(const QueryValue& a, const QueryValue& b) {
  const auto x = Logical(a);
  const auto y = Logical(b);
  if ((x && *x) || (y && *y)) return QueryValue::Bool(true);
  if (!x || !y) return QueryValue::Null();
  return QueryValue::Bool(false);
}

// x IN list: true if an element equals x; otherwise null if x or some
// comparison was null; otherwise false.
QueryValue In(const QueryValue& x, const QueryValue& list) {
  if (list.kind() != Kind::kList) return QueryValue::Null();
  bool unknown = false;
  for (const auto& item : list.list()) {
    const auto same = Equals(x, item);
    if (same && *same) return QueryValue::Bool(true);
    if (!same) unknown = true;
  }
  return unknown ? QueryValue::Null() : QueryValue::Bool(false);
}

QueryValue Order(Comparison op, const QueryValue& a, const QueryValue& b) {
  const Kind ka = a.kind();
  const Kind kb = b.kind();
  const bool numbers =
      (ka == Kind::kInt || ka == Kind::kFloat) && (kb == Kind::kInt || kb == Kind::kFloat);
  int c = 0;
  if (numbers) {
    if (ka == Kind::kInt && kb == Kind::kInt) {
      c = a.integer() < b.integer() ? -1 : a.integer() > b.integer() ? 1 : 0;
    } else {
      const double x = a.number();
      const double y = b.number();
      if (x != x || y != y) return QueryValue::Bool(false);  // NaN
      c = x < y ? -1 : x > y ? 1 : 0;
    }
  } else if (ka == Kind::kString && kb == Kind::kString) {
    c = a.text().compare(b.text());
  } else if (ka == Kind::kBool && kb == Kind::kBool) {
    c = static_cast<int>(a.boolean()) - static_cast<int>(b.boolean());
  } else {
    return QueryValue::Null();  // not orderable against each other
  }
  switch (op) {
    case Comparison::kLess:
      return QueryValue::Bool(c < 0);
    case Comparison::kLessOrEqual:
      return QueryValue::Bool(c <= 0);
    case Comparison::kGreater:
      return QueryValue::Bool(c > 0);
    default:
      return QueryValue::Bool(c >= 0);
  }
}

QueryValue Compare(Comparison op, const QueryValue& a, const QueryValue& b) {
  switch (op) {
    case Comparison::kEqual:
      return FromLogical(Equals(a, b));
    case Comparison::kNotEqual: {
      const auto same = Equals(a, b);
      return same ? QueryValue::Bool(!*same) : QueryValue::Null();
    }
    case Comparison::kLess:
    case Comparison::kLessOrEqual:
    case Comparison::kGreater:
    case Comparison::kGreaterOrEqual:
      return Order(op, a, b);
    case Comparison::kContains:
    case Comparison::kStartsWith:
    case Comparison::kEndsWith: {
      if (a.kind() != Kind::kString || b.kind() != Kind::kString) return QueryValue::Null();
      const std::string_view s = a.text();
      const std::string_view t = b.text();
      return QueryValue::Bool(op == Comparison::kContains     ? s.find(t) != std::string_view::npos
                              : op == Comparison::kStartsWith ? StartsWith(s, t)
                                                              : EndsWith(s, t));
    }
    case Comparison::kIn:
      return In(a, b);
  }
  return QueryValue::Null();
}

// Unicode simple case mapping, code point by code point (utf8proc).
std::string ChangeCase(std::string_view text, bool upper) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t at = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (at < size) {
    utf8proc_int32_t code = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code);
    if (length <= 0) {  // not UTF-8: keep the byte as it is
      out.push_back(text[static_cast<size_t>(at)]);
      ++at;
      continue;
    }
    utf8proc_uint8_t encoded[4];
    const utf8proc_ssize_t n =
        utf8proc_encode_char(upper ? utf8proc_toupper(code) : utf8proc_tolower(code), encoded);
    out.append(reinterpret_cast<const char*>(encoded), static_cast<size_t>(n));
    at += length;
  }
  return out;
}

// Characters (code points) of UTF-8 text, as Cypher counts them.
int64_t CodePoints(std::string_view text) {
  int64_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

QueryValue Strings(const StringList& list) {
  std::vector<QueryValue> items;
  items.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) items.push_back(QueryValue::GraphString(list[i]));
  return QueryValue::List(std::move(items));
}

}  // namespace

bool Program::SameAs(const Program& other) const {
  if (operations != other.operations || constants.size() != other.constants.size()) return false;
  for (size_t i = 0; i < constants.size(); ++i) {
    if (constants[i].kind() != other.constants[i].kind() ||
        !Equivalent(constants[i], other.constants[i])) {
      return false;
    }
  }
  return true;
}

QueryValue Evaluator::Property(const QueryValue& subject, PropertyName name) const {
  if (subject.kind() == Kind::kNode) {
    const size_t n = subject.index();
    switch (name) {
      case PropertyName::kId:
        return QueryValue::GraphString(graph_.node_id(n));
      case PropertyName::kLabel:
        return QueryValue::GraphString(graph_.node_label(n));
      case PropertyName::kType:
        return QueryValue::GraphString(EntityTypeName(graph_.node_type(n)));
      case PropertyName::kAliases:
        return Strings(graph_.node_aliases(n));
      case PropertyName::kMentions:
        return QueryValue::Int(graph_.node_mentions(n));
      case PropertyName::kDocuments:
        return Strings(graph_.node_documents(n));
      case PropertyName::kDegree:
        return QueryValue::Int(static_cast<int64_t>(graph_.topology().degree(n)));
      default:
        return QueryValue::Null();
    }
  }
  if (subject.kind() == Kind::kEdge) {
    const size_t e = subject.index();
    switch (name) {
      case PropertyName::kPredicate:
      case PropertyName::kType:
        return QueryValue::GraphString(graph_.predicate_name(graph_.edge_predicate(e)));
      case PropertyName::kStatus:
        return QueryValue::GraphString(RelationStatusName(graph_.edge_status(e)));
      case PropertyName::kWeight:
        return QueryValue::Int(graph_.edge_weight(e));
      case PropertyName::kSource:
        return QueryValue::Node(graph_.edge_source(e));
      case PropertyName::kTarget:
        return QueryValue::Node(graph_.edge_target(e));
      case PropertyName::kEvidence:
      case PropertyName::kDocuments: {
        std::vector<QueryValue> items;
        for (size_t i = graph_.evidence_begin(e); i < graph_.evidence_end(e); ++i) {
          const EvidenceView evidence = graph_.evidence(i);
          items.push_back(QueryValue::GraphString(
              name == PropertyName::kEvidence ? evidence.sentence : evidence.document));
        }
        return QueryValue::List(std::move(items));
      }
      default:
        return QueryValue::Null();
    }
  }
  return QueryValue::Null();
}

QueryValue Evaluator::Call(Function function, std::span<const QueryValue> args) const {
  if (function == Function::kCoalesce) {
    for (const auto& arg : args) {
      if (!arg.is_null()) return arg;
    }
    return QueryValue::Null();
  }
  const QueryValue& arg = args[0];
  switch (function) {
    case Function::kType:
      return arg.kind() == Kind::kEdge ? Property(arg, PropertyName::kPredicate)
                                       : QueryValue::Null();
    case Function::kId:
      return arg.kind() == Kind::kNode   ? Property(arg, PropertyName::kId)
             : arg.kind() == Kind::kEdge ? QueryValue::Int(static_cast<int64_t>(arg.index()))
                                         : QueryValue::Null();
    case Function::kLabels:
      return arg.kind() == Kind::kNode ? QueryValue::List({Property(arg, PropertyName::kType)})
                                       : QueryValue::Null();
    case Function::kStartNode:
    case Function::kEndNode:
      return arg.kind() == Kind::kEdge
                 ? Property(arg, function == Function::kStartNode ? PropertyName::kSource
                                                                  : PropertyName::kTarget)
                 : QueryValue::Null();
    case Function::kLength:
    case Function::kSize:
      if (arg.kind() == Kind::kPath)
        return QueryValue::Int(static_cast<int64_t>(arg.path().edges.size()));
      if (arg.kind() == Kind::kList)
        return QueryValue::Int(static_cast<int64_t>(arg.list().size()));
      if (arg.kind() == Kind::kString) return QueryValue::Int(CodePoints(arg.text()));
      return QueryValue::Null();
    case Function::kNodes:
    case Function::kRelationships: {
      if (arg.kind() != Kind::kPath) return QueryValue::Null();
      std::vector<QueryValue> items;
      if (function == Function::kNodes) {
        for (size_t n : arg.path().nodes) items.push_back(QueryValue::Node(n));
      } else {
        for (size_t e : arg.path().edges) items.push_back(QueryValue::Edge(e));
      }
      return QueryValue::List(std::move(items));
    }
    case Function::kToLower:
    case Function::kToUpper:
      if (arg.kind() != Kind::kString) return QueryValue::Null();
      return QueryValue::String(ChangeCase(arg.text(), function == Function::kToUpper));
    case Function::kCoalesce:
      break;
  }
  return QueryValue::Null();
}

QueryValue Evaluator::Run(const Program& program, std::span<const QueryValue> slots,
                          std::span<const QueryValue> columns) {
  const size_t base = stack_.size();  // reentrant: a nested run leaves the stack as it was
  for (const Operation& op : program.operations) {
    switch (op.code) {
      case Operation::Code::kConstant:
        stack_.push_back(program.constants[op.argument]);
        break;
      case Operation::Code::kSlot:
        stack_.push_back(slots[op.argument]);
        break;
      case Operation::Code::kColumn:
        stack_.push_back(columns[op.argument]);
        break;
      case Operation::Code::kProperty:
        stack_.back() = Property(stack_.back(), static_cast<PropertyName>(op.detail));
        break;
      case Operation::Code::kCall: {
        const size_t first = stack_.size() - op.argument;
        QueryValue result = Call(static_cast<Function>(op.detail),
                                 std::span<const QueryValue>(stack_.data() + first, op.argument));
        stack_.resize(first);
        stack_.push_back(std::move(result));
        break;
      }
      case Operation::Code::kList: {
        const size_t first = stack_.size() - op.argument;
        std::vector<QueryValue> items(
            std::make_move_iterator(stack_.begin() + static_cast<long>(first)),
            std::make_move_iterator(stack_.end()));
        stack_.resize(first);
        stack_.push_back(QueryValue::List(std::move(items)));
        break;
      }
      case Operation::Code::kNot: {
        const auto b = Logical(stack_.back());
        stack_.back() = b ? QueryValue::Bool(!*b) : QueryValue::Null();
        break;
      }
      case Operation::Code::kAnd:
      case Operation::Code::kOr:
      case Operation::Code::kCompare: {
        QueryValue right = std::move(stack_.back());
        stack_.pop_back();
        QueryValue& left = stack_.back();
        left = op.code == Operation::Code::kAnd ? And(left, right)
               : op.code == Operation::Code::kOr
                   ? Or(left, right)
                   : Compare(static_cast<Comparison>(op.detail), left, right);
        break;
      }
      case Operation::Code::kCompareConstant:
        // The constant is read in place: no copy of a string per row.
        stack_.back() = Compare(static_cast<Comparison>(op.detail), stack_.back(),
                                program.constants[op.argument]);
        break;
      case Operation::Code::kIsNull: {
        const bool null = stack_.back().is_null();
        stack_.back() = QueryValue::Bool(op.detail != 0 ? !null : null);
        break;
      }
    }
  }
  QueryValue result = std::move(stack_.back());
  stack_.resize(base);
  return result;
}

}  // namespace kg
