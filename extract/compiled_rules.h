// A RulePack compiled for matching: every word an integer id with class
// bits, tries keyed by word ids, relation frames and patterns indexed by the
// lemma or word that triggers them. Built once by Compile(), immutable
// afterwards and safe to share between threads; extraction never hashes a
// string except to look each token up once.
#pragma once

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "extract/phrase_index.h"
#include "extract/relation_pattern.h"
#include "extract/rule_pack.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"
#include "extract/word_class.h"
#include "extract/word_index.h"

namespace kg {

struct LexiconValue {
  enum class Kind : uint8_t { kName, kDemonymAdjective, kDemonymPlural };
  Kind kind = Kind::kName;
  uint32_t entry = 0;       // index into RulePack::entities
  uint32_t upper_mask = 0;  // bit k: the form's word k starts with a capital
  bool acronym = false;     // the form is all capitals ("US"): the text must be too
};

struct CompiledElement {
  PatternElement::Kind kind = PatternElement::Kind::kWords;
  bool is_subject = false;
  TypeSet types = TypeSet::All();
  bool optional = false;
  std::vector<WordId> words;                     // comparison forms
  std::vector<WordId> lemmas;                    // any part of speech
  std::vector<WordId> verb_lemmas;               // "~x/VERB"
  std::vector<WordId> noun_lemmas;               // "~x/NOUN"
  uint16_t pos_classes = 0;                      // bit per PosClass
  WordClass slot_last_word = WordClass::kCount;  // kSlot: class of the mention's last word

  bool Accepts(const Token& token) const;
  bool HasWord(WordId word) const;
};

struct CompiledPattern {
  int predicate = -1;
  std::vector<CompiledElement> elements;
  size_t anchor = 0;  // first required word element: where matching starts
  std::string source;
};

struct CompiledFrame {
  int predicate = -1;
  bool noun = false;
  std::vector<WordId> trigger;  // lemma ids, head first: {call, on}
  bool takes_object = false;    // a direct object
  // The direct object may be an act whose agent is meant: "condemned
  // Iran's missile tests", "condemned the attacks by the Houthis".
  bool object_agent = false;
  WordId between = kNoWord;  // "between X and Y": the word that takes both arguments
  std::vector<WordId> prepositions;
  TypeSet subject_types = TypeSet::All();  // the predicate's
  TypeSet object_types = TypeSet::All();   // the predicate's and the frame's
  std::string source;
};

class CompiledRules {
 public:
  // Fails with every problem CheckRulePack finds, one per line.
  static Result<std::shared_ptr<const CompiledRules>> Compile(const RulePack& pack);

  CompiledRules(const CompiledRules&) = delete;  // heavy: share the shared_ptr
  CompiledRules& operator=(const CompiledRules&) = delete;

  const RulePack& pack() const { return pack_; }
  const WordIndex& words() const { return words_; }
  const Tokenizer& tokenizer() const { return tokenizer_; }
  const SentenceSplitter& splitter() const { return splitter_; }

  WordClasses Classes(WordId word) const { return word == kNoWord ? 0 : classes_[word]; }
  bool Has(WordId word, WordClass c) const { return (Classes(word) & Bit(c)) != 0; }
  // The id of a word of the pack ("be", "of"), kNoWord when it has none.
  WordId Word(std::string_view text) const { return words_.Find(text); }

  const PhraseIndex& lexicon() const { return lexicon_; }  // -> lexicon_value()
  const LexiconValue& lexicon_value(uint32_t index) const { return lexicon_values_[index]; }
  const PhraseIndex& titles() const { return titles_; }  // -> pack().titles
  const PhraseIndex& title_modifiers() const { return title_modifiers_; }
  const PhraseIndex& agent_phrases() const { return agent_phrases_; }  // -> pack().agent_phrases
  const PhraseIndex& collectives() const { return collectives_; }      // -> pack().collectives
  const PhraseIndex& descriptions() const { return descriptions_; }    // -> pack().descriptions
  const PhraseIndex& cues() const { return cues_; }                    // -> pack().cues

