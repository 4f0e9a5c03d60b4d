// End-to-end tests of the kg binary: what a user types and sees.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;
using test::RunShell;

TEST_CASE("kg build on samples writes JSON and DOT that other tools accept", "[cli]") {
  test::TempDir dir;
  const auto result = RunKg("build " + Quote(test::SourcePath("samples")) + " -o " +
                            Quote(dir.Path("g.json")) + " --dot " + Quote(dir.Path("g.dot")));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.find("19 documents") != std::string::npos);
  const auto networkx = RunShell(
      "/usr/bin/python3 -c " +
      Quote("import json,networkx,sys; g=networkx.node_link_graph(json.load(open(sys.argv[1]))); "
            "print(g.number_of_nodes(), g.number_of_edges())") +
      " " + Quote(dir.Path("g.json")));
  INFO(networkx.err);
  CHECK(networkx.exit_code == 0);
  const auto dot =
      RunShell("dot -Tsvg " + Quote(dir.Path("g.dot")) + " -o " + Quote(dir.Path("g.svg")));
  CHECK(dot.exit_code == 0);
  CHECK(dot.err.empty());
}

TEST_CASE("the same input gives the same bytes, whatever the thread count", "[cli]") {
  test::TempDir dir;
  const std::string samples = Quote(test::SourcePath("samples"));
  REQUIRE(RunKg("build " + samples + " -j 1 -q -o " + Quote(dir.Path("a.json"))).exit_code == 0);
  REQUIRE(RunKg("build " + samples + " -j 4 -q -o " + Quote(dir.Path("b.json"))).exit_code == 0);
  CHECK(test::ReadText(dir.Path("a.json")) == test::ReadText(dir.Path("b.json")));
}

TEST_CASE("a batch with bad inputs reports each, keeps the good ones and exits 1", "[cli]") {
  test::TempDir dir;
  const std::string good = dir.Write("good.txt", "Joe Biden met with Emmanuel Macron in Paris.");
  const std::string empty = dir.Write("empty.txt", "");
  const std::string invalid = dir.Write("bad.txt", "Bad \xff byte");
  const std::string binary = dir.Write("blob.txt", std::string("\0\1\2\3", 4));
  const std::string jsonl =
      dir.Write("a.jsonl", "{\"id\":\"ok\",\"text\":\"Iran backed Hezbollah.\"}\n{broken\n");
  const auto result = RunKg("build " + Quote(dir.Path("missing.txt")) + " " + Quote(empty) + " " +
                            Quote(invalid) + " " + Quote(binary) + " " + Quote(jsonl) + " " +
                            Quote(good) + " -o " + Quote(dir.Path("g.json")));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(dir.Path("missing.txt") + ": no such file or folder") != std::string::npos);
  CHECK(result.err.find(empty + ": empty document") != std::string::npos);
  CHECK(result.err.find(invalid + ": byte 4: invalid UTF-8") != std::string::npos);
  CHECK(result.err.find(binary + ": byte 0: binary data") != std::string::npos);
  CHECK(result.err.find(jsonl + ":2:2: malformed JSON") != std::string::npos);
  const std::string json = test::ReadText(dir.Path("g.json"));
  CHECK(json.find("\"emmanuel-macron\"") != std::string::npos);
  CHECK(json.find("\"hezbollah\"") != std::string::npos);
}

TEST_CASE("nothing readable means no output file and exit 3", "[cli]") {
  test::TempDir dir;
  const std::string empty = dir.Write("empty.txt", "");
  const auto result = RunKg("build " + Quote(empty) + " -o " + Quote(dir.Path("g.json")));
  CHECK(result.exit_code == 3);
  CHECK_FALSE(std::filesystem::exists(dir.Path("g.json")));
}

TEST_CASE("articles can come from standard input, as text or JSON Lines", "[cli]") {
  const auto text = RunKg("build - -q", "Hamas attacked Israel.");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("\"predicate\": \"attacked\"") != std::string::npos);
  const auto lines = RunKg("build - -q", "{\"id\":\"s1\",\"text\":\"Iran backed Hezbollah.\"}\n");
  REQUIRE(lines.exit_code == 0);
  CHECK(lines.out.find("\"id\": \"s1\"") != std::string::npos);
}

