// Writing a graph image: a KnowledgeGraph laid out as the sections of
// graph_image_format.h, in one 8-byte aligned buffer.
#include <algorithm>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstring>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "graph/graph_image.h"
#include "graph/graph_image_impl.h"

namespace kg {
namespace {

using image::Section;

static_assert(sizeof(Arc) == sizeof(image::ArcRecord) && offsetof(Arc, node) == 0 &&
                  offsetof(Arc, edge) == 4 && offsetof(Arc, outgoing) == 8 && sizeof(bool) == 1,
              "graph images map adjacency rows straight onto kg::Arc");
static_assert(std::endian::native == std::endian::little, "graph images are little-endian");

// Strings stored once each, referred to by their order of first use.
class StringPool {
 public:
  uint32_t Add(std::string_view s) {
    auto [it, fresh] = ids_.try_emplace(std::string(s), static_cast<uint32_t>(offsets_.size() - 1));
    if (fresh) {
      bytes_.insert(bytes_.end(), s.begin(), s.end());
      offsets_.push_back(bytes_.size());
    }
    return it->second;
  }
  const std::vector<char>& bytes() const { return bytes_; }
  const std::vector<uint64_t>& offsets() const { return offsets_; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<char> bytes_;
  std::vector<uint64_t> offsets_ = {0};
};

// Sections in order, each copied into the buffer at the next multiple of 8.
class Layout {
 public:
  template <typename T>
  void Put(Section s, const std::vector<T>& items, uint32_t element_size = sizeof(T)) {
    Put(s, items.data(), items.size(), element_size);
  }
  void Put(Section s, const void* data, size_t count, uint32_t element_size) {
    Part part;
    part.entry.id = static_cast<uint32_t>(s);
    part.entry.element_size = element_size;
    part.entry.count = count;
    part.bytes.assign(static_cast<const char*>(data),
                      static_cast<const char*>(data) + count * element_size);
    part.entry.checksum = ImageChecksum(part.bytes.data(), part.bytes.size());
    parts_.push_back(std::move(part));
  }

  std::vector<uint64_t> Finish(uint64_t nodes, uint64_t edges) {
    const auto pad = [](uint64_t size) { return (size + 7) / 8 * 8; };
    uint64_t offset = sizeof(image::FileHeader) + sizeof(image::SectionEntry) * parts_.size();
    for (Part& part : parts_) {
      part.entry.offset = offset;
      offset += pad(part.bytes.size());
    }
    std::vector<uint64_t> buffer(offset / 8, 0);
    char* out = reinterpret_cast<char*>(buffer.data());
    image::FileHeader header{};
    std::memcpy(header.magic, image::kMagic, sizeof header.magic);
    header.version = image::kVersion;
    header.section_count = static_cast<uint32_t>(parts_.size());
    header.file_size = offset;
    header.node_count = nodes;
    header.edge_count = edges;
    header.fold_version = image::kFoldVersion;
    char* table = out + sizeof header;
    for (size_t i = 0; i < parts_.size(); ++i) {
      std::memcpy(table + i * sizeof(image::SectionEntry), &parts_[i].entry,
                  sizeof(image::SectionEntry));
      if (!parts_[i].bytes.empty())
        std::memcpy(out + parts_[i].entry.offset, parts_[i].bytes.data(), parts_[i].bytes.size());
    }
    header.table_checksum = ImageChecksum(table, sizeof(image::SectionEntry) * parts_.size());
    header.header_checksum = ImageChecksum(&header, offsetof(image::FileHeader, header_checksum));
    std::memcpy(out, &header, sizeof header);
    return buffer;
  }

 private:
  struct Part {
    image::SectionEntry entry{};
    std::vector<char> bytes;
  };
  std::vector<Part> parts_;
};

}  // namespace

GraphImage GraphImage::FromGraph(const KnowledgeGraph& graph) {
  const size_t nodes = graph.node_count();
  const size_t edges = graph.edge_count();
  StringPool names;
  StringPool text;

  std::vector<uint32_t> documents;
  for (const DocumentInfo& d : graph.documents()) {
    for (const std::string* field : {&d.id, &d.path, &d.title, &d.sha256})
      documents.push_back(names.Add(*field));
  }

  // The vocabulary, sorted by name, and any predicate in use it lacks.
  PredicateTable table = graph.predicates();
  for (size_t e = 0; e < edges; ++e) {
    if (!table.Contains(graph.edge(e).predicate)) {
      Predicate plain;
      plain.name = graph.edge(e).predicate;
      [[maybe_unused]] const Status added = table.Add(std::move(plain));
    }
  }
  const auto bits = [](TypeSet types) {
    uint8_t out = 0;
    for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
      if (types.Contains(t)) out = static_cast<uint8_t>(out | (1u << static_cast<int>(t)));
    }
    return out;
  };
  std::vector<image::PredicateRecord> predicates;
  std::unordered_map<std::string_view, uint32_t> predicate_index;
  for (const Predicate& p : table.entries()) {
    predicate_index.emplace(p.name, static_cast<uint32_t>(predicates.size()));
    predicates.push_back({names.Add(p.name), names.Add(p.description),
                          static_cast<uint8_t>(p.symmetric ? 1 : 0), bits(p.subject_types),
                          bits(p.object_types), static_cast<uint8_t>(p.kind)});
  }

