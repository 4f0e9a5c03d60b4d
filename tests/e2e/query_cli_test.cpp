// End-to-end tests of the graph questions and diagrams, on the samples.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;
using test::RunShell;

// The samples' graph, built once per test binary.
const std::string& SamplesGraph() {
  static const std::string path = [] {
    static test::TempDir dir;
    const std::string out = dir.Path("samples.json");
    const auto result =
        RunKg("build " + Quote(test::SourcePath("samples")) + " -q -o " + Quote(out));
    if (result.exit_code != 0) throw std::runtime_error(result.err);
    return out;
  }();
  return path;
}

std::string Graph() { return Quote(SamplesGraph()); }

TEST_CASE("every query example of the docs answers on the samples", "[cli][query]") {
  const std::vector<std::pair<std::string, std::string>> examples = {
      {"MATCH (a:PERSON)-[r:pressed]->(b) RETURN a, r, b",
       "Joe Biden -[pressed]-> Benjamin Netanyahu"},
      {"MATCH (a)-[:met_with]-(b {label: \"Benjamin Netanyahu\"}) RETURN a.label ORDER BY a.label",
       "Kamala Harris"},
      {"MATCH (a:PERSON)-[:leader_of|member_of]->(o:ORGANIZATION) WHERE o.label CONTAINS \"Hamas\" "
       "RETURN a.label, o.label",
       "Ismail Haniyeh"},
      {"MATCH p = shortestPath((a {label: \"William J. Burns\"})-[*..4]-(b {label: \"Ismail "
       "Haniyeh\"})) RETURN p",
       "William J. Burns -[met_with]- Mohammed bin Abdulrahman Al Thani -[met_with]- Ismail "
       "Haniyeh"},
      {"MATCH (a)-[r]->(b) WHERE r.weight >= 2 AND r.status = \"asserted\" RETURN a.label, "
       "type(r), b.label, "
       "r.weight ORDER BY r.weight DESC LIMIT 10",
       "pressed"},
  };
  for (const auto& [query, expected] : examples) {
    INFO(query);
    const auto result = RunKg("query " + Graph() + " " + Quote(query));
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(expected) != std::string::npos);
  }
}

TEST_CASE("a query syntax error shows a caret under the column and exits 2", "[cli][query]") {
  const auto result = RunKg("query " + Graph() + " " + Quote("MATCH (a:PERSON-[r]->(b) RETURN a"));
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "kg: query error: expected \")\" to close the node pattern, found \"-\"\n"
        "  MATCH (a:PERSON-[r]->(b) RETURN a\n"
        "                 ^\n");
  const auto unknown = RunKg("neighbors " + Graph() + " Netanyahoo");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean \"Benjamin Netanyahu\"?") != std::string::npos);
  const auto predicate = RunKg("neighbors " + Graph() + " Netanyahu --predicate pressd");
  CHECK(predicate.exit_code == 2);
  CHECK(predicate.err.find("unknown predicate \"pressd\"; the predicates are") !=
        std::string::npos);
}

TEST_CASE("built-in questions: neighbours, paths, centrality, components, evidence",
          "[cli][query]") {
  const auto near =
      RunKg("neighbors " + Graph() + " Netanyahu --hops 2 --predicate pressed --type PERSON");
  REQUIRE(near.exit_code == 0);
  CHECK(near.out.find("Joe Biden") != std::string::npos);
  CHECK(near.out.find("(1 row)") != std::string::npos);
  const auto path = RunKg("path " + Graph() + " Burns Haniyeh --max-hops 4 --all");
  REQUIRE(path.exit_code == 0);
  CHECK(path.out.find("Mohammed bin Abdulrahman Al Thani") != std::string::npos);
  const auto central = RunKg("central " + Graph() + " --by pagerank --top 3 --type PERSON");
  REQUIRE(central.exit_code == 0);
  CHECK(central.out.find("(3 rows)") != std::string::npos);
  for (const std::string by : {"degree", "betweenness"}) {
    CHECK(RunKg("central " + Graph() + " --by " + by).exit_code == 0);
  }
  CHECK(RunKg("central " + Graph() + " --by fame").exit_code == 2);
  const auto components = RunKg("components " + Graph() + " --format json");
  REQUIRE(components.exit_code == 0);
  CHECK(components.out.find("\"component\": 1") != std::string::npos);
  const auto evidence = RunKg("evidence " + Graph() + " Biden pressed Netanyahu");
  REQUIRE(evidence.exit_code == 0);
  CHECK(evidence.out.find("pressed him to allow more aid into Gaza") != std::string::npos);
  CHECK(evidence.out.find("samples/19-white-house-visit.txt") != std::string::npos);
}

