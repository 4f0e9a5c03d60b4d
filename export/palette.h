// The colours and sizes of kg's drawings, shared by the diagrams (kg
// render, DOT) and the GEXF export, so that Gephi opens a graph as kg
// render draws it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/predicates.h"
#include "core/types.h"

namespace kg {

struct TypeColors {
  const char* fill;    // "#dbe9ff"
  const char* border;  // "#3b6fb6"
};
TypeColors ColorsOf(EntityType type);

// Hostile red, cooperative green, pressure orange, role grey, neutral slate.
const char* ColorOf(PredicateKind kind);

// Each node's share of the largest importance, from 0 to 1 (square root,
// so that area follows importance); all 0 when `importance` is empty.
std::vector<double> ImportanceShares(const std::vector<double>& importance, size_t nodes);

// A node's font size in points for its share: 11 to 24.
double FontSizeFor(double share);
// A relation's line width for its weight (roles are drawn thin).
double LineWidthFor(int64_t weight, bool role);

}  // namespace kg
