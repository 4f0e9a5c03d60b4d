#include <catch2/catch.hpp>

#include "app/throughput.h"
#include "tests/test_support.h"

namespace kg {
namespace {

TEST_CASE("the progress text gives counts, size, speed and the time left", "[app]") {
  CHECK(ProgressText(1204, "article", 14'200'000, 4.0, 42'600'000) ==
        "1,204 articles, 14.2 MB, 3.5 MB/s, ETA 0:08");
  CHECK(ProgressText(1, "fragment", 500, 1.0, std::nullopt) == "1 fragment, 0 kB, 0.0 MB/s");
  // No estimate without a rate, or once the input is all read.
  CHECK(ProgressText(0, "article", 0, 0.0, 1000) == "0 articles, 0 kB, 0.0 MB/s");
  CHECK(ProgressText(9, "article", 2'000'000, 1.0, 2'000'000) == "9 articles, 2.0 MB, 2.0 MB/s");
  CHECK(ProgressText(9, "article", 1'000'000, 1.0, 7'201'000'000) ==
        "9 articles, 1.0 MB, 1.0 MB/s, ETA 2:00:00");
  CHECK(RateText(25'100'000, 8.0) == "25.1 MB in 8.0 s, 3.1 MB/s");
}

TEST_CASE("the input size counts files and folders, and not a pipe", "[app]") {
  test::TempDir dir;
  dir.Write("a.jsonl", std::string(300, 'x'));
  dir.Write("sub/b.txt", std::string(200, 'y'));
  CHECK(InputBytes({dir.Path("a.jsonl")}) == 300);
  CHECK(InputBytes({dir.Path("")}) == 500);
}

}  // namespace
}  // namespace kg
