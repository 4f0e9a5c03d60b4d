#include "graph/graph_builder.h"

#include <algorithm>
#include <cassert>
#include <set>
#include <unordered_map>

#include "core/text.h"

namespace kg {
namespace {

void MergeSorted(std::vector<std::string>* into, const std::vector<std::string>& add) {
  std::set<std::string> merged(into->begin(), into->end());
  merged.insert(add.begin(), add.end());
  into->assign(merged.begin(), merged.end());
}

void AppendUnique(std::vector<std::string>* into, const std::vector<std::string>& add) {
  for (const auto& item : add) {
    if (std::find(into->begin(), into->end(), item) == into->end()) into->push_back(item);
  }
}

std::string LastWord(const std::string& folded) {
  const size_t space = folded.rfind(' ');
  return space == std::string::npos ? folded : folded.substr(space + 1);
}

}  // namespace

GraphBuilder::GraphBuilder(std::vector<Predicate> predicates, size_t max_evidence)
    : predicates_(std::move(predicates)), max_evidence_(max_evidence) {}

size_t GraphBuilder::NodeFor(const DocEntity& entity) {
  const auto key = std::make_pair(FoldName(entity.label), entity.type);
  if (auto it = node_by_key_.find(key); it != node_by_key_.end()) return it->second;
  NodeData node;
  node.label = entity.label;
  node.type = entity.type;
  nodes_.push_back(std::move(node));
  node_by_key_.emplace(key, nodes_.size() - 1);
  return nodes_.size() - 1;
}

void GraphBuilder::Add(const Document& document, const DocumentAnalysis& analysis) {
  documents_.push_back({document.id, document.path, document.title, document.sha256});
  std::vector<size_t> node_of(analysis.entities.size());
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    const DocEntity& entity = analysis.entities[e];
    const size_t n = NodeFor(entity);
    node_of[e] = n;
    NodeData& node = nodes_[n];
    MergeSorted(&node.aliases, entity.aliases);
    node.mentions += entity.mentions;
    AppendUnique(&node.documents, {document.id});
  }
  for (const RelationMention& relation : analysis.relations) {
    const auto key =
        std::make_tuple(node_of[static_cast<size_t>(relation.subject)], relation.predicate,
                        node_of[static_cast<size_t>(relation.object)], relation.status);
    EdgeData& edge = edges_[key];
    if (edge.weight == 0) {
      edge.predicate = predicates_[static_cast<size_t>(relation.predicate)].name;
      edge.status = relation.status;
    }
    ++edge.weight;
    if (edge.evidence.size() < max_evidence_) {
      edge.evidence.push_back({document.id, relation.evidence.begin, relation.evidence.end,
                               std::string(relation.evidence.In(document.text))});
    }
  }
}

// For every node, the node it merges into (itself when none): a person
// named by one word joins the only multi-word person ending in that word.
std::vector<size_t> GraphBuilder::SurnameMerges() const {
  std::unordered_map<std::string, std::vector<size_t>> full_names_by_surname;
  for (size_t n = 0; n < nodes_.size(); ++n) {
    const std::string folded = FoldName(nodes_[n].label);
    if (nodes_[n].type == EntityType::kPerson && folded.find(' ') != std::string::npos) {
      full_names_by_surname[LastWord(folded)].push_back(n);
    }
  }
  std::vector<size_t> target(nodes_.size());
  for (size_t n = 0; n < nodes_.size(); ++n) {
    target[n] = n;
    const std::string folded = FoldName(nodes_[n].label);
    if (nodes_[n].type != EntityType::kPerson || folded.find(' ') != std::string::npos) continue;
    auto it = full_names_by_surname.find(folded);
    if (it != full_names_by_surname.end() && it->second.size() == 1) target[n] = it->second.front();
  }
  return target;
}

KnowledgeGraph GraphBuilder::Finish() {
  const std::vector<size_t> target = SurnameMerges();
  for (size_t n = 0; n < nodes_.size(); ++n) {
    if (target[n] == n) continue;
    NodeData& into = nodes_[target[n]];
    MergeSorted(&into.aliases, nodes_[n].aliases);
    MergeSorted(&into.aliases, {nodes_[n].label});
    into.mentions += nodes_[n].mentions;
    AppendUnique(&into.documents, nodes_[n].documents);
  }

  // Ids: the slug of the label; a clash between different entities gets
  // the type, then a counter, appended. Assigned in label order so that
  // ids do not depend on which document came first.
  std::vector<size_t> order;
  for (size_t n = 0; n < nodes_.size(); ++n) {
    if (target[n] == n) order.push_back(n);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::make_tuple(FoldName(nodes_[a].label), nodes_[a].label, nodes_[a].type) <
           std::make_tuple(FoldName(nodes_[b].label), nodes_[b].label, nodes_[b].type);
  });
  KnowledgeGraph graph;
  std::set<std::string> taken;
  std::vector<size_t> graph_index(nodes_.size());
  for (size_t n : order) {
    std::string id = Slugify(nodes_[n].label);
    if (taken.contains(id)) id += "-" + AsciiLower(EntityTypeName(nodes_[n].type));
    for (int suffix = 2; taken.contains(id); ++suffix)
      id = Slugify(nodes_[n].label) + "-" + std::to_string(suffix);
    taken.insert(id);
    std::erase(nodes_[n].aliases, nodes_[n].label);
    nodes_[n].id = id;
    graph_index[n] = graph.AddNode(std::move(nodes_[n]));
  }
  for (size_t n = 0; n < nodes_.size(); ++n) graph_index[n] = graph_index[target[n]];

  for (auto& [key, edge] : edges_) {
    auto [source, predicate, object, status] = key;
    size_t from = graph_index[source];
    size_t to = graph_index[object];
    if (from == to) continue;
    if (predicates_[static_cast<size_t>(predicate)].symmetric &&
        graph.node(to).id < graph.node(from).id) {
      std::swap(from, to);
    }
    if (auto existing = graph.FindEdge(from, edge.predicate, to, status)) {
      EdgeData& into = graph.mutable_edge(*existing);
      into.weight += edge.weight;
      for (auto& evidence : edge.evidence) {
        if (into.evidence.size() < max_evidence_) into.evidence.push_back(std::move(evidence));
      }
    } else {
      graph.AddEdge(from, to, std::move(edge));
    }
  }
  for (auto& document : documents_) graph.AddDocument(std::move(document));
  PredicateTable table;
  for (const Predicate& predicate : predicates_) {
    [[maybe_unused]] const Status added = table.Add(predicate);
    assert(added.ok() && "a rule pack names each predicate once");
  }
  graph.SetPredicates(std::move(table));
  graph.Canonicalize();

  documents_.clear();
  nodes_.clear();
  node_by_key_.clear();
  edges_.clear();
  return graph;
}

}  // namespace kg
