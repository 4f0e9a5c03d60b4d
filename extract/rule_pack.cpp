#include "extract/rule_pack.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "core/file_io.h"
#include "core/position.h"
#include "core/text.h"
#include "core/unicode.h"
#include "extract/relation_pattern.h"
#include "extract/word_class.h"

namespace kg {
namespace {

constexpr size_t kMaxRuleFileBytes = 64u << 20;

// Lowercase, single-spaced form of a phrase; curly apostrophes folded.
std::string NormalizePhrase(std::string_view text) {
  const std::string folded = FoldApostrophes(Trim(text));
  std::string out;
  for (char c : AsciiLower(folded)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> SplitAliases(std::string_view field) {
  std::vector<std::string> out;
  for (std::string_view alias : Split(field, '|')) {
    alias = Trim(alias);
    if (!alias.empty()) out.emplace_back(alias);
  }
  return out;
}

// A byte order mark that some editors write is not part of the first key.
std::string_view WithoutByteOrderMark(std::string_view text) {
  return StartsWith(text, "\xEF\xBB\xBF") ? text.substr(3) : text;
}

// Walks the meaningful lines of one file: no comments, no blank lines.
class LineReader {
 public:
  LineReader(const RuleFile& file, std::string origin)
      : file_(file),
        origin_(std::move(origin)),
        lines_(Split(WithoutByteOrderMark(file.contents), '\n')) {}

  // Advances to the next meaningful line; false at the end.
  bool Next() {
    while (index_ < lines_.size()) {
      line_ = lines_[index_++];
      if (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
      if (Trim(line_).empty() || Trim(line_).front() == '#') continue;
      return true;
    }
    return false;
  }
  std::string_view line() const { return line_; }
  // "pack/titles.tsv:3": the pack's folder is part of it, so that a problem
  // found after overlaying packs names the pack the line came from.
  std::string Where() const { return origin_ + file_.name + ":" + std::to_string(index_); }
  std::string Source() const { return Where(); }
  Status Error(const std::string& message) const { return Status::Error(Where() + ": " + message); }

  // Splits the line on tabs and checks the field count.
  Result<std::vector<std::string_view>> Fields(size_t min, size_t max) const {
    auto fields = Split(line_, '\t');
    while (fields.size() > min && Trim(fields.back()).empty()) fields.pop_back();
    if (fields.size() < min || fields.size() > max) {
      return Error("expected " + std::to_string(min) +
                   (min == max ? "" : " to " + std::to_string(max)) +
                   " tab-separated fields, found " + std::to_string(fields.size()));
    }
    for (auto& field : fields) field = Trim(field);
    return fields;
  }

 private:
  const RuleFile& file_;
  std::string origin_;
  std::vector<std::string_view> lines_;
  size_t index_ = 0;
  std::string_view line_;
};

Result<EntityType> ParseType(const LineReader& reader, std::string_view text) {
  auto type = ParseEntityType(text);
  if (!type) {
    return reader.Error("unknown entity type \"" + std::string(text) +
                        "\" (PERSON, ORGANIZATION or LOCATION)");
  }
  return *type;
}

Result<TypeSet> ParseTypes(const LineReader& reader, std::string_view text) {
  auto types = TypeSet::Parse(text);
  if (!types) {
    return reader.Error("unknown entity types \"" + std::string(text) +
                        "\" (PERSON, ORGANIZATION, LOCATION joined by /, or *)");
  }
  return *types;
}

Status ParseEntities(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(1, 4);
    if (!fields.ok()) return fields.status();
    const auto& f = *fields;
    LexiconEntry entry;
    entry.name = std::string(f[0]);
    if (entry.name.empty()) return reader.Error("empty name");
    entry.source = reader.Source();
    if (entry.name.front() != '!') {
      if (f.size() < 2) return reader.Error("missing entity type");
      auto type = ParseType(reader, f[1]);
      if (!type.ok()) return type.status();
      entry.type = *type;
      if (f.size() > 2) entry.aliases = SplitAliases(f[2]);
      if (f.size() > 3) entry.metonym_of = std::string(f[3]);
    }
    pack->entities.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status ParseDemonyms(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(3, 3);
    if (!fields.ok()) return fields.status();
    pack->demonyms.push_back({std::string((*fields)[0]), std::string((*fields)[1]),
                              std::string((*fields)[2]), reader.Source()});
  }
  return Status::Ok();
}

Status ParseTitles(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 4);
    if (!fields.ok()) return fields.status();
    std::string relation((*fields)[1]);
    if (relation == "-") relation.clear();
    TitleEntry entry{NormalizePhrase((*fields)[0]), relation, reader.Source()};
    if (fields->size() > 2 && !(*fields)[2].empty()) {
      auto types = ParseTypes(reader, (*fields)[2]);
      if (!types.ok()) return types.status();
      entry.unqualified = *types;
    }
    if (fields->size() > 3) {
      auto types = ParseTypes(reader, (*fields)[3]);
      if (!types.ok()) return types.status();
      entry.affiliations = *types;
    }
    pack->titles.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status ParsePredicates(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 6);
    if (!fields.ok()) return fields.status();
    const auto& f = *fields;
    PredicateEntry entry;
    entry.name = std::string(f[0]);
    for (char c : entry.name) {
      if (!IsAsciiLower(c) && !IsAsciiDigit(c) && c != '_' && c != '!') {
        return reader.Error("predicate \"" + entry.name +
                            "\": use lowercase letters, digits and _");
      }
    }
    if (f[1] != "yes" && f[1] != "no") return reader.Error("symmetric must be yes or no");
    entry.symmetric = f[1] == "yes";
    if (f.size() > 2) {
      auto types = ParseTypes(reader, f[2]);
      if (!types.ok()) return types.status();
      entry.subject_types = *types;
    }
    if (f.size() > 3) {
      auto types = ParseTypes(reader, f[3]);
      if (!types.ok()) return types.status();
      entry.object_types = *types;
    }
    if (f.size() > 4) {
      const auto kind = ParsePredicateKind(f[4]);
      if (!kind)
        return reader.Error("kind must be hostile, cooperative, pressure, role or neutral");
      entry.kind = *kind;
    }
    if (f.size() > 5) entry.description = std::string(f[5]);
    pack->predicates.push_back(std::move(entry));
  }
  return Status::Ok();
}

// A pattern's syntax, and a size the matcher's recursion can afford.
Status CheckPattern(std::string_view text) {
  auto parsed = ParseRelationPattern(text);
  if (!parsed.ok()) return parsed.status();
  if (parsed->elements.size() > kMaxPatternElements) {
    return Status::Error("pattern too long: " + std::to_string(parsed->elements.size()) +
                         " elements (at most " + std::to_string(kMaxPatternElements) + ")");
  }
  return Status::Ok();
}

Status ParsePatterns(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 2);
    if (!fields.ok()) return fields.status();
    PatternEntry entry{std::string((*fields)[0]), std::string((*fields)[1]), reader.Source()};
    // Syntax is checked here so that errors point at the line.
    if (Status checked = CheckPattern(entry.pattern); !checked.ok()) {
      return reader.Error(checked.message());
    }
    pack->patterns.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status ParseCues(LineReader& reader, RulePack* pack) {
  static const std::map<std::string_view, CueScope> kScopes = {{"verb", CueScope::kVerb},
                                                               {"adjacent", CueScope::kAdjacent},
                                                               {"clause", CueScope::kClause},
                                                               {"sentence", CueScope::kSentence},
                                                               {"gerund", CueScope::kGerund}};
  while (reader.Next()) {
    auto fields = reader.Fields(3, 3);
    if (!fields.ok()) return fields.status();
    const auto& f = *fields;
    auto status = ParseRelationStatus(f[1]);
    if (!status) return reader.Error("status must be asserted, negated or hypothetical");
    auto scope = kScopes.find(f[2]);
    if (scope == kScopes.end()) {
      return reader.Error("scope must be verb, adjacent, clause, sentence or gerund");
    }
    pack->cues.push_back({NormalizePhrase(f[0]), *status, scope->second});
  }
  return Status::Ok();
}

Status ParsePronouns(LineReader& reader, RulePack* pack) {
  static const std::map<std::string_view, PronounCase> kCases = {
      {"subject", PronounCase::kSubject},
      {"object", PronounCase::kObject},
      {"possessive", PronounCase::kPossessive},
      {"reflexive", PronounCase::kReflexive}};
  while (reader.Next()) {
    auto fields = reader.Fields(2, 3);
    if (!fields.ok()) return fields.status();
    auto types = ParseTypes(reader, (*fields)[1]);
    if (!types.ok()) return types.status();
    PronounEntry entry{NormalizePhrase((*fields)[0]), *types, {}};
    if (fields->size() > 2) {
      for (std::string_view name : Split((*fields)[2], '|')) {
        auto found = kCases.find(Trim(name));
        if (found == kCases.end()) {
          return reader.Error("pronoun case must be subject, object, possessive or reflexive");
        }
        entry.cases.push_back(found->second);
      }
    }
    pack->pronouns.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status ParseAffiliations(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(3, 3);
    if (!fields.ok()) return fields.status();
    auto types = ParseTypes(reader, (*fields)[2]);
    if (!types.ok()) return types.status();
    pack->affiliations.push_back(
        {NormalizePhrase((*fields)[0]), std::string((*fields)[1]), *types, reader.Source()});
  }
  return Status::Ok();
}

Status ParseLayout(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 2);
    if (!fields.ok()) return fields.status();
    const std::string_view kind = (*fields)[0];
    if (kind != "source_line" && kind != "!source_line") {
      return reader.Error("unknown layout line \"" + std::string(kind) + "\" (source_line)");
    }
    pack->layout.push_back({std::string(kind), std::string((*fields)[1]), reader.Source()});
  }
  return Status::Ok();
}

Status ParseFunctionWords(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 2);
    if (!fields.ok()) return fields.status();
    FunctionWordEntry entry{NormalizePhrase((*fields)[0]), {}, reader.Source()};
    if (entry.word.empty()) return reader.Error("empty word");
    for (std::string_view name : Split((*fields)[1], ',')) {
      name = Trim(name);
      if (!ParseWordClass(name)) {
        return reader.Error("unknown word class \"" + std::string(name) +
                            "\" (see docs/rule-packs.md)");
      }
      entry.classes.emplace_back(name);
    }
    pack->function_words.push_back(std::move(entry));
  }
  return Status::Ok();
}

