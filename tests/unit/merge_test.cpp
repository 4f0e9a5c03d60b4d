// Merging fragments: the same graph, byte for byte, however the documents
// are split up, ordered and grouped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>

#include "export/fragment_json.h"
#include "export/graph_json.h"
#include "graph/document_order.h"
#include "graph/graph_builder.h"
#include "tests/test_support.h"

namespace kg {
namespace {

const std::vector<Predicate>& Predicates() {
  return test::DefaultPipeline().rules().pack().predicates;
}

// The samples and a few articles of our own that make merge decide across
// documents: lone surnames that join a full name or stay apart because two
// full names end with them, spellings of one name, ids in natural order.
const std::vector<Fragment>& Corpus() {
  static const std::vector<Fragment> corpus = [] {
    std::vector<std::string> texts;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::SourcePath("samples"))) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) texts.push_back(test::ReadText(file.string()));
    texts.push_back("Senator Maria Lopez criticized the harbour plan on Monday.");
    texts.push_back("Mr. Lopez met Mayor Carl Jensen in Aalborg.");
    texts.push_back("Governor Pedro Lopez warned Mr. Jensen about the budget.");
    texts.push_back("ACME Corporation and Globex Corporation met in Oslo.");
    texts.push_back("Acme Corporation criticized Globex Corporation.");
    texts.push_back("Prime Minister Anna Berg met Carl Jensen. Berg pressed Jensen.");
    std::vector<Fragment> fragments;
    for (size_t i = 0; i < texts.size(); ++i) {
      // Ids whose byte order is not their natural order.
      const std::string id = (i % 3 == 0 ? "news-" : "d") + std::to_string(i * 7 % 23 + 1);
      const Document document = MakeDocument(id, "t" + std::to_string(i), "", texts[i]).value();
      fragments.push_back(
          FragmentOf(document, test::DefaultPipeline().Analyze(document).value(), Predicates()));
    }
    return fragments;
  }();
  return corpus;
}

// Through JSON and back, as between processes.
Fragment RoundTrip(const Fragment& fragment) {
  return ReadFragmentJson(WriteFragmentJson(fragment), "mem").value();
}

std::string MergeAll(const std::vector<Fragment>& fragments, size_t max_evidence) {
  GraphBuilder builder(Predicates(), max_evidence);
  for (const Fragment& fragment : fragments) REQUIRE(builder.Add(fragment, "mem").ok());
  return WriteGraphJson(builder.Finish());
}

// Merges `fragments` as a distributed reduction might: shuffled, in random
// groups merged into partial fragments (through JSON), then partials merged
// pairwise in random order, then finished.
std::string MergeInRandomGroups(const std::vector<Fragment>& fragments, size_t max_evidence,
                                std::mt19937& random) {
  std::vector<Fragment> shuffled = fragments;
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  const size_t groups = 1 + random() % 6;
  std::vector<std::vector<Fragment>> parts(groups);
  for (auto& fragment : shuffled) parts[random() % groups].push_back(std::move(fragment));
  std::vector<Fragment> partials;
  for (const auto& part : parts) {
    GraphBuilder builder({}, max_evidence);
    for (const Fragment& fragment : part) REQUIRE(builder.Add(RoundTrip(fragment), "p").ok());
    partials.push_back(RoundTrip(builder.Partial()));
  }
  while (partials.size() > 1 && random() % 4 != 0) {
    std::shuffle(partials.begin(), partials.end(), random);
    GraphBuilder builder({}, max_evidence);
    REQUIRE(builder.Add(partials.back(), "a").ok());
    partials.pop_back();
    REQUIRE(builder.Add(partials.back(), "b").ok());
    partials.back() = RoundTrip(builder.Partial());
  }
  GraphBuilder final_merge(Predicates(), max_evidence);
  for (const Fragment& partial : partials) REQUIRE(final_merge.Add(partial, "f").ok());
  // Finishing on one thread or two gives the same graph too.
  return WriteGraphJson(final_merge.Finish(1 + static_cast<unsigned>(random() % 2)));
}

