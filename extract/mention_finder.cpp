#include "extract/mention_finder.h"

#include <algorithm>

#include "extract/mention_constructions.h"

namespace kg {
namespace {

bool InDateline(const Sentence& sentence, size_t t) {
  return t < sentence.token_begin + sentence.dateline_end;
}

// The reporter of a byline ("By Jane Doe"): the token after the name.
size_t AddBylineName(NameScan& scan, size_t i, size_t end) {
  if (i + 1 >= end || !scan.Has(i, WordClass::kBylineMarker)) return i;
  size_t k = i + 1;
  while (k < end && scan.IsCapitalizedWord(k) && !scan.token(k).Is(kTokenAllCaps)) ++k;
  if (k == i + 1) return i;
  const int m = scan.Add(i + 1, k, i + 1, k, EntityType::kPerson, MentionKind::kName);
  scan.mention(m).layout = true;
  return k;
}

// What a byline and a dateline name: the reporter, the place the story was
// filed from, read literally, and the news agency. They are entities of the
// text, but not actors in it.
void ScanLayout(NameScan& scan, size_t end) {
  size_t i = AddBylineName(scan, scan.begin(), end);
  while (i < end) {
    const NameScan::LexMatch lex =
        scan.token(i).Is(kTokenWord) ? scan.LexAt(i) : NameScan::LexMatch{};
    const bool place = scan.IsLexiconPlace(lex);
    if (lex && i + lex.length <= end && (place || scan.Has(i, WordClass::kNewsAgency))) {
      const int m = scan.AddLexicon(i, *lex.value, lex.length, /*literal=*/place);
      scan.mention(m).layout = true;
      i += lex.length;
    } else {
      ++i;
    }
  }
}

// A source line ("AU0202111694 Paris AFP in English"): the place its source
// is published in, read literally, and the source, a known name or an
// organization's. Nothing refers back to either.
void ScanSourceLine(NameScan& scan) {
  const size_t place = scan.begin() + 1;
  const NameScan::LexMatch lex = place < scan.end() ? scan.LexAt(place) : NameScan::LexMatch{};
  if (!scan.IsLexiconPlace(lex)) return;
  const size_t source = place + lex.length;
  size_t end = source;
  while (end < scan.end() && !scan.Has(end, WordClass::kPlacePreposition)) ++end;
  if (end == source || end == scan.end()) return;
  scan.mention(scan.AddLexicon(place, *lex.value, lex.length, /*literal=*/true)).layout = true;
  const NameScan::LexMatch known = scan.LexAt(source);
  const int m =
      known && source + known.length == end
          ? scan.AddLexicon(source, *known.value, known.length)
          : scan.Add(source, end, source, end, EntityType::kOrganization, MentionKind::kName);
  scan.mention(m).layout = true;
}

void ScanSentence(NameScan& scan) {
  const Sentence& sentence = scan.doc().sentences[scan.sentence()];
  if (sentence.kind == LineKind::kByline) {
    ScanLayout(scan, scan.end());
    return;
  }
  if (sentence.kind == LineKind::kSourceLine) {
    ScanSourceLine(scan);
    return;
  }
  if (sentence.dateline_end > 0) ScanLayout(scan, sentence.token_begin + sentence.dateline_end);
  size_t i = scan.begin();
  while (i < scan.end()) {
    if (!scan.token(i).Is(kTokenWord) || InDateline(sentence, i)) {
      ++i;
      continue;
    }
    // Sentence openers ("Then", "Despite") are no names, but "The" may
    // still open "the Israelis" or "the group".
    const bool opener = scan.IsOrdinaryOpener(i) && !scan.LexAt(i);
    // The constructions rule most words out by their first test; where it
    // is cheap it is made here as well, so that those words cost no call: a
    // pronoun is of its class, a defined acronym needs one defined, a titled
    // person or a person's description a title ahead, a led group opens
    // with "the", a lexicon mention with a known name (after an article,
    // perhaps), a description with an article or a description's first
    // word, and a name run with a name word.
    const bool article = scan.Has(i, WordClass::kArticle);
    size_t next = scan.Has(i, WordClass::kPronoun) ? TryPronoun(scan, i) : i;
    if (next == i && scan.has_defined_acronyms()) next = TryDefinedAcronym(scan, i);
    if (next == i && scan.TitleFollows(i)) next = TryPersonDescription(scan, i);
    if (next == i && !opener && scan.TitleFollows(i)) next = TryTitledPerson(scan, i);
    if (next == i && scan.Has(i, WordClass::kDefinite)) next = TryLedGroup(scan, i);
    if (next == i && scan.LexAt(article && i + 1 < scan.end() ? i + 1 : i)) {
      next = TryLexicon(scan, i);
    }
    if (next == i && (article || scan.rules().descriptions().MayStart(scan.token(i), Fuzzy::kNone,
                                                                      /*lemmas=*/false))) {
      next = TryDescription(scan, i);
    }
    if (next == i && !opener && scan.IsNameWord(i)) next = TryNameRun(scan, i);
    i = next == i ? i + 1 : next;
  }
}

// Affiliations are added before the titled name they belong to; orders
// mentions by position (stable for equal starts) and renumbers references.
void SortByPosition(std::vector<Mention>* mentions) {
  std::vector<size_t> order(mentions->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return (*mentions)[a].token_begin < (*mentions)[b].token_begin;
  });
  std::vector<int> new_index(mentions->size());
  for (size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<int>(k);
  std::vector<Mention> sorted;
  sorted.reserve(mentions->size());
  for (size_t k : order) {
    Mention mention = std::move((*mentions)[k]);
    for (int32_t* link : {&mention.affiliation, &mention.same_as}) {
      if (*link >= 0) *link = new_index[static_cast<size_t>(*link)];
    }
    sorted.push_back(std::move(mention));
  }
  *mentions = std::move(sorted);
}

}  // namespace

void FindMentions(const CompiledRules& rules, DocumentAnalysis* doc) {
  NameScan scan(rules, *doc);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    scan.Reset(s);
    ScanSentence(scan);
  }
  SortByPosition(&doc->mentions);
}

}  // namespace kg
