// The JSON Lines reader on any bytes: every line gives a document or a
// problem, never a crash, and documents hold valid text.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/unicode.h"
#include "core/utf8.h"
#include "fuzz/fuzz_support.h"
#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  kg::ReadOptions options;
  options.max_document_bytes = 4096;  // small, so that the line cap is exercised too
  size_t problems = 0;
  kg::DocumentReader reader(
      options,
      [](kg::Document document) {
        KG_FUZZ_REQUIRE(!kg::utf8::FindInvalid(document.text), "text is UTF-8");
        KG_FUZZ_REQUIRE(!kg::unicode::FindNonIdText(document.id), "ids are text");
        KG_FUZZ_REQUIRE(!kg::utf8::FindInvalid(document.title), "titles are UTF-8");
      },
      [&](const std::string& message) {
        KG_FUZZ_REQUIRE(message.rfind("fuzz.jsonl", 0) == 0, "problems name the file");
        ++problems;
      });
  reader.ReadJsonLinesFrom(in, "fuzz.jsonl");
  return 0;
}