TEST_CASE("merging gives the same bytes for any partitioning, order and grouping", "[merge]") {
  const auto& corpus = Corpus();
  std::mt19937 random(20261201);
  for (const size_t max_evidence : {size_t{1}, size_t{2}, std::numeric_limits<size_t>::max()}) {
    const std::string expected = MergeAll(corpus, max_evidence);
    for (int trial = 0; trial < 12; ++trial) {
      INFO("trial " << trial << ", evidence cap " << max_evidence);
      CHECK(MergeInRandomGroups(corpus, max_evidence, random) == expected);
    }
  }
}

// A one-article fragment by hand: people by label, and relations between
// them by index.
Fragment Article(const std::string& id, const std::vector<std::string>& people,
                 const std::vector<std::pair<uint32_t, uint32_t>>& met = {}) {
  Fragment fragment;
  fragment.documents.push_back({id, id + ".txt", "", "sha-" + id});
  for (const auto& label : people) {
    FragmentEntity entity;
    entity.label = label;
    entity.mentions = 1;
    entity.documents = {id};
    fragment.entities.push_back(entity);
  }
  for (const auto& [subject, object] : met) {
    FragmentRelation relation;
    relation.subject = subject;
    relation.object = object;
    relation.predicate = "met_with";
    relation.weight = 1;
    relation.evidence = {{id, 0, 10, "They met."}};
    fragment.relations.push_back(relation);
  }
  for (const Predicate& predicate : Predicates()) {
    if (predicate.name == "met_with") REQUIRE(fragment.predicates.Add(predicate).ok());
  }
  return fragment;
}

TEST_CASE("cross-document decisions are taken on all documents", "[merge]") {
  const std::vector<Fragment> articles = {
      Article("d1", {"Maria Lopez"}),
      Article("d2", {"Lopez", "Carl Jensen"}, {{0, 1}}),
      Article("d3", {"Pedro Lopez", "Jensen"}, {{0, 1}}),
      Article("d10", {"carl jensen"}),
      Article("d9", {"Anna Berg", "Jensen"}, {{1, 0}}),
  };
  std::string first;
  std::vector<size_t> order = {0, 1, 2, 3, 4};
  do {
    GraphBuilder builder(Predicates());
    for (size_t k : order) REQUIRE(builder.Add(articles[k], "mem").ok());
    const std::string json = WriteGraphJson(builder.Finish());
    if (first.empty()) first = json;
    CHECK(json == first);
  } while (std::next_permutation(order.begin(), order.end()));
  const KnowledgeGraph graph = ReadGraphJson(first, "mem").value();
  // Two full names end in "Lopez": the lone surname stays apart. One ends
  // in "Jensen": the lone one joins it, with its relations.
  CHECK(graph.FindNode("lopez").has_value());
  CHECK(graph.FindNode("maria-lopez").has_value());
  CHECK(graph.FindNode("pedro-lopez").has_value());
  CHECK_FALSE(graph.FindNode("jensen").has_value());
  const size_t jensen = *graph.FindNode("carl-jensen");
  const NodeData& node = graph.node(jensen);
  // The label of the first document in natural order (d2 before d10).
  CHECK(node.label == "Carl Jensen");
  CHECK(node.aliases == std::vector<std::string>{"Jensen", "carl jensen"});
  CHECK(node.documents == std::vector<std::string>{"d2", "d3", "d9", "d10"});
  CHECK(node.mentions == 4);
  // Symmetric: the smaller id is the source.
  CHECK(graph.FindEdge(jensen, "met_with", *graph.FindNode("pedro-lopez"),
                       RelationStatus::kAsserted));
  CHECK(
      graph.FindEdge(*graph.FindNode("anna-berg"), "met_with", jensen, RelationStatus::kAsserted));
  std::vector<std::string> ids;
  for (const auto& document : graph.documents()) ids.push_back(document.id);
  CHECK(ids == std::vector<std::string>{"d1", "d2", "d3", "d9", "d10"});
}

