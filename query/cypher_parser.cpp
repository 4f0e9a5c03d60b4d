// Recursive-descent parser for the Cypher subset in cypher.h.
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/text.h"
#include "query/cypher.h"

namespace kg::cypher {
namespace {

// Upper bound for "*" and "*2.." paths: a variable-length pattern over a
// graph of millions of entities must stay bounded.
constexpr int kUnboundedHops = 15;

// Deepest nesting of parentheses, lists, NOTs, function calls and property
// chains: the parser descends recursively, so the query must not choose
// how deep the stack goes.
constexpr int kMaxNesting = 256;

struct Token {
  enum class Kind { kIdentifier, kString, kInteger, kFloat, kSymbol, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;  // identifier or string value, symbol, number text
  int column = 0;
  size_t begin = 0;  // byte offsets in the query, for item names
  size_t end = 0;
};

class ParseError {
 public:
  ParseError(std::string message, int column) : error{std::move(message), column} {}
  SyntaxError error;
};

std::string Describe(const Token& token) {
  switch (token.kind) {
    case Token::Kind::kEnd:
      return "the end of the query";
    case Token::Kind::kString:
      return "string \"" + token.text + "\"";
    case Token::Kind::kIdentifier:
      return "\"" + token.text + "\"";
    default:
      return "\"" + token.text + "\"";
  }
}

std::vector<Token> Lex(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  const auto column = [&](size_t at) { return static_cast<int>(at + 1); };
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Token token;
    token.column = column(i);
    token.begin = i;
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
        static_cast<unsigned char>(c) >= 0x80) {
      size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                 text[j] == '_' || static_cast<unsigned char>(text[j]) >= 0x80)) {
        ++j;
      }
      token.kind = Token::Kind::kIdentifier;
      token.text = std::string(text.substr(i, j - i));
      i = j;
    } else if (c == '`') {
      const size_t close = text.find('`', i + 1);
      if (close == std::string_view::npos) throw ParseError("unterminated `name`", column(i));
      token.kind = Token::Kind::kIdentifier;
      token.text = std::string(text.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      token.kind = Token::Kind::kInteger;
      if (j + 1 < text.size() && text[j] == '.' &&
          std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        ++j;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        token.kind = Token::Kind::kFloat;
      }
      token.text = std::string(text.substr(i, j - i));
      i = j;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      std::string value;
      while (j < text.size() && text[j] != c) {
        if (text[j] == '\\' && j + 1 < text.size()) {
          const char e = text[j + 1];
          value.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          j += 2;
        } else {
          value.push_back(text[j++]);
        }
      }
      if (j >= text.size()) throw ParseError("unterminated string", column(i));
      token.kind = Token::Kind::kString;
      token.text = std::move(value);
      i = j + 1;
    } else {
      static constexpr std::string_view kPairs[] = {"<>", "!=", "<=", ">=", ".."};
      token.kind = Token::Kind::kSymbol;
      token.text = std::string(1, c);
      for (std::string_view pair : kPairs) {
        if (text.substr(i, 2) == pair) token.text = std::string(pair);
      }
      static constexpr std::string_view kSingles = "()[]{}:,.|*-<>=;+";
      if (token.text.size() == 1 && kSingles.find(c) == std::string_view::npos) {
        throw ParseError("unexpected character \"" + token.text + "\"", column(i));
      }
      i += token.text.size();
    }
    token.end = i;
    tokens.push_back(std::move(token));
  }
  Token end;
  end.column = column(text.size());
  end.begin = end.end = text.size();
  tokens.push_back(end);
  return tokens;
}

class Parser {
 public:
  Parser(std::string_view text) : text_(text), tokens_(Lex(text)) {}

  Query ParseQueryText() {
    Query query;
    ExpectKeyword("MATCH");
    ParsePatterns(&query);
    while (IsKeyword("MATCH")) {
      Next();
      ParsePatterns(&query);
    }
    if (IsKeyword("OPTIONAL"))
      Fail("expected MATCH, WHERE or RETURN (OPTIONAL MATCH is not supported)");
    if (IsKeyword("WHERE")) {
      Next();
      query.where = ParseExpression();
    }
    ExpectKeyword("RETURN");
    if (IsKeyword("DISTINCT")) {
      Next();
      query.distinct = true;
    }
    do {
      ReturnItem item;
      const size_t begin = Peek().begin;
      item.expression = ParseExpression();
      item.alias = std::string(Trim(text_.substr(begin, tokens_[position_ - 1].end - begin)));
      if (IsKeyword("AS")) {
        Next();
        item.alias = ExpectIdentifier("a column name after AS");
      }
      query.items.push_back(std::move(item));
    } while (Accept(","));
    if (IsKeyword("ORDER")) {
      Next();
      ExpectKeyword("BY");
      do {
        SortItem item;
        item.expression = ParseExpression();
        if (IsKeyword("DESC") || IsKeyword("DESCENDING")) {
          Next();
          item.descending = true;
        } else if (IsKeyword("ASC") || IsKeyword("ASCENDING")) {
          Next();
        }
        query.order.push_back(std::move(item));
      } while (Accept(","));
    }
    if (IsKeyword("SKIP")) {
      Next();
      query.skip = ExpectCount("a number after SKIP");
    }
    if (IsKeyword("LIMIT")) {
      Next();
      query.limit = ExpectCount("a number after LIMIT");
    }
    Accept(";");
    if (Peek().kind != Token::Kind::kEnd) {
      Fail("expected ORDER BY, SKIP, LIMIT or the end of the query");
    }
    return query;
  }

