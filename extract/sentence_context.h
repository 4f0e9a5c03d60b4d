// What a sentence pass works on: the rule pack, the document analysed so
// far, and the token range of one sentence. Passes are free functions over
// it, each in a file of its own; all per-document state lives in the
// DocumentAnalysis, so passes are const and thread-safe.
#pragma once

#include <cstdint>

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

struct SentenceContext {
  const CompiledRules& rules;
  DocumentAnalysis& doc;
  uint32_t sentence = 0;
  uint32_t begin = 0;  // tokens [begin, end)
  uint32_t end = 0;

  SentenceContext(const CompiledRules& r, DocumentAnalysis& d, uint32_t s)
      : rules(r),
        doc(d),
        sentence(s),
        begin(d.sentences[s].token_begin),
        end(d.sentences[s].token_end) {}

  const Token& token(size_t t) const { return doc.tokens[t]; }
  Pos pos(size_t t) const { return doc.tokens[t].pos; }
  bool Has(size_t t, WordClass c) const { return rules.Has(doc.tokens[t].word, c); }
  bool LemmaHas(size_t t, WordClass c) const { return rules.Has(doc.tokens[t].lemma, c); }
  bool Inside(size_t t) const { return t >= begin && t < end; }
  // A word joined to the one before without space ("Qatar-based").
  bool Joined(size_t t) const { return !doc.tokens[t].Is(kTokenSpaceBefore); }
};

// The verb before token t that makes a description at t describe its
// subject: a copula ("X is chairman of Y"), a role verb and its marker ("X
// served as chairman of Y"), or an appointment in the passive ("X was named
// chairman of Y", "X was elected as president of Y"). Its index, or -1;
// `first` is the sentence's first token.
inline long DescribingVerbBefore(const CompiledRules& rules, const DocumentAnalysis& doc, size_t t,
                                 size_t first) {
  if (t <= first) return -1;
  const auto appointed = [&](size_t v) {
    return v > first && IsVerb(doc.tokens[v].pos) &&
           rules.Has(doc.tokens[v].lemma, WordClass::kAppointmentVerb) &&
           rules.Has(doc.tokens[v - 1].lemma, WordClass::kPassiveAuxiliary);
  };
  const Token& before = doc.tokens[t - 1];
  if (IsVerb(before.pos) && rules.Has(before.lemma, WordClass::kCopula)) {
    return static_cast<long>(t - 1);
  }
  if (appointed(t - 1)) return static_cast<long>(t - 1);
  if (t < first + 2 || !rules.Has(before.word, WordClass::kRoleMarker)) return -1;
  const Token& verb = doc.tokens[t - 2];
  if (IsVerb(verb.pos) && rules.Has(verb.lemma, WordClass::kRoleVerb)) {
    return static_cast<long>(t - 2);
  }
  return appointed(t - 2) ? static_cast<long>(t - 2) : -1;
}

}  // namespace kg
