#include "graph/knowledge_graph.h"

#include <algorithm>
#include <cassert>
#include <compare>
#include <mutex>
#include <numeric>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/concurrently.h"
#include "graph/id_index.h"

namespace kg {
namespace {

// (source, predicate, target, status) with the predicate interned.
struct EdgeKey {
  uint64_t source;
  uint64_t target;
  uint32_t predicate;
  RelationStatus status;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

struct EdgeKeyHash {
  size_t operator()(const EdgeKey& key) const {
    uint64_t h = key.source * 0x9E3779B97F4A7C15ull;
    h ^= key.target + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= (uint64_t{key.predicate} << 8 | static_cast<uint64_t>(key.status)) + (h << 6) + (h >> 2);
    return static_cast<size_t>(h);
  }
};

// Where a piece of evidence sorts: its document's rank, then its span;
// `index` keeps the sort stable.
struct EvidenceKey {
  size_t rank;
  size_t start;
  size_t end;
  size_t index;
  friend auto operator<=>(const EvidenceKey&, const EvidenceKey&) = default;
};

// Sorts evidence by document order, then position, keeping equal items in
// their order. A document's rank is looked up once per item, not per
// comparison, and evidence already in order (as GraphBuilder settles it)
// is left as it is.
template <typename Rank>
void SortEvidence(std::vector<Evidence>* evidence, const Rank& rank,
                  std::vector<EvidenceKey>* keys) {
  if (evidence->size() < 2) return;
  keys->clear();
  for (size_t i = 0; i < evidence->size(); ++i) {
    const Evidence& item = (*evidence)[i];
    keys->push_back({rank(item.document), item.start, item.end, i});
  }
  if (std::is_sorted(keys->begin(), keys->end())) return;
  std::sort(keys->begin(), keys->end());
  std::vector<Evidence> sorted;
  sorted.reserve(evidence->size());
  for (const EvidenceKey& key : *keys) sorted.push_back(std::move((*evidence)[key.index]));
  *evidence = std::move(sorted);
}

}  // namespace

struct KnowledgeGraph::Impl {
  std::vector<NodeData> nodes;
  struct EdgeRecord {
    size_t source;
    size_t target;
    EdgeData data;
  };
  std::vector<EdgeRecord> edges;
  std::vector<DocumentInfo> documents;
  PredicateTable predicates;
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  IdIndex node_by_id;  // over nodes[].id
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> predicate_ids;
  // Built on first use for graphs read from a file (reading checks that
  // edges are unique without it); kept up to date once built.
  std::unordered_map<EdgeKey, size_t, EdgeKeyHash> edge_by_key;
  bool edge_index_built = true;
  std::once_flag edge_index_once;

  EdgeKey KeyOf(size_t edge) {
    const EdgeRecord& record = edges[edge];
    return {record.source, record.target, PredicateId(record.data.predicate, true),
            record.data.status};
  }

  void EnsureEdgeIndex() {
    std::call_once(edge_index_once, [this] {
      if (edge_index_built) return;
      edge_by_key.reserve(edges.size());
      for (size_t e = 0; e < edges.size(); ++e) edge_by_key.emplace(KeyOf(e), e);
      edge_index_built = true;
    });
  }

