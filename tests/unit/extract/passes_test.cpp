// The sentence passes one by one: phrases, mentions, title affiliations and
// the arguments of triggers, each read off the analysis of a short text.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

DocumentAnalysis Analyze(const std::string& text) {
  static std::vector<std::unique_ptr<Document>> keep;  // analyses point into their documents
  auto document = MakeDocument("d1", "test", "", text);
  REQUIRE(document.ok());
  keep.push_back(std::make_unique<Document>(std::move(*document)));
  auto analysis = test::DefaultPipeline().Analyze(*keep.back());
  REQUIRE(analysis.ok());
  return std::move(analysis.value());
}

// "[NP the group]" style rendering of a sentence's chunks.
std::string Chunks(const DocumentAnalysis& doc) {
  std::string out;
  for (const Chunk& chunk : doc.chunks) {
    if (!out.empty()) out += " ";
    out += chunk.kind == Chunk::Kind::kNoun ? "[NP" : "[VG";
    for (uint32_t t = chunk.begin; t < chunk.end; ++t) out += " " + std::string(doc.Surface(t));
    out += "]";
  }
  return out;
}

const Chunk& ChunkAt(const DocumentAnalysis& doc, std::string_view word) {
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.Surface(t) == word && doc.chunk_of[t] >= 0) {
      return doc.chunks[static_cast<size_t>(doc.chunk_of[t])];
    }
  }
  FAIL("no chunk holds " << word);
  throw std::logic_error("unreachable");
}

TEST_CASE("verb groups keep auxiliaries and negation and know passives", "[extract][chunks]") {
  const DocumentAnalysis doc = Analyze("Israel did not meet Hamas. Haniyeh was killed by Israel.");
  const Chunk& meet = ChunkAt(doc, "meet");
  CHECK(doc.Surface(meet.begin) == "did");
  CHECK(meet.Is(Chunk::kNegated));
  CHECK_FALSE(meet.Is(Chunk::kPassive));
  const Chunk& killed = ChunkAt(doc, "killed");
  CHECK(killed.Is(Chunk::kPassive));
  CHECK(doc.Surface(killed.head) == "killed");
}

TEST_CASE("noun phrases keep possessors and hyphenated modifiers", "[extract][chunks]") {
  CHECK(Chunks(Analyze("Hamas's leader praised the Qatar-based broadcaster.")) ==
        "[NP Hamas 's leader] [VG praised] [NP the Qatar - based broadcaster]");
  CHECK(Chunks(Analyze("Trump ended talks, chastising Pakistan.")) ==
        "[NP Trump] [VG ended] [NP talks] [VG chastising] [NP Pakistan]");
  const DocumentAnalysis infinitive = Analyze("Israel plans to attack Iran.");
  CHECK(ChunkAt(infinitive, "attack").Is(Chunk::kInfinitive));
}

std::vector<std::string> Mentions(const DocumentAnalysis& doc) {
  static constexpr const char* kKinds[] = {"name", "collective", "pronoun", "description",
                                           "modifier"};
  std::vector<std::string> out;
  for (const Mention& mention : doc.mentions) {
    std::string line =
        std::string(mention.span.In(doc.text)) + "/" + kKinds[static_cast<int>(mention.kind)];
    if (mention.affiliation >= 0) {
      line += " of " +
              std::string(doc.mentions[static_cast<size_t>(mention.affiliation)].span.In(doc.text));
    }
    out.push_back(line);
  }
  return out;
}

TEST_CASE("a past form between commas after the subject is a participle, not after a verb",
          "[extract][chunks]") {
  const DocumentAnalysis reduced = Analyze("Peter Brown, convicted of murdering John Smith, died.");
  CHECK(ChunkAt(reduced, "convicted").Is(Chunk::kParticiple));
  // "visited" is the first verb: "stayed" continues a list of verbs.
  const DocumentAnalysis listed = Analyze("They visited Rome, stayed in a hotel, met Karl Obst.");
  CHECK_FALSE(ChunkAt(listed, "stayed").Is(Chunk::kParticiple));
}

TEST_CASE("mentions: titled names, collectives, descriptions and pronouns", "[extract][mentions]") {
  CHECK(Mentions(Analyze("Hamas political leader Ismail Haniyeh met US officials. He left.")) ==
        std::vector<std::string>{"Hamas/name",
                                 "Hamas political leader Ismail Haniyeh/name of Hamas",
                                 "US officials/collective", "He/pronoun"});
  CHECK(Mentions(Analyze("The group said the Israeli government lied.")) ==
        std::vector<std::string>{"The group/description", "the Israeli government/collective"});
}

TEST_CASE("a title finds its organization after it, along a list, or after the name",
          "[extract][titles]") {
  CHECK(Mentions(Analyze("Ana Lobo, a professor of physics at Lisbon University, spoke.")) ==
        std::vector<std::string>{"Ana Lobo/name", "a professor/description of Lisbon University",
                                 "Lisbon University/name"});
  CHECK(Mentions(Analyze("Acme Corporation chairman Ian Holt and director Eva Berg resigned.")) ==
        std::vector<std::string>{"Acme Corporation/name",
                                 "Acme Corporation chairman Ian Holt/name of Acme Corporation",
                                 "director Eva Berg/name of Acme Corporation"});
  CHECK(Mentions(Analyze("Presidents Ana Lobo of Chile and Ian Holt of Peru met.")) ==
        std::vector<std::string>{"Presidents Ana Lobo/name of Chile", "Chile/name",
                                 "Ian Holt/name of Peru", "Peru/name"});
}

TEST_CASE("headlines, bylines and datelines are read as such", "[extract][layout]") {
  const DocumentAnalysis doc =
      Analyze("Talks stall\n\nBy Jane Okafor\nOSLO (Reuters) - Norway's Ana Lobo met Ian Holt.");
  // The writer, the place and the agency are entities of the text, but no
  // actors in it: the one relation is the meeting.
  std::vector<std::string> layout;
  for (const Mention& mention : doc.mentions) {
    if (!mention.layout) continue;
    layout.emplace_back(mention.span.In(doc.text));
    const DocEntity& entity = doc.entities[static_cast<size_t>(mention.entity)];
    layout.back() += "/" + entity.label;
  }
  CHECK(layout ==
        std::vector<std::string>{"Jane Okafor/Jane Okafor", "OSLO/Oslo", "Reuters/Reuters"});
  REQUIRE(doc.relations.size() == 1);
  for (int entity : {doc.relations[0].subject, doc.relations[0].object}) {
    CHECK(doc.entities[static_cast<size_t>(entity)].label != "Oslo");
    CHECK(doc.entities[static_cast<size_t>(entity)].label != "Reuters");
  }
}

TEST_CASE("a title-case headline names only what the article names again", "[extract][layout]") {
  const DocumentAnalysis doc = Analyze(
      "Dockers Find Vestry Plans\n\n"
      "Orvane Tooling said on Monday that the bid had been dropped.");
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.sentences[0].title_case);
  CHECK_FALSE(doc.sentences[1].title_case);
  std::vector<std::string> labels;
  for (const DocEntity& entity : doc.entities) labels.push_back(entity.label);
  CHECK(labels == std::vector<std::string>{"Orvane Tooling"});
}

}  // namespace
}  // namespace kg