  std::vector<uint32_t> node_ids(nodes), node_labels(nodes), aliases, node_documents;
  std::vector<uint8_t> node_types(nodes);
  std::vector<int64_t> node_mentions(nodes);
  std::vector<uint64_t> alias_offsets = {0}, document_offsets = {0};
  for (size_t n = 0; n < nodes; ++n) {
    const NodeData& node = graph.node(n);
    node_ids[n] = names.Add(node.id);
    node_labels[n] = names.Add(node.label);
    node_types[n] = static_cast<uint8_t>(node.type);
    node_mentions[n] = node.mentions;
    for (const auto& alias : node.aliases) aliases.push_back(names.Add(alias));
    for (const auto& document : node.documents) node_documents.push_back(names.Add(document));
    alias_offsets.push_back(aliases.size());
    document_offsets.push_back(node_documents.size());
  }

  std::vector<uint32_t> sources(edges), targets(edges), edge_predicates(edges);
  std::vector<uint8_t> statuses(edges);
  std::vector<int64_t> weights(edges);
  std::vector<uint64_t> evidence_offsets = {0};
  std::vector<uint32_t> evidence_documents, starts, ends, sentences;
  std::vector<uint64_t> trigger_offsets = {0};
  std::vector<image::TriggerRecord> triggers;
  for (size_t e = 0; e < edges; ++e) {
    const EdgeData& edge = graph.edge(e);
    sources[e] = static_cast<uint32_t>(graph.edge_source(e));
    targets[e] = static_cast<uint32_t>(graph.edge_target(e));
    edge_predicates[e] = predicate_index.at(edge.predicate);
    statuses[e] = static_cast<uint8_t>(edge.status);
    weights[e] = edge.weight;
    for (const Evidence& evidence : edge.evidence) {
      evidence_documents.push_back(names.Add(evidence.document));
      starts.push_back(evidence.start);
      ends.push_back(evidence.end);
      sentences.push_back(text.Add(evidence.sentence));
      for (const auto& [begin, end] : evidence.triggers) triggers.push_back({begin, end});
      trigger_offsets.push_back(triggers.size());
    }
    evidence_offsets.push_back(evidence_documents.size());
  }

  const Topology topology(graph);
  std::vector<image::ArcRecord> arcs;
  arcs.reserve(topology.all_arcs().size());
  for (const Arc& arc : topology.all_arcs())
    arcs.push_back({arc.node, arc.edge, static_cast<uint8_t>(arc.outgoing ? 1 : 0), {0, 0, 0}});
  const std::vector<uint64_t> arc_offsets(topology.offsets().begin(), topology.offsets().end());

  std::vector<uint32_t> by_id(nodes);
  for (size_t n = 0; n < nodes; ++n) by_id[n] = static_cast<uint32_t>(n);
  std::sort(by_id.begin(), by_id.end(),
            [&](uint32_t a, uint32_t b) { return graph.node(a).id < graph.node(b).id; });

  // Every folded name of every node, for lookups by any name.
  std::vector<std::pair<std::string, uint32_t>> folded;
  for (size_t n = 0; n < nodes; ++n) {
    const NodeData& node = graph.node(n);
    std::set<std::string> forms = {FoldName(node.label), FoldName(node.id)};
    for (const auto& alias : node.aliases) forms.insert(FoldName(alias));
    for (auto& form : forms) {
      if (!form.empty()) folded.emplace_back(form, static_cast<uint32_t>(n));
    }
  }
  std::sort(folded.begin(), folded.end());
  std::vector<image::FormRecord> forms;
  forms.reserve(folded.size());
  for (const auto& [form, node] : folded) forms.push_back({names.Add(form), node});

  Layout layout;
  layout.Put(Section::kNames, names.bytes());
  layout.Put(Section::kNameOffsets, names.offsets());
  layout.Put(Section::kText, text.bytes());
  layout.Put(Section::kTextOffsets, text.offsets());
  layout.Put(Section::kDocuments, documents);
  layout.Put(Section::kPredicates, predicates);
  layout.Put(Section::kNodeIds, node_ids);
  layout.Put(Section::kNodeLabels, node_labels);
  layout.Put(Section::kNodeTypes, node_types);
  layout.Put(Section::kNodeMentions, node_mentions);
  layout.Put(Section::kNodeAliasOffsets, alias_offsets);
  layout.Put(Section::kNodeAliases, aliases);
  layout.Put(Section::kNodeDocumentOffsets, document_offsets);
  layout.Put(Section::kNodeDocuments, node_documents);
  layout.Put(Section::kEdgeSources, sources);
  layout.Put(Section::kEdgeTargets, targets);
  layout.Put(Section::kEdgePredicates, edge_predicates);
  layout.Put(Section::kEdgeStatuses, statuses);
  layout.Put(Section::kEdgeWeights, weights);
  layout.Put(Section::kEdgeEvidenceOffsets, evidence_offsets);
  layout.Put(Section::kEvidenceDocuments, evidence_documents);
  layout.Put(Section::kEvidenceStarts, starts);
  layout.Put(Section::kEvidenceEnds, ends);
  layout.Put(Section::kEvidenceSentences, sentences);
  layout.Put(Section::kArcOffsets, arc_offsets);
  layout.Put(Section::kArcs, arcs);
  layout.Put(Section::kNodesById, by_id);
  layout.Put(Section::kNameForms, forms);
  layout.Put(Section::kTriggerOffsets, trigger_offsets);
  layout.Put(Section::kTriggers, triggers);

  auto impl = std::make_unique<Impl>();
  impl->origin = "(graph in memory)";
  impl->memory = layout.Finish(nodes, edges);
  impl->bytes = {reinterpret_cast<const char*>(impl->memory.data()), impl->memory.size() * 8};
  const Status attached = impl->Attach();
  assert(attached.ok() && "the writer lays out what the reader checks");
  (void)attached;
  return GraphImage(std::move(impl));
}

}  // namespace kg
