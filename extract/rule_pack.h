// A rule pack: the lexicons, titles, relation patterns and status cues that
// drive extraction, as plain data read from a folder of text files (see
// docs/rule-packs.md for the format). Loading checks every line and reports
// "file:line: message"; a pack that loads is valid and can be compiled.
//
// Packs stack: Overlay() adds a user's pack on top of the default one;
// entries with the same key replace the default ones, and a first column
// starting with "!" removes the entry of that key.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/predicates.h"
#include "core/status.h"
#include "core/types.h"

namespace kg {

struct LexiconEntry {
  std::string name;  // canonical label, e.g. "United States"
  EntityType type = EntityType::kLocation;
  std::vector<std::string> aliases;  // "US", "U.S.", ...
  std::string metonym_of;            // entity the name stands for as an actor, or ""
  std::string source;                // "pack/cities.entities.tsv:12", for error messages
};

struct DemonymEntry {
  std::string adjective;  // "Israeli"
  std::string plural;     // "Israelis"
  std::string entity;     // "Israel" (a lexicon entry)
  std::string source;
};

struct TitleEntry {
  std::string phrase;    // lowercase, "prime minister"
  std::string relation;  // "leader_of", or "" for an honorific
  std::string source;
  // What a title with no organization or country of its own belongs to when
  // the article is about one entity of these types ("Prime Minister Tony
  // Abbott" in an article about Australia); None when it never does.
  TypeSet unqualified = TypeSet::None();
  // The types the organization or country the title names may have: a
  // "Oslo lawyer" practises in Oslo, a "Corvane lawyer" works for Corvane.
  TypeSet affiliations = TypeSet::All();
};

// A predicate as predicates.tsv defines it: the vocabulary type itself.
using PredicateEntry = Predicate;

struct PatternEntry {
  std::string predicate;
  std::string pattern;
  std::string source;  // "pack/relations.tsv:17", for error messages
};

enum class CueScope : uint8_t { kVerb, kAdjacent, kClause, kSentence, kGerund };

struct CueEntry {
  std::string phrase;  // lowercase tokens separated by single spaces
  RelationStatus status = RelationStatus::kAsserted;
  CueScope scope = CueScope::kVerb;
};

enum class PronounCase : uint8_t { kSubject, kObject, kPossessive, kReflexive };

struct PronounEntry {
  std::string word;
  TypeSet types = TypeSet::All();
  // Every case the word can have: "her" is object and possessive.
  std::vector<PronounCase> cases;
};

// "X of Y", "X at Y": a person named before the preposition belongs to an
// organization named after it (affiliations.tsv).
struct AffiliationEntry {
  std::string preposition;
  std::string predicate;
  TypeSet types = TypeSet::All();  // of what the person belongs to
  std::string source;
};

// What a layout line states (layout.tsv). "source_line": a media-monitoring
// service's source line ("AU0202111694 Paris AFP in English 0107 GMT") links
// the source to the place it is published in by this predicate.
struct LayoutEntry {
  std::string kind;
  std::string predicate;
  std::string source;
};

// A word and the classes it belongs to (function_words.tsv): the English
// the extraction passes ask about ("and" is a coordinator).
struct FunctionWordEntry {
  std::string word;
  std::vector<std::string> classes;  // names as in extract/word_class.h
  std::string source;
};

// A relation trigger with its argument frame (frames.tsv): written once,
// used in active, passive, relative, nominal and possessive forms.
struct FrameEntry {
  std::string predicate;
  std::vector<std::string> trigger;  // lemma words: {"meet"}, {"call", "on"}
  bool noun = false;                 // a noun trigger ("visit" in "a visit to")
  // How the object attaches: "object" (the direct object of a verb),
  // "between" (both arguments in "between X and Y"), or a preposition.
  std::vector<std::string> markers;
  TypeSet object_types = TypeSet::All();  // beyond the predicate's own
  std::string source;
};

struct DescriptionEntry {
  std::string phrase;  // "the group"
  EntityType type = EntityType::kOrganization;
  // "named": only an organization named with the phrase's last word
  // ("the coalition" after "the Chilean-led coalition"), never the nearest.
  bool named_only = false;
};

// Irregular forms of a word the lemmatizer may not know (verbs.tsv).
struct VerbEntry {
  std::string lemma;
  std::vector<std::string> forms;
};

struct NameHeadEntry {
  std::string word;  // case-sensitive, "Ministry"
  EntityType type = EntityType::kOrganization;
};

struct RulePack {
  std::vector<LexiconEntry> entities;
  std::vector<DemonymEntry> demonyms;
  std::vector<TitleEntry> titles;
  std::vector<PredicateEntry> predicates;
  std::vector<PatternEntry> patterns;
  std::vector<FrameEntry> frames;
  std::vector<FunctionWordEntry> function_words;
  std::vector<AffiliationEntry> affiliations;
  std::vector<LayoutEntry> layout;
  std::vector<CueEntry> cues;
  std::vector<PronounEntry> pronouns;
  std::vector<DescriptionEntry> descriptions;
  std::vector<VerbEntry> verbs;
  std::vector<NameHeadEntry> name_heads;
  std::vector<std::string> given_names;
  std::vector<std::string> common_words;
  std::vector<std::string> non_names;
  std::vector<std::string> title_modifiers;
  std::vector<std::string> agent_phrases;  // "on the orders of": the doer follows, as after "by"
  std::vector<std::string> collectives;
  std::vector<std::string> abbreviations;
  std::vector<std::string> event_heads;
  std::vector<std::string> name_particles;      // "al", "bin", "van" inside names
  std::vector<std::string> place_prepositions;  // "in", "near": a lone name after one is a place
  std::vector<std::string> place_nouns;         // "port", "city": "the port of X" is a place
  std::vector<std::string> speech_verbs;        // "said": a lone name before one is a person
  std::vector<std::string> skip_words;          // "also", "has": may stand inside a pattern
  std::vector<std::string> clitics;             // "n't", "'ll": split off the word before
  std::vector<std::string> proper_nouns;        // "blair": English knows them only as names
  std::vector<std::string> news_agencies;       // "Reuters", "AP": datelines, bylines

  // Adds `other` on top of this pack (see the header comment). Linear in
  // the size of both packs.
  void Overlay(const RulePack& other);
};

// One file of a pack: its name (e.g. "titles.tsv") and contents.
struct RuleFile {
  std::string name;
  std::string contents;
};

// The most elements (words, slots, gaps) a relation pattern may have: the
// matcher recurses once per element, and the default pack's longest
// pattern has 9.
inline constexpr size_t kMaxPatternElements = 32;

// Parses the files of one pack. `origin` (the pack's folder with its
// slash: "pack/") prefixes file names in errors and in every entry's
// source. Fails on the first malformed line, naming it, and on a file that
// is not text (invalid UTF-8, NUL or other control bytes) at
// file:line:column.
Result<RulePack> ParseRulePack(const std::vector<RuleFile>& files, const std::string& origin);

// Reads every rule file in `folder` (not recursive) and parses them.
Result<RulePack> LoadRulePack(const std::string& folder);

// The default English news pack, compiled into the binary from
// extract/rules/en-news at build time.
RulePack DefaultRulePack();

// Cross-file checks: every predicate a pattern, frame or title uses exists,
// demonyms and metonyms name lexicon entries, patterns compile, function
// words name known classes.
// Returns every problem found, one "file:line: message" per entry.
std::vector<std::string> CheckRulePack(const RulePack& pack);

}  // namespace kg
