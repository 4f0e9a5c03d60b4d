#include "extract/pos/tags.h"

#include <array>

namespace kg::pos {
namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

constexpr std::array<std::string_view, kXposCount> kXposNames = {
    "$",   "''",  ",",    "-LRB-", "-RRB-", ".",   ":",   "ADD", "AFX", "CC",  "CD", "DT",  "EX",
    "FW",  "GW",  "HYPH", "IN",    "JJ",    "JJR", "JJS", "LS",  "MD",  "NFP", "NN", "NNP", "NNPS",
    "NNS", "PDT", "POS",  "PRP",   "PRP$",  "RB",  "RBR", "RBS", "RP",  "SYM", "TO", "UH",  "VB",
    "VBD", "VBG", "VBN",  "VBP",   "VBZ",   "WDT", "WP",  "WP$", "WRB", "``",
};

}  // namespace

std::string_view UposName(Upos tag) { return kUposNames[static_cast<size_t>(tag)]; }

std::optional<Upos> ParseUpos(std::string_view name) {
  for (size_t i = 0; i < kUposNames.size(); ++i)
    if (kUposNames[i] == name) return static_cast<Upos>(i);
  return std::nullopt;
}

std::string_view XposName(Xpos tag) { return kXposNames[static_cast<size_t>(tag)]; }

std::optional<Xpos> ParseXpos(std::string_view name) {
  for (size_t i = 0; i < kXposNames.size(); ++i)
    if (kXposNames[i] == name) return static_cast<Xpos>(i);
  return std::nullopt;
}

bool IsVerbXpos(Xpos tag) {
  return tag == Xpos::kVb || tag == Xpos::kVbd || tag == Xpos::kVbg || tag == Xpos::kVbn ||
         tag == Xpos::kVbp || tag == Xpos::kVbz || tag == Xpos::kMd;
}

bool IsNounXpos(Xpos tag) {
  return tag == Xpos::kNn || tag == Xpos::kNns || tag == Xpos::kNnp || tag == Xpos::kNnps;
}

bool IsProperXpos(Xpos tag) { return tag == Xpos::kNnp || tag == Xpos::kNnps; }

}  // namespace kg::pos