TEST_CASE("fragments survive JSON unchanged", "[merge]") {
  for (const Fragment& fragment : Corpus()) CHECK(RoundTrip(fragment) == fragment);
  // Extraction records trigger words, so merging is tested with them.
  size_t triggers = 0;
  for (const Fragment& fragment : Corpus()) {
    for (const auto& relation : fragment.relations) {
      for (const auto& evidence : relation.evidence) triggers += evidence.triggers.size();
    }
  }
  CHECK(triggers > 50);
  GraphBuilder builder(Predicates());
  for (const Fragment& fragment : Corpus()) REQUIRE(builder.Add(fragment, "mem").ok());
  const Fragment partial = builder.Partial();
  CHECK(RoundTrip(partial) == partial);
  CHECK(WriteFragmentJson(partial).starts_with(kFragmentPrefix));
  auto broken = ReadFragmentJson(R"({"schema":"kg-fragment/1","entities":[{"label":"A"}]})", "f:3");
  CHECK(broken.status().message() == "f:3: entities[0].type: missing");
  auto future = ReadFragmentJson(R"({"schema":"kg-fragment/9"})", "f:1");
  CHECK(future.status().message() ==
        "f:1: schema: unsupported \"kg-fragment/9\" (this kg reads "
        "kg-fragment/1)");
  CHECK(ReadFragmentJson("{\"schema\":", "f:2").status().message().starts_with("f:2: column"));
}

TEST_CASE("a document merged twice counts once; one id with two texts is refused", "[merge]") {
  const Fragment& first = Corpus().front();
  GraphBuilder builder(Predicates());
  REQUIRE(builder.Add(first, "a").ok());
  auto again = builder.Add(first, "b");
  REQUIRE(again.ok());
  CHECK(*again == GraphBuilder::Added::kAlreadyThere);
  CHECK(builder.document_count() == 1);

  Fragment other = Corpus()[1];
  other.documents[0].id = first.documents[0].id;
  for (auto& entity : other.entities) entity.documents = {first.documents[0].id};
  for (auto& relation : other.relations) {
    for (auto& evidence : relation.evidence) evidence.document = first.documents[0].id;
  }
  bool conflict = false;
  auto clash = builder.Add(other, "c.jsonl:4", &conflict);
  REQUIRE_FALSE(clash.ok());
  CHECK(conflict);
  CHECK(clash.status().message().starts_with("c.jsonl:4: documents[0]: document id \""));

  Fragment broken = Corpus()[2];
  REQUIRE_FALSE(broken.relations.empty());
  broken.relations[0].subject = 999;
  auto inconsistent = builder.Add(broken, "d.jsonl:1", &conflict);
  REQUIRE_FALSE(inconsistent.ok());
  CHECK_FALSE(conflict);
  CHECK(inconsistent.status().message() == "d.jsonl:1: relations[0]: no such entity");
  CHECK(builder.document_count() == 1);
}

TEST_CASE("a merged graph file keeps its ids", "[merge]") {
  // A graph whose entity got an unusual id keeps it when grown.
  GraphBuilder first(Predicates());
  REQUIRE(first.Add(Corpus()[0], "a").ok());
  KnowledgeGraph graph = first.Finish();
  REQUIRE(graph.node_count() > 0);
  NodeData& node = graph.mutable_node(0);
  const std::string label = node.label;
  node.id = "kept-id";
  GraphBuilder grown(Predicates());
  REQUIRE(grown.Add(FragmentOfGraph(graph), "graph.json").ok());
  REQUIRE(grown.Add(Corpus()[1], "b").ok());
  const KnowledgeGraph result = grown.Finish();
  const auto kept = result.FindNode("kept-id");
  REQUIRE(kept.has_value());
  CHECK(result.node(*kept).label == label);
}

using Spans = std::vector<std::pair<uint32_t, uint32_t>>;

// The byte span of `word` in a sentence that starts at byte `start` of its
// document.
std::pair<uint32_t, uint32_t> At(const std::string& sentence, uint32_t start,
                                 const std::string& word) {
  const size_t found = sentence.find(word);
  REQUIRE(found != std::string::npos);
  return {start + static_cast<uint32_t>(found), start + static_cast<uint32_t>(found + word.size())};
}

// An article whose sentences state a relation between organizations (by
// index into `names`), each with the span of its trigger word.
struct Statement {
  uint32_t subject;
  uint32_t object;
  uint32_t start;
  std::string sentence;
  std::string trigger;  // "" for none
};

