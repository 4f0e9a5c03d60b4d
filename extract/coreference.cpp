#include "extract/coreference.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "core/text.h"
#include "extract/sentence_context.h"

namespace kg {
namespace {

// How far back a pronoun may look: sentences, and mentions at most.
constexpr uint32_t kPronounReach = 2;
constexpr size_t kPronounCandidates = 64;
// Tokens between a title and the organization it belongs to that an
// apposed name may follow: "of the", "of the state-owned".
constexpr uint32_t kMaxAffiliationGap = 4;
// How many lowercase words may follow an organization's name as its head
// ("think tank").
constexpr size_t kMaxLowercaseHead = 2;
// How far past a description a verb makes it a clause's subject.
constexpr size_t kMaxClauseLookahead = 6;
// How many words an apposition between a name and its copula may hold.
constexpr size_t kMaxApposition = 20;

uint64_t Hash(std::string_view text, uint64_t seed = 0xcbf29ce484222325ull) {
  return HashWord(text, seed);
}

class Resolver {
 public:
  Resolver(const CompiledRules& rules, std::string_view text, DocumentAnalysis* doc)
      : rules_(rules), text_(text), doc_(*doc), mentions_(doc->mentions) {}

  void Run() {
    for (size_t m = 0; m < mentions_.size(); ++m) ResolveFullName(m);
    IndexPeople();
    for (size_t m = 0; m < mentions_.size(); ++m) ResolveSingleName(m);
    for (size_t m = 0; m < mentions_.size(); ++m) {
      ResolveReference(m);
      Remember(m);
    }
    Finish();
  }

 private:
  struct Cluster {
    std::string label;
    EntityType type = EntityType::kPerson;
    bool from_lexicon = false;
    bool weak = false;
    int32_t lexicon_entry = -1;
    std::vector<uint64_t> name_words;  // people: the longest name's words, hashed
  };

  std::string_view NameText(const Mention& mention) const {
    return NameText(mention, mention.name_end);
  }
  // The name's words before token `end`.
  std::string_view NameText(const Mention& mention, uint32_t end) const {
    const Span name = {doc_.tokens[mention.name_begin].span.begin, doc_.tokens[end - 1].span.end};
    return name.In(text_);
  }

  std::vector<uint64_t> NameWords(const Mention& mention) const {
    std::vector<uint64_t> words;
    for (uint32_t t = mention.name_begin; t < mention.name_end; ++t) {
      if (doc_.tokens[t].Is(kTokenWord)) words.push_back(doc_.NormHash(t));
    }
    return words;
  }

  // The label a mention gives its entity, and the key it is known by.
  std::string Label(const Mention& mention) const {
    if (mention.lexicon_entry >= 0) {
      return rules_.pack().entities[static_cast<size_t>(mention.lexicon_entry)].name;
    }
    return std::string(Trim(NameText(mention)));
  }
  uint64_t Key(const Mention& mention) const {
    const uint64_t type_seed = 0x9e3779b97f4a7c15ull * (static_cast<uint64_t>(mention.type) + 1);
    if (mention.lexicon_entry >= 0) {
      return Hash("#" + std::to_string(mention.lexicon_entry), type_seed);
    }
    if (mention.type != EntityType::kOrganization) {
      return Hash(FoldName(NameText(mention)), type_seed);
    }
    // "Corvane Holdings Inc" and "Corvane Holdings": the legal form aside.
    uint32_t end = mention.name_end;
    while (end > mention.name_begin + 1 &&
           (rules_.Has(doc_.tokens[end - 1].word, WordClass::kCorporateSuffix) ||
            rules_.Has(doc_.tokens[end - 1].word, WordClass::kComma))) {
      --end;
    }
    return Hash(FoldName(NameText(mention, end)), type_seed);
  }