 private:
  // Counts one level of nesting for as long as it lives.
  class Nested {
   public:
    explicit Nested(Parser* parser) : parser_(parser) {
      if (++parser_->depth_ > kMaxNesting) {
        parser_->Fail("expected at most " + std::to_string(kMaxNesting) +
                      " levels of nested parentheses, lists, NOTs, calls and properties");
      }
    }
    ~Nested() { --parser_->depth_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;

   private:
    Parser* parser_;
  };

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(position_ + ahead, tokens_.size() - 1)];
  }
  const Token& Next() { return tokens_[std::min(position_++, tokens_.size() - 1)]; }

  [[noreturn]] void Fail(const std::string& expected) const {
    throw ParseError(expected + ", found " + Describe(Peek()), Peek().column);
  }

  bool IsSymbol(std::string_view symbol, size_t ahead = 0) const {
    return Peek(ahead).kind == Token::Kind::kSymbol && Peek(ahead).text == symbol;
  }
  bool IsKeyword(std::string_view keyword) const {
    return Peek().kind == Token::Kind::kIdentifier &&
           AsciiLower(Peek().text) == AsciiLower(keyword);
  }
  bool Accept(std::string_view symbol) {
    if (!IsSymbol(symbol)) return false;
    Next();
    return true;
  }
  void Expect(std::string_view symbol, const std::string& what) {
    if (!Accept(symbol)) Fail("expected \"" + std::string(symbol) + "\" " + what);
  }
  void ExpectKeyword(std::string_view keyword) {
    if (!IsKeyword(keyword)) Fail("expected " + std::string(keyword));
    Next();
  }
  std::string ExpectIdentifier(const std::string& what) {
    if (Peek().kind != Token::Kind::kIdentifier) Fail("expected " + what);
    return Next().text;
  }
  int64_t ExpectCount(const std::string& what) {
    if (Peek().kind != Token::Kind::kInteger) Fail("expected " + what);
    int64_t value = 0;
    const std::string& digits = Peek().text;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), value).ec != std::errc()) {
      Fail("expected a smaller number");
    }
    Next();
    return value;
  }

  void ParsePatterns(Query* query) {
    MatchClause clause;
    do {
      clause.patterns.push_back(ParsePath());
    } while (Accept(","));
    query->matches.push_back(std::move(clause));
  }

  PathPattern ParsePath() {
    PathPattern path;
    path.column = Peek().column;
    if (Peek().kind == Token::Kind::kIdentifier && IsSymbol("=", 1)) {
      path.variable = Next().text;
      Next();
    }
    if (IsKeyword("shortestPath") || IsKeyword("allShortestPaths")) {
      path.kind = IsKeyword("shortestPath") ? PathPattern::Kind::kShortest
                                            : PathPattern::Kind::kAllShortest;
      const int column = Peek().column;
      Next();
      Expect("(", "after shortestPath");
      ParseChain(&path);
      Expect(")", "to close shortestPath(...)");
      if (path.relationships.size() != 1) {
        throw ParseError("shortestPath takes one relationship between two nodes: (a)-[*..4]-(b)",
                         column);
      }
      return path;
    }
    ParseChain(&path);
    return path;
  }

  void ParseChain(PathPattern* path) {
    path->nodes.push_back(ParseNode());
    while (IsSymbol("-") || IsSymbol("<")) {
      path->relationships.push_back(ParseRelationship());
      path->nodes.push_back(ParseNode());
    }
  }

  NodePattern ParseNode() {
    NodePattern node;
    node.column = Peek().column;
    Expect("(", "to open a node pattern");
    if (Peek().kind == Token::Kind::kIdentifier) node.variable = Next().text;
    if (Accept(":")) {
      node.labels.push_back(ExpectIdentifier("an entity type after \":\""));
      while (Accept("|")) {
        Accept(":");
        node.labels.push_back(ExpectIdentifier("an entity type after \"|\""));
      }
    }
    if (IsSymbol("{")) node.properties = ParseProperties();
    Expect(")", "to close the node pattern");
    return node;
  }

  RelationshipPattern ParseRelationship() {
    RelationshipPattern relationship;
    relationship.column = Peek().column;
    const bool left = Accept("<");
    Expect("-", left ? "after \"<\"" : "to open a relationship");
    if (Accept("[")) {
      if (Peek().kind == Token::Kind::kIdentifier) relationship.variable = Next().text;
      if (Accept(":")) {
        relationship.types.push_back(ExpectIdentifier("a relationship type after \":\""));
        while (Accept("|")) {
          Accept(":");
          relationship.types.push_back(ExpectIdentifier("a relationship type after \"|\""));
        }
      }
      if (Accept("*")) ParseHops(&relationship);
      if (IsSymbol("{")) relationship.properties = ParseProperties();
      Expect("]", "to close the relationship");
    }
    Expect("-", "to close the relationship");
    const bool right = Accept(">");
    if (left && right)
      throw ParseError("a relationship points one way or none, not both", relationship.column);
    relationship.direction = left    ? RelationshipPattern::Direction::kLeft
                             : right ? RelationshipPattern::Direction::kRight
                                     : RelationshipPattern::Direction::kEither;
    return relationship;
  }

  // A hop count, checked before it is narrowed to int.
  int ExpectHops(const RelationshipPattern& relationship) {
    const int64_t hops = ExpectCount("a number of hops");
    if (hops > kUnboundedHops) HopsError(relationship);
    return static_cast<int>(hops);
  }

  [[noreturn]] static void HopsError(const RelationshipPattern& relationship) {
    throw ParseError("hops must run from min to max, at most " + std::to_string(kUnboundedHops),
                     relationship.column);
  }

  void ParseHops(RelationshipPattern* relationship) {
    relationship->variable_length = true;
    relationship->min_hops = 1;
    relationship->max_hops = kUnboundedHops;
    if (Peek().kind == Token::Kind::kInteger) {
      relationship->min_hops = ExpectHops(*relationship);
      relationship->max_hops = relationship->min_hops;
    }
    if (Accept("..")) {
      relationship->max_hops =
          Peek().kind == Token::Kind::kInteger ? ExpectHops(*relationship) : kUnboundedHops;
    }
    if (relationship->max_hops < relationship->min_hops) HopsError(*relationship);
  }

  std::vector<Property> ParseProperties() {
    std::vector<Property> properties;
    Expect("{", "to open properties");
    if (!IsSymbol("}")) {
      do {
        Property property;
        property.column = Peek().column;
        property.key = ExpectIdentifier("a property name");
        Expect(":", "after the property name");
        property.value = ParseLiteral();
        properties.push_back(std::move(property));
      } while (Accept(","));
    }
    Expect("}", "to close the properties");
    return properties;
  }

  Literal ParseLiteral() {
    Literal literal;
    const bool negative = Accept("-");
    const Token& token = Peek();
    if (token.kind == Token::Kind::kInteger) {
      int64_t value = ExpectCount("a number");
      literal.value = negative ? -value : value;
    } else if (token.kind == Token::Kind::kFloat) {
      double value = 0;
      const std::string& digits = token.text;
      const auto [end, error] =
          std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (error != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
        Fail("expected a decimal number within the range of doubles (1e-308 to 1e308)");
      }
      Next();
      literal.value = negative ? -value : value;
    } else if (negative) {
      Fail("expected a number after \"-\"");
    } else if (token.kind == Token::Kind::kString) {
      literal.value = Next().text;
    } else if (IsKeyword("true") || IsKeyword("false")) {
      literal.value = IsKeyword("true");
      Next();
    } else if (IsKeyword("null")) {
      Next();
    } else if (IsSymbol("[")) {
      const Nested nested(this);
      Next();
      std::vector<Literal> items;
      if (!IsSymbol("]")) {
        do {
          items.push_back(ParseLiteral());
        } while (Accept(","));
      }
      Expect("]", "to close the list");
      literal.value = std::move(items);
    } else {
      Fail("expected a value (string, number, true, false, null or [list])");
    }
    return literal;
  }

  ExpressionPtr Make(Expression::Kind kind, int column) {
    auto expression = std::make_unique<Expression>();
    expression->kind = kind;
    expression->column = column;
    return expression;
  }

  ExpressionPtr Binary(std::string op, ExpressionPtr left, ExpressionPtr right, int column) {
    auto expression = Make(Expression::Kind::kBinary, column);
    expression->name = std::move(op);
    expression->children.push_back(std::move(left));
    expression->children.push_back(std::move(right));
    return expression;
  }

  ExpressionPtr ParseExpression() {
    auto left = ParseAnd();
    while (IsKeyword("OR")) {
      const int column = Next().column;
      left = Binary("OR", std::move(left), ParseAnd(), column);
    }
    return left;
  }

  ExpressionPtr ParseAnd() {
    auto left = ParseNot();
    while (IsKeyword("AND")) {
      const int column = Next().column;
      left = Binary("AND", std::move(left), ParseNot(), column);
    }
    return left;
  }

  ExpressionPtr ParseNot() {
    if (IsKeyword("NOT")) {
      const Nested nested(this);
      const int column = Next().column;
      auto expression = Make(Expression::Kind::kNot, column);
      expression->children.push_back(ParseNot());
      return expression;
    }
    return ParseComparison();
  }

  ExpressionPtr ParseComparison() {
    auto left = ParsePostfix();
    const int column = Peek().column;
    std::string op;
    for (std::string_view symbol : {"=", "<>", "!=", "<", "<=", ">", ">="}) {
      if (IsSymbol(symbol)) op = symbol == "!=" ? "<>" : std::string(symbol);
    }
    if (!op.empty()) {
      Next();
    } else if (IsKeyword("CONTAINS") || IsKeyword("IN")) {
      op = AsciiLower(Next().text) == "in" ? "IN" : "CONTAINS";
    } else if (IsKeyword("STARTS") || IsKeyword("ENDS")) {
      op = AsciiLower(Next().text) == "starts" ? "STARTS WITH" : "ENDS WITH";
      ExpectKeyword("WITH");
    } else if (IsKeyword("IS")) {
      Next();
      auto expression = Make(Expression::Kind::kIsNull, column);
      if (IsKeyword("NOT")) {
        Next();
        expression->negated = true;
      }
      ExpectKeyword("NULL");
      expression->children.push_back(std::move(left));
      return expression;
    } else {
      return left;
    }
    return Binary(op, std::move(left), ParsePostfix(), column);
  }

  ExpressionPtr ParsePostfix() {
    auto expression = ParsePrimary();
    int links = 0;
    while (IsSymbol(".")) {
      if (depth_ + ++links > kMaxNesting) {
        Fail("expected at most " + std::to_string(kMaxNesting) +
             " levels of nested parentheses, lists, NOTs, calls and properties");
      }
      const int column = Next().column;
      auto property = Make(Expression::Kind::kProperty, column);
      property->name = ExpectIdentifier("a property name after \".\"");
      property->children.push_back(std::move(expression));
      expression = std::move(property);
    }
    return expression;
  }

  ExpressionPtr ParsePrimary() {
    const Token& token = Peek();
    const int column = token.column;
    if (IsSymbol("(")) {
      const Nested nested(this);
      Next();
      auto inner = ParseExpression();
      Expect(")", "to close the parenthesis");
      return inner;
    }
    if (IsSymbol("[")) {
      const Nested nested(this);
      Next();
      auto list = Make(Expression::Kind::kList, column);
      if (!IsSymbol("]")) {
        do {
          list->children.push_back(ParseExpression());
        } while (Accept(","));
      }
      Expect("]", "to close the list");
      return list;
    }
    if (token.kind == Token::Kind::kIdentifier && !IsKeyword("true") && !IsKeyword("false") &&
        !IsKeyword("null")) {
      if (IsSymbol("(", 1)) {
        const Nested nested(this);
        auto call = Make(Expression::Kind::kFunction, column);
        call->name = AsciiLower(Next().text);
        Next();
        if (IsKeyword("DISTINCT")) {
          Next();
          call->distinct = true;
        }
        if (Accept("*")) {
          call->star = true;
        } else if (!IsSymbol(")")) {
          do {
            call->children.push_back(ParseExpression());
          } while (Accept(","));
        }
        Expect(")", "to close the function call");
        return call;
      }
      auto variable = Make(Expression::Kind::kVariable, column);
      variable->name = Next().text;
      return variable;
    }
    auto literal = Make(Expression::Kind::kLiteral, column);
    literal->literal = ParseLiteral();
    return literal;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t position_ = 0;
  int depth_ = 0;
};

}  // namespace

// Long AND/OR chains make deep trees: take them apart with a work list
// instead of letting each node's destructor recurse into its children.
Expression::~Expression() {
  std::vector<ExpressionPtr> pending = std::move(children);
  while (!pending.empty()) {
    ExpressionPtr last = std::move(pending.back());
    pending.pop_back();
    if (last == nullptr) continue;
    // Moving the vector leaves last's own list empty: its destructor,
    // run at the end of this iteration, has nothing left to walk.
    std::vector<ExpressionPtr> grandchildren = std::move(last->children);
    for (auto& child : grandchildren) pending.push_back(std::move(child));
  }
}

std::variant<Query, SyntaxError> ParseQuery(std::string_view text) {
  try {
    Parser parser(text);
    return parser.ParseQueryText();
  } catch (const ParseError& error) {
    return error.error;
  }
}

}  // namespace kg::cypher
