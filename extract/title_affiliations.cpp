#include "extract/title_affiliations.h"

#include <algorithm>

namespace kg {
namespace {

// How many prepositional phrases a title's affiliation may sit behind
// ("director of research at the Institute of ...").
constexpr int kMaxHops = 3;

class Affiliations {
 public:
  Affiliations(const CompiledRules& rules, DocumentAnalysis* doc)
      : rules_(rules), doc_(*doc), mentions_(doc->mentions) {}

  void Run() {
    for (size_t m = 0; m < mentions_.size(); ++m) {
      Mention& mention = mentions_[m];
      if (mention.type != EntityType::kPerson) continue;
      const int previous = PreviousInList(m);
      if (mention.title < 0 && previous >= 0) {
        // "Presidents Dilma Rousseff of Brazil, Vladimir Putin of Russia": a
        // name in a list after a titled one shares its title.
        mention.title = mentions_[static_cast<size_t>(previous)].title;
        mention.field_title = mentions_[static_cast<size_t>(previous)].field_title;
      }
      // An honorific ("Dr.", "Sir") gives no role: the name's own "of"
      // phrase may ("Dr. Ana Ruiz of the Corvane Institute").
      if (mention.title >= 0 && rules_.TitleRole(static_cast<size_t>(mention.title)) >= 0) {
        mention.role = rules_.TitleRole(static_cast<size_t>(mention.title));
        if (mention.field_title && rules_.SubordinateRole() >= 0) {
          mention.role = rules_.SubordinateRole();
        }
        const bool named = mention.kind == MentionKind::kName;
        if (mention.affiliation >= 0) {
          // "Middle East correspondent for the Daily Post": a region before
          // the title says where; the organization after it, for whom.
          const Mention& before = mentions_[static_cast<size_t>(mention.affiliation)];
          if (before.type != EntityType::kLocation || rules_.IsNation(before.lexicon_entry)) {
            continue;
          }
          const int after = After(mention.token_end, SentenceEnd(mention), named);
          if (after >= 0 &&
              mentions_[static_cast<size_t>(after)].type == EntityType::kOrganization) {
            mentions_[m].affiliation = after;
          } else if (mention.field_title) {
            mentions_[m].affiliation = -1;  // "a Tulsa branch chief": the city is where
          }
          continue;
        }
        int found = After(mention.token_end, SentenceEnd(mention), named);
        if (found < 0 && previous >= 0)
          found = mentions_[static_cast<size_t>(previous)].affiliation;
        mention.affiliation = found;
      } else if (mention.kind == MentionKind::kName && mention.token_end < SentenceEnd(mention)) {
        // "Marta Oyelaran of the Society for Coastal Ecology";
        // "Marta Oyelaran, 52, of the Society ...": past an age.
        const size_t end = SentenceEnd(mention);
        size_t after = mention.token_end;
        if (after + 3 < end && Has(after, WordClass::kComma) &&
            doc_.tokens[after + 1].Is(kTokenNumber) && Has(after + 2, WordClass::kComma)) {
          after += 3;
        } else if (after + 2 < end && Has(after, WordClass::kComma) &&
                   Has(after + 1, WordClass::kGenitive)) {
          ++after;  // "Mira Sand, of the Social Democratic Party,"
        } else if (after + 2 < end && Has(after, WordClass::kOpenBracket) &&
                   Has(after + 1, WordClass::kGenitive)) {
          ++after;  // "Mira Sand (of the Social Democratic Party)"
        }
        // A bracket takes only an acronym the name scan marked (role_relations.h).
        if (Has(after, WordClass::kOpenBracket)) continue;
        // "met X at the Y Institute", "signed X from Y": after a verb other
        // than one of speech, only "of" ties the name to what follows.
        if (!Has(after, WordClass::kGenitive) && AfterActionVerb(mention)) continue;
        const auto* affiliation = rules_.AffiliationAfter(doc_.tokens[after].word);
        if (affiliation == nullptr) continue;
        int found = Behind(after + 1, end);
        // "Ann Wu of the accounting firm of Baird, Lowe"
        if (found < 0) found = After(after, end, /*after_name=*/false);
        if (found < 0 || !affiliation->types.Contains(mentions_[static_cast<size_t>(found)].type)) {
          continue;
        }
        mention.affiliation = found;
        mention.role = affiliation->predicate;
      }
    }
  }

 private:
  bool Has(size_t t, WordClass c) const { return rules_.Has(doc_.tokens[t].word, c); }
  // Whether a verb other than one of speech stands just before the name.
  bool AfterActionVerb(const Mention& mention) const {
    const size_t first = doc_.sentences[mention.sentence].token_begin;
    if (mention.token_begin == first) return false;
    const Token& before = doc_.tokens[mention.token_begin - 1];
    return IsVerb(before.pos) && !rules_.Has(before.lemma, WordClass::kSpeechVerb);
  }
  size_t SentenceEnd(const Mention& mention) const {
    return doc_.sentences[mention.sentence].token_end;
  }

