// Word classes: what the extraction passes need to know of a word, as bits.
// Which words belong to a class is data (function_words.tsv and the list
// files of a rule pack, see docs/rule-packs.md); the passes only ever ask
// `Has(word, WordClass::kCoordinator)`, never compare a word's text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg {

enum class WordClass : uint8_t {
  // function_words.tsv
  kArticle,              // the, a, an
  kDefinite,             // the: points back to something named before
  kDeterminer,           // the, this, some, every ...
  kPossessiveMarker,     // 's
  kRelativePronoun,      // who, which, that
  kCoordinator,          // and, or: joins names into a list
  kNegation,             // not, never
  kAgentMarker,          // by: the agent of a passive
  kGenitive,             // of
  kNameJoiner,           // of, for: inside organization names ("Ministry of Defense")
  kRolePreposition,      // of, for, at: "the leader of Hamas", "a professor at Yale"
  kMemberPreposition,    // in: a role preposition only before an organization
  kEmployerPreposition,  // of, at, for: an unknown name after "president of" is a group's
  kSubordinator,         // if, because, while: opens a clause
  kIncluding,            // including, among: opens a list of members
  kAuxiliary,            // be, have, do (lemmas): may stand before a verb in its group
  kPassiveAuxiliary,     // be, get (lemmas)
  kCopula,               // be, become, remain (lemmas): "X is the leader of Y"
  kRoleVerb,             // serve, act, work (lemmas): "X served as chairman of Y"
  kRoleMarker,           // as: after a role verb, opens the title
  kAppointmentVerb,      // name, appoint, elect (lemmas): "X was named chairman of Y"
  kLightVerb,            // make, pay, hold (lemmas): "made a visit to", "held talks with"
  kChargeVerb,           // convict, charge (lemmas): "X was convicted of the murder of Y"
  kSentenceEnd,          // . ! ? ...
  kCloser,               // closing quote or bracket that stays with a sentence
  kComma,                // ,
  kDash,                 // -- as a parenthesis
  kHyphen,               // - inside a word
  kClauseBreak,          // ; :
  kOpenBracket,          // (
  kCloseBracket,         // )
  kQuote,                // " '
  kBylineMarker,         // by: "By Jane Doe" as a line of its own
  kOrganizationCue,      // based, backed, led: "Munich-based X" is an organization
  kPlaceSuffix,          // based, headquartered: "Munich-based" names a place
  kEnvoyTitle,           // ambassador, envoy: posted to a group, serving a nation
  kSubordinateTitle,     // deputy, vice: a title that ranks what it modifies lower
  kFieldModifier,        // finance, army: a title over that part ("finance chief")
  kProfession,           // journalist, midfielder: after a nation's adjective, nationality
  kNameSuffix,           // Jr., III: ends a person's name ("Carl King Jr.")
  kCorporateSuffix,      // Inc., Ltd, AG: "Acme Inc" and "Acme" are one company
  // list files
  kGivenName,         // given_names.txt
  kCommonWord,        // common_words.txt: capitalised only at a sentence start
  kNonName,           // non_names.txt: months, days
  kNameParticle,      // name_particles.txt: al, bin, van
  kPlacePreposition,  // place_prepositions.txt: in, near
  kPlaceNoun,         // place_nouns.txt: port, town
  kSpeechVerb,        // speech_verbs.txt (lemmas): say, tell
  kSkipWord,          // skip_words.txt: also, reportedly
  kEventHead,         // event_heads.txt: Operation, Summit
  kPersonHead,        // name_heads.tsv, typed
  kOrganizationHead,
  kLocationHead,
  kPronoun,     // pronouns.tsv
  kCollective,  // collectives.txt: government, officials
  kNewsAgency,  // news_agencies.txt: Reuters, AP (datelines and bylines)
  kProperNoun,  // proper_nouns.txt: words English knows only as names
  // set by the compiler, not by data files
  kFrameTrigger,   // a lemma that starts a frame's trigger
  kPatternAnchor,  // a word or lemma that anchors a relation pattern
  kCount,
};
static_assert(static_cast<int>(WordClass::kCount) <= 64, "classes are bits of a uint64_t");

using WordClasses = uint64_t;

constexpr WordClasses Bit(WordClass c) { return WordClasses{1} << static_cast<int>(c); }

// The class named in function_words.tsv ("coordinator"), or nullopt; the
// classes the compiler sets itself have no name.
std::optional<WordClass> ParseWordClass(std::string_view name);
std::string_view WordClassName(WordClass c);

}  // namespace kg
