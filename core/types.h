// Value types shared by extraction, the graph and its consumers: entity
// types, relation statuses and type sets. No behaviour beyond naming.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

enum class EntityType : uint8_t { kPerson, kOrganization, kLocation };

// "PERSON", "ORGANIZATION", "LOCATION".
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// What a text says of a relation (spec/predicates.md).
enum class RelationStatus : uint8_t { kAsserted, kNegated, kHypothetical };

std::string_view RelationStatusName(RelationStatus status);
std::optional<RelationStatus> ParseRelationStatus(std::string_view name);

// A set of entity types, e.g. the types a predicate accepts as object.
class TypeSet {
 public:
  static TypeSet All() { return TypeSet(0x7); }
  static TypeSet None() { return TypeSet(0); }
  static TypeSet Of(EntityType type) { return TypeSet(Bit(type)); }
  // "PERSON/ORGANIZATION" or "*"; nullopt on an unknown name.
  static std::optional<TypeSet> Parse(std::string_view text);

  bool Contains(EntityType type) const { return (bits_ & Bit(type)) != 0; }
  static TypeSet Intersect(TypeSet a, TypeSet b) {
    return TypeSet(static_cast<uint8_t>(a.bits_ & b.bits_));
  }
  bool IsAll() const { return bits_ == 0x7; }
  void Add(EntityType type) { bits_ = static_cast<uint8_t>(bits_ | Bit(type)); }
  std::string ToString() const;

  friend bool operator==(TypeSet, TypeSet) = default;

 private:
  explicit TypeSet(uint8_t bits) : bits_(bits) {}
  static uint8_t Bit(EntityType type) { return static_cast<uint8_t>(1u << static_cast<int>(type)); }
  uint8_t bits_ = 0;
};

}  // namespace kg
