#include "eval/scorer.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"
#include "core/utf8.h"

namespace kg {
namespace {

// Leading titles the scorer ignores, as in score.py (longest first).
const std::vector<std::string>& Titles() {
  static const std::vector<std::string> titles = [] {
    std::vector<std::string> list = {"mr",
                                     "mrs",
                                     "ms",
                                     "miss",
                                     "dr",
                                     "sir",
                                     "dame",
                                     "lord",
                                     "lady",
                                     "president",
                                     "vice president",
                                     "prime minister",
                                     "premier",
                                     "chancellor",
                                     "king",
                                     "queen",
                                     "prince",
                                     "princess",
                                     "sheikh",
                                     "emir",
                                     "ayatollah",
                                     "pope",
                                     "rabbi",
                                     "imam",
                                     "general",
                                     "gen",
                                     "lt gen",
                                     "lt",
                                     "lieutenant general",
                                     "col",
                                     "colonel",
                                     "maj",
                                     "major",
                                     "adm",
                                     "admiral",
                                     "capt",
                                     "captain",
                                     "sen",
                                     "senator",
                                     "rep",
                                     "representative",
                                     "gov",
                                     "governor",
                                     "mayor",
                                     "secretary",
                                     "secretary of state",
                                     "secretary of defense",
                                     "defense secretary",
                                     "minister",
                                     "defense minister",
                                     "foreign minister",
                                     "justice minister",
                                     "finance minister",
                                     "ambassador",
                                     "director",
                                     "chief",
                                     "leader",
                                     "commander",
                                     "spokesman",
                                     "spokeswoman",
                                     "judge",
                                     "justice",
                                     "the"};
    std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    return list;
  }();
  return titles;
}

// The letter NFKD leaves of an accented Latin letter (U+00C0..U+017F) once
// combining marks are dropped, or 0 when it has no ASCII base ("Æ", "ß").
char BaseLetter(char32_t cp) {
  static constexpr std::string_view kLatin1 =  // U+00C0 .. U+00FF
      "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?y";
  static constexpr std::string_view kExtendedA =  // U+0100 .. U+017F
      "AaAaAaCcCcCcCcDd??EeEeEeEeEeGgGgGgGgHh??IiIiIiIiI?IiJjKk?LlLlLlLl??NnNnNn???OoOoOo??"
      "RrRrRrSsSsSsSs"
      "TtTt??UuUuUuUuUuUuWwYyYZzZzZzs";
  static_assert(kLatin1.size() == 64 && kExtendedA.size() == 128);
  char base = 0;
  if (cp >= 0xC0 && cp <= 0xFF) base = kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) base = kExtendedA[cp - 0x100];
  return base == '?' ? 0 : base;
}

bool IsWordByte(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::string FoldForScoring(std::string_view text) {
  // Accents off, lowercase, curly apostrophes straight.
  std::string s;
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    const char32_t cp = utf8::Decode(text, i, &length);
    if (cp == 0x2018 || cp == 0x2019) {
      s.push_back('\'');
    } else if (cp == 0xB7) {
      // dropped below with periods
    } else if (char base = BaseLetter(cp); base != 0) {
      s.push_back(base);
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // combining mark
    } else {
      s.append(text.substr(i, length));
    }
    i += length;
  }
  s = AsciiLower(s);
  // "'s" before a word boundary goes; periods go; other punctuation is space.
  std::string t;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == 's' &&
        (i + 2 == s.size() || !IsWordByte(s[i + 2]))) {
      ++i;
      continue;
    }
    if (s[i] == '.') continue;
    t.push_back(IsWordByte(s[i]) || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ? s[i] : ' ');
  }
  std::string collapsed;
  for (char c : t) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
    } else {
      collapsed.push_back(c);
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  std::string_view rest = collapsed;
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string& title : Titles()) {
      if (rest.size() > title.size() && rest.substr(0, title.size()) == title &&
          rest[title.size()] == ' ') {
        rest.remove_prefix(title.size() + 1);
        stripped = true;
        break;
      }
    }
  }
  return rest.empty() ? collapsed : std::string(rest);
}

namespace {

std::set<std::string> Forms(const std::string& name, const std::vector<std::string>& aliases) {
  std::set<std::string> out = {FoldForScoring(name)};
  for (const auto& alias : aliases) out.insert(FoldForScoring(alias));
  out.erase("");
  return out;
}

}  // namespace

