// A graph fragment: entities and relations as some documents state them,
// before any decision that needs other documents (a lone surname joining
// a full name, ids). `kg extract` writes one per article; GraphBuilder adds
// any number of them in any order and grouping, with the same result.
//
// Entities are named by label and type (their key is the folded label and
// the type); relations point at entities by index into `entities`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/predicates.h"
#include "extract/annotations.h"
#include "graph/knowledge_graph.h"

namespace kg {

struct FragmentEntity {
  std::string label;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // other surface forms, sorted and distinct
  int64_t mentions = 0;
  std::vector<std::string> documents;  // ids, each one of the fragment's documents
  std::string id;                      // the id a graph file gave it (kept when merged), or ""
  friend bool operator==(const FragmentEntity&, const FragmentEntity&) = default;
};

struct FragmentRelation {
  uint32_t subject = 0;  // index into Fragment::entities
  uint32_t object = 0;
  std::string predicate;  // a name in the vocabulary
  RelationStatus status = RelationStatus::kAsserted;
  int64_t weight = 0;              // times found, >= 1
  std::vector<Evidence> evidence;  // each in one of the fragment's documents
  friend bool operator==(const FragmentRelation&, const FragmentRelation&) = default;
};

struct Fragment {
  std::vector<DocumentInfo> documents;
  PredicateTable predicates;  // defines every predicate the relations use
  std::vector<FragmentEntity> entities;
  std::vector<FragmentRelation> relations;
  friend bool operator==(const Fragment&, const Fragment&) = default;
};

// One article's fragment: its entities, and its relations grouped by
// (subject, predicate, object, status) with every sentence as evidence.
// `predicates`: index -> predicate, as in RelationMention::predicate; the
// fragment's vocabulary holds the ones its relations use.
Fragment FragmentOf(const Document& document, const DocumentAnalysis& analysis,
                    const std::vector<Predicate>& predicates);

// A fragment holding only a vocabulary: what `kg extract` writes first so
// that the merged graph knows every predicate, used or not.
Fragment VocabularyFragment(const std::vector<Predicate>& predicates);

// A saved graph as a fragment, so that it can be merged with others: its
// nodes keep their ids. Decisions recorded in it stay (a surname joined
// to a full name remains one of its aliases).
Fragment FragmentOfGraph(const KnowledgeGraph& graph);

}  // namespace kg