  int StartingAt(size_t t) const {
    auto it =
        std::lower_bound(mentions_.begin(), mentions_.end(), t,
                         [](const Mention& m, size_t token) { return m.token_begin < token; });
    int best = -1;
    for (; it != mentions_.end() && it->token_begin == t; ++it) {
      if (it->kind == MentionKind::kModifier) continue;
      const int index = static_cast<int>(it - mentions_.begin());
      if (best < 0 || it->token_end > mentions_[static_cast<size_t>(best)].token_end) best = index;
    }
    return best;
  }

  // The group a mention at t belongs to when it is a possessor: "the IRGC's
  // Quds Force" -> Quds Force; but "Hamas's Qatar-based office" stays Hamas.
  int Possessed(int m, size_t end) const {
    while (m >= 0) {
      const size_t after = mentions_[static_cast<size_t>(m)].token_end;
      if (after + 1 >= end || !Has(after, WordClass::kPossessiveMarker)) break;
      const int next = StartingAt(after + 1);
      if (next < 0) break;
      const size_t past = mentions_[static_cast<size_t>(next)].token_end;
      if (past < end && Has(past, WordClass::kHyphen) && !doc_.tokens[past].Is(kTokenSpaceBefore)) {
        break;
      }
      m = next;
    }
    return m;
  }

  // The mention a phrase at u names, after an article; -1 if none.
  int Behind(size_t u, size_t end) const {
    int found = StartingAt(u);
    if (found < 0 && u + 1 < end && Has(u, WordClass::kArticle)) found = StartingAt(u + 1);
    if (found < 0) return -1;
    found = Possessed(found, end);
    const Mention& target = mentions_[static_cast<size_t>(found)];
    return target.kind == MentionKind::kPronoun ? -1 : found;
  }

  // Whether a name holds a word that makes it an organization ("Institute").
  bool HasOrganizationHead(const Mention& m) const {
    for (size_t k = m.token_begin; k < m.token_end; ++k) {
      if (Has(k, WordClass::kOrganizationHead)) return true;
    }
    return false;
  }

  // An organization or place named from after u to the head of `phrase`
  // (a name of its own, not a modifier), or -1.
  int NameHeading(const Chunk& phrase, size_t u) const {
    for (size_t k = u + 1; k <= phrase.head && k < phrase.end; ++k) {
      const int m = StartingAt(k);
      if (m < 0) continue;
      const Mention& found = mentions_[static_cast<size_t>(m)];
      if (found.token_end <= phrase.head) {
        k = found.token_end - 1;
        continue;
      }
      // "leader of Bosnian Serbs" names no organization.
      return found.type == EntityType::kPerson || found.kind != MentionKind::kName ? -1 : m;
    }
    return -1;
  }

  // Whether a place only modifies the lowercase noun after it: "the Oslo
  // newspaper", "a Munich think tank"; "the Punjab province" is the place.
  bool PlaceModifiesNoun(const Mention& place) const {
    const size_t t = place.token_end;
    return t < doc_.tokens.size() && IsCommonNoun(doc_.tokens[t].pos) &&
           !doc_.tokens[t].Is(kTokenCapitalized) && !Has(t, WordClass::kPlaceNoun) &&
           doc_.chunk_of[t] >= 0 && doc_.chunk_of[t] == doc_.chunk_of[place.token_begin];
  }

  // The organization a noun phrase through token t names in a name at its
  // end or right after it ("the Oslo newspaper Dagbladet", "the Oslo
  // newspaper "Dagbladet""), or -1.
  int NamedAfterPhrase(size_t t, size_t end) {
    const Chunk& phrase = doc_.chunks[static_cast<size_t>(doc_.chunk_of[t])];
    int named = -1;
    for (size_t k = t; k < phrase.end && named < 0; ++k) named = StartingAt(k);
    if (named < 0) {
      size_t u = phrase.end;
      if (u + 1 < end && Has(u, WordClass::kQuote)) ++u;
      if (u < end) named = StartingAt(u);
    }
    if (named < 0) return -1;
    Mention& found = mentions_[static_cast<size_t>(named)];
    if (found.kind != MentionKind::kName) return -1;
    // A name of unknown words is what the newspaper or institute is called.
    if (found.type == EntityType::kPerson && !found.from_lexicon && found.title < 0 &&
        !Has(found.token_begin, WordClass::kGivenName)) {
      found.type = EntityType::kOrganization;
    }
    return found.type == EntityType::kOrganization ? named : -1;
  }

