// The graph JSON reader on any bytes: the fast reader accepts only what the
// checked reader accepts, with the same graph; a graph it accepts writes
// back to JSON it reads again identically, and to XML that holds only
// characters XML allows, with GraphML ids that are XML name tokens.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/insitu_json.h"
#include "core/unicode.h"
#include "export/diagram.h"
#include "export/graph_json.h"
#include "export/graph_json_reader.h"
#include "export/graph_xml.h"
#include "fuzz/fuzz_support.h"

namespace {

// The two readers agree wherever the fast one takes the text.
void CheckReadersAgree(const std::string& text) {
  if (text.find('\0') != std::string::npos) return;  // ReadGraphJson refuses NULs first
  const auto fast = kg::ReadGraphJsonFast(text, {});
  if (!fast) return;
  std::string padded = text;
  kg::PadForInsituParse(&padded);
  const auto checked = kg::ReadGraphJsonChecked(std::move(padded), "f.json", {});
  KG_FUZZ_REQUIRE(checked.ok(), "the fast reader accepts only what the checked reader accepts");
  KG_FUZZ_REQUIRE(kg::WriteGraphJson(*fast) == kg::WriteGraphJson(*checked),
                  "both readers build the same graph");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  CheckReadersAgree(text);
  auto graph = kg::ReadGraphJson(text, "f.json");
  if (!graph.ok()) {
    KG_FUZZ_REQUIRE(graph.status().message().rfind("f.json", 0) == 0, "errors name the file");
    return 0;
  }
  const std::string json = kg::WriteGraphJson(*graph);
  auto again = kg::ReadGraphJson(json, "again.json");
  KG_FUZZ_REQUIRE(again.ok(), "kg reads the graph JSON it writes");
  KG_FUZZ_REQUIRE(kg::WriteGraphJson(*again) == json, "graph JSON round-trips");
  for (const std::string& xml : {kg::WriteGraphMl(*graph), kg::WriteGexf(*graph)}) {
    KG_FUZZ_REQUIRE(IsXmlText(xml), "XML exports hold only XML characters");
  }
  for (size_t n = 0; n < graph->node_count(); ++n) {
    const std::string id = kg::GraphMlId(graph->node(n).id);
    KG_FUZZ_REQUIRE(!id.empty(), "GraphML ids are not empty");
    size_t length = 0;
    for (size_t pos = 0; pos < id.size(); pos += length) {
      KG_FUZZ_REQUIRE(kg::unicode::IsXmlNameChar(kg::utf8::Decode(id, pos, &length)),
                      "GraphML ids are XML name tokens (xs:NMTOKEN)");
    }
  }
  auto dot = kg::WriteDot(*graph, kg::DiagramOptions{});
  KG_FUZZ_REQUIRE(dot.ok(), "DOT is written");
  return 0;
}
