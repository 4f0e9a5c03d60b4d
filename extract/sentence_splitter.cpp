#include "extract/sentence_splitter.h"

namespace kg {
namespace {

bool IsTerminal(const Token& token) {
  return token.norm == "." || token.norm == "!" || token.norm == "?" || token.norm == "...";
}

bool IsCloser(const Token& token) {
  return !token.Is(kTokenSpaceBefore) &&
         (token.norm == "\"" || token.norm == "'" || token.norm == ")" || token.norm == "]");
}

}  // namespace

SentenceSplitter::SentenceSplitter(const std::vector<std::string>& openers)
    : openers_(openers.begin(), openers.end()) {}

bool SentenceSplitter::EndsAfter(const std::vector<Token>& tokens, size_t i) const {
  const Token& token = tokens[i];
  if (IsTerminal(token)) return true;
  // "... the U.S. The next day" : an acronym's period doubles as a full stop.
  // Dotted acronyms are the period-carrying words with one letter between
  // periods, so their norm is short: "us", "cia".
  if (token.Is(kTokenPeriod) && token.Is(kTokenAllCaps) &&
      token.span.size() >= 2 * token.norm.size() && i + 1 < tokens.size()) {
    const Token& next = tokens[i + 1];
    return next.Is(kTokenCapitalized) && openers_.contains(next.norm);
  }
  return false;
}

std::vector<Sentence> SentenceSplitter::Split(const std::vector<Token>& tokens) const {
  std::vector<Sentence> sentences;
  size_t begin = 0;
  const auto close = [&](size_t end) {
    if (end <= begin) return;
    Sentence sentence;
    sentence.token_begin = static_cast<uint32_t>(begin);
    sentence.token_end = static_cast<uint32_t>(end);
    sentence.span = {tokens[begin].span.begin, tokens[end - 1].span.end};
    sentences.push_back(sentence);
    begin = end;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > begin && tokens[i].Is(kTokenNewlineBefore)) close(i);
    if (!EndsAfter(tokens, i)) continue;
    size_t end = i + 1;
    while (end < tokens.size() && (IsTerminal(tokens[end]) || IsCloser(tokens[end]))) ++end;
    close(end);
    i = end - 1;
  }
  close(tokens.size());
  return sentences;
}

}  // namespace kg
