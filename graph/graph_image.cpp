// Reading a graph image: the accessors, and Open(), which maps a file and
// checks every section before anything reads it.
#include "graph/graph_image.h"

#include <algorithm>
#include <cstring>

#include <xxhash.h>

#include "graph/graph_image_impl.h"

namespace kg {

using image::FileHeader;
using image::Section;
using image::SectionEntry;

uint64_t ImageChecksum(const void* data, size_t size) { return XXH3_64bits(data, size); }

namespace {

const char* SectionName(Section section) {
  switch (section) {
    case Section::kNames:
      return "names";
    case Section::kNameOffsets:
      return "name offsets";
    case Section::kText:
      return "evidence text";
    case Section::kTextOffsets:
      return "evidence text offsets";
    case Section::kDocuments:
      return "documents";
    case Section::kPredicates:
      return "predicates";
    case Section::kNodeIds:
      return "node ids";
    case Section::kNodeLabels:
      return "node labels";
    case Section::kNodeTypes:
      return "node types";
    case Section::kNodeMentions:
      return "node mentions";
    case Section::kNodeAliasOffsets:
      return "alias offsets";
    case Section::kNodeAliases:
      return "aliases";
    case Section::kNodeDocumentOffsets:
      return "node document offsets";
    case Section::kNodeDocuments:
      return "node documents";
    case Section::kEdgeSources:
      return "relation sources";
    case Section::kEdgeTargets:
      return "relation targets";
    case Section::kEdgePredicates:
      return "relation predicates";
    case Section::kEdgeStatuses:
      return "relation statuses";
    case Section::kEdgeWeights:
      return "relation weights";
    case Section::kEdgeEvidenceOffsets:
      return "evidence offsets";
    case Section::kEvidenceDocuments:
      return "evidence documents";
    case Section::kEvidenceStarts:
      return "evidence starts";
    case Section::kEvidenceEnds:
      return "evidence ends";
    case Section::kEvidenceSentences:
      return "evidence sentences";
    case Section::kTriggerOffsets:
      return "trigger offsets";
    case Section::kTriggers:
      return "triggers";
    case Section::kArcOffsets:
      return "adjacency offsets";
    case Section::kArcs:
      return "adjacency";
    case Section::kNodesById:
      return "id index";
    case Section::kNameForms:
      return "name index";
    case Section::kCount:
      break;
  }
  return "unknown";
}

// Bytes per element of each section.
uint32_t ElementSize(Section section) {
  switch (section) {
    case Section::kNames:
    case Section::kText:
    case Section::kNodeTypes:
    case Section::kEdgeStatuses:
      return 1;
    case Section::kNameOffsets:
    case Section::kTextOffsets:
    case Section::kNodeMentions:
    case Section::kNodeAliasOffsets:
    case Section::kNodeDocumentOffsets:
    case Section::kEdgeWeights:
    case Section::kEdgeEvidenceOffsets:
    case Section::kTriggerOffsets:
    case Section::kTriggers:
    case Section::kArcOffsets:
    case Section::kNameForms:
      return 8;
    case Section::kArcs:
      return 12;
    case Section::kPredicates:
      return 12;
    case Section::kDocuments:
    case Section::kNodeIds:
    case Section::kNodeLabels:
    case Section::kNodeAliases:
    case Section::kNodeDocuments:
    case Section::kEdgeSources:
    case Section::kEdgeTargets:
    case Section::kEdgePredicates:
    case Section::kEvidenceDocuments:
    case Section::kEvidenceStarts:
    case Section::kEvidenceEnds:
    case Section::kEvidenceSentences:
    case Section::kNodesById:
      return 4;
    case Section::kCount:
      break;
  }
  return 0;
}

// Checks the header and the section table, and each section's place,
// size and (but for the evidence text) checksum.
class Checker {
 public:
  Checker(std::string_view bytes, const std::string& origin) : bytes_(bytes), origin_(origin) {}

  Status Error(const std::string& message) const { return Status::Error(origin_ + ": " + message); }
  Status SectionError(Section section, const std::string& message) const {
    return Error("section " + std::to_string(static_cast<uint32_t>(section)) + " (" +
                 SectionName(section) + "): " + message);
  }

