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

TEST_CASE("merging gives the same bytes for any partitioning, order and grouping", "[merge]") {
  const auto& corpus = Corpus();
  std::mt19937 random(20261201);
  for (const size_t max_evidence : {size_t{1}, size_t{2}, std::numeric_limits<size_t>::max()}) {
    const std::string expected = MergeAll(corpus, max_evidence);
    for (int trial = 0; trial < 12; ++trial) {
      std::vector<Fragment> shuffled = corpus;
      std::shuffle(shuffled.begin(), shuffled.end(), random);
      // Random groups, each merged into a partial fragment.
      const size_t groups = 1 + random() % 6;
      std::vector<std::vector<Fragment>> parts(groups);
      for (auto& fragment : shuffled) parts[random() % groups].push_back(std::move(fragment));
      std::vector<Fragment> partials;
      for (const auto& part : parts) {
        GraphBuilder builder({}, max_evidence);
        for (const Fragment& fragment : part) REQUIRE(builder.Add(RoundTrip(fragment), "p").ok());
        partials.push_back(RoundTrip(builder.Partial()));
      }
      // Partials merged pairwise in random order, as a reduction tree would.
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
      INFO("trial " << trial << ", " << groups << " groups, evidence cap " << max_evidence);
      CHECK(WriteGraphJson(final_merge.Finish()) == expected);
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

}  // namespace
}  // namespace kg
