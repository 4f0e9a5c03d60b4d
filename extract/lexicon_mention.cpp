// Known names, demonyms and collectives (see mention_constructions.h).
#include "extract/mention_constructions.h"

namespace kg {
size_t TryLexicon(NameScan& scan, size_t i) {
  const size_t start = i;
  if (scan.Has(i, WordClass::kArticle) && i + 1 < scan.end()) ++i;
  const NameScan::LexMatch lex = scan.LexAt(i);
  if (!lex) return start;
  const size_t lex_end = i + lex.length;
  switch (scan.LongerNameAt(i, lex)) {
    case NameScan::LongerName::kHeaded: {
      // The name run takes it, unless it cannot open with the known name's
      // first word ("New York Harbor Police").
      if (scan.NameRunEnd(i) >= lex_end) return start;
      const size_t run = scan.RunFromKnownName(i, lex);
      scan.Add(i, run, i, run, scan.ClassifyRun(i, run).type, MentionKind::kName);
      return run;
    }
    case NameScan::LongerName::kOrganization: {
      const size_t run = scan.RunFromKnownName(i, lex);
      scan.Add(i, run, i, run, EntityType::kOrganization, MentionKind::kName);
      return run;
    }
    case NameScan::LongerName::kNone:
      break;
  }
  const LexiconEntry& entry = scan.Entry(*lex.value);
  const size_t collective = scan.CollectiveEnd(lex_end);
  if (collective > lex_end && lex.value->kind != LexiconValue::Kind::kDemonymPlural) {
    const int m = scan.Add(start, collective, i, lex_end, entry.type, MentionKind::kCollective);
    Mention& mention = scan.mention(m);
    mention.lexicon_entry = static_cast<int>(lex.value->entry);
    mention.from_lexicon = true;
    mention.collective = scan.CollectiveAt(lex_end);
    return collective;
  }
  if (lex.value->kind == LexiconValue::Kind::kDemonymPlural) {
    const int m = scan.Add(start, lex_end, i, lex_end, entry.type, MentionKind::kCollective);
    Mention& mention = scan.mention(m);
    mention.lexicon_entry = static_cast<int>(lex.value->entry);
    mention.from_lexicon = true;
    // "the Israelis agreed" is the state acting; "Palestinians in Gaza" are
    // people, and do not by themselves make Palestine an entity.
    mention.names_entity = start != i;
    return lex_end;
  }
  if (start != i && lex.value->kind == LexiconValue::Kind::kDemonymAdjective) return start;
  const int m = scan.AddLexicon(i, *lex.value, lex.length);
  if (start != i) {
    scan.mention(m).token_begin = static_cast<uint32_t>(start);
    scan.mention(m).span.begin = scan.token(start).span.begin;
  }
  return scan.ParentheticalAcronym(lex_end, m);
}

size_t TryLedGroup(NameScan& scan, size_t i) {
  const size_t end = scan.end();
  // Only "the" names one group: "a Chile-backed militia" describes one.
  if (!scan.Has(i, WordClass::kDefinite) || i + 1 >= end) return i;
  const size_t k = i + 1;
  const NameScan::LexMatch lex = scan.LexAt(k);
  if (!lex) return i;
  const size_t hyphen = k + lex.length;
  const size_t head = hyphen + 2;
  if (head >= end || !scan.Has(hyphen, WordClass::kHyphen) || !scan.Joined(hyphen) ||
      !scan.Joined(hyphen + 1) || !scan.Has(hyphen + 1, WordClass::kOrganizationCue)) {
    return i;
  }
  // "the US-led Joint Task Force" is a name of its own.
  if (scan.token(head).Is(kTokenCapitalized) || !scan.Has(head, WordClass::kOrganizationHead) ||
      !IsCommonNoun(scan.token(head).pos) || scan.IsNameWord(head + 1)) {
    return i;
  }
  if (TryLexicon(scan, k) == k) return i;
  scan.Add(k, head + 1, k, head + 1, EntityType::kOrganization, MentionKind::kName);
  return head + 1;
}

}  // namespace kg
