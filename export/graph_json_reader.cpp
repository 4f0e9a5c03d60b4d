#include "export/graph_json_reader.h"

#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/insitu_json.h"
#include "core/position.h"
#include "core/unicode.h"
#include "export/predicate_json.h"

namespace kg {
namespace {

// Where a value sits ("links[2].evidence[0]"), spelled out only for an
// error: building the text for every one of millions of values would cost
// more than reading them.
struct Where {
  const char* array = "";
  size_t index = 0;
  const char* nested = nullptr;
  size_t nested_index = 0;

  std::string Text() const {
    std::string text = std::string(array) + "[" + std::to_string(index) + "]";
    if (nested != nullptr)
      text += std::string(".") + nested + "[" + std::to_string(nested_index) + "]";
    return text;
  }
};

// Parsing events go to the document; strings that hold a newline (decoded
// from "\n" escapes in place) are noted, so that errors can blank them and
// count only the file's own lines.
class NewlineNotingHandler {
 public:
  explicit NewlineNotingHandler(rapidjson::Document* document) : document_(*document) {}

  bool Null() { return document_.Null(); }
  bool Bool(bool b) { return document_.Bool(b); }
  bool Int(int i) { return document_.Int(i); }
  bool Uint(unsigned u) { return document_.Uint(u); }
  bool Int64(int64_t i) { return document_.Int64(i); }
  bool Uint64(uint64_t u) { return document_.Uint64(u); }
  bool Double(double d) { return document_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return document_.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    Note(s, n);
    return document_.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    Note(s, n);
    return document_.Key(s, n, copy);
  }
  bool StartObject() { return document_.StartObject(); }
  bool EndObject(rapidjson::SizeType n) { return document_.EndObject(n); }
  bool StartArray() { return document_.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { return document_.EndArray(n); }

  const std::vector<std::pair<const char*, size_t>>& with_newlines() const {
    return with_newlines_;
  }

 private:
  void Note(const char* s, rapidjson::SizeType n) {
    if (std::memchr(s, '\n', n) != nullptr) with_newlines_.emplace_back(s, n);
  }

  rapidjson::Document& document_;
  std::vector<std::pair<const char*, size_t>> with_newlines_;
};

// The text of an in-situ parse as it was for counting lines: newlines that
// escapes put inside strings become spaces. Only ever done for an error.
void BlankDecodedNewlines(std::string* buffer,
                          const std::vector<std::pair<const char*, size_t>>& strings) {
  for (const auto& [start, length] : strings) {
    const size_t offset = static_cast<size_t>(start - buffer->data());
    for (size_t i = offset; i < offset + length && i < buffer->size(); ++i) {
      if ((*buffer)[i] == '\n') (*buffer)[i] = ' ';
    }
  }
}

class Reader {
 public:
  // `root` was parsed in situ from `buffer`: its strings point into it,
  // which gives every message a line and column. `with_newlines` are the
  // strings in it that escapes gave a newline.
  Reader(std::string origin, const rapidjson::Value& root, std::string* buffer,
         const std::vector<std::pair<const char*, size_t>>* with_newlines)
      : origin_(std::move(origin)), root_(root), buffer_(buffer), with_newlines_(with_newlines) {}

  Status Error(const std::string& path, const std::string& message) const {
    return Status::Error(At(Find(path)) + ": " + path + ": " + message);
  }
  Status Error(const Where& where, const std::string& message) const {
    return Status::Error(At(Find(where, nullptr)) + ": " + where.Text() + ": " + message);
  }
  Status Error(const Where& where, const char* field, const std::string& message) const {
    return Status::Error(At(Find(where, field)) + ": " + where.Text() + "." + field + ": " +
                         message);
  }

  // Strings must be text: an escape can make a control character, a NUL
  // or a lone surrogate (rapidjson 1.1 turns \udc00 into invalid UTF-8),
  // and none of them survives XML, DOT or a terminal.
  // Ids (and references to them) must also be free of what XML would have
  // to replace (noncharacters, form feeds).
  Status CheckText(const rapidjson::Value& value, const std::string& path) const {
    const std::string_view text(value.GetString(), value.GetStringLength());
    const bool id = path.ends_with(".id") || path.ends_with(".source") ||
                    path.ends_with(".target") || path.ends_with(".document") ||
                    (path.find(".documents[") != std::string::npos && path.ends_with("]"));
    const auto bad = id ? unicode::FindNonIdText(text) : unicode::FindNonText(text);
    if (!bad) return Status::Ok();
    return Status::Error(At(value.GetString()) + ": " + path + ": " +
                         unicode::DescribeNonText(text, *bad));
  }

