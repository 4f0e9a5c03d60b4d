#include "extract/tokenizer.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "core/unicode.h"
#include "core/utf8.h"

namespace kg {
namespace {

// Character classes come from Unicode's tables (core/unicode.h).
using unicode::IsSpace;
using unicode::IsUpper;
using unicode::IsWordChar;

// Two bytes as an index into a 65,536-bit set.
size_t EndingKey(char before_last, char last) {
  return size_t{static_cast<unsigned char>(before_last)} << 8 | static_cast<unsigned char>(last);
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Classes of ASCII bytes, looked up once per byte: words are mostly ASCII,
// and a table answers in one load what the range tests answer in several.
enum AsciiClass : uint8_t {
  kAsciiWord = 1,    // letter or digit: IsWordChar
  kAsciiLetter = 2,  // IsLetter
  kAsciiUpper = 4,   // IsUpper
  kAsciiPeriod = 8,
};
constexpr std::array<uint8_t, 256> kAsciiClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (size_t c = '0'; c <= '9'; ++c) classes[c] = kAsciiWord;
  for (size_t c = 'a'; c <= 'z'; ++c) classes[c] = kAsciiWord | kAsciiLetter;
  for (size_t c = 'A'; c <= 'Z'; ++c) classes[c] = kAsciiWord | kAsciiLetter | kAsciiUpper;
  classes[size_t{'.'}] = kAsciiPeriod;
  return classes;
}();
uint8_t AsciiClassOf(char c) { return kAsciiClasses[static_cast<unsigned char>(c)]; }

// Per ASCII byte: 1 for a letter, plus 1 << 32 for an uppercase one, so
// that one addition a byte counts both (a text is under 4 GB: Spans are
// 32-bit).
constexpr std::array<uint64_t, 256> kLetterCounts = [] {
  std::array<uint64_t, 256> counts{};
  for (size_t c = 'a'; c <= 'z'; ++c) counts[c] = 1;
  for (size_t c = 'A'; c <= 'Z'; ++c) counts[c] = 1 | uint64_t{1} << 32;
  return counts;
}();

bool IsLetter(char32_t cp) { return unicode::IsLetter(cp); }

// Typographic quotes and dashes compare as their ASCII forms.
std::string_view FoldPunctuation(char32_t cp, std::string_view raw) {
  switch (cp) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0xAB:
    case 0xBB:
      return "\"";
    case 0x2018:
    case 0x2019:
    case 0x201A:
      return "'";
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    default:
      return raw;
  }
}

// Appends the comparison form of a word: ASCII letters lowercased, curly
// apostrophes folded, periods dropped ("U.S." -> "us"). It is never longer
// than the word: written in place, then cut to size.
void AppendWordNorm(std::string_view word, std::string* out) {
  const size_t begin = out->size();
  out->resize(begin + word.size());
  char* next = out->data() + begin;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == '.') continue;
    if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' &&
        (word[i + 2] == '\x98' || word[i + 2] == '\x99')) {
      *next++ = '\'';
      i += 2;
      continue;
    }
    *next++ = IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out->resize(static_cast<size_t>(next - out->data()));
}

class Scanner {
 public:
  Scanner(std::string_view text, const Tokenizer::WordSet& abbreviations,
          const std::vector<std::string>& clitics, const std::bitset<65536>& clitic_endings,
          DocumentAnalysis* doc, size_t max_tokens)
      : text_(text),
        abbreviations_(abbreviations),
        clitics_(clitics),
        clitic_endings_(clitic_endings),
        doc_(*doc),
        max_tokens_(max_tokens) {}

  void Run() {
    while (pos_ < text_.size() && doc_.tokens.size() < max_tokens_) {
      size_t length = 0;
      const char32_t cp = utf8::Decode(text_, pos_, &length);
      if (IsSpace(cp)) {
        space_ = true;
        if (cp == '\n') newline_ = true;
        pos_ += length;
      } else if (IsApostrophe(cp) && IsPossessiveAt(pos_)) {
        Emit(pos_, pos_ + length + 1, "'s");
      } else if (IsWordChar(cp)) {
        ScanWord();
      } else if (cp == '-' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '-') {
        // "--" is a dash, as "—" is; a single "-" joins words.
        size_t end = pos_ + 2;
        while (end < text_.size() && text_[end] == '-') ++end;
        Emit(pos_, end, "--");
      } else {
        Emit(pos_, pos_ + length, FoldPunctuation(cp, text_.substr(pos_, length)));
      }
    }
  }

