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

// The mention starting at `token`, by binary search over mentions ordered
// by position; -1 when none does.
int MentionStartingAt(const std::vector<Mention>& mentions, size_t token) {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), token,
                             [](const Mention& m, size_t t) { return m.token_begin < t; });
  return it != mentions.end() && it->token_begin == token
             ? static_cast<int>(it - mentions.begin())
             : -1;
}

// "the head of the IRGC's Quds Force": the possessed name is meant.
void ResolveForwardAffiliations(const CompiledRules& rules, const NameScan& scan,
                                const std::vector<int>& new_index, DocumentAnalysis* doc) {
  auto& mentions = doc->mentions;
  for (const auto& [old_mention, token] : scan.forward_affiliations()) {
    int target = MentionStartingAt(mentions, token);
    if (target < 0 && rules.Has(doc->tokens[token].word, WordClass::kArticle) &&
        token + 1 < doc->tokens.size()) {
      target = MentionStartingAt(mentions, token + 1);
    }
    while (target >= 0) {
      const size_t end = mentions[static_cast<size_t>(target)].token_end;
      const bool possessive =
          end + 1 < doc->tokens.size() &&
          rules.Has(doc->tokens[end].word, WordClass::kPossessiveMarker);
      const int next = possessive ? MentionStartingAt(mentions, end + 1) : -1;
      if (next < 0) break;
      // "Hamas's Qatar-based office": a hyphenated modifier is no owner.
      const size_t after = mentions[static_cast<size_t>(next)].token_end;
      if (after < doc->tokens.size() && rules.Has(doc->tokens[after].word, WordClass::kHyphen) &&
          !doc->tokens[after].Is(kTokenSpaceBefore)) {
        break;
      }
      target = next;
    }
    mentions[static_cast<size_t>(new_index[static_cast<size_t>(old_mention)])].affiliation =
        target;
  }
}

// Affiliations are added before the titled name they belong to; orders
// mentions by position (stable for equal starts) and renumbers references.
std::vector<int> SortByPosition(std::vector<Mention>* mentions) {
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
  return new_index;
}

}  // namespace

void FindMentions(const CompiledRules& rules, DocumentAnalysis* doc) {
  NameScan scan(rules, *doc);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    scan.Reset(s);
    ScanSentence(scan);
  }
  const std::vector<int> new_index = SortByPosition(&doc->mentions);
  ResolveForwardAffiliations(rules, scan, new_index, doc);
}

}  // namespace kg