  // What CheckText accepts, without the path: that is spelled out only for
  // an error, since a large graph has millions of strings to check.
  static bool IsText(const rapidjson::Value& value, bool id) {
    const std::string_view text(value.GetString(), value.GetStringLength());
    return !(id ? unicode::FindNonIdText(text) : unicode::FindNonText(text));
  }

  // CheckText for the field `key` of `where`.
  Status CheckField(const rapidjson::Value& value, const Where& where, const char* key) const {
    const std::string_view name(key);
    const bool id = name == "id" || name == "source" || name == "target" || name == "document";
    if (IsText(value, id)) return Status::Ok();
    return CheckText(value, where.Text() + "." + key);
  }

  Result<std::string> GetString(const rapidjson::Value& object, const char* key, const Where& where,
                                bool required = true) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd()) {
      if (!required) return std::string();
      return Error(where, std::string("missing field \"") + key + "\"");
    }
    if (!it->value.IsString()) return Error(where, key, "expected a string");
    if (Status s = CheckField(it->value, where, key); !s.ok()) return s;
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }

  // The same checks on a member found beforehand (null: missing).
  Result<std::string> StringOf(const rapidjson::Value* value, const char* key, const Where& where,
                               bool required = true) const {
    if (value == nullptr) {
      if (!required) return std::string();
      return Error(where, std::string("missing field \"") + key + "\"");
    }
    if (!value->IsString()) return Error(where, key, "expected a string");
    if (Status s = CheckField(*value, where, key); !s.ok()) return s;
    return std::string(value->GetString(), value->GetStringLength());
  }

  Result<int64_t> CountOf(const rapidjson::Value* value, const char* key, const Where& where,
                          int64_t max = std::numeric_limits<int64_t>::max()) const {
    if (value == nullptr) return Error(where, std::string("missing field \"") + key + "\"");
    if (!value->IsInt64() || value->GetInt64() < 0 || value->GetInt64() > max) {
      return Error(where, key, "expected a non-negative integer");
    }
    return value->GetInt64();
  }

