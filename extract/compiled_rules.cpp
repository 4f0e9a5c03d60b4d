#include "extract/compiled_rules.h"

#include <algorithm>

#include "core/text.h"
#include "extract/relation_pattern.h"

namespace kg {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections. Where doubling the final consonant is a
// guess ("plan" -> "planned", but "visit" -> "visited"), both forms are
// produced: the wrong one never occurs in text, so it costs nothing.
std::vector<std::string> RegularForms(const std::string& lemma) {
  std::vector<std::string> forms = {lemma};
  if (lemma.empty()) return forms;
  const char last = lemma.back();
  const bool consonant_y = lemma.size() > 1 && last == 'y' && !IsVowel(lemma[lemma.size() - 2]);
  if (EndsWith(lemma, "s") || EndsWith(lemma, "x") || EndsWith(lemma, "z") ||
      EndsWith(lemma, "ch") || EndsWith(lemma, "sh")) {
    forms.push_back(lemma + "es");
  } else if (consonant_y) {
    forms.push_back(lemma.substr(0, lemma.size() - 1) + "ies");
  } else {
    forms.push_back(lemma + "s");
  }
  if (last == 'e') {
    forms.push_back(lemma + "d");
  } else if (consonant_y) {
    forms.push_back(lemma.substr(0, lemma.size() - 1) + "ied");
  } else {
    forms.push_back(lemma + "ed");
  }
  if (EndsWith(lemma, "ie")) {
    forms.push_back(lemma.substr(0, lemma.size() - 2) + "ying");
  } else if (last == 'e' && !EndsWith(lemma, "ee") && !EndsWith(lemma, "ye") &&
             !EndsWith(lemma, "oe")) {
    forms.push_back(lemma.substr(0, lemma.size() - 1) + "ing");
  } else {
    forms.push_back(lemma + "ing");
  }
  const size_t n = lemma.size();
  if (n >= 3 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
      IsVowel(lemma[n - 2]) && !IsVowel(lemma[n - 3])) {
    forms.push_back(lemma + last + "ed");
    forms.push_back(lemma + last + "ing");
  }
  return forms;
}

}  // namespace

CompiledRules::CompiledRules(RulePack pack)
    : pack_(std::move(pack)), tokenizer_(pack_.abbreviations), splitter_(pack_.common_words) {}

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

std::vector<std::string> CompiledRules::PhraseWords(std::string_view phrase) const {
  std::vector<std::string> words;
  for (const Token& token : tokenizer_.Tokenize(phrase)) words.push_back(token.norm);
  return words;
}

void CompiledRules::AddLexiconForm(std::string_view form, LexiconValue value) {
  const std::vector<Token> tokens = tokenizer_.Tokenize(form);
  if (tokens.empty()) return;
  std::vector<std::string> words;
  bool all_caps = true;
  for (const Token& token : tokens) {
    words.push_back(token.norm);
    value.upper.push_back(token.Is(kTokenCapitalized));
    if (token.Is(kTokenWord) && !token.Is(kTokenAllCaps)) all_caps = false;
  }
  value.acronym = all_caps;
  lexicon_.Add(words, std::move(value));
}

