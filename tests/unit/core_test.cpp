#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "core/concurrently.h"
#include "core/document.h"
#include "core/file_io.h"
#include "core/huge_pages.h"
#include "core/predicates.h"
#include "core/sha256.h"
#include "core/text.h"
#include "core/utf8.h"
#include "tests/test_support.h"

namespace kg {
namespace {

TEST_CASE("valid UTF-8 passes and the first bad byte is located", "[core]") {
  CHECK_FALSE(utf8::FindInvalid("plain ASCII").has_value());
  CHECK_FALSE(utf8::FindInvalid("Zitácuaro — “quoted” 北京 😀").has_value());
  CHECK(utf8::FindInvalid("abc\xff").value() == 3);
  CHECK(utf8::FindInvalid("ab\xc3").value() == 2);            // truncated sequence
  CHECK(utf8::FindInvalid("\xc0\xaf").value() == 0);          // overlong
  CHECK(utf8::FindInvalid("x\xed\xa0\x80").value() == 1);     // surrogate
  CHECK(utf8::FindInvalid("\xf4\x90\x80\x80").value() == 0);  // past U+10FFFF
}

TEST_CASE("control bytes mark binary data, but tabs and newlines do not", "[core]") {
  CHECK_FALSE(utf8::FindBinary("line one\n\tline two\r\n").has_value());
  CHECK(utf8::FindBinary(std::string("ab\0cd", 5)).value() == 2);
  CHECK(utf8::FindBinary("\x01\x02").value() == 0);
}

TEST_CASE("a bad byte is found wherever it stands in an eight-byte word", "[core]") {
  // The scans skip clean ASCII eight bytes at a time: a bad byte at every
  // offset, after a line break in the same word or not, is still found.
  for (size_t offset = 0; offset < 24; ++offset) {
    for (const bool newline_before : {false, true}) {
      std::string text(offset, 'a');
      if (newline_before && offset > 0) text[offset - 1] = '\n';
      const std::string tail = " and more text after it";
      CAPTURE(offset, newline_before);
      CHECK(utf8::FindInvalid(text + "\xff" + tail) == offset);
      CHECK(utf8::FindInvalid(text + "\xc3(" + tail) == offset);  // a lead without its tail
      CHECK(utf8::FindBinary(text + std::string(1, '\0') + tail) == offset);
      CHECK(utf8::FindBinary(text + "\x7f" + tail) == offset);
      CHECK(utf8::FindBinary(text + "\x1f" + tail) == offset);
      CHECK_FALSE(utf8::FindInvalid(text + "\xc3\xa9\xe5\x8c\x97" + tail).has_value());
      CHECK_FALSE(utf8::FindBinary(text + "\t\r\f\xc3\xa9\x7e" + tail).has_value());
    }
  }
}

TEST_CASE("SHA-256 matches the FIPS test vectors", "[core]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("slugs are stable, lowercase and never empty", "[core]") {
  CHECK(Slugify("Benjamin Netanyahu") == "benjamin-netanyahu");
  CHECK(Slugify("U.S. Congress") == "us-congress");
  CHECK(Slugify("O’Brien") == Slugify("O'Brien"));
  CHECK(Slugify("Héctor Olvera") == "héctor-olvera");
  CHECK(Slugify("!!!") == "entity");
}

TEST_CASE("an ASCII label's slug is what the Unicode path makes of it", "[core]") {
  // A trailing "é" sends the label down the decoding path; it is kept, so
  // it only adds itself to the slug of the ASCII part.
  for (int c = 1; c < 128; ++c) {
    const std::string label = std::string("Ab") + static_cast<char>(c) + "Cd";
    INFO("character " << c);
    CHECK(Slugify(label + "\u00e9") == Slugify(label) + "\u00e9");
  }
  CHECK(Slugify("U.S.-Iran  2nd O'Neill") == "us-iran-2nd-oneill");
}

TEST_CASE("folded names ignore case, periods, possessives and punctuation", "[core]") {
  CHECK(FoldName("U.S.") == "us");
  CHECK(FoldName("Hamas’s") == "hamas");
  CHECK(FoldName("  Al-Qaeda ") == "al qaeda");
}

TEST_CASE("ASCII names fold as the Unicode path folds them", "[core]") {
  // ASCII names take a path of their own. A leading no-break space sends
  // a name down the Unicode path and changes nothing else there, so the
  // two must agree on every ASCII string.
  std::mt19937 random(7);
  const std::string alphabet = "aZz09 .'-s_\t(&,\x01";
  for (int round = 0; round < 3000; ++round) {
    std::string name;
    const size_t length = random() % 12;
    for (size_t k = 0; k < length; ++k) name.push_back(alphabet[random() % alphabet.size()]);
    if (random() % 4 == 0) name += "'s";
    CAPTURE(name);
    CHECK(FoldName(name) == FoldName("\u00A0" + name));
  }
}

TEST_CASE("a document is rejected with the byte offset of the problem", "[core]") {
  auto bad = MakeDocument("d1", "a.txt", "", "ok then \xff");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "byte 8: invalid UTF-8");
  auto empty = MakeDocument("d1", "a.txt", "", " \n\t ");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "empty document");
  auto good = MakeDocument("d1", "a.txt", "", "\n  First line  \nBody.");
  REQUIRE(good.ok());
  CHECK(good->title == "First line");
  CHECK(good->sha256 == Sha256Hex("\n  First line  \nBody."));
}