 private:
  char32_t At(size_t pos, size_t* length) const {
    if (pos >= text_.size()) {
      *length = 0;
      return 0;
    }
    return utf8::Decode(text_, pos, length);
  }

  // An apostrophe at `pos` followed by "s" and then no letter.
  bool IsPossessiveAt(size_t pos) const {
    size_t length = 0;
    At(pos, &length);
    const size_t s = pos + length;
    if (s >= text_.size() || (text_[s] != 's' && text_[s] != 'S')) return false;
    size_t after = 0;
    const char32_t next = At(s + 1, &after);
    return after == 0 || !IsWordChar(next);
  }

  void ScanWord() {
    const size_t start = pos_;
    const size_t size = text_.size();
    // The ASCII letters and digits that open the word, counted as they
    // go by: most words are nothing else, and then neither their
    // comparison form nor their flags need another look at each byte.
    size_t pos = pos_;
    uint64_t counts = 0;  // both counts in one sum: see kLetterCounts
    while (pos < size && (AsciiClassOf(text_[pos]) & kAsciiWord))
      counts += kLetterCounts[static_cast<unsigned char>(text_[pos++])];
    const auto letters = static_cast<uint32_t>(counts);
    const auto uppers = static_cast<uint32_t>(counts >> 32);
    pos_ = pos;
    bool simple = true;  // only the letters and digits counted above
    size_t length = 0;
    while (pos_ < size) {
      if (AsciiClassOf(text_[pos_]) & kAsciiWord) {  // no decoding
        ++pos_;
        continue;
      }
      const char32_t cp = At(pos_, &length);
      if (IsWordChar(cp)) {
        pos_ += length;
        simple = false;
        continue;
      }
      size_t next_length = 0;
      const char32_t next = At(pos_ + length, &next_length);
      if (IsApostrophe(cp) && next_length > 0 && IsLetter(next) && !IsPossessiveAt(pos_)) {
        pos_ += length;  // O'Brien, don't
        simple = false;
        continue;
      }
      if ((cp == ',' || cp == '.') && IsAsciiDigit(text_[pos_ - 1]) && next_length > 0 &&
          next < 0x80 && IsAsciiDigit(static_cast<char>(next))) {
        pos_ += length;  // 1,000 and 3.5
        simple = false;
        continue;
      }
      if (cp == '.' && IsDottedAcronymContinuation(start)) {
        pos_ += length;  // U.S -> continue to the next letter
        simple = false;
        continue;
      }
      break;
    }
    size_t end = pos_;
    const std::string_view word = text_.substr(start, end - start);
    if (end < size && text_[end] == '.' && KeepsPeriod(word)) {
      ++end;
      simple = false;
    }
    pos_ = end;
    // "didn't" -> "did" + "n't", "we'll" -> "we" + "'ll". The comparison
    // form is made once: a clitic's is the end of its word's.
    const size_t norm_begin = doc_.norm_text.size();
    if (simple) {
      doc_.norm_text.append(text_.data() + start, end - start);
      if (uppers > 0) {
        for (size_t i = norm_begin; i < doc_.norm_text.size(); ++i) {
          char& c = doc_.norm_text[i];
          if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
        }
      }
    } else {
      AppendWordNorm(text_.substr(start, end - start), &doc_.norm_text);
    }
    const size_t norm_end = doc_.norm_text.size();
    if (const size_t clitic = ListedClitic(norm_begin, norm_end); clitic > 0) {
      const size_t split = CliticStart(start, end, clitic);
      if (split > start) {
        Push(start, split, norm_begin, norm_end - clitic);
        Push(split, end, norm_end - clitic, norm_end);
        return;
      }
    }
    if (!simple) {
      Push(start, end, norm_begin, norm_end);
      return;
    }
    // The flags Push would find, from the counts.
    uint16_t flags = kTokenWord;
    if (IsAsciiDigit(text_[start])) flags |= kTokenNumber;
    if (IsAsciiUpper(text_[start])) flags |= kTokenCapitalized;
    if (letters >= 2 && uppers == letters) flags |= kTokenAllCaps;
    PushWithFlags(start, end, norm_begin, norm_end, flags);
  }

