#include "extract/pipeline.h"

#include "extract/chunker.h"
#include "extract/coreference.h"
#include "extract/layout.h"
#include "extract/mention_finder.h"
#include "extract/pos/lemmatizer.h"
#include "extract/pos/lexicon.h"
#include "extract/pos/tagger.h"
#include "extract/relation_extractor.h"
#include "extract/title_affiliations.h"

namespace kg {
namespace {

// An entity the text never names ("Israeli" in "Israeli officials" names
// Israel only by adjective) is no node, and no relation reaches it; one named
// once by a lone word of unknown type is kept only when a relation needs it.
void DropUnnamedEntities(DocumentAnalysis* analysis) {
  const auto named = [&](int e) { return analysis->entities[static_cast<size_t>(e)].named; };
  std::erase_if(analysis->relations, [&](const RelationMention& relation) {
    return !named(relation.subject) || !named(relation.object);
  });
  std::vector<bool> keep(analysis->entities.size());
  for (size_t e = 0; e < keep.size(); ++e) {
    const DocEntity& entity = analysis->entities[e];
    keep[e] = entity.named && (!entity.weak || entity.mentions >= 2);
  }
  for (const auto& relation : analysis->relations) {
    keep[static_cast<size_t>(relation.subject)] = true;
    keep[static_cast<size_t>(relation.object)] = true;
  }
  std::vector<int> renumber(keep.size(), -1);
  std::vector<DocEntity> kept;
  for (size_t e = 0; e < keep.size(); ++e) {
    if (!keep[e]) continue;
    renumber[e] = static_cast<int>(kept.size());
    kept.push_back(std::move(analysis->entities[e]));
  }
  analysis->entities = std::move(kept);
  for (auto& mention : analysis->mentions) {
    if (mention.entity >= 0) mention.entity = renumber[static_cast<size_t>(mention.entity)];
  }
  for (auto& relation : analysis->relations) {
    relation.subject = renumber[static_cast<size_t>(relation.subject)];
    relation.object = renumber[static_cast<size_t>(relation.object)];
  }
}

}  // namespace

Pipeline::Pipeline(std::shared_ptr<const CompiledRules> rules)
    : rules_(std::move(rules)), tag_(pos::Tagger::Default(), pos::Lemmatizer::Default()) {}

void Pipeline::LoadModels() {
  pos::Tagger::Default();
  pos::Lemmatizer::Default();
  pos::Lexicon::Default();
}

Result<DocumentAnalysis> Pipeline::Analyze(const Document& document) const {
  const CompiledRules& rules = *rules_;
  DocumentAnalysis analysis;
  analysis.text = document.text;
  rules.tokenizer().Tokenize(document.text, &analysis, kMaxTokens + 1);
  if (analysis.tokens.size() > kMaxTokens) {
    return Status::Error("article too long: more than " + std::to_string(kMaxTokens) +
                         " words and marks");
  }
  rules.splitter().Split(&analysis, kMaxSentenceTokens);
  MarkLayout(rules, &analysis);
  analysis.chunk_of.assign(analysis.tokens.size(), -1);
  analysis.chunks.reserve(analysis.tokens.size() / 2 + 1);
  // One scratch per thread, kept across articles: it holds the tagger's
  // cache of unknown words (names, which news repeats), megabytes that
  // would otherwise be cleared for every article.
  thread_local TagPass::Scratch scratch;
  for (uint32_t s = 0; s < analysis.sentences.size(); ++s) {
    SentenceContext sentence(rules, analysis, s);
    tag_.Run(sentence, scratch);
    ChunkSentence(sentence);
  }
  FindMentions(rules, &analysis);
  FindTitleAffiliations(rules, &analysis);
  ResolveCoreference(rules, document.text, &analysis);
  ExtractRelations(rules, &analysis);
  DropUnnamedEntities(&analysis);
  return analysis;
}

}  // namespace kg
