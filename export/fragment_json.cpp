#include "export/fragment_json.h"

#include <limits>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/evidence_writer.h"
#include "export/json_values.h"
#include "export/predicate_json.h"

namespace kg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Field access with the checks RapidJSON leaves to its caller; errors
// name the field ("entities[2].type: expected a string").
class Fields {
 public:
  // `where`: "origin" for the line's object (fields read "origin: key"),
  // "origin: entities[2]" for a nested one (fields read "...[2].key").
  Fields(const rapidjson::Value& object, std::string where, bool top = false)
      : object_(object), where_(std::move(where)), top_(top) {}

  Status Error(const std::string& field, const std::string& message) const {
    return Status::Error(where_ + (field.empty() ? "" : (top_ ? ": " : ".") + field) + ": " +
                         message);
  }

  // A string field; "" when optional and absent.
  Status Get(const char* key, std::string* out, bool required = true) const {
    auto it = object_.FindMember(key);
    if (it == object_.MemberEnd()) return required ? Error(key, "missing") : Status::Ok();
    if (!it->value.IsString()) return Error(key, "expected a string");
    out->assign(it->value.GetString(), it->value.GetStringLength());
    return Status::Ok();
  }

  Status Get(const char* key, std::vector<std::string>* out) const {
    auto it = object_.FindMember(key);
    if (it == object_.MemberEnd()) return Status::Ok();
    if (!it->value.IsArray()) return Error(key, "expected an array of strings");
    for (const auto& item : it->value.GetArray()) {
      if (!item.IsString()) return Error(key, "expected an array of strings");
      out->emplace_back(item.GetString(), item.GetStringLength());
    }
    return Status::Ok();
  }

  Status Get(const char* key, int64_t* out,
             int64_t max = std::numeric_limits<int64_t>::max()) const {
    auto it = object_.FindMember(key);
    if (it == object_.MemberEnd()) return Error(key, "missing");
    if (!it->value.IsInt64() || it->value.GetInt64() < 0 || it->value.GetInt64() > max)
      return Error(key, "expected a non-negative integer");
    *out = it->value.GetInt64();
    return Status::Ok();
  }

  // An array field (empty when absent).
  Result<const rapidjson::Value*> Array(const char* key) const {
    static const rapidjson::Value kEmpty(rapidjson::kArrayType);
    auto it = object_.FindMember(key);
    if (it == object_.MemberEnd()) return &kEmpty;
    if (!it->value.IsArray()) return Error(key, "expected an array");
    return &it->value;
  }

 private:
  const rapidjson::Value& object_;
  std::string where_;
  bool top_;
};

std::string At(const std::string& origin, const char* array, rapidjson::SizeType index) {
  return origin + ": " + array + "[" + std::to_string(index) + "]";
}

#define KG_CHECK(expr) \
  if (Status s_ = (expr); !s_.ok()) return s_

Status ReadDocuments(const Fields& root, const std::string& origin, Fragment* out) {
  auto documents = root.Array("documents");
  if (!documents.ok()) return documents.status();
  for (rapidjson::SizeType i = 0; i < (*documents)->Size(); ++i) {
    const auto& item = (**documents)[i];
    if (!item.IsObject()) return Status::Error(At(origin, "documents", i) + ": expected an object");
    const Fields f(item, At(origin, "documents", i));
    DocumentInfo document;
    KG_CHECK(f.Get("id", &document.id));
    KG_CHECK(f.Get("path", &document.path, false));
    KG_CHECK(f.Get("title", &document.title, false));
    KG_CHECK(f.Get("sha256", &document.sha256, false));
    out->documents.push_back(std::move(document));
  }
  return Status::Ok();
}

