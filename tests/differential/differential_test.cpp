// kg's query engine against a brute-force reference evaluator on random
// graphs and random queries of the supported subset (seeded: the same
// queries every run). A disagreement prints the query and both answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "graph/graph_image.h"
#include "query/query_engine.h"
#include "tests/differential/reference_evaluator.h"

namespace kg::diff {
namespace {

std::string Print(const QueryValue& value, const GraphImage& graph) {
  switch (value.kind()) {
    case QueryValue::Kind::kNull:
      return "null";
    case QueryValue::Kind::kBool:
      return value.boolean() ? "true" : "false";
    case QueryValue::Kind::kInt:
      return std::to_string(value.integer());
    case QueryValue::Kind::kString:
      return "\"" + std::string(value.text()) + "\"";
    case QueryValue::Kind::kNode:
      return "N:" + std::string(graph.node_id(value.index()));
    case QueryValue::Kind::kEdge:
      return "E:" + std::to_string(value.index());
    default:
      return "other";
  }
}

std::string Show(const std::vector<std::vector<std::string>>& rows) {
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (const auto& cell : row) line += (line.empty() ? "" : " | ") + cell;
    text += "  " + line + "\n";
  }
  return text.empty() ? "  (no rows)\n" : text;
}

TEST_CASE("random queries agree with a brute-force reference evaluator", "[differential]") {
  std::mt19937_64 random(20261201);
  QueryOptions options;
  options.symmetric_predicates = {kPredicates[0]};
  options.known_predicates = std::set<std::string>(kPredicates.begin(), kPredicates.end());
  constexpr int kGraphs = 40;
  constexpr int kQueriesPerGraph = 10;
  int answered = 0;
  int with_rows = 0;
  for (int g = 0; g < kGraphs; ++g) {
    const KnowledgeGraph graph = RandomGraph(random, 4 + random() % 7, 4 + random() % 20);
    const GraphImage image = GraphImage::FromGraph(graph);
    const QueryEngine engine(image, options);
    for (int q = 0; q < kQueriesPerGraph; ++q) {
      const QueryTerm query = RandomQuery(random, graph);
      const std::string text = ToCypher(query);
      if (std::getenv("KG_DIFF_TRACE") != nullptr)
        std::fprintf(stderr, "%d: %s\n", g, text.c_str());
      auto result = engine.Run(text);
      if (auto* error = std::get_if<QueryError>(&result)) {
        FAIL("graph " << g << ": " << text << "\nkg refused it: " << error->message);
      }
      std::vector<std::vector<std::string>> actual;
      for (const auto& row : std::get<QueryResult>(result).rows) {
        actual.emplace_back();
        for (const auto& value : row) actual.back().push_back(Print(value, image));
      }
      auto expected = EvaluateReference(graph, query);
      if (query.order_descending.empty()) {  // any order
        std::sort(actual.begin(), actual.end());
        std::sort(expected.begin(), expected.end());
      }
      INFO("graph " << g << ": " << text << "\nkg:\n"
                    << Show(actual) << "reference:\n"
                    << Show(expected));
      CHECK(actual == expected);
      ++answered;
      with_rows += expected.empty() ? 0 : 1;
      if (expected.empty() && std::getenv("KG_DIFF_EMPTY") != nullptr)
        std::fprintf(stderr, "empty: %s\n", text.c_str());
    }
  }
  // The generator must not drift into asking only empty questions.
  CHECK(answered == kGraphs * kQueriesPerGraph);
  CHECK(with_rows > answered * 2 / 5);
}

}  // namespace
}  // namespace kg::diff