  Result<int64_t> GetCount(const rapidjson::Value& object, const char* key, const Where& where,
                           int64_t max = std::numeric_limits<int64_t>::max()) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd()) return Error(where, std::string("missing field \"") + key + "\"");
    if (!it->value.IsInt64() || it->value.GetInt64() < 0 || it->value.GetInt64() > max) {
      return Error(where, key, "expected a non-negative integer");
    }
    return it->value.GetInt64();
  }

  Result<std::vector<std::string>> GetStrings(const rapidjson::Value& object, const char* key,
                                              const Where& where) const {
    std::vector<std::string> out;
    auto it = object.FindMember(key);
    if (it == object.MemberEnd()) return out;  // optional lists
    if (!it->value.IsArray()) return Error(where, key, "expected an array of strings");
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      const auto& item = it->value[i];
      const auto path = [&] { return where.Text() + "." + key + "[" + std::to_string(i) + "]"; };
      if (!item.IsString()) return Error(path(), "expected a string");
      if (!IsText(item, std::string_view(key) == "documents")) return CheckText(item, path());
      out.emplace_back(item.GetString(), item.GetStringLength());
    }
    return out;
  }

  const rapidjson::Value* GetArray(const rapidjson::Value& object, const char* key) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsArray()) return nullptr;
    return &it->value;
  }

 private:
  // "origin:line:column" of a place in the buffer, or "origin" alone.
  // The DOM is not read after an error, so its strings may be changed.
  std::string At(const char* place) const {
    const std::string& buffer = *buffer_;
    if (place == nullptr || place < buffer.data() || place > buffer.data() + buffer.size())
      return origin_;
    BlankDecodedNewlines(buffer_, *with_newlines_);
    // Strings start one byte after their opening quote: point at the quote.
    const size_t offset = static_cast<size_t>(place - buffer.data());
    return FilePosition(origin_, buffer, offset > 0 ? offset - 1 : 0);
  }

  static const rapidjson::Value* Member(const rapidjson::Value* object, std::string_view key,
                                        const char** key_at) {
    if (object == nullptr || !object->IsObject()) return nullptr;
    for (auto it = object->MemberBegin(); it != object->MemberEnd(); ++it) {
      if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == key) {
        *key_at = it->name.GetString();
        return &it->value;
      }
    }
    return nullptr;
  }

  static const rapidjson::Value* Item(const rapidjson::Value* array, size_t index) {
    if (array == nullptr || !array->IsArray() || index >= array->Size()) return nullptr;
    return &(*array)[static_cast<rapidjson::SizeType>(index)];
  }

  // Where a value starts: its own text for a string, its first key for an
  // object, else nullptr.
  static const char* Start(const rapidjson::Value* value) {
    if (value == nullptr) return nullptr;
    if (value->IsString()) return value->GetString();
    if (value->IsObject() && value->MemberCount() > 0)
      return value->MemberBegin()->name.GetString();
    return nullptr;
  }

  // The place of a top-level path such as "nodes" or "graph.documents".
  const char* Find(std::string_view path) const {
    const char* place = nullptr;
    const rapidjson::Value* value = &root_;
    size_t start = 0;
    while (value != nullptr && start <= path.size()) {
      size_t dot = path.find('.', start);
      if (dot == std::string_view::npos) dot = path.size();
      std::string_view key = path.substr(start, dot - start);
      if (const size_t bracket = key.find('['); bracket != std::string_view::npos)
        key = key.substr(0, bracket);
      value = Member(value, key, &place);
      start = dot + 1;
    }
    if (value != nullptr && value->IsString()) return value->GetString();
    return place;
  }

  // The place of an array item (`where`), or of one of its fields.
  const char* Find(const Where& where, const char* field) const {
    const char* place = Find(where.array);
    const rapidjson::Value* item = nullptr;
    {
      const rapidjson::Value* value = &root_;
      std::string_view path = where.array;
      const char* ignored = nullptr;
      for (size_t start = 0; value != nullptr && start <= path.size();) {
        size_t dot = path.find('.', start);
        if (dot == std::string_view::npos) dot = path.size();
        value = Member(value, path.substr(start, dot - start), &ignored);
        start = dot + 1;
      }
      item = Item(value, where.index);
    }
    if (where.nested != nullptr) {
      const char* ignored = nullptr;
      item = Item(Member(item, where.nested, &ignored), where.nested_index);
    }
    if (const char* start = Start(item)) place = start;
    if (field != nullptr) {
      const char* key_at = nullptr;
      const rapidjson::Value* value = Member(item, field, &key_at);
      if (const char* start = value != nullptr && value->IsString() ? value->GetString() : key_at)
        place = start;
    }
    return place;
  }

  std::string origin_;
  const rapidjson::Value& root_;
  std::string* buffer_;
  const std::vector<std::pair<const char*, size_t>>* with_newlines_;
};

// The members `names` of an object, found in one pass over it (a link has
// several fields; looking each one up would scan the object each time).
template <size_t N>
std::array<const rapidjson::Value*, N> Members(const rapidjson::Value& object,
                                               const std::array<std::string_view, N>& names) {
  std::array<const rapidjson::Value*, N> found{};
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    const std::string_view name(it->name.GetString(), it->name.GetStringLength());
    for (size_t k = 0; k < N; ++k) {
      if (found[k] == nullptr && name == names[k]) {
        found[k] = &it->value;
        break;
      }
    }
  }
  return found;
}

