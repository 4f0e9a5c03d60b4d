#include "extract/layout.h"

namespace kg {
namespace {

class Layout {
 public:
  Layout(const CompiledRules& rules, DocumentAnalysis* doc) : rules_(rules), doc_(*doc) {}

  void Run() {
    for (size_t s = 0; s < doc_.sentences.size(); ++s) {
      Sentence& sentence = doc_.sentences[s];
      if (IsHeadline(s)) sentence.kind = LineKind::kHeadline;
      const size_t after_byline = BylineEnd(sentence);
      const size_t after_dateline = DatelineEnd(sentence, after_byline);
      if (after_dateline > sentence.token_begin) {
        sentence.dateline_end = static_cast<uint32_t>(after_dateline - sentence.token_begin);
      }
      if (after_byline == sentence.token_end) sentence.kind = LineKind::kByline;
    }
  }

 private:
  const Token& token(size_t t) const { return doc_.tokens[t]; }
  bool Has(size_t t, WordClass c) const { return rules_.Has(token(t).word, c); }
  bool LineEndsAfter(size_t t) const {
    return t + 1 >= doc_.tokens.size() || token(t + 1).Is(kTokenNewlineBefore);
  }

  bool AllCaps(const Sentence& sentence) const {
    size_t words = 0;
    for (size_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      if (!token(t).Is(kTokenWord) || token(t).Is(kTokenNumber)) continue;
      if (!token(t).Is(kTokenAllCaps) && token(t).span.size() > 1) return false;
      ++words;
    }
    return words >= 3;
  }

  // The first line when it does not end like a sentence, or any line in capitals.
  bool IsHeadline(size_t s) const {
    const Sentence& sentence = doc_.sentences[s];
    if (!token(sentence.token_begin).Is(kTokenNewlineBefore)) return false;
    const size_t last = sentence.token_end - 1;
    if (!LineEndsAfter(last)) return false;
    if (AllCaps(sentence)) return true;
    return s == 0 && !Has(last, WordClass::kSentenceEnd) && !Has(last, WordClass::kCloser);
  }

  // "By Jane Doe": the token after the byline, or the sentence start.
  size_t BylineEnd(const Sentence& sentence) const {
    size_t t = sentence.token_begin;
    if (!Has(t, WordClass::kBylineMarker) || !token(t).Is(kTokenCapitalized)) return t;
    size_t k = t + 1;
    size_t names = 0;
    while (k < sentence.token_end && names < 5 && token(k).Is(kTokenCapitalized) &&
           !token(k).Is(kTokenAllCaps)) {
      ++k;
      ++names;
    }
    if (names == 0) return t;
    // A byline ends its line, or runs into a dateline in capitals.
    if (k == sentence.token_end || token(k).Is(kTokenAllCaps)) return k;
    return t;
  }

  // "WASHINGTON (Reuters) -", "NEW YORK, March 9 -": the token after the
  // dateline's dash, or `from` when there is none.
  size_t DatelineEnd(const Sentence& sentence, size_t from) const {
    const size_t end = sentence.token_end;
    size_t t = from;
    size_t place = 0;
    while (t < end && token(t).Is(kTokenAllCaps) && place < 4) {
      ++t;
      ++place;
    }
    if (place == 0) return from;
    // ", March 9", ", Conn."
    if (t < end && Has(t, WordClass::kComma)) {
      size_t k = t + 1;
      while (k < end && k < t + 4 && (token(k).Is(kTokenWord) || Has(k, WordClass::kComma))) ++k;
      t = k;
    }
    bool agency = false;
    if (t + 2 < end && Has(t, WordClass::kOpenBracket) && Has(t + 1, WordClass::kNewsAgency) &&
        Has(t + 2, WordClass::kCloseBracket)) {
      t += 3;
      agency = true;
    }
    if (t < end && (Has(t, WordClass::kHyphen) || Has(t, WordClass::kDash)) &&
        token(t).Is(kTokenSpaceBefore)) {
      return t + 1;
    }
    return agency ? t : from;
  }

  const CompiledRules& rules_;
  DocumentAnalysis& doc_;
};

}  // namespace

void MarkLayout(const CompiledRules& rules, DocumentAnalysis* doc) { Layout(rules, doc).Run(); }

}  // namespace kg
