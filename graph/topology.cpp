#include "graph/topology.h"

namespace kg {

Topology::Topology(const KnowledgeGraph& graph) : owned_offsets_(graph.node_count() + 1, 0) {
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    ++owned_offsets_[graph.edge_source(e) + 1];
    ++owned_offsets_[graph.edge_target(e) + 1];
  }
  for (size_t n = 0; n < graph.node_count(); ++n) owned_offsets_[n + 1] += owned_offsets_[n];
  owned_arcs_.resize(owned_offsets_.back());
  std::vector<uint64_t> fill(owned_offsets_.begin(), owned_offsets_.end() - 1);
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const auto source = static_cast<uint32_t>(graph.edge_source(e));
    const auto target = static_cast<uint32_t>(graph.edge_target(e));
    const auto edge = static_cast<uint32_t>(e);
    owned_arcs_[fill[source]++] = {target, edge, true};
    owned_arcs_[fill[target]++] = {source, edge, false};
  }
  offsets_ = owned_offsets_;
  arcs_ = owned_arcs_;
}

Topology::Topology(std::span<const uint64_t> offsets, std::span<const Arc> arcs)
    : offsets_(offsets), arcs_(arcs) {}

}  // namespace kg
