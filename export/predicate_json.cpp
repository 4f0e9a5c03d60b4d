#include "export/predicate_json.h"

namespace kg {
namespace {

// The string member `key`, "" when absent; false when it is not a string.
bool OptionalString(const rapidjson::Value& item, const char* key, std::string* out) {
  auto it = item.FindMember(key);
  if (it == item.MemberEnd()) return true;
  if (!it->value.IsString()) return false;
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

}  // namespace

PredicateJsonProblem ReadPredicateJson(const rapidjson::Value& item, Predicate* predicate) {
  if (!item.IsObject()) return {"", "expected an object"};
  if (!OptionalString(item, "name", &predicate->name)) return {"name", "expected a string"};
  if (predicate->name.empty()) return {"name", "missing or empty"};
  if (auto it = item.FindMember("symmetric"); it != item.MemberEnd()) {
    if (!it->value.IsBool()) return {"symmetric", "expected true or false"};
    predicate->symmetric = it->value.GetBool();
  }
  for (const auto& [key, types] : {std::pair{"subject", &predicate->subject_types},
                                   std::pair{"object", &predicate->object_types}}) {
    std::string text;
    if (!OptionalString(item, key, &text)) return {key, "expected a string"};
    if (text.empty()) continue;
    auto parsed = TypeSet::Parse(text);
    if (!parsed) return {key, "expected \"*\" or types like PERSON/ORGANIZATION"};
    *types = *parsed;
  }
  std::string kind;
  if (!OptionalString(item, "kind", &kind)) return {"kind", "expected a string"};
  if (!kind.empty()) {
    auto parsed = ParsePredicateKind(kind);
    if (!parsed) return {"kind", "expected hostile, cooperative, pressure, role or neutral"};
    predicate->kind = *parsed;
  }
  if (!OptionalString(item, "description", &predicate->description))
    return {"description", "expected a string"};
  return {};
}

}  // namespace kg
