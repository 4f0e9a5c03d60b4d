#include "extract/coreference.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/text.h"

namespace kg {
namespace {

// How many sentences back a pronoun may look for its antecedent.
constexpr uint32_t kPronounReach = 2;

class Resolver {
 public:
  Resolver(const CompiledRules& rules, std::string_view text, const std::vector<Token>& tokens,
           std::vector<Mention>* mentions)
      : rules_(rules), text_(text), tokens_(tokens), mentions_(*mentions) {}

  std::vector<DocEntity> Run() {
    for (size_t m = 0; m < mentions_.size(); ++m) ResolveFullName(m);
    for (size_t m = 0; m < mentions_.size(); ++m) ResolveSingleName(m);
    for (size_t m = 0; m < mentions_.size(); ++m) ResolveReference(m);
    return Finish();
  }

 private:
  struct Cluster {
    std::string key;
    EntityType type = EntityType::kPerson;
    bool from_lexicon = false;
    bool weak = false;
    std::vector<std::string> name_words;  // for people: the longest name's words
  };

  std::string NameText(const Mention& mention) const {
    return std::string(text_.substr(
        tokens_[mention.name_begin].span.begin,
        tokens_[mention.name_end - 1].span.end - tokens_[mention.name_begin].span.begin));
  }

  std::vector<std::string> NameWords(const Mention& mention) const {
    std::vector<std::string> words;
    for (uint32_t t = mention.name_begin; t < mention.name_end; ++t) {
      if (tokens_[t].Is(kTokenWord)) words.push_back(tokens_[t].norm);
    }
    return words;
  }

  int NewCluster(const Mention& mention) {
    Cluster cluster;
    cluster.key = mention.key;
    cluster.type = mention.type;
    cluster.from_lexicon = mention.from_lexicon;
    // A person's name words come from the key, which for a nickname is
    // the full name ("Bibi" -> benjamin netanyahu).
    if (mention.type == EntityType::kPerson) {
      const std::string folded = FoldName(mention.key);
      for (std::string_view word : Split(folded, ' ')) cluster.name_words.emplace_back(word);
    }
    clusters_.push_back(std::move(cluster));
    const int id = static_cast<int>(clusters_.size() - 1);
    by_key_[{mention.key, mention.type}] = id;
    return id;
  }

  static bool EndsWithWords(const std::vector<std::string>& longer,
                            const std::vector<std::string>& shorter) {
    return shorter.size() <= longer.size() &&
           std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
  }

  // Names of two or more words, and every lexicon or typed name.
  void ResolveFullName(size_t m) {
    Mention& mention = mentions_[m];
    if (mention.kind == MentionKind::kPronoun || mention.kind == MentionKind::kDescription) return;
    if (mention.weak) return;
    const std::vector<std::string> words = NameWords(mention);
    const bool known_person =
        mention.type == EntityType::kPerson && mention.key != NameText(mention);
    if (mention.type == EntityType::kPerson && !known_person && words.size() < 2) return;
    if (auto it = by_key_.find({mention.key, mention.type}); it != by_key_.end()) {
      mention.entity = it->second;
      return;
    }
    if (mention.type == EntityType::kPerson && !mention.from_lexicon) {
      // "Hassan Nasrallah" and "Sayyed Hassan Nasrallah" are one person.
      for (size_t c = 0; c < clusters_.size(); ++c) {
        Cluster& cluster = clusters_[c];
        if (cluster.type != EntityType::kPerson || cluster.from_lexicon) continue;
        if (EndsWithWords(cluster.name_words, words) || EndsWithWords(words, cluster.name_words)) {
          if (words.size() > cluster.name_words.size() && StartsWithGivenName(mention)) {
            cluster.name_words = words;
            cluster.key = mention.key;
          }
          mention.entity = static_cast<int>(c);
          by_key_[{mention.key, mention.type}] = static_cast<int>(c);
          return;
        }
      }
    }
    // "IDF" after "Israel Defense Forces", "Seawind" after "Seawind
    // Holdings": the same organization.
    if (mention.type == EntityType::kOrganization && words.size() == 1 && !mention.from_lexicon) {
      int c = tokens_[mention.name_begin].Is(kTokenAllCaps) ? FindByAcronym(words.front()) : -1;
      if (c < 0) c = FindByFirstWord(mention.key);
      if (c >= 0) {
        mention.entity = c;
        return;
      }
    }
    mention.entity = NewCluster(mention);
  }

  bool StartsWithGivenName(const Mention& mention) const {
    return rules_.IsGivenName(tokens_[mention.name_begin].span.In(text_));
  }

  int FindByAcronym(const std::string& acronym) const {
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (clusters_[c].type != EntityType::kOrganization) continue;
      std::string initials;
      for (std::string_view word : Split(clusters_[c].key, ' ')) {
        if (!word.empty() && IsAsciiUpper(word.front()))
          initials.push_back(static_cast<char>(word.front() - 'A' + 'a'));
      }
      if (initials.size() >= 2 && initials == acronym) return static_cast<int>(c);
    }
    return -1;
  }

