#include "extract/mention_finder.h"

#include <algorithm>

#include "extract/mention_constructions.h"

namespace kg {
namespace {

bool InDateline(const Sentence& sentence, size_t t) {
  return t < sentence.token_begin + sentence.dateline_end;
}

void ScanSentence(NameScan& scan) {
  const Sentence& sentence = scan.doc().sentences[scan.sentence()];
  if (sentence.kind == LineKind::kByline) return;
  size_t i = scan.begin();
  while (i < scan.end()) {
    if (!scan.token(i).Is(kTokenWord) || InDateline(sentence, i)) {
      ++i;
      continue;
    }
    // Sentence openers ("Then", "Despite") are no names, but "The" may
    // still open "the Israelis" or "the group".
    const bool opener = scan.IsOrdinaryOpener(i) && !scan.LexAt(i);
    size_t next = TryPronoun(scan, i);
    if (next == i) next = TryDefinedAcronym(scan, i);
    if (next == i) next = TryPersonDescription(scan, i);
    if (next == i && !opener) next = TryTitledPerson(scan, i);
    if (next == i) next = TryLexicon(scan, i);
    if (next == i) next = TryDescription(scan, i);
    if (next == i && !opener) next = TryNameRun(scan, i);
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
