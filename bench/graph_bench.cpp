// Query benchmark on a generated graph (default: 1 million entities, 5
// million relations, one evidence sentence each): opening the binary graph
// (.kgb) and loading graph JSON, 2-hop neighbourhoods, shortest paths, a
// filtered pattern scan (at two sizes, to show it grows linearly) and the
// top 10 by degree through count(), each the median of several runs.
//
//   kg_graph_bench [--nodes N] [--edges M] [--queries Q] [--runs R]
//                  [--keep DIR] [--skip-json] [--kuzu-csv DIR]
//
// --keep DIR writes graph.json and graph.kgb there (and reuses graph.kgb
// on the next run); --kuzu-csv DIR writes entities.csv and relations.csv
// for bench/kuzu/kuzu_bench.mjs. Degrees follow a skewed distribution, as
// in news graphs where a few entities (countries, leaders) are in most
// stories.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "export/graph_json.h"
#include "graph/algorithms.h"
#include "graph/graph_image.h"
#include "query/query_engine.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double PeakMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Processor time (user + system) used so far, in seconds: on a shared
// machine it is steadier than the time on the clock.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double last_cpu = 0;  // the median processor time of the last Median()

// The median of `runs` timings of `work`, in seconds.
double Median(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  std::vector<double> cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const double cpu_start = CpuSeconds();
    work();
    times.push_back(Seconds(start));
    cpu.push_back(CpuSeconds() - cpu_start);
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  last_cpu = cpu[cpu.size() / 2];
  return times[times.size() / 2];
}

const char* kPredicates[] = {"met_with",  "spoke_with", "pressed",  "warned",         "informed",
                             "supported", "criticized", "attacked", "assassinated",   "visited",
                             "leader_of", "member_of",  "based_in", "negotiated_with"};

kg::KnowledgeGraph Generate(size_t nodes, size_t edges, uint32_t seed) {
  std::mt19937_64 random(seed);
  kg::KnowledgeGraph graph;
  graph.AddDocument({"d1", "generated", "generated", ""});
  for (size_t n = 0; n < nodes; ++n) {
    kg::NodeData node;
    node.id = "e" + std::to_string(n);
    node.label = "Entity " + std::to_string(n);
    node.type = static_cast<kg::EntityType>(n % 3);
    node.aliases = {"E" + std::to_string(n)};
    node.mentions = 1 + static_cast<int64_t>(random() % 20);
    node.documents = {"d1"};
    graph.AddNode(std::move(node));
  }
  // Targets skewed towards low indexes (hubs): index = nodes * u^3.
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  size_t added = 0;
  while (added < edges) {
    const size_t source = static_cast<size_t>(random() % nodes);
    const size_t target = std::min(
        nodes - 1, static_cast<size_t>(static_cast<double>(nodes) * std::pow(unit(random), 3)));
    if (source == target) continue;
    kg::EdgeData edge;
    edge.predicate = kPredicates[random() % 14];
    edge.status =
        random() % 10 == 0 ? kg::RelationStatus::kHypothetical : kg::RelationStatus::kAsserted;
    if (graph.FindEdge(source, edge.predicate, target, edge.status)) continue;
    edge.weight = 1 + static_cast<int64_t>(random() % 5);
    edge.evidence = {
        {"d1", 0, 40,
         "Entity " + std::to_string(source) + " and Entity " + std::to_string(target) + "."}};
    graph.AddEdge(source, target, std::move(edge));
    ++added;
  }
  graph.Canonicalize();
  return graph;
}

// CSV files for Kuzu's COPY: one entity table, one relation table.
void WriteKuzuCsv(const kg::GraphImage& graph, const std::string& folder) {
  std::filesystem::create_directories(folder);
  std::ofstream entities(folder + "/entities.csv");
  for (size_t n = 0; n < graph.node_count(); ++n) {
    entities << graph.node_id(n) << ',' << graph.node_label(n) << ','
             << kg::EntityTypeName(graph.node_type(n)) << ',' << graph.node_mentions(n) << '\n';
  }
  std::ofstream relations(folder + "/relations.csv");
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    relations << graph.node_id(graph.edge_source(e)) << ',' << graph.node_id(graph.edge_target(e))
              << ',' << graph.predicate_name(graph.edge_predicate(e)) << ','
              << kg::RelationStatusName(graph.edge_status(e)) << ',' << graph.edge_weight(e) << ','
              << e << '\n';
  }
}

