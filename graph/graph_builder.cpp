#include "graph/graph_builder.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "graph/document_order.h"
#include "graph/graph_builder_state.h"

namespace kg {

using namespace graph_builder_internal;  // NOLINT: the builder's own helpers

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

}  // namespace kg