  Status CheckHeader(FileHeader* header) {
    if (bytes_.size() < sizeof(FileHeader) ||
        std::memcmp(bytes_.data(), image::kMagic, sizeof image::kMagic) != 0) {
      return Error("not a kg graph image (the file does not start with its signature)");
    }
    std::memcpy(header, bytes_.data(), sizeof *header);
    if (header->version != image::kVersion) {
      return Error("graph image format version " + std::to_string(header->version) +
                   "; this kg reads version " + std::to_string(image::kVersion) +
                   " (convert the graph JSON again)");
    }
    if (ImageChecksum(bytes_.data(), offsetof(FileHeader, header_checksum)) !=
        header->header_checksum) {
      return Error("header checksum mismatch: the file is damaged");
    }
    if (header->file_size != bytes_.size()) {
      return Error(header->file_size > bytes_.size()
                       ? "truncated (" + std::to_string(bytes_.size()) + " of " +
                             std::to_string(header->file_size) + " bytes)"
                       : "unexpected bytes after the end (" + std::to_string(bytes_.size()) +
                             " bytes, expected " + std::to_string(header->file_size) + ")");
    }
    if (header->section_count != image::kSectionCount)
      return Error("expected " + std::to_string(image::kSectionCount) + " sections");
    if (header->fold_version != image::kFoldVersion)
      return Error("names folded by another version of kg (convert the graph JSON again)");
    const size_t table_size = sizeof(SectionEntry) * image::kSectionCount;
    if (bytes_.size() < sizeof(FileHeader) + table_size) return Error("truncated section table");
    if (ImageChecksum(bytes_.data() + sizeof(FileHeader), table_size) != header->table_checksum)
      return Error("section table checksum mismatch: the file is damaged");
    return Status::Ok();
  }

  // The bytes of section `s`, after checking its entry and checksum.
  Result<std::string_view> Locate(Section s, const FileHeader& header, uint64_t* checksum) {
    SectionEntry entry;
    std::memcpy(&entry,
                bytes_.data() + sizeof(FileHeader) + sizeof(SectionEntry) * static_cast<size_t>(s),
                sizeof entry);
    const size_t table_end = sizeof(FileHeader) + sizeof(SectionEntry) * header.section_count;
    if (entry.id != static_cast<uint32_t>(s) || entry.element_size != ElementSize(s))
      return SectionError(s, "unexpected id or element size");
    if (entry.offset % 8 != 0 || entry.offset < table_end || entry.offset > bytes_.size() ||
        entry.count > (bytes_.size() - entry.offset) / entry.element_size) {
      return SectionError(s, "lies outside the file");
    }
    const std::string_view data = bytes_.substr(entry.offset, entry.count * entry.element_size);
    if (checksum != nullptr) {
      *checksum = entry.checksum;  // verified on first use
    } else if (ImageChecksum(data.data(), data.size()) != entry.checksum) {
      return SectionError(s, "checksum mismatch: the file is damaged");
    }
    return data;
  }

 private:
  std::string_view bytes_;
  const std::string& origin_;
};

template <typename T>
std::span<const T> As(std::string_view data) {
  return {reinterpret_cast<const T*>(data.data()), data.size() / sizeof(T)};
}

// Offsets into an array of `total` elements: start at 0, never decrease,
// end at `total`; `count` is the number of rows they delimit.
bool ValidOffsets(std::span<const uint64_t> offsets, size_t count, size_t total) {
  if (offsets.size() != count + 1 || offsets.front() != 0 || offsets.back() != total) return false;
  for (size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) return false;
  }
  return true;
}

template <typename T>
bool AllBelow(std::span<const T> values, uint64_t bound) {
  return std::all_of(values.begin(), values.end(), [&](T v) { return uint64_t{v} < bound; });
}

}  // namespace