TEST_CASE("answers come as JSON for programs and as diagrams", "[cli][query]") {
  const auto json =
      RunKg("query " + Graph() + " " + Quote("MATCH (a)-[r:pressed]->(b) RETURN a, r LIMIT 1") +
            " --format json");
  REQUIRE(json.exit_code == 0);
  const auto parsed =
      RunShell("/usr/bin/python3 -c " +
                   Quote("import json,sys; d=json.load(sys.stdin); assert d['columns']==['a','r']; "
                         "assert d['rows'][0]['r']['predicate']=='pressed'"),
               json.out);
  CHECK(parsed.exit_code == 0);
  const auto dot = RunKg("path " + Graph() + " Burns Haniyeh --format dot");
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.find("william-j-burns") != std::string::npos);
  test::TempDir dir;
  const auto svg =
      RunKg("neighbors " + Graph() + " Netanyahu --format svg -o " + Quote(dir.Path("n.svg")));
  REQUIRE(svg.exit_code == 0);
  CHECK(test::ReadText(dir.Path("n.svg")).find("<svg") != std::string::npos);
  const auto nothing =
      RunKg("query " + Graph() + " " + Quote("MATCH (a) RETURN count(*)") + " --format svg");
  CHECK(nothing.exit_code == 3);
  CHECK(nothing.err.find("no entities or relations to draw") != std::string::npos);
}

// Every node label of a graph JSON file appears in an SVG (parsed as XML).
void CheckSvgHasEveryLabel(const std::string& graph, const std::string& svg) {
  const auto check = RunShell(
      "/usr/bin/python3 -c " +
      Quote("import json,sys,xml.etree.ElementTree as ET\n"
            "g=json.load(open(sys.argv[1])); root=ET.parse(sys.argv[2]).getroot()\n"
            "text=' '.join(' '.join(t.text or '' for t in root.iter() if "
            "t.tag.endswith('text')).split())\n"
            "missing=[n['label'] for n in g['nodes'] if ' '.join(n['label'].split()) not in text]\n"
            "assert not missing, missing") +
      " " + Quote(graph) + " " + Quote(svg));
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("kg render draws SVG, PNG and PDF diagrams with every entity", "[cli][render]") {
  test::TempDir dir;
  const auto svg = RunKg("render " + Graph() + " -o " + Quote(dir.Path("all.svg")) +
                         " --legend --clusters --isolated --all");
  INFO(svg.err);
  REQUIRE(svg.exit_code == 0);
  CHECK(svg.err.empty());
  CheckSvgHasEveryLabel(SamplesGraph(), dir.Path("all.svg"));
  REQUIRE(RunKg("render " + Graph() + " -o " + Quote(dir.Path("all.png")) + " --layout sfdp")
              .exit_code == 0);
  CHECK(test::ReadText(dir.Path("all.png")).substr(0, 8) == "\x89PNG\r\n\x1a\n");
  REQUIRE(RunKg("render " + Graph() + " -o " + Quote(dir.Path("all.pdf")) +
                " --merge --size-by pagerank")
              .exit_code == 0);
  CHECK(test::ReadText(dir.Path("all.pdf")).substr(0, 5) == "%PDF-");
  CHECK(RunKg("render " + Graph() + " -o " + Quote(dir.Path("x.gif"))).exit_code == 2);
  CHECK(RunKg("render " + Graph() + " -o " + Quote(dir.Path("x.svg")) + " --layout spring")
            .exit_code == 2);
}

TEST_CASE("names with quotes, backslashes, < and non-ASCII letters render", "[cli][render]") {
  test::TempDir dir;
  const std::string json = dir.Write("tricky.json", R"({
  "directed": true, "multigraph": true, "graph": {"schema": "kg-graph/1", "documents": []},
  "nodes": [
    {"id": "a", "label": "Back\\slash \"Quoted\" <Tag> & Co", "type": "ORGANIZATION", "aliases": [], "mentions": 1, "documents": []},
    {"id": "b", "label": "Zitácuaro 北京", "type": "LOCATION", "aliases": [], "mentions": 1, "documents": []}
  ],
  "links": [{"source": "a", "target": "b", "predicate": "based_in", "status": "asserted", "weight": 1, "evidence": []}]
})");
  const auto svg = RunKg("render " + Quote(json) + " -o " + Quote(dir.Path("t.svg")) + " --wrap 0");
  INFO(svg.err);
  REQUIRE(svg.exit_code == 0);
  CheckSvgHasEveryLabel(json, dir.Path("t.svg"));
  REQUIRE(
      RunKg("export " + Quote(json) + " --format dot -o " + Quote(dir.Path("t.dot"))).exit_code ==
      0);
  const auto dot =
      RunShell("dot -Tsvg " + Quote(dir.Path("t.dot")) + " -o " + Quote(dir.Path("d.svg")));
  CHECK(dot.exit_code == 0);
  CHECK(dot.err.empty());
  CheckSvgHasEveryLabel(json, dir.Path("d.svg"));
}

