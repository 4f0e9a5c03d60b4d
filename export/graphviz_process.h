// Internal to export/: lays out and renders DOT text with Graphviz's own
// `dot` command in a child process.
//
// Why not in this process: Graphviz's engines order part of their work by
// heap addresses (graphviz issues 1214 and 1767), so the same graph laid
// out in-process after other work (loading a large graph, Pango's font
// threads) can come out differently on every run. A fresh process without
// address randomisation gives the same bytes for the same input, and a
// layout that takes long can be watched (progress) without threads.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"

namespace kg {

// `engine`: dot, neato, fdp, sfdp, circo or twopi; `format`: svg, png or
// pdf. `waiting` is called about five times a second while Graphviz runs.
// Errors: `dot` missing, or Graphviz failing (with its first message).
Result<std::string> RunGraphviz(const std::string& dot_text, const std::string& engine,
                                const std::string& format, const std::function<void()>& waiting);

}  // namespace kg