// "meet/VERB", "call on/VERB", "visit/NOUN".
Status ParseTrigger(const LineReader& reader, std::string_view text, FrameEntry* frame) {
  const size_t slash = text.rfind('/');
  if (slash == std::string_view::npos) {
    return reader.Error("trigger \"" + std::string(text) + "\" needs /VERB or /NOUN");
  }
  const std::string_view pos = text.substr(slash + 1);
  if (pos != "VERB" && pos != "NOUN") {
    return reader.Error("trigger part of speech must be VERB or NOUN, not \"" + std::string(pos) +
                        "\"");
  }
  frame->noun = pos == "NOUN";
  const std::string words = NormalizePhrase(text.substr(0, slash));
  for (std::string_view word : Split(words, ' ')) {
    if (!word.empty()) frame->trigger.emplace_back(word);
  }
  if (frame->trigger.empty()) return reader.Error("empty trigger");
  return Status::Ok();
}

Status ParseFrames(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(3, 4);
    if (!fields.ok()) return fields.status();
    const auto& f = *fields;
    FrameEntry frame;
    frame.predicate = std::string(f[0]);
    frame.source = reader.Source();
    if (Status status = ParseTrigger(reader, f[1], &frame); !status.ok()) return status;
    const std::string markers = NormalizePhrase(f[2]);
    for (std::string_view marker : Split(markers, '|')) {
      marker = Trim(marker);
      if (marker.empty() || marker.find(' ') != std::string_view::npos) {
        return reader.Error("argument markers are single words joined by |, as in object|with");
      }
      if ((marker == "object" || marker == "object_agent") && frame.noun) {
        return reader.Error(
            "a NOUN trigger takes its object through a preposition, not \"object\"");
      }
      frame.markers.emplace_back(marker);
    }
    if (f.size() > 3) {
      auto types = ParseTypes(reader, f[3]);
      if (!types.ok()) return types.status();
      frame.object_types = *types;
    }
    pack->frames.push_back(std::move(frame));
  }
  return Status::Ok();
}