  int NewCluster(const Mention& mention) {
    Cluster cluster;
    cluster.label = Label(mention);
    cluster.type = mention.type;
    cluster.from_lexicon = mention.from_lexicon;
    cluster.lexicon_entry = mention.lexicon_entry;
    // A person's name words come from the label, which for a nickname is the
    // full name ("Bibi" -> benjamin netanyahu).
    if (mention.type == EntityType::kPerson) {
      const std::string folded = FoldName(cluster.label);
      for (std::string_view word : Split(folded, ' ')) {
        if (!word.empty()) cluster.name_words.push_back(Hash(word));
      }
    }
    const int id = static_cast<int>(clusters_.size());
    if (mention.type == EntityType::kPerson && !cluster.name_words.empty()) {
      people_by_last_word_[cluster.name_words.back()].push_back(id);
    }
    if (mention.type == EntityType::kOrganization) IndexOrganization(cluster.label, id);
    clusters_.push_back(std::move(cluster));
    by_key_[Key(mention)] = id;
    return id;
  }

  void IndexOrganization(const std::string& label, int id) {
    std::string initials;
    const std::vector<std::string_view> words = Split(label, ' ');
    for (std::string_view word : words) {
      if (!word.empty() && IsAsciiUpper(word.front())) {
        initials.push_back(static_cast<char>(word.front() - 'A' + 'a'));
      }
    }
    if (initials.size() >= 2) by_initials_.emplace(Hash(initials), id);
    if (words.size() >= 2) {
      auto [it, added] = by_first_word_.emplace(Hash(FoldName(words.front())), id);
      if (!added && it->second != id) it->second = -1;  // more than one: ambiguous
    }
  }

  static bool EndsWithWords(const std::vector<uint64_t>& longer,
                            const std::vector<uint64_t>& shorter) {
    return !shorter.empty() && shorter.size() <= longer.size() &&
           std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
  }

  bool StartsWithGivenName(const Mention& mention) const {
    const Token& first = doc_.tokens[mention.name_begin];
    return first.Is(kTokenCapitalized) && rules_.Has(first.word, WordClass::kGivenName);
  }

  int FindByAcronym(const Mention& mention) const {
    if (!doc_.tokens[mention.name_begin].Is(kTokenAllCaps)) return -1;
    auto it = by_initials_.find(doc_.NormHash(mention.name_begin));
    return it == by_initials_.end() ? -1 : it->second;
  }

  // The organization whose name starts with this word ("Nordvik" for
  // "Nordvik Energy"), when exactly one does.
  int FindByFirstWord(const Mention& mention) const {
    auto it = by_first_word_.find(Hash(FoldName(NameText(mention))));
    return it == by_first_word_.end() ? -1 : it->second;
  }

  // Names of two or more words, and every lexicon or typed name.
  void ResolveFullName(size_t m) {
    Mention& mention = mentions_[m];
    if (mention.kind == MentionKind::kPronoun || mention.kind == MentionKind::kDescription) return;
    if (mention.weak) return;
    if (mention.same_as >= 0 && static_cast<size_t>(mention.same_as) < m) {
      mention.entity = mentions_[static_cast<size_t>(mention.same_as)].entity;
      if (mention.entity >= 0) return;
    }
    const std::vector<uint64_t> words = NameWords(mention);
    const bool known_person = mention.type == EntityType::kPerson && mention.lexicon_entry >= 0;
    if (mention.type == EntityType::kPerson && !known_person && words.size() < 2) return;
    if (auto it = by_key_.find(Key(mention)); it != by_key_.end()) {
      mention.entity = it->second;
      return;
    }
    if (mention.type == EntityType::kPerson && !mention.from_lexicon && !words.empty()) {
      // "Hassan Nasrallah" and "Sayyed Hassan Nasrallah" are one person.
      auto people = people_by_last_word_.find(words.back());
      if (people != people_by_last_word_.end()) {
        for (int c : people->second) {
          Cluster& cluster = clusters_[static_cast<size_t>(c)];
          if (cluster.from_lexicon) continue;
          if (!EndsWithWords(cluster.name_words, words) &&
              !EndsWithWords(words, cluster.name_words)) {
            continue;
          }
          if (words.size() > cluster.name_words.size() && StartsWithGivenName(mention)) {
            cluster.name_words = words;
            cluster.label = Label(mention);
          }
          mention.entity = c;
          by_key_[Key(mention)] = c;
          return;
        }
      }
    }
    // "IDF" after "Israel Defense Forces", "Seawind" after "Seawind
    // Holdings": the same organization.
    if (mention.type == EntityType::kOrganization && words.size() == 1 && !mention.from_lexicon) {
      int c = FindByAcronym(mention);
      if (c < 0) c = FindByFirstWord(mention);
      if (c >= 0) {
        mention.entity = c;
        return;
      }
    }
    mention.entity = NewCluster(mention);
  }

