#include "core/predicates.h"

#include <algorithm>

namespace kg {

std::string_view PredicateKindName(PredicateKind kind) {
  switch (kind) {
    case PredicateKind::kNeutral:
      return "neutral";
    case PredicateKind::kHostile:
      return "hostile";
    case PredicateKind::kCooperative:
      return "cooperative";
    case PredicateKind::kPressure:
      return "pressure";
    case PredicateKind::kRole:
      return "role";
  }
  return "neutral";
}

std::optional<PredicateKind> ParsePredicateKind(std::string_view name) {
  for (PredicateKind kind :
       {PredicateKind::kNeutral, PredicateKind::kHostile, PredicateKind::kCooperative,
        PredicateKind::kPressure, PredicateKind::kRole}) {
    if (PredicateKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string DescribePredicate(const Predicate& predicate) {
  return std::string(predicate.symmetric ? "symmetric" : "directed") + ", " +
         predicate.subject_types.ToString() + " -> " + predicate.object_types.ToString() + ", " +
         std::string(PredicateKindName(predicate.kind)) +
         (predicate.description.empty() ? "" : ", \"" + predicate.description + "\"");
}

Status PredicateTable::Add(Predicate predicate) {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), predicate.name,
      [](const Predicate& entry, const std::string& name) { return entry.name < name; });
  if (it != entries_.end() && it->name == predicate.name) {
    if (*it == predicate) return Status::Ok();
    return Status::Error("predicate \"" + predicate.name + "\" has two different definitions: " +
                         DescribePredicate(*it) + " and " + DescribePredicate(predicate));
  }
  entries_.insert(it, std::move(predicate));
  return Status::Ok();
}

Status PredicateTable::Merge(const PredicateTable& other) {
  PredicateTable merged = *this;
  for (const Predicate& predicate : other.entries_) {
    if (Status s = merged.Add(predicate); !s.ok()) return s;
  }
  *this = std::move(merged);
  return Status::Ok();
}

const Predicate* PredicateTable::Find(std::string_view name) const {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), name,
      [](const Predicate& entry, std::string_view key) { return entry.name < key; });
  return it != entries_.end() && it->name == name ? &*it : nullptr;
}

bool PredicateTable::IsSymmetric(std::string_view name) const {
  const Predicate* predicate = Find(name);
  return predicate != nullptr && predicate->symmetric;
}

PredicateKind PredicateTable::KindOf(std::string_view name) const {
  const Predicate* predicate = Find(name);
  return predicate != nullptr ? predicate->kind : PredicateKind::kNeutral;
}

std::string PredicateTable::NameList() const {
  std::string list;
  for (const Predicate& predicate : entries_) {
    if (!list.empty()) list += ", ";
    list += predicate.name;
  }
  return list;
}

}  // namespace kg
