#include "graph/graph_builder.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "core/concurrently.h"
#include "core/text.h"
#include "graph/document_order.h"

namespace kg {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

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
void UnionSorted(std::vector<std::string>* into, std::vector<std::string>&& add) {
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
void EraseSorted(std::vector<std::string>* items, const std::string& item) {
  const auto it = std::lower_bound(items->begin(), items->end(), item);
  if (it != items->end() && *it == item) items->erase(it);
}

void SortDistinct(std::vector<std::string>* items) {
  std::sort(items->begin(), items->end());
  items->erase(std::unique(items->begin(), items->end()), items->end());
}

using Triggers = std::vector<std::pair<uint32_t, uint32_t>>;

void SortDistinct(Triggers* triggers) {
  std::sort(triggers->begin(), triggers->end());
  triggers->erase(std::unique(triggers->begin(), triggers->end()), triggers->end());
}

std::string LastWord(const std::string& folded) {
  const size_t space = folded.rfind(' ');
  return space == std::string::npos ? folded : folded.substr(space + 1);
}

// Each document's place in `order`: once no more documents come,
// comparing places is cheaper than comparing ids.
std::vector<uint32_t> Ranks(const std::vector<uint32_t>& order) {
  std::vector<uint32_t> rank(order.size());
  for (uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
  return rank;
}

}  // namespace

struct GraphBuilder::State {
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
        SortDistinct(&into);
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
  std::vector<uint32_t> SurnameTargets() const {
    const size_t count = entities.size();
    std::unordered_map<std::string, std::vector<uint32_t>> full_names_by_surname;
    for (uint32_t e = 0; e < count; ++e) {
      const Entity& entity = entities[e];
      if (entity.type == EntityType::kPerson && entity.fold.find(' ') != std::string::npos)
        full_names_by_surname[LastWord(entity.fold)].push_back(e);
    }
    std::vector<uint32_t> target(count);
    for (uint32_t e = 0; e < count; ++e) {
      target[e] = e;
      const Entity& entity = entities[e];
      if (entity.type != EntityType::kPerson || entity.fold.find(' ') != std::string::npos)
        continue;
      auto it = full_names_by_surname.find(entity.fold);
      if (it != full_names_by_surname.end() && it->second.size() == 1)
        target[e] = it->second.front();
    }
    return target;
  }

  // Gives each joining entity's forms and mentions to its target.
  void JoinForms(const std::vector<uint32_t>& target) {
    for (uint32_t e = 0; e < entities.size(); ++e) {
      if (target[e] == e) continue;
      Entity& into = entities[target[e]];
      UnionSorted(&into.forms, std::move(entities[e].forms));
      into.mentions += entities[e].mentions;
    }
  }

  // Puts each entity's documents in document order (`rank`), once each,
  // a joining entity's with its target's.
  void OrderEntityDocuments(const std::vector<uint32_t>& rank,
                            const std::vector<uint32_t>& target) {
    const auto by_rank = [&](uint32_t a, uint32_t b) { return rank[a] < rank[b]; };
    for (Entity& entity : entities) {
      std::sort(entity.documents.begin(), entity.documents.end(), by_rank);
      entity.documents.erase(std::unique(entity.documents.begin(), entity.documents.end()),
                             entity.documents.end());
    }
    for (uint32_t e = 0; e < entities.size(); ++e) {
      if (target[e] == e) continue;
      std::vector<uint32_t>& into = entities[target[e]].documents;
      const std::vector<uint32_t>& from = entities[e].documents;
      std::vector<uint32_t> merged;
      std::merge(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(merged),
                 by_rank);
      merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
      into = std::move(merged);
    }
  }

  // The entities that stay (not joined), in label order.
  // (fold, type) is the entities' key: the order is total.
  std::vector<uint32_t> NodeOrder(const std::vector<uint32_t>& target, bool parallel) const {
    std::vector<uint32_t> order;
    for (uint32_t e = 0; e < entities.size(); ++e) {
      if (target[e] == e) order.push_back(e);
    }
    SortConcurrently(parallel, order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(entities[a].fold, entities[a].label, entities[a].type) <
             std::tie(entities[b].fold, entities[b].label, entities[b].type);
    });
    return order;
  }

  // Ids, by entity: an id recorded in a merged graph file stays (when two
  // entities claim one, the first in `order` keeps it); the others get the
  // slug of their label, then the type appended, then a number, assigned
  // in `order` (label order), so that they do not depend on which document
  // came first.
  std::vector<std::string> AssignIds(const std::vector<uint32_t>& order) const {
    std::vector<std::string> ids(entities.size());
    std::unordered_set<std::string> taken;  // only asked whether it holds an id
    taken.reserve(order.size());
    for (uint32_t e : order) {
      if (!entities[e].pinned_id.empty() && taken.insert(entities[e].pinned_id).second)
        ids[e] = entities[e].pinned_id;
    }
    for (uint32_t e : order) {
      if (!ids[e].empty()) continue;
      const std::string slug = Slugify(entities[e].label);
      std::string id = slug;
      if (taken.contains(id)) id += "-" + AsciiLower(EntityTypeName(entities[e].type));
      for (int suffix = 2; taken.contains(id); ++suffix) id = slug + "-" + std::to_string(suffix);
      taken.insert(id);
      ids[e] = std::move(id);
    }
    return ids;
  }

  // The documents in DocumentBefore order, sorted by their sort keys:
  // comparing bytes instead of reading digit runs at every comparison.
  std::vector<uint32_t> DocumentOrder() const {
    std::vector<std::string> keys;
    keys.reserve(documents.size());
    for (const DocumentInfo& document : documents) keys.push_back(DocumentSortKey(document.id));
    std::vector<uint32_t> order(documents.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    return order;
  }

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
    SortDistinct(&forms);
    UnionSorted(&record.forms, std::move(forms));
    record.mentions += entity.mentions;
    if (!entity.id.empty() && (record.pinned_id.empty() || entity.id < record.pinned_id))
      record.pinned_id = std::move(entity.id);
    return it->second;
  }
};

GraphBuilder::GraphBuilder(std::vector<Predicate> predicates, size_t max_evidence)
    : predicates_(std::move(predicates)) {
  for (const Predicate& predicate : predicates_) predicate_names_.push_back(predicate.name);
  state_ = std::make_unique<State>(max_evidence);
  [[maybe_unused]] auto added = Add(VocabularyFragment(predicates_), "rule pack");
  assert(added.ok() && "a rule pack's vocabulary is consistent");
}

GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

size_t GraphBuilder::document_count() const { return state_->documents.size(); }

Status GraphBuilder::Add(const Document& document, const DocumentAnalysis& analysis) {
  return Add(document, FragmentOf(document, analysis, predicates_));
}

Status GraphBuilder::Add(const Document& document, Fragment fragment) {
  auto added = Add(std::move(fragment), document.path);
  if (!added.ok()) return added.status();
  if (*added == Added::kAlreadyThere)
    return Status::Error(document.path + ": document id \"" + document.id + "\" added twice");
  return Status::Ok();
}

Result<GraphBuilder::Added> GraphBuilder::Add(Fragment fragment, const std::string& origin,
                                              bool* conflict) {
  State& s = *state_;
  if (conflict != nullptr) *conflict = false;
  const auto error = [&](const std::string& where, const std::string& message) {
    return Status::Error(origin + ": " + where + ": " + message);
  };
  const auto clash = [&](const std::string& where, const std::string& message) {
    if (conflict != nullptr) *conflict = true;
    return error(where, message);
  };
  // Check everything first: a fragment is added whole or not at all.
  std::unordered_set<std::string_view> own_documents;
  size_t known = 0;
  for (size_t d = 0; d < fragment.documents.size(); ++d) {
    const DocumentInfo& document = fragment.documents[d];
    // Built only for a message: most fragments have none.
    const auto where = [d] { return "documents[" + std::to_string(d) + "]"; };
    if (document.id.empty()) return error(where(), "empty document id");
    if (!own_documents.insert(document.id).second)
      return error(where(), "document \"" + document.id + "\" listed twice");
    auto it = s.document_index.find(document.id);
    if (it == s.document_index.end()) continue;
    if (s.documents[it->second].sha256 != document.sha256) {
      return clash(where(), "document id \"" + document.id +
                                "\" was merged before with another text (sha256 differs); give "
                                "the articles distinct ids");
    }
    ++known;
  }
  if (known > 0 && known == fragment.documents.size()) return Added::kAlreadyThere;
  if (known > 0) {
    return clash("documents", std::to_string(known) + " of its " +
                                  std::to_string(fragment.documents.size()) +
                                  " documents were merged before: a fragment is merged whole");
  }
  // Mostly every predicate of a fragment is known already, as defined:
  // then there is nothing to merge and no table to copy.
  const bool known_predicates =
      std::all_of(fragment.predicates.entries().begin(), fragment.predicates.entries().end(),
                  [&](const Predicate& predicate) {
                    const Predicate* known_one = s.predicates.Find(predicate.name);
                    return known_one != nullptr && *known_one == predicate;
                  });
  std::optional<PredicateTable> vocabulary;
  if (!known_predicates) {
    vocabulary = s.predicates;
    if (Status merged = vocabulary->Merge(fragment.predicates); !merged.ok())
      return clash("predicates", merged.message());
  }
  for (size_t e = 0; e < fragment.entities.size(); ++e) {
    const FragmentEntity& entity = fragment.entities[e];
    const auto where = [e] { return "entities[" + std::to_string(e) + "]"; };
    if (entity.label.empty()) return error(where(), "empty label");
    if (entity.mentions < 0) return error(where(), "negative mentions");
    for (const auto& id : entity.documents) {
      if (!own_documents.contains(id))
        return error(where(), "document \"" + id + "\" is not one of the fragment's documents");
    }
  }
  for (size_t r = 0; r < fragment.relations.size(); ++r) {
    const FragmentRelation& relation = fragment.relations[r];
    const auto where = [r] { return "relations[" + std::to_string(r) + "]"; };
    if (relation.subject >= fragment.entities.size() || relation.object >= fragment.entities.size())
      return error(where(), "no such entity");
    // Defined by the fragment itself, so that whether it is consistent
    // does not depend on what was added before.
    if (!fragment.predicates.Contains(relation.predicate))
      return error(where(), "predicate \"" + relation.predicate + "\" is not in its predicates");
    if (relation.weight < 0) return error(where(), "negative weight");
    for (const Evidence& evidence : relation.evidence) {
      if (!own_documents.contains(evidence.document))
        return error(where(), "evidence from \"" + evidence.document +
                                  "\", not one of the fragment's documents");
      if (evidence.end < evidence.start) return error(where(), "evidence ends before it starts");
      for (const auto& [begin, end] : evidence.triggers) {
        if (begin >= end || begin < evidence.start || end > evidence.end)
          return error(where(), "a trigger outside its evidence sentence, or empty");
      }
    }
  }

  // Add.
  if (vocabulary) s.predicates = std::move(*vocabulary);
  for (DocumentInfo& document : fragment.documents) {
    s.document_index.emplace(document.id, static_cast<uint32_t>(s.documents.size()));
    s.documents.push_back(std::move(document));
  }
  // A fragment is mostly one document, named again by every entity and
  // sentence: the last id found is tried before the index.
  uint32_t last_document = kNone;
  const auto document_of = [&](const std::string& id) {
    if (last_document == kNone || s.documents[last_document].id != id)
      last_document = s.document_index.at(id);
    return last_document;
  };
  std::vector<uint32_t> entity_of(fragment.entities.size());
  for (size_t e = 0; e < fragment.entities.size(); ++e) {
    FragmentEntity& entity = fragment.entities[e];
    uint32_t first = kNone;
    std::vector<uint32_t> documents;
    documents.reserve(entity.documents.size());
    for (const auto& id : entity.documents) {
      documents.push_back(document_of(id));
      if (s.DocumentBefore(documents.back(), first)) first = documents.back();
    }
    entity_of[e] = s.EntityFor(std::move(entity), first);
    auto& into = s.entities[entity_of[e]].documents;
    into.insert(into.end(), documents.begin(), documents.end());
  }
  for (FragmentRelation& relation : fragment.relations) {
    RelationKey key{entity_of[relation.subject], entity_of[relation.object],
                    s.PredicateId(relation.predicate), relation.status};
    // Symmetric relations are one fact either way round.
    if (s.predicates.IsSymmetric(relation.predicate) && key.object < key.subject)
      std::swap(key.subject, key.object);
    auto [it, added] = s.relation_index.try_emplace(key, static_cast<uint32_t>(s.relations.size()));
    if (added) {
      s.relation_keys.push_back(key);
      s.relations.emplace_back();
    }
    State::Relation& into = s.relations[it->second];
    into.weight += relation.weight;
    for (Evidence& evidence : relation.evidence) {
      SortDistinct(&evidence.triggers);
      into.evidence.push_back({document_of(evidence.document), evidence.start, evidence.end,
                               std::move(evidence.sentence), std::move(evidence.triggers)});
    }
    s.Prune(&into.evidence);
  }
  return Added::kAdded;
}

Fragment GraphBuilder::Partial() {
  State& s = *state_;
  Fragment out;
  const std::vector<uint32_t> document_order = s.DocumentOrder();
  const std::vector<uint32_t> rank = Ranks(document_order);
  const auto by_rank = [&](uint32_t a, uint32_t b) { return rank[a] < rank[b]; };
  for (uint32_t d : document_order) out.documents.push_back(s.documents[d]);
  out.predicates = s.predicates;

  std::vector<uint32_t> entity_order(s.entities.size());
  std::iota(entity_order.begin(), entity_order.end(), 0);
  std::sort(entity_order.begin(), entity_order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(s.entities[a].fold, s.entities[a].type) <
           std::tie(s.entities[b].fold, s.entities[b].type);
  });
  std::vector<uint32_t> new_index(s.entities.size());
  for (uint32_t e : entity_order) {
    State::Entity& entity = s.entities[e];
    new_index[e] = static_cast<uint32_t>(out.entities.size());
    FragmentEntity item;
    EraseSorted(&entity.forms, entity.label);
    item.aliases = std::move(entity.forms);
    item.label = std::move(entity.label);
    item.type = entity.type;
    item.mentions = entity.mentions;
    std::sort(entity.documents.begin(), entity.documents.end(), by_rank);
    entity.documents.erase(std::unique(entity.documents.begin(), entity.documents.end()),
                           entity.documents.end());
    for (uint32_t d : entity.documents) item.documents.push_back(s.documents[d].id);
    item.id = std::move(entity.pinned_id);
    out.entities.push_back(std::move(item));
  }

