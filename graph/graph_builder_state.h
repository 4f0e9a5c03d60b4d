// The state of a GraphBuilder between Add() and Finish(), shared by
// graph_builder.cpp (adding) and graph_builder_finish.cpp (finishing).
// Internal to those two files.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text.h"
#include "graph/document_order.h"
#include "graph/graph_builder.h"

namespace kg::graph_builder_internal {

inline constexpr uint32_t kNone = UINT32_MAX;

// (subject, object, predicate, status) with entities and predicates as
// builder indexes.
struct RelationKey {
  uint32_t subject;
  uint32_t object;
  uint32_t predicate;
  RelationStatus status;
  friend bool operator==(const RelationKey&, const RelationKey&) = default;
};

struct RelationKeyHash {
  size_t operator()(const RelationKey& key) const {
    uint64_t h = (uint64_t{key.subject} << 32 | key.object) * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t{key.predicate} << 8 | static_cast<uint64_t>(key.status)) + (h >> 29);
    return static_cast<size_t>(h * 0xBF58476D1CE4E5B9ull);
  }
};

// Inserts the sorted, distinct `add` into the sorted, distinct `into`.
inline void UnionSorted(std::vector<std::string>* into, std::vector<std::string>&& add) {
  if (add.empty()) return;
  if (into->empty()) {
    *into = std::move(add);
    return;
  }
  // An entity seen before mostly comes back with forms it has already.
  if (std::includes(into->begin(), into->end(), add.begin(), add.end())) return;
  std::vector<std::string> merged;
  merged.reserve(into->size() + add.size());
  std::set_union(std::make_move_iterator(into->begin()), std::make_move_iterator(into->end()),
                 std::make_move_iterator(add.begin()), std::make_move_iterator(add.end()),
                 std::back_inserter(merged));
  *into = std::move(merged);
}

// Removes `item` from the sorted, distinct `items`, if there.
inline void EraseSorted(std::vector<std::string>* items, const std::string& item) {
  const auto it = std::lower_bound(items->begin(), items->end(), item);
  if (it != items->end() && *it == item) items->erase(it);
}

inline void SortDistinct(std::vector<std::string>* items) {
  std::sort(items->begin(), items->end());
  items->erase(std::unique(items->begin(), items->end()), items->end());
}

using Triggers = std::vector<std::pair<uint32_t, uint32_t>>;

inline void SortDistinct(Triggers* triggers) {
  std::sort(triggers->begin(), triggers->end());
  triggers->erase(std::unique(triggers->begin(), triggers->end()), triggers->end());
}

inline std::string LastWord(const std::string& folded) {
  const size_t space = folded.rfind(' ');
  return space == std::string::npos ? folded : folded.substr(space + 1);
}

// Each document's place in `order`: once no more documents come,
// comparing places is cheaper than comparing ids.
inline std::vector<uint32_t> Ranks(const std::vector<uint32_t>& order) {
  std::vector<uint32_t> rank(order.size());
  for (uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
  return rank;
}

}  // namespace kg::graph_builder_internal

namespace kg {

struct GraphBuilder::State {
  using RelationKey = graph_builder_internal::RelationKey;
  using RelationKeyHash = graph_builder_internal::RelationKeyHash;
  using Triggers = graph_builder_internal::Triggers;
  static constexpr uint32_t kNone = graph_builder_internal::kNone;

  struct Entity {
    std::string fold;  // FoldName(label): with the type, the entity's key
    std::string label;
    EntityType type = EntityType::kPerson;
    uint32_t label_document = kNone;  // the document the label was taken from
    std::vector<std::string> forms;   // every surface form, labels included; sorted
    int64_t mentions = 0;
    std::vector<uint32_t> documents;  // unsorted until Finish()
    std::string pinned_id;            // an id a merged graph file gave it
  };
  // One evidence sentence. Two items of the same sentence (document,
  // offsets and text) are one: their triggers are the union of both, so
  // that how the sentence's relations were grouped before does not matter.
  struct Item {
    uint32_t document;
    uint32_t start;
    uint32_t end;
    std::string sentence;
    Triggers triggers;  // sorted, distinct
  };
  struct Relation {
    int64_t weight = 0;
    std::vector<Item> evidence;
  };

  size_t max_evidence;
  PredicateTable predicates;
  std::unordered_map<std::string, uint32_t> predicate_index;
  std::vector<std::string> predicate_names;
  std::vector<DocumentInfo> documents;
  std::unordered_map<std::string, uint32_t> document_index;
  std::vector<Entity> entities;
  // Per EntityType, by fold: no key string to build for each lookup.
  std::unordered_map<std::string, uint32_t> entity_index[3];
  std::vector<RelationKey> relation_keys;
  std::vector<Relation> relations;
  std::unordered_map<RelationKey, uint32_t, RelationKeyHash> relation_index;

