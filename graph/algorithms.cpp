#include "graph/algorithms.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

namespace kg {
namespace {

bool Walkable(const EdgeFilter& filter, size_t edge) { return !filter || filter(edge); }

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// One undirected edge per linked pair: parallel relations between the same
// two entities would otherwise count their paths twice.
UndirectedGraph SimpleUndirected(const KnowledgeGraph& graph) {
  std::set<std::pair<size_t, size_t>> pairs;
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const size_t a = graph.edge_source(e);
    const size_t b = graph.edge_target(e);
    if (a != b) pairs.insert(std::minmax(a, b));
  }
  UndirectedGraph g(graph.node_count());
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, g);
  return g;
}

// One side of a bidirectional search: distances and every parent that
// lies one layer closer to the side's origin.
struct SearchSide {
  std::unordered_map<size_t, int> distance;
  std::unordered_map<size_t, std::vector<std::pair<size_t, size_t>>> parents;  // node -> (parent, edge)
  std::vector<size_t> frontier;
  int depth = 0;

  explicit SearchSide(size_t origin) : frontier{origin} { distance[origin] = 0; }

  void Expand(const Topology& topology, const EdgeFilter& filter) {
    std::vector<size_t> next;
    for (size_t u : frontier) {
      for (const Arc& arc : topology.arcs(u)) {
        if (!Walkable(filter, arc.edge)) continue;
        auto [it, fresh] = distance.emplace(arc.node, depth + 1);
        if (fresh) next.push_back(arc.node);
        if (it->second == depth + 1) parents[arc.node].emplace_back(u, arc.edge);
      }
    }
    std::sort(next.begin(), next.end());
    frontier = std::move(next);
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
    std::sort(layer.begin(), layer.end(), [](const Reached& a, const Reached& b) { return a.node < b.node; });
    reached.insert(reached.end(), layer.begin(), layer.end());
  }
  std::stable_sort(reached.begin(), reached.end(), [](const Reached& a, const Reached& b) {
    return std::make_pair(a.hops, a.node) < std::make_pair(b.hops, b.node);
  });
  return reached;
}

std::vector<Path> ShortestPaths(const Topology& topology, size_t from, size_t to, int max_hops, bool all,
                                const EdgeFilter& filter, size_t limit) {
  if (from == to) return {Path{{from}, {}}};
  SearchSide forward(from);
  SearchSide backward(to);
  std::vector<size_t> meeting;
  while (forward.depth + backward.depth < max_hops && !forward.frontier.empty() && !backward.frontier.empty()) {
    // Grow the smaller frontier: on a graph of a million entities the two
    // searches meet after touching a few thousand nodes, not the whole graph.
    const bool grow_forward = forward.frontier.size() <= backward.frontier.size();
    SearchSide& side = grow_forward ? forward : backward;
    const SearchSide& other = grow_forward ? backward : forward;
    side.Expand(topology, filter);
    int best = std::numeric_limits<int>::max();
    for (size_t node : side.frontier) {
      auto it = other.distance.find(node);
      if (it == other.distance.end()) continue;
      if (it->second < best) {
        best = it->second;
        meeting.clear();
      }
      if (it->second == best) meeting.push_back(node);
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
  std::sort(paths.begin(), paths.end(), [](const Path& a, const Path& b) { return a.nodes < b.nodes; });
  return paths;
}

std::vector<std::vector<size_t>> Components(const KnowledgeGraph& graph) {
  const UndirectedGraph g = SimpleUndirected(graph);
  std::vector<int> component(graph.node_count());
  const int count = graph.node_count() == 0 ? 0 : boost::connected_components(g, component.data());
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
  const UndirectedGraph g = SimpleUndirected(graph);
  std::vector<double> centrality(graph.node_count(), 0.0);
  if (graph.node_count() == 0) return centrality;
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(),
                                                                 boost::get(boost::vertex_index, g))));
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

std::vector<double> PageRank(const KnowledgeGraph& graph, double damping, double tolerance, int max_iterations) {
  // Relations count both ways: being pressed is as central as pressing.
  using Bidirectional = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  Bidirectional g(graph.node_count());
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const size_t a = graph.edge_source(e);
    const size_t b = graph.edge_target(e);
    if (a == b) continue;
    boost::add_edge(a, b, g);
    boost::add_edge(b, a, g);
  }
  std::vector<double> ranks(graph.node_count(), 0.0);
  if (ranks.empty()) return ranks;
  boost::graph::page_rank(g, boost::make_iterator_property_map(ranks.begin(), boost::get(boost::vertex_index, g)),
                          Converged(tolerance, max_iterations, ranks.size()), damping);
  const double total = std::accumulate(ranks.begin(), ranks.end(), 0.0);
  if (total > 0) {
    for (double& rank : ranks) rank /= total;
  }
  return ranks;
}

}  // namespace kg
