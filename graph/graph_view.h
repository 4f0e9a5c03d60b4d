// Internal to graph/: the Boost.Graph type behind KnowledgeGraph, for the
// algorithms in this folder. Vertex descriptors are node indexes; each
// edge carries its KnowledgeGraph edge index as bundled property.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
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
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> node_by_id;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> predicate_ids;
  // Built on first use for graphs read from a file (reading checks that
  // edges are unique without it); kept up to date once built.
  std::unordered_map<EdgeKey, size_t, EdgeKeyHash> edge_by_key;
  bool edge_index_built = true;
  std::once_flag edge_index_once;

  EdgeKey KeyOf(size_t edge) {
    const EdgeRecord& record = edges[edge];
    return {record.source, record.target, PredicateId(record.data.predicate, true),
            record.data.status};
  }

  void EnsureEdgeIndex() {
    std::call_once(edge_index_once, [this] {
      if (edge_index_built) return;
      edge_by_key.reserve(edges.size());
      for (size_t e = 0; e < edges.size(); ++e) edge_by_key.emplace(KeyOf(e), e);
      edge_index_built = true;
    });
  }

  // The id of a predicate, interning it when `add`; UINT32_MAX if unknown.
  uint32_t PredicateId(std::string_view predicate, bool add) {
    auto it = predicate_ids.find(predicate);
    if (it != predicate_ids.end()) return it->second;
    if (!add) return UINT32_MAX;
    const auto id = static_cast<uint32_t>(predicate_ids.size());
    predicate_ids.emplace(std::string(predicate), id);
    return id;
  }
};

}  // namespace kg
