#include "eval/gold.h"

#include <set>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace kg {
namespace {

std::string GetString(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool GetBool(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

}  // namespace

Result<GoldDocument> ReadGold(std::string_view json, const std::string& origin) {
  rapidjson::Document root;
  root.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (root.HasParseError()) {
    return Status::Error(origin + ": byte " + std::to_string(root.GetErrorOffset()) + ": " +
                         rapidjson::GetParseError_En(root.GetParseError()));
  }
  if (!root.IsObject()) return Status::Error(origin + ": expected a JSON object");
  GoldDocument gold;
  gold.document = GetString(root, "document");
  std::set<std::string> ids;
  if (auto it = root.FindMember("entities"); it != root.MemberEnd() && it->value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      const auto& item = it->value[i];
      const std::string where = origin + ": entities[" + std::to_string(i) + "]";
      if (!item.IsObject()) return Status::Error(where + ": expected an object");
      GoldEntity entity;
      entity.id = GetString(item, "id");
      entity.name = GetString(item, "name");
      entity.type = GetString(item, "type");
      entity.optional = GetBool(item, "optional");
      if (entity.id.empty() || entity.name.empty())
        return Status::Error(where + ": needs id and name");
      if (auto aliases = item.FindMember("aliases");
          aliases != item.MemberEnd() && aliases->value.IsArray()) {
        for (const auto& alias : aliases->value.GetArray()) {
          if (alias.IsString())
            entity.aliases.emplace_back(alias.GetString(), alias.GetStringLength());
        }
      }
      ids.insert(entity.id);
      gold.entities.push_back(std::move(entity));
    }
  }
  if (auto it = root.FindMember("relations"); it != root.MemberEnd() && it->value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      const auto& item = it->value[i];
      const std::string where = origin + ": relations[" + std::to_string(i) + "]";
      if (!item.IsObject()) return Status::Error(where + ": expected an object");
      GoldRelation relation;
      relation.subject = GetString(item, "subject");
      relation.predicate = GetString(item, "predicate");
      relation.object = GetString(item, "object");
      relation.evidence = GetString(item, "evidence");
      relation.optional = GetBool(item, "optional");
      if (std::string status = GetString(item, "status"); !status.empty()) relation.status = status;
      for (const auto* end : {&relation.subject, &relation.object}) {
        if (!ids.contains(*end)) return Status::Error(where + ": unknown entity \"" + *end + "\"");
      }
      gold.relations.push_back(std::move(relation));
    }
  }
  return gold;
}

}  // namespace kg
