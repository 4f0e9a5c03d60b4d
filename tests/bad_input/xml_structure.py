#!/usr/bin/env python3
"""Checks kg's GraphML and GEXF against the structure their schemas define.

xsd_check.py validates exports against the XSDs themselves (from Debian's
libjgrapht-java). This script restates the rules an export could break,
with plain messages, and adds what an XSD leaves out: GEXF's XSD has no
key constraints (node ids unique, edges joining nodes), and GraphML's
does not tie a <data>'s key to the element the key is declared for.
It runs after xmllint has checked that the file is well-formed XML:

GraphML 1.0 (graphml.xsd, graphml-structure.xsd): <graphml> in its
namespace holds <key>s before its <graph>; key, graph, node and edge ids
and data/@key, edge/@source and edge/@target are xs:NMTOKEN (XML name
characters only: no space, no no-break space, no control); key/@for and
attr.type take their listed values; node ids are unique in the graph and
edges join nodes of it; every <data> names a key declared for its element.

GEXF 1.2draft (gexf.xsd and its modules): <gexf version="1.2"> in its
namespace; graph/@mode and @defaultedgetype take their listed values;
attribute types are the listed ones; node ids are unique, edges join them,
and every attvalue/@for names an attribute of its class.

    xml_structure.py FILE...   (.graphml or .gexf; exit 1 on the first problem)
"""
import re
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"

# XML 1.0 (fifth edition) NameChar: what an xs:NMTOKEN is made of.
NAME_CHAR = re.compile(
    "^[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF"
    "\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF"
    "\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF\u0300-\u036F]+$")


class Problem(Exception):
    pass


def require(condition, message):
    if not condition:
        raise Problem(message)


def nmtoken(value, what):
    require(value is not None and NAME_CHAR.match(value), f"{what} {value!r} is not an xs:NMTOKEN")


def check_graphml(root):
    require(root.tag == GRAPHML + "graphml", f"root is {root.tag}, not graphml in its namespace")
    children = [child.tag for child in root]
    require(GRAPHML + "graph" in children, "no <graph>")
    first_graph = children.index(GRAPHML + "graph")
    require(GRAPHML + "key" not in children[first_graph:], "a <key> after the <graph>")
    keys = {}
    for key in root.findall(GRAPHML + "key"):
        nmtoken(key.get("id"), "key id")
        require(key.get("id") not in keys, f"key {key.get('id')!r} declared twice")
        scope = key.get("for", "all")
        require(scope in {"all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"},
                f"key/@for {scope!r}")
        kind = key.get("attr.type", "string")
        require(kind in {"boolean", "int", "long", "float", "double", "string"},
                f"key/@attr.type {kind!r}")
        keys[key.get("id")] = scope

    def data_of(element, scope):
        for data in element.findall(GRAPHML + "data"):
            nmtoken(data.get("key"), "data key")
            require(data.get("key") in keys, f"data names undeclared key {data.get('key')!r}")
            require(keys[data.get("key")] in (scope, "all"),
                    f"key {data.get('key')!r} is not declared for <{scope}>")
            require(len(data) == 0, "data holds elements, not text")

    for graph in root.findall(GRAPHML + "graph"):
        if graph.get("id") is not None:
            nmtoken(graph.get("id"), "graph id")
        require(graph.get("edgedefault") in {"directed", "undirected"},
                f"graph/@edgedefault {graph.get('edgedefault')!r}")
        data_of(graph, "graph")
        nodes = set()
        for node in graph.findall(GRAPHML + "node"):
            nmtoken(node.get("id"), "node id")
            require(node.get("id") not in nodes, f"node id {node.get('id')!r} twice")
            nodes.add(node.get("id"))
            data_of(node, "node")
        edges = graph.findall(GRAPHML + "edge")
        for edge in edges:
            if edge.get("id") is not None:
                nmtoken(edge.get("id"), "edge id")
            for end in ("source", "target"):
                nmtoken(edge.get(end), "edge " + end)
                require(edge.get(end) in nodes, f"edge {end} {edge.get(end)!r} is not a node")
            require(edge.get("directed") in (None, "true", "false"), "edge/@directed")
            data_of(edge, "edge")
        return len(nodes), len(edges)


def check_gexf(root):
    require(root.tag == GEXF + "gexf", f"root is {root.tag}, not gexf in the 1.2draft namespace")
    require(root.get("version") == "1.2", f"gexf/@version {root.get('version')!r}")
    graph = root.find(GEXF + "graph")
    require(graph is not None, "no <graph>")
    require(graph.get("mode", "static") in {"static", "dynamic"}, "graph/@mode")
    require(graph.get("defaultedgetype", "undirected") in {"directed", "undirected", "mutual"},
            "graph/@defaultedgetype")
    declared = {"node": set(), "edge": set()}
    for attributes in graph.findall(GEXF + "attributes"):
        scope = attributes.get("class")
        require(scope in declared, f"attributes/@class {scope!r}")
        for attribute in attributes.findall(GEXF + "attribute"):
            require(attribute.get("id") and attribute.get("title") is not None,
                    "attribute without id or title")
            require(attribute.get("type") in {"integer", "long", "double", "float", "boolean",
                                              "listboolean", "liststring", "anyURI", "string"},
                    f"attribute/@type {attribute.get('type')!r}")
            declared[scope].add(attribute.get("id"))

    def values_of(element, scope):
        for holder in element.findall(GEXF + "attvalues"):
            for value in holder:
                require(value.tag == GEXF + "attvalue", f"{value.tag} in attvalues")
                require(value.get("for") in declared[scope],
                        f"attvalue for undeclared {scope} attribute {value.get('for')!r}")
                require(value.get("value") is not None, "attvalue without value")

    nodes = set()
    for node in graph.iter(GEXF + "node"):
        require(node.get("id"), "node without id")
        require(node.get("id") not in nodes, f"node id {node.get('id')!r} twice")
        nodes.add(node.get("id"))
        values_of(node, "node")
    edges = list(graph.iter(GEXF + "edge"))
    for edge in edges:
        for end in ("source", "target"):
            require(edge.get(end) in nodes, f"edge {end} {edge.get(end)!r} is not a node")
        require(edge.get("type") in (None, "directed", "undirected", "mutual"), "edge/@type")
        if edge.get("weight") is not None:
            float(edge.get("weight"))
        values_of(edge, "edge")
    return len(nodes), len(edges)


def main(paths):
    for path in paths:
        check = check_gexf if path.endswith(".gexf") else check_graphml
        try:
            nodes, edges = check(ET.parse(path).getroot())
        except (Problem, ValueError, ET.ParseError) as problem:
            print(f"{path}: {problem}", file=sys.stderr)
            return 1
        print(f"{path}: {nodes} nodes, {edges} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
