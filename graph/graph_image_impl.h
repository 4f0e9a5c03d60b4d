// Internal to graph/: what a GraphImage holds, shared by the reader
// (graph_image.cpp) and the writer (graph_image_writer.cpp).
#pragma once

#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/mapped_file.h"
#include "graph/graph_image.h"
#include "graph/graph_image_format.h"

namespace kg {

struct GraphImage::Impl : GraphImage::Arrays {
  // Where the bytes live: a mapped file or an 8-byte aligned buffer.
  std::optional<MappedFile> file;
  std::vector<uint64_t> memory;
  std::string_view bytes;
  std::string origin;  // names the file in errors

  std::span<const uint64_t> arc_offsets;
  std::span<const Arc> arcs;
  std::span<const uint32_t> nodes_by_id;
  std::span<const image::FormRecord> forms;
  Topology topology{std::span<const uint64_t>(), std::span<const Arc>()};

  uint64_t text_checksum = 0;
  std::once_flag text_checked;
  Status text_status;

  std::string_view Name(uint32_t id) const {
    return {names.data() + name_offsets[id], name_offsets[id + 1] - name_offsets[id]};
  }
  std::string_view Text(uint32_t id) const {
    return {text.data() + text_offsets[id], text_offsets[id + 1] - text_offsets[id]};
  }

  // Points the views at `bytes` (already in place) and checks them.
  Status Attach();
};

// XXH3-64 of a byte range: the checksum of headers and sections.
uint64_t ImageChecksum(const void* data, size_t size);

}  // namespace kg
