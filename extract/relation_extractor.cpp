#include "extract/relation_extractor.h"

#include <algorithm>
#include <tuple>

#include "extract/arguments.h"
#include "extract/frame_matcher.h"
#include "extract/pattern_matcher.h"
#include "extract/relation_status.h"
#include "extract/role_relations.h"

namespace kg {
namespace {

// Enforces the predicate's and the candidate's type constraints; an object
// that is a titled person may stand for its organization ("an adviser to
// Hezbollah leader X" -> member_of Hezbollah).
bool Admissible(const CompiledRules& rules, DocumentAnalysis& doc,
                const RelationCandidate& candidate, int object_mention, RelationMention* relation) {
  const PredicateEntry& predicate = rules.predicate(candidate.predicate);
  // A lone name of unknown type ("Vane acted", "killed Okafor") takes the
  // type the relation needs when that is a person's.
  for (const auto& [entity, allowed] :
       {std::pair{relation->subject,
                  TypeSet::Intersect(predicate.subject_types, candidate.subject_types)},
        std::pair{relation->object,
                  TypeSet::Intersect(predicate.object_types, candidate.object_types)}}) {
    DocEntity& found = doc.entities[static_cast<size_t>(entity)];
    if (found.weak && !allowed.Contains(found.type) && allowed.Contains(EntityType::kPerson)) {
      found.type = EntityType::kPerson;
    }
  }
  const auto type_of = [&](int entity) { return doc.entities[static_cast<size_t>(entity)].type; };
  const EntityType subject = type_of(relation->subject);
  if (!predicate.subject_types.Contains(subject) || !candidate.subject_types.Contains(subject)) {
    return false;
  }
  const EntityType object = type_of(relation->object);
  if (!predicate.object_types.Contains(object) || !candidate.object_types.Contains(object)) {
    const Mention& mention = doc.mentions[static_cast<size_t>(object_mention)];
    if (mention.affiliation < 0) return false;
    const int affiliation = doc.mentions[static_cast<size_t>(mention.affiliation)].entity;
    if (affiliation < 0 || !predicate.object_types.Contains(type_of(affiliation)) ||
        !candidate.object_types.Contains(type_of(affiliation))) {
      return false;
    }
    relation->object = affiliation;
  }
  return relation->subject != relation->object;
}

void ExtractSentence(const CompiledRules& rules, DocumentAnalysis* doc, uint32_t s,
                     std::vector<RelationCandidate>* candidates) {
  SentenceContext context(rules, *doc, s);
  Arguments args(context);
  const StatusCues cues(context);
  candidates->clear();
  MatchFrames(args, cues, candidates);
  MatchPatterns(args, cues, candidates);
  for (const RelationCandidate& candidate : *candidates) {
    for (int subject : candidate.subjects) {
      for (int object : candidate.objects) {
        // A byline's reporter or a dateline's agency is no actor.
        if (doc->mentions[static_cast<size_t>(subject)].layout ||
            doc->mentions[static_cast<size_t>(object)].layout) {
          continue;
        }
        RelationMention relation;
        relation.subject = doc->mentions[static_cast<size_t>(subject)].entity;
        relation.object = doc->mentions[static_cast<size_t>(object)].entity;
        if (relation.subject < 0 || relation.object < 0) continue;
        relation.predicate = candidate.predicate;
        relation.status = candidate.status;
        relation.sentence = s;
        relation.evidence = doc->sentences[s].span;
        relation.trigger = candidate.trigger;
        relation.rule = candidate.rule;
        if (Admissible(rules, *doc, candidate, object, &relation)) {
          doc->relations.push_back(relation);
        }
      }
    }
  }
}

// "AU0202111694 Paris AFP in English": a source line links its source to
// the place it is published in, by the predicate layout.tsv gives.
void AddSourceLineRelation(const CompiledRules& rules, DocumentAnalysis* doc, uint32_t s) {
  const int predicate = rules.SourceLinePredicate();
  const Sentence& sentence = doc->sentences[s];
  const auto first = std::lower_bound(
      doc->mentions.begin(), doc->mentions.end(), sentence.token_begin,
      [](const Mention& mention, uint32_t token) { return mention.token_begin < token; });
  if (predicate < 0 || doc->mentions.end() - first < 2) return;
  const Mention& place = first[0];
  const Mention& source = first[1];
  if (source.token_end > sentence.token_end || place.entity < 0 || source.entity < 0) return;
  const PredicateEntry& entry = rules.predicate(predicate);
  const auto type_of = [&](int e) { return doc->entities[static_cast<size_t>(e)].type; };
  if (!entry.subject_types.Contains(type_of(source.entity)) ||
      !entry.object_types.Contains(type_of(place.entity)) || source.entity == place.entity) {
    return;
  }
  RelationMention relation;
  relation.subject = source.entity;
  relation.object = place.entity;
  relation.predicate = predicate;
  relation.sentence = s;
  relation.evidence = sentence.span;
  relation.rule = kSourceLineRule;
  doc->relations.push_back(relation);
}

}  // namespace

void ExtractRelations(const CompiledRules& rules, DocumentAnalysis* doc) {
  auto& relations = doc->relations;
  AddRoleRelations(rules, *doc, &relations);
  std::vector<RelationCandidate> candidates;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    if (doc->sentences[s].kind == LineKind::kByline) continue;
    if (doc->sentences[s].kind == LineKind::kSourceLine) {
      AddSourceLineRelation(rules, doc, s);
      continue;
    }
    ExtractSentence(rules, doc, s, &candidates);
  }
  // Symmetric predicates are one fact either way round.
  for (RelationMention& relation : relations) {
    if (rules.predicate(relation.predicate).symmetric && relation.subject > relation.object) {
      std::swap(relation.subject, relation.object);
    }
  }
  const auto key = [](const RelationMention& r) {
    return std::make_tuple(r.sentence, r.subject, r.predicate, r.object, r.status);
  };
  std::stable_sort(
      relations.begin(), relations.end(),
      [&](const RelationMention& a, const RelationMention& b) { return key(a) < key(b); });
  relations.erase(std::unique(relations.begin(), relations.end(),
                              [&](const RelationMention& a, const RelationMention& b) {
                                return key(a) == key(b);
                              }),
                  relations.end());
}

}  // namespace kg
