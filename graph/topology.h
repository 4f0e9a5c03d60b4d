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

  size_t node_count() const { return offsets_.size() - 1; }
  std::span<const Arc> arcs(size_t node) const {
    return {arcs_.data() + offsets_[node], arcs_.data() + offsets_[node + 1]};
  }
  size_t degree(size_t node) const { return offsets_[node + 1] - offsets_[node]; }

 private:
  std::vector<uint64_t> offsets_;
  std::vector<Arc> arcs_;
};

}  // namespace kg
