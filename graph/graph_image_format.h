// Internal to graph/: the byte layout of a graph image (.kgb file), shared
// by the writer and the reader. Little-endian, every section 8-byte aligned.
//
//   FileHeader (64 bytes)
//   SectionEntry[section_count] (32 bytes each), in Section order
//   sections, each padded with zeros to a multiple of 8 bytes
//
// Strings live in two pools of bytes with u64 offsets (string i is
// bytes[offsets[i], offsets[i+1])): kNames for ids, labels, aliases,
// document fields, predicates and folded name forms; kText for evidence
// sentences, the bulk of a file, whose checksum is verified on first use.
// Other sections are arrays indexed by node, edge, evidence or document.
#pragma once

#include <cstdint>

namespace kg::image {

inline constexpr char kMagic[8] = {'k', 'g', 'g', 'r', 'a', 'p', 'h', '\x1a'};
// 2: the vocabulary with its definitions; 3: the evidence's trigger words.
inline constexpr uint32_t kVersion = 3;
// The folding of names in kNameForms (core/text.h FoldName). A file whose
// forms were folded otherwise gets its name index rebuilt in memory.
inline constexpr uint32_t kFoldVersion = 1;

enum class Section : uint32_t {
  kNames,                // bytes
  kNameOffsets,          // u64[names + 1]
  kText,                 // bytes
  kTextOffsets,          // u64[texts + 1]
  kDocuments,            // u32[4 * documents]: id, path, title, sha256 (name ids)
  kPredicates,           // u32[predicates]: name ids
  kNodeIds,              // u32[nodes]: name ids
  kNodeLabels,           // u32[nodes]
  kNodeTypes,            // u8[nodes]: EntityType
  kNodeMentions,         // i64[nodes]
  kNodeAliasOffsets,     // u64[nodes + 1] into kNodeAliases
  kNodeAliases,          // u32[]: name ids
  kNodeDocumentOffsets,  // u64[nodes + 1] into kNodeDocuments
  kNodeDocuments,        // u32[]: name ids
  kEdgeSources,          // u32[edges]
  kEdgeTargets,          // u32[edges]
  kEdgePredicates,       // u32[edges]: index into kPredicates
  kEdgeStatuses,         // u8[edges]: RelationStatus
  kEdgeWeights,          // i64[edges]
  kEdgeEvidenceOffsets,  // u64[edges + 1] into the kEvidence* arrays
  kEvidenceDocuments,    // u32[evidence]: name ids
  kEvidenceStarts,       // u32[evidence]
  kEvidenceEnds,         // u32[evidence]
  kEvidenceSentences,    // u32[evidence]: text ids
  kArcOffsets,           // u64[nodes + 1] into kArcs
  kArcs,                 // ArcRecord[]: compressed sparse rows, both directions
  kNodesById,            // u32[nodes]: node indexes in byte order of their ids
  kNameForms,            // FormRecord[]: (folded name, node), by form bytes, then node
  kTriggerOffsets,       // u64[evidence + 1] into kTriggers
  kTriggers,             // TriggerRecord[]: byte spans inside their sentence
  kCount
};

inline constexpr uint32_t kSectionCount = static_cast<uint32_t>(Section::kCount);

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t section_count;
  uint64_t file_size;
  uint64_t node_count;
  uint64_t edge_count;
  uint32_t fold_version;
  uint32_t reserved;
  uint64_t table_checksum;   // XXH3-64 of the section table
  uint64_t header_checksum;  // XXH3-64 of the 56 bytes before this field
};
static_assert(sizeof(FileHeader) == 64);

struct SectionEntry {
  uint32_t id;
  uint32_t element_size;
  uint64_t offset;  // from the start of the file
  uint64_t count;   // elements
  uint64_t checksum;
};
static_assert(sizeof(SectionEntry) == 32);

// The same layout as kg::Arc (graph/topology.h), padding zeroed.
struct ArcRecord {
  uint32_t node;
  uint32_t edge;
  uint8_t outgoing;
  uint8_t padding[3];
};
static_assert(sizeof(ArcRecord) == 12);

// One entry of the vocabulary (core/predicates.h).
struct PredicateRecord {
  uint32_t name;          // name id
  uint32_t description;   // name id
  uint8_t symmetric;      // 0 or 1
  uint8_t subject_types;  // bit 1 << EntityType
  uint8_t object_types;
  uint8_t kind;  // PredicateKind
};
static_assert(sizeof(PredicateRecord) == 12);

// A trigger of an evidence sentence: byte offsets into its document, as
// Evidence::triggers.
struct TriggerRecord {
  uint32_t begin;
  uint32_t end;
};
static_assert(sizeof(TriggerRecord) == 8);

struct FormRecord {
  uint32_t form;  // name id of the folded form
  uint32_t node;
};
static_assert(sizeof(FormRecord) == 8);

}  // namespace kg::image
