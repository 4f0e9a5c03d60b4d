// The tagger model file: what training produces and Tagger::Load reads.
//
// Layout (all integers little endian; "varint" is LEB128):
//   "KGPOSTAG" magic, u32 format version, u32 size of the payload, payload,
//   u64 checksum (FNV-1a of magic, version, size and payload).
// Payload: varint feature groups; varint class count, then per class its
// UPOS and XPOS names (varint length + bytes each); varint vocabulary size,
// then per word varint length + bytes and a varint hint; varint feature count, then per
// feature (sorted by key) the varint key delta from the previous key, a
// varint entry count, and per entry a class byte and a zigzag varint weight.
//
// Parsing checks every length and index against the file, so a truncated or
// corrupt model is an error that names the position, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "extract/pos/tags.h"

namespace kg::pos {

inline constexpr uint32_t kModelVersion = 1;

// A model in flat arrays. Feature f has the entries
// [entry_begin[f], entry_begin[f + 1]).
struct ModelData {
  uint32_t features = 0;                // FeatureGroup bits
  std::vector<PosTag> classes;          // the tagger's classes: joint UPOS/XPOS pairs
  std::vector<std::string> vocabulary;  // word types whose scores are summed at load
  std::vector<uint64_t> hints;          // per vocabulary word: bits of its usual classes (or 0)
  std::vector<uint64_t> keys;           // sorted, unique
  std::vector<uint32_t> entry_begin;
  std::vector<uint8_t> entry_class;
  std::vector<int16_t> entry_weight;

  bool operator==(const ModelData&) const = default;
};

// Serializes `model` (keys must be sorted and unique).
std::string SerializeModel(const ModelData& model);

// The checksum that ends a model file, of all the bytes before it.
uint64_t ModelChecksum(std::string_view bytes);

// Parses bytes made by SerializeModel. Errors start with "tagger model:".
Result<ModelData> ParseModel(std::string_view bytes);

}  // namespace kg::pos
