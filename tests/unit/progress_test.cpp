#include <unistd.h>

#include <fcntl.h>
#include <catch2/catch.hpp>
#include <cstdio>

#include "app/progress.h"
#include "tests/test_support.h"

namespace kg {
namespace {

TEST_CASE("counts are grouped by thousands", "[app]") {
  CHECK(GroupDigits(0) == "0");
  CHECK(GroupDigits(999) == "999");
  CHECK(GroupDigits(1000) == "1,000");
  CHECK(GroupDigits(9767) == "9,767");
  CHECK(GroupDigits(1234567) == "1,234,567");
}

TEST_CASE("a progress line stays silent off a terminal", "[app]") {
  test::TempDir dir;
  const std::string path = dir.Path("stderr.txt");
  std::fflush(stderr);
  const int saved = dup(STDERR_FILENO);
  const int file = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(file >= 0);
  dup2(file, STDERR_FILENO);
  {
    ProgressLine progress(true, std::chrono::milliseconds(0));
    progress.Update("laying out 10 entities");
    progress.Done();
  }
  std::fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  close(file);
  CHECK(test::ReadText(path).empty());
}

}  // namespace
}  // namespace kg
