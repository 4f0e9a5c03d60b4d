// kg query, neighbors, path, central, components, evidence: questions
// asked of a saved graph.
#include <algorithm>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/graph_files.h"
#include "app/result_output.h"
#include "app/view_options.h"
#include "core/file_io.h"
#include "graph/algorithms.h"
#include "query/query_engine.h"

namespace kg {
namespace {

// What every graph question shares: the graph, an engine over it, and where and how to write the
// answer.
class Session {
 public:
  // Adds the shared options; Open() reads them after parsing. `kg query`
  // gives -f to --file, so its --format has no short name.
  static void AddOptions(ArgParser* parser, char format_short = 'f') {
    parser->Option("format", format_short, "FORMAT", "table (default), json, dot, svg, png or pdf")
        .Option("output", 'o', "FILE", "write the answer here (default: standard output)")
        .Option("rules", 'r', "DIR",
                "predicates for a graph file that does not list its own (repeatable)", true);
  }

  // Returns an exit code when the session cannot start (already reported).
  std::optional<int> Open(const ArgParser& parser, const std::string& path) {
    auto format = ParseOutputFormat(parser.Get("format", "table"));
    if (!format.ok()) {
      PrintError(format.status().message());
      return kExitUsage;
    }
    format_ = *format;
    output_ = parser.Get("output", "-");
    auto fallback = FallbackPredicates(parser.GetAll("rules"));
    if (!fallback.ok()) {
      PrintError(fallback.status().message());
      return kExitFailure;
    }
    auto graph = ReadGraphImage(path, *fallback);
    if (!graph.ok()) {
      PrintError(graph.status().message());
      return kExitFailure;
    }
    graph_ = std::make_unique<GraphImage>(std::move(*graph));
    QueryOptions options;
    const DiagramOptions diagram = DiagramDefaults(graph_->predicates());
    options.symmetric_predicates = diagram.symmetric_predicates;
    options.known_predicates = PredicateNames(graph_->predicates());
    if (parser.Has("max-work")) {
      auto work = parser.GetNumber("max-work", 0, 1, std::numeric_limits<long>::max());
      if (!work.ok()) {
        PrintError(work.status().message());
        return kExitUsage;
      }
      options.max_work = static_cast<uint64_t>(*work);
    }
    engine_ = std::make_unique<QueryEngine>(*graph_, options);
    return std::nullopt;
  }

  const GraphImage& graph() const { return *graph_; }
  const QueryEngine& engine() const { return *engine_; }

  // The entity a name means, or an error with suggestions.
  std::optional<size_t> Resolve(const std::string& name) const {
    auto node = engine_->lookup().Resolve(name);
    if (!node.ok()) {
      PrintError(node.status().message());
      return std::nullopt;
    }
    return *node;
  }

  // Checks a predicate name against the graph and the rule pack.
  bool KnownPredicate(const std::string& predicate) const {
    const std::set<std::string>& valid = engine_->predicate_names();
    if (valid.contains(predicate)) return true;
    std::string list;
    for (const auto& name : valid) list += (list.empty() ? "" : ", ") + name;
    PrintError("unknown predicate \"" + predicate + "\"; the predicates are " + list);
    return false;
  }

  // Walks only relations of these predicates (all when none are given);
  // nullopt (reported) when one is unknown.
  std::optional<EdgeFilter> PredicateFilter(std::vector<std::string> predicates) const {
    for (const auto& predicate : predicates) {
      if (!KnownPredicate(predicate)) return std::nullopt;
    }
    if (predicates.empty()) return EdgeFilter{};
    std::vector<uint8_t> walk(graph_->predicate_count(), 0);
    for (const auto& predicate : predicates) {
      if (auto p = graph_->FindPredicate(predicate)) walk[*p] = 1;
    }
    const GraphImage* graph = graph_.get();
    return EdgeFilter(
        [graph, walk = std::move(walk)](size_t e) { return walk[graph->edge_predicate(e)] != 0; });
  }

  int Write(const QueryResult& result) const {
    if (Status s =
            WriteResult(result, *graph_, format_, output_, DiagramDefaults(graph_->predicates()));
        !s.ok()) {
      PrintError(s.message());
      return kExitFailure;
    }
    return kExitOk;
  }

