#include "extract/pos/features.h"

#include <algorithm>

#include "extract/pos/hash.h"
#include "extract/pos/morphology.h"

namespace kg::pos {
namespace {

// Template ids: part of the model format.
enum Template : uint64_t {
  kTplBias = 1,
  kTplWord,
  kTplSuffix1,  // kTplSuffix1 + n - 1 for suffixes of n bytes, n <= 4
  kTplSuffix3 = kTplSuffix1 + 2,
  kTplPrefix1 = kTplSuffix1 + 4,
  kTplShape = kTplPrefix1 + 3,
  kTplLongShape,
  kTplCase,
  kTplLexical,
  kTplTag1,
  kTplTag2,
  kTplTags12,
  kTplTagWord,
  kTplHint,
  kTplLeftPair,
  kTplRightPair,
};

// Case classes (WordForm::case_class); +8 when the word has a digit.
enum CaseClass : uint8_t { kNoLetters, kLower, kTitle, kUpper, kMixed };

constexpr uint64_t kStartHash = 0x53a1f6c0d39b2e17ULL;  // no string hashes to these in practice
constexpr uint64_t kEndHash = 0x2f8e49d1b07c6a35ULL;

uint64_t Key(uint64_t value, Template tpl, int offset) {
  return Mix(value, (static_cast<uint64_t>(tpl) << 4) | static_cast<uint64_t>(offset + 2));
}

// Decodes one code point of possibly invalid UTF-8; invalid bytes decode
// as U+FFFD of length 1, so that hostile input cannot read past the end.
char32_t DecodeAt(std::string_view text, size_t pos, size_t* length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  *length = 1;
  if (lead < 0x80) return lead;
  size_t need = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead < 0xE0) {
    need = 1;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead < 0xF0) {
    need = 2;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead < 0xF5) {
    need = 3;
    cp = lead & 0x07u;
  } else {
    return 0xFFFD;
  }
  if (pos + need >= text.size()) return 0xFFFD;  // truncated sequence
  for (size_t i = 1; i <= need; ++i) {
    if ((byte(i) & 0xC0u) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(i) & 0x3Fu);
  }
  *length = need + 1;
  return cp;
}

// ASCII spellings of typographic punctuation, as the treebank mostly
// writes it: ’ -> ', “ -> ", — -> --, … -> ...
std::string_view FoldPunct(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0xAB:
    case 0xBB:
      return "\"";
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    default:
      return {};
  }
}

bool IsUpperCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

bool IsLetterCp(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp == 0xFFFD || cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7) return false;
  return cp >= 0xC0;
}

char32_t LowerCp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

size_t EncodeCp(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Streams bytes into an FNV-1a hash the way HashBytes does.
struct StreamHash {
  uint64_t state = 0xcbf29ce484222325ULL;
  void Add(const char* bytes, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      state ^= static_cast<unsigned char>(bytes[i]);
      state *= 0x100000001b3ULL;
    }
  }
  uint64_t Finish() const {
    uint64_t hash = state;
    hash ^= hash >> 32;
    hash *= 0xd6e8feb86659fd93ULL;
    hash ^= hash >> 32;
    return hash;
  }
};

// Case-kept folded spelling of one code point: digits become 0 and
// typographic punctuation its ASCII form. Returns the byte count.
size_t FoldCp(char32_t cp, char* out) {
  if (const std::string_view punct = FoldPunct(cp); !punct.empty()) {
    std::copy(punct.begin(), punct.end(), out);
    return punct.size();
  }
  if (cp >= '0' && cp <= '9') cp = '0';
  return EncodeCp(cp, out);
}

}  // namespace

uint64_t SurfaceKey(std::string_view surface) {
  StreamHash hash;
  for (size_t pos = 0; pos < surface.size();) {
    const auto byte = static_cast<unsigned char>(surface[pos]);
    char folded[8];
    if (byte < 0x80) {
      folded[0] = (byte >= '0' && byte <= '9') ? '0' : static_cast<char>(byte);
      hash.Add(folded, 1);
      ++pos;
      continue;
    }
    size_t length = 0;
    const char32_t cp = DecodeAt(surface, pos, &length);
    pos += length;
    hash.Add(folded, FoldCp(cp, folded));
  }
  return hash.Finish();
}

