// The fast graph JSON reader: RapidJSON's parsing events go straight into
// the graph, without a DOM (which took more time and memory than the
// parse). It takes only what the checked reader would take, with the same
// result, and gives up at anything else: the checked reader then finds
// and explains the problem, so messages come from one place.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/reader.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/unicode.h"
#include "core/utf8.h"
#include "export/graph_json_reader.h"

namespace kg {
namespace {

enum class Field : uint8_t {
  kOther,  // skipped, as the checked reader ignores it
  kGraph,
  kNodes,
  kLinks,
  kEdges,
  kId,
  kLabel,
  kType,
  kAliases,
  kMentions,
  kDocuments,
  kSource,
  kTarget,
  kPredicate,
  kStatus,
  kWeight,
  kEvidence,
  kDocument,
  kStart,
  kEnd,
  kSentence,
  kTriggers,
};

// `key` is `name` (a literal: the comparison is inlined).
template <size_t N>
bool Is(std::string_view key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

Field TopField(std::string_view key) {
  if (Is(key, "graph")) return Field::kGraph;
  if (Is(key, "nodes")) return Field::kNodes;
  if (Is(key, "links")) return Field::kLinks;
  return Is(key, "edges") ? Field::kEdges : Field::kOther;
}

Field NodeField(std::string_view key) {
  if (Is(key, "id")) return Field::kId;
  if (Is(key, "label")) return Field::kLabel;
  if (Is(key, "type")) return Field::kType;
  if (Is(key, "aliases")) return Field::kAliases;
  if (Is(key, "mentions")) return Field::kMentions;
  return Is(key, "documents") ? Field::kDocuments : Field::kOther;
}

Field LinkField(std::string_view key) {
  if (Is(key, "source")) return Field::kSource;
  if (Is(key, "target")) return Field::kTarget;
  if (Is(key, "predicate")) return Field::kPredicate;
  if (Is(key, "status")) return Field::kStatus;
  if (Is(key, "weight")) return Field::kWeight;
  return Is(key, "evidence") ? Field::kEvidence : Field::kOther;
}

Field EvidenceField(std::string_view key) {
  if (Is(key, "document")) return Field::kDocument;
  if (Is(key, "start")) return Field::kStart;
  if (Is(key, "end")) return Field::kEnd;
  if (Is(key, "sentence")) return Field::kSentence;
  return Is(key, "triggers") ? Field::kTriggers : Field::kOther;
}

constexpr uint32_t Bit(Field field) { return uint32_t{1} << static_cast<unsigned>(field); }

// Where the reader is: in an object, it expects a key or a value for the
// last key; in an array, an element.
enum class Place : uint8_t {
  kStart,
  kTop,
  kNodes,
  kNode,
  kNodeList,  // a node's aliases or documents
  kLinks,
  kLink,
  kEvidenceList,
  kEvidence,
  kTriggers,
  kSpan,
  kEnd,
};

// A link read but not yet added: targets are looked up a chunk at a time,
// which overlaps the lookups' cache misses.
struct PendingLink {
  std::string source;
  std::string target;
  EdgeData edge;
};

// RapidJSON's string stream, whose end is known: SkipWhitespace below
// can then look at sixteen bytes at a time (nearly half the bytes of a
// pretty-printed graph file are indentation).
struct TextStream : rapidjson::StringStream {
  explicit TextStream(std::string_view text)
      : rapidjson::StringStream(text.data()), end(text.data() + text.size()) {}
  const char* end;  // the terminating NUL
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Found by RapidJSON's parser through argument-dependent lookup.
void SkipWhitespace(TextStream& stream) {
  const char* p = stream.src_;
  // Most runs are empty or one space ("key": value); *p is not the NUL
  // when it is a space, so p[1] is inside the text.
  if (!IsSpace(*p)) return;
  if (!IsSpace(p[1])) {
    stream.src_ = p + 1;
    return;
  }
#if defined(__SSE2__)
  while (stream.end - p >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto is = [&bytes](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
    const __m128i space =
        _mm_or_si128(_mm_or_si128(is(' '), is('\n')), _mm_or_si128(is('\r'), is('\t')));
    const auto other = static_cast<uint32_t>(~_mm_movemask_epi8(space)) & 0xFFFFu;
    if (other != 0) {
      stream.src_ = p + std::countr_zero(other);
      return;
    }
    p += 16;
  }
#endif
  while (IsSpace(*p)) ++p;
  stream.src_ = p;
}

// The first byte from `p` that ends plain string text: a quote, a
// backslash or a control character (the NUL at `end` is one).
const char* StringStop(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i top_control = _mm_set1_epi8(0x1F);
  while (end - p >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Unsigned bytes <= 0x1F: the maximum with 0x1F is then 0x1F.
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, top_control), top_control);
    const __m128i stop = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)), control);
    const auto found = static_cast<uint32_t>(_mm_movemask_epi8(stop));
    if (found != 0) return p + std::countr_zero(found);
    p += 16;
  }
#endif
  while (*p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

// A count as the checked reader takes it (from the DOM value RapidJSON
// would have made of the number).
bool Count(const rapidjson::Value& value, int64_t max, int64_t* count) {
  if (!value.IsInt64() || value.GetInt64() < 0 || value.GetInt64() > max) return false;
  *count = value.GetInt64();
  return true;
}

// Printable ASCII, most of a graph file, passes every check below.
// Eight bytes at a time: a byte below 0x20, or above 0x7E, sets its top
// bit in `low` or `high`.
bool IsPrintableAscii(std::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kTops = 0x8080808080808080u;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, text.data() + i, 8);
    const uint64_t low = (x - kOnes * 0x20) & ~x & kTops;
    const uint64_t high = ((x + kOnes) | x) & kTops;
    if ((low | high) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) - 0x20u >= 0x5Fu) return false;
  }
  return true;
}

