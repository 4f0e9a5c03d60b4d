// The relation vocabulary: which predicates exist, which are symmetric,
// what they may connect and how diagrams draw them. A rule pack defines
// it (predicates.tsv), the graph file records it (graph.predicates), and
// every reader of a graph takes it from there: this header is its one
// definition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace kg {

// How diagrams draw a relation (colour), and which relations are roles
// (a person's place in an organization or country).
enum class PredicateKind : uint8_t { kNeutral, kHostile, kCooperative, kPressure, kRole };

// "neutral", "hostile", "cooperative", "pressure", "role".
std::string_view PredicateKindName(PredicateKind kind);
std::optional<PredicateKind> ParsePredicateKind(std::string_view name);

struct Predicate {
  std::string name;        // lowercase letters, digits and '_': "met_with"
  bool symmetric = false;  // one fact either way round: stored once, matched both ways
  TypeSet subject_types = TypeSet::All();
  TypeSet object_types = TypeSet::All();
  PredicateKind kind = PredicateKind::kNeutral;
  std::string description;
  friend bool operator==(const Predicate&, const Predicate&) = default;
};

// A set of predicates with distinct names, kept sorted by name (so that
// tables merged in any order are equal). Cheap to copy: a few dozen entries.
class PredicateTable {
 public:
  PredicateTable() = default;

  // Adds `predicate`. Adding one equal to an entry already present does
  // nothing; a different definition under a name already present is an
  // error naming both definitions (the table is then unchanged).
  Status Add(Predicate predicate);
  // Adds every entry of `other`, or none of them on a conflict (errors as
  // for Add).
  Status Merge(const PredicateTable& other);

  // nullptr when the name is unknown.
  const Predicate* Find(std::string_view name) const;
  bool Contains(std::string_view name) const { return Find(name) != nullptr; }
  // False and kNeutral for unknown names.
  bool IsSymmetric(std::string_view name) const;
  PredicateKind KindOf(std::string_view name) const;

  const std::vector<Predicate>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  // "a, b, c": for error messages that list the valid names.
  std::string NameList() const;

  friend bool operator==(const PredicateTable&, const PredicateTable&) = default;

 private:
  std::vector<Predicate> entries_;  // sorted by name
};

// "symmetric, PERSON -> *, cooperative": a definition in one line, for
// error messages.
std::string DescribePredicate(const Predicate& predicate);

}  // namespace kg
