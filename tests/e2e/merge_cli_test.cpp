// End-to-end tests of kg extract and kg merge: map and reduce in separate
// processes give what kg build gives.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;
using test::RunShell;

// The samples as JSON Lines with ids, in three parts; returns the folder.
std::string SampleParts(const test::TempDir& dir) {
  const auto made = RunShell(
      "/usr/bin/python3 -c " +
      Quote("import json,os,sys\n"
            "src, out = sys.argv[1], sys.argv[2]\n"
            "names = sorted(n for n in os.listdir(src) if n.endswith('.txt'))\n"
            "parts = [open(os.path.join(out, 'part%d.jsonl' % k), 'w') for k in range(3)]\n"
            "for i, n in enumerate(names):\n"
            "    text = open(os.path.join(src, n), encoding='utf-8').read()\n"
            "    line = json.dumps({'id': 'art-%d' % (i + 1), 'title': n, 'text': text})\n"
            "    parts[i * 7 % 3].write(line + '\\n')\n") +
      " " + Quote(test::SourcePath("samples")) + " " + Quote(dir.Path("")));
  REQUIRE(made.exit_code == 0);
  return dir.Path("");
}

std::string Parts(const std::string& folder) {
  return Quote(folder + "part0.jsonl") + " " + Quote(folder + "part1.jsonl") + " " +
         Quote(folder + "part2.jsonl");
}

TEST_CASE("kg extract | sort | kg merge writes what kg build writes", "[cli][merge]") {
  test::TempDir dir;
  const std::string samples = Quote(test::SourcePath("samples"));
  REQUIRE(RunKg("build " + samples + " -q -o " + Quote(dir.Path("built.json"))).exit_code == 0);
  const auto piped =
      RunShell(Quote(KG_BINARY) + " extract " + samples + " -q | sort | " + Quote(KG_BINARY) +
               " merge - -q -o " + Quote(dir.Path("merged.json")));
  INFO(piped.err);
  REQUIRE(piped.exit_code == 0);
  const std::string built = test::ReadText(dir.Path("built.json"));
  CHECK(test::ReadText(dir.Path("merged.json")) == built);
  // One fragment line per article, after the vocabulary.
  const auto lines = RunShell(Quote(KG_BINARY) + " extract " + samples + " -q | wc -l");
  CHECK(std::stoi(lines.out) == 20);
}

TEST_CASE("partitions extracted apart and merged in any grouping give the same graph",
          "[cli][merge]") {
  test::TempDir dir;
  const std::string folder = SampleParts(dir);
  const std::string all = folder + "all.json";
  REQUIRE(RunKg("build " + Parts(folder) + " -q -o " + Quote(all)).exit_code == 0);
  for (int k = 0; k < 3; ++k) {
    const std::string part = folder + "part" + std::to_string(k);
    REQUIRE(
        RunKg("extract " + Quote(part + ".jsonl") + " -q -o " + Quote(part + ".frag")).exit_code ==
        0);
  }
  const std::string expected = test::ReadText(all);
  // Two parts to a partial, then the partial with the third, in reverse.
  REQUIRE(RunKg("merge --partial -q " + Quote(folder + "part2.frag") + " " +
                Quote(folder + "part0.frag") + " -o " + Quote(folder + "p.frag"))
              .exit_code == 0);
  REQUIRE(RunKg("merge -q " + Quote(folder + "part1.frag") + " " + Quote(folder + "p.frag") +
                " -o " + Quote(folder + "a.json"))
              .exit_code == 0);
  CHECK(test::ReadText(folder + "a.json") == expected);
  // Everything shuffled into one stream.
  const auto shuffled = RunShell("cat " + Quote(folder) + "part*.frag | shuf | " +
                                 Quote(KG_BINARY) + " merge - -q -o " + Quote(folder + "b.json"));
  REQUIRE(shuffled.exit_code == 0);
  CHECK(test::ReadText(folder + "b.json") == expected);
}

TEST_CASE("kg merge grows a graph file with its ids, and skips articles it has", "[cli][merge]") {
  test::TempDir dir;
  const std::string folder = SampleParts(dir);
  const std::string graph = folder + "g.json";
  REQUIRE(RunKg("build " + Quote(folder + "part0.jsonl") + " -q -o " + Quote(graph)).exit_code ==
          0);
  const std::string before = test::ReadText(graph);
  REQUIRE(RunKg("extract " + Quote(folder + "part1.jsonl") + " " + Quote(folder + "part2.jsonl") +
                " -q -o " + Quote(folder + "new.frag"))
              .exit_code == 0);
  const auto grown =
      RunKg("merge " + Quote(graph) + " " + Quote(folder + "new.frag") + " -o " + Quote(graph));
  INFO(grown.err);
  REQUIRE(grown.exit_code == 0);
  CHECK(grown.err.find("19 documents") != std::string::npos);
  // Every id of the first graph is still there, for the same entity.
  const auto same =
      RunShell("/usr/bin/python3 -c " +
               Quote("import json,sys\n"
                     "a = {n['id']: n['label'] for n in json.loads(sys.argv[1])['nodes']}\n"
                     "b = {n['id']: n['label'] for n in json.load(open(sys.argv[2]))['nodes']}\n"
                     "lost = [i for i in a if b.get(i) != a[i]]\n"
                     "assert not lost, lost\n") +
               " " + Quote(before) + " " + Quote(graph));
  INFO(same.err);
  CHECK(same.exit_code == 0);
  // Merging the same articles again changes nothing.
  const std::string after = test::ReadText(graph);
  REQUIRE(
      RunKg("merge -q " + Quote(graph) + " " + Quote(folder + "new.frag") + " -o " + Quote(graph))
          .exit_code == 0);
  CHECK(test::ReadText(graph) == after);
}

TEST_CASE("a merge that cannot finish leaves the old graph file as it was", "[cli][merge]") {
  test::TempDir dir;
  const std::string graph = dir.Path("g.json");
  REQUIRE(
      RunKg("build - -q -o " + Quote(graph), "{\"id\":\"a1\",\"text\":\"Iran backed Hamas.\"}\n")
          .exit_code == 0);
  const std::string before = test::ReadText(graph);
  // The same id with another text: which article to keep would depend on
  // the order of the inputs, so the merge stops.
  const std::string other = dir.Path("other.frag");
  REQUIRE(RunKg("extract - -q -o " + Quote(other),
                "{\"id\":\"a1\",\"text\":\"Qatar hosted Hamas leaders.\"}\n")
              .exit_code == 0);
  const auto clash = RunKg("merge " + Quote(graph) + " " + Quote(other) + " -o " + Quote(graph));
  CHECK(clash.exit_code == 3);
  CHECK(clash.err.find(other + ":2: documents[0]: document id \"a1\" was merged before") !=
        std::string::npos);
  CHECK(test::ReadText(graph) == before);
  // A broken line is reported and skipped; the rest is merged (exit 1).
  const std::string broken = dir.Write("broken.frag", "{\"schema\":\"kg-fragment/1\",\"entit\n");
  const auto skipped = RunKg("merge " + Quote(graph) + " " + Quote(broken));
  CHECK(skipped.exit_code == 1);
  CHECK(skipped.err.find(broken + ":1: column") != std::string::npos);
  CHECK(skipped.out == before);
}

}  // namespace
}  // namespace kg
