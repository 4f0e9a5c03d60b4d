#include "extract/phrase_trie.h"

#include "core/text.h"

#include <algorithm>
#include <array>

namespace kg {

bool CloseSpelling(std::string_view known, std::string_view seen) {
  constexpr size_t kMax = 32;
  if (known.empty() || seen.empty() || known.size() > kMax || seen.size() > kMax) return false;
  if (known.front() != seen.front()) return false;
  // "Commission" is no misspelt "commissioner", nor "reporters" of
  // "reporter": a word that extends another is a different word.
  if (StartsWith(known, seen) || StartsWith(seen, known)) return false;
  const size_t allowed = std::min(known.size(), seen.size()) >= 9 ? 2 : 1;
  const size_t n = known.size();
  const size_t m = seen.size();
  if ((n > m ? n - m : m - n) > allowed) return false;
  // Optimal string alignment distance (Damerau-Levenshtein without
  // overlapping edits) over three rolling rows: this runs for every long
  // capitalised word against every title.
  std::array<size_t, kMax + 1> before{}, previous{}, current{};
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
    before = previous;
    previous = current;
  }
  return previous[m] <= allowed;
}

}  // namespace kg
