// A brute-force evaluator of the differential test's queries: it tries
// every assignment of relations to each pattern straight from the graph's
// edge list and applies openCypher's rules as written (relationship
// uniqueness per MATCH clause, three-valued logic, grouping, ordering with
// nulls last). Slow and simple on purpose: it shares no code with kg's
// query engine. Answers are rows of printed values.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.h"
#include "tests/differential/random_query.h"

namespace kg::diff {

// Rows of printed values ("3", "\"PERSON\"", "null", "true"), in answer
// order when the query orders them, else in any order.
std::vector<std::vector<std::string>> EvaluateReference(const KnowledgeGraph& graph,
                                                        const QueryTerm& query);

}  // namespace kg::diff