  for (size_t r = 0; r < s.relations.size(); ++r) {
    const RelationKey& key = s.relation_keys[r];
    State::Relation& relation = s.relations[r];
    FragmentRelation item;
    item.subject = new_index[key.subject];
    item.object = new_index[key.object];
    // Symmetric relations are stored with the smaller entity first.
    if (s.predicates.IsSymmetric(s.predicate_names[key.predicate]) && item.object < item.subject)
      std::swap(item.subject, item.object);
    item.predicate = s.predicate_names[key.predicate];
    item.status = key.status;
    item.weight = relation.weight;
    s.Settle(&relation.evidence, by_rank);
    for (State::Item& evidence : relation.evidence) {
      item.evidence.push_back({s.documents[evidence.document].id, evidence.start, evidence.end,
                               std::move(evidence.sentence), std::move(evidence.triggers)});
    }
    out.relations.push_back(std::move(item));
  }
  std::sort(out.relations.begin(), out.relations.end(),
            [](const FragmentRelation& a, const FragmentRelation& b) {
              return std::tie(a.subject, a.object, a.predicate, a.status) <
                     std::tie(b.subject, b.object, b.predicate, b.status);
            });
  const size_t max_evidence = s.max_evidence;
  state_ = std::make_unique<State>(max_evidence);
  [[maybe_unused]] auto added = Add(VocabularyFragment(predicates_), "rule pack");
  return out;
}

