// Relationship diagrams: the graph as Graphviz DOT, or laid out and
// rendered by Graphviz (SVG, PNG, PDF). Both come from one cgraph
// graph, never from hand-built strings:
// - nodes: shape and colour by entity type, size by importance, long
//   labels wrapped; an optional legend;
// - edges: colour by kind of predicate (hostile, cooperative, pressure,
//   role), label = predicate and weight; negated relations dashed "not
//   ...", hypothetical ones dotted "...?", symmetric ones without arrows;
//   optionally one edge per direction between two entities;
// - a caption (what was left out), straight edges for large graphs;
// - optional clusters: people inside the organization or country they
//   lead or belong to.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kg {

struct DiagramOptions {
  std::set<std::string> symmetric_predicates;  // drawn without arrowheads
  std::map<std::string, std::string>
      predicate_kinds;                    // predicate -> hostile|cooperative|pressure|role|neutral
  std::set<std::string> role_predicates;  // person -> group, for clusters (leader_of, member_of)
  bool legend = false;
  bool clusters = false;
  // One edge per direction between two entities (and one for symmetric
  // relations), listing all their relations.
  bool merge_parallel = false;
  bool straight_edges = false;     // no spline routing: fast on large graphs
  std::string note;                // a caption at the top, e.g. what was left out
  std::vector<double> importance;  // per node, any scale; empty: all nodes the same size
  size_t wrap = 20;                // wrap labels longer than this many characters
  std::string layout;              // dot, neato, fdp, sfdp, circo, twopi; "" picks by size
};

// DOT text for any engine: no layout is written into it, so `dot`,
// `neato -n`... and `-K` all work on it; force layouts are seeded.
Result<std::string> WriteDot(const KnowledgeGraph& graph, const DiagramOptions& options);

// Lays out and draws the diagram with Graphviz in a child process (see
// graphviz_process.h): the same graph and options always give the same
// bytes. `format`: svg, png or pdf. `waiting` is called a few times a
// second while Graphviz works. Errors name the layout or format Graphviz
// refused.
Result<std::string> RenderDiagram(const KnowledgeGraph& graph, const DiagramOptions& options,
                                  const std::string& format,
                                  const std::function<void()>& waiting = {});

// The layout these options ask for or, when none is chosen, the one
// picked by size: dot for one connected story, neato to pack many separate
// ones (fdp when drawing clusters), sfdp for large graphs.
std::string ChooseLayout(const KnowledgeGraph& graph, const DiagramOptions& options);

// The layout used when none is chosen, by size alone: dot for small
// graphs, sfdp (with overlap removal) for large ones.
std::string DefaultLayout(size_t node_count);

// A DOT label for `text`: Graphviz reads backslash escapes ("\n", "\l")
// inside labels, so a literal backslash must be doubled; other control
// characters become spaces, and labels past 4,000 bytes are cut with "…"
// (Graphviz refuses quoted strings over 16 KB).
std::string EscapeDotLabel(std::string_view text);

// `text` broken at spaces into lines of at most `width` characters.
std::string WrapLabel(std::string_view text, size_t width);

}  // namespace kg