Status ParseDescriptions(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 3);
    if (!fields.ok()) return fields.status();
    auto type = ParseType(reader, (*fields)[1]);
    if (!type.ok()) return type.status();
    const bool named_only = fields->size() == 3;
    if (named_only && (*fields)[2] != "named") {
      return reader.Error("expected \"named\" or nothing in the third column, not \"" +
                          std::string((*fields)[2]) + "\"");
    }
    pack->descriptions.push_back({NormalizePhrase((*fields)[0]), *type, named_only});
  }
  return Status::Ok();
}

Status ParseVerbs(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 2);
    if (!fields.ok()) return fields.status();
    VerbEntry entry{NormalizePhrase((*fields)[0]), {}};
    for (const auto& form : SplitAliases((*fields)[1]))
      entry.forms.push_back(NormalizePhrase(form));
    pack->verbs.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status ParseNameHeads(LineReader& reader, RulePack* pack) {
  while (reader.Next()) {
    auto fields = reader.Fields(2, 2);
    if (!fields.ok()) return fields.status();
    auto type = ParseType(reader, (*fields)[1]);
    if (!type.ok()) return type.status();
    pack->name_heads.push_back({std::string((*fields)[0]), *type});
  }
  return Status::Ok();
}

// One entry per line; `lowercase` folds case for case-insensitive lists.
Status ParseList(LineReader& reader, bool lowercase, std::vector<std::string>* list) {
  while (reader.Next()) {
    auto fields = reader.Fields(1, 1);
    if (!fields.ok()) return fields.status();
    list->push_back(lowercase ? NormalizePhrase((*fields)[0]) : std::string((*fields)[0]));
  }
  return Status::Ok();
}

