#include <catch2/catch.hpp>

#include <string>

#include "extract/pos/lemmatizer.h"
#include "extract/pos/lexicon.h"

namespace kg::pos {
namespace {

std::string Lemma(std::string_view word, Upos upos, Xpos xpos) {
  std::string scratch;
  return std::string(Lemmatizer::Default().Lemma(word, {upos, xpos}, scratch));
}

TEST_CASE("the built-in WordNet lexicon loads", "[pos][lemma]") {
  const Lexicon& lexicon = Lexicon::Default();
  CHECK(lexicon.size() > 80000);
  CHECK(lexicon.Has("visit", WordClass::kVerb));
  CHECK(lexicon.Has("visit", WordClass::kNoun));
  CHECK_FALSE(lexicon.Has("visit", WordClass::kAdv));
  CHECK(lexicon.Exception("went", WordClass::kVerb) == "go");
  CHECK(lexicon.Exception("went", WordClass::kNoun).empty());
}

TEST_CASE("irregular forms come from WordNet's exception lists", "[pos][lemma]") {
  CHECK(Lemma("went", Upos::kVerb, Xpos::kVbd) == "go");
  CHECK(Lemma("struck", Upos::kVerb, Xpos::kVbd) == "strike");
  CHECK(Lemma("met", Upos::kVerb, Xpos::kVbd) == "meet");
  CHECK(Lemma("children", Upos::kNoun, Xpos::kNns) == "child");
  CHECK(Lemma("was", Upos::kAux, Xpos::kVbd) == "be");
  CHECK(Lemma("Were", Upos::kAux, Xpos::kVbd) == "be");
  CHECK(Lemma("are", Upos::kAux, Xpos::kVbp) == "be");
  CHECK(Lemma("better", Upos::kAdj, Xpos::kJjr) == "good");
  CHECK(Lemma("fled", Upos::kVerb, Xpos::kVbn) == "flee");
}

TEST_CASE("regular inflections are undone by Morphy's rules", "[pos][lemma]") {
  CHECK(Lemma("visits", Upos::kVerb, Xpos::kVbz) == "visit");
  CHECK(Lemma("visits", Upos::kNoun, Xpos::kNns) == "visit");
  CHECK(Lemma("visited", Upos::kVerb, Xpos::kVbd) == "visit");
  CHECK(Lemma("pressing", Upos::kVerb, Xpos::kVbg) == "press");
  CHECK(Lemma("attacked", Upos::kVerb, Xpos::kVbn) == "attack");
  CHECK(Lemma("studies", Upos::kVerb, Xpos::kVbz) == "study");
  CHECK(Lemma("studies", Upos::kNoun, Xpos::kNns) == "study");
  CHECK(Lemma("based", Upos::kVerb, Xpos::kVbn) == "base");
  CHECK(Lemma("boxes", Upos::kNoun, Xpos::kNns) == "box");
  CHECK(Lemma("largest", Upos::kAdj, Xpos::kJjs) == "large");
}

TEST_CASE("words WordNet lacks fall back to spelling rules", "[pos][lemma]") {
  CHECK(Lemma("tweeted", Upos::kVerb, Xpos::kVbd) == "tweet");
  CHECK(Lemma("googled", Upos::kVerb, Xpos::kVbd) == "google");
  CHECK(Lemma("blogging", Upos::kVerb, Xpos::kVbg) == "blog");
  CHECK(Lemma("cryptocurrencies", Upos::kNoun, Xpos::kNns) == "cryptocurrency");
}

TEST_CASE("base forms stay themselves even when WordNet lists them as irregular", "[pos][lemma]") {
  CHECK(Lemma("saw", Upos::kVerb, Xpos::kVbd) == "see");
  CHECK(Lemma("saw", Upos::kNoun, Xpos::kNn) == "saw");
  CHECK(Lemma("found", Upos::kVerb, Xpos::kVbd) == "find");
  CHECK(Lemma("found", Upos::kVerb, Xpos::kVbp) == "found");
  CHECK(Lemma("news", Upos::kNoun, Xpos::kNn) == "news");
}

TEST_CASE("common words are lower-cased and proper nouns keep their form", "[pos][lemma]") {
  CHECK(Lemma("The", Upos::kDet, Xpos::kDt) == "the");
  CHECK(Lemma("Talks", Upos::kNoun, Xpos::kNns) == "talk");
  CHECK(Lemma("Paris", Upos::kPropn, Xpos::kNnp) == "Paris");
  CHECK(Lemma("NATO", Upos::kPropn, Xpos::kNnp) == "NATO");
  CHECK(Lemma("Democrats", Upos::kPropn, Xpos::kNnps) == "Democrat");
}

TEST_CASE("clitics and pronoun cases map to their dictionary forms", "[pos][lemma]") {
  CHECK(Lemma("n't", Upos::kPart, Xpos::kRb) == "not");
  CHECK(Lemma("n’t", Upos::kPart, Xpos::kRb) == "not");
  CHECK(Lemma("'s", Upos::kAux, Xpos::kVbz) == "be");
  CHECK(Lemma("’s", Upos::kPart, Xpos::kPos) == "'s");
  CHECK(Lemma("'re", Upos::kAux, Xpos::kVbp) == "be");
  CHECK(Lemma("ca", Upos::kAux, Xpos::kMd) == "can");
  CHECK(Lemma("him", Upos::kPron, Xpos::kPrp) == "he");
  CHECK(Lemma("Them", Upos::kPron, Xpos::kPrp) == "they");
}

TEST_CASE("a lemma needs no allocation once the scratch has grown", "[pos][lemma]") {
  const Lemmatizer& lemmatizer = Lemmatizer::Default();
  std::string scratch;
  (void)lemmatizer.Lemma("internationalizations", {Upos::kNoun, Xpos::kNns}, scratch);
  const char* buffer = scratch.data();
  const size_t capacity = scratch.capacity();
  CHECK(lemmatizer.Lemma("Visited", {Upos::kVerb, Xpos::kVbd}, scratch) == "visit");
  CHECK(lemmatizer.Lemma("went", {Upos::kVerb, Xpos::kVbd}, scratch) == "go");
  CHECK(scratch.data() == buffer);
  CHECK(scratch.capacity() == capacity);
}

TEST_CASE("a bad lexicon or override table is reported with its line", "[pos][lemma]") {
  auto lexicon = Lexicon::Parse("# comment\nvisit\tnv\nwent\t\tq=go\n", "lex.tsv");
  REQUIRE_FALSE(lexicon.ok());
  CHECK(lexicon.status().message() == "lex.tsv:3: bad exception \"q=go\"");
  auto classes = Lexicon::Parse("visit\tnx\n", "lex.tsv");
  REQUIRE_FALSE(classes.ok());
  CHECK(classes.status().message() == "lex.tsv:1: unknown word class 'x'");
  auto twice = Lexicon::Parse("visit\tn\nvisit\tv\n", "lex.tsv");
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.status().message() == "lex.tsv: form \"visit\" listed twice");
  auto overrides = Lemmatizer::Create(Lexicon::Default(), "n't\tRB\tnot\nxx\tVBX\ty\n", "o.tsv");
  REQUIRE_FALSE(overrides.ok());
  CHECK(overrides.status().message() == "o.tsv:2: unknown Penn Treebank tag \"VBX\"");
}

}  // namespace
}  // namespace kg::pos
