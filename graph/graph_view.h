// Internal to graph/: the Boost.Graph type behind KnowledgeGraph, for the
// algorithms in this folder. Vertex descriptors are node indexes; each
// edge carries its KnowledgeGraph edge index as bundled property.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "graph/knowledge_graph.h"

namespace kg {

struct EdgeIndexProperty {
  size_t index = 0;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, EdgeIndexProperty>;

// (source, predicate, target, status) with the predicate interned.
struct EdgeKey {
  uint64_t source;
  uint64_t target;
  uint32_t predicate;
  RelationStatus status;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

struct EdgeKeyHash {
  size_t operator()(const EdgeKey& key) const {
    uint64_t h = key.source * 0x9E3779B97F4A7C15ull;
    h ^= key.target + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= (uint64_t{key.predicate} << 8 | static_cast<uint64_t>(key.status)) + (h << 6) + (h >> 2);
    return static_cast<size_t>(h);
  }
};

struct KnowledgeGraph::Impl {
  BoostGraph graph;
  std::vector<NodeData> nodes;
  struct EdgeRecord {
    size_t source;
    size_t target;
    EdgeData data;
  };
  std::vector<EdgeRecord> edges;
  std::vector<DocumentInfo> documents;
  std::unordered_map<std::string, size_t> node_by_id;
  std::unordered_map<std::string, uint32_t> predicate_ids;
  std::unordered_map<EdgeKey, size_t, EdgeKeyHash> edge_by_key;

  // The id of a predicate, interning it when `add`; UINT32_MAX if unknown.
  uint32_t PredicateId(const std::string& predicate, bool add) {
    auto it = predicate_ids.find(predicate);
    if (it != predicate_ids.end()) return it->second;
    if (!add) return UINT32_MAX;
    const auto id = static_cast<uint32_t>(predicate_ids.size());
    predicate_ids.emplace(predicate, id);
    return id;
  }
};

}  // namespace kg