Status ParseFile(const RuleFile& file, const std::string& origin, RulePack* pack) {
  // Rule files are text: invalid UTF-8, a NUL or another control byte is
  // refused at its place (the tokenizer the phrases go through assumes
  // valid text).
  if (auto bad = unicode::FindNonText(file.contents)) {
    return Status::Error(FilePosition(origin + file.name, file.contents, *bad) + ": " +
                         unicode::DescribeNonText(file.contents, *bad));
  }
  LineReader reader(file, origin);
  const std::string& name = file.name;
  if (EndsWith(name, ".entities.tsv")) return ParseEntities(reader, pack);
  if (name == "demonyms.tsv") return ParseDemonyms(reader, pack);
  if (name == "titles.tsv") return ParseTitles(reader, pack);
  if (name == "predicates.tsv") return ParsePredicates(reader, pack);
  if (name == "relations.tsv" || EndsWith(name, ".relations.tsv"))
    return ParsePatterns(reader, pack);
  if (name == "frames.tsv" || EndsWith(name, ".frames.tsv")) return ParseFrames(reader, pack);
  if (name == "function_words.tsv") return ParseFunctionWords(reader, pack);
  if (name == "affiliations.tsv") return ParseAffiliations(reader, pack);
  if (name == "layout.tsv") return ParseLayout(reader, pack);
  if (name == "clitics.txt") return ParseList(reader, true, &pack->clitics);
  if (name == "news_agencies.txt") return ParseList(reader, false, &pack->news_agencies);
  if (name == "cues.tsv") return ParseCues(reader, pack);
  if (name == "pronouns.tsv") return ParsePronouns(reader, pack);
  if (name == "descriptions.tsv") return ParseDescriptions(reader, pack);
  if (name == "verbs.tsv") return ParseVerbs(reader, pack);
  if (name == "name_heads.tsv") return ParseNameHeads(reader, pack);
  if (name == "given_names.txt" || EndsWith(name, "_given_names.txt")) {
    return ParseList(reader, false, &pack->given_names);
  }
  if (name == "proper_nouns.txt") return ParseList(reader, true, &pack->proper_nouns);
  if (name == "common_words.txt") return ParseList(reader, true, &pack->common_words);
  if (name == "non_names.txt") return ParseList(reader, false, &pack->non_names);
  if (name == "title_modifiers.txt") return ParseList(reader, true, &pack->title_modifiers);
  if (name == "agent_phrases.txt") return ParseList(reader, true, &pack->agent_phrases);
  if (name == "collectives.txt") return ParseList(reader, true, &pack->collectives);
  if (name == "abbreviations.txt") return ParseList(reader, false, &pack->abbreviations);
  if (name == "event_heads.txt") return ParseList(reader, false, &pack->event_heads);
  if (name == "name_particles.txt") return ParseList(reader, true, &pack->name_particles);
  if (name == "place_prepositions.txt") return ParseList(reader, true, &pack->place_prepositions);
  if (name == "place_nouns.txt") return ParseList(reader, true, &pack->place_nouns);
  if (name == "speech_verbs.txt") return ParseList(reader, true, &pack->speech_verbs);
  if (name == "skip_words.txt") return ParseList(reader, true, &pack->skip_words);
  return Status::Error(origin + name +
                       ": unknown rule file (see docs/rule-packs.md for the file names)");
}

