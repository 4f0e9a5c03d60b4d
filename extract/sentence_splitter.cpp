#include "extract/sentence_splitter.h"

namespace kg {

bool SentenceSplitter::EndsAfter(const DocumentAnalysis& doc, size_t i) const {
  const Token& token = doc.tokens[i];
  if (Has(token, WordClass::kSentenceEnd)) return true;
  // "... the U.S. The next day": an acronym's period doubles as a full stop.
  // Dotted acronyms are the period-carrying words with one letter between
  // periods, so their comparison form is short: "us", "cia".
  if (token.Is(kTokenPeriod) && token.Is(kTokenAllCaps) &&
      token.span.size() >= 2 * token.norm.size() && i + 1 < doc.tokens.size()) {
    const Token& next = doc.tokens[i + 1];
    return next.Is(kTokenCapitalized) && Has(next, WordClass::kCommonWord);
  }
  // "... in Concord, Mass. The next day", "... Acme Inc. But": any other
  // abbreviation ends a sentence before a capitalised determiner or
  // conjunction, which no title ("Sen.", "Dr.") stands before. Not before
  // a pronoun: "Dr. He Jiankui".
  if (token.Is(kTokenPeriod) && i + 1 < doc.tokens.size()) {
    const Token& next = doc.tokens[i + 1];
    return next.Is(kTokenCapitalized) &&
           (Has(next, WordClass::kDeterminer) || Has(next, WordClass::kSubordinator) ||
            Has(next, WordClass::kCoordinator));
  }
  return false;
}

void SentenceSplitter::Split(DocumentAnalysis* doc, size_t max_tokens) const {
  const std::vector<Token>& tokens = doc->tokens;
  doc->sentences.reserve(doc->sentences.size() + tokens.size() / 16 + 1);
  size_t begin = 0;
  const auto close = [&](size_t end) {
    if (end <= begin) return;
    Sentence sentence;
    sentence.token_begin = static_cast<uint32_t>(begin);
    sentence.token_end = static_cast<uint32_t>(end);
    sentence.span = {tokens[begin].span.begin, tokens[end - 1].span.end};
    doc->sentences.push_back(sentence);
    begin = end;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > begin && (tokens[i].Is(kTokenNewlineBefore) || i - begin >= max_tokens)) close(i);
    if (!EndsAfter(*doc, i)) continue;
    size_t end = i + 1;
    while (end < tokens.size() && end - begin < max_tokens && !tokens[end].Is(kTokenSpaceBefore) &&
           (Has(tokens[end], WordClass::kSentenceEnd) || Has(tokens[end], WordClass::kCloser))) {
      ++end;
    }
    close(end);
    i = end - 1;
  }
  close(tokens.size());
}

}  // namespace kg
