// Graph files in both formats: kg build and kg convert write the binary
// format, every command reads either, and damaged files are refused.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;

struct Files {
  test::TempDir dir;
  std::string json = dir.Path("samples.json");
  std::string kgb = dir.Path("samples.kgb");
  Files() {
    const auto built =
        RunKg("build " + Quote(test::SourcePath("samples")) + " -q -o " + Quote(json));
    if (built.exit_code != 0) throw std::runtime_error(built.err);
  }
};

Files& Samples() {
  static Files files;
  return files;
}

TEST_CASE("JSON -> binary -> JSON gives identical bytes", "[cli][image]") {
  Files& f = Samples();
  REQUIRE(RunKg("convert " + Quote(f.json) + " " + Quote(f.kgb)).exit_code == 0);
  const std::string back = f.dir.Path("back.json");
  REQUIRE(RunKg("convert " + Quote(f.kgb) + " " + Quote(back)).exit_code == 0);
  CHECK(test::ReadText(back) == test::ReadText(f.json));
  const auto to_stdout = RunKg("convert " + Quote(f.kgb) + " -");
  CHECK(to_stdout.out == test::ReadText(f.json));
  // kg build writes the same image as kg convert.
  const std::string built = f.dir.Path("built.kgb");
  REQUIRE(
      RunKg("build " + Quote(test::SourcePath("samples")) + " -q -o " + Quote(built)).exit_code ==
      0);
  CHECK(test::ReadText(built) == test::ReadText(f.kgb));
}

TEST_CASE("every command answers the same from either format", "[cli][image]") {
  Files& f = Samples();
  REQUIRE(RunKg("convert " + Quote(f.json) + " " + Quote(f.kgb)).exit_code == 0);
  const std::vector<std::string> commands = {
      "query GRAPH 'MATCH (a:PERSON)-[r:pressed]->(b) RETURN a, r, b' --format json",
      "neighbors GRAPH Netanyahu --hops 2",
      "path GRAPH Burns Haniyeh --all",
      "central GRAPH --by pagerank --top 5",
      "components GRAPH",
      "evidence GRAPH Biden pressed Netanyahu",
      "stats GRAPH",
      "export GRAPH --format graphml",
      "export GRAPH --format json --focus Netanyahu --hops 1",
  };
  for (const std::string& command : commands) {
    INFO(command);
    const auto at = command.find("GRAPH");
    const auto from_json = RunKg(command.substr(0, at) + Quote(f.json) + command.substr(at + 5));
    const auto from_kgb = RunKg(command.substr(0, at) + Quote(f.kgb) + command.substr(at + 5));
    CHECK(from_json.exit_code == 0);
    CHECK(from_kgb.exit_code == 0);
    CHECK(from_kgb.out == from_json.out);
    CHECK(!from_json.out.empty());
  }
  // Standard input too.
  const auto piped = RunKg("stats - < " + Quote(f.kgb));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == RunKg("stats " + Quote(f.json)).out);
}

TEST_CASE("truncated and damaged binary graphs are refused with exit 3", "[cli][image]") {
  Files& f = Samples();
  REQUIRE(RunKg("convert " + Quote(f.json) + " " + Quote(f.kgb)).exit_code == 0);
  const std::string bytes = test::ReadText(f.kgb);
  const std::string cut = f.dir.Write("cut.kgb", bytes.substr(0, 4000));
  auto result = RunKg("query " + Quote(cut) + " 'MATCH (a) RETURN count(*)'");
  CHECK(result.exit_code == 3);
  CHECK(result.err ==
        "kg: " + cut + ": truncated (4000 of " + std::to_string(bytes.size()) + " bytes)\n");
  std::string changed = bytes;
  changed[bytes.size() / 2] = static_cast<char>(changed[bytes.size() / 2] ^ 1);
  const std::string damaged = f.dir.Write("damaged.kgb", changed);
  result = RunKg("stats " + Quote(damaged));
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("checksum mismatch: the file is damaged") != std::string::npos);
  const std::string empty = f.dir.Write("empty.kgb", "");
  result = RunKg("convert " + Quote(empty) + " " + Quote(f.dir.Path("x.json")));
  CHECK(result.exit_code == 3);
}

}  // namespace
}  // namespace kg
