#include "app/view_options.h"

#include <map>

#include "app/commands.h"
#include "app/common.h"
#include "app/progress.h"
#include "core/text.h"
#include "graph/algorithms.h"
#include "graph/topology.h"

namespace kg {
namespace {

std::set<std::string> CommaList(const std::string& text) {
  std::set<std::string> out;
  for (std::string_view item : Split(text, ',')) {
    item = Trim(item);
    if (!item.empty()) out.emplace(item);
  }
  return out;
}

}  // namespace

Result<Centrality> ParseCentrality(const std::string& name) {
  if (name == "pagerank") return Centrality::kPageRank;
  if (name == "degree") return Centrality::kDegree;
  if (name == "betweenness") return Centrality::kBetweenness;
  return Status::Error("expected pagerank, degree or betweenness, not \"" + name + "\"");
}

void AddFilterOptions(ArgParser* parser) {
  parser->Option("focus", 0, "NAME", "only the neighbourhood of this entity (any of its names)")
      .Option("hops", 0, "N", "with --focus: how far to reach (default 1)")
      .Option("types", 0, "LIST", "entity types to keep: PERSON,ORGANIZATION,LOCATION")
      .Option("predicates", 0, "LIST", "predicates to keep, e.g. pressed,met_with")
      .Option("min-weight", 0, "N", "relations found at least N times")
      .Option("status", 0, "STATUS", "asserted, negated or hypothetical relations only")
      .Option("top", 0, "N", "the N most central entities (see --by) and their relations")
      .Option("by", 0, "MEASURE", "centrality for --top: pagerank (default), degree or betweenness")
      .Option("document", 0, "ID", "one article's entities and relations");
}

Result<GraphFilter> ReadFilterOptions(const ArgParser& parser) {
  GraphFilter filter;
  filter.focus = parser.Get("focus");
  auto hops = parser.GetNumber("hops", 1, 0, 10);
  auto weight = parser.GetNumber("min-weight", 1, 1, 1L << 40);
  auto top = parser.GetNumber("top", 0, 0, 1L << 30);
  for (const auto* number : {&hops, &weight, &top}) {
    if (!number->ok()) return number->status();
  }
  filter.hops = static_cast<int>(*hops);
  filter.min_weight = *weight;
  filter.top = static_cast<size_t>(*top);
  if (parser.Has("types")) {
    filter.types = TypeSet::None();
    for (const auto& name : CommaList(parser.Get("types"))) {
      auto type = ParseTypeName(name);
      if (!type.ok()) return type.status().WithContext("--types");
      filter.types.Add(*type);
    }
  }
  filter.predicates = CommaList(parser.Get("predicates"));
  if (parser.Has("status")) {
    filter.status = ParseRelationStatus(parser.Get("status"));
    if (!filter.status)
      return Status::Error("--status: expected asserted, negated or hypothetical");
  }
  filter.document = parser.Get("document");
  auto by = ParseCentrality(parser.Get("by", "pagerank"));
  if (!by.ok()) return by.status().WithContext("--by");
  filter.by = *by;
  return filter;
}

void AddDiagramOptions(ArgParser* parser) {
  parser->Option("layout", 0, "ENGINE", "dot, neato, fdp, sfdp, circo or twopi (default: by size)")
      .Flag("legend", 0, "draw a legend of types, kinds of relation and statuses")
      .Flag("clusters", 0, "draw people inside the organization or country they lead or belong to")
      .Flag("merge", 0, "one edge per direction between two entities, listing their relations")
      .Flag("no-merge", 0, "one edge per relation (default: merged when many are parallel)")
      .Flag("isolated", 0, "also draw entities that have no relation in the view")
      .Flag("all", 0,
            "draw every entity of the view (default: at most " +
                std::to_string(kDiagramEntityLimit) + ", the most central)")
      .Option("size-by", 0, "MEASURE", "node size by degree, pagerank or none (default: degree)")
      .Option("wrap", 0, "N", "wrap labels longer than N characters (default 20; 0: never)");
}

std::optional<int> LoadView(const ArgParser& parser, KnowledgeGraph* view, size_t* total_entities,
                            bool diagram) {
  auto filter = ReadFilterOptions(parser);
  if (!filter.ok()) {
    PrintError(filter.status().message());
    return kExitUsage;
  }
  // A diagram leaves out entities without relations unless asked.
  filter->linked_only = diagram && !parser.Has("isolated");
  auto graph = LoadGraph(parser.positional().front(), parser.GetAll("rules"));
  if (!graph.ok()) {
    PrintError(graph.status().message());
    return kExitFailure;
  }
  if (total_entities != nullptr) *total_entities = graph->node_count();
  auto filtered = ApplyFilter(*graph, *filter, PredicateNames(graph->predicates()));
  if (!filtered.ok()) {
    PrintError(filtered.status().message());
    return kExitUsage;
  }
  *view = std::move(*filtered);
  return std::nullopt;
}

DiagramOptions DiagramDefaults(const PredicateTable& predicates) {
  DiagramOptions options;
  for (const auto& predicate : predicates.entries()) {
    if (predicate.symmetric) options.symmetric_predicates.insert(predicate.name);
    options.predicate_kinds[predicate.name] = std::string(PredicateKindName(predicate.kind));
    if (predicate.kind == PredicateKind::kRole &&
        predicate.subject_types == TypeSet::Of(EntityType::kPerson)) {
      options.role_predicates.insert(predicate.name);
    }
  }
  return options;
}

std::set<std::string> PredicateNames(const PredicateTable& predicates) {
  std::set<std::string> names;
  for (const auto& predicate : predicates.entries()) names.insert(predicate.name);
  return names;
}

Result<DiagramOptions> ReadDiagramOptions(const ArgParser& parser, const KnowledgeGraph& graph) {
  DiagramOptions options = DiagramDefaults(graph.predicates());
  options.layout = parser.Get("layout");
  options.legend = parser.Has("legend");
  options.clusters = parser.Has("clusters");
  if (parser.Has("merge") && parser.Has("no-merge"))
    return Status::Error("--merge and --no-merge exclude each other");
  auto wrap = parser.GetNumber("wrap", 20, 0, 1000);
  if (!wrap.ok()) return wrap.status();
  options.wrap = static_cast<size_t>(*wrap);
  const std::string size_by = parser.Get("size-by", "degree");
  if (size_by == "degree") {
    options.importance = DegreeCentrality(Topology(graph));
  } else if (size_by == "pagerank") {
    options.importance = PageRank(graph);
  } else if (size_by != "none") {
    return Status::Error("--size-by: expected degree, pagerank or none");
  }
  return options;
}

FittedDiagram FitDiagramToSize(KnowledgeGraph* view, size_t total_entities, const DiagramFit& fit) {
  std::string note;
  if (!fit.all &&
      (view->node_count() > kDiagramEntityLimit || view->edge_count() > kDiagramRelationLimit)) {
    const size_t before = view->node_count();
    *view = MostCentral(*view, kDiagramEntityLimit, fit.by, kDiagramRelationLimit);
    if (!fit.isolated) {
      // Entities whose relations all went to those left out.
      GraphFilter linked;
      linked.linked_only = true;
      *view = std::move(ApplyFilter(*view, linked, {})).value();
    }
    note = "showing " + GroupDigits(view->node_count()) + " of " + GroupDigits(total_entities) +
           " entities, the most central of " + GroupDigits(before) +
           " in the view; use --top, --focus, --min-weight or --all";
  }
  // Many relations between the same two entities fan out into a tangle:
  // merged then, unless the command line says otherwise.
  bool fans = false;
  std::map<std::pair<size_t, size_t>, int> parallel;
  for (size_t e = 0; e < view->edge_count(); ++e) {
    fans = fans || ++parallel[{view->edge_source(e), view->edge_target(e)}] >= 3;
  }
  FittedDiagram fitted;
  fitted.note = note;
  fitted.merge = fit.merge.value_or(fans || view->edge_count() > 300);
  fitted.straight = view->node_count() > 150 || view->edge_count() > 300;
  return fitted;
}

void FittedDiagram::ApplyTo(DiagramOptions* options) const {
  options->note = note;
  options->merge_parallel = merge;
  options->straight_edges = straight;
}

DiagramFit ReadDiagramFit(const ArgParser& parser, const GraphFilter& filter) {
  DiagramFit fit;
  fit.all = parser.Has("all") || filter.top > 0;
  fit.by = filter.by;
  fit.isolated = parser.Has("isolated");
  if (parser.Has("merge")) fit.merge = true;
  if (parser.Has("no-merge")) fit.merge = false;
  return fit;
}

}  // namespace kg
