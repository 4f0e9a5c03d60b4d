// The query parser on any text: a query or a syntax error with a column
// inside the text, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "fuzz/fuzz_support.h"
#include "query/cypher.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = kg::cypher::ParseQuery(text);
  if (auto* error = std::get_if<kg::cypher::SyntaxError>(&parsed)) {
    KG_FUZZ_REQUIRE(!error->message.empty(), "syntax errors say what is wrong");
    KG_FUZZ_REQUIRE(error->column >= 0 && static_cast<size_t>(error->column) <= size + 1,
                    "the column is inside the query");
  }
  return 0;
}