// The parser leaves UTF-8 to the reader (a check that reads past the end
// of a truncated sequence would need padding, which copies the text).
bool IsUtf8(std::string_view text) { return IsPrintableAscii(text) || !utf8::FindInvalid(text); }
bool IsText(std::string_view text) { return IsPrintableAscii(text) || !unicode::FindNonText(text); }
bool IsIdText(std::string_view text) {
  return IsPrintableAscii(text) || !unicode::FindNonIdText(text);
}

// RapidJSON's handler: every event returns false to give up.
class FastReader {
 public:
  FastReader(std::string_view json, const TextStream& stream, const PredicateTable& fallback,
             KnowledgeGraph* graph)
      : json_(json), stream_(stream), fallback_(fallback), graph_(*graph) {
    graph_.SetPredicates(fallback);
    chunk_.resize(kChunk);
  }

  bool finished() const { return place_ == Place::kEnd; }

  bool Null() { return Scalar(); }
  bool Bool(bool) { return Scalar(); }
  bool Int(int i) { return Number(rapidjson::Value(i)); }
  bool Uint(unsigned u) { return Number(rapidjson::Value(u)); }
  bool Int64(int64_t i) { return Number(rapidjson::Value(i)); }
  bool Uint64(uint64_t u) { return Number(rapidjson::Value(u)); }
  bool Double(double d) { return Number(rapidjson::Value(d)); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view text(s, n);
    return skip_ > 0 ? IsUtf8(text) : Text(text);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view key(s, n);
    return skip_ > 0 ? IsUtf8(key) : OnKey(key);
  }
  bool StartObject();
  bool EndObject(rapidjson::SizeType);
  bool StartArray();
  bool EndArray(rapidjson::SizeType);

 private:
  static constexpr size_t kChunk = 4096;
  static constexpr size_t kKnown = 64;

  // The slot of known_predicates_ for a name (never empty: LinkText
  // refuses that).
  static size_t KnownSlot(std::string_view name) {
    return (name.size() * 7 + static_cast<unsigned char>(name.front()) +
            static_cast<unsigned char>(name.back()) * 3) %
           kKnown;
  }

