// Finds entities by any of their names, case- and punctuation-
// insensitively ("netanyahu", "Mr. Netanyahu", "Bibi"), and suggests the
// closest names when nothing matches ("did you mean ...").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/graph_image.h"

namespace kg {

class EntityLookup {
 public:
  // Uses the image's index of folded names: nothing is built.
  explicit EntityLookup(const GraphImage& graph) : graph_(graph) {}

  // Nodes with a label, alias or id equal to `name` once folded; those
  // whose label matches come first, then by mentions.
  std::vector<size_t> Find(std::string_view name) const;

  // The one entity `name` means: its label or id wins over an alias; an
  // alias shared by several entities is ambiguous. Errors suggest names.
  Result<size_t> Resolve(std::string_view name) const;

  // Up to `count` labels or aliases closest to `name` (reads every name).
  std::vector<std::string> Suggest(std::string_view name, size_t count = 3) const;

 private:
  const GraphImage& graph_;
};

// Edit distance (insertions, deletions, substitutions), capped at `cap`.
size_t EditDistance(std::string_view a, std::string_view b, size_t cap);

}  // namespace kg