  // The organization or place behind role prepositions after token t. After
  // a person's name only "of" counts ("Singh of India"); after a title
  // without a name any role preposition does ("an adviser to", "a professor
  // at"). Each step may pass a noun phrase that names nothing.
  int After(size_t t, size_t end, bool after_name) {
    for (int hop = 0; hop < kMaxHops && t + 1 < end; ++hop) {
      const bool marker =
          after_name ? Has(t, WordClass::kGenitive) : Has(t, WordClass::kRolePreposition);
      if (!marker) return -1;
      size_t u = t + 1;
      if (const int found = Behind(u, end); found >= 0) {
        // "an adviser to Hezbollah leader Hassan Nasrallah": the titled
        // person stands for what the title belongs to.
        const Mention& target = mentions_[static_cast<size_t>(found)];
        // "a commander in the Coast Guard", but not "a teacher in Paris".
        if (Has(t, WordClass::kMemberPreposition) && target.type != EntityType::kOrganization) {
          return -1;
        }
        // "president of Holmfirth Plastics", "a treasurer at Carrow Lind":
        // an unknown name a title belongs to is an organization, not a
        // person; so is a longer one after "of", even when a founder's
        // given name opens it ("chief executive of Carl Brandt Optical
        // Works").
        const bool long_after_of =
            Has(t, WordClass::kGenitive) && target.name_end - target.name_begin >= 3;
        if (target.type == EntityType::kPerson && Has(t, WordClass::kEmployerPreposition) &&
            target.kind == MentionKind::kName && target.title < 0 && !target.from_lexicon &&
            (!Has(target.token_begin, WordClass::kGivenName) || long_after_of)) {
          mentions_[static_cast<size_t>(found)].type = EntityType::kOrganization;
          return found;
        }
        if (target.type == EntityType::kPerson) return target.affiliation;
        if (target.type == EntityType::kLocation && PlaceModifiesNoun(target)) {
          return NamedAfterPhrase(target.token_end, end);
        }
        // "professor of International Relations at Aalborg University": a
        // field after "of", the organization after the next preposition.
        if (Has(t, WordClass::kGenitive) && !target.from_lexicon && !HasOrganizationHead(target) &&
            target.token_end + 1 < end && Has(target.token_end, WordClass::kRolePreposition) &&
            !Has(target.token_end, WordClass::kGenitive)) {
          const int next = Behind(target.token_end + 1, end);
          if (next >= 0 && mentions_[static_cast<size_t>(next)].type == EntityType::kOrganization) {
            return next;
          }
        }
        return found;
      }
      if (Has(u, WordClass::kArticle) && u + 1 < end) ++u;
      while (u + 1 < end && IsAdverb(doc_.tokens[u].pos)) ++u;  // "the widely known group X"
      const int chunk = doc_.chunk_of[u];
      if (chunk < 0) return -1;
      const Chunk& phrase = doc_.chunks[static_cast<size_t>(chunk)];
      if (phrase.kind != Chunk::Kind::kNoun || phrase.begin > u) return -1;
      // "director of the non-profit group Clear Water": a name that heads
      // the phrase after words describing it.
      if (const int named = NameHeading(phrase, u); named >= 0) return named;
      t = phrase.end;
    }
    return -1;
  }

  // Whether a list goes on after the name: a comma, a coordinator or its
  // own "of" phrase follows.
  bool ListGoesOn(const Mention& mention) const {
    const size_t after = mention.token_end;
    if (after >= SentenceEnd(mention)) return false;
    return Has(after, WordClass::kComma) || Has(after, WordClass::kCoordinator) ||
           Has(after, WordClass::kGenitive);
  }

  // "BBC chairman A, director-general B and reporter C": the titled name
  // before a name in a list, whose affiliation (and title) it may share; -1
  // if there is none.
  int PreviousInList(size_t m) const {
    const Mention& mention = mentions_[m];
    if (m == 0 || mention.kind != MentionKind::kName) return -1;
    size_t before = mention.token_begin;
    const bool coordinated = before > 0 && Has(before - 1, WordClass::kCoordinator);
    if (coordinated) --before;
    if (before > 0 && Has(before - 1, WordClass::kComma)) --before;
    if (before == mention.token_begin) return -1;
    // After a comma alone, the list must go on: "A of Brazil, B of Russia and
    // C", not "said A, B has said".
    if (!coordinated && !ListGoesOn(mention)) return -1;
    for (size_t k = m; k-- > 0;) {
      const Mention& previous = mentions_[k];
      if (previous.token_end < before) return -1;
      if (previous.token_end != before) continue;
      if (previous.kind == MentionKind::kName && previous.type == EntityType::kPerson &&
          previous.title >= 0) {
        return static_cast<int>(k);
      }
      // "Dilma Rousseff of Brazil, Vladimir Putin ...": past the affiliation
      // that closes the previous titled name.
      for (size_t j = k; j-- > 0;) {
        const Mention& owner = mentions_[j];
        if (owner.token_end + 1 < previous.token_begin) break;
        if (owner.affiliation == static_cast<int>(k) && owner.type == EntityType::kPerson &&
            owner.title >= 0) {
          return static_cast<int>(j);
        }
      }
      return -1;
    }
    return -1;
  }

  const CompiledRules& rules_;
  DocumentAnalysis& doc_;
  std::vector<Mention>& mentions_;
};

}  // namespace

void FindTitleAffiliations(const CompiledRules& rules, DocumentAnalysis* doc) {
  Affiliations(rules, doc).Run();
}

}  // namespace kg