Fragment Stated(const std::string& id, const std::vector<std::string>& names,
                const std::vector<Statement>& statements, EntityType type) {
  Fragment fragment;
  fragment.documents.push_back({id, id + ".txt", "", "sha-" + id});
  for (const auto& name : names) fragment.entities.push_back({name, type, {}, 1, {id}, ""});
  for (const Statement& said : statements) {
    FragmentRelation relation{
        said.subject, said.object, "met_with", RelationStatus::kAsserted, 1, {}};
    Evidence evidence{id, said.start, said.start + static_cast<uint32_t>(said.sentence.size()),
                      said.sentence};
    if (!said.trigger.empty()) evidence.triggers = {At(said.sentence, said.start, said.trigger)};
    relation.evidence.push_back(evidence);
    fragment.relations.push_back(relation);
  }
  for (const Predicate& predicate : Predicates()) {
    if (predicate.name == "met_with") REQUIRE(fragment.predicates.Add(predicate).ok());
  }
  return fragment;
}

// Relations that become one only when merged, stated in the same sentence
// with different trigger words: two spellings of one company in one
// article, and a lone surname that joins the only full name ending in it.
std::vector<Fragment> SharedSentences() {
  const std::string both = "Acme Corp met Globex, and ACME CORP hosted Globex.";
  const std::string jensen = "Anna Berg met Carl Jensen before Jensen hosted Berg.";
  const std::string later = "Jensen and Berg held talks.";
  const EntityType org = EntityType::kOrganization;
  const EntityType person = EntityType::kPerson;
  // Enough sentences in one article for the builder to prune as it adds.
  std::vector<Statement> many;
  for (uint32_t k = 0; k < 40; ++k) many.push_back({0, 1, 30 * k, "Acme Corp met Globex.", "met"});
  return {
      Stated("d20", {"Acme Corp", "Globex"}, many, org),
      Stated("d1", {"Acme Corp", "ACME CORP", "Globex"},
             {{0, 2, 0, both, "met"}, {1, 2, 0, both, "hosted"}}, org),
      Stated("d2", {"Acme Corp", "Globex"}, {{0, 1, 7, "Acme Corp met Globex.", "met"}}, org),
      Stated("d3", {"Globex", "Acme Corp"}, {{1, 0, 0, "Globex and Acme Corp talk.", ""}}, org),
      Stated("d10", {"Acme Corp", "Globex"},
             {{0, 1, 0, "Acme Corp met Globex.", "met"},
              {0, 1, 30, "Acme Corp met Globex.", "Globex"}},
             org),
      Stated("d4", {"Anna Berg", "Carl Jensen", "Jensen"},
             {{0, 1, 0, jensen, "met"}, {2, 0, 0, jensen, "hosted"}, {2, 0, 60, later, "talks"}},
             person),
      Stated("d5", {"Carl Jensen"}, {}, person),
  };
}

TEST_CASE("a sentence that states a relation twice is one evidence item with both triggers",
          "[merge]") {
  GraphBuilder builder(Predicates());
  for (const Fragment& fragment : SharedSentences()) REQUIRE(builder.Add(fragment, "mem").ok());
  const KnowledgeGraph graph = builder.Finish();
  const std::string both = "Acme Corp met Globex, and ACME CORP hosted Globex.";
  const auto acme = graph.FindEdge(*graph.FindNode("acme-corp"), "met_with",
                                   *graph.FindNode("globex"), RelationStatus::kAsserted);
  REQUIRE(acme.has_value());
  const EdgeData& edge = graph.edge(*acme);
  CHECK(edge.weight == 46);  // every finding counts
  // d1's sentence once, with both words; d10's two sentences apart.
  REQUIRE(edge.evidence.size() == 45);
  CHECK(edge.evidence[0] ==
        Evidence{"d1", 0, 50, both, {At(both, 0, "met"), At(both, 0, "hosted")}});
  CHECK(edge.evidence[1].document == "d2");
  CHECK(edge.evidence[2].triggers.empty());
  CHECK(edge.evidence[3].triggers == Spans{{10, 13}});  // "met" in d10's first sentence
  CHECK(edge.evidence[4].triggers == Spans{{44, 50}});  // "Globex", 30 bytes further

  const std::string jensen = "Anna Berg met Carl Jensen before Jensen hosted Berg.";
  const auto met = graph.FindEdge(*graph.FindNode("anna-berg"), "met_with",
                                  *graph.FindNode("carl-jensen"), RelationStatus::kAsserted);
  REQUIRE(met.has_value());
  CHECK(graph.edge(*met).weight == 3);
  REQUIRE(graph.edge(*met).evidence.size() == 2);
  CHECK(graph.edge(*met).evidence[0].triggers ==
        Spans{At(jensen, 0, "met"), At(jensen, 0, "hosted")});
  CHECK(graph.edge(*met).evidence[1].triggers ==
        Spans{At("Jensen and Berg held talks.", 60, "talks")});
}