#define KG_ASSIGN(lhs, expr)                            \
  auto lhs##_result = (expr);                           \
  if (!lhs##_result.ok()) return lhs##_result.status(); \
  auto lhs = std::move(lhs##_result).value()

// graph.schema, when present, names a version this reader knows.
Status CheckGraphJsonSchema(const Reader& r, const rapidjson::Value& graph) {
  auto it = graph.FindMember("schema");
  if (it == graph.MemberEnd()) return Status::Ok();  // written by another tool
  if (!it->value.IsString()) return r.Error("graph.schema", "expected a string");
  const std::string_view schema(it->value.GetString(), it->value.GetStringLength());
  if (schema == "kg-graph/1" || schema == kGraphJsonSchema) return Status::Ok();
  return r.Error("graph.schema", "unsupported schema \"" + std::string(schema) +
                                     "\" (this kg reads kg-graph/1 and " + kGraphJsonSchema + ")");
}

// graph.predicates into `table`; false in *recorded when the file has none.
Status ReadPredicates(const Reader& r, const rapidjson::Value& graph, PredicateTable* table,
                      bool* recorded) {
  auto it = graph.FindMember("predicates");
  *recorded = it != graph.MemberEnd();
  if (!*recorded) return Status::Ok();
  if (!it->value.IsArray()) return r.Error("graph.predicates", "expected an array");
  for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
    const Where path{"graph.predicates", i};
    Predicate predicate;
    if (auto problem = ReadPredicateJson(it->value[i], &predicate); !problem.message.empty()) {
      return problem.field.empty() ? r.Error(path, problem.message)
                                   : r.Error(path, problem.field.c_str(), problem.message);
    }
    if (Status s = table->Add(std::move(predicate)); !s.ok()) return r.Error(path, s.message());
  }
  return Status::Ok();
}

// The graph object: schema, vocabulary and documents. A file without
// graph.predicates takes `fallback`.
Status ReadGraphObject(const Reader& r, const rapidjson::Value& root,
                       const PredicateTable& fallback, KnowledgeGraph* graph,
                       bool* predicates_recorded) {
  *predicates_recorded = false;
  graph->SetPredicates(fallback);
  auto graph_it = root.FindMember("graph");
  if (graph_it == root.MemberEnd()) return Status::Ok();
  if (!graph_it->value.IsObject()) return r.Error("graph", "expected an object");
  if (Status s = CheckGraphJsonSchema(r, graph_it->value); !s.ok()) return s;
  PredicateTable predicates;
  if (Status s = ReadPredicates(r, graph_it->value, &predicates, predicates_recorded); !s.ok())
    return s;
  if (*predicates_recorded) graph->SetPredicates(std::move(predicates));
  const rapidjson::Value* documents = r.GetArray(graph_it->value, "documents");
  if (documents == nullptr) return Status::Ok();
  for (rapidjson::SizeType i = 0; i < documents->Size(); ++i) {
    const Where path{"graph.documents", i};
    const auto& item = (*documents)[i];
    if (!item.IsObject()) return r.Error(path, "expected an object");
    KG_ASSIGN(id, r.GetString(item, "id", path));
    KG_ASSIGN(source, r.GetString(item, "path", path, false));
    KG_ASSIGN(title, r.GetString(item, "title", path, false));
    KG_ASSIGN(sha, r.GetString(item, "sha256", path, false));
    graph->AddDocument({id, source, title, sha});
  }
  return Status::Ok();
}

Status ReadNodes(const Reader& r, const rapidjson::Value& root, KnowledgeGraph* graph) {
  const rapidjson::Value* nodes = r.GetArray(root, "nodes");
  if (nodes == nullptr) return r.Error("nodes", "missing or not an array");
  for (rapidjson::SizeType i = 0; i < nodes->Size(); ++i) {
    const Where path{"nodes", i};
    const auto& item = (*nodes)[i];
    if (!item.IsObject()) return r.Error(path, "expected an object");
    NodeData node;
    KG_ASSIGN(id, r.GetString(item, "id", path));
    if (id.empty()) return r.Error(path, "id", "empty id");
    node.id = std::move(id);
    KG_ASSIGN(label, r.GetString(item, "label", path));
    node.label = std::move(label);
    KG_ASSIGN(type_name, r.GetString(item, "type", path));
    auto type = ParseEntityType(type_name);
    if (!type) return r.Error(path, "type", "expected PERSON, ORGANIZATION or LOCATION");
    node.type = *type;
    KG_ASSIGN(aliases, r.GetStrings(item, "aliases", path));
    node.aliases = std::move(aliases);
    auto mentions = item.FindMember("mentions");
    if (mentions != item.MemberEnd()) {
      KG_ASSIGN(count, r.GetCount(item, "mentions", path));
      node.mentions = count;
    }
    KG_ASSIGN(documents, r.GetStrings(item, "documents", path));
    node.documents = std::move(documents);
    if (!graph->TryAddNode(std::move(node)))
      return r.Error(path, "id", "duplicate node id \"" + node.id + "\"");
  }
  return Status::Ok();
}

// Every link's predicate must be in a recorded vocabulary; a file without
// one gets a plain directed entry for each predicate the fallback lacks.
Status ReadLinks(const Reader& r, const rapidjson::Value& root, bool predicates_recorded,
                 KnowledgeGraph* graph) {
  PredicateTable predicates = graph->predicates();
  const rapidjson::Value* links = r.GetArray(root, "links");
  if (links == nullptr) links = r.GetArray(root, "edges");
  if (links == nullptr) return r.Error("links", "missing or not an array");
  static constexpr std::array<std::string_view, 6> kFields = {"source", "target", "predicate",
                                                              "status", "weight", "evidence"};
  static constexpr std::array<std::string_view, 5> kEvidence = {"document", "start", "end",
                                                                "sentence", "triggers"};
  // Links come sorted by source (the writer's canonical order): remember
  // the last source instead of looking it up again.
  std::string last_source_id;
  std::optional<size_t> last_source;
  // Targets are looked up a chunk at a time, which overlaps the lookups'
  // cache misses (half the loading time of a large graph otherwise).
  constexpr rapidjson::SizeType kChunk = 4096;
  std::vector<std::string_view> chunk_targets;
  std::vector<std::optional<size_t>> chunk_found;
  for (rapidjson::SizeType i = 0; i < links->Size(); ++i) {
    if (i % kChunk == 0) {
      chunk_targets.clear();
      for (rapidjson::SizeType k = i; k < links->Size() && k - i < kChunk; ++k) {
        const auto& link = (*links)[k];
        // MemberEnd() is only defined on an object: a link of another type
        // is reported below, with its position.
        std::string_view target;
        if (link.IsObject()) {
          auto it = link.FindMember("target");
          if (it != link.MemberEnd() && it->value.IsString())
            target = std::string_view(it->value.GetString(), it->value.GetStringLength());
        }
        chunk_targets.push_back(target);
      }
      graph->FindNodes(chunk_targets, &chunk_found);
    }
    const Where path{"links", i};
    const auto& item = (*links)[i];
    if (!item.IsObject()) return r.Error(path, "expected an object");
    const auto fields = Members(item, kFields);
    KG_ASSIGN(source_id, r.StringOf(fields[0], "source", path));
    KG_ASSIGN(target_id, r.StringOf(fields[1], "target", path));
    if (!last_source || source_id != last_source_id) {
      last_source = graph->FindNode(source_id);
      last_source_id = source_id;
    }
    const auto source = last_source;
    if (!source) return r.Error(path, "source", "unknown node \"" + source_id + "\"");
    const auto target = chunk_found[i % kChunk];
    if (!target) return r.Error(path, "target", "unknown node \"" + target_id + "\"");
    EdgeData edge;
    KG_ASSIGN(predicate, r.StringOf(fields[2], "predicate", path));
    if (predicate.empty()) return r.Error(path, "predicate", "empty predicate");
    if (!predicates.Contains(predicate)) {
      if (predicates_recorded) {
        return r.Error(
            path, "predicate",
            "\"" + predicate + "\" is not in graph.predicates (" + predicates.NameList() + ")");
      }
      Predicate plain;
      plain.name = predicate;
      [[maybe_unused]] const Status added = predicates.Add(std::move(plain));
    }
    edge.predicate = std::move(predicate);
    KG_ASSIGN(status_name, r.StringOf(fields[3], "status", path, false));
    auto status =
        status_name.empty() ? RelationStatus::kAsserted : ParseRelationStatus(status_name);
    if (!status) return r.Error(path, "status", "expected asserted, negated or hypothetical");
    edge.status = *status;
    KG_ASSIGN(weight, r.CountOf(fields[4], "weight", path));
    edge.weight = weight;
    if (fields[5] != nullptr && !fields[5]->IsArray())
      return r.Error(path, "evidence", "expected an array");
    if (const rapidjson::Value* evidence = fields[5]) {
      edge.evidence.reserve(evidence->Size());
      for (rapidjson::SizeType k = 0; k < evidence->Size(); ++k) {
        const Where epath{"links", i, "evidence", k};
        const auto& ev = (*evidence)[k];
        if (!ev.IsObject()) return r.Error(epath, "expected an object");
        const auto parts = Members(ev, kEvidence);
        KG_ASSIGN(document, r.StringOf(parts[0], "document", epath));
        KG_ASSIGN(start, r.CountOf(parts[1], "start", epath, std::numeric_limits<uint32_t>::max()));
        KG_ASSIGN(end, r.CountOf(parts[2], "end", epath, std::numeric_limits<uint32_t>::max()));
        KG_ASSIGN(sentence, r.StringOf(parts[3], "sentence", epath));
        if (end < start) return r.Error(epath, "end before start");
        Evidence proof{std::move(document), static_cast<uint32_t>(start),
                       static_cast<uint32_t>(end), std::move(sentence)};
        if (const rapidjson::Value* triggers = parts[4]) {
          if (!triggers->IsArray()) return r.Error(epath, "triggers", "expected an array");
          for (const auto& span : triggers->GetArray()) {
            if (!span.IsArray() || span.Size() != 2 || !span[0].IsUint() || !span[1].IsUint() ||
                span[0].GetUint() < proof.start || span[1].GetUint() > proof.end ||
                span[0].GetUint() >= span[1].GetUint()) {
              return r.Error(epath, "triggers",
                             "expected [begin, end] byte offsets inside the sentence");
            }
            proof.triggers.emplace_back(span[0].GetUint(), span[1].GetUint());
          }
        }
        edge.evidence.push_back(std::move(proof));
      }
    }
    graph->AppendEdgeUnchecked(*source, *target, std::move(edge));
  }
  graph->SetPredicates(std::move(predicates));
  // Uniqueness is checked once for all links: cheaper than an index
  // updated link by link.
  if (const auto duplicate = graph->FirstDuplicateEdge()) {
    const EdgeData& edge = graph->edge(*duplicate);
    return r.Error(Where{"links", *duplicate},
                   "duplicate link (" + graph->node(graph->edge_source(*duplicate)).id + ", " +
                       edge.predicate + ", " + graph->node(graph->edge_target(*duplicate)).id +
                       ", " + std::string(RelationStatusName(edge.status)) + ")");
  }
  return Status::Ok();
}

#undef KG_ASSIGN

}  // namespace

