// A trie over word ids for multi-word lookups ("prime minister", "the Gaza
// Strip"): matching walks the tokens once, one hash probe per word, instead
// of building candidate strings. Built once, then immutable.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/annotations.h"
#include "extract/word_index.h"

namespace kg {

// Whether `seen` is a misspelling of `known` as a rewriting tool or a
// hurried typist makes it: same first letter, at most one edit or swap of
// neighbours (two for words of nine letters or more).
bool CloseSpelling(std::string_view known, std::string_view seen);

// How a lookup treats a word it does not know exactly.
enum class Fuzzy : uint8_t {
  kNone,         // exact words only
  kCapitalized,  // capitalised words of 7+ bytes may be close spellings ("Secreteray")
  kAny,          // any word of 7+ bytes may be ("occupaiton")
};

class PhraseIndex {
 public:
  PhraseIndex();

  // Adds a phrase (its word ids, in order) with a value.
  void Add(std::span<const WordId> words, uint32_t value);

  // Calls visit(length, values) for every phrase matching the tokens from
  // `begin` (stopping before `end`), shortest first. Fuzzy lookups compare
  // the token's comparison form (`norms`) with the words of `index`.
  // With `lemmas`, a word also matches by its lemma ("presidents").
  template <typename Visit>
  void Match(const DocumentAnalysis& doc, size_t begin, size_t end, Visit&& visit,
             Fuzzy fuzzy = Fuzzy::kNone, const WordIndex* index = nullptr,
             bool lemmas = false) const {
    uint32_t node = 0;
    for (size_t i = begin; i < end; ++i) {
      const Token& token = doc.tokens[i];
      uint32_t child = Child(node, token.word);
      if (child == kNone && lemmas && token.lemma != token.word) child = Child(node, token.lemma);
      if (child == kNone && fuzzy != Fuzzy::kNone && index != nullptr &&
          (fuzzy == Fuzzy::kAny || token.Is(kTokenCapitalized))) {
        child = FuzzyChild(node, doc.Norm(i), *index);
      }
      if (child == kNone) return;
      node = child;
      const Node& n = nodes_[node];
      if (n.values_end > n.values_begin) {
        visit(i + 1 - begin, std::span<const uint32_t>(values_.data() + n.values_begin,
                                                       n.values_end - n.values_begin));
      }
    }
  }

  // The longest match at `begin`: its length (0 if none) and its values.
  size_t Longest(const DocumentAnalysis& doc, size_t begin, size_t end,
                 std::span<const uint32_t>* values, Fuzzy fuzzy = Fuzzy::kNone,
                 const WordIndex* index = nullptr, bool lemmas = false) const;

  // Call once after the last Add(): lays the values out flat.
  void Finish();

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    uint32_t values_begin = 0;  // into values_, after Finish()
    uint32_t values_end = 0;
    std::vector<std::pair<WordId, uint32_t>> children;  // for fuzzy lookups
  };
  struct Edge {
    uint64_t key = UINT64_MAX;  // node << 32 | word
    uint32_t child = kNone;
  };

  uint32_t Child(uint32_t node, WordId word) const;
  uint32_t FuzzyChild(uint32_t node, std::string_view seen, const WordIndex& index) const;
  void InsertEdge(uint64_t key, uint32_t child);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;  // open addressing, power-of-two size
  size_t edge_count_ = 0;
  std::vector<std::vector<uint32_t>> pending_;  // values per node while building
  std::vector<uint32_t> values_;
};

}  // namespace kg
