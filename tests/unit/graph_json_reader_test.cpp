// The fast graph JSON reader takes only what the checked reader takes,
// with the same result; anything else it leaves to the checked reader.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/insitu_json.h"
#include "export/graph_json.h"
#include "export/graph_json_reader.h"

namespace kg {
namespace {

const std::string kNodes =
    R"("nodes":[{"id":"a","label":"A \"q\" \u00e9","type":"PERSON","aliases":["x"],"mentions":2,)"
    R"("documents":["d1"],"extra":{"n":[1,{"m":null}]}},{"id":"b","label":"B","type":"LOCATION"}])";
const std::string kLinks =
    R"("links":[{"source":"a","target":"b","predicate":"met_with","status":"negated","weight":3,)"
    R"("evidence":[{"document":"d1","start":2,"end":9,"sentence":"line\none \ud83d\ude00",)"
    R"("triggers":[[2,4]],"x":true}],"colour":"red"},)"
    R"({"source":"b","target":"a","predicate":"visited","status":"","weight":1}])";
const std::string kGraph =
    R"("graph":{"schema":"kg-graph/1","documents":[{"id":"d1","path":"p","title":"T\tt"}]})";

std::optional<KnowledgeGraph> Fast(const std::string& json) { return ReadGraphJsonFast(json, {}); }

// The checked reader's graph, as written JSON ("" when it refuses).
std::string Checked(std::string json) {
  PadForInsituParse(&json);
  auto graph = ReadGraphJsonChecked(std::move(json), "g.json", {});
  return graph.ok() ? WriteGraphJson(*graph) : "";
}

TEST_CASE("the fast reader gives the checked reader's graph", "[export][json]") {
  for (const std::string& json : {"{" + kGraph + "," + kNodes + "," + kLinks + "}",
                                  "{" + kNodes + "," + kGraph + "," + kLinks + "}",
                                  "{\"directed\":true," + kNodes + "," + kLinks + "}"}) {
    const auto fast = Fast(json);
    REQUIRE(fast.has_value());
    CHECK(WriteGraphJson(*fast) == Checked(json));
    CHECK(WriteGraphJson(ReadGraphJson(json, "g.json").value()) == Checked(json));
  }
}

TEST_CASE("the fast reader leaves unusual layouts to the checked reader", "[export][json]") {
  const std::string reordered = "{" + kLinks + "," + kNodes + "}";
  const std::string repeated = "{" + kNodes + "," + kNodes + "," + kLinks + "}";
  const std::string graph_last = "{" + kNodes + "," + kLinks + "," + kGraph + "}";
  const std::string edges = R"({"nodes":[],"edges":[]})";
  for (const std::string& json : {reordered, repeated, graph_last, edges}) {
    CHECK_FALSE(Fast(json).has_value());
    CHECK(WriteGraphJson(ReadGraphJson(json, "g.json").value()) == Checked(json));
  }
}

TEST_CASE("the fast reader refuses what the checked reader refuses", "[export][json]") {
  const std::string node = R"({"id":"a","label":"A","type":"PERSON"})";
  const std::vector<std::string> refused = {
      R"({"nodes":[)" + node + "," + node + R"(],"links":[]})",
      R"({"nodes":[{"id":"a","label":"A","type":"CITY"}],"links":[]})",
      R"({"nodes":[{"id":"","label":"A","type":"PERSON"}],"links":[]})",
      R"({"nodes":[{"id":"a\u0001","label":"A","type":"PERSON"}],"links":[]})",
      R"({"nodes":[{"id":"a","label":"A","type":"PERSON","mentions":-1}],"links":[]})",
      R"({"nodes":[{"id":"a","label":"A","type":"PERSON","mentions":1.0}],"links":[]})",
      R"({"nodes":[)" + node +
          R"(],"links":[{"source":"a","target":"b","predicate":"p","weight":1}]})",
      R"({"nodes":[)" + node + R"(],"links":[{"source":"a","target":"a","predicate":"p"}]})",
      R"({"nodes":[)" + node +
          R"(],"links":[{"source":"a","target":"a","predicate":"p","weight":1,)"
          R"("evidence":[{"document":"d","start":5,"end":2,"sentence":"s"}]}]})",
      R"({"nodes":[)" + node +
          R"(],"links":[{"source":"a","target":"a","predicate":"p","weight":1,)"
          R"("evidence":[{"document":"d","start":0,"end":4,"sentence":"s","triggers":[[3,5]]}]}]})",
      R"({"nodes":[)" + node +
          R"(],"links":[{"source":"a","target":"a","predicate":"p","weight":1},)"
          R"({"source":"a","target":"a","predicate":"p","weight":2}]})",
      R"({"graph":{"predicates":[{"name":"q"}]},"nodes":[)" + node +
          R"(],"links":[{"source":"a","target":"a","predicate":"p","weight":1}]})",
      std::string(
          "{\"nodes\":[{\"id\":\"a\",\"label\":\"\xff\",\"type\":\"PERSON\"}],\"links\":[]}"),
      std::string("{\"nodes\":[],\"links\":[],\"x\":\"\xc3\"}"),
      std::string(R"({"nodes":[],"links":[]} x)"),
      std::string(R"({"nodes":[],"links":[)"),
      std::string("{\"nodes\":[],\"links\":[]}\0 ", 25),
  };
  for (const std::string& json : refused) {
    CHECK_FALSE(Fast(json).has_value());
    CHECK_FALSE(ReadGraphJson(json, "g.json").ok());
  }
}

}  // namespace
}  // namespace kg
