// Internal to export/: the files of the HTML view, compiled in at build
// time (cmake/EmbedFiles.cmake): "view.html" (the page template),
// "view.css", "view.js" (from web/) and "cytoscape.min.js" (Cytoscape.js,
// installed from npm with web/package-lock.json).
#pragma once

#include <string_view>

namespace kg {

// The named file's bytes; empty for an unknown name.
std::string_view ViewAsset(std::string_view name);

}  // namespace kg
