// Internal to export/: one evidence item as the JSON object the fragment,
// GraphML/GEXF and Cytoscape writers share with the graph file:
// {"document", "start", "end", "sentence"[, "triggers": [[begin, end], ...]]}.
// Triggers are absent rather than empty, so that outputs without them keep
// their bytes.
#pragma once

#include "export/json_values.h"
#include "graph/knowledge_graph.h"

namespace kg {

template <typename Writer>
void WriteEvidenceJson(Writer& w, const Evidence& evidence) {
  w.StartObject();
  w.Key("document");
  WriteString(w, evidence.document);
  w.Key("start");
  w.Uint(evidence.start);
  w.Key("end");
  w.Uint(evidence.end);
  w.Key("sentence");
  WriteString(w, evidence.sentence);
  if (!evidence.triggers.empty()) {
    w.Key("triggers");
    WriteTriggers(w, evidence, 0);
  }
  w.EndObject();
}

}  // namespace kg
