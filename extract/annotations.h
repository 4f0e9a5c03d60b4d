// What the pipeline finds in one document: one structure that each pass
// reads and extends (tokens, then tags, chunks, mentions, entities,
// relations). Positions are Spans of byte offsets into the Document's text
// or indexes into the vectors here; the Document must outlive any view
// taken from these annotations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "core/types.h"
#include "extract/pos.h"
#include "extract/word_index.h"

namespace kg {

enum TokenFlag : uint16_t {
  kTokenWord = 1 << 0,           // letters or digits
  kTokenCapitalized = 1 << 1,    // first letter uppercase
  kTokenAllCaps = 1 << 2,        // two or more letters, all uppercase
  kTokenNumber = 1 << 3,         // starts with a digit
  kTokenSpaceBefore = 1 << 4,    // whitespace precedes it
  kTokenNewlineBefore = 1 << 5,  // a line break precedes it
  kTokenPeriod = 1 << 6,         // a word written with a period ("Mr.", "U.S.")
};

struct Token {
  Span span;  // the bytes of the text
  // Comparison form, a range of DocumentAnalysis::norm_text: lowercase,
  // without a word's periods ("U.S." -> "us"), quotes and dashes folded
  // ("’s" -> "'s", "—" -> "--").
  Span norm;
  WordId word = kNoWord;   // the rule pack's id of the comparison form
  WordId lemma = kNoWord;  // the rule pack's id of the lemma ("met" -> "meet")
  uint16_t flags = 0;
  Pos pos = Pos::kUnknown;

  bool Is(TokenFlag flag) const { return (flags & flag) != 0; }
};

// How a line of the article reads: most are body text; a headline, a
// byline ("By Jane Doe"), a dateline opening or a media-monitoring source
// line ("AU0202111694 Paris AFP in English 0107 GMT 2 Feb 94") are not
// sentences.
enum class LineKind : uint8_t { kBody, kHeadline, kByline, kSourceLine };

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // [token_begin, token_end) index into tokens
  uint32_t token_end = 0;
  LineKind kind = LineKind::kBody;
  // Tokens of a dateline that opens the sentence ("WASHINGTON (Reuters) -"),
  // counted from token_begin; 0 when there is none.
  uint32_t dateline_end = 0;
  // A headline that capitalises its words ("Talks Stall In Geneva").
  bool title_case = false;
};

// A base phrase: a noun phrase without its attachments ("the Israeli prime
// minister", "Hamas 's leader") or a verb group with its auxiliaries
// ("did not meet", "was killed", "has been urging").
struct Chunk {
  enum class Kind : uint8_t { kNoun, kVerb };
  enum Flag : uint8_t {
    kPassive = 1 << 0,     // be/get + past participle
    kNegated = 1 << 1,     // not, never inside the group
    kModal = 1 << 2,       // would, could ...
    kInfinitive = 1 << 3,  // to + verb
    kParticiple = 1 << 4,  // a bare -ing or past participle with no auxiliary
    kPossessive = 1 << 5,  // a noun phrase ending in 's: a possessor
  };
  uint32_t begin = 0;  // tokens
  uint32_t end = 0;
  uint32_t head = 0;  // the main noun or verb
  Kind kind = Kind::kNoun;
  uint8_t flags = 0;

  bool Is(Flag flag) const { return (flags & flag) != 0; }
};

enum class MentionKind : uint8_t {
  kName,         // "Benjamin Netanyahu", "Mr. Netanyahu", "IDF"
  kCollective,   // "the Israelis", "the Israeli government", "US officials"
  kPronoun,      // "he", "its"
  kDescription,  // "the group", "the Israeli leader"
  kModifier,     // a demonym adjective ("Israeli strikes")
};