Status ReadPredicates(const Fields& root, const std::string& origin, Fragment* out) {
  auto predicates = root.Array("predicates");
  if (!predicates.ok()) return predicates.status();
  for (rapidjson::SizeType i = 0; i < (*predicates)->Size(); ++i) {
    Predicate predicate;
    const auto problem = ReadPredicateJson((**predicates)[i], &predicate);
    const std::string where = At(origin, "predicates", i);
    if (!problem.message.empty()) {
      return Status::Error(where + (problem.field.empty() ? "" : "." + problem.field) + ": " +
                           problem.message);
    }
    if (Status s = out->predicates.Add(std::move(predicate)); !s.ok())
      return Status::Error(where + ": " + s.message());
  }
  return Status::Ok();
}

Status ReadEntities(const Fields& root, const std::string& origin, Fragment* out) {
  auto entities = root.Array("entities");
  if (!entities.ok()) return entities.status();
  out->entities.reserve((*entities)->Size());
  for (rapidjson::SizeType i = 0; i < (*entities)->Size(); ++i) {
    const auto& item = (**entities)[i];
    if (!item.IsObject()) return Status::Error(At(origin, "entities", i) + ": expected an object");
    const Fields f(item, At(origin, "entities", i));
    FragmentEntity entity;
    KG_CHECK(f.Get("label", &entity.label));
    std::string type;
    KG_CHECK(f.Get("type", &type));
    const auto parsed = ParseEntityType(type);
    if (!parsed) return f.Error("type", "expected PERSON, ORGANIZATION or LOCATION");
    entity.type = *parsed;
    KG_CHECK(f.Get("aliases", &entity.aliases));
    KG_CHECK(f.Get("mentions", &entity.mentions));
    KG_CHECK(f.Get("documents", &entity.documents));
    KG_CHECK(f.Get("id", &entity.id, false));
    out->entities.push_back(std::move(entity));
  }
  return Status::Ok();
}

// Optional `triggers`: [[begin, end], ...] byte offsets, each a non-empty
// range inside the evidence sentence [start, end].
Status ReadTriggers(const Fields& evidence, Evidence* out) {
  auto triggers = evidence.Array("triggers");
  if (!triggers.ok()) return triggers.status();
  for (const auto& span : (*triggers)->GetArray()) {
    if (!span.IsArray() || span.Size() != 2 || !span[0].IsUint() || !span[1].IsUint() ||
        span[0].GetUint() < out->start || span[1].GetUint() > out->end ||
        span[0].GetUint() >= span[1].GetUint()) {
      return evidence.Error("triggers", "expected [begin, end] byte offsets inside the sentence");
    }
    out->triggers.emplace_back(span[0].GetUint(), span[1].GetUint());
  }
  return Status::Ok();
}

Status ReadEvidence(const Fields& relation, const std::string& where, FragmentRelation* out) {
  auto evidence = relation.Array("evidence");
  if (!evidence.ok()) return evidence.status();
  out->evidence.reserve((*evidence)->Size());
  for (rapidjson::SizeType k = 0; k < (*evidence)->Size(); ++k) {
    const auto& item = (**evidence)[k];
    const std::string path = where + ".evidence[" + std::to_string(k) + "]";
    if (!item.IsObject()) return Status::Error(path + ": expected an object");
    const Fields f(item, path);
    Evidence ev;
    int64_t start = 0;
    int64_t end = 0;
    KG_CHECK(f.Get("document", &ev.document));
    KG_CHECK(f.Get("start", &start, std::numeric_limits<uint32_t>::max()));
    KG_CHECK(f.Get("end", &end, std::numeric_limits<uint32_t>::max()));
    KG_CHECK(f.Get("sentence", &ev.sentence));
    ev.start = static_cast<uint32_t>(start);
    ev.end = static_cast<uint32_t>(end);
    KG_CHECK(ReadTriggers(f, &ev));
    out->evidence.push_back(std::move(ev));
  }
  return Status::Ok();
}