  // The organization whose name starts with `word` ("Nordvik" for
  // "Nordvik Energy"), when exactly one does.
  int FindByFirstWord(const std::string& word) const {
    int found = -1;
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (clusters_[c].type != EntityType::kOrganization ||
          !StartsWith(clusters_[c].key, word + " "))
        continue;
      if (found >= 0) return -1;
      found = static_cast<int>(c);
    }
    return found;
  }

  // Surnames, "Mr. Biden" and lone capitalised words.
  void ResolveSingleName(size_t m) {
    Mention& mention = mentions_[m];
    if (mention.entity >= 0 || mention.kind == MentionKind::kPronoun ||
        mention.kind == MentionKind::kDescription) {
      return;
    }
    const std::vector<std::string> words = NameWords(mention);
    if (words.empty()) return;
    // The person whose surname (or given name) this is: nearest before,
    // else the first after.
    int best = -1;
    for (size_t other = 0; other < mentions_.size(); ++other) {
      const Mention& candidate = mentions_[other];
      if (candidate.entity < 0 || candidate.type != EntityType::kPerson || candidate.from_lexicon)
        continue;
      const auto& name = clusters_[static_cast<size_t>(candidate.entity)].name_words;
      if (name.size() < 2 ||
          !(name.back() == words.back() || (words.size() == 1 && name.front() == words.front()))) {
        continue;
      }
      if (other < m || best < 0) best = candidate.entity;
      if (other > m) break;
    }
    if (best >= 0) {
      mention.entity = best;
      mention.type = EntityType::kPerson;
      return;
    }
    if (auto it = by_key_.find({mention.key, mention.type}); it != by_key_.end()) {
      mention.entity = it->second;
      return;
    }
    if (words.size() == 1) {
      if (int c = FindByAcronym(words.front()); c >= 0) {
        mention.entity = c;
        return;
      }
    }
    if (mention.weak) {
      // A lone word with no cue to its type: an entity of that name or an
      // organization it abbreviates ("Nordvik" for "Nordvik Energy"), else
      // most often an organization ("Greenpeace criticized ..."): people
      // are introduced by their full name.
      for (size_t c = 0; c < clusters_.size(); ++c) {
        if (clusters_[c].key == mention.key) {
          mention.entity = static_cast<int>(c);
          mention.type = clusters_[c].type;
          return;
        }
      }
      if (const int c = FindByFirstWord(mention.key); c >= 0) {
        mention.entity = c;
        mention.type = EntityType::kOrganization;
        return;
      }
      mention.type = EntityType::kOrganization;
      mention.entity = NewCluster(mention);
      clusters_.back().weak = true;
      return;
    }
    mention.entity = NewCluster(mention);
  }

  // "him", and "her" when no noun follows it ("told her that").
  bool IsObjectPronoun(const Mention& mention) const {
    if (mention.key == "him" || mention.key == "them") return true;
    if (mention.key != "her") return false;
    const uint32_t next = mention.token_end;
    return next >= tokens_.size() || !tokens_[next].Is(kTokenWord) ||
           rules_.IsCommonWord(tokens_[next].norm);
  }

  bool ClauseBoundaryBetween(uint32_t begin, uint32_t end) const {
    for (uint32_t t = begin; t < end; ++t) {
      if (tokens_[t].norm == ";" || tokens_[t].norm == ":") return true;
    }
    return false;
  }

  bool Usable(const Mention& candidate) const {
    return candidate.entity >= 0 && candidate.kind != MentionKind::kModifier;
  }

