#include "graph/algorithms.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

namespace kg {
namespace {

bool Walkable(const EdgeFilter& filter, size_t edge) { return !filter || filter(edge); }

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// (source, target) of every edge, by edge index, read off the arcs that
// leave each node.
std::vector<std::pair<size_t, size_t>> EdgeEnds(const Topology& topology) {
  std::vector<std::pair<size_t, size_t>> ends(topology.all_arcs().size() / 2);
  for (size_t n = 0; n < topology.node_count(); ++n) {
    for (const Arc& arc : topology.arcs(n)) {
      if (arc.outgoing) ends[arc.edge] = {n, arc.node};
    }
  }
  return ends;
}

// One undirected edge per linked pair: parallel relations between the same
// two entities would otherwise count their paths twice.
UndirectedGraph SimpleUndirected(const Topology& topology) {
  std::set<std::pair<size_t, size_t>> pairs;
  for (const auto& [a, b] : EdgeEnds(topology)) {
    if (a != b) pairs.insert(std::minmax(a, b));
  }
  UndirectedGraph g(topology.node_count());
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, g);
  return g;
}

// One side of a bidirectional search. Distances live in an array stamped
// with a search number, reused by the thread's next search, so a search
// costs what it reaches rather than the size of the graph; parents (every
// one a layer closer to the origin, for all shortest paths) are kept only
// for reached nodes.
struct SearchSide {
  std::vector<uint32_t> stamp;  // == search: distance[] is valid
  std::vector<int> distance;
  std::unordered_map<size_t, std::vector<std::pair<size_t, size_t>>>
      parents;  // node -> (parent, edge)
  std::vector<size_t> frontier;
  uint64_t frontier_degree = 0;  // arcs the next expansion will look at
  int depth = 0;
  uint32_t search = 0;

  void Start(size_t nodes, size_t origin, const Topology& topology) {
    if (stamp.size() != nodes) {
      stamp.assign(nodes, 0);
      distance.assign(nodes, 0);
      search = 0;
    }
    if (++search == 0) {  // wrapped: clear once every four billion searches
      std::fill(stamp.begin(), stamp.end(), 0);
      search = 1;
    }
    parents.clear();
    frontier = {origin};
    frontier_degree = topology.degree(origin);
    depth = 0;
    Mark(origin, 0);
  }

  bool Reached(size_t node) const { return stamp[node] == search; }
  int Distance(size_t node) const { return distance[node]; }
  void Mark(size_t node, int d) {
    stamp[node] = search;
    distance[node] = d;
  }

  void Expand(const Topology& topology, const EdgeFilter& filter, uint64_t* work) {
    std::vector<size_t> next;
    uint64_t degree = 0;
    for (size_t u : frontier) {
      if (work != nullptr) *work += topology.degree(u);
      for (const Arc& arc : topology.arcs(u)) {
        if (!Walkable(filter, arc.edge)) continue;
        if (!Reached(arc.node)) {
          Mark(arc.node, depth + 1);
          next.push_back(arc.node);
          degree += topology.degree(arc.node);
        }
        if (Distance(arc.node) == depth + 1) parents[arc.node].emplace_back(u, arc.edge);
      }
    }
    std::sort(next.begin(), next.end());
    frontier = std::move(next);
    frontier_degree = degree;
    ++depth;
  }
};

// Every path from the side's origin to `node` through the parent links,
// in origin-to-node order, up to `limit`.
void PathsTo(const SearchSide& side, size_t node, size_t limit, std::vector<Path>* out) {
  auto it = side.parents.find(node);
  if (it == side.parents.end()) {
    out->push_back(Path{{node}, {}});
    return;
  }
  for (const auto& [parent, edge] : it->second) {
    std::vector<Path> heads;
    PathsTo(side, parent, limit, &heads);
    for (Path& head : heads) {
      head.nodes.push_back(node);
      head.edges.push_back(edge);
      out->push_back(std::move(head));
      if (out->size() >= limit) return;
    }
  }
}

}  // namespace

std::vector<Reached> Neighborhood(const Topology& topology, size_t start, int max_hops,
                                  const EdgeFilter& filter) {
  std::vector<Reached> reached = {{start, 0, kNone, kNone}};
  std::unordered_map<size_t, bool> seen = {{start, true}};
  for (size_t head = 0; head < reached.size(); ++head) {
    const Reached current = reached[head];
    if (current.hops >= max_hops) continue;
    std::vector<Reached> layer;
    for (const Arc& arc : topology.arcs(current.node)) {
      if (!Walkable(filter, arc.edge) || !seen.emplace(arc.node, true).second) continue;
      layer.push_back({arc.node, current.hops + 1, current.node, arc.edge});
    }
    std::sort(layer.begin(), layer.end(),
              [](const Reached& a, const Reached& b) { return a.node < b.node; });
    reached.insert(reached.end(), layer.begin(), layer.end());
  }
  std::stable_sort(reached.begin(), reached.end(), [](const Reached& a, const Reached& b) {
    return std::make_pair(a.hops, a.node) < std::make_pair(b.hops, b.node);
  });
  return reached;
}

