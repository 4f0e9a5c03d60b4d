// A trie over word ids for multi-word lookups ("prime minister", "the Gaza
// Strip"): matching walks the tokens once, one hash probe per word, instead
// of building candidate strings. Built once, then immutable.
#pragma once

#include <cstdint>
#include <span>
#include <string>
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
  // the token's comparison form (`norms`) with the phrase words' text, as
  // the WordIndex given to Finish() has it. With `lemmas`, a word also
  // matches by its lemma ("presidents").
  template <typename Visit>
  void Match(const DocumentAnalysis& doc, size_t begin, size_t end, Visit&& visit,
             Fuzzy fuzzy = Fuzzy::kNone, bool lemmas = false) const {
    uint32_t node = 0;
    for (size_t i = begin; i < end; ++i) {
      const Token& token = doc.tokens[i];
      uint32_t child = Child(node, token.word);
      if (child == kNone && lemmas && token.lemma != token.word) child = Child(node, token.lemma);
      if (child == kNone && fuzzy != Fuzzy::kNone &&
          (fuzzy == Fuzzy::kAny || token.Is(kTokenCapitalized))) {
        child = FuzzyChild(node, doc.Norm(i));
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
  // Inline up to the first word: most tokens start no phrase, and are ruled
  // out without a call.
  size_t Longest(const DocumentAnalysis& doc, size_t begin, size_t end,
                 std::span<const uint32_t>* values, Fuzzy fuzzy = Fuzzy::kNone,
                 bool lemmas = false) const {
    if (begin >= end || !MayStart(doc.tokens[begin], fuzzy, lemmas)) return 0;
    return LongestMatch(doc, begin, end, values, fuzzy, lemmas);
  }

  // False when Match's first step finds no child of the root for `token`
  // (by word, lemma or close spelling); true when it may. No phrase starts
  // at a token for which it is false: a cheap test before a lookup.
  bool MayStart(const Token& token, Fuzzy fuzzy, bool lemmas) const {
    if (token.word != kNoWord && StartsPhrase(token.word)) return true;
    if (lemmas && token.lemma != token.word && token.lemma != kNoWord &&
        StartsPhrase(token.lemma)) {
      return true;
    }
    return fuzzy != Fuzzy::kNone && (fuzzy == Fuzzy::kAny || token.Is(kTokenCapitalized)) &&
           token.norm.size() >= kFuzzyMin;
  }

  // Call once after the last Add(): lays the values out flat and keeps the
  // text of the words (from `words`, where they were interned) that fuzzy
  // lookups compare.
  void Finish(const WordIndex& words);

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr size_t kFuzzyMin = 7;  // bytes: shorter words match exactly only
  struct Node {
    uint32_t values_begin = 0;  // into values_, after Finish()
    uint32_t values_end = 0;
    uint32_t fuzzy_begin = 0;  // into fuzzy_, after Finish()
    uint32_t fuzzy_end = 0;
    std::vector<std::pair<WordId, uint32_t>> children;  // in the order added
  };
  // A child word long enough for fuzzy lookups. Per node they are sorted by
  // first byte (then in the order added), so that a lookup compares only
  // the words that can be close spellings: same first letter, near length.
  struct FuzzyEdge {
    char first;       // the word's first byte
    uint32_t offset;  // the word's text in fuzzy_text_
    uint32_t length;
    uint32_t child;
    uint64_t bytes;  // ByteMask of the word: rules most candidates out cheaply
  };
  struct Edge {
    uint64_t key = UINT64_MAX;  // node << 32 | word
    uint32_t child = kNone;
  };

  // The child of `node` by `word`, or kNone. Inline up to the probe: most
  // lookups are of a phrase's first word, and most words start none.
  uint32_t Child(uint32_t node, WordId word) const {
    if (word == kNoWord || (node == 0 && !StartsPhrase(word))) return kNone;
    return ProbeChild(node, word);
  }
  bool StartsPhrase(WordId word) const {
    return word / 64 < starts_.size() && (starts_[word / 64] >> (word % 64) & 1) != 0;
  }
  uint32_t ProbeChild(uint32_t node, WordId word) const;
  size_t LongestMatch(const DocumentAnalysis& doc, size_t begin, size_t end,
                      std::span<const uint32_t>* values, Fuzzy fuzzy, bool lemmas) const;
  uint32_t FuzzyChild(uint32_t node, std::string_view seen) const;
  void InsertEdge(uint64_t key, uint32_t child);

  std::vector<Node> nodes_;
  // A bit per word id that starts some phrase: most tokens start none,
  // and are ruled out without a probe of edges_ (a cache miss, mostly).
  std::vector<uint64_t> starts_;
  std::vector<Edge> edges_;  // open addressing, power-of-two size
  size_t edge_count_ = 0;
  std::vector<std::vector<uint32_t>> pending_;  // values per node while building
  std::vector<uint32_t> values_;
  std::vector<FuzzyEdge> fuzzy_;
  std::string fuzzy_text_;
};

}  // namespace kg
