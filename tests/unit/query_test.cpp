#include <catch2/catch.hpp>

#include "graph/algorithms.h"
#include "query/graph_filter.h"
#include "tests/unit/query_fixture.h"

#include <cmath>
#include <numeric>

namespace kg {
namespace {

TEST_CASE_METHOD(QueryFixture, "labels and relationship types filter a pattern", "[query]") {
  CHECK(
      Answer("MATCH (a:PERSON)-[r:pressed]->(b) RETURN a, r, b") ==
      Rows{"Joe Biden | pressed | Benjamin Netanyahu", "Joe Biden | pressed | Benjamin Netanyahu"});
  CHECK(Answer("MATCH (a:PERSON)-[:leader_of|member_of]->(o:ORGANIZATION) RETURN a.label, o.label "
               "ORDER BY a.label") == Rows{"Ismail Haniyeh | Hamas", "Yahya Sinwar | Hamas"});
  CHECK(Answer("MATCH (a:location)-[:attacked]->(b) RETURN a.label, b.type") ==
        Rows{"Israel | ORGANIZATION"});
}

TEST_CASE_METHOD(QueryFixture,
                 "directions: right, left, either, and symmetric predicates both ways", "[query]") {
  CHECK(Answer("MATCH (a)<-[:leader_of]-(b) RETURN a.label ORDER BY a.label") ==
        Rows{"Hamas", "Israel"});
  CHECK(Answer("MATCH (a {label: 'Hamas'})-[r]-(b) RETURN b.label, type(r) ORDER BY b.label") ==
        Rows{"Ismail Haniyeh | leader_of", "Israel | attacked", "Qatar | supported",
             "Yahya Sinwar | member_of"});
  // met_with is stored once, but reads either way.
  CHECK(Answer("MATCH (a {label: 'William J. Burns'})-[:met_with]->(b) RETURN b.label ORDER BY "
               "b.label") == Rows{"Benjamin Netanyahu", "Qatar"});
}

TEST_CASE_METHOD(QueryFixture, "property maps find entities by any name, case-insensitively",
                 "[query]") {
  CHECK(Answer("MATCH (a)-[:met_with]-(b {label: \"netanyahu\"}) RETURN a.label") ==
        Rows{"William J. Burns"});
  CHECK(Answer("MATCH (b {name: 'BIBI'}) RETURN b.id") == Rows{"benjamin-netanyahu"});
  CHECK(Answer("MATCH (b {id: 'hamas'}) RETURN b.label") == Rows{"Hamas"});
  CHECK(Answer("MATCH (a)-[r {status: 'negated'}]->(b) RETURN a.label, b.label") ==
        Rows{"Joe Biden | Benjamin Netanyahu"});
}

TEST_CASE_METHOD(QueryFixture, "WHERE compares, tests strings and lists, and combines", "[query]") {
  CHECK(Answer("MATCH (a)-[r]->(b) WHERE r.weight >= 2 AND r.status = 'asserted' "
               "RETURN a.label, type(r), b.label, r.weight ORDER BY r.weight DESC LIMIT 2") ==
        Rows{"Israel | attacked | Hamas | 4", "Joe Biden | pressed | Benjamin Netanyahu | 3"});
  CHECK(Answer("MATCH (o:ORGANIZATION) WHERE o.label CONTAINS 'am' RETURN o.label") ==
        Rows{"Hamas"});
  CHECK(Answer("MATCH (p:PERSON) WHERE p.label STARTS WITH 'Y' OR p.label ENDS WITH 'Burns' RETURN "
               "p.label "
               "ORDER BY p.label") == Rows{"William J. Burns", "Yahya Sinwar"});
  CHECK(
      Answer(
          "MATCH (p:PERSON) WHERE p.label IN ['Joe Biden', 'Yahya Sinwar'] AND NOT p.mentions < 2 "
          "RETURN p.label") == Rows{"Joe Biden"});
  CHECK(Answer("MATCH (p:PERSON) WHERE p.mentions <> 9 AND p.mentions > 3 RETURN p.label ORDER BY "
               "p.label") == Rows{"Ismail Haniyeh", "Joe Biden"});
  CHECK(Answer("MATCH (p) WHERE p.label IS NOT NULL AND NOT p.label IS NULL RETURN count(*)") ==
        Rows{"8"});
}

TEST_CASE_METHOD(QueryFixture, "RETURN counts, deduplicates, orders, skips and limits", "[query]") {
  // A symmetric relation matches a directed pattern both ways round: count
  // the relations themselves with DISTINCT.
  CHECK(Answer("MATCH (a)-[r]->(b) RETURN type(r) AS predicate, count(DISTINCT r) AS n ORDER BY n "
               "DESC, predicate "
               "LIMIT 3") == Rows{"met_with | 3", "leader_of | 2", "pressed | 2"});
  CHECK(Answer("MATCH (a)-[r:met_with]->(b) RETURN count(*)") == Rows{"6"});
  CHECK(Answer("MATCH (a:PERSON)-[:pressed]->(b) RETURN DISTINCT a.label, b.label") ==
        Rows{"Joe Biden | Benjamin Netanyahu"});
  CHECK(Answer("MATCH (n:PERSON) RETURN n.label ORDER BY n.label SKIP 1 LIMIT 2") ==
        Rows{"Ismail Haniyeh", "Joe Biden"});
  CHECK(Answer("MATCH (n:PERSON) RETURN count(*)") == Rows{"5"});
  CHECK(Answer("MATCH (n {label: 'Hamas'})<-[r]-(m) RETURN count(DISTINCT m)") == Rows{"4"});
  CHECK(Answer("MATCH (n:PERSON) WHERE n.mentions > 100 RETURN count(*)") == Rows{"0"});
}

TEST_CASE_METHOD(QueryFixture, "variable-length paths and shortest paths", "[query]") {
  CHECK(Answer("MATCH p = shortestPath((a {label: 'Burns'})-[*..4]-(b {label: 'Haniyeh'})) RETURN "
               "p, length(p)") == Rows{"William J. Burns>Qatar>Ismail Haniyeh | 2"});
  CHECK(Answer("MATCH (a {label: 'Haniyeh'})-[:met_with*2..2]-(b) RETURN b.label") ==
        Rows{"William J. Burns"});
  CHECK(Answer("MATCH (a {label: 'Haniyeh'})-[*1..2]-(b:PERSON) RETURN DISTINCT b.label ORDER BY "
               "b.label") == Rows{"William J. Burns", "Yahya Sinwar"});
  CHECK(Answer("MATCH p = allShortestPaths((a {label: 'Biden'})-[*..6]-(b {label: 'Hamas'})) "
               "RETURN length(p)") ==
        Rows{"3", "3"});  // through the asserted and the negated "pressed"
}

TEST_CASE_METHOD(QueryFixture, "several patterns join on shared variables", "[query]") {
  CHECK(Answer("MATCH (a)-[:leader_of]->(o), (m)-[:member_of]->(o) RETURN a.label, m.label") ==
        Rows{"Ismail Haniyeh | Yahya Sinwar"});
  CHECK(Answer("MATCH (a)-[:leader_of]->(o) MATCH (o)<-[:attacked]-(x) RETURN a.label, x.label") ==
        Rows{"Ismail Haniyeh | Israel"});
}

TEST_CASE_METHOD(QueryFixture, "a syntax error points at its column and says what was expected",
                 "[query][errors]") {
  const QueryError missing = Error("MATCH (a:PERSON-[r]->(b) RETURN a");
  CHECK(missing.column == 16);
  CHECK(missing.message == "expected \")\" to close the node pattern, found \"-\"");
  CHECK(
      Error("MATCH (a) RETURN").message ==
      "expected a value (string, number, true, false, null or [list]), found the end of the query");
  CHECK(Error("MATC (a) RETURN a").message == "expected MATCH, found \"MATC\"");
  CHECK(Error("MATCH (a) RETURN a LIMIT x").column == 26);
  CHECK(Error("MATCH (a)<-[r]->(b) RETURN a").message ==
        "a relationship points one way or none, not both");
  CHECK(Error("MATCH (a {label: 'x) RETURN a").message == "unterminated string");
}

TEST_CASE_METHOD(QueryFixture, "unknown names are reported with what would be valid",
                 "[query][errors]") {
  CHECK(Error("MATCH (a:PERSN) RETURN a").message ==
        "unknown entity type \"PERSN\"; the types are PERSON, ORGANIZATION and LOCATION");
  const QueryError predicate = Error("MATCH (a)-[:pressd]->(b) RETURN a");
  CHECK(predicate.message.rfind(
            "unknown relationship type \"pressd\" (did you mean \"pressed\"?); the types are", 0) ==
        0);
  CHECK(predicate.column == 10);
  CHECK(Error("MATCH (a {label: 'Netanyahoo'}) RETURN a").message ==
        "no entity named \"Netanyahoo\"; did you mean \"Benjamin Netanyahu\"?");
  CHECK(Error("MATCH (a) RETURN b").message == "unknown variable \"b\"; the pattern binds a");
  CHECK(Error("MATCH (a) RETURN a.color")
            .message.rfind("unknown property \"color\"; entities have id, label", 0) == 0);
  CHECK(
      Error("MATCH (a) RETURN frobnicate(a)").message.rfind("unknown function \"frobnicate\"", 0) ==
      0);
  CHECK(Error("MATCH (a) WHERE count(*) > 1 RETURN a").message ==
        "count() belongs at the top of a RETURN or ORDER BY item");
}

TEST_CASE_METHOD(QueryFixture, "graph algorithms answer neighbourhoods, paths and centrality",
                 "[query][algorithms]") {
  const Topology topology(graph());
  const size_t netanyahu = *graph().FindNode("benjamin-netanyahu");
  const auto near = Neighborhood(topology, netanyahu, 1);
  CHECK(near.size() == 4);  // itself, Biden, Burns, Israel
  const auto two = Neighborhood(topology, netanyahu, 2);
  CHECK(two.size() == 6);
  CHECK(two.back().hops == 2);
  const auto paths =
      ShortestPaths(topology, *graph().FindNode("joe-biden"), *graph().FindNode("hamas"), 6, true);
  REQUIRE(paths.size() ==
          2);  // Biden -pressed- Netanyahu -leader_of- Israel -attacked- Hamas, two "pressed"
  CHECK(paths[0].edges.size() == 3);
  CHECK(ShortestPaths(topology, netanyahu, *graph().FindNode("hamas"), 1).empty());
  const auto components = Components(graph());
  REQUIRE(components.size() == 1);
  const auto rank = PageRank(graph());
  CHECK(std::abs(std::accumulate(rank.begin(), rank.end(), 0.0) - 1.0) < 1e-9);
  const auto between = BetweennessCentrality(graph());
  CHECK(between[*graph().FindNode("yahya-sinwar")] == 0.0);
  CHECK(between[*graph().FindNode("hamas")] > between[*graph().FindNode("joe-biden")]);
}

TEST_CASE_METHOD(QueryFixture, "filters choose a view around a focus, by type, predicate or rank",
                 "[query][filter]") {
  const std::set<std::string> known = {"met_with",  "pressed",  "leader_of",
                                       "member_of", "attacked", "supported"};
  GraphFilter focus;
  focus.focus = "Bibi";
  focus.hops = 1;
  auto view = ApplyFilter(graph(), focus, known);
  REQUIRE(view.ok());
  CHECK(view->node_count() == 4);
  GraphFilter pressed;
  pressed.predicates = {"pressed"};
  pressed.status = RelationStatus::kAsserted;
  view = ApplyFilter(graph(), pressed, known);
  REQUIRE(view.ok());
  CHECK(view->node_count() == 2);
  CHECK(view->edge_count() == 1);
  GraphFilter top;
  top.top = 3;
  view = ApplyFilter(graph(), top, known);
  REQUIRE(view.ok());
  CHECK(view->node_count() == 3);
  GraphFilter people;
  people.types = TypeSet::Of(EntityType::kPerson);
  view = ApplyFilter(graph(), people, known);
  REQUIRE(view.ok());
  CHECK(view->node_count() == 5);
  GraphFilter bad;
  bad.predicates = {"pressd"};
  CHECK(ApplyFilter(graph(), bad, known)
            .status()
            .message()
            .rfind("unknown predicate \"pressd\"", 0) == 0);
  GraphFilter nobody;
  nobody.focus = "Nobody At All";
  CHECK_FALSE(ApplyFilter(graph(), nobody, known).ok());
}

}  // namespace
}  // namespace kg
