// The binary graph image: the same graph in flat arrays, back again
// unchanged, and damaged files refused without a crash.
#include <catch2/catch.hpp>

#include <cstring>

#include "graph/graph_image.h"
#include "graph/graph_image_format.h"
#include "graph/graph_image_impl.h"

namespace kg {
namespace {

// Two documents, aliases, shared and distinct sentences, every status.
KnowledgeGraph SmallGraph() {
  KnowledgeGraph graph;
  graph.AddDocument({"d1", "a.txt", "First", "00ff"});
  graph.AddDocument({"d2", "b.txt", "", ""});
  const auto node = [&](std::string id, std::string label, EntityType type,
                        std::vector<std::string> aliases, int64_t mentions) {
    NodeData data;
    data.id = std::move(id);
    data.label = std::move(label);
    data.type = type;
    data.aliases = std::move(aliases);
    data.mentions = mentions;
    data.documents = {"d1", "d2"};
    return graph.AddNode(std::move(data));
  };
  const size_t ana = node("ana-lopez", "Ana López", EntityType::kPerson, {"López", "Ana"}, 4);
  const size_t acme = node("acme", "Acme Corp.", EntityType::kOrganization, {"ACME"}, 2);
  const size_t oslo = node("oslo", "Oslo", EntityType::kLocation, {}, 1);
  const auto edge = [&](size_t s, size_t t, std::string predicate, RelationStatus status,
                        std::vector<Evidence> evidence) {
    EdgeData data;
    data.predicate = std::move(predicate);
    data.status = status;
    data.weight = static_cast<int64_t>(evidence.size());
    data.evidence = std::move(evidence);
    graph.AddEdge(s, t, std::move(data));
  };
  // Trigger words: "leads" (after the two bytes of "ó"); two spans in one sentence.
  edge(ana, acme, "leader_of", RelationStatus::kAsserted,
       {{"d1", 0, 20, "Ana López leads Acme.", {{11, 16}}},
        {"d2", 5, 18, "She leads it.", {{5, 8}, {9, 14}}}});
  edge(acme, oslo, "visited", RelationStatus::kHypothetical, {{"d2", 0, 13, "Acme may visit."}});
  edge(ana, oslo, "visited", RelationStatus::kNegated, {{"d1", 0, 20, "Ana López leads Acme."}});
  graph.Canonicalize();
  return graph;
}

TEST_CASE("an image holds every field of the graph, and gives the same graph back", "[image]") {
  const KnowledgeGraph graph = SmallGraph();
  const GraphImage image = GraphImage::FromGraph(graph);
  REQUIRE(image.node_count() == 3);
  REQUIRE(image.edge_count() == 3);
  for (size_t n = 0; n < graph.node_count(); ++n) {
    CHECK(image.node_id(n) == graph.node(n).id);
    CHECK(image.node_label(n) == graph.node(n).label);
    CHECK(image.node_type(n) == graph.node(n).type);
    CHECK(image.node_mentions(n) == graph.node(n).mentions);
    REQUIRE(image.node_aliases(n).size() == graph.node(n).aliases.size());
    for (size_t a = 0; a < graph.node(n).aliases.size(); ++a)
      CHECK(image.node_aliases(n)[a] == graph.node(n).aliases[a]);
    CHECK(image.FindNode(graph.node(n).id) == n);
  }
  CHECK(!image.FindNode("nobody"));
  CHECK(image.NodesNamed("lópez") == std::vector<size_t>{*graph.FindNode("ana-lopez")});
  CHECK(image.NodesNamed("acme corp") == std::vector<size_t>{*graph.FindNode("acme")});
  CHECK(image.NodesNamed("nobody").empty());
  CHECK(image.topology().degree(*graph.FindNode("oslo")) == 2);
  REQUIRE(image.CheckEvidenceText().ok());
  auto back = ToKnowledgeGraph(image);
  REQUIRE(back.ok());
  CHECK(back->documents() == graph.documents());
  for (size_t n = 0; n < graph.node_count(); ++n) CHECK(back->node(n) == graph.node(n));
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    CHECK(back->edge(e) == graph.edge(e));
    CHECK(back->edge_source(e) == graph.edge_source(e));
    CHECK(back->edge_target(e) == graph.edge_target(e));
  }
}

TEST_CASE("an image keeps the vocabulary with its definitions", "[image]") {
  KnowledgeGraph graph;
  PredicateTable table;
  Predicate met;
  met.name = "met_with";
  met.symmetric = true;
  met.kind = PredicateKind::kCooperative;
  met.subject_types = TypeSet::Of(EntityType::kPerson);
  met.description = "two people met";
  REQUIRE(table.Add(met).ok());
  Predicate unused;
  unused.name = "warned";
  unused.kind = PredicateKind::kHostile;
  REQUIRE(table.Add(unused).ok());
  graph.SetPredicates(table);
  NodeData a;
  a.id = "a";
  NodeData b;
  b.id = "b";
  const size_t na = graph.AddNode(a);
  const size_t nb = graph.AddNode(b);
  EdgeData edge;
  edge.predicate = "met_with";
  graph.AddEdge(na, nb, edge);
  const GraphImage image = GraphImage::FromGraph(graph);
  CHECK(image.predicates() == table);
  CHECK(image.predicate_symmetric(*image.FindPredicate("met_with")));
  CHECK(!image.predicate_symmetric(*image.FindPredicate("warned")));
  auto back = ToKnowledgeGraph(image);
  REQUIRE(back.ok());
  CHECK(back->predicates() == table);
}

TEST_CASE("the same graph always gives the same bytes", "[image]") {
  const GraphImage first = GraphImage::FromGraph(SmallGraph());
  const GraphImage second = GraphImage::FromGraph(SmallGraph());
  CHECK(std::string(first.bytes()) == std::string(second.bytes()));
}

TEST_CASE("an empty graph makes a valid image", "[image]") {
  const GraphImage image = GraphImage::FromGraph(KnowledgeGraph());
  auto reopened = GraphImage::FromBytes(image.bytes(), "empty.kgb");
  REQUIRE(reopened.ok());
  CHECK(reopened->node_count() == 0);
  CHECK(reopened->topology().node_count() == 0);
}

std::string Message(const Result<GraphImage>& result) {
  return result.ok() ? "(opened)" : result.status().message();
}

TEST_CASE("truncated or damaged images are refused with the place of the damage", "[image]") {
  const GraphImage image = GraphImage::FromGraph(SmallGraph());
  const std::string bytes(image.bytes());
  CHECK(Message(GraphImage::FromBytes(bytes.substr(0, 100), "g.kgb")) ==
        "g.kgb: truncated (100 of " + std::to_string(bytes.size()) + " bytes)");
  CHECK(Message(GraphImage::FromBytes("{\"nodes\": []}", "g.kgb")) ==
        "g.kgb: not a kg graph image (the file does not start with its signature)");
  CHECK(Message(GraphImage::FromBytes(bytes + "xx", "g.kgb")) ==
        "g.kgb: unexpected bytes after the end (" + std::to_string(bytes.size() + 2) +
            " bytes, expected " + std::to_string(bytes.size()) + ")");
  std::string version = bytes;
  version[8] = 9;  // the version field
  CHECK(Message(GraphImage::FromBytes(version, "g.kgb")) ==
        "g.kgb: graph image format version 9; this kg reads version 3 (convert the graph JSON "
        "again)");
  // A byte of the node ids' section.
  image::SectionEntry entry;
  std::memcpy(&entry,
              bytes.data() + sizeof(image::FileHeader) +
                  sizeof(image::SectionEntry) * static_cast<size_t>(image::Section::kNodeIds),
              sizeof entry);
  std::string damaged = bytes;
  damaged[entry.offset] ^= 0x40;
  CHECK(Message(GraphImage::FromBytes(damaged, "g.kgb")) ==
        "g.kgb: section 6 (node ids): checksum mismatch: the file is damaged");
}

TEST_CASE("damage anywhere gives an error or a readable graph, never a crash", "[image]") {
  const std::string bytes(GraphImage::FromGraph(SmallGraph()).bytes());
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (size_t length : {at, at + 1}) {
      if (length > bytes.size()) continue;
      std::string changed = bytes.substr(0, length);
      if (length > at) changed[at] = static_cast<char>(changed[at] ^ 0x5a);
      auto opened = GraphImage::FromBytes(changed, "g.kgb");
      if (!opened.ok()) continue;
      // Opened: the change was in padding or in the evidence text, whose
      // checksum is read with the sentences. Reading everything is safe.
      auto graph = ToKnowledgeGraph(*opened);
      CHECK((graph.ok() || graph.status().message().find("evidence text") != std::string::npos));
    }
  }
}

