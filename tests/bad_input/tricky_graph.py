"""Prints a graph whose names hold everything that breaks careless writers:
quotes, backslashes, <, &, ]]>, comment markers, newlines, tabs, carriage
returns, right-to-left text, emoji, printf directives, braces."""
import json

names = [
    'Say "hi"', 'back\\slash', 'a<b>&c', 'end ]]> here', '<!-- x -->', 'double -- dash',
    'new\nline', 'tab\there', 'cr\rhere', '\u05e9\u05dc\u05d5\u05dd \u202eevil', 'smile \U0001F600',
    '%s%n%d', '{braces} [x]', 'plain name', 'Zo\u00eb O\u2019Brien', 'semi;colon'
]
nodes = [{"id": n if i % 2 else n.lower(), "label": n, "type": ["PERSON", "ORGANIZATION", "LOCATION"][i % 3],
          "aliases": [n, n.upper()], "mentions": i, "documents": []} for i, n in enumerate(names)]
links = [{"source": nodes[i]["id"], "target": nodes[i + 1]["id"], "predicate": "met_with",
          "status": "asserted", "weight": i + 1,
          "evidence": [{"document": "d1", "start": 0, "end": 5, "sentence": names[i] + " & " + names[i + 1]}]}
         for i in range(len(nodes) - 1)]
graph = {"directed": True, "multigraph": True,
         "graph": {"schema": "kg-graph/1", "documents": [{"id": "d1", "path": "a\"b.txt", "title": "T<1>", "sha256": ""}]},
         "nodes": nodes, "links": links}
print(json.dumps(graph, indent=2, ensure_ascii=False))
