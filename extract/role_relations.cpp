#include "extract/role_relations.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

namespace kg {
namespace {

bool Fits(const CompiledRules& rules, const DocumentAnalysis& doc, int predicate, int subject,
          int object) {
  const PredicateEntry& entry = rules.predicate(predicate);
  return entry.subject_types.Contains(doc.entities[static_cast<size_t>(subject)].type) &&
         entry.object_types.Contains(doc.entities[static_cast<size_t>(object)].type);
}

// The words of a titled mention that give the role: its title ("Trade
// Minister" in "Canadian Trade Minister Helen Thornbury", "leader" in "the
// group's leader") without the name, the affiliation, determiners,
// possessive marks and punctuation at either end. Empty when the mention
// holds no title word ("the president of Mexico, Andrés Villalobos": the
// name's mention took the title from its apposition).
Span TitleWords(const DocumentAnalysis& doc, const Mention& mention) {
  size_t begin = mention.token_begin;
  size_t end = mention.name_begin > mention.token_begin    ? mention.name_begin
               : mention.kind == MentionKind::kDescription ? mention.token_end
                                                           : mention.token_begin;
  const Mention* affiliation =
      mention.affiliation >= 0 ? &doc.mentions[static_cast<size_t>(mention.affiliation)] : nullptr;
  const auto dropped = [&](size_t t) {
    const Token& token = doc.tokens[t];
    return !token.Is(kTokenWord) || token.pos == Pos::kDT || token.pos == Pos::kPDT ||
           token.pos == Pos::kPOS || token.pos == Pos::kPRPS ||
           (affiliation != nullptr && affiliation->token_begin <= t && t < affiliation->token_end);
  };
  while (begin < end && dropped(begin)) ++begin;
  while (end > begin && dropped(end - 1)) --end;
  if (begin == end) return {};
  return {doc.tokens[begin].span.begin, doc.tokens[end - 1].span.end};
}

// Whether the mention's title may belong to an entity of this type.
bool TitleAllows(const CompiledRules& rules, const Mention& mention, EntityType type) {
  return mention.title < 0 ||
         rules.pack().titles[static_cast<size_t>(mention.title)].affiliations.Contains(type);
}

RelationMention RoleOf(const DocumentAnalysis& doc, const Mention& mention, int predicate,
                       int object) {
  RelationMention relation;
  relation.subject = mention.entity;
  relation.object = object;
  relation.predicate = predicate;
  relation.sentence = mention.sentence;
  relation.evidence = doc.sentences[mention.sentence].span;
  relation.trigger = TitleWords(doc, mention);
  return relation;
}

// The nation of the place a dateline names ("WASHINGTON (Reuters) -": the
// United States, through the capital's metonym_of), as a lexicon entry; -1
// when there is no dateline or its place has no known nation.
int DatelineNation(const CompiledRules& rules, const DocumentAnalysis& doc) {
  for (const Mention& mention : doc.mentions) {
    const Sentence& sentence = doc.sentences[mention.sentence];
    if (mention.token_begin >= sentence.token_begin + sentence.dateline_end) continue;
    if (!mention.layout || mention.type != EntityType::kLocation || mention.lexicon_entry < 0) {
      continue;
    }
    if (rules.IsNation(mention.lexicon_entry)) return mention.lexicon_entry;
    const std::string& capital_of =
        rules.pack().entities[static_cast<size_t>(mention.lexicon_entry)].metonym_of;
    const int nation = capital_of.empty() ? -1 : rules.FindEntity(capital_of);
    return nation >= 0 && rules.IsNation(nation) ? nation : -1;
  }
  return -1;
}

// The entity of one of `types` that the article is plainly about (a place
// only if it is a nation): named in
// at least one sentence in five (and three times), and at least twice as often
// as any other of those types; -1 when none is. A nation must also be the
// dateline's, when the dateline names one: a story filed in Washington about
// Russia that says "President X" means the American president.
int MainEntity(const CompiledRules& rules, const DocumentAnalysis& doc, TypeSet types,
               int dateline_nation) {
  int best = -1;
  int best_count = 0;
  int second_count = 0;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const DocEntity& entity = doc.entities[e];
    if (!entity.named || !types.Contains(entity.type)) continue;
    // A place a title belongs to is a nation, not a city or region.
    if (entity.type == EntityType::kLocation && !rules.IsNation(entity.lexicon_entry)) continue;
    if (entity.mentions > best_count) {
      second_count = best_count;
      best_count = entity.mentions;
      best = static_cast<int>(e);
    } else if (entity.mentions > second_count) {
      second_count = entity.mentions;
    }
  }
  const int needed = std::max(3, static_cast<int>(doc.sentences.size() / 5));
  if (best < 0 || best_count < needed || best_count < 2 * second_count) return -1;
  const DocEntity& main = doc.entities[static_cast<size_t>(best)];
  if (main.type == EntityType::kLocation && dateline_nation >= 0 &&
      dateline_nation != main.lexicon_entry) {
    return -1;
  }
  return best;
}

// Whether the sentence names a nation other than `main`, by name or by
// adjective ("the Pakistani president met Prime Minister X"): then a title
// there may as well be that nation's, and `main` is no safe guess.
bool OtherNationInSentence(const CompiledRules& rules, const DocumentAnalysis& doc,
                           uint32_t sentence, int main) {
  const auto first = std::lower_bound(
      doc.mentions.begin(), doc.mentions.end(), doc.sentences[sentence].token_begin,
      [](const Mention& mention, uint32_t token) { return mention.token_begin < token; });
  for (auto it = first; it != doc.mentions.end() && it->sentence == sentence; ++it) {
    if (it->type == EntityType::kLocation && it->lexicon_entry >= 0 && it->entity != main &&
        rules.IsNation(it->lexicon_entry) && !it->layout) {
      return true;
    }
  }
  return false;
}

}  // namespace

