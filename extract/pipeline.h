// The extraction pipeline, a chain of small passes over one DocumentAnalysis:
//   tokenize -> split sentences -> mark layout (headline, byline, dateline)
//   -> per sentence: tag and lemmatize, chunk
//   -> mentions -> (document) coreference -> relations (roles, frames,
//   patterns, status) -> drop entities nothing needs.
// A Pipeline is built once from a compiled rule pack and is immutable:
// Analyze() is const and may run on many threads at once, each document's
// state living only in its DocumentAnalysis. Cost is linear in the length
// of the document.
#pragma once

#include <memory>

#include "core/document.h"
#include "core/status.h"
#include "extract/annotations.h"
#include "extract/compiled_rules.h"
#include "extract/tag_pass.h"

namespace kg {

class Pipeline {
 public:
  // Uses the tagger and lemmatizer compiled into kg.
  explicit Pipeline(std::shared_ptr<const CompiledRules> rules);

  // Builds the models compiled into kg (tagger, lemmatizer, lexicon),
  // which the first Pipeline would build otherwise: most of a command's
  // start-up, which it can run on another thread while it reads its rules.
  static void LoadModels();

  // Limits that keep any input's cost bounded: an article of more tokens is
  // refused (memory is about 60 bytes per token), and a sentence runs at
  // most this many tokens (longer ones, never seen in prose, are cut).
  static constexpr size_t kMaxTokens = 16'000'000;
  static constexpr size_t kMaxSentenceTokens = 1'000;

  // The analysis keeps views into `document`, which must outlive it.
  // Errors: an article past kMaxTokens ("article too long: ...").
  Result<DocumentAnalysis> Analyze(const Document& document) const;

  const CompiledRules& rules() const { return *rules_; }

 private:
  std::shared_ptr<const CompiledRules> rules_;
  TagPass tag_;
};

}  // namespace kg