Status GraphImage::Impl::Attach() {
  Checker check(bytes, origin);
  FileHeader header;
  if (Status s = check.CheckHeader(&header); !s.ok()) return s;
  std::string_view data[image::kSectionCount];
  for (uint32_t i = 0; i < image::kSectionCount; ++i) {
    const auto section = static_cast<Section>(i);
    auto located =
        check.Locate(section, header, section == Section::kText ? &text_checksum : nullptr);
    if (!located.ok()) return located.status();
    data[i] = *located;
  }
  const auto at = [&](Section s) { return data[static_cast<uint32_t>(s)]; };
  names = As<char>(at(Section::kNames));
  name_offsets = As<uint64_t>(at(Section::kNameOffsets));
  text = As<char>(at(Section::kText));
  text_offsets = As<uint64_t>(at(Section::kTextOffsets));
  documents = As<uint32_t>(at(Section::kDocuments));
  predicates = As<image::PredicateRecord>(at(Section::kPredicates));
  node_ids = As<uint32_t>(at(Section::kNodeIds));
  node_labels = As<uint32_t>(at(Section::kNodeLabels));
  node_types = As<uint8_t>(at(Section::kNodeTypes));
  node_mentions = As<int64_t>(at(Section::kNodeMentions));
  alias_offsets = As<uint64_t>(at(Section::kNodeAliasOffsets));
  aliases = As<uint32_t>(at(Section::kNodeAliases));
  node_document_offsets = As<uint64_t>(at(Section::kNodeDocumentOffsets));
  node_documents = As<uint32_t>(at(Section::kNodeDocuments));
  edge_sources = As<uint32_t>(at(Section::kEdgeSources));
  edge_targets = As<uint32_t>(at(Section::kEdgeTargets));
  edge_predicates = As<uint32_t>(at(Section::kEdgePredicates));
  edge_statuses = As<uint8_t>(at(Section::kEdgeStatuses));
  edge_weights = As<int64_t>(at(Section::kEdgeWeights));
  evidence_offsets = As<uint64_t>(at(Section::kEdgeEvidenceOffsets));
  evidence_documents = As<uint32_t>(at(Section::kEvidenceDocuments));
  evidence_starts = As<uint32_t>(at(Section::kEvidenceStarts));
  evidence_ends = As<uint32_t>(at(Section::kEvidenceEnds));
  evidence_sentences = As<uint32_t>(at(Section::kEvidenceSentences));
  trigger_offsets = As<uint64_t>(at(Section::kTriggerOffsets));
  triggers = As<image::TriggerRecord>(at(Section::kTriggers));
  arc_offsets = As<uint64_t>(at(Section::kArcOffsets));
  nodes_by_id = As<uint32_t>(at(Section::kNodesById));
  forms = As<image::FormRecord>(at(Section::kNameForms));
  const auto arc_records = As<image::ArcRecord>(at(Section::kArcs));

  // Every count, offset and index, so that no accessor can read outside.
  const uint64_t nodes = header.node_count;
  const uint64_t edges = header.edge_count;
  const auto bad = [&](Section s, const char* what) { return check.SectionError(s, what); };
  if (name_offsets.empty() || !ValidOffsets(name_offsets, name_offsets.size() - 1, names.size()))
    return bad(Section::kNameOffsets, "offsets out of order or out of range");
  if (text_offsets.empty() || !ValidOffsets(text_offsets, text_offsets.size() - 1, text.size()))
    return bad(Section::kTextOffsets, "offsets out of order or out of range");
  const uint64_t name_count = name_offsets.size() - 1;
  const uint64_t text_count = text_offsets.size() - 1;
  if (documents.size() % 4 != 0 || !AllBelow(documents, name_count))
    return bad(Section::kDocuments, "string index out of range");
  for (const image::PredicateRecord& p : predicates) {
    if (p.name >= name_count || p.description >= name_count || p.symmetric > 1 ||
        p.subject_types > 7 || p.object_types > 7 ||
        p.kind > static_cast<uint8_t>(PredicateKind::kRole)) {
      return bad(Section::kPredicates, "string index or definition out of range");
    }
  }
  if (node_ids.size() != nodes || !AllBelow(node_ids, name_count))
    return bad(Section::kNodeIds, "wrong count or string index out of range");
  if (node_labels.size() != nodes || !AllBelow(node_labels, name_count))
    return bad(Section::kNodeLabels, "wrong count or string index out of range");
  if (node_types.size() != nodes || !AllBelow(node_types, 3))
    return bad(Section::kNodeTypes, "wrong count or unknown entity type");
  if (node_mentions.size() != nodes) return bad(Section::kNodeMentions, "wrong count");
  if (!ValidOffsets(alias_offsets, nodes, aliases.size()))
    return bad(Section::kNodeAliasOffsets, "offsets out of order or out of range");
  if (!AllBelow(aliases, name_count))
    return bad(Section::kNodeAliases, "string index out of range");
  if (!ValidOffsets(node_document_offsets, nodes, node_documents.size()))
    return bad(Section::kNodeDocumentOffsets, "offsets out of order or out of range");
  if (!AllBelow(node_documents, name_count))
    return bad(Section::kNodeDocuments, "string index out of range");
  if (edge_sources.size() != edges || !AllBelow(edge_sources, nodes))
    return bad(Section::kEdgeSources, "wrong count or node index out of range");
  if (edge_targets.size() != edges || !AllBelow(edge_targets, nodes))
    return bad(Section::kEdgeTargets, "wrong count or node index out of range");
  if (edge_predicates.size() != edges || !AllBelow(edge_predicates, predicates.size()))
    return bad(Section::kEdgePredicates, "wrong count or predicate index out of range");
  if (edge_statuses.size() != edges || !AllBelow(edge_statuses, 3))
    return bad(Section::kEdgeStatuses, "wrong count or unknown status");
  if (edge_weights.size() != edges) return bad(Section::kEdgeWeights, "wrong count");
  const size_t evidence = evidence_documents.size();
  if (!ValidOffsets(evidence_offsets, edges, evidence))
    return bad(Section::kEdgeEvidenceOffsets, "offsets out of order or out of range");
  if (!AllBelow(evidence_documents, name_count))
    return bad(Section::kEvidenceDocuments, "string index out of range");
  if (evidence_starts.size() != evidence || evidence_ends.size() != evidence)
    return bad(Section::kEvidenceEnds, "wrong count");
  for (size_t i = 0; i < evidence; ++i) {
    if (evidence_ends[i] < evidence_starts[i])
      return bad(Section::kEvidenceEnds, "end before start");
  }
  if (evidence_sentences.size() != evidence || !AllBelow(evidence_sentences, text_count))
    return bad(Section::kEvidenceSentences, "wrong count or text index out of range");
  if (!ValidOffsets(trigger_offsets, evidence, triggers.size()))
    return bad(Section::kTriggerOffsets, "offsets out of order or out of range");
  for (size_t i = 0; i < evidence; ++i) {
    for (uint64_t k = trigger_offsets[i]; k < trigger_offsets[i + 1]; ++k) {
      const image::TriggerRecord& trigger = triggers[k];
      if (trigger.begin >= trigger.end || trigger.begin < evidence_starts[i] ||
          trigger.end > evidence_ends[i]) {
        return bad(Section::kTriggers, "a trigger outside its sentence, or empty");
      }
    }
  }
  if (!ValidOffsets(arc_offsets, nodes, arc_records.size()) || arc_records.size() != 2 * edges)
    return bad(Section::kArcOffsets, "offsets out of order or out of range");
  for (const image::ArcRecord& arc : arc_records) {
    if (arc.node >= nodes || arc.edge >= edges || arc.outgoing > 1 || arc.padding[0] != 0 ||
        arc.padding[1] != 0 || arc.padding[2] != 0) {
      return bad(Section::kArcs, "node or relation index out of range");
    }
  }
  if (nodes_by_id.size() != nodes || !AllBelow(nodes_by_id, nodes))
    return bad(Section::kNodesById, "wrong count or node index out of range");
  for (const image::FormRecord& form : forms) {
    if (form.form >= name_count || form.node >= nodes)
      return bad(Section::kNameForms, "string or node index out of range");
  }
  // ArcRecord and Arc share their layout (checked in the writer); the
  // outgoing byte was checked to be 0 or 1 above.
  arcs = {reinterpret_cast<const Arc*>(arc_records.data()), arc_records.size()};
  topology = Topology(arc_offsets, arcs);
  return Status::Ok();
}