// Lays `add` over `base`: an entry whose key matches replaces the old one
// in place, a key starting with "!" removes the entry with the rest of the
// key, and other entries are appended. One hash map over the keys keeps it
// linear in the size of both lists.
template <typename T, typename KeyFn>
void OverlayKeyed(std::vector<T>* base, const std::vector<T>& add, KeyFn key) {
  std::unordered_map<std::string, size_t> where;
  where.reserve(base->size() + add.size());
  for (size_t i = 0; i < base->size(); ++i) where.emplace(key((*base)[i]), i);
  std::vector<bool> removed(base->size(), false);
  for (const T& entry : add) {
    std::string k = key(entry);
    const bool remove = !k.empty() && k.front() == '!';
    if (remove) k.erase(0, 1);
    auto found = where.find(k);
    if (remove) {
      if (found != where.end()) {
        removed[found->second] = true;
        where.erase(found);
      }
    } else if (found != where.end()) {
      (*base)[found->second] = entry;
    } else {
      where.emplace(std::move(k), base->size());
      base->push_back(entry);
      removed.push_back(false);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < base->size(); ++i) {
    if (removed[i]) continue;
    if (kept != i) (*base)[kept] = std::move((*base)[i]);
    ++kept;
  }
  base->resize(kept);
}

void OverlayList(std::vector<std::string>* base, const std::vector<std::string>& add) {
  OverlayKeyed(base, add, [](const std::string& s) { return s; });
}

// Unkeyed entries (patterns, frames) are always added; "!pred" as the
// predicate drops every entry of pred first.
template <typename T>
void OverlayByPredicate(std::vector<T>* base, const std::vector<T>& add) {
  std::set<std::string> dropped;
  for (const T& entry : add) {
    if (!entry.predicate.empty() && entry.predicate.front() == '!') {
      dropped.insert(entry.predicate.substr(1));
    }
  }
  std::erase_if(*base, [&](const T& old) { return dropped.contains(old.predicate); });
  for (const T& entry : add) {
    if (entry.predicate.empty() || entry.predicate.front() != '!') base->push_back(entry);
  }
}

}  // namespace

void RulePack::Overlay(const RulePack& other) {
  OverlayKeyed(&entities, other.entities, [](const LexiconEntry& e) { return e.name; });
  OverlayKeyed(&demonyms, other.demonyms, [](const DemonymEntry& e) { return e.adjective; });
  OverlayKeyed(&titles, other.titles, [](const TitleEntry& e) { return e.phrase; });
  OverlayKeyed(&predicates, other.predicates, [](const PredicateEntry& e) { return e.name; });
  OverlayByPredicate(&patterns, other.patterns);
  OverlayByPredicate(&frames, other.frames);
  OverlayKeyed(&function_words, other.function_words,
               [](const FunctionWordEntry& e) { return e.word; });
  OverlayKeyed(&affiliations, other.affiliations,
               [](const AffiliationEntry& e) { return e.preposition; });
  OverlayKeyed(&layout, other.layout, [](const LayoutEntry& e) { return e.kind; });
  // A phrase may be a cue in several scopes ("to" before a verb and before a gerund).
  OverlayKeyed(&cues, other.cues, [](const CueEntry& e) {
    return e.phrase + "\t" + std::to_string(static_cast<int>(e.scope));
  });
  OverlayKeyed(&pronouns, other.pronouns, [](const PronounEntry& e) { return e.word; });
  OverlayKeyed(&descriptions, other.descriptions,
               [](const DescriptionEntry& e) { return e.phrase; });
  OverlayKeyed(&verbs, other.verbs, [](const VerbEntry& e) { return e.lemma; });
  OverlayKeyed(&name_heads, other.name_heads, [](const NameHeadEntry& e) { return e.word; });
  OverlayList(&given_names, other.given_names);
  OverlayList(&common_words, other.common_words);
  OverlayList(&non_names, other.non_names);
  OverlayList(&title_modifiers, other.title_modifiers);
  OverlayList(&agent_phrases, other.agent_phrases);
  OverlayList(&collectives, other.collectives);
  OverlayList(&abbreviations, other.abbreviations);
  OverlayList(&event_heads, other.event_heads);
  OverlayList(&name_particles, other.name_particles);
  OverlayList(&place_prepositions, other.place_prepositions);
  OverlayList(&place_nouns, other.place_nouns);
  OverlayList(&speech_verbs, other.speech_verbs);
  OverlayList(&skip_words, other.skip_words);
  OverlayList(&clitics, other.clitics);
  OverlayList(&proper_nouns, other.proper_nouns);
  OverlayList(&news_agencies, other.news_agencies);
}

