#include "extract/relation_pattern.h"

#include <optional>

#include "core/text.h"
#include "extract/word_class.h"

namespace kg {
namespace {

std::optional<PosClass> ParsePosClass(std::string_view name) {
  static constexpr std::pair<std::string_view, PosClass> kClasses[] = {
      {"NOUN", PosClass::kNoun}, {"PROPN", PosClass::kPropn}, {"VERB", PosClass::kVerb},
      {"ADJ", PosClass::kAdj},   {"ADV", PosClass::kAdv},     {"NUM", PosClass::kNum},
      {"DET", PosClass::kDet},   {"PRON", PosClass::kPron},   {"ADP", PosClass::kAdp}};
  for (const auto& [text, value] : kClasses) {
    if (text == name) return value;
  }
  return std::nullopt;
}

Result<PatternElement> ParseSlot(std::string_view item) {
  PatternElement slot;
  slot.kind = PatternElement::Kind::kSlot;
  slot.is_subject = item.front() == 'X';
  // "X:ORGANIZATION#corporate_suffix": the mention's last word has this class.
  if (const size_t hash = item.find('#'); hash != std::string_view::npos) {
    const std::string_view name = item.substr(hash + 1);
    if (!ParseWordClass(name)) {
      return Status::Error("unknown word class \"" + std::string(name) + "\" in \"" +
                           std::string(item) + "\"");
    }
    slot.last_word_class = std::string(name);
    item = item.substr(0, hash);
  }
  if (item.size() > 1) {
    if (item[1] != ':') return Status::Error("bad slot \"" + std::string(item) + "\"");
    auto types = TypeSet::Parse(item.substr(2));
    if (!types) {
      return Status::Error("unknown type \"" + std::string(item.substr(2)) + "\" in \"" +
                           std::string(item) + "\"");
    }
    slot.types = *types;
  }
  return slot;
}

Status ParseLemma(std::string_view word, PatternElement* element) {
  word.remove_prefix(1);
  LemmaAlternative lemma;
  if (const size_t slash = word.find('/'); slash != std::string_view::npos) {
    const std::string_view pos = word.substr(slash + 1);
    if (pos != "VERB" && pos != "NOUN") {
      return Status::Error("\"~" + std::string(word) + "\": a lemma takes /VERB or /NOUN");
    }
    lemma.any_pos = false;
    lemma.noun = pos == "NOUN";
    word = word.substr(0, slash);
  }
  if (word.empty()) return Status::Error("\"~\" needs a lemma");
  lemma.lemma = AsciiLower(word);
  element->lemmas.push_back(std::move(lemma));
  return Status::Ok();
}

Result<PatternElement> ParseWords(std::string_view item) {
  PatternElement element;
  if (item.front() == '[') {
    if (item.back() != ']' || item.size() < 3) {
      return Status::Error("unclosed optional \"" + std::string(item) + "\"");
    }
    element.optional = true;
    item = item.substr(1, item.size() - 2);
  }
  for (std::string_view word : Split(item, '|')) {
    if (word.empty()) return Status::Error("empty alternative in \"" + std::string(item) + "\"");
    if (word.front() == '~') {
      if (Status status = ParseLemma(word, &element); !status.ok()) return status;
    } else if (word.front() == '@' && word.size() > 1) {
      auto pos = ParsePosClass(word.substr(1));
      if (!pos) {
        return Status::Error("unknown part of speech \"" + std::string(word) +
                             "\" (@NOUN, @PROPN, @VERB, @ADJ, @ADV, @NUM, @DET, @PRON, @ADP)");
      }
      element.pos_classes.push_back(*pos);
    } else {
      element.words.push_back(AsciiLower(word));
    }
  }
  return element;
}

bool IsSlotToken(std::string_view item) {
  return (item.front() == 'X' || item.front() == 'Y') &&
         (item.size() == 1 || item[1] == ':' || item[1] == '#');
}

bool IsVariableWidth(PatternElement::Kind kind) {
  return kind == PatternElement::Kind::kGap || kind == PatternElement::Kind::kNounPhrases ||
         kind == PatternElement::Kind::kRelative;
}

}  // namespace

Result<RelationPattern> ParseRelationPattern(std::string_view text) {
  RelationPattern pattern;
  int subjects = 0;
  int objects = 0;
  int words = 0;
  int gaps = 0;
  for (std::string_view item : Split(Trim(text), ' ')) {
    if (item.empty()) continue;
    PatternElement element;
    if (IsSlotToken(item)) {
      auto slot = ParseSlot(item);
      if (!slot.ok()) return slot.status();
      (slot->is_subject ? subjects : objects)++;
      if (!pattern.elements.empty() &&
          pattern.elements.back().kind == PatternElement::Kind::kSlot) {
        return Status::Error("two slots in a row; put a word between X and Y");
      }
      element = std::move(*slot);
    } else if (item.size() > 1 && item.front() == '!') {
      auto parsed = ParseWords(item.substr(1));
      if (!parsed.ok()) return parsed.status();
      element = std::move(*parsed);
      element.kind = PatternElement::Kind::kNot;
    } else if (item.starts_with("...") || item == "NP*" || item == "REL") {
      element.kind = item.starts_with("...") ? PatternElement::Kind::kGap
                     : item == "REL"         ? PatternElement::Kind::kRelative
                                             : PatternElement::Kind::kNounPhrases;
      // "...:LOCATION": a gap that may hold mentions of these types.
      element.types = TypeSet::None();
      if (item.size() > 3) {
        const auto types =
            item[3] == ':' ? TypeSet::Parse(item.substr(4)) : std::optional<TypeSet>();
        if (!types || item == "NP*") {
          return Status::Error("bad gap \"" + std::string(item) + "\"");
        }
        element.types = *types;
      }
      if (pattern.elements.empty()) {
        return Status::Error("\"" + std::string(item) + "\" cannot open a pattern");
      }
      if (IsVariableWidth(pattern.elements.back().kind)) {
        return Status::Error("two gaps in a row; put a word between them");
      }
      if (++gaps > kMaxPatternGaps) {
        return Status::Error("more than " + std::to_string(kMaxPatternGaps) +
                             " gaps (..., NP*, REL) in one pattern");
      }
    } else {
      auto parsed = ParseWords(item);
      if (!parsed.ok()) return parsed.status();
      if (!parsed->optional) ++words;
      element = std::move(*parsed);
    }
    pattern.elements.push_back(std::move(element));
  }
  if (subjects != 1 || objects != 1) {
    return Status::Error("a pattern needs exactly one X (subject) and one Y (object)");
  }
  if (words == 0) return Status::Error("a pattern needs at least one required word");
  if (IsVariableWidth(pattern.elements.back().kind)) {
    return Status::Error("a gap cannot close a pattern");
  }
  return pattern;
}

}  // namespace kg
