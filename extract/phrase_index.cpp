#include "extract/phrase_index.h"

#include <algorithm>
#include <array>
#include <bit>

#include "core/text.h"

namespace kg {
namespace {

uint64_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return key;
}

// Which bytes occur in `word`, each byte as one of 64 bits. An edit
// changes at most two bits of it (a substitution removes one byte and adds
// another; an insertion or deletion, one; a swap, none), so words whose
// masks differ in more than twice the edits allowed cannot be close.
uint64_t ByteMask(std::string_view word) {
  uint64_t mask = 0;
  for (const char c : word) mask |= uint64_t{1} << (static_cast<unsigned char>(c) & 63u);
  return mask;
}

// The edits CloseSpelling allows between words of these lengths.
size_t AllowedEdits(size_t known, size_t seen) { return std::min(known, seen) >= 9 ? 2 : 1; }

}  // namespace

bool CloseSpelling(std::string_view known, std::string_view seen) {
  constexpr size_t kMax = 32;
  if (known.empty() || seen.empty() || known.size() > kMax || seen.size() > kMax) return false;
  if (known.front() != seen.front()) return false;
  // "Commission" is no misspelt "commissioner", nor "reporters" of
  // "reporter": a word that extends another is a different word.
  if (StartsWith(known, seen) || StartsWith(seen, known)) return false;
  const size_t allowed = AllowedEdits(known.size(), seen.size());
  const size_t n = known.size();
  const size_t m = seen.size();
  if ((n > m ? n - m : m - n) > allowed) return false;
  // Optimal string alignment distance over three rolling rows (rotated,
  // not copied).
  std::array<std::array<size_t, kMax + 1>, 3> rows;
  size_t* before = rows[0].data();
  size_t* previous = rows[1].data();
  size_t* current = rows[2].data();
  for (size_t j = 0; j <= m; ++j) previous[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    size_t row_best = current[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = known[i - 1] == seen[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && known[i - 1] == seen[j - 2] && known[i - 2] == seen[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > allowed) return false;
    std::swap(before, previous);  // the old `before` row is written next as `current`
    std::swap(previous, current);
  }
  return previous[m] <= allowed;
}

PhraseIndex::PhraseIndex() : nodes_(1), edges_(64), pending_(1) {}

void PhraseIndex::InsertEdge(uint64_t key, uint32_t child) {
  if (2 * (edge_count_ + 1) > edges_.size()) {
    std::vector<Edge> old = std::move(edges_);
    edges_.assign(old.size() * 2, Edge{});
    edge_count_ = 0;
    for (const Edge& edge : old) {
      if (edge.child != kNone) InsertEdge(edge.key, edge.child);
    }
  }
  const size_t mask = edges_.size() - 1;
  size_t slot = Mix(key) & mask;
  while (edges_[slot].child != kNone) slot = (slot + 1) & mask;
  edges_[slot] = {key, child};
  ++edge_count_;
}

uint32_t PhraseIndex::ProbeChild(uint32_t node, WordId word) const {
  const uint64_t key = uint64_t{node} << 32 | word;
  const size_t mask = edges_.size() - 1;
  for (size_t slot = Mix(key) & mask;; slot = (slot + 1) & mask) {
    const Edge& edge = edges_[slot];
    if (edge.child == kNone) return kNone;
    if (edge.key == key) return edge.child;
  }
}

uint32_t PhraseIndex::FuzzyChild(uint32_t node, std::string_view seen) const {
  if (seen.size() < kFuzzyMin) return kNone;
  // Only words with the same first byte can be close spellings.
  const auto begin = fuzzy_.begin() + nodes_[node].fuzzy_begin;
  const auto end = fuzzy_.begin() + nodes_[node].fuzzy_end;
  const auto first = std::lower_bound(begin, end, seen.front(),
                                      [](const FuzzyEdge& e, char c) { return e.first < c; });
  const uint64_t seen_bytes = ByteMask(seen);
  for (auto it = first; it != end && it->first == seen.front(); ++it) {
    // CloseSpelling allows at most two bytes of difference in length.
    if (it->length + 2 < seen.size() || seen.size() + 2 < it->length) continue;
    const auto differing = static_cast<size_t>(std::popcount(it->bytes ^ seen_bytes));
    if (differing > 2 * AllowedEdits(it->length, seen.size())) continue;
    const std::string_view known(fuzzy_text_.data() + it->offset, it->length);
    if (CloseSpelling(known, seen)) return it->child;
  }
  return kNone;
}

void PhraseIndex::Add(std::span<const WordId> words, uint32_t value) {
  uint32_t node = 0;
  for (WordId word : words) {
    uint32_t child = Child(node, word);
    if (child == kNone) {
      child = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      pending_.emplace_back();
      nodes_[node].children.emplace_back(word, child);
      InsertEdge(uint64_t{node} << 32 | word, child);
      if (node == 0) {
        if (word / 64 >= starts_.size()) starts_.resize(word / 64 + 1);
        starts_[word / 64] |= uint64_t{1} << (word % 64);
      }
    }
    node = child;
  }
  pending_[node].push_back(value);
}

void PhraseIndex::Finish(const WordIndex& words) {
  values_.clear();
  fuzzy_.clear();
  fuzzy_text_.clear();
  for (size_t n = 0; n < nodes_.size(); ++n) {
    Node& node = nodes_[n];
    node.values_begin = static_cast<uint32_t>(values_.size());
    values_.insert(values_.end(), pending_[n].begin(), pending_[n].end());
    node.values_end = static_cast<uint32_t>(values_.size());
    // Children by first byte, in the order added within one byte: the
    // first close spelling added is the one a lookup finds.
    node.fuzzy_begin = static_cast<uint32_t>(fuzzy_.size());
    for (const auto& [word, child] : node.children) {
      const std::string_view text = words.Text(word);
      if (text.size() < kFuzzyMin) continue;
      fuzzy_.push_back({text.front(), static_cast<uint32_t>(fuzzy_text_.size()),
                        static_cast<uint32_t>(text.size()), child, ByteMask(text)});
      fuzzy_text_ += text;
    }
    std::stable_sort(fuzzy_.begin() + node.fuzzy_begin, fuzzy_.end(),
                     [](const FuzzyEdge& a, const FuzzyEdge& b) { return a.first < b.first; });
    node.fuzzy_end = static_cast<uint32_t>(fuzzy_.size());
  }
  pending_.clear();
}

size_t PhraseIndex::LongestMatch(const DocumentAnalysis& doc, size_t begin, size_t end,
                                 std::span<const uint32_t>* values, Fuzzy fuzzy,
                                 bool lemmas) const {
  size_t best = 0;
  Match(
      doc, begin, end,
      [&](size_t length, std::span<const uint32_t> found) {
        best = length;
        *values = found;
      },
      fuzzy, lemmas);
  return best;
}

}  // namespace kg