GraphImage::GraphImage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)), arrays_(impl_.get()) {}
GraphImage::GraphImage(GraphImage&&) noexcept = default;
GraphImage& GraphImage::operator=(GraphImage&&) noexcept = default;
GraphImage::~GraphImage() = default;

bool GraphImage::LooksLikeImage(std::string_view prefix) {
  return prefix.size() >= sizeof image::kMagic &&
         std::memcmp(prefix.data(), image::kMagic, sizeof image::kMagic) == 0;
}

Result<GraphImage> GraphImage::Open(const std::string& path) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  auto impl = std::make_unique<Impl>();
  impl->origin = path;
  impl->file.emplace(std::move(*file));
  impl->bytes = impl->file->bytes();
  if (Status s = impl->Attach(); !s.ok()) return s;
  return GraphImage(std::move(impl));
}

Result<GraphImage> GraphImage::FromBytes(std::string_view bytes, const std::string& origin) {
  auto impl = std::make_unique<Impl>();
  impl->origin = origin;
  impl->memory.resize((bytes.size() + 7) / 8);
  if (!bytes.empty()) std::memcpy(impl->memory.data(), bytes.data(), bytes.size());
  impl->bytes = {reinterpret_cast<const char*>(impl->memory.data()), bytes.size()};
  if (Status s = impl->Attach(); !s.ok()) return s;
  return GraphImage(std::move(impl));
}

