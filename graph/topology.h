// The shape of a KnowledgeGraph for traversal: for every node, its arcs
// (incident edges in either direction) in compressed sparse rows. Built
// once per loaded graph in O(nodes + edges); immutable and shareable
// afterwards. Traversals reuse it so that a 2-hop neighbourhood or a
// shortest path touches only what it reaches.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kg {

struct Arc {
  uint32_t node;  // the node at the other end
  uint32_t edge;  // KnowledgeGraph edge index
  bool outgoing;  // the edge leaves the node whose arc this is
};

class Topology {
 public:
  explicit Topology(const KnowledgeGraph& graph);
  // A view of rows kept elsewhere (a graph image, which checked them):
  // `offsets` holds node_count + 1 increasing entries, the last equal to
  // arcs.size(). Both must outlive the topology.
  Topology(std::span<const uint64_t> offsets, std::span<const Arc> arcs);

  Topology(Topology&&) noexcept = default;  // the views follow the moved buffers
  Topology& operator=(Topology&&) noexcept = default;
  Topology(const Topology&) = delete;
  Topology& operator=(const Topology&) = delete;

  size_t node_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::span<const Arc> arcs(size_t node) const {
    return {arcs_.data() + offsets_[node], arcs_.data() + offsets_[node + 1]};
  }
  size_t degree(size_t node) const { return offsets_[node + 1] - offsets_[node]; }
  std::span<const uint64_t> offsets() const { return offsets_; }
  std::span<const Arc> all_arcs() const { return arcs_; }

 private:
  std::vector<uint64_t> owned_offsets_;
  std::vector<Arc> owned_arcs_;
  std::span<const uint64_t> offsets_;
  std::span<const Arc> arcs_;
};

}  // namespace kg
