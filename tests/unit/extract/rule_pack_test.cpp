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
  CHECK(pack.frames.size() > 100);
  CHECK(pack.patterns.size() > 10);
  CHECK(pack.function_words.size() > 50);
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
        "pack/titles.tsv:1: expected 2 to 4 tab-separated fields, found 1");
  auto bad_pattern = Parse("relations.tsv", "met_with\tX ~meet\n");
  REQUIRE_FALSE(bad_pattern.ok());
  CHECK(bad_pattern.status().message() ==
        "pack/relations.tsv:1: a pattern needs exactly one X (subject) and one Y (object)");
  auto unknown_file = Parse("relatons.tsv", "x\n");
  REQUIRE_FALSE(unknown_file.ok());
  CHECK(unknown_file.status().message().find("unknown rule file") != std::string::npos);
}

TEST_CASE("a title's optional columns: unqualified types and affiliation types",
          "[extract][rules]") {
  auto pack = Parse("titles.tsv",
                    "mayor\tleader_of\tLOCATION\nlawyer\tmember_of\t\tORGANIZATION\n"
                    "judge\tmember_of\n");
  REQUIRE(pack.ok());
  REQUIRE(pack->titles.size() == 3);
  CHECK(pack->titles[0].unqualified == TypeSet::Of(EntityType::kLocation));
  CHECK(pack->titles[0].affiliations.IsAll());
  CHECK(pack->titles[1].unqualified == TypeSet::None());
  CHECK(pack->titles[1].affiliations == TypeSet::Of(EntityType::kOrganization));
  CHECK(pack->titles[2].affiliations.IsAll());
  auto bad = Parse("titles.tsv", "lawyer\tmember_of\t\tFIRM\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("pack/titles.tsv:1: unknown entity types \"FIRM\"") == 0);
}