Status CompiledRules::Build() {
  for (size_t i = 0; i < pack_.entities.size(); ++i) {
    const auto& entry = pack_.entities[i];
    const auto index = static_cast<uint32_t>(i);
    entity_index_[entry.name] = static_cast<int>(i);
    AddLexiconForm(entry.name, {LexiconValue::Kind::kName, index, {}, false});
    for (const auto& alias : entry.aliases) {
      AddLexiconForm(alias, {LexiconValue::Kind::kName, index, {}, false});
    }
  }
  for (const auto& demonym : pack_.demonyms) {
    const auto index = static_cast<uint32_t>(entity_index_.at(demonym.entity));
    AddLexiconForm(demonym.adjective, {LexiconValue::Kind::kDemonymAdjective, index, {}, false});
    if (!demonym.plural.empty()) {
      AddLexiconForm(demonym.plural, {LexiconValue::Kind::kDemonymPlural, index, {}, false});
    }
  }
  for (size_t i = 0; i < pack_.titles.size(); ++i) {
    titles_.Add(PhraseWords(pack_.titles[i].phrase), static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < pack_.title_modifiers.size(); ++i) {
    title_modifiers_.Add(PhraseWords(pack_.title_modifiers[i]), static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < pack_.collectives.size(); ++i) {
    collectives_.Add(PhraseWords(pack_.collectives[i]), static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < pack_.descriptions.size(); ++i) {
    descriptions_.Add(PhraseWords(pack_.descriptions[i].phrase), static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < pack_.cues.size(); ++i) {
    cues_.Add(PhraseWords(pack_.cues[i].phrase), static_cast<uint32_t>(i));
  }
  given_names_.insert(pack_.given_names.begin(), pack_.given_names.end());
  common_words_.insert(pack_.common_words.begin(), pack_.common_words.end());
  non_names_.insert(pack_.non_names.begin(), pack_.non_names.end());
  event_heads_.insert(pack_.event_heads.begin(), pack_.event_heads.end());
  name_particles_.insert(pack_.name_particles.begin(), pack_.name_particles.end());
  place_prepositions_.insert(pack_.place_prepositions.begin(), pack_.place_prepositions.end());
  place_nouns_.insert(pack_.place_nouns.begin(), pack_.place_nouns.end());
  speech_verbs_.insert(pack_.speech_verbs.begin(), pack_.speech_verbs.end());
  skip_words_.insert(pack_.skip_words.begin(), pack_.skip_words.end());
  for (const auto& head : pack_.name_heads) name_heads_[head.word] = head.type;
  for (const auto& pronoun : pack_.pronouns) pronouns_.emplace(pronoun.word, pronoun.types);
  for (const auto& verb : pack_.verbs) irregular_verbs_[verb.lemma] = verb.forms;
  for (size_t i = 0; i < pack_.predicates.size(); ++i) {
    predicate_index_[pack_.predicates[i].name] = static_cast<int>(i);
  }

  for (const auto& entry : pack_.patterns) {
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
      // A word the tokenizer splits ("cease-fire") becomes consecutive
      // elements when it stands alone; as one of several alternatives it
      // cannot be matched, which is an error in the pack.
      std::vector<std::string> sequence;
      for (const auto& word : element.words) {
        std::vector<std::string> norms = PhraseWords(word);
        if (norms.size() > 1 && element.words.size() + element.verb_lemmas.size() > 1) {
          return Status::Error(entry.source + ": \"" + word +
                               "\" is several words; give it a pattern line of its own");
        }
        if (norms.size() > 1) sequence = norms;
        for (auto& norm : norms) compiled.words.insert(std::move(norm));
      }
      for (const auto& lemma : element.verb_lemmas) {
        for (auto& form : VerbForms(lemma)) compiled.words.insert(std::move(form));
      }
      if (sequence.size() > 1) {
        for (const auto& word : sequence) {
          CompiledElement part = compiled;
          part.words = {word};
          if (!anchored && !part.optional) {
            pattern.anchor = pattern.elements.size();
            anchored = true;
          }
          pattern.elements.push_back(std::move(part));
        }
        continue;
      }
      if (!anchored && compiled.kind == PatternElement::Kind::kWords && !compiled.optional) {
        pattern.anchor = pattern.elements.size();
        anchored = true;
      }
      pattern.elements.push_back(std::move(compiled));
    }
    const auto index = static_cast<uint32_t>(patterns_.size());
    for (const auto& word : pattern.elements[pattern.anchor].words) anchors_[word].push_back(index);
    patterns_.push_back(std::move(pattern));
  }
  return Status::Ok();
}

std::optional<EntityType> CompiledRules::NameHeadType(std::string_view word) const {
  auto it = name_heads_.find(word);
  if (it == name_heads_.end()) return std::nullopt;
  return it->second;
}

std::optional<TypeSet> CompiledRules::PronounTypes(std::string_view norm) const {
  auto it = pronouns_.find(norm);
  if (it == pronouns_.end()) return std::nullopt;
  return it->second;
}

int CompiledRules::FindEntity(std::string_view name) const {
  auto it = entity_index_.find(name);
  return it == entity_index_.end() ? -1 : it->second;
}

int CompiledRules::FindPredicate(std::string_view name) const {
  auto it = predicate_index_.find(name);
  return it == predicate_index_.end() ? -1 : it->second;
}

const std::vector<uint32_t>* CompiledRules::PatternsAnchoredAt(std::string_view norm) const {
  auto it = anchors_.find(norm);
  return it == anchors_.end() ? nullptr : &it->second;
}

std::vector<std::string> CompiledRules::VerbForms(const std::string& lemma) const {
  auto it = irregular_verbs_.find(lemma);
  if (it == irregular_verbs_.end()) return RegularForms(lemma);
  std::vector<std::string> forms = {lemma};
  forms.insert(forms.end(), it->second.begin(), it->second.end());
  return forms;
}

}  // namespace kg