KnowledgeGraph GraphBuilder::Finish(unsigned threads) {
  State& s = *state_;
  const std::vector<uint32_t> target = s.SurnameTargets();
  // Two jobs that share no data (each touches its own fields of the
  // entities): the documents in order, each entity's among them, and the
  // entities' forms, order and ids.
  std::vector<uint32_t> document_order;
  std::vector<uint32_t> rank;
  std::vector<uint32_t> order;
  std::vector<std::string> ids;
  RunConcurrently(
      threads > 1,
      [&] {
        document_order = s.DocumentOrder();
        rank = Ranks(document_order);
        s.OrderEntityDocuments(rank, target);
      },
      [&] {
        s.JoinForms(target);
        order = s.NodeOrder(target, threads > 1);
        ids = s.AssignIds(order);
        // From here on in id order, the order Canonicalize() keeps (ids
        // are unique: a total order).
        SortConcurrently(threads > 1, order.begin(), order.end(),
                         [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
      });
  const auto by_rank = [&](uint32_t a, uint32_t b) { return rank[a] < rank[b]; };
  const size_t count = s.entities.size();

  KnowledgeGraph graph;
  graph.Reserve(order.size(), s.relations.size());
  // The nodes' data is gathered on two threads (each entity is read by one),
  // then indexed here.
  std::vector<NodeData> nodes(order.size());
  const auto make_nodes = [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      State::Entity& entity = s.entities[order[k]];
      NodeData& node = nodes[k];
      node.id = std::move(ids[order[k]]);
      EraseSorted(&entity.forms, entity.label);
      node.aliases = std::move(entity.forms);
      node.label = std::move(entity.label);
      node.type = entity.type;
      node.mentions = entity.mentions;
      node.documents.reserve(entity.documents.size());
      for (uint32_t d : entity.documents) node.documents.push_back(s.documents[d].id);
    }
  };
  const size_t half = nodes.size() / 2;
  RunConcurrently(
      threads > 1, [&] { make_nodes(0, half); }, [&] { make_nodes(half, nodes.size()); });
  std::vector<size_t> graph_index(count);
  for (size_t k = 0; k < nodes.size(); ++k)
    graph_index[order[k]] = graph.AddNode(std::move(nodes[k]));
  for (uint32_t e = 0; e < count; ++e) graph_index[e] = graph_index[target[e]];

  std::vector<std::vector<State::Item>> edge_items;  // by graph edge index
  edge_items.reserve(s.relations.size());

  for (size_t r = 0; r < s.relations.size(); ++r) {
    const RelationKey& key = s.relation_keys[r];
    size_t from = graph_index[key.subject];
    size_t to = graph_index[key.object];
    if (from == to) continue;
    const std::string& predicate = s.predicate_names[key.predicate];
    if (s.predicates.IsSymmetric(predicate) && graph.node(to).id < graph.node(from).id)
      std::swap(from, to);
    State::Relation& relation = s.relations[r];
    // Relations of entities that joined become one edge: their evidence
    // is settled together below.
    if (auto existing = graph.FindEdge(from, predicate, to, key.status)) {
      graph.mutable_edge(*existing).weight += relation.weight;
      auto& into = edge_items[*existing];
      into.insert(into.end(), std::make_move_iterator(relation.evidence.begin()),
                  std::make_move_iterator(relation.evidence.end()));
    } else {
      EdgeData edge;
      edge.predicate = predicate;
      edge.status = key.status;
      edge.weight = relation.weight;
      [[maybe_unused]] const size_t index = graph.AddEdge(from, to, std::move(edge));
      assert(index == edge_items.size() && "edges are numbered as they are added");
      edge_items.push_back(std::move(relation.evidence));
    }
  }
  for (size_t e = 0; e < edge_items.size(); ++e) {
    std::vector<State::Item>& items = edge_items[e];
    s.Settle(&items, by_rank);
    std::vector<Evidence>& evidence = graph.mutable_edge(e).evidence;
    evidence.reserve(items.size());
    for (State::Item& item : items) {
      evidence.push_back({s.documents[item.document].id, item.start, item.end,
                          std::move(item.sentence), std::move(item.triggers)});
    }
  }
  for (uint32_t d : document_order) graph.AddDocument(std::move(s.documents[d]));
  graph.SetPredicates(std::move(s.predicates));
  // What is left of the state (indexes, keys, spellings) is freed beside
  // the last step.
  std::unique_ptr<State> spent = std::exchange(state_, std::make_unique<State>(s.max_evidence));
  RunConcurrently(
      threads > 1, [&spent] { spent.reset(); }, [&graph, threads] { graph.Canonicalize(threads); });
  [[maybe_unused]] auto added = Add(VocabularyFragment(predicates_), "rule pack");
  return graph;
}

}  // namespace kg
