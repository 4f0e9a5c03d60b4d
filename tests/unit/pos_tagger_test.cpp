#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "extract/pos/features.h"
#include "extract/pos/score_kernel.h"
#include "extract/pos/tagger.h"

namespace kg::pos {
namespace {

// Splits on spaces: the test sentences are written pre-tokenized, the way
// kg's tokenizer cuts them ("did n't", "Hamas 's").
std::vector<std::string_view> Words(std::string_view sentence) {
  std::vector<std::string_view> words;
  for (size_t at = 0; at < sentence.size();) {
    size_t space = sentence.find(' ', at);
    if (space == std::string_view::npos) space = sentence.size();
    if (space > at) words.push_back(sentence.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

std::vector<std::string> Xpos(std::string_view sentence) {
  const auto words = Words(sentence);
  std::vector<PosTag> tags(words.size());
  TaggerScratch scratch;
  Tagger::Default().Tag(words, tags, scratch);
  std::vector<std::string> out;
  for (const PosTag& tag : tags) out.emplace_back(XposName(tag.xpos));
  return out;
}

std::vector<std::string> Upos(std::string_view sentence) {
  const auto words = Words(sentence);
  std::vector<PosTag> tags(words.size());
  TaggerScratch scratch;
  Tagger::Default().Tag(words, tags, scratch);
  std::vector<std::string> out;
  for (const PosTag& tag : tags) out.emplace_back(UposName(tag.upos));
  return out;
}

using Tags = std::vector<std::string>;

bool IsProperNounTag(const PosTag& tag) {
  return tag.xpos == Xpos::kNnp || tag.xpos == Xpos::kNnps;
}

TEST_CASE("the built-in model loads with its classes and vocabulary", "[pos]") {
  const Tagger& tagger = Tagger::Default();
  CHECK(tagger.classes().size() >= 40);
  CHECK(tagger.vocabulary_size() > 5000);
  CHECK(tagger.Knows("the"));
  CHECK_FALSE(tagger.Knows("Zyxquorbatian"));
}

TEST_CASE("a plain news sentence gets its Penn Treebank and universal tags", "[pos]") {
  CHECK(Xpos("The minister visited Paris on Tuesday .") ==
        Tags{"DT", "NN", "VBD", "NNP", "IN", "NNP", "."});
  CHECK(Upos("The minister visited Paris on Tuesday .") ==
        Tags{"DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"});
}

TEST_CASE("participles, infinitives and auxiliaries are told apart", "[pos]") {
  CHECK(Xpos("The talks were held in Cairo .") ==
        Tags{"DT", "NNS", "VBD", "VBN", "IN", "NNP", "."});
  CHECK(Upos("The talks were held in Cairo .")[2] == "AUX");
  CHECK(Xpos("She wants to meet the president .") ==
        Tags{"PRP", "VBZ", "TO", "VB", "DT", "NN", "."});
  CHECK(Xpos("Rebels are attacking the town .") == Tags{"NNS", "VBP", "VBG", "DT", "NN", "."});
  CHECK(Upos("He has signed the deal .") == Tags{"PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"});
}

TEST_CASE("possessives and negations as kg tokenizes them", "[pos]") {
  CHECK(Xpos("The party 's leader did n't resign .") ==
        Tags{"DT", "NN", "POS", "NN", "VBD", "RB", "VB", "."});
  CHECK(Upos("The party 's leader did n't resign .")[2] == "PART");
  // Typographic apostrophes and quotes tag like their ASCII forms.
  CHECK(Xpos("The party ’s leader did n’t resign .") ==
        Xpos("The party 's leader did n't resign ."));
  CHECK(Xpos("He said “ no ” .") == Xpos("He said \" no \" ."));
}

TEST_CASE("hyphenated words split by the tokenizer keep sensible tags", "[pos]") {
  const Tags tags = Xpos("A Qatar - based company bought the plant .");
  REQUIRE(tags.size() == 9);
  CHECK(tags[1] == "NNP");
  CHECK(tags[2] == "HYPH");
  CHECK(tags[3] == "VBN");
}

TEST_CASE("the unknown-word cache never changes a tag", "[pos]") {
  const auto first = Words("Veltrovian troops shelled Marzipol overnight .");
  const auto second = Words("Marzipol officials blamed Veltrovian commanders for the shelling .");
  std::vector<PosTag> fresh1(first.size()), fresh2(second.size());
  {
    TaggerScratch scratch;
    Tagger::Default().Tag(first, fresh1, scratch);
  }
  {
    TaggerScratch scratch;
    Tagger::Default().Tag(second, fresh2, scratch);
  }
  TaggerScratch reused;
  for (int round = 0; round < 3; ++round) {
    std::vector<PosTag> again1(first.size()), again2(second.size());
    Tagger::Default().Tag(first, again1, reused);
    Tagger::Default().Tag(second, again2, reused);
    CHECK(again1 == fresh1);
    CHECK(again2 == fresh2);
  }
  CHECK(fresh1[0].xpos == Xpos::kJj);
  CHECK(fresh1[3].xpos == Xpos::kNnp);
}

TEST_CASE("a sentence of more unknown words than cache slots tags the same with any scratch",
          "[pos]") {
  // 10,000 distinct made-up words in one sentence: many share a cache slot
  // with an earlier word of the same sentence, so their rows go to spare
  // rows, which must not move while earlier ones are in use (under the
  // sanitizer build a moved row is a use after free).
  std::vector<std::string> storage;
  storage.reserve(10000);
  for (int i = 0; i < 10000; ++i) {
    std::string word = "Zorv";  // letters only: digits would fold to one shape
    for (int n = i; n > 0; n /= 26) word.push_back(static_cast<char>('a' + n % 26));
    storage.push_back(word + "ek");
  }
  std::vector<std::string_view> words(storage.begin(), storage.end());
  std::vector<PosTag> tags(words.size());
  TaggerScratch scratch;
  Tagger::Default().Tag(words, tags, scratch);
  // Again with the filled cache, and with a fresh scratch: the same tags.
  std::vector<PosTag> cached(words.size()), fresh(words.size());
  Tagger::Default().Tag(words, cached, scratch);
  TaggerScratch other;
  Tagger::Default().Tag(words, fresh, other);
  CHECK(cached == tags);
  CHECK(fresh == tags);
  CHECK(IsProperNounTag(tags[5000]));
}

TEST_CASE("threads share one tagger, each with its own scratch", "[pos]") {
  const auto words = Words("The court in Ankara sentenced two journalists on Friday .");
  std::vector<PosTag> expected(words.size());
  TaggerScratch scratch;
  Tagger::Default().Tag(words, expected, scratch);
  std::vector<std::vector<PosTag>> results(4, std::vector<PosTag>(words.size()));
  std::vector<std::thread> threads;
  for (auto& result : results)
    threads.emplace_back([&words, &result] {
      TaggerScratch own;
      for (int i = 0; i < 200; ++i) Tagger::Default().Tag(words, result, own);
    });
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == expected);
}

TEST_CASE("empty sentences, junk bytes and huge words are tagged without harm", "[pos]") {
  TaggerScratch scratch;
  std::vector<PosTag> none;
  Tagger::Default().Tag({}, none, scratch);
  const std::string huge(100000, 'x');
  const std::string junk = "\xff\xfe\xc3";  // invalid and truncated UTF-8
  const std::vector<std::string_view> words = {huge, junk, "\xe2\x80", "", "ok"};
  std::vector<PosTag> tags(words.size());
  Tagger::Default().Tag(words, tags, scratch);
  CHECK(tags.size() == words.size());
}

TEST_CASE("the vocabulary key matches the full word analysis", "[pos]") {
  for (const std::string_view word : {"Paris", "U.S.", "didn’t", "“", "—", "1,234.5", "Zitácuaro",
                                      "ÉCOLE", "\xff", "a\xe2\x80", "Москва", "…", ""}) {
    WordForm form;
    AnalyzeWord(word, nullptr, &form);
    CHECK(SurfaceKey(word) == form.surface_hash);
  }
  WordForm curly, straight;
  AnalyzeWord("’s", nullptr, &curly);
  AnalyzeWord("'s", nullptr, &straight);
  CHECK(curly.surface_hash == straight.surface_hash);
  CHECK(curly.Lower() == "'s");
}

TEST_CASE("a sentence's pair keys are the ones training makes word by word", "[pos]") {
  const std::vector<uint64_t> lower = {11, 22, 33, 44};
  for (size_t n = 1; n <= lower.size(); ++n) {
    std::vector<uint64_t> keys(2 * n);
    SentencePairKeys({lower.data(), n}, keys.data());
    for (size_t i = 0; i < n; ++i) {
      const uint64_t before = i == 0 ? BoundaryLowerHash(true) : lower[i - 1];
      const uint64_t after = i + 1 == n ? BoundaryLowerHash(false) : lower[i + 1];
      CHECK(keys[2 * i] == LeftPairKey(before, lower[i]));
      CHECK(keys[2 * i + 1] == RightPairKey(lower[i], after));
    }
  }
}

// Pseudo-random int16 weights (a linear congruential generator), the same
// on every run.
auto RandomWeights(uint64_t seed) {
  return [state = seed]() mutable {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int16_t>(state >> 48);
  };
}

TEST_CASE("the SSE2 score kernel agrees with the portable one", "[pos]") {
  auto next = RandomWeights(12345);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t lanes = 8 * static_cast<size_t>(1 + trial % 9);
    std::vector<std::vector<int16_t>> rows(kSummedRows, std::vector<int16_t>(lanes));
    for (auto& row : rows)
      for (auto& value : row) value = trial % 3 == 0 ? next() : static_cast<int16_t>(next() / 64);
    const int16_t* pointers[kSummedRows];
    for (size_t r = 0; r < kSummedRows; ++r) pointers[r] = rows[r].data();
    std::vector<int16_t> fast(lanes), portable(lanes);
    SumRows(pointers, lanes, fast.data());
    SumRowsPortable(pointers, lanes, portable.data());
    REQUIRE(fast == portable);
    AddRowSaturating(pointers[0], lanes, fast.data());
    AddRowSaturatingPortable(pointers[0], lanes, portable.data());
    REQUIRE(fast == portable);
    if (trial % 5 == 0) fast[lanes / 2] = fast[lanes - 1] = INT16_MAX;  // ties: the first wins
    CHECK(ArgMax(fast.data(), lanes) == ArgMaxPortable(fast.data(), lanes));
  }
}

TEST_CASE("the widening and narrowing kernels agree with the portable ones", "[pos]") {
  auto next = RandomWeights(6789);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t lanes = 8 * static_cast<size_t>(1 + trial % 9);
    std::vector<int32_t> fast(lanes), portable(lanes);
    for (int row = 0; row < 4; ++row) {  // enough rows of large weights to leave int16
      std::vector<int16_t> weights(lanes);
      for (auto& weight : weights) weight = next();
      AddRowWidened(weights.data(), lanes, fast.data());
      AddRowWidenedPortable(weights.data(), lanes, portable.data());
      REQUIRE(fast == portable);
    }
    // Any count: the history rows saturate only the real classes.
    const size_t count = lanes - static_cast<size_t>(trial % 8);
    std::vector<int16_t> narrow(lanes, 7), narrow_portable(lanes, 7);
    SaturateToInt16(fast.data(), count, narrow.data());
    SaturateToInt16Portable(portable.data(), count, narrow_portable.data());
    REQUIRE(narrow == narrow_portable);
  }
  const int32_t extremes[] = {40000, -40000, 32767, -32768, 32768, -32769, 0, -1};
  int16_t out[8];
  SaturateToInt16(extremes, 8, out);
  CHECK(std::vector<int16_t>(out, out + 8) ==
        std::vector<int16_t>{32767, -32768, 32767, -32768, 32767, -32768, 0, -1});
}

}  // namespace
}  // namespace kg::pos
