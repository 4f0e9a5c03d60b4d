#include "extract/pos/model_format.h"

#include <cassert>
#include <cstring>

#include "extract/pos/hash.h"

namespace kg::pos {
namespace {

constexpr char kMagic[8] = {'K', 'G', 'P', 'O', 'S', 'T', 'A', 'G'};
constexpr size_t kHeaderSize = sizeof(kMagic) + 4 + 4;
constexpr size_t kMaxClasses = 255;

void PutU32(uint32_t value, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void PutU64(uint64_t value, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutString(std::string_view text, std::string* out) {
  PutVarint(text.size(), out);
  out->append(text);
}

uint64_t ReadLe(std::string_view bytes, size_t pos, int width) {
  uint64_t value = 0;
  for (int i = 0; i < width; ++i)
    value |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[pos + static_cast<size_t>(i)]))
             << (8 * i);
  return value;
}

// Reads the payload; every read is bounds-checked and errors carry the
// byte offset in the file.
class Reader {
 public:
  Reader(std::string_view bytes, size_t pos) : bytes_(bytes), pos_(pos) {}

  bool Varint(uint64_t* value) {
    *value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) return Fail("truncated number");
      const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return Fail("number too long");
  }
  bool Count(uint64_t limit, uint64_t* value, const char* what) {
    if (!Varint(value)) return false;
    if (*value > limit) return Fail(std::string(what) + " out of range");
    return true;
  }
  bool String(std::string_view* out) {
    uint64_t length = 0;
    if (!Count(bytes_.size() - pos_, &length, "string length")) return false;
    *out = bytes_.substr(pos_, length);
    pos_ += length;
    return true;
  }
  bool Byte(uint8_t* out) {
    if (pos_ >= bytes_.size()) return Fail("truncated");
    *out = static_cast<uint8_t>(bytes_[pos_++]);
    return true;
  }
  bool Fail(const std::string& what) {
    if (error_.empty()) error_ = "byte " + std::to_string(pos_) + ": " + what;
    return false;
  }
  bool AtEnd() const { return pos_ == bytes_.size(); }
  size_t remaining() const { return bytes_.size() - pos_; }
  const std::string& error() const { return error_; }

 private:
  std::string_view bytes_;
  size_t pos_;
  std::string error_;
};

bool ReadPayload(Reader& in, ModelData* model) {
  uint64_t value = 0;
  if (!in.Count(UINT32_MAX, &value, "feature groups")) return false;
  model->features = static_cast<uint32_t>(value);
  uint64_t class_count = 0;
  if (!in.Count(kMaxClasses, &class_count, "class count")) return false;
  if (class_count == 0) return in.Fail("no classes");
  for (uint64_t i = 0; i < class_count; ++i) {
    std::string_view upos_name, xpos_name;
    if (!in.String(&upos_name) || !in.String(&xpos_name)) return false;
    const auto upos = ParseUpos(upos_name);
    const auto xpos = ParseXpos(xpos_name);
    if (!upos || !xpos)
      return in.Fail("unknown tag \"" + std::string(upos_name) + "|" + std::string(xpos_name) +
                     "\"");
    model->classes.push_back({*upos, *xpos});
  }
  uint64_t vocabulary = 0;
  if (!in.Count(in.remaining(), &vocabulary, "vocabulary size")) return false;
  model->vocabulary.reserve(vocabulary);
  for (uint64_t i = 0; i < vocabulary; ++i) {
    std::string_view word;
    uint64_t hint = 0;
    if (!in.String(&word) || !in.Varint(&hint)) return false;
    if (class_count < 64 && (hint >> class_count) != 0)
      return in.Fail("hint names a missing class");
    model->vocabulary.emplace_back(word);
    model->hints.push_back(hint);
  }
  uint64_t feature_count = 0;
  if (!in.Count(in.remaining(), &feature_count, "feature count")) return false;
  model->keys.reserve(feature_count);
  model->entry_begin.reserve(feature_count + 1);
  model->entry_begin.push_back(0);
  uint64_t key = 0;
  for (uint64_t f = 0; f < feature_count; ++f) {
    uint64_t delta = 0;
    if (!in.Varint(&delta)) return false;
    if (f > 0 && (delta == 0 || key + delta < key)) return in.Fail("feature keys not increasing");
    key += delta;
    model->keys.push_back(key);
    uint64_t entries = 0;
    if (!in.Count(class_count, &entries, "entry count")) return false;
    for (uint64_t e = 0; e < entries; ++e) {
      uint8_t cls = 0;
      uint64_t zigzag = 0;
      if (!in.Byte(&cls) || !in.Varint(&zigzag)) return false;
      if (cls >= class_count) return in.Fail("class index out of range");
      const int64_t weight = static_cast<int64_t>(zigzag >> 1) ^ -static_cast<int64_t>(zigzag & 1);
      if (weight < INT16_MIN || weight > INT16_MAX) return in.Fail("weight out of range");
      model->entry_class.push_back(cls);
      model->entry_weight.push_back(static_cast<int16_t>(weight));
    }
    if (model->entry_class.size() > UINT32_MAX) return in.Fail("too many entries");
    model->entry_begin.push_back(static_cast<uint32_t>(model->entry_class.size()));
  }
  if (!in.AtEnd()) return in.Fail("unexpected bytes after the features");
  return true;
}

}  // namespace