struct Options {
  size_t nodes = 1'000'000;
  size_t edges = 5'000'000;
  size_t queries = 200;
  int runs = 5;
  std::string keep;
  bool skip_json = false;
  std::string kuzu_csv;
};

kg::QueryOptions EngineOptions() {
  kg::QueryOptions options;
  options.symmetric_predicates = {"met_with", "spoke_with", "negotiated_with"};
  return options;
}

// Runs `query` `runs` times; prints its median time and first answer.
void Query(const kg::QueryEngine& engine, const char* name, const std::string& query, int runs) {
  std::string answer;
  const double seconds = Median(runs, [&] {
    auto result = engine.Run(query);
    if (auto* error = std::get_if<kg::QueryError>(&result)) {
      std::fprintf(stderr, "query failed: %s\n", error->message.c_str());
      std::exit(1);
    }
    const auto& rows = std::get<kg::QueryResult>(result).rows;
    answer = std::to_string(rows.size()) + " rows";
    if (!rows.empty() && rows[0].back().kind() == kg::QueryValue::Kind::kInt)
      answer += ", first " + std::to_string(rows[0].back().integer());
  });
  std::printf("%-44s %9.3f ms  cpu %9.3f ms  (%s)\n", name, seconds * 1e3, last_cpu * 1e3,
              answer.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : "";
    if (flag == "--skip-json") {
      options.skip_json = true;
      continue;
    }
    ++i;
    if (flag == "--nodes") {
      options.nodes = std::strtoull(value, nullptr, 10);
    } else if (flag == "--edges") {
      options.edges = std::strtoull(value, nullptr, 10);
    } else if (flag == "--queries") {
      options.queries = std::strtoull(value, nullptr, 10);
    } else if (flag == "--runs") {
      options.runs = std::max(1, std::atoi(value));
    } else if (flag == "--keep") {
      options.keep = value;
    } else if (flag == "--kuzu-csv") {
      options.kuzu_csv = value;
    } else {
      std::fprintf(stderr, "unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  const std::string folder = options.keep.empty()
                                 ? (std::filesystem::temp_directory_path() / "kg-bench").string()
                                 : options.keep;
  std::filesystem::create_directories(folder);
  const std::string json_path = folder + "/graph.json";
  const std::string kgb_path = folder + "/graph.kgb";
  if (options.keep.empty() || !std::filesystem::exists(kgb_path)) {
    std::printf("generating %zu entities, %zu relations ...\n", options.nodes, options.edges);
    auto start = Clock::now();
    const kg::KnowledgeGraph generated = Generate(options.nodes, options.edges, 42);
    std::printf("  generated in %.1f s\n", Seconds(start));
    start = Clock::now();
    const kg::GraphImage image = kg::GraphImage::FromGraph(generated);
    if (auto s = kg::WriteFileAtomically(kgb_path, image.bytes()); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
    std::printf("  binary graph written in %.1f s: %.0f MB\n", Seconds(start),
                static_cast<double>(image.bytes().size()) / 1e6);
    if (!options.skip_json) {
      if (auto s = kg::WriteFileAtomically(json_path, kg::WriteGraphJson(generated)); !s.ok()) {
        std::fprintf(stderr, "%s\n", s.message().c_str());
        return 1;
      }
    }
  }

  std::optional<kg::GraphImage> opened;
  const double open = Median(options.runs, [&] {
    opened.reset();
    auto image = kg::GraphImage::Open(kgb_path);
    if (!image.ok()) {
      std::fprintf(stderr, "%s\n", image.status().message().c_str());
      std::exit(1);
    }
    opened.emplace(std::move(*image));
  });
  const kg::GraphImage& graph = *opened;
  std::printf("open the binary graph (%zu MB, checked)    %9.3f ms  cpu %9.3f ms\n",
              graph.bytes().size() / 1'000'000, open * 1e3, last_cpu * 1e3);
  if (!options.kuzu_csv.empty()) WriteKuzuCsv(graph, options.kuzu_csv);

  const auto start = Clock::now();
  const kg::QueryEngine engine(graph, EngineOptions());
  std::printf("query engine on the image                    %9.3f ms\n", Seconds(start) * 1e3);

  std::mt19937_64 random(7);
  std::vector<size_t> picks(options.queries);
  for (auto& pick : picks) pick = static_cast<size_t>(random() % graph.node_count());
  size_t reached = 0;
  const double hood = Median(options.runs, [&] {
    reached = 0;
    for (size_t pick : picks) reached += kg::Neighborhood(engine.topology(), pick, 2).size();
  });
  std::printf("2-hop neighbourhood (API, mean of %zu)       %9.3f ms  (%zu reached on average)\n",
              picks.size(), hood * 1e3 / static_cast<double>(picks.size()), reached / picks.size());
  size_t found = 0;
  const double paths = Median(options.runs, [&] {
    found = 0;
    for (size_t i = 0; i + 1 < picks.size(); i += 2)
      found += kg::ShortestPaths(engine.topology(), picks[i], picks[i + 1], 6).empty() ? 0u : 1u;
  });
  std::printf("shortest path (API, mean of %zu pairs)       %9.3f ms  (%zu connected)\n",
              picks.size() / 2, paths * 1e3 / static_cast<double>(picks.size() / 2), found);

  Query(engine, "2-hop from a hub (e106), Cypher",
        "MATCH (a {id: 'e106'})-[*1..2]-(b) RETURN count(DISTINCT b)", options.runs);
  Query(engine, "shortestPath e999999 - e500001, Cypher",
        "MATCH p = shortestPath((a {id: 'e999999'})-[*..6]-(b {id: 'e500001'})) RETURN "
        "length(p)",
        options.runs);
  const char* scan =
      "MATCH (a:PERSON)-[r:pressed]->(b) WHERE r.weight >= 3 AND r.status = 'asserted' RETURN "
      "count(*)";
  Query(engine, "filtered scan with count(*)", scan, options.runs);
  Query(engine, "top 10 by degree with count(*)",
        "MATCH (a)-[r]-(b) RETURN a.label, count(*) AS n ORDER BY n DESC, a.label LIMIT 10",
        std::min(options.runs, 3));
  {
    // The same scan on a quarter of the graph: linear scans take a quarter
    // of the time.
    const kg::GraphImage quarter =
        kg::GraphImage::FromGraph(Generate(options.nodes / 4, options.edges / 4, 43));
    const kg::QueryEngine small(quarter, EngineOptions());
    Query(small, "filtered scan, a quarter of the graph", scan, options.runs);
  }
  std::printf("peak memory so far                           %9.0f MB\n", PeakMegabytes());

  if (!options.skip_json && std::filesystem::exists(json_path)) {
    const auto load_start = Clock::now();
    auto contents = kg::ReadFile(json_path, size_t{64} << 30);
    const double bytes = static_cast<double>(contents->size());
    auto loaded = kg::ReadGraphJson(std::move(contents).value(), json_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
      return 1;
    }
    const double load = Seconds(load_start);
    std::printf("load graph JSON (read, parse, build)         %9.2f s   (%.0f MB/s)\n", load,
                bytes / 1e6 / load);
    const auto image_start = Clock::now();
    const kg::GraphImage from_json = kg::GraphImage::FromGraph(*loaded);
    std::printf("lay the JSON graph out as an image           %9.2f s\n", Seconds(image_start));
  }
  if (options.keep.empty()) std::filesystem::remove_all(folder);
  return 0;
}
