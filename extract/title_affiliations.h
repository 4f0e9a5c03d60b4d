// The organization or country a title belongs to when it does not stand
// before the title: after it ("the leader of Hamas", "a professor of
// physics at Yale", "Prime Minister Ravi Nair of India"), or shared
// along a list ("Rovna chairman Ivo Marek, director-general Ana Lobo and
// reporter Tom Hale"). A document pass between mention finding and
// coreference: sets Mention::affiliation of titled mentions that lack one.
#pragma once

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

void FindTitleAffiliations(const CompiledRules& rules, DocumentAnalysis* doc);

}  // namespace kg