  // The length of the longest listed clitic the comparison form
  // norm_text[begin, end) ends with, shorter than it; 0 when none.
  size_t ListedClitic(size_t begin, size_t end) const {
    const std::string_view norm = std::string_view(doc_.norm_text).substr(begin, end - begin);
    if (norm.size() < 2 || !clitic_endings_.test(EndingKey(norm[norm.size() - 2], norm.back())))
      return 0;
    for (const std::string& clitic : clitics_) {  // longest first
      if (norm.size() > clitic.size() && norm.back() == clitic.back() && EndsWith(norm, clitic))
        return clitic.size();
    }
    return 0;
  }

  // Where a clitic of `chars` characters begins in the word [start, end) as
  // written: a curly apostrophe is three bytes.
  size_t CliticStart(size_t start, size_t end, size_t chars) const {
    size_t split = end;
    for (size_t c = 0; c < chars && split > start; ++c) {
      do {
        --split;
      } while (split > start && (static_cast<unsigned char>(text_[split]) & 0xC0) == 0x80);
    }
    return split;
  }

  // At a '.', within a word that so far is letters separated by single
  // periods ("U", "U.S"), and a single letter follows: "U.S." is one token.
  bool IsDottedAcronymContinuation(size_t start) const {
    const std::string_view so_far = text_.substr(start, pos_ - start);
    for (size_t i = 0; i < so_far.size(); ++i) {
      const bool letter_slot = i % 2 == 0;
      if (letter_slot != (so_far[i] != '.')) return false;
      if (letter_slot && !IsAsciiAlpha(so_far[i])) return false;
    }
    const size_t next = pos_ + 1;
    if (next >= text_.size() || !IsAsciiAlpha(text_[next])) return false;
    return next + 1 >= text_.size() || !IsAsciiAlpha(text_[next + 1]);
  }

  bool KeepsPeriod(std::string_view word) const {
    if (word.find('.') != std::string_view::npos) return true;   // U.S -> U.S.
    if (word.size() == 1 && IsAsciiUpper(word[0])) return true;  // initial "J."
    return abbreviations_.find(word) != abbreviations_.end();
  }

  // A word token: its comparison form is computed from the text.
  // A token whose comparison form is given.
  void Emit(size_t begin, size_t end, std::string_view norm) {
    const size_t norm_begin = doc_.norm_text.size();
    doc_.norm_text.append(norm);
    Push(begin, end, norm_begin, doc_.norm_text.size());
  }

  void Push(size_t begin, size_t end, size_t norm_begin, size_t norm_end) {
    Token token;
    size_t length = 0;
    const char32_t first = At(begin, &length);
    if (IsWordChar(first)) {
      token.flags |= kTokenWord;
      if (first < 0x80 && IsAsciiDigit(static_cast<char>(first))) token.flags |= kTokenNumber;
      if (IsUpper(first)) token.flags |= kTokenCapitalized;
      int letters = 0;
      bool all_upper = true;
      for (size_t p = begin; p < end; p += length) {
        const auto byte = static_cast<unsigned char>(text_[p]);
        if (byte < 0x80) {  // most words are ASCII: no decoding
          length = 1;
          const uint8_t cls = AsciiClassOf(static_cast<char>(byte));
          if (cls & kAsciiPeriod) token.flags |= kTokenPeriod;
          if (cls & kAsciiLetter) {
            ++letters;
            all_upper = all_upper && (cls & kAsciiUpper) != 0;
          }
          continue;
        }
        const char32_t cp = utf8::DecodeMultibyte(text_, p, &length);
        if (!IsLetter(cp)) continue;
        ++letters;
        if (!IsUpper(cp)) all_upper = false;
      }
      if (letters >= 2 && all_upper) token.flags |= kTokenAllCaps;
    }
    PushWithFlags(begin, end, norm_begin, norm_end, token.flags);
  }

