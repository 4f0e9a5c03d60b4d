// Internal to export/: one evidence item as the JSON object the fragment,
// GraphML/GEXF and Cytoscape writers share with the graph file:
// {"document", "start", "end", "sentence"[, "triggers": [[begin, end], ...]]}.
// Triggers are absent rather than empty, so that outputs without them keep
// their bytes.
#pragma once

#include <rapidjson/rapidjson.h>

#include "graph/knowledge_graph.h"

namespace kg {

template <typename Writer>
void WriteEvidenceJson(Writer& w, const Evidence& evidence) {
  w.StartObject();
  w.Key("document");
  w.String(evidence.document.data(), static_cast<rapidjson::SizeType>(evidence.document.size()));
  w.Key("start");
  w.Uint(evidence.start);
  w.Key("end");
  w.Uint(evidence.end);
  w.Key("sentence");
  w.String(evidence.sentence.data(), static_cast<rapidjson::SizeType>(evidence.sentence.size()));
  if (!evidence.triggers.empty()) {
    w.Key("triggers");
    w.StartArray();
    for (const auto& [begin, end] : evidence.triggers) {
      w.StartArray();
      w.Uint(begin);
      w.Uint(end);
      w.EndArray();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace kg
