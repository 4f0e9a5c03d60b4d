// The merged knowledge graph: entities as nodes, relations as edges with
// their evidence, in flat arrays with hash indexes by id and by edge key.
// Algorithms build the structure they need from it (graph/topology.h,
// graph/algorithms.h). Nodes and edges are addressed by dense indexes that
// stay valid until Canonicalize().
//
// Invariant: one node per id; one edge per (source, predicate, target,
// status). Not thread-safe for writing; const access may be shared.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/predicates.h"
#include "core/types.h"

namespace kg {

struct DocumentInfo {
  std::string id;
  std::string path;
  std::string title;
  std::string sha256;
  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

struct NodeData {
  std::string id;
  std::string label;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // sorted, distinct
  int64_t mentions = 0;
  std::vector<std::string> documents;  // document ids, in build order
  friend bool operator==(const NodeData&, const NodeData&) = default;
};

struct Evidence {
  std::string document;
  uint32_t start = 0;  // byte offsets into the document text
  uint32_t end = 0;
  std::string sentence;
  // Optional: byte offsets into the document of the words that triggered
  // the relation ("pressed", "a meeting between"), each inside [start, end).
  std::vector<std::pair<uint32_t, uint32_t>> triggers = {};
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct EdgeData {
  std::string predicate;
  RelationStatus status = RelationStatus::kAsserted;
  int64_t weight = 0;  // how many times the relation was found
  std::vector<Evidence> evidence;
  friend bool operator==(const EdgeData&, const EdgeData&) = default;
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
  KnowledgeGraph(const KnowledgeGraph&) = delete;
  KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;

  // ---- vocabulary: the predicates the graph's relations may use (written
  // as graph.predicates; readers take symmetry and kinds from here). Every
  // edge's predicate is in it: AddEdge adds a plain directed entry for a
  // name it lacks, and a replacement table must name them all.
  const PredicateTable& predicates() const;
  void SetPredicates(PredicateTable predicates);

  // ---- documents
  void AddDocument(DocumentInfo document);
  const std::vector<DocumentInfo>& documents() const;

  // ---- nodes
  size_t node_count() const;
  const NodeData& node(size_t index) const;
  // Anything but the id may change (FindNode would not see a new id).
  NodeData& mutable_node(size_t index);
  std::optional<size_t> FindNode(std::string_view id) const;
  // FindNode for many ids at once, faster on a large graph (for readers).
  void FindNodes(std::span<const std::string_view> ids,
                 std::vector<std::optional<size_t>>* indexes) const;
  // Adds a node; its id must be new (checked with FindNode first).
  size_t AddNode(NodeData node);
  // Adds a node unless one has its id: then returns nullopt and leaves the
  // graph and `node` as they were.
  std::optional<size_t> TryAddNode(NodeData&& node);

  // ---- edges
  size_t edge_count() const;
  const EdgeData& edge(size_t index) const;
  EdgeData& mutable_edge(size_t index);
  size_t edge_source(size_t index) const;
  size_t edge_target(size_t index) const;
  std::optional<size_t> FindEdge(size_t source, std::string_view predicate, size_t target,
                                 RelationStatus status) const;
  // Adds an edge; (source, predicate, target, status) must be new.
  size_t AddEdge(size_t source, size_t target, EdgeData edge);
  // Adds an edge unless one with its (source, predicate, target, status)
  // exists: then returns nullopt and leaves the graph and `edge` as they were.
  std::optional<size_t> TryAddEdge(size_t source, size_t target, EdgeData&& edge);

  // Room for this many nodes and edges, before loading a large graph.
  void Reserve(size_t nodes, size_t edges);
  // Room in the edge list alone, for readers that add edges with
  // AppendEdgeUnchecked (its key index is built later, at its full size).
  void ReserveEdges(size_t edges);

  // For readers of large files: adds an edge without checking that it is
  // new or that its predicate is in predicates() (the caller makes sure);
  // call FirstDuplicateEdge() after the last one. The (source,
  // predicate, target, status) index behind FindEdge is then built on its
  // first use (once, thread-safely).
  size_t AppendEdgeUnchecked(size_t source, size_t target, EdgeData&& edge);
  // The second of two edges with the same (source, predicate, target,
  // status), or nullopt when all are distinct.
  std::optional<size_t> FirstDuplicateEdge() const;

  // Sorts nodes by id, edges by (source id, target id, predicate, status)
  // and evidence by (document order, offset): the order the writers emit,
  // so output never depends on input order within a document set.
  // Invalidates indexes. With `threads` above 1, the nodes are sorted on
  // two threads; the result is the same.
  void Canonicalize(unsigned threads = 1);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
