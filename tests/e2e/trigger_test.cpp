// Trigger words end to end: kg build records, for each evidence sentence,
// the words that state the relation, as byte offsets into the article.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "export/graph_json.h"
#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;

KnowledgeGraph Built(const test::TempDir& dir, const std::string& input) {
  const std::string out = dir.Path("graph.json");
  const auto built = RunKg("build " + Quote(input) + " -q -o " + Quote(out));
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  auto graph = ReadGraphJson(test::ReadText(out), out);
  REQUIRE(graph.ok());
  return std::move(*graph);
}

bool WordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// The text of each trigger of an evidence item.
std::vector<std::string> Words(const Evidence& evidence) {
  std::vector<std::string> words;
  for (const auto& [begin, end] : evidence.triggers)
    words.push_back(evidence.sentence.substr(begin - evidence.start, end - begin));
  return words;
}

TEST_CASE("every relation of the samples shows the words that state it, inside its sentence",
          "[cli][triggers]") {
  test::TempDir dir;
  const KnowledgeGraph graph = Built(dir, test::SourcePath("samples"));
  size_t evidence_count = 0;
  size_t with_triggers = 0;
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    for (const Evidence& evidence : graph.edge(e).evidence) {
      ++evidence_count;
      if (!evidence.triggers.empty()) ++with_triggers;
      for (const auto& [begin, end] : evidence.triggers) {
        INFO(graph.edge(e).predicate << " in \"" << evidence.sentence << "\" at " << begin);
        // Inside the sentence (the reader checked it), whole words, with a
        // letter: a word of the sentence, not a stray byte range.
        REQUIRE(evidence.start <= begin);
        REQUIRE(end <= evidence.end);
        const std::string& s = evidence.sentence;
        const size_t from = begin - evidence.start;
        const size_t to = end - evidence.start;
        CHECK((from == 0 || !WordByte(s[from - 1])));
        CHECK((to == s.size() || !WordByte(s[to])));
        const std::string word = s.substr(from, to - from);
        CHECK(std::any_of(word.begin(), word.end(),
                          [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
        // Not the names of the entities it links.
        const std::string& subject = graph.node(graph.edge_source(e)).label;
        const std::string& object = graph.node(graph.edge_target(e)).label;
        CHECK(word.find(subject) == std::string::npos);
        CHECK(word.find(object) == std::string::npos);
      }
    }
  }
  REQUIRE(evidence_count > 50);
  // A title taken from an apposition ("the president of X, Name") has no
  // words in the name's own mention; everything else has a trigger.
  CHECK(with_triggers >= evidence_count * 95 / 100);
}

TEST_CASE("the trigger is the verb, the title or the pattern's own word", "[cli][triggers]") {
  test::TempDir dir;
  const std::string article =
      dir.Write("a.txt",
                "Mexican Economy Secretary Rosa Duarte met Carl Jensen in Toronto on Monday.\n"
                "Duarte urged Jensen to sign the accord.\n"
                "Hamas political leader Omar Saleh has reportedly travelled to Cairo.\n"
                "The Red Cross, which is based in Geneva, said it would send aid.\n"
                "Jensen called on Duarte to drop the levy.\n");
  const KnowledgeGraph graph = Built(dir, article);
  // The trigger words of the relations from an entity whose label ends
  // with `s` to one whose label ends with `o` (either way round for a
  // symmetric predicate), so that the checks do not depend on which
  // spelling of a name becomes the label.
  const auto ends = [](const std::string& label, const std::string& tail) {
    return label.size() >= tail.size() &&
           label.compare(label.size() - tail.size(), tail.size(), tail) == 0;
  };
  const auto words = [&](const std::string& s, const std::string& p, const std::string& o) {
    std::vector<std::string> out;
    for (size_t e = 0; e < graph.edge_count(); ++e) {
      const std::string& from = graph.node(graph.edge_source(e)).label;
      const std::string& to = graph.node(graph.edge_target(e)).label;
      if (graph.edge(e).predicate != p) continue;
      if (!(ends(from, s) && ends(to, o)) &&
          !(graph.predicates().IsSymmetric(p) && ends(from, o) && ends(to, s))) {
        continue;
      }
      for (const Evidence& evidence : graph.edge(e).evidence) {
        for (const auto& word : Words(evidence)) out.push_back(word);
      }
    }
    return out;
  };
  using List = std::vector<std::string>;
  // Verbs of frames, a multi-word trigger, and adverbs and auxiliaries left out.
  CHECK(words("Duarte", "met_with", "Jensen") == List{"met"});
  CHECK(words("Duarte", "pressed", "Jensen") == List{"urged"});
  CHECK(words("Jensen", "pressed", "Duarte") == List{"called on"});
  CHECK(words("Omar Saleh", "visited", "Cairo") == List{"travelled"});
  // A role's title, without the name and the organization it belongs to.
  CHECK(words("Omar Saleh", "leader_of", "Hamas") == List{"political leader"});
  // A pattern's content word, not its comma or auxiliary.
  CHECK(words("Red Cross", "based_in", "Geneva") == List{"based"});
}

}  // namespace
}  // namespace kg