  // Full names of people, by surname and by given name, in text order.
  void IndexPeople() {
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const Mention& mention = mentions_[m];
      if (mention.entity < 0 || mention.type != EntityType::kPerson || mention.from_lexicon) {
        continue;
      }
      const auto& name = clusters_[static_cast<size_t>(mention.entity)].name_words;
      if (name.size() < 2) continue;
      by_surname_[name.back()].push_back(m);
      by_given_name_[name.front()].push_back(m);
    }
  }

  // The person a surname (or a lone given name) at mention m refers to: the
  // nearest full name before it, else the first after; -1 if none.
  int PersonNamed(size_t m, const std::vector<uint64_t>& words) const {
    size_t before = SIZE_MAX;  // nearest full-name mention before m
    size_t after = SIZE_MAX;   // first one after m
    const auto consider = [&](const std::unordered_map<uint64_t, std::vector<size_t>>& index,
                              uint64_t word) {
      auto it = index.find(word);
      if (it == index.end()) return;
      const std::vector<size_t>& list = it->second;
      auto next = std::upper_bound(list.begin(), list.end(), m);
      if (next != list.begin() && (before == SIZE_MAX || *(next - 1) > before)) {
        before = *(next - 1);
      }
      if (next != list.end() && *next < after) after = *next;
    };
    consider(by_surname_, words.back());
    if (words.size() == 1) consider(by_given_name_, words.front());
    const size_t pick = before != SIZE_MAX ? before : after;
    return pick == SIZE_MAX ? -1 : mentions_[pick].entity;
  }

