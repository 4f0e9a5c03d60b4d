#include "extract/pos/lemmatizer.h"

#include <cstring>

#include "extract/pos/embedded_data.h"
#include "extract/pos/morphology.h"

namespace kg::pos {
namespace {

uint64_t XposBit(Xpos tag) { return uint64_t{1} << static_cast<unsigned>(tag); }

// Writes the lower-case form of `word` to `out` (at least word.size()
// bytes): ASCII and Latin-1 capitals lowered, curly apostrophes made
// straight. Returns the length.
size_t LowerInto(std::string_view word, char* out) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte >= 'A' && byte <= 'Z') {
      out[n++] = static_cast<char>(byte + 32);
    } else if (byte == 0xC3 && i + 1 < word.size()) {
      const auto next = static_cast<unsigned char>(word[i + 1]);
      out[n++] = word[i];
      out[n++] =
          static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
      ++i;
    } else if (byte == 0xE2 && i + 2 < word.size() && word[i + 1] == '\x80' &&
               (word[i + 2] == '\x98' || word[i + 2] == '\x99')) {
      out[n++] = '\'';
      i += 2;
    } else {
      out[n++] = word[i];
    }
  }
  return n;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// For words WordNet does not know: undo the inflection by spelling rules
// alone ("tweeted" -> "tweet", "stopping" -> "stop", "googled" -> "google").
std::string_view GuessStem(std::string_view lower, Inflection inflection, char* out) {
  auto copy = [&](std::string_view stem, std::string_view ending) {
    std::memcpy(out, stem.data(), stem.size());
    std::memcpy(out + stem.size(), ending.data(), ending.size());
    return std::string_view(out, stem.size() + ending.size());
  };
  auto strip = [&](std::string_view suffix) {
    return lower.size() > suffix.size() + 1 && lower.ends_with(suffix);
  };
  switch (inflection) {
    case Inflection::kPlural:
    case Inflection::kThirdPerson:
      if (strip("ies")) return copy(lower.substr(0, lower.size() - 3), "y");
      for (const std::string_view es : {"sses", "ches", "shes", "xes", "zzes"})
        if (strip(es)) return lower.substr(0, lower.size() - 2);
      if (strip("s") && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is"))
        return lower.substr(0, lower.size() - 1);
      return lower;
    case Inflection::kPast:
    case Inflection::kGerund: {
      const std::string_view suffix = inflection == Inflection::kPast ? "ed" : "ing";
      if (!strip(suffix)) return lower;
      std::string_view stem = lower.substr(0, lower.size() - suffix.size());
      if (inflection == Inflection::kPast && stem.ends_with('i'))
        return copy(stem.substr(0, stem.size() - 1), "y");
      const char last = stem.back();
      const char before = stem[stem.size() - 2];
      if (last == before && std::strchr("bdgmnprt", last) != nullptr)
        return stem.substr(0, stem.size() - 1);  // stopped -> stop
      if ((last == 'l' && std::strchr("bcdgkpt", before) != nullptr) || last == 'v' ||
          (last == 'c' && IsVowel(before)))
        return copy(stem, "e");  // googled -> google, solved -> solve
      return stem;
    }
    case Inflection::kComparative:
    case Inflection::kSuperlative: {
      const std::string_view suffix = inflection == Inflection::kComparative ? "er" : "est";
      if (!strip(suffix)) return lower;
      const std::string_view stem = lower.substr(0, lower.size() - suffix.size());
      if (stem.ends_with('i')) return copy(stem.substr(0, stem.size() - 1), "y");
      return stem;
    }
  }
  return lower;
}

}  // namespace

Result<Lemmatizer> Lemmatizer::Create(const Lexicon& lexicon, std::string_view overrides,
                                      std::string_view source) {
  Lemmatizer lemmatizer;
  lemmatizer.lexicon_ = &lexicon;
  size_t line_number = 0;
  for (size_t pos = 0; pos < overrides.size();) {
    size_t end = overrides.find('\n', pos);
    if (end == std::string_view::npos) end = overrides.size();
    const std::string_view line = overrides.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](const std::string& what) {
      return Status::Error(std::string(source) + ":" + std::to_string(line_number) + ": " + what);
    };
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || line.find('\t', tab2 + 1) != std::string_view::npos)
      return error("expected 3 tab-separated fields: form, tags, lemma");
    Override entry;
    entry.form = line.substr(0, tab1);
    entry.lemma = line.substr(tab2 + 1);
    if (entry.form.empty() || entry.lemma.empty()) return error("empty form or lemma");
    const std::string_view tags = line.substr(tab1 + 1, tab2 - tab1 - 1);
    for (size_t at = 0; at <= tags.size();) {
      size_t comma = tags.find(',', at);
      if (comma == std::string_view::npos) comma = tags.size();
      const std::string_view name = tags.substr(at, comma - at);
      at = comma + 1;
      if (name == "*") {
        entry.tags = ~uint64_t{0};
      } else if (const auto tag = ParseXpos(name)) {
        entry.tags |= XposBit(*tag);
      } else {
        return error("unknown Penn Treebank tag \"" + std::string(name) + "\"");
      }
    }
    lemmatizer.overrides_.push_back(std::move(entry));
  }
  return lemmatizer;
}