void AnalyzeWord(std::string_view surface, const Lexicon* lexicon, WordForm* out) {
  StreamHash surface_hash;
  StreamHash lower_hash;
  out->lower_length = 0;
  out->truncated = false;
  out->tail_length = 0;
  out->shape_length = 0;
  out->long_shape_length = 0;
  char ring[sizeof(out->tail)];
  size_t ring_count = 0;  // bytes written to the ring so far
  int letters = 0;
  int uppers = 0;
  bool first_upper = false;
  bool rest_has_upper = false;
  bool digit = false;
  char last_class = 0;
  int run = 0;
  for (size_t pos = 0; pos < surface.size();) {
    size_t length = 0;
    const char32_t cp = DecodeAt(surface, pos, &length);
    pos += length;
    char folded[8];
    const size_t folded_length = FoldCp(cp, folded);
    char cls = '~';
    if (!FoldPunct(cp).empty()) {
      cls = folded[0];
    } else {
      if (cp >= '0' && cp <= '9') {
        digit = true;
        cls = 'd';
      } else if (IsLetterCp(cp)) {
        const bool upper = IsUpperCp(cp);
        cls = upper ? 'X' : 'x';
        if (letters == 0)
          first_upper = upper;
        else if (upper)
          rest_has_upper = true;
        ++letters;
        uppers += upper ? 1 : 0;
      } else if (cp < 0x80) {
        cls = static_cast<char>(cp);
      }
    }
    surface_hash.Add(folded, folded_length);
    // Lower case: letters only change in the one-code-point path above.
    char lower[8];
    size_t lower_length = folded_length;
    if (cls == 'X') {
      lower_length = EncodeCp(LowerCp(cp), lower);
    } else {
      std::copy(folded, folded + folded_length, lower);
    }
    lower_hash.Add(lower, lower_length);
    for (size_t i = 0; i < lower_length; ++i) {
      if (out->lower_length < WordForm::kMaxText) {
        out->lower[out->lower_length++] = lower[i];
      } else {
        out->truncated = true;
      }
      ring[ring_count++ % sizeof(ring)] = lower[i];
    }
    if (cls != last_class) {
      if (out->shape_length < sizeof(out->shape)) out->shape[out->shape_length++] = cls;
      run = 0;
    }
    if (++run <= 3 && out->long_shape_length < sizeof(out->long_shape))
      out->long_shape[out->long_shape_length++] = cls;
    last_class = cls;
  }
  const size_t tail = std::min(ring_count, sizeof(ring));
  for (size_t i = 0; i < tail; ++i) out->tail[i] = ring[(ring_count - tail + i) % sizeof(ring)];
  out->tail_length = static_cast<uint8_t>(tail);
  out->surface_hash = surface_hash.Finish();
  out->lower_hash = lower_hash.Finish();
  uint8_t case_class = kMixed;
  if (letters == 0)
    case_class = kNoLetters;
  else if (uppers == 0)
    case_class = kLower;
  else if (uppers == letters && letters >= 2)
    case_class = kUpper;
  else if (first_upper && !rest_has_upper)
    case_class = kTitle;
  out->case_class = static_cast<uint8_t>(case_class + (digit ? 8 : 0));
  out->lexical = 0;
  out->hint = 0;
  if (lexicon != nullptr && !out->truncated) out->lexical = LexicalBits(*lexicon, out->Lower());
}

void BoundaryWord(bool start, WordForm* out) {
  out->surface_hash = start ? kStartHash : kEndHash;
  out->lower_hash = out->surface_hash;
  out->lower_length = 0;
  out->truncated = false;
  out->tail_length = 0;
  out->shape[0] = start ? 'S' : 'E';  // no word has these shapes
  out->shape_length = 1;
  out->long_shape[0] = out->shape[0];
  out->long_shape_length = 1;
  out->case_class = 0xFF;
  out->lexical = 0xFFFF;
  out->hint = ~uint64_t{0};
}

