// Internal to export/: RAII ownership of a cgraph graph, and setters that
// take std::string (cgraph's C API wants mutable char*).
#pragma once

#include <memory>
#include <string>

#include <graphviz/cgraph.h>

namespace kg {

struct CgraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using CgraphPtr = std::unique_ptr<Agraph_t, CgraphCloser>;

inline char* Mutable(const std::string& s) { return const_cast<char*>(s.c_str()); }

// Sets an attribute on a graph, node or edge, declaring it if needed.
inline void SetAttr(void* object, const std::string& name, const std::string& value) {
  agsafeset(object, Mutable(name), Mutable(value), Mutable(std::string()));
}

}  // namespace kg
