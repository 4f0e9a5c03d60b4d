// Merges graph fragments (graph/fragment.h) into one KnowledgeGraph.
//
// Adding is associative and commutative: any partitioning of the same
// documents into fragments, added in any order (directly, or through
// Partial() fragments merged again), gives byte-identical output. That is
// what lets extraction run on many machines and merging run as a
// reduction. It holds because everything kept per entity and relation is
// a sum, a set union or a minimum in a fixed order:
// - entities merge by (folded label, type); the label is the spelling of
//   the first document naming the entity, in document id order (natural:
//   "d2" before "d10"); aliases, mentions and documents add up;
// - relations merge by (subject, predicate, object, status); weights add
//   up and the evidence kept is the first `max_evidence` sentences in
//   (document, offset) order, each sentence once, with the union of the
//   trigger spans found in it;
// - documents and the vocabulary are sets (a clash is an error).
// Decisions that need all documents are taken in Finish(): a person known
// only by a surname ("Netanyahu") joins the one full name that ends with
// it, when exactly one does; ids are assigned (ids recorded in a merged
// graph file are kept); symmetric relations get the smaller id as source.
//
// Cost: linear in the size of what is added (hash lookups; evidence is
// pruned in bulk, O(log max_evidence) per sentence), then a sort in
// Finish(). Not thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "extract/annotations.h"
#include "graph/fragment.h"
#include "graph/knowledge_graph.h"

namespace kg {

class GraphBuilder {
 public:
  // `predicates`: index -> predicate, as in RelationMention::predicate,
  // for Add(document, analysis); they all join the vocabulary.
  // `max_evidence`: evidence sentences kept per edge (weight counts all).
  explicit GraphBuilder(std::vector<Predicate> predicates = {},
                        size_t max_evidence = std::numeric_limits<size_t>::max());
  ~GraphBuilder();
  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;

  // Adds one article as extracted: FragmentOf(document, analysis), added.
  // A document id seen before is an error (the reader makes ids unique).
  Status Add(const Document& document, const DocumentAnalysis& analysis);
  // The same with the article's fragment made already (on another thread).
  Status Add(const Document& document, Fragment fragment);

  enum class Added : uint8_t { kAdded, kAlreadyThere };
  // Adds a fragment, or nothing on an error. Errors start with `origin`:
  // - the fragment is inconsistent: it refers to an entity, document or
  //   predicate it does not hold itself;
  // - it conflicts with what was added before (then `*conflict` is set):
  //   a predicate defined differently, a document id seen before with
  //   another text (sha256), or some but not all of its documents seen.
  // A fragment whose documents were all added before, with the same
  // texts, is skipped: kAlreadyThere.
  Result<Added> Add(Fragment fragment, const std::string& origin, bool* conflict = nullptr);

  // What has been added so far, as one fragment in canonical order (no
  // decision taken): merging partials gives the same graph as merging what
  // they were made of. The builder is empty afterwards.
  Fragment Partial();

  // Builds the graph; the builder is empty afterwards. With `threads`
  // above 1, independent parts of the work run on two threads; the graph
  // is the same.
  KnowledgeGraph Finish(unsigned threads = 1);

  size_t document_count() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::vector<std::string> predicate_names_;  // for Add(document, analysis)
  std::vector<Predicate> predicates_;
};

}  // namespace kg