TEST_CASE("the evidence cap counts sentences, whatever the grouping", "[merge]") {
  const std::vector<Fragment> fragments = SharedSentences();
  std::mt19937 random(20261202);
  for (const size_t max_evidence : {size_t{1}, size_t{2}, size_t{3}}) {
    const std::string expected = MergeAll(fragments, max_evidence);
    const KnowledgeGraph graph = ReadGraphJson(expected, "mem").value();
    const auto acme = graph.FindEdge(*graph.FindNode("acme-corp"), "met_with",
                                     *graph.FindNode("globex"), RelationStatus::kAsserted);
    REQUIRE(acme.has_value());
    const auto& evidence = graph.edge(*acme).evidence;
    REQUIRE(evidence.size() == max_evidence);
    CHECK(evidence[0].triggers.size() == 2);
    for (int trial = 0; trial < 20; ++trial) {
      INFO("trial " << trial << ", evidence cap " << max_evidence);
      CHECK(MergeInRandomGroups(fragments, max_evidence, random) == expected);
    }
  }
}

TEST_CASE("triggers outside their sentence are refused", "[merge]") {
  Fragment fragment = SharedSentences()[2];                // d2
  fragment.relations[0].evidence[0].triggers = {{3, 12}};  // the sentence is [7, 28)
  auto added = GraphBuilder(Predicates()).Add(fragment, "x.jsonl:2");
  REQUIRE_FALSE(added.ok());
  CHECK(added.status().message() ==
        "x.jsonl:2: relations[0]: a trigger outside its evidence sentence, or empty");
  std::string line = WriteFragmentJson(SharedSentences()[2]);
  const size_t at = line.find("\"triggers\":[[");
  REQUIRE(at != std::string::npos);
  line.replace(at, std::string("\"triggers\":[[").size(), "\"triggers\":[[1,");
  CHECK(ReadFragmentJson(line, "x.jsonl:2").status().message() ==
        "x.jsonl:2: relations[0].evidence[0].triggers: expected [begin, end] byte offsets inside "
        "the sentence");
}

TEST_CASE("document ids sort in natural order", "[merge]") {
  CHECK(DocumentIdLess("d2", "d10"));
  CHECK_FALSE(DocumentIdLess("d10", "d2"));
  CHECK(DocumentIdLess("news-9", "news-10"));
  CHECK(DocumentIdLess("a", "b"));
  CHECK(DocumentIdLess("d01", "d1"));  // equal as numbers: byte order decides
  CHECK_FALSE(DocumentIdLess("d1", "d01"));
  CHECK(DocumentIdLess("d1", "d1a"));
  CHECK_FALSE(DocumentIdLess("x", "x"));
}

TEST_CASE("document sort keys order ids as DocumentIdLess does", "[merge]") {
  // Ids from a small alphabet, so that digit runs, leading zeros, shared
  // prefixes and bytes below and above the digits meet often.
  const std::string alphabet = std::string("0019a-Z~") + '\x01' + '\xff';
  std::mt19937 random(20261203);
  std::vector<std::string> ids = {"", "0", "00", "a", "a0", "a00", "d2", "d10", "d01", "d1"};
  for (int n = 0; n < 400; ++n) {
    std::string id;
    for (size_t length = random() % 7; length > 0; --length)
      id += alphabet[random() % alphabet.size()];
    ids.push_back(id);
  }
  for (const std::string& a : ids) {
    for (const std::string& b : ids) {
      INFO("a = \"" << a << "\", b = \"" << b << "\"");
      REQUIRE((DocumentSortKey(a) < DocumentSortKey(b)) == DocumentIdLess(a, b));
    }
  }
}

}  // namespace
}  // namespace kg