uint64_t ModelChecksum(std::string_view bytes) { return HashBytes(bytes, 0x4b47504f53ULL); }

std::string SerializeModel(const ModelData& model) {
  assert(model.classes.size() <= kMaxClasses);
  std::string payload;
  PutVarint(model.features, &payload);
  PutVarint(model.classes.size(), &payload);
  for (const PosTag& tag : model.classes) {
    PutString(UposName(tag.upos), &payload);
    PutString(XposName(tag.xpos), &payload);
  }
  PutVarint(model.vocabulary.size(), &payload);
  for (size_t i = 0; i < model.vocabulary.size(); ++i) {
    PutString(model.vocabulary[i], &payload);
    PutVarint(model.hints[i], &payload);
  }
  PutVarint(model.keys.size(), &payload);
  uint64_t previous = 0;
  for (size_t f = 0; f < model.keys.size(); ++f) {
    assert(f == 0 || model.keys[f] > previous);
    PutVarint(model.keys[f] - previous, &payload);
    previous = model.keys[f];
    PutVarint(model.entry_begin[f + 1] - model.entry_begin[f], &payload);
    for (uint32_t e = model.entry_begin[f]; e < model.entry_begin[f + 1]; ++e) {
      payload.push_back(static_cast<char>(model.entry_class[e]));
      const int64_t weight = model.entry_weight[e];
      PutVarint((static_cast<uint64_t>(weight) << 1) ^ static_cast<uint64_t>(weight >> 63),
                &payload);
    }
  }
  std::string out(kMagic, sizeof(kMagic));
  PutU32(kModelVersion, &out);
  PutU32(static_cast<uint32_t>(payload.size()), &out);
  out += payload;
  PutU64(ModelChecksum(out), &out);
  return out;
}

Result<ModelData> ParseModel(std::string_view bytes) {
  auto error = [](const std::string& what) { return Status::Error("tagger model: " + what); };
  if (bytes.size() < kHeaderSize + 8 || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return error("not a kg tagger model (bad magic bytes)");
  const auto version = static_cast<uint32_t>(ReadLe(bytes, sizeof(kMagic), 4));
  if (version != kModelVersion)
    return error("format version " + std::to_string(version) + ", this kg reads version " +
                 std::to_string(kModelVersion));
  const uint64_t payload_size = ReadLe(bytes, sizeof(kMagic) + 4, 4);
  if (payload_size != bytes.size() - kHeaderSize - 8)
    return error("size mismatch: header says " + std::to_string(payload_size) +
                 " payload bytes, file has " + std::to_string(bytes.size() - kHeaderSize - 8) +
                 " (truncated?)");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (ModelChecksum(body) != ReadLe(bytes, body.size(), 8))
    return error("checksum mismatch (corrupt file)");
  ModelData model;
  Reader in(body, kHeaderSize);
  if (!ReadPayload(in, &model)) return error(in.error());
  return model;
}

}  // namespace kg::pos
