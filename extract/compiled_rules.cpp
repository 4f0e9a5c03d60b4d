#include "extract/compiled_rules.h"

#include <algorithm>

#include "core/text.h"

namespace kg {
namespace {

uint16_t PosClassBit(PosClass c) { return static_cast<uint16_t>(1u << static_cast<int>(c)); }

PosClass ClassOf(Pos pos) {
  if (IsProperNoun(pos)) return PosClass::kPropn;
  if (IsCommonNoun(pos)) return PosClass::kNoun;
  if (IsVerb(pos) || pos == Pos::kMD) return PosClass::kVerb;
  if (IsAdjective(pos)) return PosClass::kAdj;
  if (IsAdverb(pos)) return PosClass::kAdv;
  if (pos == Pos::kCD) return PosClass::kNum;
  if (pos == Pos::kDT || pos == Pos::kPDT || pos == Pos::kPRPS || pos == Pos::kWDT) {
    return PosClass::kDet;
  }
  if (pos == Pos::kPRP || pos == Pos::kWP || pos == Pos::kEX) return PosClass::kPron;
  return PosClass::kAdp;
}

// A plain loop, which inlines: the lists are short, most are empty, and
// Accepts asks up to four of them for every token a pattern tries.
bool Contains(const std::vector<WordId>& ids, WordId id) {
  if (id == kNoWord) return false;
  for (const WordId listed : ids)
    if (listed == id) return true;
  return false;
}

}  // namespace

bool CompiledElement::HasWord(WordId word) const { return Contains(words, word); }

bool CompiledElement::Accepts(const Token& token) const {
  if (Contains(words, token.word) || Contains(lemmas, token.lemma)) return true;
  if (Contains(verb_lemmas, token.lemma) && IsVerb(token.pos)) return true;
  if (Contains(noun_lemmas, token.lemma) && IsCommonNoun(token.pos)) return true;
  return pos_classes != 0 && token.Is(kTokenWord) &&
         (pos_classes & PosClassBit(ClassOf(token.pos))) != 0;
}

CompiledRules::CompiledRules(RulePack pack)
    : pack_(std::move(pack)),
      tokenizer_(pack_.abbreviations, pack_.clitics, &words_),
      splitter_(&classes_) {}

Result<std::shared_ptr<const CompiledRules>> CompiledRules::Compile(const RulePack& pack) {
  const auto problems = CheckRulePack(pack);
  if (!problems.empty()) {
    std::string message = "invalid rule pack:";
    for (const auto& problem : problems) message += "\n  " + problem;
    return Status::Error(message);
  }
  std::shared_ptr<CompiledRules> rules(new CompiledRules(pack));
  if (Status status = rules->Build(); !status.ok()) return status;
  return std::shared_ptr<const CompiledRules>(std::move(rules));
}

// The word ids of a phrase as the tokenizer splits it, added to the index.
std::vector<WordId> CompiledRules::InternPhrase(std::string_view phrase) {
  DocumentAnalysis scratch;
  tokenizer_.TokenizePhrase(phrase, &scratch);
  std::vector<WordId> ids;
  ids.reserve(scratch.tokens.size());
  for (size_t t = 0; t < scratch.tokens.size(); ++t) ids.push_back(words_.Intern(scratch.Norm(t)));
  if (classes_.size() < words_.size()) classes_.resize(words_.size(), 0);
  return ids;
}

void CompiledRules::AddClass(std::string_view word, WordClass c) {
  for (WordId id : InternPhrase(word)) classes_[id] |= Bit(c);
}

void CompiledRules::AddLexiconForm(std::string_view form, LexiconValue value) {
  DocumentAnalysis scratch;
  tokenizer_.Tokenize(form, &scratch);
  if (scratch.tokens.empty() || scratch.tokens.size() > 32) return;
  std::vector<WordId> ids;
  bool all_caps = true;
  for (size_t k = 0; k < scratch.tokens.size(); ++k) {
    const Token& token = scratch.tokens[k];
    ids.push_back(words_.Intern(scratch.Norm(k)));
    if (token.Is(kTokenCapitalized)) value.upper_mask |= 1u << k;
    if (token.Is(kTokenWord) && !token.Is(kTokenAllCaps)) all_caps = false;
  }
  if (classes_.size() < words_.size()) classes_.resize(words_.size(), 0);
  value.acronym = all_caps;
  lexicon_.Add(ids, static_cast<uint32_t>(lexicon_values_.size()));
  lexicon_values_.push_back(value);
}

Status CompiledRules::Build() {
  for (size_t i = 0; i < pack_.predicates.size(); ++i) {
    predicate_index_[pack_.predicates[i].name] = static_cast<int>(i);
  }
  for (size_t i = 0; i < pack_.entities.size(); ++i) {
    const auto& entry = pack_.entities[i];
    const auto index = static_cast<uint32_t>(i);
    entity_index_[entry.name] = static_cast<int>(i);
    AddLexiconForm(entry.name, {LexiconValue::Kind::kName, index, 0, false});
    for (const auto& alias : entry.aliases) {
      AddLexiconForm(alias, {LexiconValue::Kind::kName, index, 0, false});
    }
  }
  nations_.assign(pack_.entities.size(), false);
  for (const auto& demonym : pack_.demonyms) {
    const auto index = static_cast<uint32_t>(entity_index_.at(demonym.entity));
    nations_[index] = true;
    AddLexiconForm(demonym.adjective, {LexiconValue::Kind::kDemonymAdjective, index, 0, false});
    if (!demonym.plural.empty()) {
      AddLexiconForm(demonym.plural, {LexiconValue::Kind::kDemonymPlural, index, 0, false});
    }
  }
  const auto add_phrases = [&](PhraseIndex* index, const auto& items, auto phrase_of) {
    for (size_t i = 0; i < items.size(); ++i) {
      index->Add(InternPhrase(phrase_of(items[i])), static_cast<uint32_t>(i));
    }
    index->Finish(words_);
  };
  add_phrases(&titles_, pack_.titles, [](const TitleEntry& e) { return e.phrase; });
  add_phrases(&title_modifiers_, pack_.title_modifiers, [](const std::string& e) { return e; });
  add_phrases(&agent_phrases_, pack_.agent_phrases, [](const std::string& e) { return e; });
  add_phrases(&collectives_, pack_.collectives, [](const std::string& e) { return e; });
  add_phrases(&descriptions_, pack_.descriptions,
              [](const DescriptionEntry& e) { return e.phrase; });
  add_phrases(&cues_, pack_.cues, [](const CueEntry& e) { return e.phrase; });
  lexicon_.Finish(words_);
  for (const auto& title : pack_.titles) {
    title_roles_.push_back(title.relation.empty() ? -1 : FindPredicate(title.relation));
  }

  for (const auto& entry : pack_.function_words) {
    for (const auto& name : entry.classes) AddClass(entry.word, *ParseWordClass(name));
  }
  const auto add_list = [&](const std::vector<std::string>& list, WordClass c) {
    for (const auto& word : list) AddClass(AsciiLower(word), c);
  };
  add_list(pack_.given_names, WordClass::kGivenName);
  add_list(pack_.common_words, WordClass::kCommonWord);
  add_list(pack_.non_names, WordClass::kNonName);
  add_list(pack_.name_particles, WordClass::kNameParticle);
  add_list(pack_.place_prepositions, WordClass::kPlacePreposition);
  add_list(pack_.place_nouns, WordClass::kPlaceNoun);
  add_list(pack_.speech_verbs, WordClass::kSpeechVerb);
  add_list(pack_.skip_words, WordClass::kSkipWord);
  add_list(pack_.event_heads, WordClass::kEventHead);
  add_list(pack_.collectives, WordClass::kCollective);
  add_list(pack_.news_agencies, WordClass::kNewsAgency);
  add_list(pack_.proper_nouns, WordClass::kProperNoun);
  for (const auto& head : pack_.name_heads) {
    const WordClass c = head.type == EntityType::kPerson         ? WordClass::kPersonHead
                        : head.type == EntityType::kOrganization ? WordClass::kOrganizationHead
                                                                 : WordClass::kLocationHead;
    AddClass(AsciiLower(head.word), c);
  }
  for (size_t i = 0; i < pack_.pronouns.size(); ++i) {
    for (WordId id : InternPhrase(pack_.pronouns[i].word)) {
      classes_[id] |= Bit(WordClass::kPronoun);
      pronouns_[id] = static_cast<uint32_t>(i);
    }
  }
  for (const auto& verb : pack_.verbs) {
    const std::vector<WordId> lemma = InternPhrase(verb.lemma);
    if (lemma.size() != 1) continue;
    for (const auto& form : verb.forms) {
      const std::vector<WordId> ids = InternPhrase(form);
      if (ids.size() == 1) irregular_[ids.front()] = lemma.front();
    }
  }
  // The role of a rank below the top ("deputy"): also that of a title over
  // a part of its organization ("sales director").
  for (size_t i = 0; i < pack_.titles.size() && subordinate_role_ < 0; ++i) {
    const std::vector<WordId> ids = InternPhrase(pack_.titles[i].phrase);
    if (ids.size() == 1 && Has(ids.front(), WordClass::kSubordinateTitle)) {
      subordinate_role_ = title_roles_[i];
    }
  }
  for (const auto& entry : pack_.affiliations) {
    const std::vector<WordId> ids = InternPhrase(entry.preposition);
    if (ids.size() == 1) affiliations_[ids.front()] = {FindPredicate(entry.predicate), entry.types};
  }
  for (const auto& entry : pack_.layout) {
    if (entry.kind == "source_line") source_line_predicate_ = FindPredicate(entry.predicate);
  }
  for (const auto& entry : pack_.frames) CompileFrame(entry);
  for (const auto& entry : pack_.patterns) {
    if (Status status = CompilePattern(entry); !status.ok()) return status;
  }
  classes_.resize(words_.size(), 0);
  return Status::Ok();
}

void CompiledRules::CompileFrame(const FrameEntry& entry) {
  CompiledFrame frame;
  frame.predicate = FindPredicate(entry.predicate);
  frame.noun = entry.noun;
  frame.source = entry.source;
  for (const auto& word : entry.trigger) {
    for (WordId id : InternPhrase(word)) frame.trigger.push_back(id);
  }
  for (const auto& marker : entry.markers) {
    if (marker == "object") {
      frame.takes_object = true;
    } else if (marker == "object_agent") {
      frame.takes_object = true;
      frame.object_agent = true;
    } else if (marker == "between") {
      frame.between = InternPhrase(marker).front();
    } else {
      for (WordId id : InternPhrase(marker)) frame.prepositions.push_back(id);
    }
  }
  const PredicateEntry& predicate = pack_.predicates[static_cast<size_t>(frame.predicate)];
  frame.subject_types = predicate.subject_types;
  frame.object_types = TypeSet::None();
  for (EntityType type : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    if (predicate.object_types.Contains(type) && entry.object_types.Contains(type)) {
      frame.object_types.Add(type);
    }
  }
  if (frame.trigger.empty()) return;
  const auto index = static_cast<uint32_t>(frames_.size());
  frames_by_lemma_[frame.trigger.front()].push_back(index);
  classes_[frame.trigger.front()] |= Bit(WordClass::kFrameTrigger);
  frames_.push_back(std::move(frame));
}

Status CompiledRules::CompilePattern(const PatternEntry& entry) {
  auto parsed = ParseRelationPattern(entry.pattern);
  if (!parsed.ok()) return parsed.status().WithContext(entry.source);
  CompiledPattern pattern;
  pattern.predicate = FindPredicate(entry.predicate);
  pattern.source = entry.source;
  bool anchored = false;
  for (const auto& element : parsed->elements) {
    CompiledElement compiled;
    compiled.kind = element.kind;
    compiled.is_subject = element.is_subject;
    compiled.types = element.types;
    compiled.optional = element.optional;
    if (!element.last_word_class.empty()) {
      compiled.slot_last_word = *ParseWordClass(element.last_word_class);
    }
    for (PosClass c : element.pos_classes) compiled.pos_classes |= PosClassBit(c);
    for (const auto& lemma : element.lemmas) {
      const std::vector<WordId> ids = InternPhrase(lemma.lemma);
      if (ids.size() != 1) {
        return Status::Error(entry.source + ": lemma \"" + lemma.lemma + "\" is several words");
      }
      auto& target = lemma.any_pos ? compiled.lemmas
                     : lemma.noun  ? compiled.noun_lemmas
                                   : compiled.verb_lemmas;
      target.push_back(ids.front());
    }
    // A word the tokenizer splits ("cease-fire") becomes consecutive
    // elements when it stands alone; as one of several alternatives it
    // cannot be matched, which is an error in the pack.
    std::vector<WordId> sequence;
    const size_t alternatives = element.words.size() + element.lemmas.size();
    for (const auto& word : element.words) {
      std::vector<WordId> ids = InternPhrase(word);
      if (ids.size() > 1 && alternatives > 1) {
        return Status::Error(entry.source + ": \"" + word +
                             "\" is several words; give it a pattern line of its own");
      }
      if (ids.size() > 1) sequence = ids;
      compiled.words.insert(compiled.words.end(), ids.begin(), ids.end());
    }
    const bool anchorable = compiled.kind == PatternElement::Kind::kWords && !compiled.optional &&
                            compiled.pos_classes == 0;
    if (sequence.size() > 1) {
      for (WordId word : sequence) {
        CompiledElement part = compiled;
        part.words = {word};
        if (!anchored && anchorable) {
          pattern.anchor = pattern.elements.size();
          anchored = true;
        }
        pattern.elements.push_back(std::move(part));
      }
      continue;
    }
    if (!anchored && anchorable) {
      pattern.anchor = pattern.elements.size();
      anchored = true;
    }
    pattern.elements.push_back(std::move(compiled));
  }
  if (!anchored) {
    return Status::Error(entry.source +
                         ": a pattern needs a required word or lemma without @classes");
  }
  const auto index = static_cast<uint32_t>(patterns_.size());
  const CompiledElement& anchor = pattern.elements[pattern.anchor];
  for (WordId word : anchor.words) {
    anchors_by_word_[word].push_back(index);
    classes_[word] |= Bit(WordClass::kPatternAnchor);
  }
  for (const auto* lemmas : {&anchor.lemmas, &anchor.verb_lemmas, &anchor.noun_lemmas}) {
    for (WordId lemma : *lemmas) {
      anchors_by_lemma_[lemma].push_back(index);
      classes_[lemma] |= Bit(WordClass::kPatternAnchor);
    }
  }
  patterns_.push_back(std::move(pattern));
  return Status::Ok();
}

const PronounEntry* CompiledRules::Pronoun(WordId word) const {
  if (!Has(word, WordClass::kPronoun)) return nullptr;
  auto it = pronouns_.find(word);
  return it == pronouns_.end() ? nullptr : &pack_.pronouns[it->second];
}

const CompiledRules::Affiliation* CompiledRules::AffiliationAfter(WordId preposition) const {
  if (preposition == kNoWord || affiliations_.empty()) return nullptr;
  auto it = affiliations_.find(preposition);
  return it == affiliations_.end() ? nullptr : &it->second;
}

WordId CompiledRules::IrregularLemma(WordId form) const {
  if (form == kNoWord || irregular_.empty()) return kNoWord;
  auto it = irregular_.find(form);
  return it == irregular_.end() ? kNoWord : it->second;
}

const std::string& CompiledRules::RuleSource(int rule) const {
  const auto index = static_cast<size_t>(rule);
  return index < frames_.size() ? frames_[index].source : patterns_[index - frames_.size()].source;
}

int CompiledRules::FindEntity(std::string_view name) const {
  auto it = entity_index_.find(std::string(name));
  return it == entity_index_.end() ? -1 : it->second;
}

int CompiledRules::FindPredicate(std::string_view name) const {
  auto it = predicate_index_.find(std::string(name));
  return it == predicate_index_.end() ? -1 : it->second;
}

std::span<const uint32_t> CompiledRules::FramesTriggeredBy(WordId lemma) const {
  if (!Has(lemma, WordClass::kFrameTrigger)) return {};
  auto it = frames_by_lemma_.find(lemma);
  if (it == frames_by_lemma_.end()) return {};
  return it->second;
}

bool CompiledRules::TakesPlaceAfter(WordId lemma, WordId preposition) const {
  for (uint32_t f : FramesTriggeredBy(lemma)) {
    const CompiledFrame& frame = frames_[f];
    if (frame.object_types != TypeSet::Of(EntityType::kLocation)) continue;
    if (preposition == kNoWord ? frame.takes_object
                               : std::find(frame.prepositions.begin(), frame.prepositions.end(),
                                           preposition) != frame.prepositions.end()) {
      return true;
    }
  }
  return false;
}

std::array<std::span<const uint32_t>, 2> CompiledRules::PatternsAnchoredAt(
    const Token& token) const {
  std::array<std::span<const uint32_t>, 2> found;
  if (!MayAnchorPatterns(token)) return found;
  if (auto it = anchors_by_word_.find(token.word); it != anchors_by_word_.end()) {
    found[0] = it->second;
  }
  if (token.lemma != kNoWord) {
    if (auto it = anchors_by_lemma_.find(token.lemma); it != anchors_by_lemma_.end()) {
      found[1] = it->second;
    }
  }
  return found;
}

}  // namespace kg
