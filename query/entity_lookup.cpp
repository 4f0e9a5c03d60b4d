#include "query/entity_lookup.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace kg {

size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() >= cap) return cap;
  std::vector<size_t> row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diagonal = row[0];
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      const size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diagonal = up;
      best = std::min(best, row[i]);
    }
    if (best >= cap) return cap;
  }
  return std::min(row[a.size()], cap);
}

std::vector<size_t> EntityLookup::Find(std::string_view name) const {
  const std::string folded = FoldName(name);
  if (folded.empty()) return {};
  std::vector<size_t> found = graph_.NodesNamed(folded);
  std::stable_sort(found.begin(), found.end(), [&](size_t a, size_t b) {
    const bool a_label = FoldName(graph_.node_label(a)) == folded;
    const bool b_label = FoldName(graph_.node_label(b)) == folded;
    if (a_label != b_label) return a_label;
    return graph_.node_mentions(a) > graph_.node_mentions(b);
  });
  return found;
}

Result<size_t> EntityLookup::Resolve(std::string_view name) const {
  const std::vector<size_t> found = Find(name);
  if (found.empty()) {
    std::string message = "no entity named \"" + std::string(name) + "\"";
    const auto suggestions = Suggest(name);
    if (!suggestions.empty()) {
      message += "; did you mean ";
      for (size_t i = 0; i < suggestions.size(); ++i) {
        message += (i == 0                        ? "\""
                    : i + 1 == suggestions.size() ? " or \""
                                                  : ", \"") +
                   suggestions[i] + "\"";
      }
      message += "?";
    }
    return Status::Error(message);
  }
  const std::string folded = FoldName(name);
  const size_t first = found.front();
  if (found.size() == 1 || FoldName(graph_.node_label(first)) == folded ||
      FoldName(graph_.node_id(first)) == folded)
    return first;
  std::string message = "\"" + std::string(name) + "\" names several entities:";
  for (size_t i = 0; i < found.size() && i < 5; ++i) {
    message += (i ? ", " : " ") + std::string(graph_.node_label(found[i])) + " (" +
               std::string(graph_.node_id(found[i])) + ")";
  }
  return Status::Error(message + "; give the full name or the id");
}

std::vector<std::string> EntityLookup::Suggest(std::string_view name, size_t count) const {
  const std::string folded = FoldName(name);
  const size_t cap = std::max<size_t>(3, folded.size() / 2);
  std::vector<std::pair<size_t, std::string>> scored;
  for (size_t n = 0; n < graph_.node_count(); ++n) {
    const std::string label = FoldName(graph_.node_label(n));
    size_t best = EditDistance(folded, label, cap);
    const StringList aliases = graph_.node_aliases(n);
    for (size_t a = 0; a < aliases.size(); ++a)
      best = std::min(best, EditDistance(folded, FoldName(aliases[a]), cap));
    // A typed part of a name ("netanyah") counts as close.
    if (folded.size() >= 3 && label.find(folded) != std::string::npos)
      best = std::min<size_t>(best, 1);
    if (best < cap) scored.emplace_back(best, std::string(graph_.node_label(n)));
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [distance, label] : scored) {
    if (std::find(out.begin(), out.end(), label) == out.end()) out.push_back(label);
    if (out.size() == count) break;
  }
  return out;
}

}  // namespace kg