void AddRoleRelations(const CompiledRules& rules, const DocumentAnalysis& doc,
                      std::vector<RelationMention>* out) {
  std::set<std::pair<int, int>> has_role;  // (person, predicate)
  for (const Mention& mention : doc.mentions) {
    if (mention.role < 0 || mention.affiliation < 0 || mention.entity < 0) continue;
    const int affiliation = doc.mentions[static_cast<size_t>(mention.affiliation)].entity;
    if (affiliation < 0 || affiliation == mention.entity ||
        !Fits(rules, doc, mention.role, mention.entity, affiliation) ||
        !TitleAllows(rules, mention, doc.entities[static_cast<size_t>(affiliation)].type)) {
      continue;
    }
    out->push_back(RoleOf(doc, mention, mention.role, affiliation));
    has_role.emplace(mention.entity, mention.role);
  }
  // "Ivo Marek (SPD)": the group in brackets after a person's name.
  const CompiledRules::Affiliation* bracket = rules.AffiliationAfter(rules.Word("("));
  for (const Mention& mention : doc.mentions) {
    if (bracket == nullptr || mention.bracketed < 0 || mention.entity < 0) continue;
    const int group = doc.mentions[static_cast<size_t>(mention.bracketed)].entity;
    if (group < 0 || group == mention.entity ||
        !bracket->types.Contains(doc.entities[static_cast<size_t>(group)].type) ||
        !Fits(rules, doc, bracket->predicate, mention.entity, group)) {
      continue;
    }
    RelationMention relation = RoleOf(doc, mention, bracket->predicate, group);
    relation.trigger = doc.mentions[static_cast<size_t>(mention.bracketed)].span;
    out->push_back(relation);
  }
  // "Prime Minister Tony Abbott" in an article about Australia: a title
  // that names no country or organization belongs to the one the article is
  // about, when that is unambiguous and the person has no such role already.
  // Worked out once per set of types a title asks for.
  const int dateline_nation = DatelineNation(rules, doc);
  std::vector<std::pair<TypeSet, int>> main_of;
  const auto main_entity = [&](TypeSet types) {
    for (const auto& [asked, main] : main_of) {
      if (asked == types) return main;
    }
    main_of.emplace_back(types, MainEntity(rules, doc, types, dateline_nation));
    return main_of.back().second;
  };
  for (const Mention& mention : doc.mentions) {
    if (mention.role < 0 || mention.affiliation >= 0 || mention.entity < 0 || mention.title < 0 ||
        has_role.contains({mention.entity, mention.role})) {
      continue;
    }
    const TypeSet types = rules.pack().titles[static_cast<size_t>(mention.title)].unqualified;
    if (types == TypeSet::None()) continue;
    const int main = main_entity(types);
    if (main < 0 || main == mention.entity ||
        !Fits(rules, doc, mention.role, mention.entity, main) ||
        (doc.entities[static_cast<size_t>(main)].type == EntityType::kLocation &&
         OtherNationInSentence(rules, doc, mention.sentence, main))) {
      continue;
    }
    out->push_back(RoleOf(doc, mention, mention.role, main));
    has_role.emplace(mention.entity, mention.role);
  }
}

}  // namespace kg
