// Internal to export/: a vocabulary entry (core/predicates.h) as the JSON
// object that graph files (graph.predicates) and fragments share:
// {"name", "symmetric", "subject", "object", "kind", "description"}.
#pragma once

#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "core/predicates.h"

namespace kg {

template <typename Writer>
void WritePredicateJson(Writer& w, const Predicate& predicate) {
  const auto string = [&w](std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  w.Key("name");
  string(predicate.name);
  w.Key("symmetric");
  w.Bool(predicate.symmetric);
  w.Key("subject");
  string(predicate.subject_types.ToString());
  w.Key("object");
  string(predicate.object_types.ToString());
  w.Key("kind");
  string(PredicateKindName(predicate.kind));
  w.Key("description");
  string(predicate.description);
  w.EndObject();
}

// A problem with one entry: the field ("" for the entry itself) and what
// was expected. Empty message: no problem.
struct PredicateJsonProblem {
  std::string field;
  std::string message;
};

// Reads one entry; only "name" is required.
PredicateJsonProblem ReadPredicateJson(const rapidjson::Value& item, Predicate* predicate);

}  // namespace kg