Status ReadRelations(const Fields& root, const std::string& origin, Fragment* out) {
  auto relations = root.Array("relations");
  if (!relations.ok()) return relations.status();
  out->relations.reserve((*relations)->Size());
  for (rapidjson::SizeType i = 0; i < (*relations)->Size(); ++i) {
    const auto& item = (**relations)[i];
    const std::string where = At(origin, "relations", i);
    if (!item.IsObject()) return Status::Error(where + ": expected an object");
    const Fields f(item, where);
    FragmentRelation relation;
    int64_t subject = 0;
    int64_t object = 0;
    KG_CHECK(f.Get("subject", &subject, std::numeric_limits<uint32_t>::max()));
    KG_CHECK(f.Get("object", &object, std::numeric_limits<uint32_t>::max()));
    relation.subject = static_cast<uint32_t>(subject);
    relation.object = static_cast<uint32_t>(object);
    KG_CHECK(f.Get("predicate", &relation.predicate));
    std::string status;
    KG_CHECK(f.Get("status", &status));
    const auto parsed = ParseRelationStatus(status);
    if (!parsed) return f.Error("status", "expected asserted, negated or hypothetical");
    relation.status = *parsed;
    KG_CHECK(f.Get("weight", &relation.weight));
    KG_CHECK(ReadEvidence(f, where, &relation));
    out->relations.push_back(std::move(relation));
  }
  return Status::Ok();
}

#undef KG_CHECK

}  // namespace

std::string WriteFragmentJson(const Fragment& fragment) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("schema");
  WriteString(w, "kg-fragment/1");
  w.Key("documents");
  w.StartArray();
  for (const DocumentInfo& document : fragment.documents) {
    w.StartObject();
    w.Key("id");
    WriteString(w, document.id);
    w.Key("path");
    WriteString(w, document.path);
    w.Key("title");
    WriteString(w, document.title);
    w.Key("sha256");
    WriteString(w, document.sha256);
    w.EndObject();
  }
  w.EndArray();
  w.Key("predicates");
  w.StartArray();
  for (const Predicate& predicate : fragment.predicates.entries()) WritePredicateJson(w, predicate);
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  for (const FragmentEntity& entity : fragment.entities) {
    w.StartObject();
    w.Key("label");
    WriteString(w, entity.label);
    w.Key("type");
    WriteString(w, EntityTypeName(entity.type));
    w.Key("aliases");
    WriteStrings(w, entity.aliases);
    w.Key("mentions");
    w.Int64(entity.mentions);
    w.Key("documents");
    WriteStrings(w, entity.documents);
    if (!entity.id.empty()) {
      w.Key("id");
      WriteString(w, entity.id);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const FragmentRelation& relation : fragment.relations) {
    w.StartObject();
    w.Key("subject");
    w.Uint(relation.subject);
    w.Key("object");
    w.Uint(relation.object);
    w.Key("predicate");
    WriteString(w, relation.predicate);
    w.Key("status");
    WriteString(w, RelationStatusName(relation.status));
    w.Key("weight");
    w.Int64(relation.weight);
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& evidence : relation.evidence) WriteEvidenceJson(w, evidence);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<Fragment> ReadFragmentJson(std::string_view line, const std::string& origin) {
  rapidjson::Document root;
  // Iterative: the nesting depth of a line must not decide the stack depth.
  root.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(line.data(),
                                                                                     line.size());
  if (root.HasParseError()) {
    return Status::Error(origin + ": column " + std::to_string(root.GetErrorOffset() + 1) +
                         ": malformed JSON: " + rapidjson::GetParseError_En(root.GetParseError()));
  }
  if (!root.IsObject()) return Status::Error(origin + ": expected a JSON object");
  const Fields fields(root, origin, true);
  std::string schema;
  if (Status s = fields.Get("schema", &schema); !s.ok()) return s;
  if (schema != "kg-fragment/1") {
    return Status::Error(origin + ": schema: unsupported \"" + schema +
                         "\" (this kg reads kg-fragment/1)");
  }
  Fragment fragment;
  for (auto* read : {&ReadDocuments, &ReadPredicates, &ReadEntities, &ReadRelations}) {
    if (Status s = read(fields, origin, &fragment); !s.ok()) return s;
  }
  return fragment;
}

}  // namespace kg
