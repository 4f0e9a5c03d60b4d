// Questions asked of a whole graph: neighbourhoods, shortest paths,
// connected components and centrality. All treat the graph as undirected
// (a relation connects its two entities either way) and take an optional
// filter choosing which edges may be walked.
//
// Costs: Neighborhood and ShortestPaths touch only what they reach
// (bidirectional search for paths); Components and PageRank are linear per
// pass; Betweenness is O(nodes * edges) (Brandes), meant for graphs of up
// to some tens of thousands of entities.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/topology.h"

namespace kg {

using EdgeFilter = std::function<bool(size_t edge)>;

inline constexpr size_t kNone = std::numeric_limits<size_t>::max();

struct Reached {
  size_t node = 0;
  int hops = 0;
  size_t parent = kNone;  // node one hop closer to the start
  size_t edge = kNone;    // the edge walked from the parent
};

// Nodes within `max_hops` of `start` (itself included, hops 0), in BFS
// order: by distance, then by node index.
std::vector<Reached> Neighborhood(const Topology& topology, size_t start, int max_hops,
                                  const EdgeFilter& filter = {});

struct Path {
  std::vector<size_t> nodes;  // from the start to the goal
  std::vector<size_t> edges;  // edges[i] joins nodes[i] and nodes[i + 1]
};

// Shortest paths from `from` to `to` with at most `max_hops` edges: one, or
// with `all` every shortest one, at most `limit` of them (the caller tells
// "that many" from "all"). Empty when none exists. `work`, when given,
// gets the number of arcs looked at added to it.
std::vector<Path> ShortestPaths(const Topology& topology, size_t from, size_t to, int max_hops,
                                bool all = false, const EdgeFilter& filter = {}, size_t limit = 100,
                                uint64_t* work = nullptr);

// Connected components, largest first; members in node order.
std::vector<std::vector<size_t>> Components(const Topology& topology);
std::vector<std::vector<size_t>> Components(const KnowledgeGraph& graph);

// Centrality scores per node.
std::vector<double> DegreeCentrality(const Topology& topology);       // incident relations
std::vector<double> BetweennessCentrality(const Topology& topology);  // Brandes, undirected
std::vector<double> BetweennessCentrality(const KnowledgeGraph& graph);
// PageRank stops when no node's (unnormalised, around 1) rank moves by
// more than `tolerance` in an iteration; the result sums to 1.
std::vector<double> PageRank(const Topology& topology, double damping = 0.85,
                             double tolerance = 1e-6, int max_iterations = 100);
std::vector<double> PageRank(const KnowledgeGraph& graph, double damping = 0.85,
                             double tolerance = 1e-6, int max_iterations = 100);

}  // namespace kg