// Rewrites one u32 of a section and fixes every checksum, as a hostile
// writer would: the reader's range checks must still catch it.
std::string Forge(std::string bytes, image::Section section, size_t index, uint32_t value) {
  const size_t table = sizeof(image::FileHeader);
  const size_t at = table + sizeof(image::SectionEntry) * static_cast<size_t>(section);
  image::SectionEntry entry;
  std::memcpy(&entry, bytes.data() + at, sizeof entry);
  std::memcpy(bytes.data() + entry.offset + 4 * index, &value, 4);
  entry.checksum = ImageChecksum(bytes.data() + entry.offset, entry.count * entry.element_size);
  std::memcpy(bytes.data() + at, &entry, sizeof entry);
  image::FileHeader header;
  std::memcpy(&header, bytes.data(), sizeof header);
  header.table_checksum =
      ImageChecksum(bytes.data() + table, sizeof(image::SectionEntry) * header.section_count);
  header.header_checksum = ImageChecksum(&header, offsetof(image::FileHeader, header_checksum));
  std::memcpy(bytes.data(), &header, sizeof header);
  return bytes;
}

TEST_CASE("indexes out of range are refused even under valid checksums", "[image]") {
  const std::string bytes(GraphImage::FromGraph(SmallGraph()).bytes());
  CHECK(Message(GraphImage::FromBytes(Forge(bytes, image::Section::kEdgeSources, 1, 3), "g.kgb")) ==
        "g.kgb: section 14 (relation sources): wrong count or node index out of range");
  CHECK(Message(GraphImage::FromBytes(Forge(bytes, image::Section::kNodeLabels, 0, 1u << 30),
                                      "g.kgb")) ==
        "g.kgb: section 7 (node labels): wrong count or string index out of range");
  CHECK(Message(GraphImage::FromBytes(Forge(bytes, image::Section::kArcs, 0, 77), "g.kgb")) ==
        "g.kgb: section 25 (adjacency): node or relation index out of range");
  CHECK(Message(GraphImage::FromBytes(Forge(bytes, image::Section::kNameOffsets, 2, 0xFFFF),
                                      "g.kgb")) ==
        "g.kgb: section 1 (name offsets): offsets out of order or out of range");
  // A trigger's end past its sentence's, and one that ends before it begins.
  CHECK(Message(GraphImage::FromBytes(Forge(bytes, image::Section::kTriggers, 1, 21), "g.kgb")) ==
        "g.kgb: section 29 (triggers): a trigger outside its sentence, or empty");
  CHECK(Message(GraphImage::FromBytes(Forge(bytes, image::Section::kTriggers, 0, 16), "g.kgb")) ==
        "g.kgb: section 29 (triggers): a trigger outside its sentence, or empty");
  CHECK(Message(
            GraphImage::FromBytes(Forge(bytes, image::Section::kTriggerOffsets, 2, 9), "g.kgb")) ==
        "g.kgb: section 28 (trigger offsets): offsets out of order or out of range");
}

TEST_CASE("damaged evidence text is reported when the sentences are first read", "[image]") {
  const std::string bytes(GraphImage::FromGraph(SmallGraph()).bytes());
  image::SectionEntry entry;
  std::memcpy(&entry,
              bytes.data() + sizeof(image::FileHeader) +
                  sizeof(image::SectionEntry) * static_cast<size_t>(image::Section::kText),
              sizeof entry);
  std::string damaged = bytes;
  damaged[entry.offset + 3] ^= 0x20;
  auto opened = GraphImage::FromBytes(damaged, "g.kgb");
  REQUIRE(opened.ok());  // opening does not read the sentences
  CHECK(opened->CheckEvidenceText().message() ==
        "g.kgb: section 2 (evidence text): checksum mismatch: the file is damaged");
  CHECK(ToKnowledgeGraph(*opened).status().message() ==
        "g.kgb: section 2 (evidence text): checksum mismatch: the file is damaged");
}

}  // namespace
}  // namespace kg
