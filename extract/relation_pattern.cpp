#include "extract/relation_pattern.h"

#include "core/text.h"

namespace kg {
namespace {

Result<PatternElement> ParseSlot(std::string_view item) {
  PatternElement slot;
  slot.kind = PatternElement::Kind::kSlot;
  slot.is_subject = item.front() == 'X';
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
      if (word.size() == 1) return Status::Error("\"~\" needs a verb");
      element.verb_lemmas.push_back(AsciiLower(word.substr(1)));
    } else {
      element.words.push_back(AsciiLower(word));
    }
  }
  return element;
}

bool IsSlotToken(std::string_view item) {
  return (item.front() == 'X' || item.front() == 'Y') && (item.size() == 1 || item[1] == ':');
}

}  // namespace

Result<RelationPattern> ParseRelationPattern(std::string_view text) {
  RelationPattern pattern;
  int subjects = 0;
  int objects = 0;
  int words = 0;
  for (std::string_view item : Split(Trim(text), ' ')) {
    if (item.empty()) continue;
    if (IsSlotToken(item)) {
      auto slot = ParseSlot(item);
      if (!slot.ok()) return slot.status();
      (slot->is_subject ? subjects : objects)++;
      if (!pattern.elements.empty() &&
          pattern.elements.back().kind == PatternElement::Kind::kSlot) {
        return Status::Error("two slots in a row; put a word between X and Y");
      }
      pattern.elements.push_back(std::move(*slot));
    } else if (item.size() > 1 && item.front() == '!') {
      auto element = ParseWords(item.substr(1));
      if (!element.ok()) return element.status();
      element->kind = PatternElement::Kind::kNot;
      pattern.elements.push_back(std::move(*element));
    } else if (item == "...") {
      if (pattern.elements.empty()) return Status::Error("\"...\" cannot open a pattern");
      PatternElement gap;
      gap.kind = PatternElement::Kind::kGap;
      pattern.elements.push_back(gap);
    } else {
      auto element = ParseWords(item);
      if (!element.ok()) return element.status();
      if (!element->optional) ++words;
      pattern.elements.push_back(std::move(*element));
    }
  }
  if (subjects != 1 || objects != 1) {
    return Status::Error("a pattern needs exactly one X (subject) and one Y (object)");
  }
  if (words == 0) return Status::Error("a pattern needs at least one required word");
  if (pattern.elements.back().kind == PatternElement::Kind::kGap) {
    return Status::Error("\"...\" cannot close a pattern");
  }
  return pattern;
}

}  // namespace kg
