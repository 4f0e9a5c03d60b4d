// Showing a query's answer: an aligned text table for people, JSON for
// programs, DOT or a rendered image of the entities and relations in it.
#pragma once

#include <set>
#include <string>

#include "core/status.h"
#include "export/diagram.h"
#include "query/query_engine.h"

namespace kg {

enum class OutputFormat { kTable, kJson, kDot, kSvg, kPng, kPdf };

Result<OutputFormat> ParseOutputFormat(const std::string& name);

// A value as one table cell: entities by label, relations as
// "A -[pressed]-> B" ("A -[met_with]- B" for symmetric predicates), paths
// step by step, lists comma-separated.
std::string ValueText(const QueryValue& value, const GraphImage& graph,
                      const std::set<std::string>& symmetric);

std::string FormatTable(const QueryResult& result, const GraphImage& graph,
                        const std::set<std::string>& symmetric);

// Writes `result` to `path` ("-": standard output) in `format`. Diagrams
// show every entity, relation and path in the answer; an answer with none
// of them cannot be drawn (an error).
Status WriteResult(const QueryResult& result, const GraphImage& graph, OutputFormat format,
                   const std::string& path, const DiagramOptions& diagram);

}  // namespace kg
