#include "export/palette.h"

#include <algorithm>
#include <cmath>

namespace kg {

TypeColors ColorsOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return {"#dbe9ff", "#3b6fb6"};
    case EntityType::kOrganization:
      return {"#fff1c2", "#b8860b"};
    case EntityType::kLocation:
      return {"#d9f2d9", "#2e7d32"};
  }
  return {"#ffffff", "#000000"};
}

const char* ColorOf(PredicateKind kind) {
  switch (kind) {
    case PredicateKind::kHostile:
      return "#c62828";
    case PredicateKind::kCooperative:
      return "#2e7d32";
    case PredicateKind::kPressure:
      return "#ef6c00";
    case PredicateKind::kRole:
      return "#8d8d8d";
    case PredicateKind::kNeutral:
      return "#455a64";
  }
  return "#455a64";
}

std::vector<double> ImportanceShares(const std::vector<double>& importance, size_t nodes) {
  std::vector<double> shares(nodes, 0.0);
  double top = 0.0;
  for (double value : importance) top = std::max(top, value);
  if (top <= 0) return shares;
  for (size_t n = 0; n < nodes && n < importance.size(); ++n)
    shares[n] = std::sqrt(importance[n] / top);
  return shares;
}

double FontSizeFor(double share) { return 11.0 + 13.0 * share; }

double LineWidthFor(int64_t weight, bool role) {
  return role ? 0.8 : 1.2 + std::log2(static_cast<double>(std::max<int64_t>(weight, 1)));
}

}  // namespace kg
