// Gold annotations (shared/spec/gold-format.md): the entities and
// relations a person found in one document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kg {

struct GoldEntity {
  std::string id;
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  bool optional = false;
};

struct GoldRelation {
  std::string subject;
  std::string predicate;
  std::string object;
  std::string status = "asserted";
  std::string evidence;
  bool optional = false;
};

struct GoldDocument {
  std::string document;  // the article's file name
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
};

// Errors name the file, line, column and field: "gold/a.json:12:7: relations[2]:
// unknown entity \"bidne\"".
Result<GoldDocument> ReadGold(std::string_view json, const std::string& origin);

}  // namespace kg
