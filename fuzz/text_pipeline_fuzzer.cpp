// The text pipeline on any bytes: an article is checked (UTF-8, binary,
// empty), extracted with the default pack, merged, written as graph JSON,
// GraphML and DOT, and the JSON must read back to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.h"
#include "core/unicode.h"
#include "core/utf8.h"
#include "export/diagram.h"
#include "export/graph_json.h"
#include "export/graph_xml.h"
#include "extract/compiled_rules.h"
#include "extract/pipeline.h"
#include "fuzz/fuzz_support.h"
#include "graph/graph_builder.h"

namespace {

const kg::Pipeline& SharedPipeline() {
  static const kg::Pipeline pipeline(kg::CompiledRules::Compile(kg::DefaultRulePack()).value());
  return pipeline;
}

}  // namespace

// Compiling the default pack takes seconds under the sanitizers: done once
// here, before libFuzzer starts timing inputs (-timeout), not in the first.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  SharedPipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 16)) return 0;  // long articles are the benchmark's job
  auto document = kg::MakeDocument("d1", "fuzz.txt", "",
                                   std::string(reinterpret_cast<const char*>(data), size));
  if (!document.ok()) return 0;
  const kg::Pipeline& pipeline = SharedPipeline();
  kg::GraphBuilder builder(pipeline.rules().pack().predicates);
  // Inputs are at most 64 KiB, far below the token limit: always analysed.
  auto analysis = pipeline.Analyze(*document);
  KG_FUZZ_REQUIRE(analysis.ok(), "a short article is analysed");
  KG_FUZZ_REQUIRE(builder.Add(*document, *analysis).ok(), "an article merges");
  const kg::KnowledgeGraph graph = builder.Finish();
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const std::string& id = graph.node(n).id;
    KG_FUZZ_REQUIRE(!id.empty() && id.size() <= 200, "ids are bounded slugs");
    KG_FUZZ_REQUIRE(!kg::unicode::FindNonIdText(id), "ids are text");
    KG_FUZZ_REQUIRE(id.find(' ') == std::string::npos, "ids hold no spaces");
    size_t length = 0;
    for (size_t pos = 0; pos < id.size(); pos += length) {
      KG_FUZZ_REQUIRE(kg::unicode::IsXmlNameChar(kg::utf8::Decode(id, pos, &length)),
                      "ids are XML name tokens (GraphML's xs:NMTOKEN)");
    }
  }
  const std::string json = kg::WriteGraphJson(graph);
  auto back = kg::ReadGraphJson(json, "fuzz.json");
  KG_FUZZ_REQUIRE(back.ok(), "kg reads the graph JSON it writes");
  KG_FUZZ_REQUIRE(kg::WriteGraphJson(*back) == json, "graph JSON round-trips");
  const std::string xml = kg::WriteGraphMl(graph);
  KG_FUZZ_REQUIRE(IsXmlText(xml), "GraphML holds only XML characters");
  auto dot = kg::WriteDot(graph, kg::DiagramOptions{});
  KG_FUZZ_REQUIRE(dot.ok(), "DOT is written");
  return 0;
}