  // The pronoun entry of a word, or nullptr.
  const PronounEntry* Pronoun(WordId word) const;
  // The predicate a title gives ("leader_of"), or -1 for an honorific.
  int TitleRole(size_t title) const { return title_roles_[title]; }
  // The role of a subordinate title ("deputy": member_of), or -1.
  int SubordinateRole() const { return subordinate_role_; }
  // What a person named before this preposition belongs to (affiliations.tsv), or nullptr.
  struct Affiliation {
    int predicate = -1;
    TypeSet types = TypeSet::All();
  };
  const Affiliation* AffiliationAfter(WordId preposition) const;
  // What a source line states of its source and place (layout.tsv), or -1.
  int SourceLinePredicate() const { return source_line_predicate_; }
  // The lemma verbs.tsv gives a form, or kNoWord.
  WordId IrregularLemma(WordId form) const;

  // Whether a lexicon entry is a nation: one with a demonym ("Israel",
  // "Hamas" has none), which is what a head of state's title belongs to.
  bool IsNation(int entry) const {
    return entry >= 0 && static_cast<size_t>(entry) < nations_.size() &&
           nations_[static_cast<size_t>(entry)];
  }
  // Lexicon entry of a canonical name, or -1.
  int FindEntity(std::string_view name) const;
  int predicate_count() const { return static_cast<int>(pack_.predicates.size()); }
  const PredicateEntry& predicate(int index) const {
    return pack_.predicates[static_cast<size_t>(index)];
  }
  int FindPredicate(std::string_view name) const;

  const std::vector<CompiledFrame>& frames() const { return frames_; }
  // Frames whose trigger starts with this lemma.
  std::span<const uint32_t> FramesTriggeredBy(WordId lemma) const;
  // Whether a trigger with this lemma takes only a place as its object,
  // directly ("visit Beijing": preposition kNoWord) or after a preposition
  // ("travelled to Beijing", "a trip to Beijing").
  bool TakesPlaceAfter(WordId lemma, WordId preposition) const;

  const std::vector<CompiledPattern>& patterns() const { return patterns_; }

  // Rules that find relations, numbered frames first, then patterns; their
  // "file:line" for a rule number.
  int FrameRule(size_t frame) const { return static_cast<int>(frame); }
  int PatternRule(size_t pattern) const { return static_cast<int>(frames_.size() + pattern); }
  int rule_count() const { return static_cast<int>(frames_.size() + patterns_.size()); }
  const std::string& RuleSource(int rule) const;
  // Whether some pattern is anchored by this token's word or lemma: most
  // tokens anchor none, and are ruled out inline, without a call.
  bool MayAnchorPatterns(const Token& token) const {
    return Has(token.word, WordClass::kPatternAnchor) ||
           Has(token.lemma, WordClass::kPatternAnchor);
  }
  // Patterns whose anchor element may accept this token: those anchored by
  // its word, then those anchored by its lemma.
  std::array<std::span<const uint32_t>, 2> PatternsAnchoredAt(const Token& token) const;

 private:
  explicit CompiledRules(RulePack pack);
  Status Build();
  std::vector<WordId> InternPhrase(std::string_view phrase);
  void AddClass(std::string_view word, WordClass c);
  void AddLexiconForm(std::string_view form, LexiconValue value);
  Status CompilePattern(const PatternEntry& entry);
  void CompileFrame(const FrameEntry& entry);

  RulePack pack_;
  WordIndex words_;
  std::vector<WordClasses> classes_;  // per word id
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
  PhraseIndex lexicon_;
  std::vector<LexiconValue> lexicon_values_;
  PhraseIndex titles_;
  PhraseIndex title_modifiers_;
  PhraseIndex agent_phrases_;
  PhraseIndex collectives_;
  PhraseIndex descriptions_;
  PhraseIndex cues_;
  std::vector<int> title_roles_;
  int subordinate_role_ = -1;
  std::vector<bool> nations_;                             // per lexicon entry
  std::unordered_map<WordId, uint32_t> pronouns_;         // word -> pack().pronouns
  std::unordered_map<WordId, WordId> irregular_;          // form -> lemma
  std::unordered_map<WordId, Affiliation> affiliations_;  // preposition -> role
  int source_line_predicate_ = -1;
  std::unordered_map<std::string, int> entity_index_;
  std::unordered_map<std::string, int> predicate_index_;
  std::vector<CompiledFrame> frames_;
  std::unordered_map<WordId, std::vector<uint32_t>> frames_by_lemma_;
  std::vector<CompiledPattern> patterns_;
  std::unordered_map<WordId, std::vector<uint32_t>> anchors_by_word_;
  std::unordered_map<WordId, std::vector<uint32_t>> anchors_by_lemma_;
};

}  // namespace kg
