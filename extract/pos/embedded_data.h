// Data files compiled into kg (generated at build time by
// cmake/EmbedFile.cmake from extract/models/), so that the kg binary needs
// no files at run time. The views are valid for the whole program.
#pragma once

#include <string_view>

namespace kg::pos {

std::string_view EmbeddedTaggerModel();     // extract/models/en-ewt.pos
std::string_view EmbeddedLexicon();         // extract/models/wordnet-lexicon.tsv
std::string_view EmbeddedLemmaOverrides();  // extract/models/lemma-overrides.tsv

}  // namespace kg::pos
