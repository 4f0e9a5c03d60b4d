// Internal to graph/: the Boost.Graph type behind KnowledgeGraph, for the
// algorithms in this folder. Vertex descriptors are node indexes; each
// edge carries its KnowledgeGraph edge index as bundled property.
#pragma once

#include <map>
#include <string>
#include <tuple>
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
  std::map<std::tuple<size_t, std::string, size_t, RelationStatus>, size_t, std::less<>> edge_by_key;
};

}  // namespace kg