  // The id of a predicate, interning it when `add`; UINT32_MAX if unknown.
  uint32_t PredicateId(std::string_view predicate, bool add) {
    auto it = predicate_ids.find(predicate);
    if (it != predicate_ids.end()) return it->second;
    if (!add) return UINT32_MAX;
    const auto id = static_cast<uint32_t>(predicate_ids.size());
    predicate_ids.emplace(std::string(predicate), id);
    return id;
  }
};

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

const PredicateTable& KnowledgeGraph::predicates() const { return impl_->predicates; }
void KnowledgeGraph::SetPredicates(PredicateTable predicates) {
  impl_->predicates = std::move(predicates);
  assert(std::all_of(impl_->edges.begin(), impl_->edges.end(),
                     [&](const Impl::EdgeRecord& record) {
                       return impl_->predicates.Contains(record.data.predicate);
                     }) &&
         "the vocabulary names every predicate in use");
}

void KnowledgeGraph::AddDocument(DocumentInfo document) {
  impl_->documents.push_back(std::move(document));
}
const std::vector<DocumentInfo>& KnowledgeGraph::documents() const { return impl_->documents; }

size_t KnowledgeGraph::node_count() const { return impl_->nodes.size(); }
const NodeData& KnowledgeGraph::node(size_t index) const { return impl_->nodes[index]; }
NodeData& KnowledgeGraph::mutable_node(size_t index) { return impl_->nodes[index]; }

std::optional<size_t> KnowledgeGraph::FindNode(std::string_view id) const {
  const auto& nodes = impl_->nodes;
  return impl_->node_by_id.Find(id, [&nodes](size_t n) -> std::string_view { return nodes[n].id; });
}

void KnowledgeGraph::FindNodes(std::span<const std::string_view> ids,
                               std::vector<std::optional<size_t>>* indexes) const {
  const auto& nodes = impl_->nodes;
  impl_->node_by_id.FindMany(
      ids, [&nodes](size_t n) -> std::string_view { return nodes[n].id; },
      [&nodes](size_t n) {
        __builtin_prefetch(&nodes[n]);
        __builtin_prefetch(nodes[n].id.data());
      },
      indexes);
}

size_t KnowledgeGraph::AddNode(NodeData node) {
  const auto added = TryAddNode(std::move(node));
  assert(added && "node ids are unique");
  return *added;
}

std::optional<size_t> KnowledgeGraph::TryAddNode(NodeData&& node) {
  const size_t index = impl_->nodes.size();
  const auto& nodes = impl_->nodes;
  // Only items already indexed are compared, so nodes[n] exists.
  if (impl_->node_by_id.Insert(node.id, index,
                               [&nodes](size_t n) -> std::string_view { return nodes[n].id; }))
    return std::nullopt;
  impl_->nodes.push_back(std::move(node));
  return index;
}

size_t KnowledgeGraph::edge_count() const { return impl_->edges.size(); }
const EdgeData& KnowledgeGraph::edge(size_t index) const { return impl_->edges[index].data; }
EdgeData& KnowledgeGraph::mutable_edge(size_t index) { return impl_->edges[index].data; }
size_t KnowledgeGraph::edge_source(size_t index) const { return impl_->edges[index].source; }
size_t KnowledgeGraph::edge_target(size_t index) const { return impl_->edges[index].target; }

std::optional<size_t> KnowledgeGraph::FindEdge(size_t source, std::string_view predicate,
                                               size_t target, RelationStatus status) const {
  impl_->EnsureEdgeIndex();
  const uint32_t id = impl_->PredicateId(predicate, false);
  if (id == UINT32_MAX) return std::nullopt;
  auto it = impl_->edge_by_key.find(EdgeKey{source, target, id, status});
  if (it == impl_->edge_by_key.end()) return std::nullopt;
  return it->second;
}

size_t KnowledgeGraph::AddEdge(size_t source, size_t target, EdgeData edge) {
  const auto added = TryAddEdge(source, target, std::move(edge));
  assert(added && "one edge per (source, predicate, target, status)");
  return *added;
}

void KnowledgeGraph::Reserve(size_t nodes, size_t edges) {
  impl_->nodes.reserve(nodes);
  impl_->node_by_id.Reserve(nodes);
  impl_->edges.reserve(edges);
  impl_->edge_by_key.reserve(edges);
}

void KnowledgeGraph::ReserveEdges(size_t edges) { impl_->edges.reserve(edges); }

size_t KnowledgeGraph::AppendEdgeUnchecked(size_t source, size_t target, EdgeData&& edge) {
  const size_t index = impl_->edges.size();
  // The predicate is interned when the index is built (KeyOf), not here:
  // a hash per edge was a large part of loading.
  if (impl_->edge_index_built && impl_->edges.empty()) impl_->edge_index_built = false;
  if (impl_->edge_index_built)
    impl_->edge_by_key.emplace(
        EdgeKey{source, target, impl_->PredicateId(edge.predicate, true), edge.status}, index);
  impl_->edges.push_back({source, target, std::move(edge)});
  return index;
}

std::optional<size_t> KnowledgeGraph::FirstDuplicateEdge() const {
  // Files kg writes list links in canonical order: then strictly
  // increasing keys prove them distinct in one pass, without a sort.
  const auto& edges = impl_->edges;
  const auto order = [&edges](size_t e) {
    const Impl::EdgeRecord& r = edges[e];
    return std::tie(r.source, r.target, r.data.predicate, r.data.status);
  };
  bool increasing = true;
  for (size_t e = 1; e < edges.size() && increasing; ++e) increasing = order(e - 1) < order(e);
  if (increasing) return std::nullopt;
  // Sorted by key, then index: a duplicate is an edge after the first of
  // its key. Predicates are compared as text, since they may not be
  // interned yet.
  std::vector<size_t> sorted(edges.size());
  std::iota(sorted.begin(), sorted.end(), 0);
  std::sort(sorted.begin(), sorted.end(), [&order](size_t a, size_t b) {
    return std::tuple_cat(order(a), std::tie(a)) < std::tuple_cat(order(b), std::tie(b));
  });
  std::optional<size_t> duplicate;
  for (size_t k = 1; k < sorted.size(); ++k) {
    if (order(sorted[k]) == order(sorted[k - 1]) && (!duplicate || sorted[k] < *duplicate))
      duplicate = sorted[k];
  }
  return duplicate;
}

std::optional<size_t> KnowledgeGraph::TryAddEdge(size_t source, size_t target, EdgeData&& edge) {
  impl_->EnsureEdgeIndex();
  const size_t index = impl_->edges.size();
  const EdgeKey key{source, target, impl_->PredicateId(edge.predicate, true), edge.status};
  if (!impl_->edge_by_key.emplace(key, index).second) return std::nullopt;
  if (!impl_->predicates.Contains(edge.predicate)) {
    Predicate plain;
    plain.name = edge.predicate;
    [[maybe_unused]] const Status added = impl_->predicates.Add(std::move(plain));
  }
  impl_->edges.push_back({source, target, std::move(edge)});
  return index;
}

void KnowledgeGraph::Canonicalize(unsigned threads) {
  Impl& old = *impl_;
  const auto id_less = [&](const NodeData& a, const NodeData& b) { return a.id < b.id; };
  // Nodes added in id order (as GraphBuilder adds them) stay where they are.
  const bool nodes_in_order = std::is_sorted(old.nodes.begin(), old.nodes.end(), id_less);
  std::vector<size_t> node_order(old.nodes.size());
  std::iota(node_order.begin(), node_order.end(), 0);
  if (!nodes_in_order) {  // ids are unique: a total order
    SortConcurrently(threads > 1, node_order.begin(), node_order.end(),
                     [&](size_t a, size_t b) { return id_less(old.nodes[a], old.nodes[b]); });
  }
  std::vector<size_t> new_index(old.nodes.size());
  for (size_t k = 0; k < node_order.size(); ++k) new_index[node_order[k]] = k;

  std::unordered_map<std::string, size_t> document_rank;
  for (size_t d = 0; d < old.documents.size(); ++d) document_rank[old.documents[d].id] = d;
  // Evidence from a document the graph does not list goes last.
  const size_t unlisted = old.documents.size();  // old.documents moves below
  const auto rank = [&](const std::string& id) {
    auto it = document_rank.find(id);
    return it == document_rank.end() ? unlisted : it->second;
  };

  auto fresh = std::make_unique<Impl>();
  fresh->documents = std::move(old.documents);
  fresh->predicates = std::move(old.predicates);
  if (nodes_in_order) {
    fresh->nodes = std::move(old.nodes);
    fresh->node_by_id = std::move(old.node_by_id);
  } else {
    for (size_t k : node_order) {
      fresh->nodes.push_back(std::move(old.nodes[k]));
      const auto& nodes = fresh->nodes;
      fresh->node_by_id.Insert(nodes.back().id, nodes.size() - 1,
                               [&nodes](size_t n) -> std::string_view { return nodes[n].id; });
    }
  }
  std::vector<size_t> edge_order(old.edges.size());
  std::iota(edge_order.begin(), edge_order.end(), 0);
  const auto edge_key = [&](size_t e) {
    const auto& r = old.edges[e];
    return std::make_tuple(new_index[r.source], new_index[r.target], std::cref(r.data.predicate),
                           r.data.status);
  };
  std::sort(edge_order.begin(), edge_order.end(),
            [&](size_t a, size_t b) { return edge_key(a) < edge_key(b); });
  std::vector<EvidenceKey> keys;
  for (size_t e : edge_order) {
    auto& record = old.edges[e];
    SortEvidence(&record.data.evidence, rank, &keys);
    const size_t source = new_index[record.source];
    const size_t target = new_index[record.target];
    const size_t index = fresh->edges.size();
    fresh->edge_by_key.emplace(
        EdgeKey{source, target, fresh->PredicateId(record.data.predicate, true),
                record.data.status},
        index);
    fresh->edges.push_back({source, target, std::move(record.data)});
  }
  impl_ = std::move(fresh);
}

}  // namespace kg
