// Word interning and the phrase index keyed by word ids.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "extract/phrase_index.h"
#include "extract/word_hash_set.h"
#include "extract/word_index.h"

namespace kg {
namespace {

TEST_CASE("words get dense ids once and are found again", "[extract][words]") {
  WordIndex index;
  const WordId a = index.Intern("minister");
  const WordId b = index.Intern("prime");
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(index.Intern("minister") == a);
  CHECK(index.Find("prime") == b);
  CHECK(index.Find("premier") == kNoWord);
  CHECK(index.Text(a) == "minister");
  // Past the first growth of the table every id is still found.
  for (int i = 0; i < 5000; ++i) index.Intern("w" + std::to_string(i));
  CHECK(index.size() == 5002);
  CHECK(index.Find("w4321") == 4323);
  CHECK(index.Find("minister") == a);
}

DocumentAnalysis Doc(const WordIndex& index, const std::vector<std::string>& words) {
  DocumentAnalysis doc;
  for (const auto& word : words) {
    Token token;
    token.norm = {static_cast<uint32_t>(doc.norm_text.size()), 0};
    doc.norm_text += word;
    token.norm.end = static_cast<uint32_t>(doc.norm_text.size());
    token.word = index.Find(word);
    token.flags = kTokenWord | kTokenCapitalized;
    doc.tokens.push_back(token);
  }
  return doc;
}

TEST_CASE("phrases match longest first and report every value", "[extract][words]") {
  WordIndex index;
  PhraseIndex phrases;
  const WordId prime = index.Intern("prime");
  const WordId minister = index.Intern("minister");
  const WordId secretary = index.Intern("secretary");
  phrases.Add(std::vector<WordId>{minister}, 1);
  phrases.Add(std::vector<WordId>{prime, minister}, 2);
  phrases.Add(std::vector<WordId>{prime, minister}, 3);
  phrases.Add(std::vector<WordId>{secretary}, 4);
  phrases.Finish(index);
  const DocumentAnalysis doc = Doc(index, {"prime", "minister", "spoke"});
  std::span<const uint32_t> values;
  CHECK(phrases.Longest(doc, 0, 3, &values) == 2);
  CHECK(std::vector<uint32_t>(values.begin(), values.end()) == std::vector<uint32_t>{2, 3});
  CHECK(phrases.Longest(doc, 1, 3, &values) == 1);
  CHECK(phrases.Longest(doc, 0, 1, &values) == 0);  // the phrase may not run past `end`
  CHECK(phrases.Longest(doc, 2, 3, &values) == 0);
  // A capitalised misspelling matches when asked for.
  const DocumentAnalysis typo = Doc(index, {"secreteray"});
  CHECK(phrases.Longest(typo, 0, 1, &values) == 0);
  CHECK(phrases.Longest(typo, 0, 1, &values, Fuzzy::kCapitalized) == 1);
  CHECK(values.front() == 4);
}

TEST_CASE("a misspelt word finds the first close phrase word added, at any depth",
          "[extract][words]") {
  WordIndex index;
  PhraseIndex phrases;
  const auto ids = [&](std::initializer_list<const char*> words) {
    std::vector<WordId> out;
    for (const char* word : words) out.push_back(index.Intern(word));
    return out;
  };
  phrases.Add(ids({"governor"}), 1);
  phrases.Add(ids({"secretary"}), 2);
  phrases.Add(ids({"secretory"}), 3);
  phrases.Add(ids({"general", "secretary"}), 4);
  phrases.Finish(index);
  // Interned after Finish(): the phrase index keeps its own copy of the text.
  for (int i = 0; i < 100; ++i) index.Intern("filler" + std::to_string(i));
  std::span<const uint32_t> values;
  CHECK(phrases.Longest(Doc(index, {"secretery"}), 0, 1, &values, Fuzzy::kCapitalized) == 1);
  CHECK(values.front() == 2);  // "secretary" and "secretory" are both close: the first added
  CHECK(phrases.Longest(Doc(index, {"govrenor"}), 0, 1, &values, Fuzzy::kCapitalized) == 1);
  CHECK(values.front() == 1);
  CHECK(phrases.Longest(Doc(index, {"general", "secratary"}), 0, 2, &values, Fuzzy::kCapitalized) ==
        2);
  CHECK(values.front() == 4);
  // Short words and other first letters never match fuzzily.
  CHECK(phrases.Longest(Doc(index, {"zecretary"}), 0, 1, &values, Fuzzy::kCapitalized) == 0);
}

TEST_CASE("a close spelling is one edit away, two for long words", "[extract][words]") {
  CHECK(CloseSpelling("secretary", "secreteray"));
  CHECK(CloseSpelling("minister", "minsiter"));
  CHECK_FALSE(CloseSpelling("minister", "ministers"));  // an extension is another word
  CHECK_FALSE(CloseSpelling("minister", "sinister"));   // first letters differ
  CHECK_FALSE(CloseSpelling("general", "genetics"));
}

TEST_CASE("a fuzzy lookup finds every close spelling CloseSpelling accepts", "[extract][words]") {
  // The lookup rules candidates out by the bytes they hold before it runs
  // CloseSpelling: random words with random edits check that it never rules
  // out one CloseSpelling would accept, nor accepts one it would refuse.
  std::mt19937 random(20261202);
  const auto pick = [&](size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(random);
  };
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  size_t close = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string known(7 + pick(8), 'a');
    for (char& c : known) c = letters[pick(6)];  // few letters: many shared bytes
    std::string seen = known;
    for (size_t edits = 1 + pick(3); edits > 0; --edits) {
      const size_t at = 1 + pick(seen.size() - 1);  // the first letter stays
      switch (pick(4)) {
        case 0:
          seen[at] = letters[pick(letters.size())];
          break;
        case 1:
          seen.insert(at, 1, letters[pick(letters.size())]);
          break;
        case 2:
          if (seen.size() > 7) seen.erase(at, 1);
          break;
        default:
          if (at + 1 < seen.size()) std::swap(seen[at], seen[at + 1]);
      }
    }
    WordIndex index;
    PhraseIndex phrases;
    phrases.Add(std::vector<WordId>{index.Intern(known)}, 1);
    phrases.Finish(index);
    std::span<const uint32_t> values;
    const bool found =
        seen != known && phrases.Longest(Doc(index, {seen}), 0, 1, &values, Fuzzy::kAny) == 1;
    INFO(known << " / " << seen);
    CHECK(found == (seen != known && CloseSpelling(known, seen)));
    close += found ? 1 : 0;
  }
  CHECK(close > 300);  // the edits made many close spellings, not only far ones
}

TEST_CASE("a word hash set holds what was inserted, through growth, and nothing else",
          "[extract][words]") {
  WordHashSet set;
  CHECK_FALSE(set.Contains(HashWord("minister")));  // never cleared: empty
  set.Clear(4);
  set.Insert(HashWord("minister"));
  set.Insert(HashWord("minister"));
  CHECK(set.Contains(HashWord("minister")));
  CHECK_FALSE(set.Contains(HashWord("premier")));
  // 0 marks a free slot, and is a member like any other value.
  CHECK_FALSE(set.Contains(0));
  set.Insert(0);
  CHECK(set.Contains(0));
  // Far past the room asked for, against a reference set; hashes that
  // differ in their high bits only land where the low bits would not tell.
  std::mt19937_64 random(7);
  std::set<uint64_t> reference;
  for (int i = 0; i < 5000; ++i) {
    const uint64_t hash = i % 2 == 0 ? random() : uint64_t(i) << 40;
    set.Insert(hash);
    reference.insert(hash);
  }
  for (const uint64_t hash : reference) CHECK(set.Contains(hash));
  int false_hits = 0;
  for (int i = 0; i < 5000; ++i) {
    const uint64_t hash = random();
    if (reference.count(hash) == 0 && set.Contains(hash)) ++false_hits;
  }
  CHECK(false_hits == 0);
  set.Clear();
  CHECK_FALSE(set.Contains(HashWord("minister")));
  CHECK_FALSE(set.Contains(0));
}

}  // namespace
}  // namespace kg
