#include "core/types.h"

#include "core/text.h"

namespace kg {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrganization:
      return "ORGANIZATION";
    case EntityType::kLocation:
      return "LOCATION";
  }
  return "?";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "PERSON") return EntityType::kPerson;
  if (name == "ORGANIZATION") return EntityType::kOrganization;
  if (name == "LOCATION") return EntityType::kLocation;
  return std::nullopt;
}

std::string_view RelationStatusName(RelationStatus status) {
  switch (status) {
    case RelationStatus::kAsserted:
      return "asserted";
    case RelationStatus::kNegated:
      return "negated";
    case RelationStatus::kHypothetical:
      return "hypothetical";
  }
  return "?";
}

std::optional<RelationStatus> ParseRelationStatus(std::string_view name) {
  if (name == "asserted") return RelationStatus::kAsserted;
  if (name == "negated") return RelationStatus::kNegated;
  if (name == "hypothetical") return RelationStatus::kHypothetical;
  return std::nullopt;
}

std::optional<TypeSet> TypeSet::Parse(std::string_view text) {
  if (text == "*") return All();
  TypeSet set = None();
  for (std::string_view part : Split(text, '/')) {
    auto type = ParseEntityType(Trim(part));
    if (!type) return std::nullopt;
    set.Add(*type);
  }
  return set;
}

std::string TypeSet::ToString() const {
  if (IsAll()) return "*";
  std::string out;
  for (EntityType type : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    if (!Contains(type)) continue;
    if (!out.empty()) out += "/";
    out += EntityTypeName(type);
  }
  return out;
}

}  // namespace kg
