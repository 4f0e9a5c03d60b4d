// The query tests' graph: every kind of thing a query meets (aliases,
// types, symmetric and directed relations, statuses and weights), and
// helpers that run a query and print its answer.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "graph/graph_image.h"
#include "query/query_engine.h"

namespace kg {

class QueryFixture {
 public:
  QueryFixture() {
    Node("joe-biden", "Joe Biden", EntityType::kPerson, {"Biden", "President Biden"}, 5);
    Node("benjamin-netanyahu", "Benjamin Netanyahu", EntityType::kPerson, {"Netanyahu", "Bibi"}, 9);
    Node("william-j-burns", "William J. Burns", EntityType::kPerson, {"Burns"}, 2);
    Node("ismail-haniyeh", "Ismail Haniyeh", EntityType::kPerson, {"Haniyeh"}, 4);
    Node("yahya-sinwar", "Yahya Sinwar", EntityType::kPerson, {}, 1);
    Node("hamas", "Hamas", EntityType::kOrganization, {}, 7);
    Node("israel", "Israel", EntityType::kLocation, {"the Israelis"}, 8);
    Node("qatar", "Qatar", EntityType::kLocation, {}, 3);
    Edge("joe-biden", "pressed", "benjamin-netanyahu", RelationStatus::kAsserted, 3);
    Edge("joe-biden", "pressed", "benjamin-netanyahu", RelationStatus::kNegated, 1);
    Edge("benjamin-netanyahu", "met_with", "william-j-burns", RelationStatus::kAsserted, 1);
    Edge("ismail-haniyeh", "met_with", "qatar", RelationStatus::kAsserted, 2);
    Edge("qatar", "met_with", "william-j-burns", RelationStatus::kAsserted, 1);
    Edge("benjamin-netanyahu", "leader_of", "israel", RelationStatus::kAsserted, 2);
    Edge("ismail-haniyeh", "leader_of", "hamas", RelationStatus::kAsserted, 2);
    Edge("yahya-sinwar", "member_of", "hamas", RelationStatus::kAsserted, 1);
    Edge("israel", "attacked", "hamas", RelationStatus::kAsserted, 4);
    Edge("qatar", "supported", "hamas", RelationStatus::kHypothetical, 1);
    graph_.Canonicalize();
    image_ = std::make_unique<GraphImage>(GraphImage::FromGraph(graph_));
    QueryOptions options;
    options.symmetric_predicates = {"met_with"};
    options.known_predicates = {"met_with", "pressed",   "leader_of", "member_of",
                                "attacked", "supported", "warned"};
    engine_ = std::make_unique<QueryEngine>(*image_, options);
  }

  QueryResult Ok(const std::string& query) {
    auto result = engine_->Run(query);
    if (auto* error = std::get_if<QueryError>(&result)) FAIL(query << "\n" << error->message);
    return std::get<QueryResult>(result);
  }

  QueryError Error(const std::string& query) {
    auto result = engine_->Run(query);
    REQUIRE(std::holds_alternative<QueryError>(result));
    return std::get<QueryError>(result);
  }

  // Rows as "a | b" strings, nodes by label, relations by predicate.
  std::vector<std::string> Answer(const std::string& query) {
    std::vector<std::string> out;
    for (const auto& row : Ok(query).rows) {
      std::string line;
      for (const auto& value : row) line += (line.empty() ? "" : " | ") + Text(value);
      out.push_back(line);
    }
    return out;
  }

  std::string Text(const QueryValue& value) {
    switch (value.kind()) {
      case QueryValue::Kind::kNode:
        return graph_.node(value.index()).label;
      case QueryValue::Kind::kEdge:
        return graph_.edge(value.index()).predicate;
      case QueryValue::Kind::kInt:
        return std::to_string(value.integer());
      case QueryValue::Kind::kString:
        return std::string(value.text());
      case QueryValue::Kind::kBool:
        return value.boolean() ? "true" : "false";
      case QueryValue::Kind::kNull:
        return "null";
      case QueryValue::Kind::kPath: {
        std::string text;
        for (size_t n : value.path().nodes)
          text += (text.empty() ? "" : ">") + graph_.node(n).label;
        return text;
      }
      case QueryValue::Kind::kList: {
        std::string text;
        for (const auto& item : value.list()) text += (text.empty() ? "" : ",") + Text(item);
        return "[" + text + "]";
      }
      case QueryValue::Kind::kFloat:
        return std::to_string(value.real());
    }
    return "";
  }

  const KnowledgeGraph& graph() const { return graph_; }

 private:
  void Node(const std::string& id, const std::string& label, EntityType type,
            std::vector<std::string> aliases, int64_t mentions) {
    NodeData node;
    node.id = id;
    node.label = label;
    node.type = type;
    node.aliases = std::move(aliases);
    node.mentions = mentions;
    node.documents = {"d1"};
    graph_.AddNode(node);
  }
  void Edge(const std::string& s, const std::string& p, const std::string& o, RelationStatus status,
            int64_t weight) {
    EdgeData edge;
    edge.predicate = p;
    edge.status = status;
    edge.weight = weight;
    edge.evidence = {{"d1", 0, 10, s + " " + p + " " + o}};
    graph_.AddEdge(*graph_.FindNode(s), *graph_.FindNode(o), edge);
  }

  KnowledgeGraph graph_;
  std::unique_ptr<GraphImage> image_;
  std::unique_ptr<QueryEngine> engine_;
};

using Rows = std::vector<std::string>;

}  // namespace kg
