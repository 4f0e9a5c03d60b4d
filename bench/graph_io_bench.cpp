// Graph JSON load and write against the physical limits of the machine.
//
//   kg_graph_io_bench GRAPH.json [--repeat R]
//
// For the file (e.g. the 1.8 GB graph kg_graph_bench --keep writes), the
// median of R runs (default 3) of:
// - read: the file into memory (ReadFile; from the page cache after the
//   first run): the limit of any loader;
// - scan: one pass over the bytes in memory (counting quotes): the memory
//   bandwidth a parser cannot beat;
// - parse: RapidJSON's in-situ DOM parse alone, as ReadGraphJson does it;
// - load: ReadGraphJson (read, parse, checks, building the graph);
// - write: WriteGraphJson of the loaded graph.
// Wall time and CPU time (user + system) are both given: on a shared
// machine the CPU time is the steadier of the two.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "core/file_io.h"
#include "export/graph_json.h"

namespace {

struct Time {
  double wall;
  double cpu;
};

class Timer {
 public:
  Timer() : wall_(std::chrono::steady_clock::now()), cpu_(std::clock()) {}
  Time Stop() const {
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count(),
            static_cast<double>(std::clock() - cpu_) / CLOCKS_PER_SEC};
  }

 private:
  std::chrono::steady_clock::time_point wall_;
  std::clock_t cpu_;
};

Time Median(std::vector<Time> runs) {
  const auto middle = [](std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  std::vector<double> wall, cpu;
  for (const Time& t : runs) {
    wall.push_back(t.wall);
    cpu.push_back(t.cpu);
  }
  return {middle(wall), middle(cpu)};
}

void Report(const char* what, Time t, double megabytes) {
  std::printf("%-48s %7.2f s wall %7.0f MB/s   %7.2f s CPU %7.0f MB/s\n", what, t.wall,
              megabytes / t.wall, t.cpu, megabytes / t.cpu);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: kg_graph_io_bench GRAPH.json [--repeat R]\n");
    return 2;
  }
  const std::string path = argv[1];
  int repeat = 3;
  if (argc >= 4 && std::string(argv[2]) == "--repeat") repeat = std::max(1, std::atoi(argv[3]));
  const size_t limit = size_t{64} << 30;

  std::vector<Time> read, scan, parse, load, write;
  double megabytes = 0;
  size_t written = 0;
  for (int run = 0; run < repeat; ++run) {
    Timer timer;
    auto contents = kg::ReadFile(path, limit);
    read.push_back(timer.Stop());
    if (!contents.ok()) {
      std::fprintf(stderr, "%s\n", contents.status().message().c_str());
      return 1;
    }
    megabytes = static_cast<double>(contents->size()) / 1e6;

    timer = Timer();
    const auto quotes = std::count(contents->begin(), contents->end(), '"');
    scan.push_back(timer.Stop());

    std::string copy = *contents;
    timer = Timer();
    {
      rapidjson::Document document;
      document.ParseInsitu<rapidjson::kParseValidateEncodingFlag>(copy.data());
      if (document.HasParseError() || quotes == 0) return 1;
      parse.push_back(timer.Stop());
    }
    copy = std::string();

    timer = Timer();
    auto graph = kg::ReadGraphJson(std::move(*contents), path);
    load.push_back(timer.Stop());
    if (!graph.ok()) {
      std::fprintf(stderr, "%s\n", graph.status().message().c_str());
      return 1;
    }
    timer = Timer();
    const std::string json = kg::WriteGraphJson(*graph);
    write.push_back(timer.Stop());
    written = json.size();
  }
  std::printf("%s: %.0f MB, median of %d runs\n", path.c_str(), megabytes, repeat);
  Report("read the file (page cache)", Median(read), megabytes);
  Report("scan the bytes in memory", Median(scan), megabytes);
  Report("parse only (RapidJSON in situ, UTF-8 checked)", Median(parse), megabytes);
  Report("load (ReadGraphJson: read is not included)", Median(load), megabytes);
  Report("write (WriteGraphJson)", Median(write), static_cast<double>(written) / 1e6);
  return 0;
}
