// A RulePack compiled for matching: tries over token norms, hashed word
// sets and relation patterns with their verb forms expanded. Built once,
// immutable afterwards, and safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "extract/phrase_trie.h"
#include "extract/relation_pattern.h"
#include "extract/rule_pack.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"

namespace kg {

struct LexiconValue {
  enum class Kind : uint8_t { kName, kDemonymAdjective, kDemonymPlural };
  Kind kind = Kind::kName;
  uint32_t entry = 0;       // index into RulePack::entities
  std::vector<bool> upper;  // per token: the form starts with a capital
  bool acronym = false;     // the form is all capitals ("US"): the text must be too
};

struct CompiledElement {
  PatternElement::Kind kind = PatternElement::Kind::kWords;
  bool is_subject = false;
  TypeSet types = TypeSet::All();
  bool optional = false;
  std::unordered_set<std::string> words;  // every accepted norm, verb forms included
};

struct CompiledPattern {
  int predicate = -1;
  std::vector<CompiledElement> elements;
  size_t anchor = 0;  // first required word element: where matching starts
  std::string source;
};

class CompiledRules {
 public:
  // Fails with every problem CheckRulePack finds, one per line.
  static Result<std::shared_ptr<const CompiledRules>> Compile(const RulePack& pack);

  const RulePack& pack() const { return pack_; }
  const Tokenizer& tokenizer() const { return tokenizer_; }
  const SentenceSplitter& splitter() const { return splitter_; }

  const PhraseTrie<LexiconValue>& lexicon() const { return lexicon_; }
  const PhraseTrie<uint32_t>& titles() const { return titles_; }  // -> pack().titles
  const PhraseTrie<uint32_t>& title_modifiers() const { return title_modifiers_; }
  const PhraseTrie<uint32_t>& collectives() const { return collectives_; }
  const PhraseTrie<uint32_t>& descriptions() const {
    return descriptions_;
  }                                                           // -> pack().descriptions
  const PhraseTrie<uint32_t>& cues() const { return cues_; }  // -> pack().cues

  bool IsGivenName(std::string_view word) const { return given_names_.contains(word); }
  bool IsCommonWord(std::string_view norm) const { return common_words_.contains(norm); }
  bool IsNonName(std::string_view word) const { return non_names_.contains(word); }
  bool IsEventHead(std::string_view word) const { return event_heads_.contains(word); }
  bool IsNameParticle(std::string_view norm) const { return name_particles_.contains(norm); }
  bool IsPlacePreposition(std::string_view norm) const {
    return place_prepositions_.contains(norm);
  }
  bool IsPlaceNoun(std::string_view norm) const { return place_nouns_.contains(norm); }
  bool IsSpeechVerb(std::string_view norm) const { return speech_verbs_.contains(norm); }
  // Listed skip words and lowercase "-ly" adverbs.
  bool IsSkipWord(std::string_view norm) const {
    return skip_words_.contains(norm) || (norm.size() > 4 && norm.ends_with("ly"));
  }
  std::optional<EntityType> NameHeadType(std::string_view word) const;
  std::optional<TypeSet> PronounTypes(std::string_view norm) const;

  // Lexicon entry of a canonical name, or -1.
  int FindEntity(std::string_view name) const;

  int predicate_count() const { return static_cast<int>(pack_.predicates.size()); }
  const PredicateEntry& predicate(int index) const {
    return pack_.predicates[static_cast<size_t>(index)];
  }
  int FindPredicate(std::string_view name) const;

  const std::vector<CompiledPattern>& patterns() const { return patterns_; }
  // Patterns whose anchor element accepts `norm`.
  const std::vector<uint32_t>* PatternsAnchoredAt(std::string_view norm) const;

  // Every form of a verb: irregular ones from verbs.tsv, the rest by rule.
  std::vector<std::string> VerbForms(const std::string& lemma) const;

 private:
  explicit CompiledRules(RulePack pack);
  Status Build();
  std::vector<std::string> PhraseWords(std::string_view phrase) const;
  void AddLexiconForm(std::string_view form, LexiconValue value);

  RulePack pack_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
  PhraseTrie<LexiconValue> lexicon_;
  PhraseTrie<uint32_t> titles_;
  PhraseTrie<uint32_t> title_modifiers_;
  PhraseTrie<uint32_t> collectives_;
  PhraseTrie<uint32_t> descriptions_;
  PhraseTrie<uint32_t> cues_;
  WordSet given_names_;
  WordSet common_words_;
  WordSet non_names_;
  WordSet event_heads_;
  WordSet name_particles_;
  WordSet place_prepositions_;
  WordSet place_nouns_;
  WordSet speech_verbs_;
  WordSet skip_words_;
  WordMap<EntityType> name_heads_;
  WordMap<TypeSet> pronouns_;
  WordMap<int> entity_index_;
  WordMap<int> predicate_index_;
  std::unordered_map<std::string, std::vector<std::string>> irregular_verbs_;
  std::vector<CompiledPattern> patterns_;
  WordMap<std::vector<uint32_t>> anchors_;
};

}  // namespace kg
