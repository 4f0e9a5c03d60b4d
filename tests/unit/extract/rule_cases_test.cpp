// Per-sentence rule tests kept as data: tests/rules/entities.tsv lists a
// text and every entity (label|TYPE) it must yield; tests/rules/
// relations.tsv and triggers.tsv a text and every relation
// (subject|predicate|object|status). They compare the whole set, so a rule
// that adds noise fails too; and every frame and pattern of the default pack
// must be the one rule behind some expected relation, so that deleting any
// of them fails a case.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
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

std::vector<Case> RelationCases() {
  std::vector<Case> cases = LoadCases("relations.tsv");
  for (Case& c : LoadCases("triggers.tsv")) cases.push_back(std::move(c));
  return cases;
}

TEST_CASE("each relation case yields exactly its relations", "[extract][cases]") {
  for (const Case& c : RelationCases()) {
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

// The relation a case would list, from one document's analysis.
std::string Describe(const CompiledRules& rules, const DocumentAnalysis& analysis,
                     const RelationMention& relation) {
  std::string subject = analysis.entities[static_cast<size_t>(relation.subject)].label;
  std::string object = analysis.entities[static_cast<size_t>(relation.object)].label;
  const PredicateEntry& predicate = rules.predicate(relation.predicate);
  if (predicate.symmetric && object < subject) std::swap(subject, object);
  return subject + "|" + predicate.name + "|" + object + "|" +
         std::string(RelationStatusName(relation.status));
}

TEST_CASE("every frame and pattern of the default pack is the only rule behind some case",
          "[extract][cases]") {
  const Pipeline& pipeline = test::DefaultPipeline();
  const CompiledRules& rules = pipeline.rules();
  std::vector<bool> guarded(static_cast<size_t>(rules.rule_count()), false);
  for (const Case& c : RelationCases()) {
    auto document = MakeDocument("d1", "case", "", c.text);
    REQUIRE(document.ok());
    const auto analyzed = pipeline.Analyze(*document);
    REQUIRE(analyzed.ok());
    const DocumentAnalysis& analysis = *analyzed;
    std::map<std::string, std::set<int>> found_by;  // expected relation -> rules finding it
    for (const RelationMention& relation : analysis.relations) {
      const std::string described = Describe(rules, analysis, relation);
      if (c.expected.contains(described)) found_by[described].insert(relation.rule);
    }
    for (const auto& [relation, found] : found_by) {
      if (found.size() == 1 && *found.begin() >= 0) {
        guarded[static_cast<size_t>(*found.begin())] = true;
      }
    }
  }
  std::string unguarded;
  for (size_t rule = 0; rule < guarded.size(); ++rule) {
    if (!guarded[rule]) unguarded += " " + rules.RuleSource(static_cast<int>(rule));
  }
  INFO("rules no case depends on alone (add an example to tests/rules/):" << unguarded);
  CHECK(unguarded.empty());
}

}  // namespace
}  // namespace kg
