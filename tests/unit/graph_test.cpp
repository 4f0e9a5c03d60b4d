#include <catch2/catch.hpp>

#include "graph/graph_builder.h"
#include "graph/topology.h"
#include "tests/test_support.h"

namespace kg {
namespace {

Predicate Named(const std::string& name, bool symmetric) {
  Predicate predicate;
  predicate.name = name;
  predicate.symmetric = symmetric;
  return predicate;
}

// A hand-made analysis: entities by label and relations between them.
struct Fixture {
  std::vector<Predicate> predicates = {Named("met_with", true), Named("pressed", false)};
  Document document;
  DocumentAnalysis analysis;

  explicit Fixture(const std::string& id, const std::string& text = "One sentence here.") {
    document = MakeDocument(id, id + ".txt", "", text).value();
  }
  int Entity(const std::string& label, EntityType type = EntityType::kPerson) {
    DocEntity entity;
    entity.label = label;
    entity.type = type;
    entity.aliases = {label};
    entity.mentions = 1;
    entity.named = true;
    analysis.entities.push_back(entity);
    return static_cast<int>(analysis.entities.size() - 1);
  }
  void Relation(int s, int predicate, int o, RelationStatus status = RelationStatus::kAsserted) {
    RelationMention relation;
    relation.subject = s;
    relation.object = o;
    relation.predicate = predicate;
    relation.status = status;
    relation.evidence = {0, static_cast<uint32_t>(document.text.size())};
    analysis.relations.push_back(relation);
  }
};

TEST_CASE("one edge per source, predicate, target and status, weighted by evidence", "[graph]") {
  Fixture a("d1"), b("d2");
  a.Relation(a.Entity("Joe Biden"), 1, a.Entity("Benjamin Netanyahu"));
  b.Relation(b.Entity("Joe Biden"), 1, b.Entity("Benjamin Netanyahu"));
  b.Relation(0, 1, 1, RelationStatus::kNegated);
  GraphBuilder builder(a.predicates);
  REQUIRE(builder.Add(a.document, a.analysis).ok());
  REQUIRE(builder.Add(b.document, b.analysis).ok());
  const KnowledgeGraph graph = builder.Finish();
  REQUIRE(graph.node_count() == 2);
  REQUIRE(graph.edge_count() == 2);
  const auto asserted =
      graph.FindEdge(*graph.FindNode("joe-biden"), "pressed", *graph.FindNode("benjamin-netanyahu"),
                     RelationStatus::kAsserted);
  REQUIRE(asserted.has_value());
  CHECK(graph.edge(*asserted).weight == 2);
  CHECK(graph.edge(*asserted).evidence.size() == 2);
  CHECK(graph.edge(*asserted).evidence[1].document == "d2");
}

TEST_CASE("symmetric relations are stored once with the smaller id as source", "[graph]") {
  Fixture a("d1");
  const int zed = a.Entity("Zed Zulu");
  const int amy = a.Entity("Amy Adams");
  a.Relation(zed, 0, amy);
  a.Relation(amy, 0, zed);
  GraphBuilder builder(a.predicates);
  REQUIRE(builder.Add(a.document, a.analysis).ok());
  const KnowledgeGraph graph = builder.Finish();
  REQUIRE(graph.edge_count() == 1);
  CHECK(graph.node(graph.edge_source(0)).id == "amy-adams");
  CHECK(graph.edge(0).weight == 2);
}

TEST_CASE("different entities with the same slug get distinct ids", "[graph]") {
  Fixture a("d1");
  a.Entity("Jordan", EntityType::kLocation);
  a.Entity("Jordan", EntityType::kPerson);
  GraphBuilder builder(a.predicates);
  REQUIRE(builder.Add(a.document, a.analysis).ok());
  const KnowledgeGraph graph = builder.Finish();
  REQUIRE(graph.node_count() == 2);
  CHECK(graph.FindNode("jordan").has_value());
  CHECK(graph.FindNode("jordan-location").has_value());
}

TEST_CASE("evidence can be capped while the weight still counts everything", "[graph]") {
  Fixture a("d1");
  const int s = a.Entity("Joe Biden");
  const int o = a.Entity("Benjamin Netanyahu");
  for (int i = 0; i < 5; ++i) a.Relation(s, 1, o);
  a.analysis.relations[1].evidence = {4, 12};  // distinct sentences survive dedup upstream
  GraphBuilder builder(a.predicates, 2);
  REQUIRE(builder.Add(a.document, a.analysis).ok());
  const KnowledgeGraph graph = builder.Finish();
  REQUIRE(graph.edge_count() == 1);
  CHECK(graph.edge(0).weight == 5);
  CHECK(graph.edge(0).evidence.size() == 2);
}

TEST_CASE("the graph's order does not depend on the order entities were added", "[graph]") {
  const auto one = test::BuildGraph({"Hamas attacked Israel. Iran backed Hamas."});
  const auto two = test::BuildGraph({"Iran backed Hamas. Hamas attacked Israel."});
  REQUIRE(one.node_count() == two.node_count());
  for (size_t n = 0; n < one.node_count(); ++n) CHECK(one.node(n).id == two.node(n).id);
  REQUIRE(one.edge_count() == two.edge_count());
  for (size_t e = 0; e < one.edge_count(); ++e)
    CHECK(one.edge(e).predicate == two.edge(e).predicate);
}

TEST_CASE("canonical evidence follows document order, then position, ties as given", "[graph]") {
  KnowledgeGraph graph;
  // Documents in graph order: "d10" before "d2", so text order is wrong.
  for (const char* id : {"d10", "d2"}) graph.AddDocument({id, "", "", ""});
  for (const char* id : {"a", "b"}) {
    NodeData node;
    node.id = id;
    node.label = id;
    graph.AddNode(std::move(node));
  }
  EdgeData edge;
  edge.predicate = "met_with";
  edge.evidence = {{"d2", 5, 9, "second"}, {"unknown", 0, 1, "last"}, {"d10", 7, 9, "tie 1"},
                   {"d10", 7, 9, "tie 2"}, {"d10", 3, 9, "first"},    {"d2", 5, 8, "shorter"}};
  graph.AddEdge(0, 1, std::move(edge));
  graph.Canonicalize();
  std::vector<std::string> sentences;
  for (const Evidence& item : graph.edge(0).evidence) sentences.push_back(item.sentence);
  CHECK(sentences ==
        std::vector<std::string>{"first", "tie 1", "tie 2", "shorter", "second", "last"});
}

TEST_CASE("the topology lists a node's relations in both directions", "[graph]") {
  const auto graph = test::BuildGraph({"Hamas attacked Israel. Iran backed Hamas."});
  const size_t hamas = *graph.FindNode("hamas");
  const Topology topology(graph);
  size_t outgoing = 0;
  size_t incoming = 0;
  for (const Arc& arc : topology.arcs(hamas)) {
    (arc.outgoing ? outgoing : incoming) += 1;
    CHECK(graph.edge(arc.edge).predicate == (arc.outgoing ? "attacked" : "supported"));
  }
  CHECK(outgoing == 1);
  CHECK(incoming == 1);
}

}  // namespace
}  // namespace kg
