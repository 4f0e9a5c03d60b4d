// End-to-end tests of kg export's formats, read back by the tools and
// libraries their users load them with.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace kg {
namespace {

using test::Quote;
using test::RunKg;
using test::RunShell;

// The samples' graph, built once per test binary.
const std::string& Samples() {
  static const std::string path = [] {
    static test::TempDir dir;
    const std::string out = dir.Path("samples.json");
    const auto built =
        RunKg("build " + Quote(test::SourcePath("samples")) + " -q -o " + Quote(out));
    if (built.exit_code != 0) throw std::runtime_error(built.err);
    return out;
  }();
  return path;
}

// Runs a Python check with Debian's Python; argv[1] is the graph JSON,
// words(evidence) the text of an evidence item's trigger words.
test::CommandResult Python(const std::string& code, const std::string& args) {
  const std::string words =
      "def words(e):\n"
      "    s = e['sentence'].encode()\n"
      "    return ' ... '.join(s[b - e['start']:x - e['start']].decode() for b, x in "
      "e.get('triggers', []))\n";
  return RunShell("/usr/bin/python3 -c " + Quote(words + code) + " " + Quote(Samples()) + " " +
                  args);
}

TEST_CASE("the Neo4j export has neo4j-admin's headers, and its rows hold the whole graph",
          "[cli][export]") {
  test::TempDir dir;
  const auto exported =
      RunKg("export " + Quote(Samples()) + " --format neo4j -o " + Quote(dir.Path("neo4j")));
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const auto check = Python(
      "import csv, json, os, re, sys\n"
      "g = json.load(open(sys.argv[1])); folder = sys.argv[2]\n"
      "# neo4j-admin database import: name:type, :ID(group), :START_ID(group), ...\n"
      "types = 'int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|'"
      "        'localdatetime|datetime|duration'\n"
      "field = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)?(:(%s)(\\[\\])?|:(ID|START_ID|END_ID)"
      "(\\([A-Za-z]+\\))?|:LABEL|:TYPE|:IGNORE)?$' % types)\n"
      "def rows(name):\n"
      "    with open(os.path.join(folder, name), newline='', encoding='utf-8') as f:\n"
      "        r = list(csv.reader(f, strict=True))\n"
      "    for h in r[0]: assert field.match(h) and h, (name, h)\n"
      "    assert all(len(x) == len(r[0]) for x in r), name\n"
      "    return [dict(zip(r[0], x)) for x in r[1:]]\n"
      "d = '\\x1f'\n"
      "entities = rows('entities.csv'); relations = rows('relations.csv')\n"
      "documents = rows('documents.csv'); mentions = rows('mentions.csv')\n"
      "assert len(entities) == len(g['nodes']) and len(relations) == len(g['links'])\n"
      "assert len(documents) == len(g['graph']['documents'])\n"
      "assert len(mentions) == sum(len(n['documents']) for n in g['nodes'])\n"
      "assert sum(1 for h in rows('entities.csv')[0] if h.startswith('id:ID(Entity)')) == 1\n"
      "for n, e in zip(g['nodes'], entities):\n"
      "    assert e['id:ID(Entity)'] == n['id'] and e[':LABEL'].split(d) == ['Entity', n['type']]\n"
      "    assert e['aliases:string[]'] == d.join(n['aliases'])\n"
      "for l, r in zip(g['links'], relations):\n"
      "    assert (r[':START_ID(Entity)'], r[':END_ID(Entity)'], r[':TYPE']) == "
      "(l['source'], l['target'], l['predicate'])\n"
      "    assert r['evidence:string[]'].split(d) == [e['sentence'] for e in l['evidence']]\n"
      "    assert r['evidence_documents:string[]'].split(d) == [e['document'] for e in "
      "l['evidence']]\n"
      "    assert int(r['weight:long']) == l['weight']\n"
      "    assert r['evidence_triggers:string[]'].split(d) == [words(e) for e in l['evidence']]\n"
      "assert sum(1 for r in relations if r['evidence_triggers:string[]']) > len(relations) / 2\n"
      "assert 'evidence_triggers: ' in open(os.path.join(folder, 'load.cypher')).read()\n"
      "cypher = open(os.path.join(folder, 'load.cypher')).read()\n"
      "for name in ('entities', 'documents', 'relations', 'mentions'):\n"
      "    assert \"'file:///%s.csv'\" % name in cypher, name\n"
      "for p in g['graph']['predicates']:\n"
      "    assert '-[r:`%s`]->' % p['name'] in cypher, p['name']\n",
      Quote(dir.Path("neo4j")));
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("the CSV export reads back with Python's csv module", "[cli][export]") {
  test::TempDir dir;
  REQUIRE(RunKg("export " + Quote(Samples()) + " --format csv -o " + Quote(dir.Path("csv")))
              .exit_code == 0);
  const auto check = Python(
      "import csv, json, os, sys\n"
      "g = json.load(open(sys.argv[1]))\n"
      "read = lambda n: list(csv.DictReader(open(os.path.join(sys.argv[2], n), newline='')))\n"
      "nodes, edges = read('nodes.csv'), read('edges.csv')\n"
      "assert [n['id'] for n in nodes] == [n['id'] for n in g['nodes']]\n"
      "assert all(int(a['mentions']) == b['mentions'] for a, b in zip(nodes, g['nodes']))\n"
      "assert len(edges) == len(g['links'])\n"
      "for e, l in zip(edges, g['links']):\n"
      "    assert int(e['evidence_count']) == len(l['evidence']) and int(e['weight']) == "
      "l['weight']\n"
      "    assert e['first_sentence'] == l['evidence'][0]['sentence']\n"
      "    assert e['first_triggers'] == words(l['evidence'][0])\n"
      "assert sum(1 for e in edges if e['first_triggers']) > len(edges) / 2\n",
      Quote(dir.Path("csv")));
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(RunKg("export " + Quote(Samples()) + " --format csv").exit_code == 2);  // needs -o DIR
}

TEST_CASE("GraphML and GEXF carry every evidence sentence, GEXF the diagrams' colours",
          "[cli][export]") {
  test::TempDir dir;
  REQUIRE(
      RunKg("export " + Quote(Samples()) + " --format graphml -o " + Quote(dir.Path("g.graphml")))
          .exit_code == 0);
  REQUIRE(RunKg("export " + Quote(Samples()) + " --format gexf -o " + Quote(dir.Path("g.gexf")))
              .exit_code == 0);
  const auto check = Python(
      "import json, sys, networkx as nx\n"
      "g = json.load(open(sys.argv[1]))\n"
      "want = {(l['source'], l['target'], l['predicate'], l['status']): l['evidence'] for l in "
      "g['links']}\n"
      "for h in (nx.read_graphml(sys.argv[2]), nx.read_gexf(sys.argv[3])):\n"
      "    got = {(s, t, a['predicate'], a['status']): json.loads(a['evidence']) for s, t, a in "
      "h.edges(data=True)}\n"
      "    assert got == want\n"
      "h = nx.read_gexf(sys.argv[3])\n"
      "person = next(n['id'] for n in g['nodes'] if n['type'] == 'PERSON')\n"
      "color = h.nodes[person]['viz']['color']\n"
      "assert (color['r'], color['g'], color['b']) == (0xdb, 0xe9, 0xff), color\n"
      "sizes = {a['viz']['size'] for _, a in h.nodes(data=True)}\n"
      "assert min(sizes) >= 11 and max(sizes) == 24, sizes\n",
      Quote(dir.Path("g.graphml")) + " " + Quote(dir.Path("g.gexf")));
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("the Cytoscape export holds every node and edge as Cytoscape.js data", "[cli][export]") {
  test::TempDir dir;
  REQUIRE(
      RunKg("export " + Quote(Samples()) + " --format cytoscape -o " + Quote(dir.Path("g.cyjs")))
          .exit_code == 0);
  const auto check = Python(
      "import json, sys\n"
      "g = json.load(open(sys.argv[1])); c = json.load(open(sys.argv[2]))\n"
      "nodes, edges = c['elements']['nodes'], c['elements']['edges']\n"
      "assert [n['data']['id'] for n in nodes] == [n['id'] for n in g['nodes']]\n"
      "ids = {n['data']['id'] for n in nodes}\n"
      "assert len({e['data']['id'] for e in edges}) == len(edges) == len(g['links'])\n"
      "for e, l in zip(edges, g['links']):\n"
      "    d = e['data']\n"
      "    assert d['source'] in ids and d['target'] in ids\n"
      "    assert (d['source'], d['target'], d['predicate']) == (l['source'], l['target'], "
      "l['predicate'])\n"
      "    assert d['evidence'] == l['evidence']\n",
      Quote(dir.Path("g.cyjs")));
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("the README's NetworkX line loads the graph on NetworkX 2.8 and 3", "[cli][export]") {
  const std::string line =
      "import json, networkx as nx; d = json.load(open(GRAPH)); "
      "g = nx.node_link_graph({**d, 'edges': d['links']})";
  // Debian's NetworkX (2.8) always; a newer one too when `python3` has it.
  for (const std::string python : {"/usr/bin/python3", "python3"}) {
    const auto version = RunShell(python + " -c 'import networkx; print(networkx.__version__)'");
    if (python == "python3" && version.exit_code != 0) continue;
    const auto loaded = RunShell(python + " -c " +
                                 Quote("import sys\nGRAPH = sys.argv[1]\n" + line +
                                       "\nd = json.load(open(GRAPH))\n"
                                       "assert g.number_of_nodes() == len(d['nodes'])\n"
                                       "assert g.number_of_edges() == len(d['links'])\n") +
                                 " " + Quote(Samples()));
    INFO(python << " with NetworkX " << version.out << loaded.err);
    CHECK(loaded.exit_code == 0);
  }
}

}  // namespace
}  // namespace kg
