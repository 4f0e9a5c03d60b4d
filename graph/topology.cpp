#include "graph/topology.h"

namespace kg {

Topology::Topology(const KnowledgeGraph& graph) : offsets_(graph.node_count() + 1, 0) {
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    ++offsets_[graph.edge_source(e) + 1];
    ++offsets_[graph.edge_target(e) + 1];
  }
  for (size_t n = 0; n < graph.node_count(); ++n) offsets_[n + 1] += offsets_[n];
  arcs_.resize(offsets_.back());
  std::vector<uint64_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const auto source = static_cast<uint32_t>(graph.edge_source(e));
    const auto target = static_cast<uint32_t>(graph.edge_target(e));
    const auto edge = static_cast<uint32_t>(e);
    arcs_[fill[source]++] = {target, edge, true};
    arcs_[fill[target]++] = {source, edge, false};
  }
}

}  // namespace kg