struct Mention {
  Span span;                 // whole surface, titles included
  uint32_t token_begin = 0;  // tokens of `span`
  uint32_t token_end = 0;
  uint32_t name_begin = 0;  // tokens of the name itself ("Benjamin Netanyahu")
  uint32_t name_end = 0;
  uint32_t sentence = 0;
  EntityType type = EntityType::kPerson;
  MentionKind kind = MentionKind::kName;
  int32_t lexicon_entry = -1;  // the rule pack's entity when the name is known
  int32_t title = -1;          // the rule pack's title before or in the mention
  int32_t role = -1;           // the predicate tying the person to its affiliation
  int32_t collective = -1;     // the collective noun ("government"), by pack index
  int32_t description = -1;    // the pack's description ("the group")
  int32_t pronoun = -1;        // the pack's pronoun
  int32_t affiliation = -1;    // mention the title belongs to ("Israeli" -> Israel)
  int32_t same_as = -1;        // a mention known to name the same ("IDF" -> its expansion)
  int32_t bracketed = -1;      // a group's acronym in brackets after a person's name ("(SPD)")
  bool from_lexicon = false;
  bool field_title = false;  // the title is over a field ("sales director"): subordinate
  // A lone capitalised word with no cue to its type: kept only when
  // coreference links it or the text names it more than once.
  bool weak = false;
  // Whether this mention alone makes its entity one the text names; a bare
  // demonym plural ("Palestinians") refers to it without naming it.
  bool names_entity = true;
  // In a byline or dateline ("By Jane Doe", "WASHINGTON (Reuters) -"): names
  // an entity, but no pronoun, description or relation refers to it.
  bool layout = false;
  int32_t entity = -1;  // document entity, set by coreference
};

// One real-world referent within a document.
struct DocEntity {
  std::string label;  // best name
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // distinct surface forms, sorted
  int mentions = 0;                  // name and resolved mentions
  bool from_lexicon = false;
  int32_t lexicon_entry = -1;  // the rule pack's entity, when the name is known
  // Named in the text, not only implied by an adjective ("Israeli" in
  // "Israeli Prime Minister"); unnamed entities are kept only as the
  // argument of a relation.
  bool named = false;
  // Known only from lone capitalised words with no cue to their type:
  // kept only when a relation uses it or the text names it more than once.
  bool weak = false;
};

struct RelationMention {
  int subject = -1;  // DocEntity index
  int object = -1;
  int predicate = -1;  // index into the rule pack's predicate table
  RelationStatus status = RelationStatus::kAsserted;
  uint32_t sentence = 0;
  Span evidence;  // the sentence
  Span trigger;   // the words that state the relation ("met with", "leader"), or empty
  // The frame or pattern that found it (CompiledRules::RuleSource), or
  // kTitleRule, kSourceLineRule.
  int32_t rule = -1;
};

inline constexpr int32_t kTitleRule = -1;
inline constexpr int32_t kSourceLineRule = -2;

struct DocumentAnalysis {
  std::string_view text;  // the Document's text, which must outlive the analysis
  std::string norm_text;  // every token's comparison form, back to back
  std::vector<Token> tokens;
  // Per token: HashWord(Norm(token)), which the tokenizer computes anyway;
  // the passes compare words outside the pack by it.
  std::vector<uint64_t> norm_hashes;
  std::vector<Sentence> sentences;
  std::vector<Chunk> chunks;      // ordered by position
  std::vector<int32_t> chunk_of;  // per token: the chunk holding it, or -1
  std::vector<Mention> mentions;  // ordered by position
  std::vector<DocEntity> entities;
  std::vector<RelationMention> relations;

  std::string_view Norm(size_t token) const { return tokens[token].norm.In(norm_text); }
  uint64_t NormHash(size_t token) const {
    // Tokens made by hand (tests) have no hash stored.
    return token < norm_hashes.size() ? norm_hashes[token] : HashWord(Norm(token));
  }
  std::string_view Surface(size_t token) const { return tokens[token].span.In(text); }
};

}  // namespace kg