  bool OnKey(std::string_view key);
  bool See(uint32_t* seen, Field field, std::string_view key);
  bool Other();
  bool Scalar() { return skip_ > 0 || Other(); }
  bool OtherText(std::string_view text) { return Other() && IsUtf8(text); }
  bool Number(const rapidjson::Value& value);
  bool Text(std::string_view text);
  bool NodeText(std::string_view text);
  bool LinkText(std::string_view text);
  bool EvidenceText(std::string_view text);
  bool EndSkipped();
  bool BeginGraph();
  bool EndGraph();
  bool BeginLinks();
  bool EndNode();
  bool EndLink();
  bool EndEvidence();
  bool Flush();
  void ReserveLinks();
  bool Finish();

  std::string_view json_;
  const TextStream& stream_;
  const PredicateTable& fallback_;
  KnowledgeGraph& graph_;

  Place place_ = Place::kStart;
  Field field_ = Field::kOther;  // of the value expected in an object
  Field list_ = Field::kOther;   // of the node list being read
  uint32_t top_seen_ = 0;        // fields seen, to refuse repeated ones
  uint32_t item_seen_ = 0;
  uint32_t evidence_seen_ = 0;
  size_t skip_ = 0;  // depth inside a value being skipped
  bool in_graph_ = false;
  size_t key_at_ = 0;  // of the last key at the top

  NodeData node_;
  std::optional<EntityType> type_;

  PredicateTable predicates_;
  bool predicates_recorded_ = false;
  // Predicates found in predicates_ (which only grows), by a cheap hash of
  // the name: its binary search compared strings several times a link.
  std::array<std::string, kKnown> known_predicates_;
  size_t links_at_ = 0;  // where the links array starts
  std::vector<PendingLink> chunk_;
  size_t pending_ = 0;
  int64_t start_ = 0;
  int64_t end_ = 0;
  Evidence evidence_;
  uint32_t span_[2] = {0, 0};
  size_t span_size_ = 0;

  std::string last_source_id_;
  std::optional<size_t> last_source_;
  std::vector<std::string_view> targets_;
  std::vector<std::optional<size_t>> found_;
};

bool FastReader::OnKey(std::string_view key) {
  switch (place_) {
    case Place::kTop:
      key_at_ = stream_.Tell();
      return See(&top_seen_, TopField(key), key);
    case Place::kNode:
      return See(&item_seen_, NodeField(key), key);
    case Place::kLink:
      return See(&item_seen_, LinkField(key), key);
    case Place::kEvidence:
      return See(&evidence_seen_, EvidenceField(key), key);
    default:
      return false;
  }
}

// A repeated field gives up: the checked reader takes the first one.
// Known keys are ASCII; others must be UTF-8.
bool FastReader::See(uint32_t* seen, Field field, std::string_view key) {
  field_ = field;
  if (field == Field::kOther) return IsUtf8(key);
  if ((*seen & Bit(field)) != 0 || field == Field::kEdges) return false;
  *seen |= Bit(field);
  return true;
}

// A value for a field the reader does not know: skipped.
bool FastReader::Other() {
  const bool in_object = place_ == Place::kTop || place_ == Place::kNode ||
                         place_ == Place::kLink || place_ == Place::kEvidence;
  return in_object && field_ == Field::kOther;
}

bool FastReader::Number(const rapidjson::Value& value) {
  if (skip_ > 0) return true;
  int64_t count = 0;
  switch (place_) {
    case Place::kNode:
      if (field_ != Field::kMentions) return Other();
      return Count(value, std::numeric_limits<int64_t>::max(), &node_.mentions);
    case Place::kLink:
      if (field_ != Field::kWeight) return Other();
      return Count(value, std::numeric_limits<int64_t>::max(), &chunk_[pending_].edge.weight);
    case Place::kEvidence:
      if (field_ != Field::kStart && field_ != Field::kEnd) return Other();
      if (!Count(value, std::numeric_limits<uint32_t>::max(), &count)) return false;
      (field_ == Field::kStart ? start_ : end_) = count;
      return true;
    case Place::kSpan:
      if (!value.IsUint() || span_size_ == 2) return false;
      span_[span_size_++] = value.GetUint();
      return true;
    default:
      return Other();
  }
}

bool FastReader::Text(std::string_view text) {
  switch (place_) {
    case Place::kNode:
      return NodeText(text);
    case Place::kNodeList:
      if (list_ == Field::kAliases) {
        if (!IsText(text)) return false;
        node_.aliases.emplace_back(text);
      } else {
        if (!IsIdText(text)) return false;
        node_.documents.emplace_back(text);
      }
      return true;
    case Place::kLink:
      return LinkText(text);
    case Place::kEvidence:
      return EvidenceText(text);
    default:
      return OtherText(text);
  }
}

