// GraphBuilder::Finish(): the decisions that need every document, then the
// graph in canonical order.
#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/concurrently.h"
#include "graph/graph_builder.h"
#include "graph/graph_builder_state.h"

namespace kg {

using namespace graph_builder_internal;  // NOLINT: the builder's own helpers

std::vector<uint32_t> GraphBuilder::State::SurnameTargets() const {
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
    if (entity.type != EntityType::kPerson || entity.fold.find(' ') != std::string::npos) continue;
    auto it = full_names_by_surname.find(entity.fold);
    if (it != full_names_by_surname.end() && it->second.size() == 1) target[e] = it->second.front();
  }
  return target;
}

void GraphBuilder::State::JoinForms(const std::vector<uint32_t>& target) {
  for (uint32_t e = 0; e < entities.size(); ++e) {
    if (target[e] == e) continue;
    Entity& into = entities[target[e]];
    UnionSorted(&into.forms, std::move(entities[e].forms));
    into.mentions += entities[e].mentions;
  }
}

void GraphBuilder::State::OrderEntityDocuments(const std::vector<uint32_t>& rank,
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

std::vector<uint32_t> GraphBuilder::State::NodeOrder(const std::vector<uint32_t>& target,
                                                     bool parallel) const {
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

std::vector<std::string> GraphBuilder::State::AssignIds(const std::vector<uint32_t>& order) const {
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

std::vector<uint32_t> GraphBuilder::State::DocumentOrder() const {
  std::vector<std::string> keys;
  keys.reserve(documents.size());
  for (const DocumentInfo& document : documents) keys.push_back(DocumentSortKey(document.id));
  std::vector<uint32_t> order(documents.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  return order;
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
