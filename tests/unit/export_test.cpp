#include <catch2/catch.hpp>
#include <set>

#include <graphviz/cgraph.h>

#include "export/diagram.h"
#include "export/graph_json.h"
#include "export/graph_xml.h"
#include "export/html_view.h"
#include "export/view_layout.h"
#include "tests/test_support.h"

namespace kg {
namespace {

KnowledgeGraph Tricky() {
  KnowledgeGraph graph;
  graph.AddDocument({"d1", "a.txt", "A \"title\"", "00"});
  NodeData a;
  a.id = "a";
  a.label = "Back\\slash \"Quoted\" <Tag>";
  a.type = EntityType::kOrganization;
  a.aliases = {"x", "y"};
  a.mentions = 2;
  a.documents = {"d1"};
  NodeData b;
  b.id = "b";
  b.label = "Zitácuaro 北京";
  b.type = EntityType::kLocation;
  b.documents = {"d1"};
  const size_t ia = graph.AddNode(a);
  const size_t ib = graph.AddNode(b);
  EdgeData edge;
  edge.predicate = "attacked";
  edge.status = RelationStatus::kHypothetical;
  edge.weight = 2;
  edge.evidence = {{"d1", 0, 5, "He said \"no\" \\ ok"}};
  graph.AddEdge(ia, ib, edge);
  graph.Canonicalize();
  return graph;
}

TEST_CASE("graph JSON survives write, read, write byte for byte", "[export][json]") {
  const std::string first = WriteGraphJson(Tricky());
  auto read = ReadGraphJson(first, "mem");
  REQUIRE(read.ok());
  CHECK(WriteGraphJson(*read) == first);
  const auto built =
      test::BuildGraph({test::ReadText(test::SourcePath("samples/01-steel-talks.txt"))});
  const std::string sample = WriteGraphJson(built);
  CHECK(WriteGraphJson(ReadGraphJson(sample, "mem").value()) == sample);
}

TEST_CASE("graph JSON written on several threads has the bytes of one", "[export][json]") {
  // Enough nodes and links for several parts of each array, the last short.
  KnowledgeGraph graph;
  graph.AddDocument({"d1", "a.txt", "A", "00"});
  constexpr size_t kNodes = 5000;
  for (size_t n = 0; n < kNodes; ++n) {
    NodeData node;
    node.id = "n" + std::to_string(n);
    node.label = "Node \"" + std::to_string(n) + "\"";
    node.aliases = {"alias " + std::to_string(n % 7)};
    node.documents = {"d1"};
    graph.AddNode(std::move(node));
  }
  for (size_t e = 0; e + 1 < kNodes; ++e) {
    EdgeData edge;
    edge.predicate = "met";
    edge.weight = static_cast<int64_t>(e % 5 + 1);
    edge.evidence = {{"d1", 0, 4, "Met " + std::to_string(e)}};
    graph.AddEdge(e, e + 1, std::move(edge));
  }
  graph.Canonicalize();
  const std::string one = WriteGraphJson(graph, 1);
  CHECK(WriteGraphJson(graph, 2) == one);
  CHECK(WriteGraphJson(graph, 3) == one);
  CHECK(WriteGraphJson(Tricky(), 4) == WriteGraphJson(Tricky(), 1));

  // Streamed, the pieces make the same bytes, and none holds the file: at
  // most a megabyte and an item, or one thread's part.
  for (const unsigned threads : {1u, 3u}) {
    std::string streamed;
    size_t pieces = 0;
    size_t largest = 0;
    WriteGraphJson(graph, threads, [&](std::string_view piece) {
      streamed.append(piece);
      ++pieces;
      largest = std::max(largest, piece.size());
    });
    CHECK(streamed == one);
    CHECK(pieces > 2);
    CHECK(largest < one.size() / 2);
  }
}

TEST_CASE("malformed graph JSON is rejected with its position", "[export][json]") {
  auto broken = ReadGraphJson("{\n  \"nodes\": [\n    {\"id\": }\n", "g.json");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().rfind("g.json:3:", 0) == 0);
  auto wrong_type =
      ReadGraphJson(R"({"nodes":[{"id":"a","label":"A","type":"CITY"}],"links":[]})", "g.json");
  CHECK(wrong_type.status().message() ==
        "g.json:1:40: nodes[0].type: expected PERSON, ORGANIZATION or LOCATION");
  auto dangling = ReadGraphJson(
      R"({"nodes":[{"id":"a","label":"A","type":"PERSON"}],"links":[{"source":"a","target":"b","predicate":"p","weight":1}]})",
      "g.json");
  CHECK(dangling.status().message() == "g.json:1:83: links[0].target: unknown node \"b\"");
  auto duplicate = ReadGraphJson(
      R"({"nodes":[{"id":"a","label":"A","type":"PERSON"},{"id":"b","label":"B","type":"PERSON"}],"links":[)"
      R"({"source":"a","target":"b","predicate":"p","weight":1},{"source":"a","target":"b","predicate":"q","weight":1},)"
      R"({"source":"a","target":"b","predicate":"p","weight":2}]})",
      "g.json");
  CHECK(duplicate.status().message() ==
        "g.json:1:210: links[2]: duplicate link (a, p, b, asserted)");
  auto loaded = ReadGraphJson(WriteGraphJson(Tricky()), "mem");
  REQUIRE(loaded.ok());
  CHECK(loaded->FindEdge(0, "attacked", 1, RelationStatus::kHypothetical)
            .has_value());  // index built on demand
  auto not_object = ReadGraphJson("[1, 2]", "g.json");
  CHECK(not_object.status().message() == "g.json:1:1: expected a JSON object at the top");
  CHECK_FALSE(ReadGraphJson("{\"nodes\":[],\"links\":[]} trailing", "g.json").ok());
  CHECK_FALSE(ReadGraphJson("{\"nodes\":[{\"id\":\"\xff\"}],\"links\":[]}", "g.json").ok());
}

TEST_CASE("the graph file records its vocabulary and readers take it from there",
          "[export][json]") {
  KnowledgeGraph graph = Tricky();
  PredicateTable table = graph.predicates();
  Predicate allied;
  allied.name = "allied_with";
  allied.symmetric = true;
  allied.subject_types = TypeSet::Of(EntityType::kOrganization);
  allied.kind = PredicateKind::kCooperative;
  allied.description = "allied with";
  REQUIRE(table.Add(allied).ok());
  graph.SetPredicates(table);
  const std::string json = WriteGraphJson(graph);
  CHECK(json.find("\"schema\": \"kg-graph/2\"") != std::string::npos);
  auto read = ReadGraphJson(json, "g.json");
  REQUIRE(read.ok());
  CHECK(read->predicates() == table);
  const Predicate* found = read->predicates().Find("allied_with");
  REQUIRE(found != nullptr);
  CHECK(*found == allied);
}

TEST_CASE("a graph file's schema and vocabulary are checked", "[export][json]") {
  const std::string nodes = R"("nodes":[{"id":"a","label":"A","type":"PERSON"},)"
                            R"({"id":"b","label":"B","type":"PERSON"}],)";
  const std::string link = R"("links":[{"source":"a","target":"b","predicate":"allied_with",)"
                           R"("weight":1}]})";
  auto future = ReadGraphJson(R"({"graph":{"schema":"kg-graph/99"},)" + nodes + link, "g.json");
  CHECK(
      future.status().message() ==
      "g.json:1:20: graph.schema: unsupported schema \"kg-graph/99\" (this kg reads kg-graph/1 and "
      "kg-graph/2)");
  auto unlisted = ReadGraphJson(
      R"({"graph":{"predicates":[{"name":"met_with","symmetric":true}]},)" + nodes + link,
      "g.json");
  CHECK(unlisted.status().message() ==
        "g.json:1:200: links[0].predicate: \"allied_with\" is not in graph.predicates (met_with)");
  auto bad_kind = ReadGraphJson(
      R"({"graph":{"predicates":[{"name":"met_with","kind":"friendly"}]},)" + nodes + link,
      "g.json");
  CHECK(bad_kind.status().message() ==
        "g.json:1:51: graph.predicates[0].kind: expected hostile, cooperative, pressure, role or "
        "neutral");
  // An older file without a vocabulary takes the fallback, plus plain
  // entries for the rest.
  PredicateTable fallback;
  Predicate met;
  met.name = "met_with";
  met.symmetric = true;
  REQUIRE(fallback.Add(met).ok());
  auto old =
      ReadGraphJson(R"({"graph":{"schema":"kg-graph/1"},)" + nodes + link, "g.json", fallback);
  REQUIRE(old.ok());
  CHECK(old->predicates().NameList() == "allied_with, met_with");
  CHECK(old->predicates().IsSymmetric("met_with"));
  CHECK_FALSE(old->predicates().IsSymmetric("allied_with"));
}

TEST_CASE("DOT output parses back with cgraph and keeps labels intact", "[export][dot]") {
  DiagramOptions options;
  options.symmetric_predicates = {"met_with"};
  auto dot = WriteDot(Tricky(), options);
  REQUIRE(dot.ok());
  Agraph_t* graph = agmemread(dot->c_str());
  REQUIRE(graph != nullptr);
  CHECK(agnnodes(graph) == 2);
  CHECK(agnedges(graph) == 1);
  Agnode_t* a = agnode(graph, const_cast<char*>("a"), 0);
  REQUIRE(a != nullptr);
  // Long labels wrap at spaces; Graphviz reads "\n" as a line break.
  CHECK(std::string(agget(a, const_cast<char*>("label"))) == "Back\\\\slash \"Quoted\"\\n<Tag>");
  Agnode_t* b = agnode(graph, const_cast<char*>("b"), 0);
  CHECK(std::string(agget(b, const_cast<char*>("label"))) == "Zitácuaro 北京");
  Agedge_t* edge = agfstout(graph, a);
  REQUIRE(edge != nullptr);
  CHECK(std::string(agget(edge, const_cast<char*>("label"))) == "attacked? (2)");
  CHECK(std::string(agget(edge, const_cast<char*>("style"))) == "dotted");
  agclose(graph);
}

TEST_CASE("DOT names no engine, seeds force layouts and can carry a note", "[export][dot]") {
  DiagramOptions options;
  options.note = "showing 2 of 5 entities";
  options.straight_edges = true;
  auto dot = WriteDot(Tricky(), options);
  REQUIRE(dot.ok());
  Agraph_t* graph = agmemread(dot->c_str());
  REQUIRE(graph != nullptr);
  CHECK(agget(graph, const_cast<char*>("layout")) == nullptr);
  CHECK(std::string(agget(graph, const_cast<char*>("start"))) == "1");
  CHECK(std::string(agget(graph, const_cast<char*>("splines"))) == "false");
  CHECK(std::string(agget(graph, const_cast<char*>("label"))) == "showing 2 of 5 entities");
  agclose(graph);
}

TEST_CASE("merged relations keep one edge per direction", "[export][dot]") {
  KnowledgeGraph graph;
  auto node = [&](const std::string& id) {
    NodeData data;
    data.id = data.label = id;
    return graph.AddNode(data);
  };
  auto edge = [&](size_t from, size_t to, const std::string& predicate, int64_t weight) {
    EdgeData data;
    data.predicate = predicate;
    data.weight = weight;
    graph.AddEdge(from, to, data);
  };
  const size_t a = node("a"), b = node("b");
  edge(a, b, "pressed", 2);
  edge(a, b, "criticized", 3);
  edge(b, a, "warned", 1);
  edge(a, b, "met_with", 1);
  DiagramOptions options;
  options.symmetric_predicates = {"met_with"};
  options.merge_parallel = true;
  auto dot = WriteDot(graph, options);
  REQUIRE(dot.ok());
  Agraph_t* out = agmemread(dot->c_str());
  REQUIRE(out != nullptr);
  CHECK(agnedges(out) == 3);  // a -> b, b -> a, a - b
  std::set<std::string> labels;
  for (Agnode_t* n = agfstnode(out); n != nullptr; n = agnxtnode(out, n)) {
    for (Agedge_t* e = agfstout(out, n); e != nullptr; e = agnxtout(out, e))
      labels.insert(agget(e, const_cast<char*>("label")));
  }
  // Heaviest first within a direction.
  CHECK(labels == std::set<std::string>{"criticized (3)\\npressed (2)", "warned", "met_with"});
  agclose(out);
}

TEST_CASE("the HTML view is one page whose data cannot close its script", "[export][view]") {
  DiagramOptions style;
  style.predicate_kinds = {{"attacked", "hostile"}};
  auto html = WriteHtmlView(Tricky(), style, "a <b> & \"c\"");
  REQUIRE(html.ok());
  CHECK(html->find("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>") != std::string::npos);
  CHECK(html->find("Cytoscape Consortium") != std::string::npos);  // the library, inlined
  CHECK(html->find("<script src") == std::string::npos);
  // The label "<Tag>" is in the data only as \u003cTag>.
  CHECK(html->find("<Tag>") == std::string::npos);
  CHECK(html->find("\\u003cTag>") != std::string::npos);
  CHECK(html->find("@KG_") == std::string::npos);  // every slot of the template filled
  const size_t data = html->find("id=\"kg-data\">");
  REQUIRE(data != std::string::npos);
  // The data element ends where the whole JSON document ends.
  const size_t start = data + std::string("id=\"kg-data\">").size();
  const std::string json = html->substr(start, html->find("</script>", data) - start);
  CHECK(json.front() == '{');
  CHECK(json.back() == '}');
  CHECK(json.find("\"kind\":\"hostile\"") != std::string::npos);
  CHECK(json.find("Zitácuaro 北京") != std::string::npos);
}

// The area of the box the drawn nodes cover, each with its extent.
double Covered(const std::vector<bool>& drawn, const std::vector<Point>& points,
               const std::vector<Point>& extents) {
  double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL, mx = 0, my = 0;
  for (size_t n = 0; n < points.size(); ++n) {
    if (!drawn[n]) continue;
    x0 = std::min(x0, points[n].x), x1 = std::max(x1, points[n].x);
    y0 = std::min(y0, points[n].y), y1 = std::max(y1, points[n].y);
    mx = std::max(mx, extents[n].x), my = std::max(my, extents[n].y);
  }
  return (x1 - x0 + mx) * (y1 - y0 + my);
}

TEST_CASE("a layout packed tighter than its nodes is spread to the room they need",
          "[export][view]") {
  // 400 boxes of 30 x 10 points with their centres in a 20-point square,
  // as sfdp leaves a hub-heavy graph; one more node is not drawn.
  std::vector<Point> points, extents(401, Point{30, 10});
  for (int k = 0; k < 400; ++k) points.push_back({100.0 + k % 20, 50.0 + k / 20});
  points.push_back({7, 7});
  std::vector<bool> drawn(401, true);
  drawn[400] = false;
  const std::vector<Point> before = points;
  SpreadOut(drawn, extents, &points);
  CHECK(Covered(drawn, points, extents) == Approx(400 * 30 * 10));
  // Spread from the centre: the order and the centre stay, the undrawn node too.
  CHECK(points[0].x < points[19].x);
  CHECK(points[0].y < points[399].y);
  CHECK((points[0].x + points[399].x) / 2 == Approx((before[0].x + before[399].x) / 2));
  CHECK(points[400].x == 7);
  // A layout with room to spare stays as it is.
  std::vector<Point> sparse = {{0, 0}, {100, 0}, {0, 100}};
  const std::vector<Point> kept = sparse;
  SpreadOut({true, true, true}, {{20, 10}, {20, 10}, {20, 10}}, &sparse);
  CHECK(sparse[1].x == kept[1].x);
  CHECK(sparse[2].y == kept[2].y);
  // Nodes overlapping in a line spread along it; one position stays one.
  std::vector<Point> line = {{0, 0}, {1, 0}, {2, 0}};
  SpreadOut({true, true, true}, {{20, 10}, {20, 10}, {20, 10}}, &line);
  CHECK(line[2].x - line[0].x == Approx(40));
  CHECK(line[0].y == 0);
  std::vector<Point> same = {{5, 5}, {5, 5}};
  SpreadOut({true, true}, {{20, 10}, {20, 10}}, &same);
  CHECK(same[1].x == 5);
}

TEST_CASE("trigger offsets are optional in graph JSON and survive a round trip", "[export][json]") {
  KnowledgeGraph graph = Tricky();
  const std::string without = WriteGraphJson(graph);
  CHECK(without.find("triggers") == std::string::npos);  // absent, not empty
  graph.mutable_edge(0).evidence[0].triggers = {{1, 3}};
  const std::string with = WriteGraphJson(graph);
  CHECK(with.find("\"triggers\": [") != std::string::npos);
  auto loaded = ReadGraphJson(with, "g.json");
  REQUIRE(loaded.ok());
  CHECK(loaded->edge(0).evidence[0].triggers == std::vector<std::pair<uint32_t, uint32_t>>{{1, 3}});
  CHECK(WriteGraphJson(*loaded) == with);
  // A trigger outside its sentence [0, 5) is refused with its place.
  std::string outside = with;
  const size_t at = outside.find("\"triggers\"");
  outside.replace(outside.find('3', at), 1, "9");
  auto bad = ReadGraphJson(outside, "g.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("links[0].evidence[0]") != std::string::npos);
  CHECK(bad.status().message().find("inside the sentence") != std::string::npos);
  // The view gets them as offsets into the sentence.
  graph.mutable_edge(0).evidence[0] = {"d1", 10, 20, "0123456789", {{12, 15}}};
  auto html = WriteHtmlView(graph, DiagramOptions{}, "t");
  REQUIRE(html.ok());
  CHECK(html->find("\"triggers\":[[2,5]]") != std::string::npos);
}

TEST_CASE("backslashes in DOT labels are doubled for Graphviz", "[export][dot]") {
  CHECK(EscapeDotLabel("a\\b") == "a\\\\b");
  CHECK(EscapeDotLabel("plain") == "plain");
}

TEST_CASE("GraphML ids are XML name tokens, escaped reversibly", "[export][graphml]") {
  // Ids kg makes (slugs of names in any script) are name tokens already.
  CHECK(GraphMlId("anna-kowalska") == "anna-kowalska");
  CHECK(GraphMlId("jos\u00e9_ruiz.2") == "jos\u00e9_ruiz.2");
  // Other characters become _xHHHH_, as XmlConvert.EncodeName writes them.
  CHECK(GraphMlId("New York") == "New_x0020_York");
  CHECK(GraphMlId("a<b>&c") == "a_x003C_b_x003E__x0026_c");
  CHECK(GraphMlId("x\u00a0y") == "x_x00A0_y");
  CHECK(GraphMlId("\U000F0000") == "_x000F0000_");  // private use, plane 15
  // An "_" that starts what would read as an escape is escaped itself, so
  // "a b" and "a_x0020_b" stay two ids.
  CHECK(GraphMlId("a_x0020_b") == "a_x005F_x0020_b");
  CHECK(GraphMlId("a_x002_b") == "a_x002_b");
  CHECK(GraphMlId("a_x0000002A_") == "a_x005F_x0000002A_");
}

}  // namespace
}  // namespace kg