  // A token whose word flags (kTokenWord and those it implies) are known.
  void PushWithFlags(size_t begin, size_t end, size_t norm_begin, size_t norm_end, uint16_t flags) {
    Token token;
    token.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    token.norm = {static_cast<uint32_t>(norm_begin), static_cast<uint32_t>(norm_end)};
    token.word = kNoWord;  // looked up for the whole text at the end: see Tokenize()
    token.flags = flags;
    if (space_) token.flags |= kTokenSpaceBefore;
    if (newline_) token.flags |= kTokenNewlineBefore;
    doc_.tokens.push_back(token);
    space_ = false;
    newline_ = false;
    pos_ = end;
  }

  std::string_view text_;
  const Tokenizer::WordSet& abbreviations_;
  const std::vector<std::string>& clitics_;
  const std::bitset<65536>& clitic_endings_;
  DocumentAnalysis& doc_;
  size_t max_tokens_;
  size_t pos_ = 0;
  bool space_ = true;
  bool newline_ = true;
};

}  // namespace

Tokenizer::Tokenizer(const std::vector<std::string>& abbreviations,
                     const std::vector<std::string>& clitics, const WordIndex* words)
    : clitics_(clitics), words_(words) {
  for (const auto& abbreviation : abbreviations) {
    std::string_view word = abbreviation;
    if (EndsWith(word, ".")) word.remove_suffix(1);
    abbreviations_.emplace(word);
    phrase_abbreviations_.emplace(word);
    phrase_abbreviations_.emplace(AsciiLower(word));
  }
  std::sort(clitics_.begin(), clitics_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& clitic : clitics_) {
    if (clitic.size() >= 2) {
      clitic_endings_.set(EndingKey(clitic[clitic.size() - 2], clitic.back()));
    } else if (clitic.size() == 1) {
      for (int before = 0; before < 256; ++before)
        clitic_endings_.set(EndingKey(static_cast<char>(before), clitic.back()));
    }
  }
}

void Tokenizer::TokenizePhrase(std::string_view phrase, DocumentAnalysis* doc) const {
  // Only the scan: a phrase's words are interned by the rule pack itself.
  Scanner(phrase, phrase_abbreviations_, clitics_, clitic_endings_, doc, SIZE_MAX).Run();
}

void Tokenizer::Tokenize(std::string_view text, DocumentAnalysis* doc, size_t max_tokens) const {
  // Room for a token per three bytes: prose has one per five or six, so
  // the vector rarely grows. Reserving a token per byte, the most a text
  // can hold, made every article's vector mostly untouched pages that cost
  // a page fault each time an allocation landed on fresh ones.
  doc->tokens.reserve(doc->tokens.size() + std::min(text.size() / 3, max_tokens) + 16);
  doc->norm_text.reserve(doc->norm_text.size() + text.size() + 8);
  const size_t first = doc->tokens.size();
  Scanner(text, abbreviations_, clitics_, clitic_endings_, doc, max_tokens).Run();
  // The word ids, with the slots of the next few tokens prefetched: every
  // lookup is a cache miss, and this way they overlap instead of queueing.
  constexpr size_t kAhead = 8;
  std::array<uint64_t, kAhead> hashes;
  const size_t end = doc->tokens.size();
  const auto hash_of = [&](size_t t) {
    const uint64_t hash = HashWord(doc->tokens[t].norm.In(doc->norm_text));
    words_->Prefetch(hash);
    return hash;
  };
  for (size_t t = first; t < std::min(first + kAhead, end); ++t) hashes[t % kAhead] = hash_of(t);
  // The hashes stay: the passes compare words by them.
  for (size_t t = doc->norm_hashes.size(); t < first; ++t)
    doc->norm_hashes.push_back(HashWord(doc->Norm(t)));
  doc->norm_hashes.resize(end);
  for (size_t t = first; t < end; ++t) {
    Token& token = doc->tokens[t];
    const uint64_t hash = hashes[t % kAhead];
    if (t + kAhead < end) hashes[t % kAhead] = hash_of(t + kAhead);
    doc->norm_hashes[t] = hash;
    token.word = words_->Find(token.norm.In(doc->norm_text), hash);
  }
}

}  // namespace kg
