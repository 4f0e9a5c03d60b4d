#include <sstream>

#include <catch2/catch.hpp>

#include "ingest/document_reader.h"
#include "ingest/line_reader.h"
#include "tests/test_support.h"

namespace kg {
namespace {

struct Collected {
  std::vector<Document> documents;
  std::vector<std::string> errors;
  size_t problems = 0;
};

Collected Read(const std::vector<std::string>& inputs, ReadOptions options = {}) {
  Collected out;
  DocumentReader reader(
      options, [&](Document d) { out.documents.push_back(std::move(d)); },
      [&](const std::string& e) { out.errors.push_back(e); });
  out.problems = reader.ReadAll(inputs);
  return out;
}

TEST_CASE("lines are read across chunks, too long ones flagged, and the rest taken whole",
          "[ingest]") {
  // Longer than one 64 KiB chunk, so lines and the rest straddle chunks.
  const std::string long_line(100'000, 'x');
  std::istringstream in("first\r\n" + long_line + "\nshort\n" + long_line +
                        "\n{\n  \"rest\": 1\n}");
  LineReader lines(in, 50'000);
  std::string line;
  size_t length = 0;
  bool too_long = false;
  REQUIRE(lines.Next(&line, &length, &too_long));
  CHECK(line == "first\r");
  REQUIRE(lines.Next(&line, &length, &too_long));
  CHECK((too_long && line.empty() && length == long_line.size()));
  REQUIRE(lines.Next(&line, &length, &too_long));
  CHECK((!too_long && line == "short"));
  std::string rest = "start:";
  lines.ReadRest(&rest);
  CHECK(rest == "start:" + long_line + "\n{\n  \"rest\": 1\n}");
  CHECK_FALSE(lines.Next(&line, &length, &too_long));
  CHECK_FALSE(lines.failed());
}

TEST_CASE("JSON Lines give one document per line with its id and title", "[ingest]") {
  test::TempDir dir;
  const std::string path = dir.Write("a.jsonl",
                                     "{\"id\":\"x1\",\"title\":\"T\",\"text\":\"Body "
                                     "one.\"}\n\n{\"id\":7,\"text\":\"Body two.\"}\n");
  const Collected got = Read({path});
  REQUIRE(got.documents.size() == 2);
  CHECK(got.errors.empty());
  CHECK(got.documents[0].id == "x1");
  CHECK(got.documents[0].title == "T");
  CHECK(got.documents[0].path == path + ":1");
  CHECK(got.documents[1].id == "7");
  CHECK(got.documents[1].title == "Body two.");
}

TEST_CASE("a malformed JSON line is reported and the rest still read", "[ingest]") {
  test::TempDir dir;
  const std::string path = dir.Write(
      "a.jsonl",
      "{\"text\":\"Good one.\"}\n{\"text\": oops}\n{\"id\":\"q\"}\n{\"text\":\"Good two.\"}\n");
  const Collected got = Read({path});
  CHECK(got.documents.size() == 2);
  REQUIRE(got.errors.size() == 2);
  CHECK(got.errors[0].rfind(path + ":2:10: malformed JSON", 0) == 0);
  CHECK(got.errors[1] == path + ":3:1: missing string field \"text\"");
}

TEST_CASE("bad files are reported with their problem and position", "[ingest]") {
  test::TempDir dir;
  const std::string good = dir.Write("good.txt", "Hamas attacked Israel.");
  const std::string empty = dir.Write("empty.txt", "");
  const std::string invalid = dir.Write("bad.txt", "Caf\xc3 au lait");
  const std::string binary = dir.Write("bin.txt", std::string("\x7f"
                                                              "ELF\0\0\0",
                                                              7));
  const Collected got = Read({dir.Path("missing.txt"), empty, invalid, binary, good});
  REQUIRE(got.documents.size() == 1);
  CHECK(got.documents[0].path == good);
  REQUIRE(got.errors.size() == 4);
  CHECK(got.errors[0] == dir.Path("missing.txt") + ": no such file or folder");
  CHECK(got.errors[1] == empty + ": empty document");
  CHECK(got.errors[2] == invalid + ": byte 3: invalid UTF-8");
  CHECK(got.errors[3] == binary + ": byte 0: binary data (control byte 127)");
  CHECK(got.problems == 4);
}

TEST_CASE("folders are read recursively in sorted order, other files ignored", "[ingest]") {
  test::TempDir dir;
  dir.Write("in/b.txt", "Second.");
  dir.Write("in/a/z.txt", "First.");
  dir.Write("in/gold/x.json", "{}");
  dir.Write("in/.hidden/h.txt", "Hidden.");
  const Collected got = Read({dir.Path("in")});
  REQUIRE(got.documents.size() == 2);
  CHECK(got.documents[0].text == "First.");
  CHECK(got.documents[1].text == "Second.");
  CHECK(got.documents[0].id == "d1");
  CHECK(got.documents[1].id == "d2");
}

TEST_CASE("oversized articles are refused, not loaded", "[ingest]") {
  test::TempDir dir;
  const std::string big = dir.Write("big.txt", std::string(5000, 'a'));
  ReadOptions options;
  options.max_document_bytes = 1000;
  const Collected got = Read({big}, options);
  CHECK(got.documents.empty());
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].find("file too large") != std::string::npos);
}

TEST_CASE("duplicate ids in JSON Lines are made unique", "[ingest]") {
  test::TempDir dir;
  const std::string path =
      dir.Write("a.jsonl", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n");
  const Collected got = Read({path});
  REQUIRE(got.documents.size() == 2);
  CHECK(got.documents[1].id == "a-2");
}

}  // namespace
}  // namespace kg
