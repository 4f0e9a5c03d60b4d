// Role relations (leader_of, member_of ...) from titles: a person mention
// with a title that gives a role, and the organization or country the title
// belongs to ("Israeli Prime Minister Benjamin Netanyahu", "Hamas leader
// Ismail Haniyeh", "Yahya Sinwar, the group's Gaza leader", "the head of the
// IRGC, Hossein Salami"). The role comes from titles.tsv.
#pragma once

#include <vector>

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

void AddRoleRelations(const CompiledRules& rules, const DocumentAnalysis& doc,
                      std::vector<RelationMention>* out);

}  // namespace kg
