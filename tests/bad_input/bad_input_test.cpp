// Hostile input and faults, as data: every case in tests/bad_input/*.cases
// runs kg from a shell in a fresh folder and asserts the exact exit status
// and standard error (and, where given, standard output and checks on the
// files left behind). The format is described at the top of cases files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/test_support.h"

namespace kg {
namespace {

struct Case {
  std::string file;
  size_t line = 0;
  std::string name;
  std::string setup;  // shell lines run first
  std::string run;    // the command under test
  int exit_code = 0;
  std::optional<std::string> err;
  std::optional<std::string> out;
  std::string check;  // shell lines that must succeed afterwards
  bool needs_real_allocator = false;
  bool needs_optimised_build = false;
};

// Blocks start with "== name"; "setup:", "run:", "check:" take the rest of
// their line and may repeat; "exit: N"; "stderr:" and "stdout:" take the
// following lines up to the next keyword or block ("<<" alone: empty);
// "needs: real allocator" marks a case that only runs without ASan;
// "needs: optimised build" one whose input is too big to run under it.
std::vector<Case> ParseCases(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string line;
  size_t number = 0;
  std::string* block = nullptr;
  const auto keyword = [](const std::string& text, const char* key) {
    return text.rfind(key, 0) == 0;
  };
  while (std::getline(in, line)) {
    ++number;
    if (keyword(line, "#") && block == nullptr) continue;
    if (keyword(line, "== ")) {
      Case c;
      c.file = path;
      c.line = number;
      c.name = line.substr(3);
      cases.push_back(std::move(c));
      block = nullptr;
      continue;
    }
    if (cases.empty()) continue;
    Case& c = cases.back();
    if (line == "needs: real allocator") {
      c.needs_real_allocator = true;
      block = nullptr;
    } else if (line == "needs: optimised build") {
      c.needs_optimised_build = true;
      block = nullptr;
    } else if (keyword(line, "setup: ")) {
      c.setup += line.substr(7) + "\n";
      block = nullptr;
    } else if (keyword(line, "run: ")) {
      c.run += line.substr(5) + "\n";
      block = nullptr;
    } else if (keyword(line, "check: ")) {
      c.check += line.substr(7) + "\n";
      block = nullptr;
    } else if (keyword(line, "exit: ")) {
      c.exit_code = std::stoi(line.substr(6));
      block = nullptr;
    } else if (line == "stderr:") {
      c.err = "";
      block = &*c.err;
    } else if (line == "stdout:") {
      c.out = "";
      block = &*c.out;
    } else if (block != nullptr && line != "<<") {
      *block += line + "\n";
    } else if (block == nullptr && !line.empty()) {
      FAIL(path << ":" << number << ": unexpected line \"" << line << "\"");
    }
  }
  // A block ends at the blank lines before the next keyword or case.
  for (Case& c : cases) {
    for (auto* text : {&c.err, &c.out}) {
      if (!*text) continue;
      while (text->value().ends_with("\n\n")) text->value().pop_back();
      if (text->value() == "\n") text->value().clear();
    }
  }
  return cases;
}

// The shell every case runs in: `kg` with a timeout, $KG, $SOURCE, and
// `limit_memory MB COMMAND...`, which caps the address space (under ASan,
// whose shadow memory needs the whole address space, it caps the size of
// one allocation instead, which fails the same way: std::bad_alloc).
std::string Prelude(const std::string& dir) {
#ifdef KG_SANITIZED
  const std::string limit =
      "limit_memory() { local mb=$1; shift; "
      "ASAN_OPTIONS=\"$ASAN_OPTIONS:allocator_may_return_null=1:max_allocation_size_mb=$mb\" "
      "\"$@\"; }; ";
#else
  const std::string limit =
      "limit_memory() { local mb=$1; shift; prlimit --as=$((mb * 1048576)) \"$@\"; }; ";
#endif
  return "set -o pipefail; cd " + test::Quote(dir) +
         " || exit 99; export SOURCE=" + test::Quote(test::SourcePath("")) +
         "; export KG=" KG_BINARY "; kg() { timeout -k 5 120 \"$KG\" \"$@\"; }; " + limit;
}

void RunCase(const Case& c) {
  test::TempDir dir;
  INFO(c.file << ":" << c.line << ": " << c.name);
#ifdef KG_SANITIZED
  // ASan's operator new reports running out of memory instead of throwing
  // std::bad_alloc, so what kg does then can only be seen without it.
  if (c.needs_real_allocator) {
    WARN("not run under the sanitizers: " << c.name);
    return;
  }
  // Sizes that show a cost is linear take minutes and gigabytes under ASan.
  if (c.needs_optimised_build) {
    WARN("too big for the sanitizers: " << c.name);
    return;
  }
#endif
  if (!c.setup.empty()) {
    const auto setup = test::RunShell("bash -c " + test::Quote(Prelude(dir.Path("")) + c.setup));
    INFO("setup stderr: " << setup.err);
    REQUIRE(setup.exit_code == 0);
  }
  const auto result = test::RunShell("bash -c " + test::Quote(Prelude(dir.Path("")) + c.run));
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == c.exit_code);
  if (c.err) CHECK(result.err == *c.err);
  if (c.out) CHECK(result.out == *c.out);
  if (!c.check.empty()) {
    const auto check = test::RunShell("bash -c " + test::Quote(Prelude(dir.Path("")) + c.check));
    INFO("check output: " << check.out << check.err);
    CHECK(check.exit_code == 0);
  }
}

// All cases files, or the one KG_CASES names (CTest runs each file as a
// test of its own, so that they run in parallel).
std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  if (const char* one = std::getenv("KG_CASES"); one != nullptr && *one != '\0') {
    return {test::SourcePath("tests/bad_input/" + std::string(one))};
  }
  for (const auto& entry :
       std::filesystem::directory_iterator(test::SourcePath("tests/bad_input"))) {
    if (entry.path().extension() == ".cases") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every hostile input and fault case gives its exact message and exit status",
          "[bad_input]") {
  const auto files = CaseFiles();
  REQUIRE(!files.empty());
  for (const auto& file : files) {
    const auto cases = ParseCases(file);
    REQUIRE(!cases.empty());
    for (const auto& c : cases) {
      DYNAMIC_SECTION(std::filesystem::path(file).filename().string() << ": " << c.name) {
        RunCase(c);
      }
    }
  }
}

}  // namespace kg