 private:
  OutputFormat format_ = OutputFormat::kTable;
  std::string output_ = "-";
  std::unique_ptr<GraphImage> graph_;
  std::unique_ptr<QueryEngine> engine_;
};

// --type, when given; false (reported) when it names no type.
bool ReadTypeOption(const ArgParser& parser, std::optional<EntityType>* type) {
  if (!parser.Has("type")) return true;
  auto parsed = ParseTypeName(parser.Get("type"));
  if (!parsed.ok()) {
    PrintError("--type: " + parsed.status().message());
    return false;
  }
  *type = *parsed;
  return true;
}

void PrintQueryError(const QueryError& error, const std::string& query) {
  std::cerr << "kg: query error: " << error.message << "\n";
  if (error.column <= 0) return;
  // Point at the column under the query's line, on its own line; a long
  // line is cut to a window around the column.
  constexpr size_t kWindow = 60;  // code points each side
  const size_t at = std::min(static_cast<size_t>(error.column - 1), query.size());
  const size_t line_begin = query.rfind('\n', at == 0 ? 0 : at - 1) == std::string::npos
                                ? 0
                                : query.rfind('\n', at == 0 ? 0 : at - 1) + 1;
  const size_t line_end = std::min(query.find('\n', at), query.size());
  const auto is_lead = [&](size_t i) {
    return (static_cast<unsigned char>(query[i]) & 0xC0) != 0x80;
  };
  size_t begin = at;
  for (size_t points = 0; begin > line_begin && points < kWindow;) {
    if (is_lead(--begin)) ++points;
  }
  size_t end = at;
  for (size_t points = 0; end < line_end && points <= kWindow; ++end) {
    if (is_lead(end)) ++points;
  }
  while (end < line_end && !is_lead(end)) ++end;
  std::string shown = (begin > line_begin ? "..." : "") + query.substr(begin, end - begin) +
                      (end < line_end ? "..." : "");
  std::string pad = begin > line_begin ? "   " : "";
  for (size_t i = begin; i < at; ++i) {
    if (is_lead(i)) pad += query[i] == '\t' ? '\t' : ' ';
  }
  std::cerr << "  " << shown << "\n  " << pad << "^\n";
}

// The query text: the second argument, or the file of --file, or standard
// input when either is "-". Nullopt (reported) when it cannot be read.
std::optional<std::string> ReadQueryText(const ArgParser& parser) {
  constexpr size_t kMaxQueryBytes = size_t{64} << 20;
  const bool from_file = parser.Has("file");
  const std::string source = from_file ? parser.Get("file") : parser.positional()[1];
  if (!from_file && source != "-") return source;
  if (source == "-") {
    std::string text;
    char buffer[65536];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      text.append(buffer, static_cast<size_t>(std::cin.gcount()));
      if (text.size() > kMaxQueryBytes) {
        PrintError("standard input: the query is longer than 64 MiB");
        return std::nullopt;
      }
    }
    return text;
  }
  auto text = ReadFile(source, kMaxQueryBytes);
  if (!text.ok()) {
    PrintError(text.status().message());
    return std::nullopt;
  }
  return *text;
}

}  // namespace

int RunQuery(const Args& args) {
  ArgParser parser(
      "kg query GRAPH.json ('MATCH ... RETURN ...' | -f FILE | -) [--format table|json|dot|svg] "
      "[-o FILE]",
      "Answers a graph pattern query in a subset of Cypher (docs/query-language.md):\n"
      "  MATCH (a:PERSON)-[r:pressed]->(b) RETURN a, r, b\n"
      "  MATCH (a)-[:met_with]-(b {label: \"Benjamin Netanyahu\"}) RETURN a.label ORDER BY "
      "a.label\n"
      "  MATCH p = shortestPath((a {label: \"Burns\"})-[*..4]-(b {label: \"Haniyeh\"})) RETURN p\n"
      "Entities are found by any of their names, case-insensitively. A syntax error\n"
      "points at its column; unknown names, types and predicates are listed. Exit 2.\n"
      "A long query can be read from a file (-f FILE) or from standard input (-).");
  parser.Option("file", 'f', "FILE", "read the query from FILE (- for standard input)");
  parser.Option("max-work", 'w', "N",
                "stop a query after N steps of work (default 100000000; see docs)");
  Session::AddOptions(&parser, 0);
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  const size_t expected = parser.Has("file") ? 1 : 2;
  if (parser.positional().size() != expected) {
    PrintError(parser.Has("file") ? "expected the graph only: the query comes from --file"
                                  : "expected 2 arguments, the graph and the query (see --help)");
    return kExitUsage;
  }
  if (parser.positional()[0] == "-" &&
      (parser.Has("file") ? parser.Get("file") : parser.positional()[1]) == "-") {
    PrintError("the graph and the query cannot both come from standard input");
    return kExitUsage;
  }
  const auto text = ReadQueryText(parser);
  if (!text) return kExitFailure;
  Session session;
  if (auto code = session.Open(parser, parser.positional()[0])) return *code;
  auto result = session.engine().Run(*text);
  if (auto* error = std::get_if<QueryError>(&result)) {
    PrintQueryError(*error, *text);
    return kExitUsage;
  }
  return session.Write(std::get<QueryResult>(result));
}

