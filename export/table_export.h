// The graph as tables: CSV files for spreadsheets and pandas, and the CSV
// files and Cypher script that load it into Neo4j. Each writer returns
// files by name, for the caller to write into one folder. Deterministic:
// rows in the graph's canonical order.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kg {

struct TableFile {
  std::string name;  // "nodes.csv"
  std::string contents;
};

// nodes.csv (id, label, type, aliases, mentions, documents, degree) and
// edges.csv (source, target, predicate, status, weight, symmetric,
// evidence_count, first_sentence, first_document), RFC 4180 CSV with a
// header row; lists are joined with " | ".
std::vector<TableFile> WriteCsvTables(const KnowledgeGraph& graph);

// For `neo4j-admin database import full` (typed headers with :ID, :LABEL,
// :START_ID, :END_ID, :TYPE; arrays separated by kNeo4jArrayDelimiter):
// entities.csv, documents.csv, relations.csv (one relationship type per
// predicate, evidence as string arrays), mentions.csv (document MENTIONS
// entity); and load.cypher, which loads the same files with LOAD CSV into a
// running server. Entities get the labels Entity and their type (PERSON,
// ...), so kg's queries run unchanged in Neo4j.
std::vector<TableFile> WriteNeo4jImport(const KnowledgeGraph& graph);

// U+001F (unit separator): no article text holds it, so evidence sentences
// never split (neo4j-admin: --array-delimiter=U+001F).
inline constexpr const char* kNeo4jArrayDelimiter = "\x1f";

}  // namespace kg