const Lemmatizer& Lemmatizer::Default() {
  // Built from data compiled into kg; the pos tests check that it parses.
  static const Lemmatizer kDefault = [] {
    auto created =
        Create(Lexicon::Default(), EmbeddedLemmaOverrides(), "(built-in lemma-overrides.tsv)");
    if (created.ok()) return std::move(created).value();
    Lemmatizer fallback;
    fallback.lexicon_ = &Lexicon::Default();
    return fallback;
  }();
  return kDefault;
}

const Lemmatizer::Override* Lemmatizer::FindOverride(std::string_view lower, Xpos tag) const {
  for (const Override& entry : overrides_)
    if ((entry.tags & XposBit(tag)) && entry.form == lower) return &entry;
  return nullptr;
}

std::string_view Lemmatizer::Lemma(std::string_view word, PosTag tag, std::string& scratch) const {
  if (tag.xpos == Xpos::kNnp) return word;
  // scratch: the lower-case form, then room for a candidate lemma (rules
  // never lengthen a word by more than they remove).
  if (scratch.size() < 2 * word.size() + 8) scratch.resize(2 * word.size() + 8);
  char* lower_data = scratch.data();
  const std::string_view lower(lower_data, LowerInto(word, lower_data));
  if (tag.xpos == Xpos::kNnps) {
    // "Democrats" -> "Democrat": the plural ending goes, the case stays.
    const std::string_view base = Inflected(lower, Xpos::kNns, scratch);
    if (base.size() < lower.size() && base == lower.substr(0, base.size()) &&
        !lexicon_->Has(lower, WordClass::kNoun))
      return word.substr(0, word.size() - (lower.size() - base.size()));
    return word;
  }
  if (const Override* entry = FindOverride(lower, tag.xpos)) return entry->lemma;
  return Inflected(lower, tag.xpos, scratch);
}

// The lemma of lower-case `lower` (at the start of `scratch`) as an
// inflected form for `tag`; `lower` itself for tags without inflection.
std::string_view Lemmatizer::Inflected(std::string_view lower, Xpos tag,
                                       std::string& scratch) const {
  WordClass word_class;
  Inflection inflection;
  switch (tag) {
    case Xpos::kNns:
    case Xpos::kNnps:
      word_class = WordClass::kNoun, inflection = Inflection::kPlural;
      break;
    case Xpos::kVbz:
      word_class = WordClass::kVerb, inflection = Inflection::kThirdPerson;
      break;
    case Xpos::kVbd:
    case Xpos::kVbn:
      word_class = WordClass::kVerb, inflection = Inflection::kPast;
      break;
    case Xpos::kVbg:
      word_class = WordClass::kVerb, inflection = Inflection::kGerund;
      break;
    case Xpos::kJjr:
      word_class = WordClass::kAdj, inflection = Inflection::kComparative;
      break;
    case Xpos::kJjs:
      word_class = WordClass::kAdj, inflection = Inflection::kSuperlative;
      break;
    case Xpos::kRbr:
      word_class = WordClass::kAdv, inflection = Inflection::kComparative;
      break;
    case Xpos::kRbs:
      word_class = WordClass::kAdv, inflection = Inflection::kSuperlative;
      break;
    case Xpos::kVb:
    case Xpos::kVbp: {
      // Base forms, except the irregular ones WordNet has no verb for ("are").
      if (lexicon_->Has(lower, WordClass::kVerb)) return lower;
      const std::string_view irregular = lexicon_->Exception(lower, WordClass::kVerb);
      return irregular.empty() ? lower : irregular;
    }
    default:
      return lower;
  }
  if (const std::string_view irregular = lexicon_->Exception(lower, word_class); !irregular.empty())
    return irregular;
  char* candidate = scratch.data() + lower.size();
  const size_t capacity = scratch.size() - lower.size();
  for (const SuffixRule& rule : SuffixRules()) {
    if (rule.word_class != word_class || rule.inflection != inflection) continue;
    const std::string_view base = ApplyRule(rule, lower, candidate, capacity);
    if (!base.empty() && lexicon_->Has(base, word_class)) return base;
  }
  // Adverbs compare with adjective rules ("harder" -> "hard").
  if (word_class == WordClass::kAdv) {
    for (const SuffixRule& rule : SuffixRules()) {
      if (rule.word_class != WordClass::kAdj || rule.inflection != inflection) continue;
      const std::string_view base = ApplyRule(rule, lower, candidate, capacity);
      if (!base.empty() && lexicon_->Classes(base) != 0) return base;
    }
  }
  if (lexicon_->Has(lower, word_class)) return lower;  // "news", "physics"
  return GuessStem(lower, inflection, candidate);
}

}  // namespace kg::pos