Result<KnowledgeGraph> ReadGraphJsonChecked(std::string json, const std::string& origin,
                                            const PredicateTable& fallback) {
  rapidjson::Document root;
  // In situ: strings stay in the buffer instead of being copied into the
  // DOM (and their place in it gives messages a line and column).
  // kParseValidateEncodingFlag: invalid UTF-8 is an error, not garbage.
  // kParseIterativeFlag: nesting costs heap, not stack, however deep; the
  // pool allocator frees the DOM without recursion.
  NewlineNotingHandler handler(&root);
  rapidjson::ParseResult parsed;
  const auto parse = [&](rapidjson::Document&) {
    rapidjson::InsituStringStream stream(json.data());
    parsed = rapidjson::Reader()
                 .Parse<rapidjson::kParseInsituFlag | rapidjson::kParseValidateEncodingFlag |
                        rapidjson::kParseIterativeFlag>(stream, handler);
    return !parsed.IsError();
  };
  root.Populate(parse);
  if (parsed.IsError()) {
    BlankDecodedNewlines(&json, handler.with_newlines());
    return Status::Error(FilePosition(origin, json, parsed.Offset()) + ": " +
                         rapidjson::GetParseError_En(parsed.Code()));
  }
  if (!root.IsObject()) {
    return Status::Error(FilePosition(origin, 1, 1) + ": expected a JSON object at the top");
  }
  Reader reader(origin, root, &json, &handler.with_newlines());
  KnowledgeGraph graph;
  const rapidjson::Value* nodes = reader.GetArray(root, "nodes");
  const rapidjson::Value* links = reader.GetArray(root, "links");
  graph.Reserve(nodes ? nodes->Size() : 0, links ? links->Size() : 0);
  bool predicates_recorded = false;
  if (Status s = ReadGraphObject(reader, root, fallback, &graph, &predicates_recorded); !s.ok())
    return s;
  if (Status s = ReadNodes(reader, root, &graph); !s.ok()) return s;
  if (Status s = ReadLinks(reader, root, predicates_recorded, &graph); !s.ok()) return s;
  return graph;
}

bool ReadGraphMemberJson(std::string_view member, const PredicateTable& fallback,
                         KnowledgeGraph* graph, bool* predicates_recorded) {
  std::string text = "{\"graph\"" + std::string(member) + "}";
  PadForInsituParse(&text);
  rapidjson::Document root;
  root.ParseInsitu<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(
      text.data());
  if (root.HasParseError() || !root.IsObject()) return false;
  const std::vector<std::pair<const char*, size_t>> no_newlines;
  const Reader reader("", root, &text, &no_newlines);
  return ReadGraphObject(reader, root, fallback, graph, predicates_recorded).ok();
}

}  // namespace kg