std::vector<Path> ShortestPaths(const Topology& topology, size_t from, size_t to, int max_hops,
                                bool all, const EdgeFilter& filter, size_t limit, uint64_t* work) {
  if (from == to) return {Path{{from}, {}}};
  thread_local SearchSide forward;
  thread_local SearchSide backward;
  forward.Start(topology.node_count(), from, topology);
  backward.Start(topology.node_count(), to, topology);
  std::vector<size_t> meeting;
  while (forward.depth + backward.depth < max_hops && !forward.frontier.empty() &&
         !backward.frontier.empty()) {
    // Grow the side whose next layer costs less: on a graph of a million
    // entities the two searches meet after touching a few thousand arcs,
    // unless one side has to cross a hub.
    const bool grow_forward = forward.frontier_degree <= backward.frontier_degree;
    SearchSide& side = grow_forward ? forward : backward;
    const SearchSide& other = grow_forward ? backward : forward;
    side.Expand(topology, filter, work);
    int best = std::numeric_limits<int>::max();
    for (size_t node : side.frontier) {
      if (!other.Reached(node)) continue;
      const int d = other.Distance(node);
      if (d < best) {
        best = d;
        meeting.clear();
      }
      if (d == best) meeting.push_back(node);
    }
    if (!meeting.empty()) break;
  }
  std::vector<Path> paths;
  for (size_t middle : meeting) {
    std::vector<Path> heads;
    std::vector<Path> tails;
    PathsTo(forward, middle, all ? limit : 1, &heads);
    PathsTo(backward, middle, all ? limit : 1, &tails);
    for (const Path& head : heads) {
      for (const Path& tail : tails) {
        Path path = head;
        for (size_t k = tail.nodes.size() - 1; k-- > 0;) {
          path.nodes.push_back(tail.nodes[k]);
          path.edges.push_back(tail.edges[k]);
        }
        paths.push_back(std::move(path));
        if (!all || paths.size() >= limit) break;
      }
      if (!all || paths.size() >= limit) break;
    }
    if (!all || paths.size() >= limit) break;
  }
  std::sort(paths.begin(), paths.end(),
            [](const Path& a, const Path& b) { return a.nodes < b.nodes; });
  return paths;
}

std::vector<std::vector<size_t>> Components(const KnowledgeGraph& graph) {
  return Components(Topology(graph));
}

std::vector<std::vector<size_t>> Components(const Topology& topology) {
  const UndirectedGraph g = SimpleUndirected(topology);
  std::vector<int> component(topology.node_count());
  const int count =
      topology.node_count() == 0 ? 0 : boost::connected_components(g, component.data());
  std::vector<std::vector<size_t>> out(static_cast<size_t>(count));
  for (size_t n = 0; n < component.size(); ++n) out[static_cast<size_t>(component[n])].push_back(n);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return out;
}

std::vector<double> DegreeCentrality(const Topology& topology) {
  std::vector<double> degree(topology.node_count());
  for (size_t n = 0; n < degree.size(); ++n) degree[n] = static_cast<double>(topology.degree(n));
  return degree;
}

std::vector<double> BetweennessCentrality(const KnowledgeGraph& graph) {
  return BetweennessCentrality(Topology(graph));
}

std::vector<double> BetweennessCentrality(const Topology& topology) {
  const UndirectedGraph g = SimpleUndirected(topology);
  std::vector<double> centrality(topology.node_count(), 0.0);
  if (topology.node_count() == 0) return centrality;
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(
             centrality.begin(), boost::get(boost::vertex_index, g))));
  return centrality;
}

namespace {

// Stops Boost's PageRank when no rank moves by more than the tolerance.
class Converged {
 public:
  Converged(double tolerance, int max_iterations, size_t n)
      : tolerance_(tolerance), left_(max_iterations), previous_(n, -1.0) {}

  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& ranks, const Graph& g) {
    double change = 0.0;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
      change = std::max(change, std::abs(get(ranks, *it) - previous_[*it]));
      previous_[*it] = get(ranks, *it);
    }
    return change < tolerance_ || left_-- <= 0;
  }

 private:
  double tolerance_;
  int left_;
  std::vector<double> previous_;
};

}  // namespace

std::vector<double> PageRank(const KnowledgeGraph& graph, double damping, double tolerance,
                             int max_iterations) {
  return PageRank(Topology(graph), damping, tolerance, max_iterations);
}

std::vector<double> PageRank(const Topology& topology, double damping, double tolerance,
                             int max_iterations) {
  // Relations count both ways: being pressed is as central as pressing.
  // Boost's compressed sparse rows keep ten million arcs in two arrays.
  std::vector<std::pair<size_t, size_t>> arcs;
  arcs.reserve(topology.all_arcs().size());
  for (const auto& [a, b] : EdgeEnds(topology)) {
    if (a == b) continue;
    arcs.emplace_back(a, b);
    arcs.emplace_back(b, a);
  }
  using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
  const Csr g(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(),
              topology.node_count());
  arcs = {};
  std::vector<double> ranks(topology.node_count(), 0.0);
  if (ranks.empty()) return ranks;
  boost::graph::page_rank(
      g, boost::make_iterator_property_map(ranks.begin(), boost::get(boost::vertex_index, g)),
      Converged(tolerance, max_iterations, ranks.size()), damping);
  const double total = std::accumulate(ranks.begin(), ranks.end(), 0.0);
  if (total > 0) {
    for (double& rank : ranks) rank /= total;
  }
  return ranks;
}

}  // namespace kg
