// A knowledge graph in flat, read-only arrays: the form that queries and
// traversals run on, and the content of a binary graph file (.kgb). It is
// made from a KnowledgeGraph in memory, or mapped from a file without
// parsing: opening a graph of millions of relations costs milliseconds.
//
// Structure of arrays: one array per field of nodes, edges and evidence,
// strings in a pool referred to by 32-bit ids, adjacency as compressed
// sparse rows (topology()), an index of node ids and one of folded names.
// The file is versioned and checksummed (graph_image_format.h).
//
// Open() checks everything that memory safety depends on: every offset,
// index and count is in range, so a corrupt or hostile file gives an error,
// never a crash. The evidence sentences' checksum (most of a file's bytes)
// is checked by CheckEvidenceText(), once, before they are first shown.
//
// Views returned (string_view, spans) live as long as the image. An image is
// movable, not copyable, and safe to read from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/predicates.h"
#include "core/status.h"
#include "core/types.h"
#include "graph/graph_image_format.h"
#include "graph/knowledge_graph.h"
#include "graph/topology.h"

namespace kg {

class GraphImage;

// A list of strings of the image (aliases, documents of a node).
class StringList {
 public:
  StringList(const GraphImage* image, std::span<const uint32_t> ids) : image_(image), ids_(ids) {}
  size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  std::string_view operator[](size_t i) const;

 private:
  const GraphImage* image_;
  std::span<const uint32_t> ids_;
};

struct EvidenceView {
  std::string_view document;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string_view sentence;
  std::span<const image::TriggerRecord> triggers;  // byte offsets into the document
};

struct DocumentView {
  std::string_view id;
  std::string_view path;
  std::string_view title;
  std::string_view sha256;
};

class GraphImage {
 public:
  // The image of `graph`, in memory.
  static GraphImage FromGraph(const KnowledgeGraph& graph);
  // Maps and checks a .kgb file. Errors name the file: "g.kgb: truncated
  // (12 of 4096 bytes)", "g.kgb: section 7 (node ids): checksum mismatch".
  static Result<GraphImage> Open(const std::string& path);
  // Checks an image held in memory (a file read from standard input).
  static Result<GraphImage> FromBytes(std::string_view bytes, const std::string& origin);
  // True when `prefix` (the first bytes of a file) starts like an image.
  static bool LooksLikeImage(std::string_view prefix);

  GraphImage(GraphImage&&) noexcept;
  GraphImage& operator=(GraphImage&&) noexcept;
  GraphImage(const GraphImage&) = delete;
  GraphImage& operator=(const GraphImage&) = delete;
  ~GraphImage();

  // The file's bytes, for writing it.
  std::string_view bytes() const;

  // ---- documents
  size_t document_count() const;
  DocumentView document(size_t d) const;

  // ---- nodes
  size_t node_count() const { return arrays_->node_ids.size(); }
  std::string_view node_id(size_t n) const { return name(arrays_->node_ids[n]); }
  std::string_view node_label(size_t n) const { return name(arrays_->node_labels[n]); }
  EntityType node_type(size_t n) const { return static_cast<EntityType>(arrays_->node_types[n]); }
  int64_t node_mentions(size_t n) const { return arrays_->node_mentions[n]; }
  StringList node_aliases(size_t n) const;
  StringList node_documents(size_t n) const;
  // The node with this id, by binary search.
  std::optional<size_t> FindNode(std::string_view id) const;
  // Nodes with a label, id or alias whose FoldName() is `form`, by index.
  std::vector<size_t> NodesNamed(std::string_view form) const;

  // ---- relations
  size_t edge_count() const { return arrays_->edge_sources.size(); }
  size_t edge_source(size_t e) const { return arrays_->edge_sources[e]; }
  size_t edge_target(size_t e) const { return arrays_->edge_targets[e]; }
  uint32_t edge_predicate(size_t e) const {
    return arrays_->edge_predicates[e];
  }  // see predicate_name()
  RelationStatus edge_status(size_t e) const {
    return static_cast<RelationStatus>(arrays_->edge_statuses[e]);
  }
  int64_t edge_weight(size_t e) const { return arrays_->edge_weights[e]; }
  size_t predicate_count() const { return arrays_->predicates.size(); }
  std::string_view predicate_name(uint32_t p) const { return name(arrays_->predicates[p].name); }
  std::optional<uint32_t> FindPredicate(std::string_view name) const;
  bool predicate_symmetric(uint32_t p) const { return arrays_->predicates[p].symmetric != 0; }
  // The whole vocabulary (a copy: a few dozen entries).
  PredicateTable predicates() const;

  // ---- evidence of edge e: indexes [evidence_begin(e), evidence_end(e))
  size_t evidence_begin(size_t e) const { return arrays_->evidence_offsets[e]; }
  size_t evidence_end(size_t e) const { return arrays_->evidence_offsets[e + 1]; }
  EvidenceView evidence(size_t i) const;
  // Verifies the evidence sentences' checksum once; later calls return the
  // first answer. Without it a corrupt file shows damaged sentences.
  Status CheckEvidenceText() const;

  const Topology& topology() const;

  // The name pool, for StringList.
  std::string_view name(uint32_t id) const {
    return {arrays_->names.data() + arrays_->name_offsets[id],
            arrays_->name_offsets[id + 1] - arrays_->name_offsets[id]};
  }

  // Views of the arrays of graph_image_format.h, set once they are checked;
  // the accessors above read them inline (queries call them per relation).
  struct Arrays {
    std::span<const char> names;
    std::span<const uint64_t> name_offsets;
    std::span<const char> text;
    std::span<const uint64_t> text_offsets;
    std::span<const uint32_t> documents;
    std::span<const image::PredicateRecord> predicates;
    std::span<const uint32_t> node_ids;
    std::span<const uint32_t> node_labels;
    std::span<const uint8_t> node_types;
    std::span<const int64_t> node_mentions;
    std::span<const uint64_t> alias_offsets;
    std::span<const uint32_t> aliases;
    std::span<const uint64_t> node_document_offsets;
    std::span<const uint32_t> node_documents;
    std::span<const uint32_t> edge_sources;
    std::span<const uint32_t> edge_targets;
    std::span<const uint32_t> edge_predicates;
    std::span<const uint8_t> edge_statuses;
    std::span<const int64_t> edge_weights;
    std::span<const uint64_t> evidence_offsets;
    std::span<const uint32_t> evidence_documents;
    std::span<const uint32_t> evidence_starts;
    std::span<const uint32_t> evidence_ends;
    std::span<const uint32_t> evidence_sentences;
    std::span<const uint64_t> trigger_offsets;
    std::span<const image::TriggerRecord> triggers;
  };
  struct Impl;

 private:
  explicit GraphImage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  const Arrays* arrays_;  // *impl_, which stays put when the image moves
};

inline std::string_view StringList::operator[](size_t i) const { return image_->name(ids_[i]); }

// A KnowledgeGraph with everything in the image, in the same order (so that
// JSON -> image -> JSON gives identical bytes). Checks the evidence text.
Result<KnowledgeGraph> ToKnowledgeGraph(const GraphImage& image);

// A KnowledgeGraph of chosen nodes and edges (edge endpoints included), in
// index order: for drawing an answer.
KnowledgeGraph ImageSubgraph(const GraphImage& image, std::vector<size_t> nodes,
                             std::vector<size_t> edges);

}  // namespace kg