TEST_CASE("views: filters choose what export and render show", "[cli][render]") {
  test::TempDir dir;
  const auto focus = RunKg("export " + Graph() + " --format json --focus Netanyahu --hops 1");
  REQUIRE(focus.exit_code == 0);
  CHECK(focus.out.find("\"joe-biden\"") != std::string::npos);
  CHECK(focus.out.find("\"hamas\"") == std::string::npos);
  const auto pressed =
      RunKg("export " + Graph() + " --format json --predicates pressed --status asserted");
  REQUIRE(pressed.exit_code == 0);
  CHECK(pressed.out.find("\"predicate\": \"met_with\"") == std::string::npos);
  CHECK(pressed.out.find("\"predicate\": \"pressed\"") != std::string::npos);
  const auto top = RunKg("render " + Graph() + " --top 5 --types PERSON,ORGANIZATION -o " +
                         Quote(dir.Path("t.svg")));
  CHECK(top.exit_code == 0);
  const auto document = RunKg("export " + Graph() + " --format json --document d19 --min-weight 2");
  REQUIRE(document.exit_code == 0);
  CHECK(document.out.find("\"benjamin-netanyahu\"") != std::string::npos);
  CHECK(RunKg("export " + Graph() + " --document d99").exit_code == 2);
  CHECK(RunKg("export " + Graph() + " --types PEOPLE").exit_code == 2);
}

// A hub with `spokes` people around it, and a chain of places: more than a
// diagram shows by default.
std::string StarGraph(const test::TempDir& dir, int spokes) {
  std::string nodes =
      R"({"id": "hub", "label": "Hub Person", "type": "PERSON", "aliases": [], "mentions": 1, "documents": []})";
  std::string links;
  for (int i = 0; i < spokes; ++i) {
    const std::string id = "p" + std::to_string(1000 + i);
    nodes += R"(, {"id": ")" + id + R"(", "label": "Person )" + id +
             R"(", "type": "PERSON", "aliases": [], "mentions": 1, "documents": []})";
    links += std::string(links.empty() ? "" : ", ") + R"({"source": "hub", "target": ")" + id +
             R"(", "predicate": "criticized", "status": "asserted", "weight": 1, "evidence": []})";
  }
  nodes +=
      R"(, {"id": "lonely", "label": "Lonely Place", "type": "LOCATION", "aliases": [], "mentions": 1, "documents": []})";
  return dir.Write(
      "star.json",
      R"({"directed": true, "multigraph": true, "graph": {"schema": "kg-graph/1", "documents": []}, "nodes": [)" +
          nodes + "], \"links\": [" + links + "]}");
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

TEST_CASE("a large graph is drawn as its most central part, with a note", "[cli][render]") {
  test::TempDir dir;
  const std::string star = StarGraph(dir, 300);
  const auto render = RunKg("render " + Quote(star) + " -o " + Quote(dir.Path("s.svg")));
  INFO(render.err);
  REQUIRE(render.exit_code == 0);
  CHECK(render.err.find("showing 120 of 302 entities, the most central of 301") !=
        std::string::npos);
  const std::string svg = test::ReadText(dir.Path("s.svg"));
  CHECK(CountOf(svg, "class=\"node\"") == 120);
  CHECK(svg.find("Hub Person") != std::string::npos);
  CHECK(svg.find("showing 120 of 302 entities") != std::string::npos);
  // --all draws every entity with a relation, never the isolated one.
  REQUIRE(RunKg("render " + Quote(star) + " --all -o " + Quote(dir.Path("a.svg"))).exit_code == 0);
  const std::string all = test::ReadText(dir.Path("a.svg"));
  CHECK(CountOf(all, "class=\"node\"") == 301);
  CHECK(all.find("Lonely Place") == std::string::npos);
  // The DOT export follows the same rules and names no engine.
  const auto dot = RunKg("export " + Quote(star) + " --format dot");
  REQUIRE(dot.exit_code == 0);
  CHECK(CountOf(dot.out, " -> ") == 119);
  CHECK(dot.out.find("layout=") == std::string::npos);
  CHECK(dot.out.find("Lonely Place") == std::string::npos);
}