  // Surnames, "Mr. Biden" and lone capitalised words.
  void ResolveSingleName(size_t m) {
    Mention& mention = mentions_[m];
    if (mention.entity >= 0 || mention.kind == MentionKind::kPronoun ||
        mention.kind == MentionKind::kDescription) {
      return;
    }
    const std::vector<uint64_t> words = NameWords(mention);
    if (words.empty()) return;
    if (const int person = PersonNamed(m, words); person >= 0) {
      mention.entity = person;
      mention.type = EntityType::kPerson;
      return;
    }
    if (auto it = by_key_.find(Key(mention)); it != by_key_.end()) {
      mention.entity = it->second;
      return;
    }
    if (words.size() == 1) {
      if (int c = FindByAcronym(mention); c >= 0) {
        mention.entity = c;
        return;
      }
    }
    if (mention.weak) {
      // A lone word with no cue to its type: an entity of that name or an
      // organization it abbreviates ("Nordvik" for "Nordvik Energy"), else
      // most often an organization ("Greenpeace criticized ..."): people are
      // introduced by their full name.
      for (EntityType type :
           {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
        Mention typed = mention;
        typed.type = type;
        if (auto it = by_key_.find(Key(typed)); it != by_key_.end()) {
          mention.entity = it->second;
          mention.type = type;
          return;
        }
      }
      mention.type = EntityType::kOrganization;
      if (const int c = FindByFirstWord(mention); c >= 0) {
        mention.entity = c;
        return;
      }
      mention.entity = NewCluster(mention);
      clusters_.back().weak = true;
      return;
    }
    mention.entity = NewCluster(mention);
  }

  bool HasCase(const Mention& mention, PronounCase c) const {
    if (mention.pronoun < 0) return false;
    const auto& cases = rules_.pack().pronouns[static_cast<size_t>(mention.pronoun)].cases;
    return std::find(cases.begin(), cases.end(), c) != cases.end();
  }

  // An object pronoun ("him"), or one that may be either ("her") when no
  // noun follows it ("told her that").
  bool IsObjectPronoun(const Mention& mention) const {
    if (!HasCase(mention, PronounCase::kObject)) return false;
    if (!HasCase(mention, PronounCase::kPossessive)) return true;
    const uint32_t next = mention.token_end;
    return next >= doc_.tokens.size() || !IsNoun(doc_.tokens[next].pos);
  }

  bool ClauseBoundaryBetween(uint32_t begin, uint32_t end) const {
    for (uint32_t t = begin; t < end; ++t) {
      if (rules_.Has(doc_.tokens[t].word, WordClass::kClauseBreak)) return true;
    }
    return false;
  }

  bool Usable(const Mention& candidate) const {
    return candidate.entity >= 0 && candidate.kind != MentionKind::kModifier && !candidate.layout;
  }
  EntityType TypeOf(int entity) const { return clusters_[static_cast<size_t>(entity)].type; }

  // "In his talks with X, Prime Minister Y said": a possessive inside a
  // phrase that opens the sentence refers forward to the subject after the
  // phrase's comma. The entity, or -1.
  int Cataphor(size_t m, TypeSet types) const {
    const Mention& mention = mentions_[m];
    if (!HasCase(mention, PronounCase::kPossessive) || IsObjectPronoun(mention)) return -1;
    const Sentence& sentence = doc_.sentences[mention.sentence];
    const uint32_t first = sentence.token_begin + sentence.dateline_end;
    if (first >= mention.token_begin || !IsPreposition(doc_.tokens[first].pos)) return -1;
    uint32_t comma = mention.token_end;
    while (comma < sentence.token_end && !rules_.Has(doc_.tokens[comma].word, WordClass::kComma)) {
      if (IsVerb(doc_.tokens[comma].pos)) return -1;
      ++comma;
    }
    if (comma >= sentence.token_end) return -1;
    for (size_t k = m + 1; k < mentions_.size(); ++k) {
      const Mention& after = mentions_[k];
      if (after.sentence != mention.sentence) return -1;
      if (after.token_begin <= comma || !Usable(after)) continue;
      // The first entity after the comma, and only as the clause's subject.
      for (uint32_t t = comma + 1; t < after.token_begin; ++t) {
        if (IsVerb(doc_.tokens[t].pos)) return -1;
      }
      if (after.kind != MentionKind::kName || !types.Contains(TypeOf(after.entity))) return -1;
      const uint32_t next = after.token_end;
      return next < sentence.token_end && IsVerb(doc_.tokens[next].pos) ? after.entity : -1;
    }
    return -1;
  }

  void ResolvePronoun(size_t m) {
    Mention& mention = mentions_[m];
    const TypeSet types = rules_.pack().pronouns[static_cast<size_t>(mention.pronoun)].types;
    if (const int forward = Cataphor(m, types); forward >= 0) {
      mention.entity = forward;
      return;
    }
    // "Okafor assured him": an object pronoun is not the subject of its own
    // clause, so the clause's first entity is skipped.
    int excluded = -1;
    if (IsObjectPronoun(mention)) {
      for (size_t k = m, seen = 0; k-- > 0 && seen < kPronounCandidates; ++seen) {
        const Mention& before = mentions_[k];
        if (before.sentence != mention.sentence) break;
        if (ClauseBoundaryBetween(before.token_end, mention.token_begin)) break;
        if (Usable(before)) excluded = before.entity;
      }
    }
    for (size_t k = m, seen = 0; k-- > 0 && seen < kPronounCandidates; ++seen) {
      const Mention& candidate = mentions_[k];
      if (mention.sentence - candidate.sentence > kPronounReach) break;
      if (!Usable(candidate) || candidate.kind == MentionKind::kPronoun) continue;
      if (candidate.entity == excluded) continue;
      if (types.Contains(TypeOf(candidate.entity))) {
        mention.entity = candidate.entity;
        return;
      }
    }
  }

  int AffiliationEntity(const Mention& mention) const {
    if (mention.affiliation < 0) return -1;
    return mentions_[static_cast<size_t>(mention.affiliation)].entity;
  }

  // Where a name before `t` ends when an age stands between them in
  // commas ("Jo Lind, 58, was ..."), or t.
  size_t BeforeAge(size_t t) const {
    if (t < 3) return t;
    const auto comma = [&](size_t k) { return rules_.Has(doc_.tokens[k].word, WordClass::kComma); };
    if (comma(t - 1) && doc_.tokens[t - 2].pos == Pos::kCD && comma(t - 3)) return t - 3;
    // "Sen. Jo Lind, D-Ohio, chairman of ...": a party and state tag, a
    // capital letter joined by a hyphen to the state.
    if (t >= 5 && comma(t - 1) && comma(t - 5) &&
        rules_.Has(doc_.tokens[t - 3].word, WordClass::kHyphen) && IsPartyLetter(t - 4) &&
        !doc_.tokens[t - 3].Is(kTokenSpaceBefore) && !doc_.tokens[t - 2].Is(kTokenSpaceBefore) &&
        doc_.tokens[t - 2].Is(kTokenCapitalized)) {
      return t - 5;
    }
    return t;
  }

  bool IsPartyLetter(size_t k) const {
    const std::string_view letter = doc_.Norm(k);
    return letter.size() == 1 && doc_.tokens[k].Is(kTokenCapitalized);
  }

  // Where a name before `t` ends when a noun phrase stands between them in
  // commas ("Jo Lind, the club's oldest member, is ..."), or t.
  size_t BeforeApposition(size_t first, size_t t) const {
    const auto comma = [&](size_t k) { return rules_.Has(doc_.tokens[k].word, WordClass::kComma); };
    if (t < first + 3 || !comma(t - 1)) return t;
    const size_t limit = t - 1 > first + kMaxApposition ? t - 1 - kMaxApposition : first;
    for (size_t k = t - 2; k > limit; --k) {
      if (comma(k)) return k;
      const Pos pos = doc_.tokens[k].pos;
      const bool finite =
          pos == Pos::kVBD || pos == Pos::kVBZ || pos == Pos::kVBP || pos == Pos::kMD;
      if (finite || rules_.Has(doc_.tokens[k].word, WordClass::kRelativePronoun) ||
          rules_.Has(doc_.tokens[k].word, WordClass::kClauseBreak)) {
        return t;
      }
    }
    return t;
  }

  // "X is the chairman of Y", "X, who became president of Y", "X served as
  // an adviser to Y": the person a copula (or role verb) before the
  // description describes; -1 if none.
  int CopulaSubject(size_t m) const {
    const Mention& mention = mentions_[m];
    const auto word_has = [&](size_t t, WordClass c) { return rules_.Has(doc_.tokens[t].word, c); };
    const uint32_t first = doc_.sentences[mention.sentence].token_begin;
    size_t t = mention.token_begin;
    if (t == first) return -1;
    const long verb = DescribingVerbBefore(rules_, doc_, t, first);
    if (verb < 0) return -1;
    const int chunk = doc_.chunk_of[static_cast<size_t>(verb)];
    if (chunk < 0) return -1;
    t = doc_.chunks[static_cast<size_t>(chunk)].begin;
    while (t > first && IsAdverb(doc_.tokens[t - 1].pos)) --t;
    const bool relative = t > first && word_has(t - 1, WordClass::kRelativePronoun);
    if (relative) --t;
    if (const size_t age = BeforeAge(t); age < t && age >= first) {
      t = age;  // "X, 58, is ...", "X, 58, who is ..."
    } else if (const size_t apposed = BeforeApposition(first, t); apposed < t) {
      t = apposed;  // "X, the longest-serving member, is ..."
    } else if (relative && t > first && word_has(t - 1, WordClass::kComma)) {
      --t;  // "X, who is ..."
    }
    for (size_t k = m; k-- > 0;) {
      const Mention& candidate = mentions_[k];
      if (candidate.token_end < t) break;
      if (candidate.token_end == t && candidate.entity >= 0 &&
          candidate.type == EntityType::kPerson && candidate.kind != MentionKind::kPronoun) {
        return candidate.entity;
      }
    }
    return -1;
  }

  // A person, or a lone name of unknown type that a title in apposition
  // shows to be one ("Tal, a senior Defense Ministry official").
  bool IsPersonLike(int entity) {
    Cluster& cluster = clusters_[static_cast<size_t>(entity)];
    if (cluster.weak) cluster.type = EntityType::kPerson;
    return cluster.type == EntityType::kPerson;
  }

  // "X, director of Y and a member of Z": a title joined by "and" to the
  // title of an apposition describes the same person. -1 if not so joined.
  int JoinedApposition(size_t m) const {
    const size_t coordinator = mentions_[m].token_begin - 1;
    if (mentions_[m].token_begin == 0 ||
        !rules_.Has(doc_.tokens[coordinator].word, WordClass::kCoordinator)) {
      return -1;
    }
    for (size_t k = m; k-- > 0;) {
      const Mention& before = mentions_[k];
      if (before.type != EntityType::kPerson) continue;
      // Only the first title's own organization may stand between.
      const bool adjacent =
          before.token_end == coordinator ||
          (before.affiliation >= 0 &&
           mentions_[static_cast<size_t>(before.affiliation)].token_end == coordinator);
      const bool apposed = before.token_begin > 0 &&
                           rules_.Has(doc_.tokens[before.token_begin - 1].word, WordClass::kComma);
      if (before.kind == MentionKind::kDescription && adjacent && apposed && before.entity >= 0) {
        return before.entity;
      }
      return -1;
    }
    return -1;
  }

  // Apposition: "Yahya Sinwar, the group's Gaza leader"; or the name after
  // a comma: "the group's leader, Joseph Mirembe". -1 if neither.
  // Whether a name inside a prepositional phrase is followed by a
  // description that opens the next clause: "In a reference to X, the top
  // U.N. official on Thursday condemned ..."; but "X, analyst at Y said"
  // (the closing comma left out) is an apposition.
  bool InPhraseBeforeClause(const Mention& name, const Mention& description) const {
    if (name.token_begin == doc_.sentences[name.sentence].token_begin) return false;
    const Pos before = doc_.tokens[name.token_begin - 1].pos;
    return (before == Pos::kIN || before == Pos::kTO) && OpensClause(description);
  }

  // Whether a description after a comma is followed by a finite verb before
  // any comma, dash or relative pronoun.
  bool OpensClause(const Mention& mention) const {
    size_t t = mention.token_end;
    if (mention.affiliation >= 0) {
      t = std::max<size_t>(t, mentions_[static_cast<size_t>(mention.affiliation)].token_end);
    }
    const size_t end = doc_.sentences[mention.sentence].token_end;
    for (size_t k = 0; t < end && k < kMaxClauseLookahead; ++t, ++k) {
      const Token& token = doc_.tokens[t];
      if (rules_.Has(token.word, WordClass::kComma) || rules_.Has(token.word, WordClass::kDash) ||
          rules_.Has(token.word, WordClass::kRelativePronoun)) {
        return false;
      }
      // "X, a former reporter convicted of fraud": a participle read as a verb.
      const bool participle = token.pos == Pos::kVBD && t + 1 < end &&
                              (rules_.Has(doc_.tokens[t + 1].word, WordClass::kGenitive) ||
                               rules_.Has(doc_.tokens[t + 1].word, WordClass::kAgentMarker));
      if ((token.pos == Pos::kVBD || token.pos == Pos::kVBZ || token.pos == Pos::kVBP ||
           token.pos == Pos::kMD) &&
          !participle) {
        return true;
      }
    }
    return false;
  }

  int ApposedPerson(size_t m) {
    const Mention& mention = mentions_[m];
    const auto is_separator = [&](size_t t) {
      return rules_.Has(doc_.tokens[t].word, WordClass::kComma) ||
             rules_.Has(doc_.tokens[t].word, WordClass::kDash);
    };
    if (mention.token_begin >= 2 && is_separator(mention.token_begin - 1)) {
      // "Jo Lind, 58, an engineer at Y": an age may stand between.
      const size_t age = BeforeAge(mention.token_begin);
      const size_t name_end = age < mention.token_begin ? age : mention.token_begin - 1;
      for (size_t k = m; k-- > 0;) {
        const Mention& candidate = mentions_[k];
        if (candidate.token_end < name_end) break;
        if (candidate.token_end == name_end && candidate.entity >= 0 &&
            candidate.kind == MentionKind::kName && !InPhraseBeforeClause(candidate, mention) &&
            IsPersonLike(candidate.entity)) {
          return candidate.entity;
        }
      }
    }
    if (const int subject = CopulaSubject(m); subject >= 0) return subject;
    if (const int joined = JoinedApposition(m); joined >= 0) return joined;
    // "the head of the Ostrava Institute, Jana Novak": the name may follow
    // the organization the title found after it.
    size_t end = mention.token_end;
    if (mention.affiliation >= 0) {
      const Mention& of = mentions_[static_cast<size_t>(mention.affiliation)];
      if (of.token_begin > end && of.token_begin <= end + kMaxAffiliationGap) end = of.token_end;
      // "the head of the Ifo think tank, X": the organization's lowercase
      // head may follow its name.
      for (size_t k = 0;
           k < kMaxLowercaseHead && end < doc_.tokens.size() &&
           IsCommonNoun(doc_.tokens[end].pos) && !doc_.tokens[end].Is(kTokenCapitalized);
           ++k) {
        ++end;
      }
    }
    if (end + 1 < doc_.tokens.size() && rules_.Has(doc_.tokens[end].word, WordClass::kComma)) {
      for (size_t k = m + 1; k < mentions_.size() && mentions_[k].token_begin <= end + 2; ++k) {
        const Mention& candidate = mentions_[k];
        if (candidate.token_begin == end + 1 && candidate.kind == MentionKind::kName &&
            candidate.entity >= 0 && IsPersonLike(candidate.entity)) {
          return candidate.entity;
        }
      }
    }
    return -1;
  }

  // Pronouns and descriptions.
  void ResolveReference(size_t m) {
    Mention& mention = mentions_[m];
    if (mention.kind == MentionKind::kPronoun) {
      ResolvePronoun(m);
      return;
    }
    if (mention.kind != MentionKind::kDescription || mention.entity >= 0) return;
    if (mention.type != EntityType::kPerson && mention.collective >= 0) {
      // "the government" after "the Israeli government".
      if (auto it = last_collective_.find(mention.collective); it != last_collective_.end()) {
        mention.entity = it->second;
      }
      return;
    }
    if (mention.type != EntityType::kPerson) {
      // "the bank": the last one named with that head ("Corvane Bank"),
      // else "the group": the nearest entity of its type named before.
      const uint64_t head = doc_.NormHash(mention.token_end - 1);
      if (auto it = last_by_head_.find(head); it != last_by_head_.end()) {
        mention.entity = it->second;
        return;
      }
      if (mention.description >= 0 &&
          rules_.pack().descriptions[static_cast<size_t>(mention.description)].named_only) {
        return;
      }
      const int last = last_named_of_type_[static_cast<size_t>(mention.type)];
      if (last >= 0) mention.entity = last;
      return;
    }
    // "According to the Tribune's Karl Obst, Swedish officials said": a
    // plural description names several people, never one named person.
    if (const Pos head = doc_.tokens[mention.token_end - 1].pos;
        head == Pos::kNNS || head == Pos::kNNPS) {
      return;
    }
    if (const int person = ApposedPerson(m); person >= 0) {
      mention.entity = person;
      return;
    }
    // "a military adviser to X" or "Iran's leader" points at nobody unless
    // it is an apposition; "the Israeli leader" at the last one so titled.
    if (!rules_.Has(doc_.tokens[mention.token_begin].word, WordClass::kDefinite)) return;
    const int affiliation = AffiliationEntity(mention);
    if (affiliation >= 0) {
      auto it = last_by_role_.find(
          RoleKey(affiliation, rules_.TitleRole(static_cast<size_t>(mention.title))));
      if (it != last_by_role_.end()) mention.entity = it->second;
    } else if (mention.title >= 0) {
      auto it = last_by_title_.find(mention.title);
      if (it != last_by_title_.end()) mention.entity = it->second;
    }
  }

  static uint64_t RoleKey(int affiliation, int role) {
    return static_cast<uint64_t>(static_cast<uint32_t>(affiliation)) << 32 |
           static_cast<uint32_t>(role);
  }

  // Records what later descriptions may point back to.
  void Remember(size_t m) {
    const Mention& mention = mentions_[m];
    if (!Usable(mention)) return;
    if (mention.kind == MentionKind::kCollective && mention.collective >= 0) {
      last_collective_[mention.collective] = mention.entity;
    }
    if (mention.kind != MentionKind::kDescription) {
      last_named_of_type_[static_cast<size_t>(TypeOf(mention.entity))] = mention.entity;
      if (TypeOf(mention.entity) == EntityType::kOrganization && mention.name_end > 0) {
        last_by_head_[doc_.NormHash(mention.name_end - 1)] = mention.entity;
      }
    }
    if (mention.type == EntityType::kPerson && mention.title >= 0) {
      const int affiliation = AffiliationEntity(mention);
      last_by_role_[RoleKey(affiliation, rules_.TitleRole(static_cast<size_t>(mention.title)))] =
          mention.entity;
      last_by_title_[mention.title] = mention.entity;
    }
  }

  void Finish();

  const CompiledRules& rules_;
  std::string_view text_;
  DocumentAnalysis& doc_;
  std::vector<Mention>& mentions_;
  std::vector<Cluster> clusters_;
  std::unordered_map<uint64_t, int> by_key_;
  std::unordered_map<uint64_t, std::vector<int>> people_by_last_word_;
  std::unordered_map<uint64_t, int> by_initials_;
  std::unordered_map<uint64_t, int> by_first_word_;
  std::unordered_map<uint64_t, std::vector<size_t>> by_surname_;
  std::unordered_map<uint64_t, std::vector<size_t>> by_given_name_;
  // Last mentions, for descriptions.
  std::unordered_map<int, int> last_collective_;
  int last_named_of_type_[3] = {-1, -1, -1};
  std::unordered_map<uint64_t, int> last_by_head_;  // organizations by their last word
  std::unordered_map<uint64_t, int> last_by_role_;
  std::unordered_map<int, int> last_by_title_;
};

void Resolver::Finish() {
  // Renumber clusters by first mention so entity order follows the text.
  std::vector<int> renumber(clusters_.size(), -1);
  std::vector<DocEntity>& entities = doc_.entities;
  entities.clear();
  for (Mention& mention : mentions_) {
    if (mention.entity < 0) continue;
    int& id = renumber[static_cast<size_t>(mention.entity)];
    if (id < 0) {
      const Cluster& cluster = clusters_[static_cast<size_t>(mention.entity)];
      DocEntity entity;
      entity.label = cluster.label;
      entity.type = cluster.type;
      entity.from_lexicon = cluster.from_lexicon;
      entity.lexicon_entry = cluster.lexicon_entry;
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
    const Token& first = doc_.tokens[mention.token_begin];
    if (mention.kind == MentionKind::kDescription && rules_.Has(first.word, WordClass::kArticle) &&
        !rules_.Has(first.word, WordClass::kDefinite)) {
      continue;
    }
    if (mention.kind != MentionKind::kDescription && mention.names_entity) entity.named = true;
    auto& set = aliases[static_cast<size_t>(mention.entity)];
    set.insert(std::string(Trim(mention.span.In(text_))));
    // The name inside a titled form is an alias too; the demonym inside a
    // collective ("Israeli" in "Israeli officials") is not.
    if (mention.kind == MentionKind::kName) set.insert(std::string(Trim(NameText(mention))));
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    aliases[e].erase(entities[e].label);
    entities[e].aliases.assign(aliases[e].begin(), aliases[e].end());
  }
}

}  // namespace

void ResolveCoreference(const CompiledRules& rules, std::string_view text, DocumentAnalysis* doc) {
  Resolver(rules, text, doc).Run();
}

}  // namespace kg
