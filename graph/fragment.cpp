#include "graph/fragment.h"

#include <cassert>
#include <map>
#include <tuple>

namespace kg {
namespace {

void AddToVocabulary(PredicateTable* table, const Predicate& predicate) {
  // A rule pack names each predicate once, so its entries never clash.
  [[maybe_unused]] const Status added = table->Add(predicate);
  assert(added.ok() && "a rule pack names each predicate once");
}

}  // namespace

Fragment FragmentOf(const Document& document, const DocumentAnalysis& analysis,
                    const std::vector<Predicate>& predicates) {
  Fragment fragment;
  fragment.documents.push_back({document.id, document.path, document.title, document.sha256});
  fragment.entities.reserve(analysis.entities.size());
  for (const DocEntity& entity : analysis.entities) {
    FragmentEntity out;
    out.label = entity.label;
    out.type = entity.type;
    out.aliases = entity.aliases;
    out.mentions = entity.mentions;
    out.documents = {document.id};
    fragment.entities.push_back(std::move(out));
  }
  // (subject, predicate, object, status) -> relation index, in order of
  // first occurrence.
  std::map<std::tuple<int, int, int, RelationStatus>, size_t> index;
  for (const RelationMention& relation : analysis.relations) {
    const auto key =
        std::make_tuple(relation.subject, relation.predicate, relation.object, relation.status);
    auto [it, added] = index.emplace(key, fragment.relations.size());
    if (added) {
      const Predicate& predicate = predicates[static_cast<size_t>(relation.predicate)];
      AddToVocabulary(&fragment.predicates, predicate);
      FragmentRelation out;
      out.subject = static_cast<uint32_t>(relation.subject);
      out.object = static_cast<uint32_t>(relation.object);
      out.predicate = predicate.name;
      out.status = relation.status;
      fragment.relations.push_back(std::move(out));
    }
    FragmentRelation& out = fragment.relations[it->second];
    ++out.weight;
    Evidence evidence{document.id, relation.evidence.begin, relation.evidence.end,
                      std::string(relation.evidence.In(document.text))};
    // Graph readers refuse a trigger outside its sentence; extraction
    // always finds it inside.
    assert(relation.trigger.empty() || relation.evidence.Contains(relation.trigger));
    if (!relation.trigger.empty() && relation.evidence.Contains(relation.trigger))
      evidence.triggers.emplace_back(relation.trigger.begin, relation.trigger.end);
    out.evidence.push_back(std::move(evidence));
  }
  return fragment;
}

Fragment VocabularyFragment(const std::vector<Predicate>& predicates) {
  Fragment fragment;
  for (const Predicate& predicate : predicates) AddToVocabulary(&fragment.predicates, predicate);
  return fragment;
}

Fragment FragmentOfGraph(const KnowledgeGraph& graph) {
  Fragment fragment;
  fragment.documents = graph.documents();
  fragment.predicates = graph.predicates();
  fragment.entities.reserve(graph.node_count());
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    fragment.entities.push_back(
        {node.label, node.type, node.aliases, node.mentions, node.documents, node.id});
  }
  fragment.relations.reserve(graph.edge_count());
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    fragment.relations.push_back({static_cast<uint32_t>(graph.edge_source(e)),
                                  static_cast<uint32_t>(graph.edge_target(e)), edge.predicate,
                                  edge.status, edge.weight, edge.evidence});
  }
  return fragment;
}

}  // namespace kg
