// Names read from runs of capitalised words (see mention_constructions.h).
#include "extract/mention_constructions.h"

namespace kg {
namespace {

// An unknown single word gets its type from the words around it: "in
// Hodeida", "the port of Hodeida" (a place), "Okafor said" (a person).
void TypeFromContext(NameScan& scan, size_t i, size_t run, Mention* mention) {
  const bool of_place = i >= scan.begin() + 2 && scan.Has(i - 1, WordClass::kGenitive) &&
                        scan.Has(i - 2, WordClass::kPlaceNoun);
  // "Tarnow-based": where something is based is a place.
  const bool based = run + 1 < scan.end() && scan.Has(run, WordClass::kHyphen) &&
                     scan.Joined(run) && scan.Has(run + 1, WordClass::kPlaceSuffix);
  if ((scan.PlaceCueBefore(i) || of_place || based) && !scan.IsPossessive(run)) {
    mention->type = EntityType::kLocation;
  } else if (run < scan.end() && scan.rules().Has(scan.token(run).lemma, WordClass::kSpeechVerb) &&
             IsVerb(scan.token(run).pos)) {
    mention->type = EntityType::kPerson;
  } else {
    mention->weak = true;
  }
}

// Where a lowercase organization head after a name run at `run` ends: "the
// X bank", "the X investment bank", "the X think tank" (the head may end a
// compound of two nouns); or `run` when there is none.
size_t OrganizationHeadEnd(const NameScan& scan, size_t run) {
  for (size_t k = run; k < run + 2 && k < scan.end(); ++k) {
    const Token& token = scan.token(k);
    if (token.Is(kTokenCapitalized) || !IsNoun(token.pos)) return run;
    if (scan.Has(k, WordClass::kOrganizationHead) &&
        (k + 1 == scan.end() || !IsNoun(scan.token(k + 1).pos))) {
      return k + 1;
    }
  }
  return run;
}

// "Harbor Shipping Lines spokesman Tom Ray": a name of two or more unknown
// words ending in an English noun, before a title and its holder's name,
// is the holder's employer ("Ilham Aliyev spokesman X" is a person's).
bool EmployerBeforeTitle(NameScan& scan, size_t i, size_t run) {
  if (run < i + 2 || !scan.IsEnglishWord(run - 1) || scan.IsGivenName(run - 1)) return false;
  const NameScan::TitleMatch& titles = scan.TitlesAt(run, false);
  return titles.found && titles.end < scan.end() && scan.IsNameWord(titles.end);
}

// Whether the words around an unknown name make it an organization: "the
// Munich-based X", "Iran-backed X" (what is based somewhere or backed by
// someone), "the X bank", "the X group" (a lowercase head after it).
bool OrganizationCue(NameScan& scan, size_t i, size_t run) {
  if (i >= scan.begin() + 2 && scan.Has(i - 1, WordClass::kOrganizationCue) &&
      scan.Has(i - 2, WordClass::kHyphen) && scan.Joined(i - 1)) {
    return true;
  }
  return OrganizationHeadEnd(scan, run) > run || EmployerBeforeTitle(scan, i, run);
}

}  // namespace

size_t TryNameRun(NameScan& scan, size_t i) {
  size_t run = scan.NameRunEnd(i);
  if (run == i) return i;
  NameScan::RunType type = scan.ClassifyRun(i, run);
  // "the Biden administration": a person's government, not the person.
  if (type.type == EntityType::kPerson && scan.CollectiveEnd(run) > run) {
    return scan.CollectiveEnd(run);
  }
  if (type.kind == NameScan::RunKind::kEvent) return run;
  // "Sen. Jo Lind, D-Ohio, said": a party and state tag between commas.
  if (run == i + 3 && i > scan.begin() && run < scan.end() && scan.Has(i - 1, WordClass::kComma) &&
      scan.Has(run, WordClass::kComma) && scan.doc().Norm(i).size() == 1 &&
      scan.Has(i + 1, WordClass::kHyphen) && scan.Joined(i + 1) && scan.Joined(i + 2)) {
    return run;
  }
  // "Court blocks ...", "Army spokesman": a head word alone is no name.
  if (run == i + 1 && scan.HeadType(i) && !scan.token(i).Is(kTokenAllCaps)) return run;
  if (type.type == EntityType::kPerson && type.kind == NameScan::RunKind::kEntity) {
    // "Exiled Iranian journalist": a demonym ends a person's name run;
    // "Social Democrat Thomas Berger": the name starts at the given name.
    for (size_t k = i; k < run; ++k) {
      const NameScan::LexMatch lex = scan.LexAt(k);
      if (!lex || lex.value->kind != LexiconValue::Kind::kDemonymAdjective) continue;
      if (k == i) return i + lex.length;
      run = k;
      break;
    }
    for (size_t k = i + 1; k + 1 < run; ++k) {
      if (scan.IsGivenName(k) && !scan.IsGivenName(i)) {
        i = k;
        break;
      }
    }
    type = scan.ClassifyRun(i, run);
  }
  const int m = scan.Add(i, run, i, run, type.type, MentionKind::kName);
  Mention& mention = scan.mention(m);
  const bool unknown = type.kind == NameScan::RunKind::kUnknownPhrase ||
                       type.kind == NameScan::RunKind::kUnknownSingle;
  // "the Filt Sindacato union": a name of unknown words is a person's
  // unless an organization cue says otherwise.
  const bool guessed = unknown || (type.type == EntityType::kPerson && !scan.IsGivenName(i));
  // "the Woodrow Wilson think tank": even a person's name, after "the" and
  // before an organization's head, names the organization.
  const bool named_after = type.type == EntityType::kPerson && i > scan.begin() &&
                           scan.Has(i - 1, WordClass::kDefinite) &&
                           OrganizationHeadEnd(scan, run) > run;
  if ((guessed && OrganizationCue(scan, i, run)) || named_after) {
    mention.type = EntityType::kOrganization;
  } else if (type.kind == NameScan::RunKind::kUnknownPhrase) {
    mention.weak = true;
  } else if (type.kind == NameScan::RunKind::kUnknownSingle) {
    TypeFromContext(scan, i, run, &mention);
  }
  // "Police Find No Signs of Leak": a headline in title case capitalises
  // every word, so a run of unknown words there is a name only if the
  // article names it again or a given name opens it.
  if (scan.doc().sentences[scan.sentence()].title_case && !scan.IsGivenName(i)) {
    mention.weak = true;
  }
  return scan.ParentheticalAcronym(run, m);
}

size_t TryDefinedAcronym(NameScan& scan, size_t i) {
  const size_t at = scan.Has(i, WordClass::kArticle) && i + 1 < scan.end() ? i + 1 : i;
  const int named = scan.DefinedAcronym(at);
  if (named < 0) return i;
  // "NBT President X": the titled name takes the acronym as its affiliation.
  if (const NameScan::TitleMatch& titles = scan.TitlesAt(at + 1, true);
      at == i && scan.mention(named).type == EntityType::kOrganization && titles.found &&
      titles.end < scan.end() && scan.IsNameWord(titles.end)) {
    return i;
  }
  const Mention& source = scan.mention(named);
  const int m = scan.Add(at, at + 1, at, at + 1, source.type, MentionKind::kName);
  Mention& mention = scan.mention(m);
  mention.lexicon_entry = scan.mention(named).lexicon_entry;
  mention.from_lexicon = scan.mention(named).from_lexicon;
  mention.same_as = named;
  mention.token_begin = static_cast<uint32_t>(i);
  mention.span.begin = scan.token(i).span.begin;
  return at + 1;
}

}  // namespace kg