Result<RulePack> ParseRulePack(const std::vector<RuleFile>& files, const std::string& origin) {
  std::vector<const RuleFile*> sorted;
  for (const auto& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(),
            [](const RuleFile* a, const RuleFile* b) { return a->name < b->name; });
  RulePack pack;
  for (const RuleFile* file : sorted) {
    if (Status status = ParseFile(*file, origin, &pack); !status.ok()) return status;
  }
  return pack;
}

Result<RulePack> LoadRulePack(const std::string& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return Status::Error(folder + ": not a rule pack folder");
  }
  std::vector<RuleFile> files;
  for (const auto& item : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = item.path().filename().string();
    if (!item.is_regular_file() || name.front() == '.' || EndsWith(name, ".md")) continue;
    auto contents = ReadFile(item.path().string(), kMaxRuleFileBytes);
    if (!contents.ok()) return contents.status();
    files.push_back({name, std::move(*contents)});
  }
  if (ec) return Status::Error(folder + ": " + ec.message());
  std::string origin = folder;
  if (!origin.empty() && origin.back() != '/') origin += '/';
  return ParseRulePack(files, origin);
}

std::vector<std::string> CheckRulePack(const RulePack& pack) {
  std::vector<std::string> problems;
  std::set<std::string> predicates;
  for (const auto& p : pack.predicates) predicates.insert(p.name);
  std::set<std::string> entities;
  for (const auto& e : pack.entities) entities.insert(e.name);

  for (const auto& pattern : pack.patterns) {
    if (!predicates.contains(pattern.predicate)) {
      problems.push_back(pattern.source + ": unknown predicate \"" + pattern.predicate +
                         "\" (add it to predicates.tsv)");
    }
    if (Status checked = CheckPattern(pattern.pattern); !checked.ok()) {
      problems.push_back(pattern.source + ": " + checked.message());
    }
  }
  for (const auto& frame : pack.frames) {
    if (!predicates.contains(frame.predicate)) {
      problems.push_back(frame.source + ": unknown predicate \"" + frame.predicate +
                         "\" (add it to predicates.tsv)");
    }
  }
  for (const auto& affiliation : pack.affiliations) {
    if (!predicates.contains(affiliation.predicate)) {
      problems.push_back(affiliation.source + ": unknown predicate \"" + affiliation.predicate +
                         "\"");
    }
  }
  for (const auto& line : pack.layout) {
    if (!predicates.contains(line.predicate)) {
      problems.push_back(line.source + ": unknown predicate \"" + line.predicate + "\"");
    }
  }
  for (const auto& title : pack.titles) {
    if (!title.relation.empty() && !predicates.contains(title.relation)) {
      problems.push_back(title.source + ": unknown predicate \"" + title.relation + "\"");
    }
  }
  for (const auto& demonym : pack.demonyms) {
    if (!entities.contains(demonym.entity)) {
      problems.push_back(demonym.source + ": \"" + demonym.entity +
                         "\" is not an entity of the pack (*.entities.tsv)");
    }
  }
  for (const auto& entity : pack.entities) {
    if (!entity.metonym_of.empty() && !entities.contains(entity.metonym_of)) {
      problems.push_back(entity.source + ": metonym_of \"" + entity.metonym_of +
                         "\" is not an entity of the pack");
    }
  }
  if (pack.predicates.empty()) problems.push_back("predicates.tsv: no predicates defined");
  return problems;
}

}  // namespace kg
