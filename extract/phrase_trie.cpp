#include "extract/phrase_trie.h"

#include <algorithm>
#include <array>

namespace kg {

bool CloseSpelling(std::string_view known, std::string_view seen) {
  constexpr size_t kMax = 32;
  if (known.empty() || seen.empty() || known.size() > kMax || seen.size() > kMax) return false;
  if (known.front() != seen.front()) return false;
  const size_t allowed = std::min(known.size(), seen.size()) >= 9 ? 2 : 1;
  const size_t n = known.size();
  const size_t m = seen.size();
  if ((n > m ? n - m : m - n) > allowed) return false;
  // Optimal string alignment distance (Damerau-Levenshtein without
  // overlapping edits), on a fixed-size table: words are short.
  std::array<std::array<size_t, kMax + 1>, kMax + 1> d{};
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = known[i - 1] == seen[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && known[i - 1] == seen[j - 2] && known[i - 2] == seen[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m] <= allowed;
}

}  // namespace kg
