// Links the mentions of one document to entities: one DocEntity per
// real-world referent. Surnames and titled forms join the full name ("Mr.
// Netanyahu" -> "Benjamin Netanyahu"), acronyms their expansion, lexicon
// aliases their canonical name, pronouns and descriptions the nearest
// fitting entity before them.
#pragma once

#include <string_view>
#include <vector>

#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

class Coreference {
 public:
  explicit Coreference(const CompiledRules& rules) : rules_(rules) {}

  // Sets Mention::entity (-1 for mentions that resolve to nothing) and
  // returns the entities, ordered by first mention.
  std::vector<DocEntity> Resolve(std::string_view text, const std::vector<Token>& tokens,
                                 std::vector<Mention>* mentions) const;

 private:
  const CompiledRules& rules_;
};

}  // namespace kg
