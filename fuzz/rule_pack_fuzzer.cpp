// The rule-pack parser on any bytes: the input is one or more files
// ("\n@@ NAME\n" starts a file; before the first, titles.tsv), parsed,
// checked and, when the checks pass, compiled laid over nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/compiled_rules.h"
#include "extract/rule_pack.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<kg::RuleFile> files{{"titles.tsv", ""}};
  size_t pos = 0;
  while (pos <= input.size()) {
    const size_t next = input.find("\n@@ ", pos);
    files.back().contents =
        input.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    if (next == std::string::npos) break;
    const size_t name_end = input.find('\n', next + 4);
    if (name_end == std::string::npos) break;
    files.push_back({input.substr(next + 4, name_end - next - 4), ""});
    pos = name_end + 1;
  }
  // The origin is a folder with its slash, as LoadRulePack gives it.
  auto pack = kg::ParseRulePack(files, "fuzz/");
  if (!pack.ok()) {
    const std::string& message = pack.status().message();
    bool names_a_file = false;
    for (const kg::RuleFile& file : files) {
      names_a_file = names_a_file || message.rfind("fuzz/" + file.name + ":", 0) == 0;
    }
    KG_FUZZ_REQUIRE(names_a_file, "errors name the file");
    return 0;
  }
  if (!kg::CheckRulePack(*pack).empty()) return 0;
  auto compiled = kg::CompiledRules::Compile(*pack);
  (void)compiled;
  return 0;
}
