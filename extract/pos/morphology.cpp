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
  // Several rules make the same candidate ("-s" for nouns and verbs): look
  // each one up once.
  const SuffixRule* looked_up[kRules.size()];
  uint8_t classes_of[kRules.size()];
  size_t count = 0;
  for (const SuffixRule& rule : kRules) {
    if (lower.size() <= rule.suffix.size() || !lower.ends_with(rule.suffix)) continue;
    size_t k = 0;
    while (k < count &&
           (looked_up[k]->suffix != rule.suffix || looked_up[k]->ending != rule.ending))
      ++k;
    if (k == count) {
      const std::string_view base = ApplyRule(rule, lower, buffer, sizeof(buffer));
      looked_up[count] = &rule;
      classes_of[count++] = base.empty() ? 0 : lexicon.Classes(base);
    }
    if (classes_of[k] & ClassBit(rule.word_class))
      bits = static_cast<uint16_t>(bits | (1u << (4 + static_cast<unsigned>(rule.inflection))));
  }
  return bits;
}

}  // namespace kg::pos