bool FastReader::NodeText(std::string_view text) {
  switch (field_) {
    case Field::kId:
      if (!IsIdText(text) || text.empty()) return false;
      node_.id.assign(text);
      return true;
    case Field::kLabel:
      if (!IsText(text)) return false;
      node_.label.assign(text);
      return true;
    case Field::kType:
      type_ = IsText(text) ? ParseEntityType(text) : std::nullopt;
      return type_.has_value();
    default:
      return OtherText(text);
  }
}

bool FastReader::LinkText(std::string_view text) {
  PendingLink& link = chunk_[pending_];
  switch (field_) {
    case Field::kSource:
    case Field::kTarget:
      if (!IsIdText(text)) return false;
      (field_ == Field::kSource ? link.source : link.target).assign(text);
      return true;
    case Field::kPredicate:
      if (!IsText(text) || text.empty()) return false;
      link.edge.predicate.assign(text);
      return true;
    case Field::kStatus: {
      if (!IsText(text)) return false;
      // An empty status is the default, as in the checked reader.
      const auto status = text.empty() ? RelationStatus::kAsserted : ParseRelationStatus(text);
      if (!status) return false;
      link.edge.status = *status;
      return true;
    }
    default:
      return OtherText(text);
  }
}

bool FastReader::EvidenceText(std::string_view text) {
  switch (field_) {
    case Field::kDocument:
      if (!IsIdText(text)) return false;
      evidence_.document.assign(text);
      return true;
    case Field::kSentence:
      if (!IsText(text)) return false;
      evidence_.sentence.assign(text);
      return true;
    default:
      return OtherText(text);
  }
}

bool FastReader::StartObject() {
  if (skip_ > 0) return ++skip_, true;
  switch (place_) {
    case Place::kStart:
      place_ = Place::kTop;
      return true;
    case Place::kNodes:
      place_ = Place::kNode;
      item_seen_ = 0;
      node_ = NodeData();
      type_.reset();
      return true;
    case Place::kLinks:
      place_ = Place::kLink;
      item_seen_ = 0;
      chunk_[pending_].edge = EdgeData();
      return true;
    case Place::kEvidenceList:
      place_ = Place::kEvidence;
      evidence_seen_ = 0;
      evidence_ = Evidence();
      return true;
    default:
      if (place_ == Place::kTop && field_ == Field::kGraph) return BeginGraph();
      if (!Other()) return false;
      skip_ = 1;
      return true;
  }
}

bool FastReader::StartArray() {
  if (skip_ > 0) return ++skip_, true;
  if (place_ == Place::kTop && field_ == Field::kNodes) {
    place_ = Place::kNodes;
  } else if (place_ == Place::kTop && field_ == Field::kLinks) {
    return BeginLinks();
  } else if (place_ == Place::kNode && (field_ == Field::kAliases || field_ == Field::kDocuments)) {
    place_ = Place::kNodeList;
    list_ = field_;
  } else if (place_ == Place::kLink && field_ == Field::kEvidence) {
    place_ = Place::kEvidenceList;
  } else if (place_ == Place::kEvidence && field_ == Field::kTriggers) {
    place_ = Place::kTriggers;
  } else if (place_ == Place::kTriggers) {
    place_ = Place::kSpan;
    span_size_ = 0;
  } else {
    if (!Other()) return false;
    skip_ = 1;
  }
  return true;
}

bool FastReader::EndObject(rapidjson::SizeType) {
  if (skip_ > 0) return EndSkipped();
  switch (place_) {
    case Place::kTop:
      return Finish();
    case Place::kNode:
      place_ = Place::kNodes;
      return EndNode();
    case Place::kLink:
      place_ = Place::kLinks;
      return EndLink();
    case Place::kEvidence:
      place_ = Place::kEvidenceList;
      return EndEvidence();
    default:
      return false;
  }
}

