// The tokenizer, the sentence splitter and the layout pass: the first
// passes, which work without the tagger.
#include <catch2/catch.hpp>

#include "extract/layout.h"
#include "tests/test_support.h"

namespace kg {
namespace {

const CompiledRules& Rules() { return test::DefaultPipeline().rules(); }

DocumentAnalysis Tokenize(const std::string& text) {
  DocumentAnalysis doc;
  doc.text = text;
  Rules().tokenizer().Tokenize(text, &doc);
  return doc;
}

std::vector<std::string> Norms(const std::string& text) {
  const DocumentAnalysis doc = Tokenize(text);
  std::vector<std::string> out;
  for (size_t t = 0; t < doc.tokens.size(); ++t) out.emplace_back(doc.Norm(t));
  return out;
}

DocumentAnalysis Split(const std::string& text) {
  DocumentAnalysis doc = Tokenize(text);
  Rules().splitter().Split(&doc);
  MarkLayout(Rules(), &doc);
  return doc;
}

std::vector<std::string> SentenceTexts(const std::string& text) {
  const DocumentAnalysis doc = Split(text);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(s.span.In(text));
  return out;
}

TEST_CASE("possessives and clitics become tokens of their own", "[extract][tokenizer]") {
  CHECK(Norms("Hamas’s leader didn't go") ==
        std::vector<std::string>{"hamas", "'s", "leader", "did", "n't", "go"});
  CHECK(Norms("O'Brien's") == std::vector<std::string>{"o'brien", "'s"});
  CHECK(Norms("we’ll see") == std::vector<std::string>{"we", "'ll", "see"});
}

TEST_CASE("a pack's clitics of any length split off, and only at a word's end",
          "[extract][tokenizer]") {
  // A one-byte clitic, as a pack for another language might list.
  const WordIndex words;
  const Tokenizer tokenizer({}, {"'d", "k"}, &words);
  DocumentAnalysis doc;
  doc.text = "I'd park, k kin";
  tokenizer.Tokenize(doc.text, &doc);
  std::vector<std::string> norms;
  for (size_t t = 0; t < doc.tokens.size(); ++t) norms.emplace_back(doc.Norm(t));
  CHECK(norms == std::vector<std::string>{"i", "'d", "par", "k", ",", "k", "kin"});
}

TEST_CASE("dotted acronyms and listed abbreviations keep their periods", "[extract][tokenizer]") {
  CHECK(Norms("the U.S. and Mr. Smith.") ==
        std::vector<std::string>{"the", "us", "and", "mr", "smith", "."});
  CHECK(Norms("C.I.A. chief") == std::vector<std::string>{"cia", "chief"});
}

TEST_CASE("a pack's lowercase phrase keeps an abbreviation's period as a text does",
          "[extract][tokenizer]") {
  // The pack lists "Lt." and "Gen."; its titles are written "lt. gen.".
  DocumentAnalysis phrase;
  Rules().tokenizer().TokenizePhrase("lt. gen.", &phrase);
  std::vector<std::string> norms;
  for (size_t t = 0; t < phrase.tokens.size(); ++t) norms.emplace_back(phrase.Norm(t));
  CHECK(norms == Norms("Lt. Gen."));
  CHECK(norms == std::vector<std::string>{"lt", "gen"});
  // In a text, the case still matters: a lowercase "no." ends a sentence.
  CHECK(Norms("said no.") == std::vector<std::string>{"said", "no", "."});
}

TEST_CASE("hyphens split words so that their parts can be matched", "[extract][tokenizer]") {
  CHECK(Norms("Qatar-based firm") == std::vector<std::string>{"qatar", "-", "based", "firm"});
  const DocumentAnalysis doc = Tokenize("Qatar-based");
  REQUIRE(doc.tokens.size() == 3);
  CHECK_FALSE(doc.tokens[1].Is(kTokenSpaceBefore));
  CHECK(doc.tokens[0].Is(kTokenCapitalized));
}

TEST_CASE("double hyphens and typographic dashes are one dash token", "[extract][tokenizer]") {
  const std::vector<std::string> dash{"obst", "--", "the", "head"};
  CHECK(Norms("Obst -- the head") == dash);
  CHECK(Norms("Obst---the head") == dash);
  CHECK(Norms("Obst \u2014 the head") == dash);
  CHECK(Norms("Obst\u2013the head") == dash);
  const DocumentAnalysis doc = Tokenize("Obst -- the head");
  CHECK(Rules().Has(doc.tokens[1].word, WordClass::kDash));
  CHECK_FALSE(Rules().Has(doc.tokens[1].word, WordClass::kHyphen));
}

TEST_CASE("numbers keep their separators and token spans are byte offsets",
          "[extract][tokenizer]") {
  const std::string text = "Über 1,500 — ok";
  const DocumentAnalysis doc = Tokenize(text);
  REQUIRE(doc.tokens.size() == 4);
  CHECK(doc.Surface(0) == "Über");
  CHECK(doc.tokens[0].Is(kTokenCapitalized));
  CHECK(doc.Norm(1) == "1,500");
  CHECK(doc.Norm(2) == "--");
}

TEST_CASE("each token carries the pack's id of its word, or none", "[extract][tokenizer]") {
  const DocumentAnalysis doc = Tokenize("the Zorblax");
  REQUIRE(doc.tokens.size() == 2);
  CHECK(doc.tokens[0].word == Rules().Word("the"));
  CHECK(Rules().Has(doc.tokens[0].word, WordClass::kArticle));
  CHECK(doc.tokens[1].word == kNoWord);
}

TEST_CASE("abbreviations do not end sentences but full stops and line breaks do",
          "[extract][sentences]") {
  CHECK(SentenceTexts("Mr. Smith met Gen. Jones on Oct. 7. They talked.") ==
        std::vector<std::string>{"Mr. Smith met Gen. Jones on Oct. 7.", "They talked."});
  CHECK(SentenceTexts("A headline\nThe body starts here.") ==
        std::vector<std::string>{"A headline", "The body starts here."});
  CHECK(SentenceTexts("He said \"no.\" Then he left.") ==
        std::vector<std::string>{"He said \"no.\"", "Then he left."});
}

TEST_CASE("a dotted acronym ends a sentence only before a sentence opener",
          "[extract][sentences]") {
  CHECK(SentenceTexts("Aid went to the U.S. The talks ended.") ==
        std::vector<std::string>{"Aid went to the U.S.", "The talks ended."});
  CHECK(SentenceTexts("The U.S. Congress voted.") ==
        std::vector<std::string>{"The U.S. Congress voted."});
}

TEST_CASE("a first line without a full stop is a headline", "[extract][layout]") {
  const DocumentAnalysis doc = Split("Talks stall in Geneva\n\nThe talks stalled on Monday.");
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.sentences[0].kind == LineKind::kHeadline);
  CHECK(doc.sentences[1].kind == LineKind::kBody);
  CHECK(Split("The talks stalled.\nThey resumed.").sentences[0].kind == LineKind::kBody);
  CHECK(Split("Intro\nTALKS STALL IN GENEVA AGAIN\nBody.").sentences[1].kind ==
        LineKind::kHeadline);
}

TEST_CASE("datelines and bylines are marked, not read as sentences", "[extract][layout]") {
  const std::string text = "Headline\n\nOSLO (Reuters) - The fund grew.";
  const DocumentAnalysis doc = Split(text);
  REQUIRE(doc.sentences.size() == 2);
  const Sentence& body = doc.sentences[1];
  REQUIRE(body.dateline_end == 5);
  CHECK(doc.Surface(body.token_begin + body.dateline_end) == "The");

  const DocumentAnalysis dated = Split("NEW YORK, March 9 - The fund grew.");
  REQUIRE(dated.sentences[0].dateline_end == 6);

  const DocumentAnalysis bylined = Split("Headline\nBy Jane Okafor\nThe fund grew.");
  REQUIRE(bylined.sentences.size() == 3);
  CHECK(bylined.sentences[1].kind == LineKind::kByline);
  // A hyphenated word or a capitalised sentence opener is no dateline.
  CHECK(Split("NATO-led troops left.").sentences[0].dateline_end == 0);
  CHECK(Split("UN staff - and others - left.").sentences[0].dateline_end == 0);
}

TEST_CASE("a media-monitoring source line is a line of its own after its headline",
          "[extract][layout]") {
  const std::string text =
      "Port Talks Resume QX0101120199 Oslo Vestkyst Avisen in Norwegian 1200 GMT 1 Jan 99\n"
      "The talks resumed.";
  const DocumentAnalysis doc = Split(text);
  REQUIRE(doc.sentences.size() == 3);
  CHECK(doc.sentences[0].kind == LineKind::kHeadline);
  CHECK(doc.Surface(doc.sentences[0].token_end - 1) == "Resume");
  CHECK(doc.sentences[1].kind == LineKind::kSourceLine);
  CHECK(doc.Surface(doc.sentences[1].token_begin) == "QX0101120199");
  CHECK(doc.sentences[2].kind == LineKind::kBody);
  const std::string alone = "The talks resumed.\nQX0101120199 Oslo Vestkyst Avisen in Norwegian";
  const DocumentAnalysis second = Split(alone);
  REQUIRE(second.sentences.size() == 2);
  CHECK(second.sentences[1].kind == LineKind::kSourceLine);
  // A code needs two capitals and ten digits, and the source its language.
  CHECK(Split("QX010112019 Oslo Avisen in Norwegian.").sentences[0].kind == LineKind::kBody);
  CHECK(Split("QX0101120199 Oslo Avisen rose 5 pct.").sentences[0].kind == LineKind::kBody);
}

}  // namespace
}  // namespace kg
