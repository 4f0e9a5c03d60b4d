#include "eval/gold.h"

#include <set>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/insitu_json.h"
#include "core/position.h"
#include "core/unicode.h"

namespace kg {
namespace {

// Reads one gold file's fields with their types checked; every error names
// the file, line and column of the value and its path ("relations[2]").
class GoldReader {
 public:
  // `root` was parsed in situ from a copy of `text`, so its strings point
  // into that copy at the same offsets as in `text`.
  GoldReader(std::string_view text, const char* copy, std::string origin)
      : text_(text), copy_(copy), origin_(std::move(origin)) {}

  Status Error(const rapidjson::Value* near, const std::string& path,
               const std::string& message) const {
    return Status::Error(At(near) + ": " + (path.empty() ? "" : path + ": ") + message);
  }

  // A string field; missing or null gives "" (when optional), anything else is an error.
  Status GetString(const rapidjson::Value& object, const char* key, const std::string& path,
                   std::string* out) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return Status::Ok();
    if (!it->value.IsString()) return Error(&it->name, path + key, "expected a string");
    std::string_view value(it->value.GetString(), it->value.GetStringLength());
    if (auto bad = unicode::FindNonText(value)) {
      return Error(&it->value, path + key, unicode::DescribeNonText(value, *bad));
    }
    out->assign(value);
    return Status::Ok();
  }

  Status GetBool(const rapidjson::Value& object, const char* key, const std::string& path,
                 bool* out) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return Status::Ok();
    if (!it->value.IsBool()) return Error(&it->name, path + key, "expected true or false");
    *out = it->value.GetBool();
    return Status::Ok();
  }

  // An array field; missing or null gives nullptr.
  Result<const rapidjson::Value*> GetArray(const rapidjson::Value& object, const char* key) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return nullptr;
    if (!it->value.IsArray()) return Error(&it->name, key, "expected an array");
    return &it->value;
  }

 private:
  std::string At(const rapidjson::Value* near) const {
    if (near != nullptr && near->IsObject() && near->MemberCount() > 0)
      near = &near->MemberBegin()->name;
    if (near == nullptr || !near->IsString()) return FilePosition(origin_, 1, 1);
    const size_t offset = static_cast<size_t>(near->GetString() - copy_);
    return FilePosition(origin_, text_, offset > 0 ? offset - 1 : 0);  // at the opening quote
  }

  std::string_view text_;
  const char* copy_;
  std::string origin_;
};

#define KG_CHECK(expr) \
  if (Status s = (expr); !s.ok()) return s

Result<GoldEntity> ReadEntity(const GoldReader& r, const rapidjson::Value& item,
                              const std::string& where) {
  if (!item.IsObject()) return r.Error(nullptr, where, "expected an object");
  GoldEntity entity;
  const std::string path = where + ".";
  KG_CHECK(r.GetString(item, "id", path, &entity.id));
  KG_CHECK(r.GetString(item, "name", path, &entity.name));
  KG_CHECK(r.GetString(item, "type", path, &entity.type));
  KG_CHECK(r.GetBool(item, "optional", path, &entity.optional));
  if (entity.id.empty() || entity.name.empty()) return r.Error(&item, where, "needs id and name");
  auto aliases = r.GetArray(item, "aliases");
  if (!aliases.ok()) return aliases.status();
  if (*aliases != nullptr) {
    for (rapidjson::SizeType k = 0; k < (*aliases)->Size(); ++k) {
      const auto& alias = (**aliases)[k];
      const std::string alias_path = path + "aliases[" + std::to_string(k) + "]";
      if (!alias.IsString()) return r.Error(&item, alias_path, "expected a string");
      const std::string_view text(alias.GetString(), alias.GetStringLength());
      if (auto bad = unicode::FindNonText(text))
        return r.Error(&alias, alias_path, unicode::DescribeNonText(text, *bad));
      entity.aliases.emplace_back(text);
    }
  }
  return entity;
}

Result<GoldRelation> ReadRelation(const GoldReader& r, const rapidjson::Value& item,
                                  const std::string& where, const std::set<std::string>& ids) {
  if (!item.IsObject()) return r.Error(nullptr, where, "expected an object");
  GoldRelation relation;
  const std::string path = where + ".";
  KG_CHECK(r.GetString(item, "subject", path, &relation.subject));
  KG_CHECK(r.GetString(item, "predicate", path, &relation.predicate));
  KG_CHECK(r.GetString(item, "object", path, &relation.object));
  KG_CHECK(r.GetString(item, "evidence", path, &relation.evidence));
  KG_CHECK(r.GetBool(item, "optional", path, &relation.optional));
  std::string status;
  KG_CHECK(r.GetString(item, "status", path, &status));
  if (!status.empty()) relation.status = status;
  for (const auto* end : {&relation.subject, &relation.object}) {
    if (!ids.contains(*end)) return r.Error(&item, where, "unknown entity \"" + *end + "\"");
  }
  return relation;
}

#undef KG_CHECK

}  // namespace

Result<GoldDocument> ReadGold(std::string_view json, const std::string& origin) {
  // Parsed iteratively (a file nested a million levels deep costs heap,
  // not stack) and in situ in a copy, so that values keep their offsets.
  std::string copy(json);
  if (const size_t nul = copy.find('\0'); nul != std::string::npos) {
    return Status::Error(FilePosition(origin, json, nul) + ": NUL byte in JSON text");
  }
  PadForInsituParse(&copy);
  rapidjson::Document root;
  root.ParseInsitu<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(
      copy.data());
  if (root.HasParseError()) {
    return Status::Error(FilePosition(origin, json, root.GetErrorOffset()) + ": " +
                         rapidjson::GetParseError_En(root.GetParseError()));
  }
  const GoldReader r(json, copy.data(), origin);
  if (!root.IsObject()) return r.Error(nullptr, "", "expected a JSON object");
  GoldDocument gold;
  if (Status s = r.GetString(root, "document", "", &gold.document); !s.ok()) return s;
  std::set<std::string> ids;
  auto entities = r.GetArray(root, "entities");
  if (!entities.ok()) return entities.status();
  if (*entities != nullptr) {
    for (rapidjson::SizeType i = 0; i < (*entities)->Size(); ++i) {
      auto entity = ReadEntity(r, (**entities)[i], "entities[" + std::to_string(i) + "]");
      if (!entity.ok()) return entity.status();
      ids.insert(entity->id);
      gold.entities.push_back(std::move(*entity));
    }
  }
  auto relations = r.GetArray(root, "relations");
  if (!relations.ok()) return relations.status();
  if (*relations != nullptr) {
    for (rapidjson::SizeType i = 0; i < (*relations)->Size(); ++i) {
      auto relation =
          ReadRelation(r, (**relations)[i], "relations[" + std::to_string(i) + "]", ids);
      if (!relation.ok()) return relation.status();
      gold.relations.push_back(std::move(*relation));
    }
  }
  return gold;
}

}  // namespace kg
