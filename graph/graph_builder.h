// Merges per-document extraction results into one KnowledgeGraph.
//
// Entities merge by (folded label, type): the same name gets the same node
// and id in every document. At Finish(), a person known only by a surname
// ("Netanyahu") joins the one full name that ends with it, when exactly one
// does; symmetric relations are stored once with the smaller id as source.
// Add() documents in a fixed order for byte-identical output.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/document.h"
#include "extract/annotations.h"
#include "graph/knowledge_graph.h"

namespace kg {

class GraphBuilder {
 public:
  // `predicates`: index -> predicate, as in RelationMention::predicate
  // (names distinct); the graph records them all as its vocabulary.
  // `max_evidence`: evidence sentences kept per edge (weight counts all).
  explicit GraphBuilder(std::vector<Predicate> predicates,
                        size_t max_evidence = std::numeric_limits<size_t>::max());

  void Add(const Document& document, const DocumentAnalysis& analysis);

  // Builds the graph; the builder is empty afterwards.
  KnowledgeGraph Finish();

  size_t document_count() const { return documents_.size(); }

 private:
  size_t NodeFor(const DocEntity& entity);
  std::vector<size_t> SurnameMerges() const;

  std::vector<Predicate> predicates_;
  size_t max_evidence_;
  std::vector<DocumentInfo> documents_;
  std::vector<NodeData> nodes_;
  std::map<std::pair<std::string, EntityType>, size_t> node_by_key_;
  // (source, predicate index, target, status) -> edge
  std::map<std::tuple<size_t, int, size_t, RelationStatus>, EdgeData> edges_;
};

}  // namespace kg