TEST_CASE("kg export turns a saved graph into DOT or identical JSON", "[cli]") {
  test::TempDir dir;
  REQUIRE(
      RunKg("build " + Quote(test::SourcePath("samples")) + " -q -o " + Quote(dir.Path("g.json")))
          .exit_code == 0);
  REQUIRE(RunKg("export " + Quote(dir.Path("g.json")) + " --format json -o " +
                Quote(dir.Path("h.json")))
              .exit_code == 0);
  CHECK(test::ReadText(dir.Path("g.json")) == test::ReadText(dir.Path("h.json")));
  const auto dot = RunKg("export " + Quote(dir.Path("g.json")) + " --format dot");
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.rfind("digraph kg {", 0) == 0);
  CHECK(dot.out.find("dir=none") != std::string::npos);
  const auto bad = RunKg("export " + Quote(dir.Path("g.json")) + " --format pdf");
  CHECK(bad.exit_code == 2);
  const auto broken = dir.Write("broken.json", "{\"nodes\": [");
  const auto unreadable = RunKg("export " + Quote(broken));
  CHECK(unreadable.exit_code == 3);
  CHECK(unreadable.err.find(broken + ":1:12: ") != std::string::npos);
}

TEST_CASE("kg stats counts types and predicates", "[cli]") {
  test::TempDir dir;
  REQUIRE(
      RunKg("build " + Quote(test::SourcePath("samples")) + " -q -o " + Quote(dir.Path("g.json")))
          .exit_code == 0);
  const auto stats = RunKg("stats " + Quote(dir.Path("g.json")) + " --top 3");
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.out.find("documents  19") != std::string::npos);
  CHECK(stats.out.find("\npredicates ") != std::string::npos);
  CHECK(stats.out.find(" symmetric)\n") != std::string::npos);
  CHECK(stats.out.find("PERSON") != std::string::npos);
  CHECK(stats.out.find("top entities") != std::string::npos);
}

TEST_CASE("every command documents itself and rejects unknown options", "[cli]") {
  const auto top = RunKg("--help");
  CHECK(top.exit_code == 0);
  for (const std::string command :
       {"build", "query", "neighbors", "path", "central", "components", "evidence", "render",
        "view", "export", "stats", "rules", "eval"}) {
    INFO(command);
    CHECK(top.out.find("  " + command + " ") != std::string::npos);
    const auto help = RunKg(command + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.rfind("usage: kg " + command, 0) == 0);
    CHECK(RunKg(command + " --bogus x").exit_code == 2);
  }
  CHECK(RunKg("frobnicate").exit_code == 2);
  CHECK(RunKg("build").exit_code == 2);
}

TEST_CASE("kg rules check validates a user pack and names the bad line", "[cli]") {
  test::TempDir dir;
  dir.Write("good/titles.tsv", "warlord\tleader_of\n");
  dir.Write("bad/relations.tsv", "# triggers\nsued\tX ~sue Y\n");
  const auto good = RunKg("rules check " + Quote(dir.Path("good")));
  CHECK(good.exit_code == 0);
  CHECK(good.out.find(": ok (") != std::string::npos);
  const auto bad = RunKg("rules check " + Quote(dir.Path("bad")));
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("relations.tsv:2: unknown predicate \"sued\"") != std::string::npos);
}

TEST_CASE("kg build --rules adds a predicate from a user pack", "[cli]") {
  test::TempDir dir;
  dir.Write("pack/predicates.tsv", "sued\tno\t*\t*\thostile\tfiled a lawsuit against\n");
  dir.Write("pack/relations.tsv", "sued\tX ~sue Y\n");
  const auto result = RunKg("build - -q --rules " + Quote(dir.Path("pack")),
                            "Acme Corporation sued Globex Corporation.");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("\"predicate\": \"sued\"") != std::string::npos);
}

}  // namespace
}  // namespace kg
