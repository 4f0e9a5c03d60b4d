// The graph JSON reader on any bytes: a graph it accepts writes back to
// JSON it reads again identically, and to XML that holds only characters
// XML allows.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/unicode.h"
#include "export/diagram.h"
#include "export/graph_json.h"
#include "export/graph_xml.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto graph = kg::ReadGraphJson(std::string(reinterpret_cast<const char*>(data), size), "f.json");
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
  auto dot = kg::WriteDot(*graph, kg::DiagramOptions{});
  KG_FUZZ_REQUIRE(dot.ok(), "DOT is written");
  return 0;
}
