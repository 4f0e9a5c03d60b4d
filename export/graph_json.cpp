#include "export/graph_json.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "core/insitu_json.h"
#include "core/position.h"
#include "export/evidence_writer.h"
#include "export/graph_json_reader.h"
#include "export/json_values.h"
#include "export/predicate_json.h"

namespace kg {
namespace {

// RapidJSON's own buffer: its writer reserves room for a whole string and
// then stores byte by byte without a check.
using Buffer = rapidjson::StringBuffer;
using Writer = rapidjson::PrettyWriter<Buffer>;

std::string_view TextOf(const Buffer& buffer) { return {buffer.GetString(), buffer.GetSize()}; }

void Key(Writer& w, const char* key) { w.Key(key); }

// Items written together by one thread: enough that the handing over costs
// little, few enough that a window of them holds little memory.
constexpr size_t kPartItems = 2048;

// The items [begin, end) of the "nodes" or "links" array as `w` would write
// them there, without the line break and indentation before the first:
// the text starts at `*offset`. A writer of their own, at the same depth
// (inside the top object, then the array), indents them alike.
template <typename WriteItem>
Buffer WritePart(size_t begin, size_t end, const WriteItem& write_item, size_t* offset) {
  Buffer text;
  Writer part(text);
  part.SetIndent(' ', 2);
  part.StartObject();
  part.Key("items");
  part.StartArray();
  *offset = text.GetSize() + 5;  // "\n" and four spaces
  for (size_t i = begin; i < end; ++i) write_item(part, i);
  return text;
}

// What `w` writes goes to `buffer`, which goes to the sink in pieces of
// about this size: the graph is never one string.
constexpr size_t kFlushBytes = size_t{1} << 20;

void Flush(Buffer* buffer, const GraphJsonSink& sink) {
  sink(TextOf(*buffer));
  buffer->Clear();
}

// Writes `count` items of an array `w` (writing to `buffer`) has just
// opened. With more than one thread, parts of kPartItems are written on up
// to `threads` threads (this one too) and passed to the sink here in
// order, each after the separator `w` puts before an item: the bytes are
// those of one writer. Parts go at most a window ahead of the sink, so
// that they never hold much of the file.
template <typename WriteItem>
void WriteItems(Writer& w, Buffer* buffer, const GraphJsonSink& sink, size_t count,
                unsigned threads, const WriteItem& write_item) {
  const size_t parts = (count + kPartItems - 1) / kPartItems;
  if (threads <= 1 || parts <= 1) {
    for (size_t i = 0; i < count; ++i) {
      write_item(w, i);
      if (buffer->GetSize() >= kFlushBytes) Flush(buffer, sink);
    }
    return;
  }
  const size_t window = size_t{4} * threads;
  std::vector<Buffer> texts(parts);
  std::vector<size_t> offsets(parts);
  std::vector<bool> written(parts);
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0;    // the next part to write
  size_t joined = 0;  // parts joined into `out`
  // Writes the next part if the window allows; false when none is left.
  const auto write_next = [&](std::unique_lock<std::mutex>& lock) {
    if (next >= parts || next >= joined + window) return false;
    const size_t p = next++;
    lock.unlock();
    size_t offset = 0;
    Buffer text =
        WritePart(p * kPartItems, std::min(count, (p + 1) * kPartItems), write_item, &offset);
    lock.lock();
    texts[p] = std::move(text);
    offsets[p] = offset;
    written[p] = true;
    changed.notify_all();
    return true;
  };
  // A helper that fails (out of memory) stops the writing; the failure is
  // thrown again on this thread once every helper has ended.
  std::exception_ptr failure;
  const auto help = [&] {
    try {
      std::unique_lock<std::mutex> lock(mutex);
      while (next < parts && !failure) {
        if (!write_next(lock))
          changed.wait(lock, [&] { return next >= parts || next < joined + window || failure; });
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (!failure) failure = std::current_exception();
      changed.notify_all();
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(help);
    } catch (const std::system_error&) {
      break;  // no thread to be had: this one writes the rest
    }
  }
  try {
    std::unique_lock<std::mutex> lock(mutex);
    while (joined < parts && !failure) {
      if (written[joined]) {
        Buffer text = std::move(texts[joined]);
        const size_t offset = offsets[joined];
        lock.unlock();
        w.RawValue("", 0, rapidjson::kObjectType);  // the separator only
        Flush(buffer, sink);
        sink(TextOf(text).substr(offset));
        text = Buffer();
        lock.lock();
        ++joined;
        changed.notify_all();
      } else if (!write_next(lock)) {
        changed.wait(lock, [&] { return written[joined] || failure; });
      }
    }
  } catch (...) {
    const std::lock_guard<std::mutex> lock(mutex);
    if (!failure) failure = std::current_exception();
    changed.notify_all();
  }
  for (auto& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

namespace {

// Bytes a graph's JSON is likely to take, from its counts and the sizes of
// a sample of its evidence: reserving them spares copies as the text grows
// (pages reserved and never written cost nothing).
size_t EstimatedSize(const KnowledgeGraph& graph) {
  size_t evidence = 0;
  const size_t sample = std::min<size_t>(graph.edge_count(), 1000);
  for (size_t e = 0; e < sample; ++e) {
    for (const Evidence& item : graph.edge(e).evidence) evidence += item.sentence.size() + 120;
  }
  const size_t per_edge = sample == 0 ? 0 : evidence / sample + 200;
  return 4096 + graph.documents().size() * 300 + graph.node_count() * 300 +
         graph.edge_count() * per_edge;
}

}  // namespace

std::string WriteGraphJson(const KnowledgeGraph& graph, unsigned threads) {
  std::string out;
  out.reserve(EstimatedSize(graph));
  WriteGraphJson(graph, threads, [&out](std::string_view piece) { out.append(piece); });
  return out;
}

void WriteGraphJson(const KnowledgeGraph& graph, unsigned threads, const GraphJsonSink& sink) {
  Buffer out(nullptr, kFlushBytes + kFlushBytes / 4);
  Writer w(out);
  w.SetIndent(' ', 2);
  w.StartObject();
  Key(w, "directed");
  w.Bool(true);
  Key(w, "multigraph");
  w.Bool(true);
  Key(w, "graph");
  w.StartObject();
  Key(w, "schema");
  WriteString(w, kGraphJsonSchema);
  Key(w, "predicates");
  w.StartArray();
  for (const Predicate& predicate : graph.predicates().entries()) WritePredicateJson(w, predicate);
  w.EndArray();
  Key(w, "documents");
  w.StartArray();
  for (const auto& document : graph.documents()) {
    w.StartObject();
    Key(w, "id");
    WriteString(w, document.id);
    Key(w, "path");
    WriteString(w, document.path);
    Key(w, "title");
    WriteString(w, document.title);
    Key(w, "sha256");
    WriteString(w, document.sha256);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  Key(w, "nodes");
  w.StartArray();
  WriteItems(w, &out, sink, graph.node_count(), threads, [&](Writer& item, size_t n) {
    const NodeData& node = graph.node(n);
    item.StartObject();
    Key(item, "id");
    WriteString(item, node.id);
    Key(item, "label");
    WriteString(item, node.label);
    Key(item, "type");
    WriteString(item, EntityTypeName(node.type));
    Key(item, "aliases");
    WriteStrings(item, node.aliases);
    Key(item, "mentions");
    item.Int64(node.mentions);
    Key(item, "documents");
    WriteStrings(item, node.documents);
    item.EndObject();
  });
  w.EndArray();

  Key(w, "links");
  w.StartArray();
  WriteItems(w, &out, sink, graph.edge_count(), threads, [&](Writer& item, size_t e) {
    const EdgeData& edge = graph.edge(e);
    item.StartObject();
    Key(item, "source");
    WriteString(item, graph.node(graph.edge_source(e)).id);
    Key(item, "target");
    WriteString(item, graph.node(graph.edge_target(e)).id);
    Key(item, "predicate");
    WriteString(item, edge.predicate);
    Key(item, "status");
    WriteString(item, RelationStatusName(edge.status));
    Key(item, "weight");
    item.Int64(edge.weight);
    Key(item, "evidence");
    item.StartArray();
    for (const Evidence& evidence : edge.evidence) WriteEvidenceJson(item, evidence);
    item.EndArray();
    item.EndObject();
  });
  w.EndArray();
  w.EndObject();
  out.Put('\n');
  Flush(&out, sink);
}

Result<KnowledgeGraph> ReadGraphJson(std::string json, const std::string& origin,
                                     const PredicateTable& fallback) {
  // A valid file streams straight into the graph; anything else (or an
  // unusual layout) goes to the checked reader, which explains problems.
  if (auto graph = ReadGraphJsonFast(json, fallback)) return std::move(*graph);
  // Parsing stops at the first NUL, so one inside the text is an error too.
  if (const size_t nul = json.find('\0'); nul != std::string::npos) {
    return Status::Error(FilePosition(origin, json, nul) + ": NUL byte in JSON text");
  }
  // Padding may copy the text: only the checked reader needs it.
  PadForInsituParse(&json);
  return ReadGraphJsonChecked(std::move(json), origin, fallback);
}

}  // namespace kg
