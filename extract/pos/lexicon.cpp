#include "extract/pos/lexicon.h"

#include <limits>

#include "extract/pos/embedded_data.h"
#include "extract/pos/hash.h"

namespace kg::pos {
namespace {

constexpr size_t kMaxForm = std::numeric_limits<uint8_t>::max();

bool ParseClass(char letter, WordClass* out) {
  switch (letter) {
    case 'n':
      *out = WordClass::kNoun;
      return true;
    case 'v':
      *out = WordClass::kVerb;
      return true;
    case 'a':
      *out = WordClass::kAdj;
      return true;
    case 'r':
      *out = WordClass::kAdv;
      return true;
    default:
      return false;
  }
}

// Next tab-separated field of `line`, advancing it.
std::string_view NextField(std::string_view* line) {
  const size_t tab = line->find('\t');
  const std::string_view field = line->substr(0, tab);
  line->remove_prefix(tab == std::string_view::npos ? line->size() : tab + 1);
  return field;
}

}  // namespace

Result<Lexicon> Lexicon::Parse(std::string_view tsv, std::string_view source) {
  if (tsv.size() >= std::numeric_limits<uint32_t>::max())
    return Status::Error(std::string(source) + ": lexicon too large");
  Lexicon lexicon;
  lexicon.text_.assign(tsv);
  const std::string_view text = lexicon.text_;
  size_t line_number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    const size_t line_start = pos;
    pos = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](const std::string& what) {
      return Status::Error(std::string(source) + ":" + std::to_string(line_number) + ": " + what);
    };
    const std::string_view form = NextField(&line);
    const std::string_view classes = NextField(&line);
    if (form.empty() || form.size() > kMaxForm) return error("bad form");
    Entry entry;
    entry.form = static_cast<uint32_t>(line_start);
    entry.form_length = static_cast<uint8_t>(form.size());
    for (const char letter : classes) {
      WordClass c;
      if (!ParseClass(letter, &c))
        return error("unknown word class '" + std::string(1, letter) + "'");
      entry.classes = static_cast<uint8_t>(entry.classes | ClassBit(c));
    }
    entry.first_exception = static_cast<uint32_t>(lexicon.exceptions_.size());
    const std::string_view irregulars = NextField(&line);
    for (size_t at = 0; at < irregulars.size();) {
      size_t space = irregulars.find(' ', at);
      if (space == std::string_view::npos) space = irregulars.size();
      const std::string_view item = irregulars.substr(at, space - at);
      at = space + 1;
      Irregular irregular;
      if (item.size() < 3 || item[1] != '=' || !ParseClass(item[0], &irregular.word_class) ||
          item.size() - 2 > kMaxForm)
        return error("bad exception \"" + std::string(item) + "\"");
      irregular.lemma = static_cast<uint32_t>(item.data() + 2 - text.data());
      irregular.length = static_cast<uint8_t>(item.size() - 2);
      lexicon.exceptions_.push_back(irregular);
    }
    if (lexicon.exceptions_.size() - entry.first_exception > kMaxForm)
      return error("too many exceptions");
    entry.exception_count =
        static_cast<uint8_t>(lexicon.exceptions_.size() - entry.first_exception);
    if (!line.empty()) return error("extra fields");
    lexicon.entries_.push_back(entry);
  }
  size_t capacity = 16;
  while (capacity < lexicon.entries_.size() * 2) capacity *= 2;
  lexicon.slots_.assign(capacity, 0);
  for (size_t i = 0; i < lexicon.entries_.size(); ++i) {
    const Entry& entry = lexicon.entries_[i];
    const std::string_view form = lexicon.Text(entry.form, entry.form_length);
    if (lexicon.Find(form) != nullptr)
      return Status::Error(std::string(source) + ": form \"" + std::string(form) +
                           "\" listed twice");
    const uint64_t hash = HashBytes(form);
    size_t slot = hash & (capacity - 1);
    while (lexicon.slots_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    lexicon.slots_[slot] = (hash & 0xFFFFFFFF00000000ULL) | (i + 1);
  }
  return lexicon;
}

const Lexicon& Lexicon::Default() {
  // Built from data compiled into kg; the pos tests check that it parses.
  static const Lexicon kDefault = [] {
    auto parsed = Parse(EmbeddedLexicon(), "(built-in wordnet-lexicon.tsv)");
    return parsed.ok() ? std::move(parsed).value() : Lexicon();
  }();
  return kDefault;
}

const Lexicon::Entry* Lexicon::Find(std::string_view lower) const {
  if (slots_.empty()) return nullptr;
  const uint64_t hash = HashBytes(lower);
  const uint64_t high = hash & 0xFFFFFFFF00000000ULL;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if ((slots_[slot] & 0xFFFFFFFF00000000ULL) != high) continue;
    const Entry& entry = entries_[(slots_[slot] & 0xFFFFFFFFULL) - 1];
    if (Text(entry.form, entry.form_length) == lower) return &entry;
  }
  return nullptr;
}

uint8_t Lexicon::Classes(std::string_view lower) const {
  const Entry* entry = Find(lower);
  return entry == nullptr ? 0 : entry->classes;
}

void Lexicon::Describe(std::string_view lower, uint8_t* classes, uint8_t* irregular) const {
  *classes = 0;
  *irregular = 0;
  const Entry* entry = Find(lower);
  if (entry == nullptr) return;
  *classes = entry->classes;
  for (uint32_t i = 0; i < entry->exception_count; ++i)
    *irregular = static_cast<uint8_t>(*irregular |
                                      ClassBit(exceptions_[entry->first_exception + i].word_class));
}

std::string_view Lexicon::Exception(std::string_view lower, WordClass c) const {
  const Entry* entry = Find(lower);
  if (entry == nullptr) return {};
  for (uint32_t i = 0; i < entry->exception_count; ++i) {
    const Irregular& irregular = exceptions_[entry->first_exception + i];
    if (irregular.word_class == c) return Text(irregular.lemma, irregular.length);
  }
  return {};
}

}  // namespace kg::pos