int TypeKeys(const WordForm& word, int offset, uint32_t features, uint64_t* keys) {
  int n = 0;
  const std::string_view tail(word.tail, word.tail_length);
  const std::string_view shape(word.shape, word.shape_length);
  if (offset == 0) {
    if (features & kFeatWord) {
      keys[n++] = Key(word.lower_hash, kTplWord, 0);
      for (size_t s = 1; s <= 4 && s <= tail.size(); ++s)
        keys[n++] = Key(HashBytes(tail.substr(tail.size() - s)),
                        static_cast<Template>(kTplSuffix1 + s - 1), 0);
      for (size_t p = 1; p <= 3 && p <= word.lower_length; ++p)
        keys[n++] = Key(HashBytes(word.Lower().substr(0, p)),
                        static_cast<Template>(kTplPrefix1 + p - 1), 0);
      keys[n++] = Key(HashBytes(shape), kTplShape, 0);
      keys[n++] = Key(word.case_class, kTplCase, 0);
    }
    if (features & kFeatLongShape)
      keys[n++] = Key(HashBytes({word.long_shape, word.long_shape_length}), kTplLongShape, 0);
    if (features & kFeatLexical) keys[n++] = Key(word.lexical, kTplLexical, 0);
    return n;
  }
  if (features & kFeatContextWords) {
    keys[n++] = Key(word.lower_hash, kTplWord, offset);
    if (offset == -1 || offset == 1) {
      if (tail.size() >= 3)
        keys[n++] = Key(HashBytes(tail.substr(tail.size() - 3)), kTplSuffix3, offset);
      keys[n++] = Key(HashBytes(shape), kTplShape, offset);
    }
  }
  if ((features & kFeatContextLexical) && (offset == -1 || offset == 1))
    keys[n++] = Key(word.lexical, kTplLexical, offset);
  if ((features & kFeatHints) && offset > 0) keys[n++] = Key(word.hint, kTplHint, offset);
  return n;
}

int HistoryKeys(uint32_t prev, uint32_t prev2, uint32_t features, uint64_t* keys) {
  if (!(features & kFeatTagHistory)) return 0;
  keys[0] = Key(prev, kTplTag1, 0);
  keys[1] = Key(prev2, kTplTag2, 0);
  keys[2] = Key((static_cast<uint64_t>(prev) << 16) | prev2, kTplTags12, 0);
  return 3;
}

uint64_t TagWordKey(uint32_t prev, uint64_t lower_hash) {
  return Key(Mix(lower_hash, prev), kTplTagWord, 0);
}

uint64_t LeftPairKey(uint64_t prev_lower, uint64_t lower) {
  return Key(Mix(prev_lower, lower), kTplLeftPair, 0);
}

uint64_t RightPairKey(uint64_t lower, uint64_t next_lower) {
  return Key(Mix(lower, next_lower), kTplRightPair, 0);
}

void SentencePairKeys(std::span<const uint64_t> lower_hash, uint64_t* keys) {
  const size_t n = lower_hash.size();
  if (n == 0) return;
  // Pair p joins word p - 1 and word p (the boundaries at -1 and n): the
  // left pair of word p and the right pair of word p - 1.
  for (size_t p = 0; p <= n; ++p) {
    const uint64_t first = p == 0 ? kStartHash : lower_hash[p - 1];
    const uint64_t second = p == n ? kEndHash : lower_hash[p];
    const uint64_t pair = Mix(first, second);
    if (p < n) keys[2 * p] = Key(pair, kTplLeftPair, 0);
    if (p > 0) keys[2 * p - 1] = Key(pair, kTplRightPair, 0);
  }
}

uint64_t BoundaryLowerHash(bool start) { return start ? kStartHash : kEndHash; }

uint64_t BiasKey() { return Key(0, kTplBias, 0); }

}  // namespace kg::pos
