#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

const NodeData* NodeLabelled(const KnowledgeGraph& graph, const std::string& label) {
  for (size_t n = 0; n < graph.node_count(); ++n) {
    if (graph.node(n).label == label) return &graph.node(n);
  }
  return nullptr;
}

bool HasAlias(const NodeData& node, const std::string& alias) {
  return std::find(node.aliases.begin(), node.aliases.end(), alias) != node.aliases.end();
}

TEST_CASE("surnames and titled forms join the full name within a document", "[extract][coref]") {
  const auto graph = test::BuildGraph(
      {"Israeli Prime Minister Benjamin Netanyahu spoke. Mr. Netanyahu said Netanyahu was tired."});
  const NodeData* node = NodeLabelled(graph, "Benjamin Netanyahu");
  REQUIRE(node != nullptr);
  CHECK(HasAlias(*node, "Mr. Netanyahu"));
  CHECK(HasAlias(*node, "Netanyahu"));
  CHECK(HasAlias(*node, "Israeli Prime Minister Benjamin Netanyahu"));
  CHECK(node->mentions == 3);
}

TEST_CASE("the same name in two documents is one node with both documents", "[extract][graph]") {
  const auto graph = test::BuildGraph({"Hamas attacked Israel.", "Qatar hosted Hamas officials."});
  const NodeData* hamas = NodeLabelled(graph, "Hamas");
  REQUIRE(hamas != nullptr);
  CHECK(hamas->id == "hamas");
  CHECK(hamas->documents == std::vector<std::string>{"d1", "d2"});
}

TEST_CASE("a surname alone in one document joins the full name from another", "[extract][graph]") {
  const auto graph = test::BuildGraph(
      {"Prime Minister Benjamin Netanyahu spoke.", "President Netanyahu met Joe Biden."});
  CHECK(NodeLabelled(graph, "Netanyahu") == nullptr);
  const NodeData* node = NodeLabelled(graph, "Benjamin Netanyahu");
  REQUIRE(node != nullptr);
  CHECK(node->documents.size() == 2);
}

TEST_CASE("pronouns resolve to the nearest person before them", "[extract][coref]") {
  const auto graph = test::BuildGraph({"Joe Biden arrived in Paris. He met with Emmanuel Macron."});
  REQUIRE(graph.edge_count() >= 1);
  bool found = false;
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    found = found || (graph.edge(e).predicate == "met_with" &&
                      graph.node(graph.edge_source(e)).label == "Emmanuel Macron" &&
                      graph.node(graph.edge_target(e)).label == "Joe Biden");
  }
  CHECK(found);
}

TEST_CASE("every relation keeps the sentence that proves it", "[extract][graph]") {
  const std::string text = "A headline\nHamas attacked Israel on Saturday. Nothing else happened.";
  const auto graph = test::BuildGraph({text});
  REQUIRE(graph.edge_count() == 1);
  const Evidence& evidence = graph.edge(0).evidence.at(0);
  CHECK(evidence.sentence == "Hamas attacked Israel on Saturday.");
  CHECK(text.substr(evidence.start, evidence.end - evidence.start) == evidence.sentence);
  CHECK(evidence.document == "d1");
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

TEST_CASE("people sharing a surname stay apart when the text tells them apart",
          "[extract][graph]") {
  const auto graph =
      test::BuildGraph({"Joe Biden spoke on Monday.", "Hunter Biden testified in Delaware.",
                        "President Biden declined to comment."});
  const NodeData* joe = NodeLabelled(graph, "Joe Biden");
  const NodeData* hunter = NodeLabelled(graph, "Hunter Biden");
  REQUIRE(joe != nullptr);
  REQUIRE(hunter != nullptr);
  CHECK(joe->documents == std::vector<std::string>{"d1"});
  CHECK(hunter->documents == std::vector<std::string>{"d2"});
  // A lone "Biden" could be either: it is not merged into one of them.
  CHECK(NodeLabelled(graph, "Biden") != nullptr);
}

}  // namespace
}  // namespace kg
