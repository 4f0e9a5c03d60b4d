// Per-sentence rule tests kept as data: tests/rules/entities.tsv lists a
// text and every entity (label|TYPE) it must yield; tests/rules/
// relations.tsv a text and every relation (subject|predicate|object|status).
// Both compare the whole set, so a rule that adds noise fails too.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "core/text.h"
#include "tests/test_support.h"

namespace kg {
namespace {

struct Case {
  std::string where;
  std::string text;
  std::set<std::string> expected;
};

std::vector<Case> LoadCases(const std::string& file) {
  std::vector<Case> cases;
  std::ifstream in(test::SourcePath("tests/rules/" + file));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (Trim(line).empty() || line.front() == '#') continue;
    const auto fields = Split(line, '\t');
    REQUIRE(fields.size() == 2);
    Case c{file + ":" + std::to_string(number), std::string(fields[0]), {}};
    if (Trim(fields[1]) != "-") {
      for (std::string_view item : Split(fields[1], ';')) c.expected.emplace(Trim(item));
    }
    cases.push_back(std::move(c));
  }
  REQUIRE_FALSE(cases.empty());
  return cases;
}

std::string Describe(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out.empty() ? "-" : out;
}

TEST_CASE("each entity case yields exactly its entities", "[extract][cases]") {
  for (const Case& c : LoadCases("entities.tsv")) {
    const KnowledgeGraph graph = test::BuildGraph({c.text});
    std::set<std::string> found;
    for (size_t n = 0; n < graph.node_count(); ++n) {
      found.insert(graph.node(n).label + "|" + std::string(EntityTypeName(graph.node(n).type)));
    }
    INFO(c.where << ": " << c.text);
    CHECK(Describe(found) == Describe(c.expected));
  }
}

TEST_CASE("each relation case yields exactly its relations", "[extract][cases]") {
  for (const Case& c : LoadCases("relations.tsv")) {
    const KnowledgeGraph graph = test::BuildGraph({c.text});
    std::set<std::string> found;
    for (size_t e = 0; e < graph.edge_count(); ++e) {
      const EdgeData& edge = graph.edge(e);
      found.insert(graph.node(graph.edge_source(e)).label + "|" + edge.predicate + "|" +
                   graph.node(graph.edge_target(e)).label + "|" +
                   std::string(RelationStatusName(edge.status)));
    }
    INFO(c.where << ": " << c.text);
    CHECK(Describe(found) == Describe(c.expected));
  }
}

}  // namespace
}  // namespace kg
