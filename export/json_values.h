// Internal to export/: the JSON values every writer here shares (graph file,
// fragments, Cytoscape, the HTML view, query results), for any RapidJSON
// writer, pretty or compact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/rapidjson.h>

#include "graph/knowledge_graph.h"

namespace kg {

template <typename Writer>
void WriteString(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename Writer>
void WriteStrings(Writer& w, const std::vector<std::string>& items) {
  w.StartArray();
  for (const auto& item : items) WriteString(w, item);
  w.EndArray();
}

// An evidence item's trigger words as [[begin, end], ...], byte offsets
// counted from `origin` (0: the document; evidence.start: the sentence).
template <typename Writer>
void WriteTriggers(Writer& w, const Evidence& evidence, uint32_t origin) {
  w.StartArray();
  for (const auto& [begin, end] : evidence.triggers) {
    w.StartArray();
    w.Uint(begin - origin);
    w.Uint(end - origin);
    w.EndArray();
  }
  w.EndArray();
}

}  // namespace kg
