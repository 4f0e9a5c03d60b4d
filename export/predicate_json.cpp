#include "export/predicate_json.h"

#include "core/unicode.h"

namespace kg {
namespace {

// The string member `key` into `out` (left alone when absent). Returns what
// is wrong, or "": not a string, or not text (an escape can make a lone
// surrogate or a control character, which no output could hold).
std::string OptionalString(const rapidjson::Value& item, const char* key, std::string* out) {
  auto it = item.FindMember(key);
  if (it == item.MemberEnd()) return {};
  if (!it->value.IsString()) return "expected a string";
  const std::string_view text(it->value.GetString(), it->value.GetStringLength());
  if (auto bad = unicode::FindNonText(text)) return unicode::DescribeNonText(text, *bad);
  out->assign(text);
  return {};
}

}  // namespace

PredicateJsonProblem ReadPredicateJson(const rapidjson::Value& item, Predicate* predicate) {
  if (!item.IsObject()) return {"", "expected an object"};
  if (auto bad = OptionalString(item, "name", &predicate->name); !bad.empty()) return {"name", bad};
  if (predicate->name.empty()) return {"name", "missing or empty"};
  if (auto it = item.FindMember("symmetric"); it != item.MemberEnd()) {
    if (!it->value.IsBool()) return {"symmetric", "expected true or false"};
    predicate->symmetric = it->value.GetBool();
  }
  for (const auto& [key, types] : {std::pair{"subject", &predicate->subject_types},
                                   std::pair{"object", &predicate->object_types}}) {
    std::string text;
    if (auto bad = OptionalString(item, key, &text); !bad.empty()) return {key, bad};
    if (text.empty()) continue;
    auto parsed = TypeSet::Parse(text);
    if (!parsed) return {key, "expected \"*\" or types like PERSON/ORGANIZATION"};
    *types = *parsed;
  }
  std::string kind;
  if (auto bad = OptionalString(item, "kind", &kind); !bad.empty()) return {"kind", bad};
  if (!kind.empty()) {
    auto parsed = ParsePredicateKind(kind);
    if (!parsed) return {"kind", "expected hostile, cooperative, pressure, role or neutral"};
    predicate->kind = *parsed;
  }
  if (auto bad = OptionalString(item, "description", &predicate->description); !bad.empty())
    return {"description", bad};
  return {};
}

}  // namespace kg
