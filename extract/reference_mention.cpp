// Pronouns, descriptions and bare collectives (see mention_constructions.h).
#include "extract/mention_constructions.h"

namespace kg {

size_t TryPronoun(NameScan& scan, size_t i) {
  const Token& token = scan.token(i);
  if (!token.Is(kTokenWord) || token.Is(kTokenAllCaps)) return i;
  const PronounEntry* pronoun = scan.rules().Pronoun(token.word);
  if (pronoun == nullptr) return i;
  EntityType type = EntityType::kPerson;
  for (EntityType candidate :
       {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    if (pronoun->types.Contains(candidate)) {
      type = candidate;
      break;
    }
  }
  const int m = scan.Add(i, i + 1, i, i + 1, type, MentionKind::kPronoun);
  scan.mention(m).pronoun = static_cast<int>(pronoun - scan.rules().pack().pronouns.data());
  return i + 1;
}

size_t TryDescription(NameScan& scan, size_t i) {
  const size_t end = scan.end();
  // "the occupation", "the government": the state last named with that
  // noun ("the Israeli occupation").
  if (scan.Has(i, WordClass::kArticle) && i + 1 < end) {
    const size_t collective = scan.CollectiveEnd(i + 1);
    if (collective > i + 1 && (collective >= end || !scan.IsNameWord(collective))) {
      const int m =
          scan.Add(i, collective, i, collective, EntityType::kLocation, MentionKind::kDescription);
      scan.mention(m).collective = scan.CollectiveAt(i + 1);
      return collective;
    }
  }
  // "the group", "the organization": the nearest such entity before.
  std::span<const uint32_t> values;
  const size_t length = scan.rules().descriptions().Longest(scan.doc(), i, end, &values);
  if (length == 0 || (i + length < end && scan.IsNameWord(i + length))) return i;
  // "the Bank of Norland", "the Council of Vestland": a capitalised head with
  // "of" and a name after it opens a name, not a description.
  const size_t last = i + length - 1;
  if (scan.token(last).Is(kTokenCapitalized) && last + 2 < end &&
      scan.Has(last + 1, WordClass::kGenitive) && scan.IsNameWord(last + 2)) {
    return i;
  }
  const auto& description = scan.rules().pack().descriptions[values.front()];
  const int m = scan.Add(i, i + length, i, i + length, description.type, MentionKind::kDescription);
  scan.mention(m).description = static_cast<int>(values.front());
  return i + length;
}

}  // namespace kg
