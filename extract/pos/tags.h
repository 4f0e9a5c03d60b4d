// Part-of-speech tags: Universal Dependencies UPOS and Penn Treebank XPOS as
// the English Web Treebank uses them. The numeric values are part of the
// model file format (a model lists its tags by name, so reordering is safe,
// but names must stay stable).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg::pos {

enum class Upos : uint8_t {
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
  kX,
};
inline constexpr int kUposCount = 17;

// Penn Treebank tags, plus the web additions of EWT (ADD, AFX, GW, HYPH, NFP).
enum class Xpos : uint8_t {
  kDollar,
  kCloseQuote,
  kComma,
  kLeftBracket,
  kRightBracket,
  kPeriod,
  kColon,
  kAdd,
  kAfx,
  kCc,
  kCd,
  kDt,
  kEx,
  kFw,
  kGw,
  kHyph,
  kIn,
  kJj,
  kJjr,
  kJjs,
  kLs,
  kMd,
  kNfp,
  kNn,
  kNnp,
  kNnps,
  kNns,
  kPdt,
  kPos,
  kPrp,
  kPrpPossessive,
  kRb,
  kRbr,
  kRbs,
  kRp,
  kSym,
  kTo,
  kUh,
  kVb,
  kVbd,
  kVbg,
  kVbn,
  kVbp,
  kVbz,
  kWdt,
  kWp,
  kWpPossessive,
  kWrb,
  kOpenQuote,
};
inline constexpr int kXposCount = 49;

struct PosTag {
  Upos upos = Upos::kX;
  Xpos xpos = Xpos::kFw;
  bool operator==(const PosTag&) const = default;
};

// "NOUN", "VERB", ... as in CoNLL-U.
std::string_view UposName(Upos tag);
std::optional<Upos> ParseUpos(std::string_view name);

// "NN", "VBN", "PRP$", "-LRB-", "``" ... as in the treebank.
std::string_view XposName(Xpos tag);
std::optional<Xpos> ParseXpos(std::string_view name);

// Verb forms and noun classes the extractor asks about.
bool IsVerbXpos(Xpos tag);    // VB VBD VBG VBN VBP VBZ MD
bool IsNounXpos(Xpos tag);    // NN NNS NNP NNPS
bool IsProperXpos(Xpos tag);  // NNP NNPS

}  // namespace kg::pos
