#include <catch2/catch.hpp>

#include "extract/compiled_rules.h"
#include "extract/relation_pattern.h"
#include "extract/rule_pack.h"
#include "tests/test_support.h"

namespace kg {
namespace {

Result<RulePack> Parse(const std::string& name, const std::string& contents) {
  return ParseRulePack({{name, contents}}, "pack/");
}

TEST_CASE("the default rule pack is valid and compiles", "[extract][rules]") {
  const RulePack pack = DefaultRulePack();
  CHECK(CheckRulePack(pack).empty());
  CHECK(pack.predicates.size() >= 14);
  CHECK(pack.patterns.size() > 100);
  CHECK(CompiledRules::Compile(pack).ok());
}

TEST_CASE("a malformed line is reported as file:line: message", "[extract][rules]") {
  auto bad_type = Parse("people.entities.tsv", "# comment\nAda Lovelace\tPERSN\n");
  REQUIRE_FALSE(bad_type.ok());
  CHECK(bad_type.status().message() ==
        "pack/people.entities.tsv:2: unknown entity type \"PERSN\" (PERSON, ORGANIZATION or "
        "LOCATION)");
  auto bad_fields = Parse("titles.tsv", "mayor\n");
  REQUIRE_FALSE(bad_fields.ok());
  CHECK(bad_fields.status().message() ==
        "pack/titles.tsv:1: expected 2 tab-separated fields, found 1");
  auto bad_pattern = Parse("relations.tsv", "met_with\tX ~meet\n");
  REQUIRE_FALSE(bad_pattern.ok());
  CHECK(bad_pattern.status().message() ==
        "pack/relations.tsv:1: a pattern needs exactly one X (subject) and one Y (object)");
  auto unknown_file = Parse("relatons.tsv", "x\n");
  REQUIRE_FALSE(unknown_file.ok());
  CHECK(unknown_file.status().message().find("unknown rule file") != std::string::npos);
}

TEST_CASE("cross-file checks name unknown predicates and entities", "[extract][rules]") {
  auto pack = ParseRulePack({{"relations.tsv", "pressd\tX ~press Y\n"},
                             {"demonyms.tsv", "Ruritanian\tRuritanians\tRuritania\n"}},
                            "pack/");
  REQUIRE(pack.ok());
  RulePack combined = DefaultRulePack();
  combined.Overlay(*pack);
  const auto problems = CheckRulePack(combined);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "relations.tsv:1: unknown predicate \"pressd\" (add it to predicates.tsv)");
  CHECK(problems[1] ==
        "demonyms.tsv:1: \"Ruritania\" is not an entity of the pack (*.entities.tsv)");
}

TEST_CASE("an overlay replaces entries by key and removes entries marked with !",
          "[extract][rules]") {
  RulePack base = DefaultRulePack();
  const size_t titles = base.titles.size();
  auto overlay =
      ParseRulePack({{"titles.tsv", "mayor\tmember_of\n!emir\t-\nwarlord\tleader_of\n"}}, "");
  REQUIRE(overlay.ok());
  base.Overlay(*overlay);
  CHECK(base.titles.size() == titles);  // one replaced, one removed, one added
  const auto mayor = std::find_if(base.titles.begin(), base.titles.end(),
                                  [](const TitleEntry& t) { return t.phrase == "mayor"; });
  REQUIRE(mayor != base.titles.end());
  CHECK(mayor->relation == "member_of");
}

TEST_CASE("relation patterns parse slots, verbs, options and gaps", "[extract][rules]") {
  auto pattern = ParseRelationPattern("X:PERSON ~meet [with] ... Y:ORGANIZATION/LOCATION");
  REQUIRE(pattern.ok());
  REQUIRE(pattern->elements.size() == 5);
  CHECK(pattern->elements[0].is_subject);
  CHECK(pattern->elements[0].types == TypeSet::Of(EntityType::kPerson));
  CHECK(pattern->elements[1].verb_lemmas == std::vector<std::string>{"meet"});
  CHECK(pattern->elements[2].optional);
  CHECK(pattern->elements[3].kind == PatternElement::Kind::kGap);
  CHECK_FALSE(ParseRelationPattern("X Y ~meet").ok());
  CHECK_FALSE(ParseRelationPattern("X ~meet Y:PERSN").ok());
  CHECK(ParseRelationPattern("X ~meet Y:PERSN").status().message() ==
        "unknown type \"PERSN\" in \"Y:PERSN\"");
}

TEST_CASE("verbs are inflected by rule unless listed as irregular", "[extract][rules]") {
  const auto& rules = test::DefaultPipeline().rules();
  const auto press = rules.VerbForms("press");
  CHECK(std::find(press.begin(), press.end(), "presses") != press.end());
  CHECK(std::find(press.begin(), press.end(), "pressed") != press.end());
  const auto urge = rules.VerbForms("urge");
  CHECK(std::find(urge.begin(), urge.end(), "urging") != urge.end());
  const auto meet = rules.VerbForms("meet");
  CHECK(std::find(meet.begin(), meet.end(), "met") != meet.end());
}

TEST_CASE("a user pack adds a predicate without any code change", "[extract][rules]") {
  test::TempDir dir;
  dir.Write("pack/predicates.tsv", "sued\tno\t*\t*\thostile\tsued, filed a lawsuit against\n");
  dir.Write("pack/relations.tsv", "sued\tX ~sue Y\nsued\tX ~file a lawsuit against Y\n");
  auto overlay = LoadRulePack(dir.Path("pack"));
  REQUIRE(overlay.ok());
  RulePack pack = DefaultRulePack();
  pack.Overlay(*overlay);
  auto rules = CompiledRules::Compile(pack);
  REQUIRE(rules.ok());
  const Pipeline pipeline(*rules);
  auto document =
      MakeDocument("d1", "t", "", "Acme Corporation sued Globex Corporation on Monday.");
  REQUIRE(document.ok());
  const DocumentAnalysis analysis = pipeline.Analyze(*document);
  REQUIRE(analysis.relations.size() == 1);
  CHECK((*rules)->predicate(analysis.relations[0].predicate).name == "sued");
}

}  // namespace
}  // namespace kg