  // Pronouns and descriptions.
  void ResolveReference(size_t m) {
    Mention& mention = mentions_[m];
    if (mention.kind == MentionKind::kPronoun) {
      const auto types = rules_.PronounTypes(mention.key);
      // "Okafor assured him": an object pronoun is not the subject of its
      // own clause, so the clause's first entity is skipped.
      std::set<int> clause;
      if (IsObjectPronoun(mention)) {
        int subject = -1;
        for (size_t k = m; k-- > 0 && mentions_[k].sentence == mention.sentence;) {
          if (ClauseBoundaryBetween(mentions_[k].token_end, mention.token_begin)) break;
          if (mentions_[k].entity >= 0 && mentions_[k].kind != MentionKind::kModifier)
            subject = mentions_[k].entity;
        }
        if (subject >= 0) clause.insert(subject);
      }
      for (size_t k = m; k-- > 0;) {
        const Mention& candidate = mentions_[k];
        if (mention.sentence - candidate.sentence > kPronounReach) break;
        if (!Usable(candidate) || candidate.kind == MentionKind::kPronoun) continue;
        if (clause.contains(candidate.entity)) continue;
        if (types && types->Contains(clusters_[static_cast<size_t>(candidate.entity)].type)) {
          mention.entity = candidate.entity;
          return;
        }
      }
      return;
    }
    if (mention.kind != MentionKind::kDescription) return;
    if (mention.type != EntityType::kPerson && !mention.title.empty()) {
      for (size_t k = m; k-- > 0;) {
        const Mention& candidate = mentions_[k];
        if (Usable(candidate) && candidate.kind == MentionKind::kCollective &&
            candidate.title == mention.title) {
          mention.entity = candidate.entity;
          return;
        }
      }
      return;
    }
    if (mention.type != EntityType::kPerson) {
      for (size_t k = m; k-- > 0;) {
        const Mention& candidate = mentions_[k];
        if (Usable(candidate) &&
            clusters_[static_cast<size_t>(candidate.entity)].type == mention.type &&
            candidate.kind != MentionKind::kDescription) {
          mention.entity = candidate.entity;
          return;
        }
      }
      return;
    }
    // Apposition: "Yahya Sinwar, the group's Gaza leader".
    if (mention.token_begin >= 2) {
      const std::string& separator = tokens_[mention.token_begin - 1].norm;
      if (separator == "," || separator == "--") {
        for (size_t k = m; k-- > 0;) {
          const Mention& candidate = mentions_[k];
          if (candidate.token_end + 1 < mention.token_begin) break;
          if (candidate.token_end + 1 == mention.token_begin && candidate.entity >= 0 &&
              candidate.type == EntityType::kPerson) {
            mention.entity = candidate.entity;
            return;
          }
        }
      }
    }
    // "the group's leader, Joseph Mirembe": the name after the comma.
    if (mention.token_end + 1 < tokens_.size() && tokens_[mention.token_end].norm == ",") {
      for (size_t k = m + 1;
           k < mentions_.size() && mentions_[k].token_begin <= mention.token_end + 2; ++k) {
        const Mention& candidate = mentions_[k];
        if (candidate.token_begin == mention.token_end + 1 &&
            candidate.kind == MentionKind::kName && candidate.entity >= 0 &&
            candidate.type == EntityType::kPerson) {
          mention.entity = candidate.entity;
          return;
        }
      }
    }
    // "a military adviser to X" or "Iran's leader" points at nobody unless
    // it is an apposition.
    if (tokens_[mention.token_begin].norm != "the") return;
    const int affiliation = AffiliationEntity(mention);
    for (size_t k = m; k-- > 0;) {
      const Mention& candidate = mentions_[k];
      if (candidate.entity < 0 || candidate.type != EntityType::kPerson || candidate.title.empty())
        continue;
      if (affiliation >= 0) {
        if (AffiliationEntity(candidate) == affiliation && candidate.role == mention.role) {
          mention.entity = candidate.entity;
          return;
        }
      } else if (candidate.title == mention.title) {
        mention.entity = candidate.entity;
        return;
      }
    }
  }

  int AffiliationEntity(const Mention& mention) const {
    if (mention.affiliation < 0) return -1;
    return mentions_[static_cast<size_t>(mention.affiliation)].entity;
  }

  std::vector<DocEntity> Finish() {
    // Renumber clusters by first mention so entity order follows the text.
    std::vector<int> renumber(clusters_.size(), -1);
    std::vector<DocEntity> entities;
    for (Mention& mention : mentions_) {
      if (mention.entity < 0) continue;
      int& id = renumber[static_cast<size_t>(mention.entity)];
      if (id < 0) {
        const Cluster& cluster = clusters_[static_cast<size_t>(mention.entity)];
        DocEntity entity;
        entity.label = cluster.key;
        entity.type = cluster.type;
        entity.from_lexicon = cluster.from_lexicon;
        entity.weak = cluster.weak;
        id = static_cast<int>(entities.size());
        entities.push_back(std::move(entity));
      }
      mention.entity = id;
    }
    std::vector<std::set<std::string>> aliases(entities.size());
    for (const Mention& mention : mentions_) {
      if (mention.entity < 0) continue;
      DocEntity& entity = entities[static_cast<size_t>(mention.entity)];
      ++entity.mentions;
      if (mention.kind == MentionKind::kPronoun || mention.kind == MentionKind::kModifier) continue;
      // "a senior commander" describes the entity but does not name it.
      const std::string& first = tokens_[mention.token_begin].norm;
      if (mention.kind == MentionKind::kDescription && (first == "a" || first == "an")) continue;
      if (mention.kind != MentionKind::kDescription && mention.names_entity) entity.named = true;
      auto& set = aliases[static_cast<size_t>(mention.entity)];
      set.insert(std::string(Trim(mention.span.In(text_))));
      // The name inside a titled form is an alias too; the demonym inside a
      // collective ("Israeli" in "Israeli officials") is not.
      if (mention.kind == MentionKind::kName) {
        const Span name = {tokens_[mention.name_begin].span.begin,
                           tokens_[mention.name_end - 1].span.end};
        set.insert(std::string(Trim(name.In(text_))));
      }
    }
    for (size_t e = 0; e < entities.size(); ++e) {
      aliases[e].erase(entities[e].label);
      entities[e].aliases.assign(aliases[e].begin(), aliases[e].end());
    }
    return entities;
  }

  const CompiledRules& rules_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<Mention>& mentions_;
  std::vector<Cluster> clusters_;
  std::map<std::pair<std::string, EntityType>, int> by_key_;
};

}  // namespace

std::vector<DocEntity> Coreference::Resolve(std::string_view text, const std::vector<Token>& tokens,
                                            std::vector<Mention>* mentions) const {
  return Resolver(rules_, text, tokens, mentions).Run();
}

}  // namespace kg