int RunNeighbors(const Args& args) {
  ArgParser parser(
      "kg neighbors GRAPH.json NAME [--hops N] [--predicate P] [--type T]",
      "Lists the entities within N relations of NAME (any of its names), nearest first.");
  parser.Option("hops", 'n', "N", "how far to reach (default 1)")
      .Option("predicate", 'p', "P", "walk only relations of this predicate (repeatable)", true)
      .Option("type", 't', "TYPE", "list only entities of this type");
  Session::AddOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 2)) return *code;
  auto hops = parser.GetNumber("hops", 1, 1, 10);
  if (!hops.ok()) {
    PrintError(hops.status().message());
    return kExitUsage;
  }
  std::optional<EntityType> type;
  if (!ReadTypeOption(parser, &type)) return kExitUsage;
  Session session;
  if (auto code = session.Open(parser, parser.positional()[0])) return *code;
  const auto start = session.Resolve(parser.positional()[1]);
  if (!start) return kExitUsage;
  const auto filter = session.PredicateFilter(parser.GetAll("predicate"));
  if (!filter) return kExitUsage;
  const GraphImage& graph = session.graph();
  QueryResult result;
  result.columns = {"hops", "entity", "type", "via"};
  for (const Reached& reached :
       Neighborhood(session.engine().topology(), *start, static_cast<int>(*hops), *filter)) {
    if (reached.hops == 0 || (type && graph.node_type(reached.node) != *type)) continue;
    result.rows.push_back({QueryValue::Int(reached.hops), QueryValue::Node(reached.node),
                           QueryValue::GraphString(EntityTypeName(graph.node_type(reached.node))),
                           QueryValue::Edge(reached.edge)});
  }
  return session.Write(result);
}

int RunPath(const Args& args) {
  ArgParser parser("kg path GRAPH.json FROM TO [--max-hops N] [--all]",
                   "Shows how two entities are connected: the shortest chain of relations between\n"
                   "them, in either direction, or every shortest chain with --all.");
  parser.Option("max-hops", 'n', "N", "longest chain to look for (default 4)")
      .Flag("all", 'a', "every shortest path, not just one")
      .Option("predicate", 'p', "P", "walk only relations of this predicate (repeatable)", true);
  Session::AddOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 3)) return *code;
  auto hops = parser.GetNumber("max-hops", 4, 1, 15);
  if (!hops.ok()) {
    PrintError(hops.status().message());
    return kExitUsage;
  }
  Session session;
  if (auto code = session.Open(parser, parser.positional()[0])) return *code;
  const auto from = session.Resolve(parser.positional()[1]);
  const auto to = from ? session.Resolve(parser.positional()[2]) : std::nullopt;
  if (!from || !to) return kExitUsage;
  const auto filter = session.PredicateFilter(parser.GetAll("predicate"));
  if (!filter) return kExitUsage;
  const GraphImage& graph = session.graph();
  QueryResult result;
  result.columns = {"hops", "path"};
  // --all lists at most kMaxPaths paths, and says so when there are more.
  constexpr size_t kMaxPaths = 10'000;
  std::vector<Path> paths =
      ShortestPaths(session.engine().topology(), *from, *to, static_cast<int>(*hops),
                    parser.Has("all"), *filter, kMaxPaths + 1);
  if (paths.size() > kMaxPaths) {
    paths.resize(kMaxPaths);
    std::cerr << "kg: showing the first " << kMaxPaths << " shortest paths; there are more\n";
  }
  for (Path& path : paths) {
    result.rows.push_back({QueryValue::Int(static_cast<int64_t>(path.edges.size())),
                           QueryValue::OfPath(std::move(path))});
  }
  if (result.rows.empty()) {
    std::cerr << "kg: no path between " << graph.node_label(*from) << " and "
              << graph.node_label(*to) << " within " << *hops << " hops\n";
  }
  return session.Write(result);
}

