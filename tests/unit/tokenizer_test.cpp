#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

std::vector<std::string> Norms(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& token : test::DefaultPipeline().rules().tokenizer().Tokenize(text))
    out.push_back(token.norm);
  return out;
}

std::vector<std::string> SentenceTexts(const std::string& text) {
  const auto& rules = test::DefaultPipeline().rules();
  const auto tokens = rules.tokenizer().Tokenize(text);
  std::vector<std::string> out;
  for (const Sentence& s : rules.splitter().Split(tokens)) out.emplace_back(s.span.In(text));
  return out;
}

TEST_CASE("possessives and negations become tokens of their own", "[extract][tokenizer]") {
  CHECK(Norms("Hamas’s leader didn't go") ==
        std::vector<std::string>{"hamas", "'s", "leader", "did", "n't", "go"});
  CHECK(Norms("O'Brien's") == std::vector<std::string>{"o'brien", "'s"});
}

TEST_CASE("dotted acronyms and listed abbreviations keep their periods", "[extract][tokenizer]") {
  CHECK(Norms("the U.S. and Mr. Smith.") ==
        std::vector<std::string>{"the", "us", "and", "mr", "smith", "."});
  CHECK(Norms("C.I.A. chief") == std::vector<std::string>{"cia", "chief"});
}

TEST_CASE("hyphens split words so that their parts can be matched", "[extract][tokenizer]") {
  CHECK(Norms("Qatar-based firm") == std::vector<std::string>{"qatar", "-", "based", "firm"});
  const auto tokens = test::DefaultPipeline().rules().tokenizer().Tokenize("Qatar-based");
  REQUIRE(tokens.size() == 3);
  CHECK_FALSE(tokens[1].Is(kTokenSpaceBefore));
  CHECK(tokens[0].Is(kTokenCapitalized));
}

TEST_CASE("numbers keep their separators and token spans are byte offsets",
          "[extract][tokenizer]") {
  const std::string text = "Über 1,500 — ok";
  const auto tokens = test::DefaultPipeline().rules().tokenizer().Tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].span.In(text) == "Über");
  CHECK(tokens[0].Is(kTokenCapitalized));
  CHECK(tokens[1].norm == "1,500");
  CHECK(tokens[2].norm == "--");
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

}  // namespace
}  // namespace kg
