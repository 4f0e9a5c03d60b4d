#include "extract/layout.h"

#include "core/text.h"

namespace kg {
namespace {

class Layout {
 public:
  Layout(const CompiledRules& rules, DocumentAnalysis* doc) : rules_(rules), doc_(*doc) {}

  void Run() {
    SplitSourceLines();
    for (size_t s = 0; s < doc_.sentences.size(); ++s) {
      if (doc_.sentences[s].kind == LineKind::kSourceLine) continue;
      Sentence& sentence = doc_.sentences[s];
      if (IsHeadline(s)) sentence.kind = LineKind::kHeadline;
      sentence.title_case = sentence.kind == LineKind::kHeadline && TitleCase(sentence);
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

  // Whether most words of four letters or more are capitalised (title case
  // leaves short function words in lowercase): "Police Find No Signs of Leak".
  bool TitleCase(const Sentence& sentence) const {
    size_t words = 0;
    size_t capitalized = 0;
    for (size_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      if (!token(t).Is(kTokenWord) || token(t).Is(kTokenNumber) || token(t).span.size() < 4) {
        continue;
      }
      ++words;
      if (token(t).Is(kTokenCapitalized)) ++capitalized;
    }
    return words >= 3 && capitalized * 4 >= words * 3;
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

  // "AU0202111694 Paris AFP in English 0107 GMT 2 Feb 94": a media-monitoring
  // service's source line, perhaps after a headline on the same line, which
  // the splitter left as one sentence. The source line becomes a sentence of
  // its own and the words before it a headline.
  void SplitSourceLines() {
    std::vector<Sentence> lines;  // filled only once a source line is found: most have none
    for (size_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sentence = doc_.sentences[s];
      const size_t code = SourceLineStart(sentence);
      if (code == sentence.token_end) {
        if (!lines.empty()) lines.push_back(sentence);
        continue;
      }
      if (lines.empty())
        lines.assign(doc_.sentences.begin(), doc_.sentences.begin() + static_cast<long>(s));
      if (code > sentence.token_begin) {
        Sentence headline = sentence;
        headline.token_end = static_cast<uint32_t>(code);
        headline.span.end = token(code - 1).span.end;
        headline.kind = LineKind::kHeadline;
        lines.push_back(headline);
      }
      Sentence source = sentence;
      source.token_begin = static_cast<uint32_t>(code);
      source.span.begin = token(code).span.begin;
      source.kind = LineKind::kSourceLine;
      lines.push_back(source);
    }
    if (!lines.empty()) doc_.sentences = std::move(lines);
  }

  // The document code that opens a source line in the sentence, or its end:
  // two capitals and ten digits, then capitalised words (the place and the
  // source) up to a place preposition and a capitalised word (the language).
  size_t SourceLineStart(const Sentence& sentence) const {
    for (size_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      if (IsDocumentCode(t) && ReadsAsSource(t + 1, sentence.token_end)) return t;
    }
    return sentence.token_end;
  }

  bool IsDocumentCode(size_t t) const {
    const Span span = token(t).span;
    if (span.size() != 12) return false;
    const std::string_view text = doc_.text.substr(span.begin, 12);
    for (size_t k = 0; k < text.size(); ++k) {
      if (k < 2 ? !IsAsciiUpper(text[k]) : !IsAsciiDigit(text[k])) return false;
    }
    return true;
  }

  bool ReadsAsSource(size_t t, size_t end) const {
    size_t words = 0;
    for (; t + 1 < end && words < 10; ++t) {
      if (Has(t, WordClass::kPlacePreposition) && !token(t).Is(kTokenCapitalized)) {
        return words >= 2 && token(t + 1).Is(kTokenCapitalized);
      }
      const bool word = token(t).Is(kTokenCapitalized) || token(t).Is(kTokenNumber);
      if (!word && !Has(t, WordClass::kHyphen)) return false;
      words += word ? 1 : 0;
    }
    return false;
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
