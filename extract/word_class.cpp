#include "extract/word_class.h"

#include <array>

namespace kg {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(WordClass::kCount)> kNames = {
    "article",
    "definite",
    "determiner",
    "possessive_marker",
    "relative_pronoun",
    "coordinator",
    "negation",
    "agent_marker",
    "genitive",
    "name_joiner",
    "role_preposition",
    "member_preposition",
    "employer_preposition",
    "subordinator",
    "including",
    "auxiliary",
    "passive_auxiliary",
    "copula",
    "role_verb",
    "role_marker",
    "appointment_verb",
    "light_verb",
    "charge_verb",
    "sentence_end",
    "closer",
    "comma",
    "dash",
    "hyphen",
    "clause_break",
    "open_bracket",
    "close_bracket",
    "quote",
    "byline_marker",
    "organization_cue",
    "place_suffix",
    "envoy_title",
    "subordinate_title",
    "field_modifier",
    "profession",
    "name_suffix",
    "corporate_suffix",
    "given_name",
    "common_word",
    "non_name",
    "name_particle",
    "place_preposition",
    "place_noun",
    "speech_verb",
    "skip_word",
    "event_head",
    "person_head",
    "organization_head",
    "location_head",
    "pronoun",
    "collective",
    "news_agency",
    "proper_noun",
    "",
    ""};

}  // namespace

std::optional<WordClass> ParseWordClass(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (!name.empty() && kNames[i] == name) return static_cast<WordClass>(i);
  }
  return std::nullopt;
}

std::string_view WordClassName(WordClass c) { return kNames[static_cast<size_t>(c)]; }

}  // namespace kg
