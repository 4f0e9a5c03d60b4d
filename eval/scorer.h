// Scores a graph against gold annotations, with the matching rules of
// shared/eval/score.py: nodes match gold entities through any folded form
// (case, accents, punctuation, possessives and leading titles ignored),
// one-to-one, best ranks first; relations are compared as (subject,
// predicate, object, status) through those matches, symmetric predicates in
// either direction; only asserted, non-optional gold is required.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "graph/knowledge_graph.h"

namespace kg {

struct Counts {
  int tp = 0;
  int predicted = 0;
  int gold = 0;
  double Precision() const { return predicted ? static_cast<double>(tp) / predicted : 0.0; }
  double Recall() const { return gold ? static_cast<double>(tp) / gold : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  Counts& operator+=(const Counts& other) {
    tp += other.tp;
    predicted += other.predicted;
    gold += other.gold;
    return *this;
  }
};

struct DocumentScore {
  Counts entities;
  Counts relations;
  Counts pairs;
  std::map<std::string, Counts> by_predicate;  // relation counts per predicate
  std::vector<std::string> missed_entities;
  std::vector<std::string> spurious_nodes;
  std::vector<std::string> split_nodes;
  std::vector<std::string> missed_relations;  // "s predicate o | evidence"
  std::vector<std::string> false_relations;
};

// `symmetric`: predicates that match in either direction.
DocumentScore ScoreDocument(const GoldDocument& gold, const KnowledgeGraph& graph,
                            const std::set<std::string>& symmetric);

// The comparison form of a name (score.py's fold()).
std::string FoldForScoring(std::string_view text);

}  // namespace kg