  explicit State(size_t max) : max_evidence(max) {}

  bool DocumentBefore(uint32_t a, uint32_t b) const {
    if (a == kNone || b == kNone) return a != kNone && b == kNone;
    return DocumentIdLess(documents[a].id, documents[b].id);
  }

  static bool SameSentence(const Item& a, const Item& b) {
    return std::tie(a.document, a.start, a.end, a.sentence) ==
           std::tie(b.document, b.start, b.end, b.sentence);
  }

  // Sorts the items, makes each sentence one item and keeps the first
  // `max_evidence`: the first sentences of everything ever added, each with
  // every trigger found in it, whatever was pruned before. `document_less`
  // orders documents as DocumentBefore does.
  template <typename DocumentLess>
  void Settle(std::vector<Item>* items, const DocumentLess& document_less) const {
    std::sort(items->begin(), items->end(), [&](const Item& a, const Item& b) {
      if (a.document != b.document) return document_less(a.document, b.document);
      return std::tie(a.start, a.end, a.sentence) < std::tie(b.start, b.end, b.sentence);
    });
    size_t kept = 0;
    for (size_t i = 0; i < items->size(); ++i) {
      Item& item = (*items)[i];
      if (kept > 0 && SameSentence((*items)[kept - 1], item)) {
        Triggers& into = (*items)[kept - 1].triggers;
        into.insert(into.end(), item.triggers.begin(), item.triggers.end());
        graph_builder_internal::SortDistinct(&into);
      } else if (kept < max_evidence) {
        if (kept != i) (*items)[kept] = std::move(item);
        ++kept;
      } else {
        break;
      }
    }
    items->resize(kept);
  }

  // Settles the items once they exceed the cap by a margin, so that adding
  // costs O(log max_evidence) per item.
  void Prune(std::vector<Item>* items) const {
    if (items->size() <= max_evidence) return;
    if (items->size() - max_evidence <= std::max<size_t>(max_evidence, 16)) return;
    Settle(items, [this](uint32_t a, uint32_t b) { return DocumentBefore(a, b); });
  }

  // A person named by one word joins the only multi-word person ending in
  // that word: the entity each one becomes (itself for most).
  std::vector<uint32_t> SurnameTargets() const;

  // Gives each joining entity's forms and mentions to its target.
  void JoinForms(const std::vector<uint32_t>& target);

  // Puts each entity's documents in document order (`rank`), once each,
  // a joining entity's with its target's.
  void OrderEntityDocuments(const std::vector<uint32_t>& rank, const std::vector<uint32_t>& target);

  // The entities that stay (not joined), in label order.
  // (fold, type) is the entities' key: the order is total.
  std::vector<uint32_t> NodeOrder(const std::vector<uint32_t>& target, bool parallel) const;

  // Ids, by entity: an id recorded in a merged graph file stays (when two
  // entities claim one, the first in `order` keeps it); the others get the
  // slug of their label, then the type appended, then a number, assigned
  // in `order` (label order), so that they do not depend on which document
  // came first.
  std::vector<std::string> AssignIds(const std::vector<uint32_t>& order) const;

  // The documents in DocumentBefore order, sorted by their sort keys:
  // comparing bytes instead of reading digit runs at every comparison.
  std::vector<uint32_t> DocumentOrder() const;

  uint32_t PredicateId(const std::string& name) {
    auto [it, added] =
        predicate_index.try_emplace(name, static_cast<uint32_t>(predicate_names.size()));
    if (added) predicate_names.push_back(name);
    return it->second;
  }

  uint32_t EntityFor(FragmentEntity&& entity, uint32_t first_document) {
    std::string fold = FoldName(entity.label);
    auto& index = entity_index[static_cast<size_t>(entity.type)];
    auto [it, added] = index.try_emplace(fold, static_cast<uint32_t>(entities.size()));
    if (added) {
      Entity record;
      record.fold = std::move(fold);
      record.label = entity.label;
      record.type = entity.type;
      record.label_document = first_document;
      entities.push_back(std::move(record));
    }
    Entity& record = entities[it->second];
    // The label of the first document wins; within one document, the
    // smaller spelling.
    if (!added && (DocumentBefore(first_document, record.label_document) ||
                   (first_document == record.label_document && entity.label < record.label))) {
      record.label = entity.label;
      record.label_document = first_document;
    }
    std::vector<std::string> forms = std::move(entity.aliases);
    forms.push_back(std::move(entity.label));
    graph_builder_internal::SortDistinct(&forms);
    graph_builder_internal::UnionSorted(&record.forms, std::move(forms));
    record.mentions += entity.mentions;
    if (!entity.id.empty() && (record.pinned_id.empty() || entity.id < record.pinned_id))
      record.pinned_id = std::move(entity.id);
    return it->second;
  }
};

}  // namespace kg