int RunCentral(const Args& args) {
  ArgParser parser("kg central GRAPH.json [--by degree|betweenness|pagerank] [--top N] [--type T]",
                   "Ranks entities by centrality: degree (relations), betweenness (Brandes: how\n"
                   "often an entity lies on shortest paths) or PageRank.");
  parser.Option("by", 'b', "MEASURE", "degree (default), betweenness or pagerank")
      .Option("top", 'n', "N", "how many to list (default 10)")
      .Option("type", 't', "TYPE", "only entities of this type");
  Session::AddOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  auto top = parser.GetNumber("top", 10, 1, 1L << 30);
  const std::string by = parser.Get("by", "degree");
  if (!top.ok() || (by != "degree" && by != "betweenness" && by != "pagerank")) {
    PrintError(top.ok() ? "--by: expected degree, betweenness or pagerank"
                        : top.status().message());
    return kExitUsage;
  }
  std::optional<EntityType> type;
  if (!ReadTypeOption(parser, &type)) return kExitUsage;
  Session session;
  if (auto code = session.Open(parser, parser.positional()[0])) return *code;
  const GraphImage& graph = session.graph();
  const Topology& topology = session.engine().topology();
  const std::vector<double> score = by == "degree"        ? DegreeCentrality(topology)
                                    : by == "betweenness" ? BetweennessCentrality(topology)
                                                          : PageRank(topology);
  std::vector<size_t> order;
  for (size_t n = 0; n < graph.node_count(); ++n) {
    if (!type || graph.node_type(n) == *type) order.push_back(n);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return score[a] > score[b]; });
  QueryResult result;
  result.columns = {"rank", "entity", "type", by};
  for (size_t k = 0; k < order.size() && k < static_cast<size_t>(*top); ++k) {
    const size_t n = order[k];
    result.rows.push_back({QueryValue::Int(static_cast<int64_t>(k + 1)), QueryValue::Node(n),
                           QueryValue::GraphString(EntityTypeName(graph.node_type(n))),
                           by == "degree" ? QueryValue::Int(static_cast<int64_t>(score[n]))
                                          : QueryValue::Float(score[n])});
  }
  return session.Write(result);
}

int RunComponents(const Args& args) {
  ArgParser parser("kg components GRAPH.json [--min-size N]",
                   "Lists the connected components: groups of entities linked by any chain of\n"
                   "relations, largest first.");
  parser.Option("min-size", 'm', "N", "skip components smaller than N entities (default 1)");
  Session::AddOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 1)) return *code;
  auto min_size = parser.GetNumber("min-size", 1, 1, 1L << 30);
  if (!min_size.ok()) {
    PrintError(min_size.status().message());
    return kExitUsage;
  }
  Session session;
  if (auto code = session.Open(parser, parser.positional()[0])) return *code;
  QueryResult result;
  result.columns = {"component", "size", "entities"};
  int64_t number = 0;
  for (const auto& component : Components(session.engine().topology())) {
    ++number;
    if (component.size() < static_cast<size_t>(*min_size)) continue;
    std::vector<QueryValue> members;
    for (size_t n : component) members.push_back(QueryValue::Node(n));
    result.rows.push_back({QueryValue::Int(number),
                           QueryValue::Int(static_cast<int64_t>(component.size())),
                           QueryValue::List(std::move(members))});
  }
  return session.Write(result);
}

int RunEvidence(const Args& args) {
  ArgParser parser("kg evidence GRAPH.json SUBJECT PREDICATE OBJECT",
                   "Prints the sentences behind a relation, with their documents and byte\n"
                   "offsets, for every status (asserted, negated, hypothetical).");
  Session::AddOptions(&parser);
  if (auto code = ParseCommandLine(&parser, args, 4)) return *code;
  Session session;
  if (auto code = session.Open(parser, parser.positional()[0])) return *code;
  const auto subject = session.Resolve(parser.positional()[1]);
  const auto object = subject ? session.Resolve(parser.positional()[3]) : std::nullopt;
  const std::string& predicate = parser.positional()[2];
  if (!subject || !object || !session.KnownPredicate(predicate)) return kExitUsage;
  const GraphImage& graph = session.graph();
  if (Status s = graph.CheckEvidenceText(); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  const bool symmetric = session.engine().options().symmetric_predicates.contains(predicate);
  std::map<std::string_view, std::string_view> document_paths;
  for (size_t d = 0; d < graph.document_count(); ++d)
    document_paths[graph.document(d).id] = graph.document(d).path;
  QueryResult result;
  result.columns = {"relation", "document", "path", "start", "end", "sentence"};
  std::vector<size_t> edges;
  for (const Arc& arc : session.engine().topology().arcs(*subject)) {
    if (arc.node == *object && graph.predicate_name(graph.edge_predicate(arc.edge)) == predicate &&
        (arc.outgoing || symmetric)) {
      edges.push_back(arc.edge);
    }
  }
  for (size_t e : edges) {
    for (size_t i = graph.evidence_begin(e); i < graph.evidence_end(e); ++i) {
      const EvidenceView evidence = graph.evidence(i);
      result.rows.push_back({QueryValue::Edge(e), QueryValue::GraphString(evidence.document),
                             QueryValue::GraphString(document_paths[evidence.document]),
                             QueryValue::Int(evidence.start), QueryValue::Int(evidence.end),
                             QueryValue::GraphString(evidence.sentence)});
    }
  }
  if (result.rows.empty()) {
    std::cerr << "kg: no \"" << predicate << "\" relation from " << graph.node_label(*subject)
              << " to " << graph.node_label(*object) << "\n";
  }
  return session.Write(result);
}

}  // namespace kg