std::string_view GraphImage::bytes() const { return impl_->bytes; }

size_t GraphImage::document_count() const { return impl_->documents.size() / 4; }
DocumentView GraphImage::document(size_t d) const {
  const uint32_t* fields = impl_->documents.data() + 4 * d;
  return {impl_->Name(fields[0]), impl_->Name(fields[1]), impl_->Name(fields[2]),
          impl_->Name(fields[3])};
}

StringList GraphImage::node_aliases(size_t n) const {
  const auto& o = impl_->alias_offsets;
  return StringList(this, impl_->aliases.subspan(o[n], o[n + 1] - o[n]));
}
StringList GraphImage::node_documents(size_t n) const {
  const auto& o = impl_->node_document_offsets;
  return StringList(this, impl_->node_documents.subspan(o[n], o[n + 1] - o[n]));
}

std::optional<size_t> GraphImage::FindNode(std::string_view id) const {
  const auto& order = impl_->nodes_by_id;
  auto it = std::lower_bound(order.begin(), order.end(), id,
                             [&](uint32_t n, std::string_view key) { return node_id(n) < key; });
  if (it == order.end() || node_id(*it) != id) return std::nullopt;
  return *it;
}

std::vector<size_t> GraphImage::NodesNamed(std::string_view form) const {
  const auto& forms = impl_->forms;
  const auto less = [&](const image::FormRecord& r, std::string_view key) {
    return impl_->Name(r.form) < key;
  };
  std::vector<size_t> nodes;
  for (auto it = std::lower_bound(forms.begin(), forms.end(), form, less);
       it != forms.end() && impl_->Name(it->form) == form; ++it) {
    nodes.push_back(it->node);
  }
  return nodes;
}

std::optional<uint32_t> GraphImage::FindPredicate(std::string_view name) const {
  for (uint32_t p = 0; p < predicate_count(); ++p) {
    if (predicate_name(p) == name) return p;
  }
  return std::nullopt;
}

EvidenceView GraphImage::evidence(size_t i) const {
  const auto& offsets = impl_->trigger_offsets;
  return {impl_->Name(impl_->evidence_documents[i]), impl_->evidence_starts[i],
          impl_->evidence_ends[i], impl_->Text(impl_->evidence_sentences[i]),
          impl_->triggers.subspan(offsets[i], offsets[i + 1] - offsets[i])};
}

namespace {

TypeSet TypesOf(uint8_t bits) {
  TypeSet types = TypeSet::None();
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    if ((bits >> static_cast<int>(t)) & 1) types.Add(t);
  }
  return types;
}

}  // namespace

PredicateTable GraphImage::predicates() const {
  PredicateTable table;
  for (const image::PredicateRecord& record : arrays_->predicates) {
    Predicate predicate;
    predicate.name = name(record.name);
    predicate.description = name(record.description);
    predicate.symmetric = record.symmetric != 0;
    predicate.subject_types = TypesOf(record.subject_types);
    predicate.object_types = TypesOf(record.object_types);
    predicate.kind = static_cast<PredicateKind>(record.kind);
    // Names are distinct when the writer made them; a forged duplicate is
    // dropped rather than trusted.
    [[maybe_unused]] const Status added = table.Add(std::move(predicate));
  }
  return table;
}

Status GraphImage::CheckEvidenceText() const {
  std::call_once(impl_->text_checked, [this] {
    if (ImageChecksum(impl_->text.data(), impl_->text.size()) != impl_->text_checksum) {
      impl_->text_status = Status::Error(
          impl_->origin + ": section " + std::to_string(static_cast<uint32_t>(Section::kText)) +
          " (evidence text): checksum mismatch: the file is damaged");
    }
  });
  return impl_->text_status;
}

const Topology& GraphImage::topology() const { return impl_->topology; }

}  // namespace kg
