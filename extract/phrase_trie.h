// A trie over token norms for multi-word lexicon lookups ("prime minister",
// "the gaza strip"): matching walks the tokens once instead of building
// candidate strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/annotations.h"

namespace kg {

// Hash for string-keyed containers that are looked up with string_views,
// without building a std::string per lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename Value>
using WordMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// A misspelling of `known` as a rewriting tool or a hurried typist makes
// it: same first letter, and at most one edit or swap of neighbours (two
// for words of nine letters or more: "secreteray" for "secretary").
bool CloseSpelling(std::string_view known, std::string_view seen);

// How a PhraseTrie lookup treats a word it does not know exactly.
enum class Fuzzy : uint8_t {
  kNone,         // exact words only
  kCapitalized,  // capitalised words may be close spellings ("Secreteray")
  kAny,          // any word may be ("occupaiton" after a demonym)
};

template <typename Value>
class PhraseTrie {
 public:
  PhraseTrie() : nodes_(1) {}

  void Add(const std::vector<std::string>& words, Value value) {
    uint32_t node = 0;
    for (const auto& word : words) {
      auto it = nodes_[node].children.find(word);
      if (it == nodes_[node].children.end()) {
        const auto child = static_cast<uint32_t>(nodes_.size());
        nodes_[node].children.emplace(word, child);
        nodes_.emplace_back();
        node = child;
      } else {
        node = it->second;
      }
    }
    nodes_[node].values.push_back(std::move(value));
  }

  // Calls `visit(length, values)` for every phrase that matches the tokens
  // starting at `begin` (and ending before `end`), shortest first. With
  // `fuzzy`, a token of `fuzzy_min` or more bytes also matches a close
  // spelling, for machine-rewritten text.
  template <typename Visit>
  void Match(const std::vector<Token>& tokens, size_t begin, size_t end, Visit&& visit,
             Fuzzy fuzzy = Fuzzy::kNone, size_t fuzzy_min = 7) const {
    uint32_t node = 0;
    for (size_t i = begin; i < end; ++i) {
      const auto& children = nodes_[node].children;
      auto it = children.find(tokens[i].norm);
      const bool may_be_misspelt =
          fuzzy == Fuzzy::kAny || (fuzzy == Fuzzy::kCapitalized && tokens[i].Is(kTokenCapitalized));
      if (it == children.end() && may_be_misspelt && tokens[i].norm.size() >= fuzzy_min) {
        const std::string& seen = tokens[i].norm;
        for (auto candidate = children.begin(); candidate != children.end(); ++candidate) {
          const std::string& known = candidate->first;
          if (known.size() < fuzzy_min || known.front() != seen.front()) continue;
          if (CloseSpelling(known, seen)) {
            it = candidate;
            break;
          }
        }
      }
      if (it == children.end()) return;
      node = it->second;
      if (!nodes_[node].values.empty()) visit(i + 1 - begin, nodes_[node].values);
    }
  }

  // The longest match at `begin`: its length (0 if none) and values.
  size_t Longest(const std::vector<Token>& tokens, size_t begin, size_t end,
                 const std::vector<Value>** values, Fuzzy fuzzy = Fuzzy::kNone) const {
    size_t best = 0;
    Match(
        tokens, begin, end,
        [&](size_t length, const std::vector<Value>& found) {
          best = length;
          *values = &found;
        },
        fuzzy);
    return best;
  }

 private:
  struct Node {
    WordMap<uint32_t> children;
    std::vector<Value> values;
  };
  std::vector<Node> nodes_;
};

}  // namespace kg
