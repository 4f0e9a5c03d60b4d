// The graph as GraphML (Gephi, yEd, igraph, NetworkX read_graphml) and GEXF
// 1.2 (Gephi, NetworkX read_gexf). Node attributes: label, type, aliases
// (joined by " | "), mentions, documents; edge attributes: predicate,
// status, weight, symmetric, sentence (the first evidence sentence) and
// evidence: every sentence kept, with its document and offsets. Lists are
// JSON arrays in one attribute (neither format has lists); GraphML also
// carries the documents as graph data. GEXF carries viz: colours, sizes
// and shapes as kg render draws them, so Gephi opens it styled.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kg {

std::string WriteGraphMl(const KnowledgeGraph& graph);
// `importance`: per node, any scale (kg render's --size-by); empty: all
// nodes the same size.
std::string WriteGexf(const KnowledgeGraph& graph, const std::vector<double>& importance = {});

// `text` with &, <, >, " and ' escaped, tab, LF and CR written as character
// references (so attribute values keep them), and what XML 1.0 cannot hold
// (other C0 controls, U+FFFE, U+FFFF, bytes that are not UTF-8) replaced
// by U+FFFD. Graph files with such characters are refused when read; text
// from articles (evidence sentences) may still hold a form feed.
std::string EscapeXml(std::string_view text);

// A node id as GraphML's schema allows it (xs:NMTOKEN: XML name characters
// only). Ids of graphs kg builds are kept as they are; any other character
// becomes _xHHHH_ (_xHHHHHHHH_ above U+FFFF), and so does the "_" of an id
// text that already reads like such an escape, as .NET's XmlConvert
// encodes names: "New York" -> "New_x0020_York", reversible.
std::string GraphMlId(std::string_view id);

}  // namespace kg
