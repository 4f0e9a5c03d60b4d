#include "extract/role_relations.h"

namespace kg {

void AddRoleRelations(const CompiledRules& rules, const DocumentAnalysis& doc,
                      std::vector<RelationMention>* out) {
  for (const Mention& mention : doc.mentions) {
    if (mention.title < 0 || mention.affiliation < 0 || mention.entity < 0) continue;
    const int predicate = rules.TitleRole(static_cast<size_t>(mention.title));
    const int affiliation = doc.mentions[static_cast<size_t>(mention.affiliation)].entity;
    if (predicate < 0 || affiliation < 0 || affiliation == mention.entity) continue;
    const PredicateEntry& entry = rules.predicate(predicate);
    if (!entry.subject_types.Contains(doc.entities[static_cast<size_t>(mention.entity)].type) ||
        !entry.object_types.Contains(doc.entities[static_cast<size_t>(affiliation)].type)) {
      continue;
    }
    RelationMention relation;
    relation.subject = mention.entity;
    relation.object = affiliation;
    relation.predicate = predicate;
    relation.sentence = mention.sentence;
    relation.evidence = doc.sentences[mention.sentence].span;
    relation.trigger = mention.span;
    out->push_back(relation);
  }
}

}  // namespace kg
