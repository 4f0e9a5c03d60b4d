#include "extract/pos/morphology.h"

#include <array>
#include <cstring>

namespace kg::pos {
namespace {

using enum WordClass;
using enum Inflection;

constexpr std::array<SuffixRule, 20> kRules = {{
    {kNoun, kPlural, "s", ""},        {kNoun, kPlural, "ses", "s"},
    {kNoun, kPlural, "xes", "x"},     {kNoun, kPlural, "zes", "z"},
    {kNoun, kPlural, "ches", "ch"},   {kNoun, kPlural, "shes", "sh"},
    {kNoun, kPlural, "men", "man"},   {kNoun, kPlural, "ies", "y"},
    {kVerb, kThirdPerson, "s", ""},   {kVerb, kThirdPerson, "ies", "y"},
    {kVerb, kThirdPerson, "es", "e"}, {kVerb, kThirdPerson, "es", ""},
    {kVerb, kPast, "ed", "e"},        {kVerb, kPast, "ed", ""},
    {kVerb, kGerund, "ing", "e"},     {kVerb, kGerund, "ing", ""},
    {kAdj, kComparative, "er", ""},   {kAdj, kSuperlative, "est", ""},
    {kAdj, kComparative, "er", "e"},  {kAdj, kSuperlative, "est", "e"},
}};

// Per rule: the first rule that makes the same candidate (the same suffix
// and ending; "-s" for nouns and verbs), so that each is looked up once.
constexpr std::array<uint8_t, kRules.size()> kFirstSameCandidate = [] {
  std::array<uint8_t, kRules.size()> first{};
  for (size_t r = 0; r < kRules.size(); ++r) {
    size_t k = 0;
    while (kRules[k].suffix != kRules[r].suffix || kRules[k].ending != kRules[r].ending) ++k;
    first[r] = static_cast<uint8_t>(k);
  }
  return first;
}();

// Whether `rule` applies to `lower`: it ends with the rule's suffix and
// has more besides. Byte by byte: the suffixes are a few bytes, and a word
// is tried against every rule.
bool HasSuffixOf(const SuffixRule& rule, std::string_view lower) {
  const std::string_view suffix = rule.suffix;
  if (lower.size() <= suffix.size()) return false;
  const char* tail = lower.data() + (lower.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i)
    if (tail[i] != suffix[i]) return false;
  return true;
}

}  // namespace

std::span<const SuffixRule> SuffixRules() { return kRules; }

std::string_view ApplyRule(const SuffixRule& rule, std::string_view lower, char* buffer,
                           size_t capacity) {
  if (lower.size() <= rule.suffix.size() || !lower.ends_with(rule.suffix)) return {};
  const size_t stem = lower.size() - rule.suffix.size();
  const size_t length = stem + rule.ending.size();
  if (length > capacity) return {};
  std::memcpy(buffer, lower.data(), stem);
  std::memcpy(buffer + stem, rule.ending.data(), rule.ending.size());
  return {buffer, length};
}

uint16_t LexicalBits(const Lexicon& lexicon, std::string_view lower) {
  uint8_t classes = 0;
  uint8_t irregular = 0;
  lexicon.Describe(lower, &classes, &irregular);
  uint16_t bits = static_cast<uint16_t>(classes | (irregular << 10));
  char buffer[64];
  // The lexicon's classes of each rule's candidate, by the first rule that
  // makes it: a candidate several rules make is looked up once.
  uint8_t classes_of[kRules.size()];
  bool looked_up[kRules.size()] = {};
  for (size_t r = 0; r < kRules.size(); ++r) {
    const SuffixRule& rule = kRules[r];
    if (!HasSuffixOf(rule, lower)) continue;
    const size_t k = kFirstSameCandidate[r];
    if (!looked_up[k]) {
      const std::string_view base = ApplyRule(rule, lower, buffer, sizeof(buffer));
      looked_up[k] = true;
      classes_of[k] = base.empty() ? 0 : lexicon.Classes(base);
    }
    if (classes_of[k] & ClassBit(rule.word_class))
      bits = static_cast<uint16_t>(bits | (1u << (4 + static_cast<unsigned>(rule.inflection))));
  }
  return bits;
}

}  // namespace kg::pos
