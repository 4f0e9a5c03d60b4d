// The per-sentence memo NameScan keeps its lookups in.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/sentence_memo.h"

namespace kg {
namespace {

TEST_CASE("a sentence memo forgets every answer when the next sentence starts", "[extract][memo]") {
  SentenceMemo<std::vector<int>> memo;
  memo.Reset(3);
  CHECK(memo.Find(0) == nullptr);
  const std::vector<int>& stored = memo.Set(1, {4, 5});
  memo.Set(2, {6});
  CHECK(&stored == memo.Find(1));  // still there after another Set
  REQUIRE(memo.Find(1) != nullptr);
  CHECK(*memo.Find(1) == std::vector<int>{4, 5});
  CHECK(memo.Find(0) == nullptr);
  // A longer sentence: nothing of the last one is known, old slots or new.
  memo.Reset(5);
  for (size_t k = 0; k < 5; ++k) CHECK(memo.Find(k) == nullptr);
  memo.Set(4, {});
  CHECK(memo.Find(4) != nullptr);
  // A shorter one after it forgets as well.
  memo.Reset(2);
  CHECK(memo.Find(1) == nullptr);
}

TEST_CASE("a sentence memo stays right over many sentences", "[extract][memo]") {
  SentenceMemo<std::string> memo;
  for (int sentence = 0; sentence < 1000; ++sentence) {
    memo.Reset(4);
    const size_t k = static_cast<size_t>(sentence % 4);
    CHECK(memo.Find(k) == nullptr);
    memo.Set(k, std::to_string(sentence));
    CHECK(*memo.Find(k) == std::to_string(sentence));
    CHECK(memo.Find((k + 1) % 4) == nullptr);
  }
}

}  // namespace
}  // namespace kg
