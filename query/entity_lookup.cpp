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

EntityLookup::EntityLookup(const KnowledgeGraph& graph) : graph_(graph) {
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    std::set<std::string> forms = {FoldName(node.label), FoldName(node.id)};
    for (const auto& alias : node.aliases) forms.insert(FoldName(alias));
    for (const auto& form : forms) {
      if (!form.empty()) by_form_[form].push_back(n);
    }
  }
}

std::vector<size_t> EntityLookup::Find(std::string_view name) const {
  const std::string folded = FoldName(name);
  auto it = by_form_.find(folded);
  if (it == by_form_.end()) return {};
  std::vector<size_t> found = it->second;
  std::stable_sort(found.begin(), found.end(), [&](size_t a, size_t b) {
    const bool a_label = FoldName(graph_.node(a).label) == folded;
    const bool b_label = FoldName(graph_.node(b).label) == folded;
    if (a_label != b_label) return a_label;
    return graph_.node(a).mentions > graph_.node(b).mentions;
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
  const NodeData& first = graph_.node(found.front());
  if (found.size() == 1 || FoldName(first.label) == folded || FoldName(first.id) == folded)
    return found.front();
  std::string message = "\"" + std::string(name) + "\" names several entities:";
  for (size_t i = 0; i < found.size() && i < 5; ++i) {
    message +=
        (i ? ", " : " ") + graph_.node(found[i]).label + " (" + graph_.node(found[i]).id + ")";
  }
  return Status::Error(message + "; give the full name or the id");
}

std::vector<std::string> EntityLookup::Suggest(std::string_view name, size_t count) const {
  const std::string folded = FoldName(name);
  const size_t cap = std::max<size_t>(3, folded.size() / 2);
  std::vector<std::pair<size_t, std::string>> scored;
  for (size_t n = 0; n < graph_.node_count(); ++n) {
    const NodeData& node = graph_.node(n);
    size_t best = cap;
    for (const std::string* form : {&node.label})
      best = std::min(best, EditDistance(folded, FoldName(*form), cap));
    for (const auto& alias : node.aliases)
      best = std::min(best, EditDistance(folded, FoldName(alias), cap));
    // A typed part of a name ("netanyah") counts as close.
    const std::string label = FoldName(node.label);
    if (folded.size() >= 3 && label.find(folded) != std::string::npos)
      best = std::min<size_t>(best, 1);
    if (best < cap) scored.emplace_back(best, node.label);
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