bool FastReader::EndArray(rapidjson::SizeType) {
  if (skip_ > 0) return EndSkipped();
  switch (place_) {
    case Place::kNodes:
    case Place::kLinks:
      place_ = Place::kTop;
      return true;
    case Place::kNodeList:
      place_ = Place::kNode;
      return true;
    case Place::kEvidenceList:
      place_ = Place::kLink;
      return true;
    case Place::kTriggers:
      place_ = Place::kEvidence;
      return true;
    case Place::kSpan:
      place_ = Place::kTriggers;
      if (span_size_ != 2) return false;
      evidence_.triggers.emplace_back(span_[0], span_[1]);
      return true;
    default:
      return false;
  }
}

bool FastReader::EndSkipped() {
  --skip_;
  return skip_ > 0 || !in_graph_ || EndGraph();
}

// The graph member is small: it is skipped here, then read from its text
// by the checked reader's code. It must come before the links, whose
// predicates it names.
bool FastReader::BeginGraph() {
  if ((top_seen_ & Bit(Field::kLinks)) != 0) return false;
  in_graph_ = true;
  skip_ = 1;
  return true;
}

bool FastReader::EndGraph() {
  in_graph_ = false;
  // The iterative parser reports the end of an object before taking its '}'.
  const size_t end = stream_.Tell();
  // The key's place is its opening quote or just after its closing one
  // (RapidJSON copies the stream while it reads a string): the member's
  // text is from the colon after it.
  const size_t colon = json_.find(':', key_at_);
  if (end >= json_.size() || json_[end] != '}' || colon >= end) return false;
  return ReadGraphMemberJson(json_.substr(colon, end + 1 - colon), fallback_, &graph_,
                             &predicates_recorded_);
}

// Links are read after the nodes, which they name.
bool FastReader::BeginLinks() {
  if ((top_seen_ & Bit(Field::kNodes)) == 0 || place_ != Place::kTop) return false;
  predicates_ = graph_.predicates();
  place_ = Place::kLinks;
  links_at_ = stream_.Tell();
  return true;
}

bool FastReader::EndNode() {
  constexpr uint32_t kRequired = Bit(Field::kId) | Bit(Field::kLabel) | Bit(Field::kType);
  if ((item_seen_ & kRequired) != kRequired) return false;
  node_.type = *type_;
  return graph_.TryAddNode(std::move(node_)).has_value();
}

// Every link's predicate must be in a recorded vocabulary; a file without
// one gets a plain directed entry for each predicate the fallback lacks.
bool FastReader::EndLink() {
  constexpr uint32_t kRequired =
      Bit(Field::kSource) | Bit(Field::kTarget) | Bit(Field::kPredicate) | Bit(Field::kWeight);
  if ((item_seen_ & kRequired) != kRequired) return false;
  const std::string& predicate = chunk_[pending_].edge.predicate;
  std::string& known = known_predicates_[KnownSlot(predicate)];
  if (known != predicate) {
    if (!predicates_.Contains(predicate)) {
      if (predicates_recorded_) return false;
      Predicate plain;
      plain.name = predicate;
      [[maybe_unused]] const Status added = predicates_.Add(std::move(plain));
    }
    known = predicate;
  }
  return ++pending_ < kChunk || Flush();
}

bool FastReader::EndEvidence() {
  constexpr uint32_t kRequired =
      Bit(Field::kDocument) | Bit(Field::kStart) | Bit(Field::kEnd) | Bit(Field::kSentence);
  if ((evidence_seen_ & kRequired) != kRequired || end_ < start_) return false;
  evidence_.start = static_cast<uint32_t>(start_);
  evidence_.end = static_cast<uint32_t>(end_);
  for (const auto& [begin, end] : evidence_.triggers) {
    if (begin < evidence_.start || end > evidence_.end || begin >= end) return false;
  }
  chunk_[pending_].edge.evidence.push_back(std::move(evidence_));
  return true;
}

