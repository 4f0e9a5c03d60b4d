// Titled people and person descriptions (see mention_constructions.h).
#include "extract/mention_constructions.h"
#include "extract/sentence_context.h"

namespace kg {
namespace {

// How many lowercase words may stand between a title and the comma before
// its holder's name ("at the time").
constexpr size_t kMaxTimeWords = 3;

bool IsPossessiveDeterminer(const NameScan& scan, size_t i) {
  const PronounEntry* pronoun = scan.rules().Pronoun(scan.token(i).word);
  if (pronoun == nullptr) return false;
  for (PronounCase c : pronoun->cases) {
    if (c == PronounCase::kPossessive) return true;
  }
  return false;
}

// How far back the comma of an apposition that a second title joins may be.
constexpr size_t kMaxJoinedApposition = 16;
// How many unknown words before a title may name its organization.
constexpr size_t kMaxUnknownAffiliation = 3;

// Whether a phrase at i stands after a comma or dash of an apposition, or
// after a copula ("X is chairman of Y", "X, who became president of Y") or
// a role verb ("X served as an adviser to Y").

bool StandsAsApposition(const NameScan& scan, size_t i) {
  if (i == scan.begin()) return false;
  const size_t before = i - 1;
  if (scan.Has(before, WordClass::kComma) || scan.Has(before, WordClass::kDash)) return true;
  if (DescribingVerbBefore(scan.rules(), scan.doc(), i, scan.begin()) >= 0) return true;
  // "X, director of Y and a member of Z": a second title joined to an
  // apposition's, which a comma opened with no verb since.
  if (!scan.Has(before, WordClass::kCoordinator)) return false;
  const size_t limit =
      before > scan.begin() + kMaxJoinedApposition ? before - kMaxJoinedApposition : scan.begin();
  for (size_t t = before; t-- > limit;) {
    if (scan.Has(t, WordClass::kComma)) return t > scan.begin() && scan.IsNameWord(t - 1);
    if (IsVerb(scan.token(t).pos) || scan.Has(t, WordClass::kCoordinator)) return false;
  }
  return false;
}

// The token after title modifiers at i ("former", "ex-", "senior deputy",
// "co-"), or i. A modifier that opens a longer title is the title: "chief
// executive" is not "chief" + "executive".
// The token after one title modifier at i, or i.
size_t SkipTitleModifier(NameScan& scan, size_t i) {
  const size_t end = scan.end();
  std::span<const uint32_t> modifiers;
  if (i >= end) return i;
  const size_t modifier = scan.rules().title_modifiers().Longest(scan.doc(), i, end, &modifiers);
  if (modifier == 0 || i + modifier >= end) return i;
  const size_t title = scan.TitleLength(i);
  if (title > modifier) return i;
  size_t after = i + modifier;
  if (scan.Has(after, WordClass::kHyphen) && scan.Joined(after) && after + 1 < end) ++after;
  // "an executive at X": a modifier that is a title too is the title when
  // no title follows it ("executive director", "deputy chief" have one).
  if (title == modifier && !scan.TitlesAt(after, false).found) return i;
  return after;
}

size_t SkipTitleModifiers(NameScan& scan, size_t i) {
  for (size_t next; (next = SkipTitleModifier(scan, i)) != i;) i = next;
  return i;
}

// Where the affiliation starts after the title modifiers at `start`, or
// `start`. It may follow any of them: "former Air Force commander X" (where
// "air force" could also modify a title, as in "Air Force General X").
size_t AffiliationAfterModifiers(NameScan& scan, size_t start) {
  // A modifier that opens a name with a head is part of it: "National
  // Football League player X"; so is one that opens a known name: "New
  // Jersey Gov. X".
  if (scan.token(start).Is(kTokenCapitalized)) {
    if (scan.LexAt(start).length > 1) return start;
    const size_t name_end = scan.AffiliationEnd(start);
    for (size_t k = start + 1; k < name_end; ++k) {
      if (scan.HeadType(k) == EntityType::kOrganization) return start;
    }
  }
  for (size_t i = SkipTitleModifier(scan, start), before = start; i != before;
       before = i, i = SkipTitleModifier(scan, i)) {
    if (scan.AffiliationEnd(i) > i) return i;
  }
  return start;
}

// Where an envoy's posting ends when a nation at [i, j) is followed by the
// organization and the title of one ("Chilean U.N. Ambassador X": the
// ambassador serves Chile at the U.N.), or j.
size_t EnvoyPostingEnd(NameScan& scan, size_t i, size_t j) {
  const NameScan::LexMatch nation = scan.LexAt(i);
  if (!nation || i + nation.length != j ||
      !scan.rules().IsNation(static_cast<int>(nation.value->entry))) {
    return j;
  }
  const size_t posting = scan.AffiliationEnd(j);
  if (posting == j || scan.IsPossessive(posting - 1)) return j;
  const NameScan::TitleMatch& title = scan.TitlesAt(posting, true);
  return title.found && scan.Has(title.end - 1, WordClass::kEnvoyTitle) ? posting : j;
}

// "British journalist X", "a Chilean midfielder": a nation's adjective
// before a profession tells nationality, not membership.
bool NationalityOnly(NameScan& scan, size_t i, size_t j, const NameScan::TitleMatch& titles) {
  const NameScan::LexMatch lex = scan.LexAt(i);
  return lex && i + lex.length == j && lex.value->kind == LexiconValue::Kind::kDemonymAdjective &&
         scan.Has(titles.end - 1, WordClass::kProfession);
}

// Where the name of the organization at [i, j) starts when capitalised
// title modifiers before it, from `start` on, are part of it: "National
// Congress President X", "a senior National Assembly official". They are
// when the organization is only a head word (Congress, Assembly), which
// alone would name the wrong one or none. Else i.
size_t NameStartBeforeHead(NameScan& scan, size_t start, size_t i, size_t j) {
  const size_t name_end = scan.IsPossessive(j - 1) ? j - 1 : j;
  if (name_end != i + 1 || scan.HeadType(i) != EntityType::kOrganization) return i;
  size_t k = i;
  while (k > start && scan.token(k - 1).Is(kTokenCapitalized)) --k;
  return k;
}

void SetTitle(NameScan& scan, int m, const NameScan::TitleMatch& titles, int affiliation) {
  Mention& mention = scan.mention(m);
  mention.title = titles.title;
  mention.field_title = titles.field;
  mention.affiliation = affiliation;
}

}  // namespace

size_t TryTitledPerson(NameScan& scan, size_t start) {
  const size_t end = scan.end();
  if (!scan.TitleFollows(start)) return start;
  // "Former WorldCom chief X", "ex-Downing Street media chief X": title
  // modifiers may stand before the affiliation too.
  size_t i = AffiliationAfterModifiers(scan, start);
  size_t j = scan.AffiliationEnd(i);
  if (j > i) i = NameStartBeforeHead(scan, start, i, j);
  // "Nordvik chief executive Ingrid Solheim", "Nordvik Chairman Ingrid
  // Solheim", "Harlan World chairman X": one to three unknown words before
  // a title and a name are the organization the title belongs to, unless
  // a given name opens a person's name among them.
  bool unknown_affiliation = false;
  // A head word alone names none: "Energy expert X" opening a sentence.
  if (j == i && scan.CanOpenName(i) && !scan.IsGivenName(i) && !scan.IsTitleStart(i) &&
      !scan.HeadType(i)) {
    const size_t run = scan.NameRunEnd(i);
    const NameScan::TitleMatch& after = scan.TitlesAt(run, false);
    bool given = false;
    for (size_t k = i; k < run; ++k) given = given || scan.IsGivenName(k);
    if (run <= i + kMaxUnknownAffiliation && !given && after.found &&
        scan.NameRunEnd(after.end) > after.end) {
      j = run;
      unknown_affiliation = true;
    }
  }
  const bool has_affiliation = j > i;
  const size_t posting_end = has_affiliation ? EnvoyPostingEnd(scan, i, j) : j;
  const NameScan::TitleMatch titles = scan.TitlesAt(posting_end, has_affiliation);
  if (!titles.found) return start;
  size_t name = titles.end;
  // "Norland's chancellor at the time, X": a few lowercase words of time
  // may stand between the title and the comma before the name.
  size_t comma = name;
  if (has_affiliation && scan.IsPossessive(j - 1)) {
    size_t k = name;
    while (k < end && k < name + kMaxTimeWords && scan.token(k).Is(kTokenWord) &&
           !scan.token(k).Is(kTokenCapitalized) && !IsVerb(scan.token(k).pos)) {
      ++k;
    }
    if (k > name && k + 1 < end && scan.Has(k, WordClass::kComma) &&
        scan.NameRunEnd(k + 1) > k + 1) {
      comma = k;
    }
  }
  const bool comma_after = comma < end && scan.Has(comma, WordClass::kComma);
  // "Ali Khamenei, Iran's supreme leader,": a possessive affiliation and a
  // title with no name after them describe someone named nearby.
  if (has_affiliation && scan.IsPossessive(j - 1) && !unknown_affiliation &&
      (name >= end || (!comma_after && !scan.IsNameWord(name)) ||
       (comma_after && i > scan.begin() && scan.Has(i - 1, WordClass::kComma)))) {
    if (scan.TitleRole(titles.title) < 0) return start;
    const int affiliation = scan.AddAffiliation(i, j);
    scan.AddPlaces(titles);
    const int m =
        scan.Add(start, name, start, name, EntityType::kPerson, MentionKind::kDescription);
    SetTitle(scan, m, titles, affiliation);
    return name;
  }
  // "Iran's supreme leader, Ayatollah Ali Khamenei,": the name follows the
  // title after a comma, perhaps behind an honorific.
  if (has_affiliation && scan.IsPossessive(j - 1) && comma + 1 < end && comma_after) {
    const NameScan::TitleMatch& honorifics = scan.TitlesAt(comma + 1, false);
    const size_t candidate = honorifics.found ? honorifics.end : comma + 1;
    if (scan.NameRunEnd(candidate) > candidate) name = candidate;
  }
  // "Minister for Strategic Affairs Ron Dermer": a portfolio, then a name
  // that opens with a given name.
  if (name < end && scan.Has(name, WordClass::kNameJoiner)) {
    const size_t run = scan.NameRunEnd(name + 1);
    size_t given = run;
    for (size_t k = name + 2; k < run; ++k) {
      if (scan.IsGivenName(k)) {
        given = k;
        break;
      }
    }
    if (given == run) return start;
    name = given;
  }
  const size_t name_end = scan.NameRunEnd(name);
  if (name_end == name) return start;
  if (const NameScan::LexMatch lex = scan.LexAt(name);
      lex && name + lex.length >= name_end && scan.Entry(*lex.value).type != EntityType::kPerson) {
    return start;  // "EMS member Belgium": a known place or group, not a person
  }
  // After a title, a name of unknown kind is a person's ("President Trump"),
  // and so is one of English-looking words without a head word ("Secretary
  // General Sun Ki Moon").
  const NameScan::RunType type = scan.ClassifyRun(name, name_end);
  if (type.kind == NameScan::RunKind::kEvent ||
      (type.kind == NameScan::RunKind::kEntity && type.type != EntityType::kPerson &&
       scan.HasHead(name, name_end))) {
    return start;
  }
  int affiliation = has_affiliation ? scan.AddAffiliation(i, j) : -1;
  if (posting_end > j) scan.AddAffiliation(j, posting_end);
  if (has_affiliation && NationalityOnly(scan, i, j, titles)) affiliation = -1;
  scan.AddPlaces(titles);
  if (unknown_affiliation) scan.mention(affiliation).type = EntityType::kOrganization;
  const int m = scan.Add(start, name_end, name, name_end, EntityType::kPerson, MentionKind::kName);
  SetTitle(scan, m, titles, affiliation);
  return name_end;
}

size_t TryPersonDescription(NameScan& scan, size_t i) {
  const size_t end = scan.end();
  if (!scan.TitleFollows(i)) return i;
  const bool article = scan.Has(i, WordClass::kDeterminer);
  const bool possessive = IsPossessiveDeterminer(scan, i);
  // "X, chairman of Y", "X is executive director of Y": a bare title in an
  // apposition or after a copula.
  const bool bare = !article && !possessive && StandsAsApposition(scan, i);
  if ((!article && !possessive && !bare) || i + 1 >= end) return i;
  // "the group's Gaza leader": the affiliation may itself open with "the";
  // "a senior Defense Ministry official": modifiers may stand before it.
  size_t from = i;
  size_t j = article || (bare && !scan.TitlesAt(i, false).found) ? scan.AffiliationEnd(i) : i;
  if (j == i && !bare) {
    from = SkipTitleModifiers(scan, i + 1);
    j = scan.AffiliationEnd(from);
    // "an Emery employee", "an Emery sales director": an unknown name
    // before a title is its organization.
    if (j == from && scan.CanOpenName(from) && scan.NameRunEnd(from) == from + 1 &&
        scan.TitlesAt(from + 1, true).found) {
      j = from + 1;
    }
    if (j > from) from = NameStartBeforeHead(scan, i + 1, from, j);
  }
  const size_t posting_end = j > from ? EnvoyPostingEnd(scan, from, j) : j;
  // "an economics professor", "a law lecturer": a field before the title.
  size_t at = posting_end;
  if (j == from && j + 1 < end && !scan.TitlesAt(j, false).found && IsNoun(scan.token(j).pos) &&
      !scan.token(j).Is(kTokenCapitalized) && scan.TitlesAt(j + 1, false).found) {
    at = j + 1;
  }
  const NameScan::TitleMatch titles = scan.TitlesAt(at, j > from);
  if (!titles.found || (titles.end < end && scan.IsNameWord(titles.end))) return i;
  if (scan.TitleRole(titles.title) < 0) return i;  // "the sheikh" names no role
  int affiliation = j > from ? scan.AddAffiliation(from, j) : -1;
  if (posting_end > j) scan.AddAffiliation(j, posting_end);
  if (j > from && NationalityOnly(scan, from, j, titles)) affiliation = -1;
  scan.AddPlaces(titles);
  const int m =
      scan.Add(i, titles.end, i, titles.end, EntityType::kPerson, MentionKind::kDescription);
  SetTitle(scan, m, titles, affiliation);
  return titles.end;
}

}  // namespace kg