TEST_CASE("layout.tsv names what a source line states; an overlay may drop it",
          "[extract][rules]") {
  auto pack = Parse("layout.tsv", "# kind\tpredicate\nsource_line\tlocated_in\n");
  REQUIRE(pack.ok());
  REQUIRE(pack->layout.size() == 1);
  CHECK(pack->layout[0].predicate == "located_in");
  auto bad = Parse("layout.tsv", "dateline\tbased_in\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "pack/layout.tsv:1: unknown layout line \"dateline\" (source_line)");
  RulePack combined = DefaultRulePack();
  combined.Overlay(*pack);
  REQUIRE(combined.layout.size() == 1);
  CHECK(CheckRulePack(combined) ==
        std::vector<std::string>{"pack/layout.tsv:2: unknown predicate \"located_in\""});
  auto dropped = Parse("layout.tsv", "!source_line\t-\n");
  REQUIRE(dropped.ok());
  combined.Overlay(*dropped);
  CHECK(combined.layout.empty());
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
  CHECK(problems[0] ==
        "pack/relations.tsv:1: unknown predicate \"pressd\" (add it to predicates.tsv)");
  CHECK(problems[1] ==
        "pack/demonyms.tsv:1: \"Ruritania\" is not an entity of the pack (*.entities.tsv)");
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

TEST_CASE("relation patterns parse slots, lemmas, classes, options and gaps", "[extract][rules]") {
  auto pattern = ParseRelationPattern(
      "X:PERSON ~meet/VERB [with] ... @ADJ|the NP* in REL Y:ORGANIZATION/LOCATION");
  REQUIRE(pattern.ok());
  REQUIRE(pattern->elements.size() == 9);
  CHECK(pattern->elements[0].is_subject);
  CHECK(pattern->elements[0].types == TypeSet::Of(EntityType::kPerson));
  REQUIRE(pattern->elements[1].lemmas.size() == 1);
  CHECK(pattern->elements[1].lemmas[0].lemma == "meet");
  CHECK_FALSE(pattern->elements[1].lemmas[0].any_pos);
  CHECK_FALSE(pattern->elements[1].lemmas[0].noun);
  CHECK(pattern->elements[2].optional);
  CHECK(pattern->elements[3].kind == PatternElement::Kind::kGap);
  CHECK(pattern->elements[4].pos_classes == std::vector<PosClass>{PosClass::kAdj});
  CHECK(pattern->elements[4].words == std::vector<std::string>{"the"});
  CHECK(pattern->elements[5].kind == PatternElement::Kind::kNounPhrases);
  CHECK(pattern->elements[7].kind == PatternElement::Kind::kRelative);
  CHECK_FALSE(ParseRelationPattern("X Y ~meet").ok());
  CHECK(ParseRelationPattern("X ~meet Y:PERSN").status().message() ==
        "unknown type \"PERSN\" in \"Y:PERSN\"");
  CHECK(ParseRelationPattern("X ~meet/ADJ Y").status().message() ==
        "\"~meet/ADJ\": a lemma takes /VERB or /NOUN");
  CHECK(ParseRelationPattern("X @FOO Y")
            .status()
            .message()
            .starts_with("unknown part of speech \"@FOO\""));
}

TEST_CASE("a gap may name the types of the mentions it may hold", "[extract][rules]") {
  auto pattern = ParseRelationPattern("X a ...:LOCATION b Y");
  REQUIRE(pattern.ok());
  CHECK(pattern->elements[2].kind == PatternElement::Kind::kGap);
  CHECK(pattern->elements[2].types == TypeSet::Of(EntityType::kLocation));
  CHECK(ParseRelationPattern("X a ... b Y")->elements[2].types == TypeSet::None());
  CHECK(ParseRelationPattern("X a ...:PLACE b Y").status().message() == "bad gap \"...:PLACE\"");
  CHECK(ParseRelationPattern("X a ...x b Y").status().message() == "bad gap \"...x\"");
}

TEST_CASE("a slot may name the word class its mention ends in", "[extract][rules]") {
  auto pattern = ParseRelationPattern("X:ORGANIZATION#corporate_suffix of Y#comma");
  REQUIRE(pattern.ok());
  CHECK(pattern->elements[0].types == TypeSet::Of(EntityType::kOrganization));
  CHECK(pattern->elements[0].last_word_class == "corporate_suffix");
  CHECK(pattern->elements[2].types == TypeSet::All());
  CHECK(pattern->elements[2].last_word_class == "comma");
  CHECK(ParseRelationPattern("X ~meet Y")->elements[0].last_word_class.empty());
  CHECK(ParseRelationPattern("X#suffix of Y").status().message() ==
        "unknown word class \"suffix\" in \"X#suffix\"");
}

TEST_CASE("a pattern may not hold more gaps than matching can afford", "[extract][rules]") {
  CHECK(ParseRelationPattern("X a ... b ... c ... d Y").ok());
  CHECK(ParseRelationPattern("X a ... b ... c ... d ... e Y").status().message() ==
        "more than 3 gaps (..., NP*, REL) in one pattern");
  CHECK(ParseRelationPattern("X a ... ... Y").status().message() ==
        "two gaps in a row; put a word between them");
}

TEST_CASE("frames name a lemma, its part of speech and how the object attaches",
          "[extract][rules]") {
  auto pack =
      Parse("frames.tsv", "visited\tvisit/NOUN\tto|in\tLOCATION\npressed\tcall on/VERB\tobject\n");
  REQUIRE(pack.ok());
  REQUIRE(pack->frames.size() == 2);
  CHECK(pack->frames[0].noun);
  CHECK(pack->frames[0].markers == std::vector<std::string>{"to", "in"});
  CHECK(pack->frames[0].object_types == TypeSet::Of(EntityType::kLocation));
  CHECK(pack->frames[1].trigger == std::vector<std::string>{"call", "on"});
  CHECK(Parse("frames.tsv", "visited\tvisit\tto\n").status().message() ==
        "pack/frames.tsv:1: trigger \"visit\" needs /VERB or /NOUN");
  CHECK(Parse("frames.tsv", "visited\tvisit/NOUN\tobject\n").status().message() ==
        "pack/frames.tsv:1: a NOUN trigger takes its object through a preposition, not "
        "\"object\"");
}

TEST_CASE("function words name known classes; the compiled pack answers by id",
          "[extract][rules]") {
  CHECK(Parse("function_words.tsv", "and\tcoordinator,conjunktion\n").status().message() ==
        "pack/function_words.tsv:1: unknown word class \"conjunktion\" (see docs/rule-packs.md)");
  const auto& rules = test::DefaultPipeline().rules();
  CHECK(rules.Has(rules.Word("and"), WordClass::kCoordinator));
  CHECK(rules.Has(rules.Word("the"), WordClass::kDefinite));
  CHECK_FALSE(rules.Has(rules.Word("the"), WordClass::kCoordinator));
  CHECK(rules.Classes(kNoWord) == 0);
  const PronounEntry* her = rules.Pronoun(rules.Word("her"));
  REQUIRE(her != nullptr);
  CHECK(her->cases == std::vector<PronounCase>{PronounCase::kObject, PronounCase::kPossessive});
}

TEST_CASE("a large pack lays over the default one, replacing and removing by key",
          "[extract][rules]") {
  // 100,000 entries: the overlay is linear (a quadratic one took minutes).
  std::string entities;
  for (int i = 0; i < 100000; ++i) {
    entities += "Entity Number " + std::to_string(i) + "\tORGANIZATION\n";
  }
  auto overlay = Parse("big.entities.tsv", entities);
  REQUIRE(overlay.ok());
  RulePack pack = DefaultRulePack();
  const size_t before = pack.entities.size();
  pack.Overlay(*overlay);
  CHECK(pack.entities.size() == before + 100000);
  auto again = Parse("big.entities.tsv", "!Entity Number 7\nEntity Number 9\tPERSON\n");
  REQUIRE(again.ok());
  pack.Overlay(*again);
  CHECK(pack.entities.size() == before + 99999);
  CHECK(pack.entities[before + 8].name == "Entity Number 9");
  CHECK(pack.entities[before + 8].type == EntityType::kPerson);
}

TEST_CASE("a user pack adds a predicate without any code change", "[extract][rules]") {
  test::TempDir dir;
  dir.Write("pack/predicates.tsv", "sued\tno\t*\t*\thostile\tsued, filed a lawsuit against\n");
  dir.Write("pack/frames.tsv", "sued\tsue/VERB\tobject\nsued\tlawsuit/NOUN\tagainst\n");
  auto overlay = LoadRulePack(dir.Path("pack"));
  REQUIRE(overlay.ok());
  RulePack pack = DefaultRulePack();
  pack.Overlay(*overlay);
  auto rules = CompiledRules::Compile(pack);
  REQUIRE(rules.ok());
  const Pipeline pipeline(*rules);
  // One frame line, every form (docs/rule-packs.md shows the same example).
  for (const char* text : {"Acme Corporation sued Globex Corporation on Monday.",
                           "Globex Corporation was sued by Acme Corporation on Monday.",
                           "Acme Corporation filed a lawsuit against Globex Corporation."}) {
    INFO(text);
    auto document = MakeDocument("d1", "t", "", text);
    REQUIRE(document.ok());
    const auto analysis = pipeline.Analyze(*document);
    REQUIRE(analysis.ok());
    REQUIRE(analysis->relations.size() == 1);
    const RelationMention& relation = analysis->relations[0];
    CHECK((*rules)->predicate(relation.predicate).name == "sued");
    CHECK(analysis->entities[static_cast<size_t>(relation.subject)].label == "Acme Corporation");
  }
}

}  // namespace
}  // namespace kg
