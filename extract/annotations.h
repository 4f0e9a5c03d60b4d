// What the pipeline finds in one document. All positions are Spans of byte
// offsets into the Document's text, or indexes into the vectors here; the
// Document must outlive any view taken from these annotations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/span.h"
#include "core/types.h"

namespace kg {

enum TokenFlag : uint8_t {
  kTokenWord = 1 << 0,           // letters or digits
  kTokenCapitalized = 1 << 1,    // first letter uppercase
  kTokenAllCaps = 1 << 2,        // two or more letters, all uppercase
  kTokenNumber = 1 << 3,         // starts with a digit
  kTokenSpaceBefore = 1 << 4,    // whitespace precedes it
  kTokenNewlineBefore = 1 << 5,  // a line break precedes it
  kTokenPeriod = 1 << 6,         // a word written with a period ("Mr.", "U.S.")
};

struct Token {
  Span span;
  // Lowercase comparison form: words lose their periods ("U.S." -> "us"),
  // quotes and dashes are folded ("’s" -> "'s", "—" -> "--").
  std::string norm;
  uint8_t flags = 0;

  bool Is(TokenFlag flag) const { return (flags & flag) != 0; }
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // [token_begin, token_end) index into tokens
  uint32_t token_end = 0;
};

enum class MentionKind : uint8_t {
  kName,         // "Benjamin Netanyahu", "Mr. Netanyahu", "IDF"
  kCollective,   // "the Israelis", "the Israeli government", "US officials"
  kPronoun,      // "he", "its"
  kDescription,  // "the group", "the Israeli leader"
  kModifier,     // a demonym adjective before a nominal trigger ("Israeli strikes")
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
  std::string key;  // canonical name when known (lexicon), else the name text
  std::string
      title;  // title before the name ("prime minister"), or a collective's noun ("government")
  std::string role;      // the title's relation ("leader_of"), or ""
  int affiliation = -1;  // mention index the title belongs to ("Israeli" -> Israel)
  bool from_lexicon = false;
  // A lone capitalised word with no cue to its type: kept only when
  // coreference links it to a known entity ("Deif" after "Mohammed Deif").
  bool weak = false;
  // Whether this mention alone makes its entity one the text names; a bare
  // demonym plural ("Palestinians") refers to it without naming it.
  bool names_entity = true;
  int entity = -1;  // document entity, set by coreference
};

// One real-world referent within a document.
struct DocEntity {
  std::string label;  // best name
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // distinct surface forms, sorted
  int mentions = 0;                  // name and resolved mentions
  bool from_lexicon = false;
  // Named in the text, not only implied by an adjective ("Israeli" in
  // "Israeli Prime Minister"); unnamed entities are kept only as the
  // argument of a relation.
  bool named = false;
  // Known only from lone capitalised words with no cue to their type
  // ("Greenpeace"): guessed to be an organization, and kept only when a
  // relation uses it or the text names it more than once.
  bool weak = false;
};

struct RelationMention {
  int subject = -1;  // DocEntity index
  int object = -1;
  int predicate = -1;  // index into the pipeline's predicate table
  RelationStatus status = RelationStatus::kAsserted;
  uint32_t sentence = 0;
  Span evidence;  // the sentence
};

struct DocumentAnalysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;  // ordered by position
  std::vector<DocEntity> entities;
  std::vector<RelationMention> relations;
};

}  // namespace kg
