// Hostile queries: deep nesting, long chains, huge numbers and long query
// texts get a clear error (exit 2) or an answer, never a crash.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;

// Three people, a complete little triangle of relations.
const std::string& SmallGraph() {
  static test::TempDir dir;
  static const std::string path = dir.Write("small.json", R"({
  "directed": true, "multigraph": true, "graph": {"documents": []},
  "nodes": [
    {"id": "ann", "label": "Ann", "type": "PERSON", "mentions": 1},
    {"id": "bob", "label": "Bob", "type": "PERSON", "mentions": 2},
    {"id": "cy", "label": "Cy", "type": "ORGANIZATION", "mentions": 3}
  ],
  "links": [
    {"source": "ann", "target": "bob", "predicate": "pressed", "weight": 1},
    {"source": "bob", "target": "cy", "predicate": "pressed", "weight": 2},
    {"source": "cy", "target": "ann", "predicate": "warned", "weight": 3}
  ]
})");
  return path;
}

std::string Repeat(const std::string& text, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += text;
  return out;
}

// Runs a query given in a file and returns the result.
test::CommandResult QueryFromFile(const std::string& query, const std::string& options = "") {
  static test::TempDir dir;
  const std::string file = dir.Write("query.cypher", query);
  return RunKg("query " + Quote(SmallGraph()) + " -f " + Quote(file) + options);
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

constexpr const char* kTooDeep =
    "kg: query error: expected at most 256 levels of nested parentheses, lists, NOTs, calls and "
    "properties, found ";

TEST_CASE("10,000 nested parentheses are refused with exit 2", "[cli][query][limits]") {
  const auto result = QueryFromFile("MATCH (a) WHERE " + Repeat("(", 10000) + "true" +
                                    Repeat(")", 10000) + " RETURN count(*)");
  CHECK(result.exit_code == 2);
  CHECK(FirstLine(result.err) == std::string(kTooDeep) + "\"(\"");
}

TEST_CASE("30,000 NOTs, deep lists and long property chains are refused", "[cli][query][limits]") {
  auto result = QueryFromFile("MATCH (a) WHERE " + Repeat("NOT ", 30000) + "true RETURN a");
  CHECK(result.exit_code == 2);
  CHECK(FirstLine(result.err) == std::string(kTooDeep) + "\"NOT\"");
  result = QueryFromFile("MATCH (a) WHERE a.label IN " + Repeat("[", 10000) + Repeat("]", 10000) +
                         " RETURN a");
  CHECK(result.exit_code == 2);
  CHECK(FirstLine(result.err) == std::string(kTooDeep) + "\"[\"");
  result = QueryFromFile("MATCH (a {mentions: " + Repeat("[", 10000) + "}) RETURN a");
  CHECK(result.exit_code == 2);
  CHECK(FirstLine(result.err) == std::string(kTooDeep) + "\"[\"");
  result = QueryFromFile("MATCH (a) RETURN a" + Repeat(".label", 20000));
  CHECK(result.exit_code == 2);
  CHECK(FirstLine(result.err) == std::string(kTooDeep) + "\".\"");
}

TEST_CASE("255 nested parentheses still answer", "[cli][query][limits]") {
  const auto result = QueryFromFile("MATCH (a) WHERE " + Repeat("(", 255) + "a.mentions > 1" +
                                    Repeat(")", 255) + " RETURN count(*)");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "count(*)\n--------\n2\n(1 row)\n");
}

TEST_CASE("count() without an argument is an error, not an abort", "[cli][query][limits]") {
  const auto result = RunKg("query " + Quote(SmallGraph()) + " 'MATCH (a) RETURN count()'");
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "kg: query error: count() takes one argument, or *\n"
        "  MATCH (a) RETURN count()\n"
        "                   ^\n");
  CHECK(RunKg("query " + Quote(SmallGraph()) + " 'MATCH (a) RETURN count(a, a)'").exit_code == 2);
}

TEST_CASE("decimals out of the range of doubles are errors", "[cli][query][limits]") {
  for (const std::string& number :
       {Repeat("9", 400) + ".5", "0." + Repeat("0", 400) + "1", "-" + Repeat("9", 400) + ".0"}) {
    const auto result = QueryFromFile("MATCH (a) WHERE a.mentions > " + number + " RETURN a");
    INFO(number.substr(0, 10));
    CHECK(result.exit_code == 2);
    CHECK(FirstLine(result.err) ==
          "kg: query error: expected a decimal number within the range of doubles (1e-308 to "
          "1e308), found \"" +
              (number[0] == '-' ? number.substr(1) : number) + "\"");
  }
  const auto fine = QueryFromFile("MATCH (a) WHERE a.mentions > 1.5e0 RETURN a.label");
  CHECK(fine.exit_code == 2);  // no exponents in the subset
  CHECK(QueryFromFile("MATCH (a) WHERE a.mentions > 1.5 RETURN a.label").out ==
        "a.label\n-------\nBob\nCy\n(2 rows)\n");
}

