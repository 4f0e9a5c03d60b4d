// Query benchmark on a generated graph (default: 1 million entities, 5
// million relations, one evidence sentence each): graph JSON load
// throughput, 2-hop neighbourhoods, shortest paths, filtered pattern scans
// at two sizes (to show they grow linearly with the edges) and PageRank.
//
//   kg_graph_bench [--nodes N] [--edges M] [--queries Q] [--keep FILE]
//
// Degrees follow a skewed distribution, as in news graphs where a few
// entities (countries, leaders) are in most stories.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "export/graph_json.h"
#include "graph/algorithms.h"
#include "query/query_engine.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
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

struct Options {
  size_t nodes = 1'000'000;
  size_t edges = 5'000'000;
  size_t queries = 200;
  std::string keep;
};

double ScanSeconds(const kg::QueryEngine& engine, const char* query, int64_t* count) {
  const auto start = Clock::now();
  auto result = engine.Run(query);
  const double seconds = Seconds(start);
  if (auto* error = std::get_if<kg::QueryError>(&result)) {
    std::fprintf(stderr, "query failed: %s\n", error->message.c_str());
    std::exit(1);
  }
  *count = std::get<kg::QueryResult>(result).rows.at(0).at(0).integer;
  return seconds;
}

kg::QueryOptions EngineOptions() {
  kg::QueryOptions options;
  options.symmetric_predicates = {"met_with", "spoke_with", "negotiated_with"};
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--nodes")
      options.nodes = std::strtoull(value, nullptr, 10);
    else if (flag == "--edges")
      options.edges = std::strtoull(value, nullptr, 10);
    else if (flag == "--queries")
      options.queries = std::strtoull(value, nullptr, 10);
    else if (flag == "--keep")
      options.keep = value;
    else {
      std::fprintf(stderr, "unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  std::printf("generating %zu entities, %zu relations ...\n", options.nodes, options.edges);
  auto start = Clock::now();
  std::string json = kg::WriteGraphJson(Generate(options.nodes, options.edges, 42));
  std::printf("  generated and serialised in %.1f s: %.0f MB of graph JSON\n", Seconds(start),
              static_cast<double>(json.size()) / 1e6);
  const std::string path =
      options.keep.empty()
          ? (std::filesystem::temp_directory_path() / "kg-bench-graph.json").string()
          : options.keep;
  if (auto s = kg::WriteFileAtomically(path, json); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  const size_t json_bytes = json.size();
  json.clear();
  json.shrink_to_fit();

  start = Clock::now();
  auto contents = kg::ReadFile(path, size_t{64} << 30);
  auto loaded = kg::ReadGraphJson(std::move(contents).value(), path);
  const double load = Seconds(start);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 1;
  }
  contents = std::string();
  const kg::KnowledgeGraph graph = std::move(loaded).value();
  std::printf("load graph JSON (read + parse + build)   %7.2f s   %6.0f MB/s\n", load,
              static_cast<double>(json_bytes) / 1e6 / load);

  start = Clock::now();
  const kg::QueryEngine engine(graph, EngineOptions());
  std::printf("index for queries (topology, names)      %7.2f s\n", Seconds(start));

  std::mt19937_64 random(7);
  std::vector<size_t> picks(options.queries);
  for (auto& pick : picks) pick = static_cast<size_t>(random() % graph.node_count());

  start = Clock::now();
  size_t reached = 0;
  for (size_t pick : picks) reached += kg::Neighborhood(engine.topology(), pick, 2).size();
  std::printf(
      "2-hop neighbourhood                      %7.3f ms  (mean of %zu, %zu entities reached on "
      "average)\n",
      Seconds(start) * 1e3 / static_cast<double>(picks.size()), picks.size(),
      reached / picks.size());

  start = Clock::now();
  size_t found = 0;
  for (size_t i = 0; i + 1 < picks.size(); i += 2) {
    found += kg::ShortestPaths(engine.topology(), picks[i], picks[i + 1], 6).empty() ? 0u : 1u;
  }
  std::printf(
      "shortest path (bidirectional BFS, <= 6)   %7.3f ms  (mean of %zu pairs, %zu connected)\n",
      Seconds(start) * 1e3 / static_cast<double>(picks.size() / 2), picks.size() / 2, found);

  const char* scan =
      "MATCH (a:PERSON)-[r:pressed]->(b) WHERE r.weight >= 3 AND r.status = 'asserted' RETURN "
      "count(*)";
  int64_t rows = 0;
  const double full = ScanSeconds(engine, scan, &rows);
  std::printf("pattern scan, %zu relations               %7.3f s   (%lld rows)\n",
              graph.edge_count(), full, static_cast<long long>(rows));
  {
    // The same scan on a quarter of the graph: linear scans take a quarter
    // of the time.
    const kg::KnowledgeGraph quarter = Generate(options.nodes / 4, options.edges / 4, 43);
    const kg::QueryEngine small(quarter, EngineOptions());
    const double part = ScanSeconds(small, scan, &rows);
    std::printf(
        "pattern scan, %zu relations               %7.3f s   (ratio %.2f for 4x the relations)\n",
        quarter.edge_count(), part, full / part);
  }

  start = Clock::now();
  const auto rank = kg::PageRank(graph);
  std::printf("PageRank (Boost.Graph CSR, to 1e-6)      %7.2f s\n", Seconds(start));
  if (options.keep.empty()) std::filesystem::remove(path);
  return rank.empty() ? 1 : 0;
}