TEST_CASE("atomic writes replace the file and leave no temporary behind", "[core]") {
  test::TempDir dir;
  const std::string path = dir.Path("out.json");
  REQUIRE(WriteFileAtomically(path, "first").ok());
  REQUIRE(WriteFileAtomically(path, "second").ok());
  CHECK(test::ReadText(path) == "second");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.Path("")), {}) == 1);
  CHECK_FALSE(WriteFileAtomically(dir.Path("missing/out.json"), "x").ok());
}

TEST_CASE("a file written in pieces appears whole on commit, or not at all", "[core]") {
  test::TempDir dir;
  const std::string path = dir.Path("out.json");
  REQUIRE(WriteFileAtomically(path, "old").ok());
  const auto files_in_folder = [&] {
    return std::distance(std::filesystem::directory_iterator(dir.Path("")), {});
  };
  {
    auto file = AtomicFile::Open(path);
    REQUIRE(file.ok());
    file->Append("half ");
    CHECK(test::ReadText(path) == "old");
    // Destroyed without a commit (an error or exception while writing).
  }
  CHECK(test::ReadText(path) == "old");
  CHECK(files_in_folder() == 1);

  auto file = AtomicFile::Open(path);
  REQUIRE(file.ok());
  for (const char* piece : {"one ", "", "two ", "three"}) file->Append(piece);
  CHECK(test::ReadText(path) == "old");
  REQUIRE(file->Commit().ok());
  CHECK(test::ReadText(path) == "one two three");
  CHECK(files_in_folder() == 1);
  CHECK_FALSE(file->Commit().ok());

  const auto missing = AtomicFile::Open(dir.Path("missing/out.json"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("does not exist") != std::string::npos);
}

TEST_CASE("two jobs run concurrently, and a failure in either reaches the caller", "[core]") {
  for (const bool parallel : {false, true}) {
    int beside = 0;
    int here = 0;
    RunConcurrently(
        parallel, [&] { beside = 1; }, [&] { here = 2; });
    CHECK(beside + here == 3);
    CHECK_THROWS_WITH(RunConcurrently(
                          parallel, [] { throw std::runtime_error("beside"); }, [] {}),
                      "beside");
    bool beside_ran = false;
    CHECK_THROWS_WITH(
        RunConcurrently(
            parallel, [&] { beside_ran = true; }, [] { throw std::runtime_error("here"); }),
        "here");
    CHECK(beside_ran);  // joined before the failure is thrown on
  }
}

TEST_CASE("a sort on two threads orders as one does", "[core]") {
  std::mt19937 random(7);
  for (const size_t count : {size_t{0}, size_t{10}, size_t{50'001}}) {
    std::vector<uint64_t> items(count);
    for (uint64_t& item : items) item = random();  // 64-bit: no repeats
    std::vector<uint64_t> expected = items;
    std::sort(expected.begin(), expected.end(), std::greater<>());
    SortConcurrently(true, items.begin(), items.end(), std::greater<>());
    CHECK(items == expected);
  }
}

TEST_CASE("huge-page tables hold their values, large blocks aligned to a huge page", "[core]") {
  HugePageVector<int16_t> large(kHugePageBytes / sizeof(int16_t) + 3, 7);
  CHECK(reinterpret_cast<uintptr_t>(large.data()) % kHugePageBytes == 0);
  large.resize(large.size() * 2, 9);  // reallocates: copies, then frees the old block
  CHECK(large.front() == 7);
  CHECK(large.back() == 9);
  HugePageVector<int16_t> small(10, 5);
  small.shrink_to_fit();
  CHECK(std::count(small.begin(), small.end(), int16_t{5}) == 10);
  large.clear();
  large.shrink_to_fit();
  CHECK(large.capacity() == 0);
}

TEST_CASE("reading a missing file or a folder says so", "[core]") {
  test::TempDir dir;
  CHECK(ReadFile(dir.Path("nope.txt"), 100).status().message() ==
        dir.Path("nope.txt") + ": no such file");
  CHECK(ReadFile(dir.Path(""), 100).status().message().find("is a directory") != std::string::npos);
  const std::string big = dir.Write("big.txt", std::string(200, 'x'));
  CHECK(ReadFile(big, 100).status().message().find("file too large") != std::string::npos);
}

Predicate MakePredicate(const std::string& name, bool symmetric, PredicateKind kind) {
  Predicate predicate;
  predicate.name = name;
  predicate.symmetric = symmetric;
  predicate.kind = kind;
  return predicate;
}

TEST_CASE("a predicate table is the same whatever order it was filled in", "[core]") {
  const Predicate met = MakePredicate("met_with", true, PredicateKind::kCooperative);
  const Predicate pressed = MakePredicate("pressed", false, PredicateKind::kPressure);
  const Predicate allied = MakePredicate("allied_with", true, PredicateKind::kCooperative);
  PredicateTable one;
  REQUIRE(one.Add(pressed).ok());
  REQUIRE(one.Add(met).ok());
  PredicateTable two;
  REQUIRE(two.Add(allied).ok());
  REQUIRE(two.Add(met).ok());
  PredicateTable left = one;
  REQUIRE(left.Merge(two).ok());
  PredicateTable right = two;
  REQUIRE(right.Merge(one).ok());
  CHECK(left == right);
  CHECK(left.NameList() == "allied_with, met_with, pressed");
  CHECK(left.IsSymmetric("allied_with"));
  CHECK_FALSE(left.IsSymmetric("pressed"));
  CHECK_FALSE(left.IsSymmetric("unknown"));
  CHECK(left.KindOf("pressed") == PredicateKind::kPressure);
  CHECK(left.Find("unknown") == nullptr);
}

TEST_CASE("two definitions of one predicate are refused and leave the table as it was", "[core]") {
  PredicateTable table;
  REQUIRE(table.Add(MakePredicate("met_with", true, PredicateKind::kCooperative)).ok());
  const Status clash = table.Add(MakePredicate("met_with", false, PredicateKind::kCooperative));
  REQUIRE_FALSE(clash.ok());
  CHECK(clash.message() ==
        "predicate \"met_with\" has two different definitions: symmetric, * -> *, cooperative "
        "and directed, * -> *, cooperative");
  PredicateTable other;
  REQUIRE(other.Add(MakePredicate("allied_with", true, PredicateKind::kNeutral)).ok());
  REQUIRE(other.Add(MakePredicate("met_with", false, PredicateKind::kNeutral)).ok());
  CHECK_FALSE(table.Merge(other).ok());
  CHECK(table.NameList() == "met_with");
  CHECK(table.IsSymmetric("met_with"));
  CHECK(ParsePredicateKind("hostile") == PredicateKind::kHostile);
  CHECK_FALSE(ParsePredicateKind("friendly").has_value());
}

}  // namespace
}  // namespace kg
