// Cypher's semantics where kg once differed from it (checked against Kuzu,
// an embedded Cypher database): one test per cause.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/unit/query_fixture.h"

namespace kg {
namespace {

Rows Sorted(Rows rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

// The fixture has 7 directed relations and 3 symmetric met_with ones; a
// directed pattern meets each symmetric relation both ways round: 13
// matches of (a)-[r]->(b).
TEST_CASE_METHOD(QueryFixture, "a relationship variable bound by an earlier MATCH is that relation",
                 "[query][semantics]") {
  CHECK(Answer("MATCH (a)-[r]->(b) RETURN count(*)") == Rows{"13"});
  // Each directed relation again once, each symmetric one both ways: 7 + 6 * 2.
  CHECK(Answer("MATCH (a)-[r]->(b) MATCH (c)-[r]->(d) RETURN count(*)") == Rows{"19"});
  CHECK(Sorted(Answer("MATCH (a)-[r:pressed]->(b) MATCH (c)-[r]-(d) RETURN c.label, d.label")) ==
        Rows{"Benjamin Netanyahu | Joe Biden", "Benjamin Netanyahu | Joe Biden",
             "Joe Biden | Benjamin Netanyahu", "Joe Biden | Benjamin Netanyahu"});
  CHECK(Error("MATCH (a)-[r]->(b), (c)-[r]->(d) RETURN count(*)").message ==
        "relationship variable \"r\" is used twice in one MATCH; a relation matches once per "
        "MATCH");
}

TEST_CASE_METHOD(QueryFixture, "relations are unique within one MATCH clause, not across clauses",
                 "[query][semantics]") {
  // Across two clauses s may be r again: every first match pairs with itself.
  CHECK(Answer("MATCH (a)-[r]->(b) MATCH (c)-[s]->(b) WHERE r = s RETURN count(*)") == Rows{"13"});
  // Within one clause it may not.
  CHECK(Answer("MATCH (a)-[r]->(b), (c)-[s]->(b) WHERE r = s RETURN count(*)") == Rows{"0"});
  CHECK(Answer("MATCH (a {label: 'Haniyeh'})-[:met_with]-(b) MATCH (b)-[:met_with]-(c) "
               "RETURN c.label ORDER BY c.label") == Rows{"Ismail Haniyeh", "William J. Burns"});
}

TEST_CASE_METHOD(QueryFixture, "null is unknown in AND, OR, NOT and IN", "[query][semantics]") {
  CHECK(Answer("MATCH (a {id: 'hamas'}) RETURN null IN [null] AS a, 1 IN [2, null] AS b, "
               "1 IN [1, null] AS c, 3 IN [1, 2] AS d, false AND null AS e, true AND null AS f, "
               "true OR null AS g, false OR null AS h, NOT null AS i") ==
        Rows{"null | null | true | false | false | null | true | null | null"});
  // NOT (x AND null) holds only where x is false: Yahya Sinwar, 1 mention.
  CHECK(Answer("MATCH (a) WHERE NOT (a.mentions > 1 AND a.label = null) RETURN a.label") ==
        Rows{"Yahya Sinwar"});
  CHECK(Answer("MATCH (a) WHERE a.mentions IN [1, null] RETURN a.label") == Rows{"Yahya Sinwar"});
  CHECK(Answer("MATCH (a) WHERE NOT (a.mentions IN [1, null]) RETURN count(*)") == Rows{"0"});
}

TEST_CASE_METHOD(QueryFixture, "a type property narrows the labels of a node pattern",
                 "[query][semantics]") {
  CHECK(Answer("MATCH (a:ORGANIZATION {type: 'PERSON'}) RETURN count(*)") == Rows{"0"});
  CHECK(Answer("MATCH (a:PERSON|ORGANIZATION {type: 'ORGANIZATION'}) RETURN a.label") ==
        Rows{"Hamas"});
  CHECK(Error("MATCH (a {type: 'person'}) RETURN a").message ==
        "type must be \"PERSON\", \"ORGANIZATION\" or \"LOCATION\"");
}

TEST_CASE_METHOD(QueryFixture, "ORDER BY an alias or a returned expression means that column",
                 "[query][semantics]") {
  // The alias a, not the entity a.
  CHECK(Answer("MATCH (a:PERSON) RETURN a.mentions AS a ORDER BY a DESC LIMIT 2") ==
        Rows{"9", "5"});
  CHECK(Answer("MATCH (a)-[:leader_of]->(b) RETURN toLower(a.label) AS x, count(*) AS n "
               "ORDER BY toLower(a.label) DESC") ==
        Rows{"ismail haniyeh | 1", "benjamin netanyahu | 1"});
  CHECK(Error("MATCH (a)-[:leader_of]->(b) RETURN toLower(a.label), count(*) ORDER BY "
              "toLower(b.label)")
            .message == "with count(), ORDER BY must name a returned column");
  CHECK(Answer("MATCH (a:PERSON) RETURN a.label AS name ORDER BY size(name) DESC, name LIMIT 2") ==
        Rows{"Benjamin Netanyahu", "William J. Burns"});
}

TEST_CASE_METHOD(QueryFixture, "size counts characters; toUpper and toLower know every letter",
                 "[query][semantics]") {
  CHECK(Answer("MATCH (a {id: 'hamas'}) RETURN size('Raúl') AS n, toUpper('Raúl Ibarra') AS u, "
               "toLower('ÉMILE ŁUKASZ') AS l") == Rows{"4 | RAÚL IBARRA | émile łukasz"});
}

TEST_CASE_METHOD(QueryFixture, "queries Cypher refuses are refused", "[query][semantics]") {
  CHECK(Error("MATCH (a) RETURN a.label, a.label").message ==
        "two columns are named \"a.label\"; name one of them with AS");
  CHECK(Error("MATCH (a) RETURN DISTINCT a.type ORDER BY a.mentions").message ==
        "with DISTINCT, ORDER BY must name a returned column");
  CHECK(Answer("MATCH (a) RETURN DISTINCT a.type AS t ORDER BY t") ==
        Rows{"LOCATION", "ORGANIZATION", "PERSON"});
}

TEST_CASE_METHOD(QueryFixture, "property names are case-sensitive", "[query][semantics]") {
  CHECK(Error("MATCH (a) WHERE a.Label = 'Hamas' RETURN a").message ==
        "unknown property \"Label\" (names are case-sensitive: label); entities have id, label, "
        "name, type, aliases, mentions, documents, degree");
  CHECK(Error("MATCH (a {Label: 'Hamas'}) RETURN a").message ==
        "unknown node property \"Label\" in a pattern; use label, name, id, type or mentions "
        "(names are case-sensitive)");
}

TEST_CASE_METHOD(QueryFixture, "long AND and OR chains are answered without deep recursion",
                 "[query][limits]") {
  std::string chain;
  for (int i = 0; i < 20000; ++i) chain += "a.mentions = " + std::to_string(100 + i) + " OR ";
  CHECK(Answer("MATCH (a) WHERE " + chain + "a.mentions = 9 RETURN a.label") ==
        Rows{"Benjamin Netanyahu"});
  std::string conjunction;
  for (int i = 0; i < 20000; ++i) conjunction += "true AND ";
  CHECK(Answer("MATCH (a) WHERE " + conjunction + "a.mentions = 9 RETURN a.label") ==
        Rows{"Benjamin Netanyahu"});
}

// Layers of five entities between s and t, every entity linked to every
// one of the next layer: 5^3 = 125 shortest paths.
KnowledgeGraph Layers() {
  KnowledgeGraph graph;
  const auto node = [&](const std::string& id) {
    NodeData data;
    data.id = id;
    data.label = id;
    return graph.AddNode(std::move(data));
  };
  std::vector<size_t> previous = {node("s")};
  for (int layer = 0; layer < 3; ++layer) {
    std::vector<size_t> current;
    for (int k = 0; k < 5; ++k)
      current.push_back(node("l" + std::to_string(layer) + std::to_string(k)));
    for (size_t a : previous) {
      for (size_t b : current) {
        EdgeData edge;
        edge.predicate = "met_with";
        edge.weight = 1;
        graph.AddEdge(a, b, std::move(edge));
      }
    }
    previous = current;
  }
  const size_t t = node("t");
  for (size_t a : previous) {
    EdgeData edge;
    edge.predicate = "met_with";
    edge.weight = 1;
    graph.AddEdge(a, t, std::move(edge));
  }
  graph.Canonicalize();
  return graph;
}

TEST_CASE("allShortestPaths finds every shortest path, within the work budget",
          "[query][semantics]") {
  const GraphImage image = GraphImage::FromGraph(Layers());
  QueryEngine engine(image, QueryOptions{});
  auto result =
      engine.Run("MATCH p = allShortestPaths((a {id: 's'})-[*..6]-(b {id: 't'})) RETURN count(*)");
  REQUIRE(std::holds_alternative<QueryResult>(result));
  CHECK(std::get<QueryResult>(result).rows.at(0).at(0).integer() == 125);
  QueryOptions small;
  small.max_work = 100;
  QueryEngine limited(image, small);
  result =
      limited.Run("MATCH p = allShortestPaths((a {id: 's'})-[*..6]-(b {id: 't'})) RETURN count(*)");
  REQUIRE(std::holds_alternative<QueryError>(result));
  CHECK(std::get<QueryError>(result).message ==
        "the query needs more than 100 steps of work (entities tried, relations walked, rows "
        "made); anchor the pattern on an entity, narrow it, or raise --max-work");
}

}  // namespace
}  // namespace kg