// Adds the pending links. Links come sorted by source (the writer's
// canonical order): the last source is remembered, not looked up again.
bool FastReader::Flush() {
  if (graph_.edge_count() == 0 && pending_ == kChunk) ReserveLinks();
  targets_.clear();
  for (size_t k = 0; k < pending_; ++k) targets_.emplace_back(chunk_[k].target);
  graph_.FindNodes(targets_, &found_);
  for (size_t k = 0; k < pending_; ++k) {
    PendingLink& link = chunk_[k];
    if (!last_source_ || link.source != last_source_id_) {
      last_source_ = graph_.FindNode(link.source);
      last_source_id_ = link.source;
    }
    if (!last_source_ || !found_[k]) return false;
    graph_.AppendEdgeUnchecked(*last_source_, *found_[k], std::move(link.edge));
  }
  pending_ = 0;
  return true;
}

// Room for the links, guessed from the bytes the first chunk of them
// took: growing the list by doubling moved every link several times and
// touched twice its memory. Only a hint, dropped if it cannot be had; a
// link takes at least 48 bytes of text, which bounds the guess.
void FastReader::ReserveLinks() {
  const size_t at = stream_.Tell();
  const size_t per_link = std::max<size_t>((at - links_at_) / kChunk, 48);
  const size_t guess = kChunk + (json_.size() - at) / per_link / 8 * 9;
  try {
    graph_.ReserveEdges(guess);
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
}

// The end of the text: the links are checked for repeats once, as the
// checked reader does.
bool FastReader::Finish() {
  constexpr uint32_t kRequired = Bit(Field::kNodes) | Bit(Field::kLinks);
  if ((top_seen_ & kRequired) != kRequired || !Flush()) return false;
  graph_.SetPredicates(std::move(predicates_));
  if (graph_.FirstDuplicateEdge()) return false;
  place_ = Place::kEnd;
  return true;
}

}  // namespace
}  // namespace kg

// Like RapidJSON's own string stream, TextStream may be copied into a
// local while a string is read (faster).
template <>
struct rapidjson::StreamTraits<kg::TextStream> {
  enum { copyOptimization = 1 };
};

// The reader's strings: one without escapes (nearly all) goes to the
// handler where it lies in the text, found sixteen bytes at a time,
// instead of being copied byte by byte onto RapidJSON's stack; any other
// is read by RapidJSON's own code, as before.
template <>
template <>
void rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator>::
    ParseString<rapidjson::kParseIterativeFlag, kg::TextStream, kg::FastReader>(
        kg::TextStream& is, kg::FastReader& handler, bool isKey) {
  RAPIDJSON_ASSERT(is.Peek() == '"');
  is.Take();
  const char* start = is.src_;
  const char* stop = kg::StringStop(start, is.end);
  bool success = false;
  if (*stop == '"' && stop - start <= std::numeric_limits<SizeType>::max()) {
    is.src_ = stop + 1;
    const auto length = static_cast<SizeType>(stop - start);
    success = isKey ? handler.Key(start, length, false) : handler.String(start, length, false);
  } else {
    StackStream<char> stack_stream(stack_);
    ParseStringToStream<rapidjson::kParseIterativeFlag, rapidjson::UTF8<>, rapidjson::UTF8<>>(
        is, stack_stream);
    RAPIDJSON_PARSE_ERROR_EARLY_RETURN_VOID;
    const auto length = static_cast<SizeType>(stack_stream.Length()) - 1;
    const char* const str = stack_stream.Pop();
    success = isKey ? handler.Key(str, length, true) : handler.String(str, length, true);
  }
  if (RAPIDJSON_UNLIKELY(!success)) RAPIDJSON_PARSE_ERROR(kParseErrorTermination, is.Tell());
}

namespace kg {

std::optional<KnowledgeGraph> ReadGraphJsonFast(std::string_view json,
                                                const PredicateTable& fallback) {
  KnowledgeGraph graph;
  TextStream stream(json);
  FastReader handler(json, stream, fallback, &graph);
  // Nesting on the heap, as in the checked reader; UTF-8 is checked by
  // the handler.
  const rapidjson::ParseResult parsed =
      rapidjson::Reader().Parse<rapidjson::kParseIterativeFlag>(stream, handler);
  // Parsing stops at the first NUL: a text that goes on after it is not
  // one the checked reader takes.
  if (parsed.IsError() || !handler.finished() || stream.Tell() != json.size()) return std::nullopt;
  return graph;
}

}  // namespace kg