TEST_CASE("huge LIMIT and SKIP and hop counts", "[cli][query][limits]") {
  auto result = QueryFromFile("MATCH (a) RETURN a.label ORDER BY a.label SKIP 1 LIMIT " +
                              std::to_string(INT64_MAX));
  CHECK(result.exit_code == 0);
  CHECK(result.out == "a.label\n-------\nBob\nCy\n(2 rows)\n");
  result = QueryFromFile("MATCH (a) RETURN a.label SKIP " + std::to_string(INT64_MAX) + " LIMIT " +
                         std::to_string(INT64_MAX));
  CHECK(result.out == "a.label\n-------\n(0 rows)\n");
  for (const char* hops : {"2147483648", "4294967299", "16"}) {
    result = QueryFromFile(std::string("MATCH (a)-[*") + hops + "]-(b) RETURN a");
    INFO(hops);
    CHECK(result.exit_code == 2);
    CHECK(FirstLine(result.err) == "kg: query error: hops must run from min to max, at most 15");
  }
}

// Five people, each related to every other one both ways: 20 relations,
// billions of trails.
const std::string& CompleteGraph() {
  static test::TempDir dir;
  static const std::string path = [] {
    std::string nodes;
    std::string links;
    for (int a = 0; a < 5; ++a) {
      nodes += std::string(a ? "," : "") + "{\"id\": \"p" + std::to_string(a) +
               "\", \"label\": \"P" + std::to_string(a) + "\", \"type\": \"PERSON\"}";
      for (int b = 0; b < 5; ++b) {
        if (a == b) continue;
        links += std::string(links.empty() ? "" : ",") + "{\"source\": \"p" + std::to_string(a) +
                 "\", \"target\": \"p" + std::to_string(b) +
                 "\", \"predicate\": \"warned\", \"weight\": 1}";
      }
    }
    return dir.Write("k5.json", "{\"nodes\": [" + nodes + "], \"links\": [" + links + "]}");
  }();
  return path;
}

TEST_CASE("a runaway query stops at the work budget with exit 2", "[cli][query][limits]") {
  const std::string expected =
      "kg: query error: the query needs more than 1000000 steps of work (entities tried, "
      "relations walked, rows made); anchor the pattern on an entity, narrow it, or raise "
      "--max-work\n";
  for (const char* query : {
           "MATCH (a)-[*]-(b) RETURN count(*)",
           "MATCH (a)-[*]->(b) WHERE a.mentions > 100 RETURN a",
           "MATCH (a {id: 'p0'})-[*]-(b) RETURN count(DISTINCT b)",
           "MATCH (a), (b), (c), (d), (e), (f), (g), (h), (i) RETURN count(*)",
           "MATCH p = allShortestPaths((a)-[*]-(b)) MATCH (c)-[*]-(d) RETURN count(*)",
       }) {
    INFO(query);
    const auto result =
        RunKg("query " + Quote(CompleteGraph()) + " " + Quote(query) + " --max-work 1000000");
    CHECK(result.exit_code == 2);
    CHECK(result.err == expected);
  }
  // Within the budget the same graph answers.
  const auto small =
      RunKg("query " + Quote(CompleteGraph()) +
            " 'MATCH (a {id: \"p0\"})-[*..2]->(b) RETURN count(*)' --max-work 1000000");
  CHECK(small.exit_code == 0);
  CHECK(small.out == "count(*)\n--------\n20\n(1 row)\n");  // 4 + 4 * 4 trails
}

TEST_CASE("a query is read from a file or from standard input", "[cli][query]") {
  const std::string query = "MATCH (a:PERSON)\nWHERE a.mentions >= 2\nRETURN a.label\n";
  const std::string expected = "a.label\n-------\nBob\n(1 row)\n";
  CHECK(QueryFromFile(query).out == expected);
  auto result = RunKg("query " + Quote(SmallGraph()) + " -", query);
  CHECK(result.exit_code == 0);
  CHECK(result.out == expected);
  result = RunKg("query " + Quote(SmallGraph()) + " --file -", query);
  CHECK(result.out == expected);
  // A megabyte of query: longer than one command-line argument may be.
  const std::string long_query =
      "MATCH (a) WHERE a.label IN [" + Repeat("\"someone\", ", 100000) + "\"Ann\"] RETURN a.label";
  result = RunKg("query " + Quote(SmallGraph()) + " -", long_query);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "a.label\n-------\nAnn\n(1 row)\n");

  result = RunKg("query - -", query);
  CHECK(result.exit_code == 2);
  CHECK(result.err == "kg: the graph and the query cannot both come from standard input\n");
  result = RunKg("query " + Quote(SmallGraph()) + " -f /nonexistent/q.cypher");
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("/nonexistent/q.cypher") != std::string::npos);
  result = RunKg("query " + Quote(SmallGraph()) + " -f q.cypher 'MATCH (a) RETURN a'");
  CHECK(result.exit_code == 2);
  CHECK(result.err == "kg: expected the graph only: the query comes from --file\n");
}

TEST_CASE("an error in a long query shows the line and a window around the column",
          "[cli][query]") {
  const std::string query =
      "MATCH (a)\nWHERE a.label = \"" + Repeat("x", 200) + "\" AND a.nope = 1\nRETURN a";
  const auto result = QueryFromFile(query);
  CHECK(result.exit_code == 2);
  const std::string expected_line = "  ..." + Repeat("x", 53) + "\" AND a.nope = 1";
  CHECK(result.err ==
        "kg: query error: unknown property \"nope\"; entities have id, label, name, type, "
        "aliases, mentions, documents, degree\n" +
            expected_line + "\n  " + std::string(3 + 60, ' ') + "^\n");
}

}  // namespace
}  // namespace kg
