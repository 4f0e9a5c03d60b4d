#include "extract/pipeline.h"

#include <algorithm>

#include "extract/coreference.h"
#include "extract/mention_finder.h"
#include "extract/relation_extractor.h"

namespace kg {
namespace {

// Entities that were never named ("Israeli" in "Israeli officials" names
// Israel only by adjective), or named once by a lone word of unknown type,
// are kept only when a relation needs them.
void DropUnusedUnnamedEntities(DocumentAnalysis* analysis) {
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

DocumentAnalysis Pipeline::Analyze(const Document& document) const {
  DocumentAnalysis analysis;
  analysis.tokens = rules_->tokenizer().Tokenize(document.text);
  analysis.sentences = rules_->splitter().Split(analysis.tokens);
  analysis.mentions =
      MentionFinder(*rules_).Find(document.text, analysis.tokens, analysis.sentences);
  analysis.entities =
      Coreference(*rules_).Resolve(document.text, analysis.tokens, &analysis.mentions);
  analysis.relations = RelationExtractor(*rules_).Extract(analysis);
  DropUnusedUnnamedEntities(&analysis);
  return analysis;
}

}  // namespace kg
