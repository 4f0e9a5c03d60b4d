// Penn Treebank part-of-speech tags as the extraction passes use them
// (the XPOS column of the English Web Treebank the tagger is trained on),
// with the questions the passes ask of them. The tagger's own tag ids are
// mapped onto these once, by name, when the pipeline is built.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg {

enum class Pos : uint8_t {
  kUnknown,
  kCC,
  kCD,
  kDT,
  kEX,
  kFW,
  kIN,
  kJJ,
  kJJR,
  kJJS,
  kLS,
  kMD,
  kNN,
  kNNS,
  kNNP,
  kNNPS,
  kPDT,
  kPOS,
  kPRP,
  kPRPS /* PRP$ */,
  kRB,
  kRBR,
  kRBS,
  kRP,
  kSYM,
  kTO,
  kUH,
  kVB,
  kVBD,
  kVBG,
  kVBN,
  kVBP,
  kVBZ,
  kWDT,
  kWP,
  kWPS /* WP$ */,
  kWRB,
  kComma,
  kPeriod,
  kColon,
  kOpenQuote,
  kCloseQuote,
  kLeftBracket,
  kRightBracket,
  kDollar,
  kHash,
  kHyph,
  kNfp,
  kAdd,
  kAfx,
  kGw,
  kXX,
  kCount,
};

// "NNP", "PRP$", "-LRB-", "``" ...; nullopt for an unknown name.
std::optional<Pos> ParsePos(std::string_view name);
std::string_view PosName(Pos pos);

constexpr bool IsNoun(Pos p) {
  return p == Pos::kNN || p == Pos::kNNS || p == Pos::kNNP || p == Pos::kNNPS;
}
constexpr bool IsProperNoun(Pos p) { return p == Pos::kNNP || p == Pos::kNNPS; }
constexpr bool IsCommonNoun(Pos p) { return p == Pos::kNN || p == Pos::kNNS; }
constexpr bool IsPluralNoun(Pos p) { return p == Pos::kNNS || p == Pos::kNNPS; }
constexpr bool IsVerb(Pos p) {
  return p == Pos::kVB || p == Pos::kVBD || p == Pos::kVBG || p == Pos::kVBN || p == Pos::kVBP ||
         p == Pos::kVBZ;
}
// A verb that can head a clause on its own: past, present, base after a modal.
constexpr bool IsFiniteVerb(Pos p) { return p == Pos::kVBD || p == Pos::kVBP || p == Pos::kVBZ; }
constexpr bool IsAdjective(Pos p) { return p == Pos::kJJ || p == Pos::kJJR || p == Pos::kJJS; }
constexpr bool IsAdverb(Pos p) { return p == Pos::kRB || p == Pos::kRBR || p == Pos::kRBS; }
constexpr bool IsPreposition(Pos p) { return p == Pos::kIN || p == Pos::kTO; }
constexpr bool IsWhWord(Pos p) {
  return p == Pos::kWDT || p == Pos::kWP || p == Pos::kWPS || p == Pos::kWRB;
}
constexpr bool IsPunctuation(Pos p) {
  return p == Pos::kComma || p == Pos::kPeriod || p == Pos::kColon || p == Pos::kOpenQuote ||
         p == Pos::kCloseQuote || p == Pos::kLeftBracket || p == Pos::kRightBracket ||
         p == Pos::kHyph || p == Pos::kNfp;
}
// Words that may stand inside a noun phrase before its head.
constexpr bool IsNounModifier(Pos p) {
  return IsNoun(p) || IsAdjective(p) || p == Pos::kCD || p == Pos::kVBN || p == Pos::kVBG ||
         p == Pos::kFW;
}

}  // namespace kg