DocumentScore ScoreDocument(const GoldDocument& gold, const KnowledgeGraph& graph,
                            const std::set<std::string>& symmetric) {
  DocumentScore score;
  std::map<std::string, std::set<std::string>> gold_forms;
  std::map<std::string, std::string> gold_name, gold_label;
  std::set<std::string> optional_entities, required_entities;
  for (const auto& entity : gold.entities) {
    gold_forms[entity.id] = Forms(entity.name, entity.aliases);
    gold_name[entity.id] = FoldForScoring(entity.name);
    gold_label[entity.id] = entity.name;
    (entity.optional ? optional_entities : required_entities).insert(entity.id);
  }

  // Candidates ranked as in score.py: label = name (3), label = alias (2),
  // shared form (1); more shared forms first; then node order.
  std::vector<std::tuple<int, int, size_t, std::string>> candidates;
  for (size_t n = 0; n < graph.node_count(); ++n) {
    const NodeData& node = graph.node(n);
    const std::string label = FoldForScoring(node.label);
    const std::set<std::string> node_forms = Forms(node.label, node.aliases);
    for (const auto& [id, forms] : gold_forms) {
      int shared = 0;
      for (const auto& form : node_forms) shared += forms.contains(form) ? 1 : 0;
      if (shared == 0) continue;
      const int rank = label == gold_name[id] ? 3 : forms.contains(label) ? 2 : 1;
      candidates.emplace_back(-rank, -shared, n, id);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::map<size_t, std::string> primary;
  std::set<std::string> taken;
  for (const auto& [rank, shared, n, id] : candidates) {
    if (primary.contains(n) || taken.contains(id)) continue;
    primary[n] = id;
    taken.insert(id);
  }
  std::map<size_t, std::string> node_gold;
  for (const auto& [rank, shared, n, id] : candidates) {
    if (!node_gold.contains(n)) node_gold[n] = primary.contains(n) ? primary[n] : id;
  }

  std::set<std::string> matched;
  for (size_t n = 0; n < graph.node_count(); ++n) {
    auto it = node_gold.find(n);
    if (it == node_gold.end()) {
      score.spurious_nodes.push_back(graph.node(n).label);
    } else if (!primary.contains(n) || primary[n] != it->second) {
      score.split_nodes.push_back(graph.node(n).label + " (=" + it->second + ")");
    } else {
      matched.insert(it->second);
    }
  }
  int matched_required = 0, matched_optional = 0;
  for (const auto& id : matched)
    (required_entities.contains(id) ? matched_required : matched_optional)++;
  score.entities = {matched_required, static_cast<int>(graph.node_count()) - matched_optional,
                    static_cast<int>(required_entities.size())};
  for (const auto& id : required_entities) {
    if (!matched.contains(id)) score.missed_entities.push_back(gold_label[id]);
  }

  using Key = std::tuple<std::string, std::string, std::string>;
  const auto key = [&](std::string s, const std::string& p, std::string o) {
    if (symmetric.contains(p) && s > o) std::swap(s, o);
    return Key{s, p, o};
  };
  struct GoldRel {
    std::set<std::string> statuses;
    bool required = false;
    bool optional = true;
    std::string evidence;
  };
  std::map<Key, GoldRel> gold_relations;
  for (const auto& r : gold.relations) {
    GoldRel& g = gold_relations[key(r.subject, r.predicate, r.object)];
    g.statuses.insert(r.status);
    if (r.status == "asserted" && !r.optional) {
      g.required = true;
      g.evidence = r.evidence;
    }
    g.optional = g.optional && r.optional;
    if (g.evidence.empty()) g.evidence = r.evidence;
  }

  std::set<std::pair<Key, std::string>> seen;
  std::set<std::pair<std::string, std::string>> linked_pairs;
  for (size_t e = 0; e < graph.edge_count(); ++e) {
    const EdgeData& edge = graph.edge(e);
    const std::string status(RelationStatusName(edge.status));
    const std::string evidence = edge.evidence.empty() ? "" : edge.evidence.front().sentence;
    auto s = node_gold.find(graph.edge_source(e));
    auto o = node_gold.find(graph.edge_target(e));
    if (s == node_gold.end() || o == node_gold.end() || s->second == o->second) {
      ++score.relations.predicted;
      ++score.by_predicate[edge.predicate].predicted;
      score.false_relations.push_back(graph.node(graph.edge_source(e)).id + " " + edge.predicate +
                                      " " + graph.node(graph.edge_target(e)).id + " [" + status +
                                      "] | " + evidence);
      continue;
    }
    linked_pairs.insert(std::minmax(s->second, o->second));
    const Key k = key(s->second, edge.predicate, o->second);
    if (!seen.insert({k, status}).second) continue;
    auto g = gold_relations.find(k);
    const std::string text = std::get<0>(k) + " " + edge.predicate + " " + std::get<2>(k);
    Counts& by = score.by_predicate[edge.predicate];
    if (g == gold_relations.end()) {
      ++score.relations.predicted;
      ++by.predicted;
      score.false_relations.push_back(text + " [" + status + "] | " + evidence);
    } else if (g->second.required && status == "asserted") {
      ++score.relations.tp;
      ++score.relations.predicted;
      ++by.predicted;
      ++by.tp;
    } else if (g->second.optional || g->second.statuses.contains(status)) {
      // not required, and not wrong
    } else {
      ++score.relations.predicted;
      ++by.predicted;
      score.false_relations.push_back(text + " [" + status +
                                      ", gold: " + *g->second.statuses.begin() + "] | " + evidence);
    }
  }
  std::set<std::pair<std::string, std::string>> gold_pairs, any_pairs;
  for (const auto& [k, g] : gold_relations) {
    const auto pair = std::minmax(std::get<0>(k), std::get<2>(k));
    any_pairs.insert(pair);
    if (!g.required) continue;
    gold_pairs.insert(pair);
    ++score.relations.gold;
    ++score.by_predicate[std::get<1>(k)].gold;
    if (!seen.contains({k, "asserted"})) {
      score.missed_relations.push_back(std::get<0>(k) + " " + std::get<1>(k) + " " +
                                       std::get<2>(k) + " | " + g.evidence);
    }
  }
  for (const auto& pair : linked_pairs) {
    if (any_pairs.contains(pair) && !gold_pairs.contains(pair)) continue;  // optional-only pairs
    ++score.pairs.predicted;
    score.pairs.tp += gold_pairs.contains(pair) ? 1 : 0;
  }
  score.pairs.gold = static_cast<int>(gold_pairs.size());
  return score;
}

}  // namespace kg