// fdp is left out: its drawings differ in about one run in a hundred (see
// ChooseLayout), which is why kg picks it only for clusters.
TEST_CASE("the same graph renders to the same bytes with every engine", "[cli][render]") {
  test::TempDir dir;
  for (const std::string layout : {"", "neato", "sfdp", "dot", "circo", "twopi"}) {
    std::string first;
    for (int run = 0; run < 2; ++run) {
      const std::string out = dir.Path("layout-" + layout + std::to_string(run) + ".svg");
      const std::string choice = layout.empty() ? "" : " --layout " + layout;
      REQUIRE(RunKg("render " + Graph() + choice + " -o " + Quote(out)).exit_code == 0);
      if (run == 0)
        first = test::ReadText(out);
      else
        CHECK(test::ReadText(out) == first);
    }
  }
}

TEST_CASE("top entities are ranked by the chosen centrality", "[cli][render]") {
  test::TempDir dir;
  const std::string star = StarGraph(dir, 5);
  for (const std::string by : {"degree", "pagerank", "betweenness"}) {
    const auto top = RunKg("export " + Quote(star) + " --format json --top 1 --by " + by);
    REQUIRE(top.exit_code == 0);
    CHECK(top.out.find("\"id\": \"hub\"") != std::string::npos);
    CHECK(top.out.find("\"id\": \"p1000\"") == std::string::npos);
  }
  const auto biden = RunKg("export " + Graph() + " --format json --top 40 --by degree");
  REQUIRE(biden.exit_code == 0);
  CHECK(biden.out.find("\"benjamin-netanyahu\"") != std::string::npos);
  CHECK(RunKg("export " + Quote(star) + " --top 1 --by fame").exit_code == 2);
}

TEST_CASE("a graph built with a user's symmetric predicate answers the same without the pack",
          "[cli][query]") {
  test::TempDir dir;
  dir.Write("allied/predicates.tsv",
            "allied_with\tyes\tORGANIZATION\tORGANIZATION\tcooperative\tallied with\n");
  dir.Write("allied/relations.tsv", "allied_with\tX allied with Y\n");
  const std::string graph = dir.Path("g.json");
  const auto built =
      RunKg("build - -q --rules " + Quote(dir.Path("allied")) + " -o " + Quote(graph),
            "Acme Corporation allied with Globex Corporation.\n");
  REQUIRE(built.exit_code == 0);
  const std::string query =
      "query " + Quote(graph) + " " +
      Quote("MATCH (a)-[r:allied_with]->(b) WHERE a.label = 'Globex Corporation' RETURN b.label");
  const auto without = RunKg(query);
  const auto with = RunKg(query + " --rules " + Quote(dir.Path("allied")));
  REQUIRE(without.exit_code == 0);
  CHECK(without.out.find("Acme Corporation") != std::string::npos);
  CHECK(without.out.find("(1 row)") != std::string::npos);
  CHECK(with.out == without.out);
  // The other readers know it too: filters, and diagrams draw it without arrowheads.
  const auto dot = RunKg("export " + Quote(graph) + " --predicates allied_with");
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.find("dir=none") != std::string::npos);
}

TEST_CASE("GraphML and GEXF load in NetworkX", "[cli][export]") {
  test::TempDir dir;
  REQUIRE(RunKg("export " + Graph() + " --format graphml -o " + Quote(dir.Path("g.graphml")))
              .exit_code == 0);
  REQUIRE(RunKg("export " + Graph() + " --format gexf -o " + Quote(dir.Path("g.gexf"))).exit_code ==
          0);
  const auto check = RunShell(
      "/usr/bin/python3 -c " +
      Quote("import json,sys,networkx as nx\n"
            "n=len(json.load(open(sys.argv[1]))['nodes'])\n"
            "g=nx.read_graphml(sys.argv[2]); assert g.number_of_nodes()==n, g.number_of_nodes()\n"
            "assert g.nodes['benjamin-netanyahu']['type']=='PERSON'\n"
            "h=nx.read_gexf(sys.argv[3]); assert h.number_of_nodes()==n") +
      " " + Graph() + " " + Quote(dir.Path("g.graphml")) + " " + Quote(dir.Path("g.gexf")));
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

}  // namespace
}  // namespace kg
