#include "extract/mention_finder.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"

namespace kg {
namespace {

// A lexicon match at a token position.
struct LexMatch {
  size_t length = 0;
  const LexiconValue* value = nullptr;
  explicit operator bool() const { return value != nullptr; }
};

// A parsed title sequence: "Prime Minister", "political leader", "Gen.".
struct TitleMatch {
  size_t end = 0;  // token after the last title word
  int title = -1;  // the title that gives the role, or the last one
  bool found = false;
  std::vector<std::pair<size_t, size_t>> places;  // "Gaza" in "the group's Gaza leader"
};

// Scans one document. Owns the output and the per-document facts that the
// rules need (which words also occur in lowercase).
class Scanner {
 public:
  Scanner(const CompiledRules& rules, std::string_view text, const std::vector<Token>& tokens)
      : rules_(rules),
        text_(text),
        tokens_(tokens),
        lex_cache_(tokens.size()),
        title_cache_(tokens.size()),
        titles_plain_(tokens.size()),
        titles_with_places_(tokens.size()) {
    for (const Token& token : tokens_) {
      if (token.Is(kTokenWord) && !token.Is(kTokenCapitalized) && !token.Is(kTokenNumber)) {
        lowercase_words_.insert(token.norm);
      }
    }
  }

  std::vector<Mention> Run(const std::vector<Sentence>& sentences) {
    for (uint32_t s = 0; s < sentences.size(); ++s) ScanSentence(s, sentences[s]);
    for (const auto& [mention, token] : forward_affiliations_) {
      // "the head of the IRGC's Quds Force": the possessed name is meant.
      int target = MentionStartingAt(token);
      if (target < 0 && tokens_[token].norm == "the" && token + 1 < tokens_.size()) {
        target = MentionStartingAt(token + 1);
      }
      while (target >= 0) {
        const size_t end = mentions_[static_cast<size_t>(target)].token_end;
        const int next =
            end + 1 < tokens_.size() && tokens_[end].norm == "'s" ? MentionStartingAt(end + 1) : -1;
        if (next < 0) break;
        // "Hamas's Qatar-based office": a hyphenated modifier is no owner.
        const size_t after = mentions_[static_cast<size_t>(next)].token_end;
        if (after < tokens_.size() && tokens_[after].norm == "-" &&
            !tokens_[after].Is(kTokenSpaceBefore))
          break;
        target = next;
      }
      mentions_[mention].affiliation = target;
    }
    return std::move(mentions_);
  }

 private:
  std::string_view Raw(size_t i) const { return tokens_[i].span.In(text_); }
  bool IsCapitalizedWord(size_t i) const {
    return tokens_[i].Is(kTokenWord) && tokens_[i].Is(kTokenCapitalized);
  }
  bool IsPossessive(size_t i) const { return i < end_ && tokens_[i].norm == "'s"; }
  bool Joined(size_t i) const { return i < end_ && !tokens_[i].Is(kTokenSpaceBefore); }

  // "in Washington", "travelled to Beijing": the place itself is meant.
  bool PlaceCueBefore(size_t i) const {
    if (i > begin_ && rules_.IsPlacePreposition(tokens_[i - 1].norm)) return true;
    return i >= begin_ + 2 &&
           rules_.IsPlacePreposition(tokens_[i - 2].norm + " " + tokens_[i - 1].norm);
  }

  int MentionStartingAt(size_t token) const {
    for (size_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].token_begin == token) return static_cast<int>(m);
    }
    return -1;
  }

  // ---- lexicon ----------------------------------------------------------

  bool CaseFits(size_t i, const LexiconValue& value) const {
    for (size_t k = 0; k < value.upper.size(); ++k) {
      const Token& token = tokens_[i + k];
      if (!token.Is(kTokenWord)) continue;
      if (value.upper[k] && !token.Is(kTokenCapitalized)) return false;
      if (value.acronym && !token.Is(kTokenAllCaps)) return false;
    }
    return true;
  }

  // Lexicon and title lookups are asked again and again at the same token
  // (name runs, openers, each construction): they are memoized per token.
  LexMatch LexAt(size_t i) const {
    if (lex_cache_[i].has_value()) return *lex_cache_[i];
    const LexMatch found = FindLex(i);
    lex_cache_[i] = found;
    return found;
  }

  size_t TitleLengthAt(size_t i, const std::vector<uint32_t>** values) const {
    auto& cached = title_cache_[i];
    if (!cached.has_value()) {
      const std::vector<uint32_t>* found = nullptr;
      const size_t length = rules_.titles().Longest(tokens_, i, end_, &found, Fuzzy::kCapitalized);
      cached = std::make_pair(length, found);
    }
    *values = cached->second;
    return cached->first;
  }

  LexMatch FindLex(size_t i) const {
    LexMatch best;
    rules_.lexicon().Match(
        tokens_, i, end_, [&](size_t length, const std::vector<LexiconValue>& values) {
          const LexiconValue* chosen = nullptr;
          for (const auto& value : values) {
            if (!CaseFits(i, value)) continue;
            if (chosen == nullptr || (value.kind == LexiconValue::Kind::kName &&
                                      chosen->kind != LexiconValue::Kind::kName)) {
              chosen = &value;
            }
          }
          if (chosen != nullptr) best = {length, chosen};
        });
    return best;
  }

  const LexiconEntry& Entry(const LexiconValue& value) const {
    return rules_.pack().entities[value.entry];
  }

  // ---- names ------------------------------------------------------------

  // A sentence-opening capitalised word that is an ordinary word ("Then",
  // "Despite", "Unconfirmed") rather than a name.
  bool IsOrdinaryOpener(size_t i) const {
    const bool opening = i == begin_ || tokens_[i - 1].norm == "\"" || tokens_[i - 1].norm == ":" ||
                         tokens_[i - 1].norm == "(" || tokens_[i - 1].norm == "'";
    if (!opening || !IsCapitalizedWord(i) || tokens_[i].Is(kTokenAllCaps)) return false;
    if (rules_.IsGivenName(Raw(i)) || TitlesAt(i, false).found) return false;
    const std::string& norm = tokens_[i].norm;
    // A lone plural-looking word ("Rebels attacked ...") is a common noun.
    const bool plural = EndsWith(norm, "s") && !EndsWith(norm, "ss") && !EndsWith(norm, "us") &&
                        (i + 1 >= end_ || !IsCapitalizedWord(i + 1));
    return rules_.IsCommonWord(norm) || lowercase_words_.contains(norm) || EndsWith(norm, "ly") ||
           EndsWith(norm, "ing") || EndsWith(norm, "ed") || plural;
  }

  bool IsNameWord(size_t i) const {
    if (!IsCapitalizedWord(i) || rules_.IsNonName(Raw(i))) return false;
    return tokens_[i].norm != "i";
  }

  // The end of lowercase name particles and the name word they lead to
  // ("von der Leyen", "al-Assad", "bin Salman"), or `j` when there are none.
  size_t ParticlesEnd(size_t j) const {
    size_t k = j;
    while (k < end_ && rules_.IsNameParticle(tokens_[k].norm) &&
           !tokens_[k].Is(kTokenCapitalized)) {
      ++k;
      if (k < end_ && tokens_[k].norm == "-" && Joined(k)) ++k;
    }
    return k > j && k < end_ && IsNameWord(k) ? k + 1 : j;
  }

  // The lowercase second half of a hyphenated given name ("Min-jun",
  // "Jong-su"), as opposed to an English word ("US-led", "Qatar-based").
  bool IsNameSyllable(size_t i) const {
    const std::string& norm = tokens_[i].norm;
    return tokens_[i].Is(kTokenWord) && !tokens_[i].Is(kTokenCapitalized) && norm.size() <= 3 &&
           !EndsWith(norm, "ed") && !rules_.IsCommonWord(norm);
  }

  // A common word opens no name, even mid-sentence in a title-case
  // headline ("The post Why Americans ..."), unless it is a given name.
  bool CanOpenName(size_t i) const {
    if (!IsNameWord(i)) return false;
    if (tokens_[i].Is(kTokenAllCaps) || !rules_.IsCommonWord(tokens_[i].norm)) return true;
    // "Will Smith" but "Will China invade ...?": a given name that is also
    // a common word opens no name before a known one at a sentence start.
    return rules_.IsGivenName(Raw(i)) && !(i == begin_ && i + 1 < end_ && LexAt(i + 1));
  }

  // The end of a run of capitalised name words starting at `i` (== i when
  // there is none). Particles and hyphens join words ("al-Assad",
  // "Jean-Pierre"); "of"/"for"/"and" join only inside organization and
  // place names ("Ministry of Defense").
  size_t NameRunEnd(size_t i) const {
    if (i >= end_ || !CanOpenName(i)) return i;
    size_t j = i + 1;
    bool has_head = rules_.NameHeadType(Raw(i)).has_value();
    // Whether the capitalised words from `k` on end in a head word.
    const auto has_head_ahead = [&](size_t k) {
      for (; k < end_ && IsCapitalizedWord(k); ++k) {
        if (rules_.NameHeadType(Raw(k)).has_value()) return true;
      }
      return false;
    };
    while (j < end_) {
      if (IsNameWord(j) && tokens_[j].Is(kTokenSpaceBefore) && !IsTitleStart(j)) {
        has_head = has_head || rules_.NameHeadType(Raw(j)).has_value();
        ++j;
      } else if (tokens_[j].norm == "-" && Joined(j) && j + 1 < end_ && Joined(j + 1) &&
                 (IsNameWord(j + 1) || IsNameSyllable(j + 1))) {
        j += 2;
      } else if (size_t after = ParticlesEnd(j); after > j) {
        j = after;  // "von der Leyen", "al-Assad"
      } else if (((has_head && (tokens_[j].norm == "of" || tokens_[j].norm == "for")) ||
                  (tokens_[j].norm == "and" && !rules_.NameHeadType(Raw(j - 1)).has_value() &&
                   has_head_ahead(j + 1))) &&
                 j + 1 < end_ && IsNameWord(j + 1)) {
        // "Ministry of Defense", "Securities and Exchange Commission"; but
        // "Acme Corporation and Globex Corporation" are two names.
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  // A capitalised title inside a run breaks it: "Institute of International
  // Finance | Managing Director | Horst Schulmann".
  bool IsTitleStart(size_t i) const { return IsCapitalizedWord(i) && TitlesAt(i, false).found; }

  // The type of a name run from its words alone, or nullopt when unknown.
  enum class RunKind { kEntity, kEvent, kUnknownSingle, kUnknownPhrase };
  struct RunType {
    RunKind kind = RunKind::kEntity;
    EntityType type = EntityType::kPerson;
  };
  RunType ClassifyRun(size_t i, size_t j) const {
    std::optional<EntityType> head;
    for (size_t k = i; k < j; ++k) {
      if (rules_.IsEventHead(Raw(k))) return {RunKind::kEvent, EntityType::kPerson};
      if (auto type = rules_.NameHeadType(Raw(k))) {
        if (k + 1 == j || !head) head = type;
      }
    }
    if (head) return {RunKind::kEntity, *head};
    size_t words = 0;
    for (size_t k = i; k < j; ++k) words += tokens_[k].Is(kTokenWord) ? 1u : 0u;
    if (words == 1) {
      if (tokens_[i].Is(kTokenAllCaps) && tokens_[i].norm.size() <= 6) {
        return {RunKind::kEntity, EntityType::kOrganization};
      }
      if (rules_.IsGivenName(Raw(i))) return {RunKind::kEntity, EntityType::kPerson};
      return {RunKind::kUnknownSingle, EntityType::kPerson};
    }
    // A person's name starts with a given name, or is made of words that
    // are no ordinary English ("Ratsimandresy"); "Politics Show" and
    // "Violent Crime" are capitalised phrases of unknown kind.
    if (rules_.IsGivenName(Raw(i))) return {RunKind::kEntity, EntityType::kPerson};
    // "Real Madrid", "Inter Milan": a known place inside a name without a
    // given name makes an organization, not a person.
    for (size_t k = i; k < j; ++k) {
      const LexMatch lex = LexAt(k);
      if (lex && lex.value->kind == LexiconValue::Kind::kName &&
          Entry(*lex.value).type == EntityType::kLocation && k + lex.length <= j) {
        return {RunKind::kEntity, EntityType::kOrganization};
      }
    }
    for (size_t k = i; k < j; ++k) {
      if (!tokens_[k].Is(kTokenWord)) continue;
      const std::string& norm = tokens_[k].norm;
      if (rules_.IsCommonWord(norm) || lowercase_words_.contains(norm) ||
          tokens_[k].Is(kTokenNumber)) {
        return {RunKind::kUnknownPhrase, EntityType::kOrganization};
      }
    }
    return {RunKind::kEntity, EntityType::kPerson};
  }

  // Capitalised words that are neither known names, given names nor title
  // words.
  bool PlainNameWords(size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      if (!tokens_[k].Is(kTokenWord)) continue;
      if (LexAt(k) || rules_.IsGivenName(Raw(k)) || IsTitleStart(k) || !IsCapitalizedWord(k))
        return false;
    }
    return true;
  }

  // ---- titles -----------------------------------------------------------

  TitleMatch TitlesAt(size_t i, bool allow_place_modifiers) const {
    if (i >= end_) return TitleMatch{i, -1, false, {}};
    auto& cached = (allow_place_modifiers ? titles_with_places_ : titles_plain_)[i];
    if (!cached.has_value()) cached = ParseTitles(i, allow_place_modifiers);
    return *cached;
  }

  TitleMatch ParseTitles(size_t i, bool allow_place_modifiers) const {
    TitleMatch match;
    size_t j = i;
    while (j < end_) {
      const std::vector<uint32_t>* values = nullptr;
      const size_t length = TitleLengthAt(j, &values);
      if (length > 0) {
        const int title = static_cast<int>(values->front());
        if (match.title < 0 ||
            rules_.pack().titles[static_cast<size_t>(match.title)].relation.empty()) {
          match.title = title;
        }
        match.found = true;
        j += length;
        continue;
      }
      const std::vector<uint32_t>* modifiers = nullptr;
      const size_t modifier = rules_.title_modifiers().Longest(tokens_, j, end_, &modifiers);
      if (modifier > 0 && !match.found) {
        j += modifier;
        continue;
      }
      // "Canadian Trade Minister", "Competition Commissioner": up to three
      // capitalised portfolio words before a title.
      if (!match.found && IsCapitalizedWord(j) && !rules_.IsGivenName(Raw(j)) && !LexAt(j)) {
        size_t k = j;
        while (k < end_ && k < j + 3 && IsCapitalizedWord(k) && !rules_.IsGivenName(Raw(k)) &&
               !LexAt(k) && TitleLengthAt(k, &values) == 0) {
          ++k;
        }
        if (k < end_ && k > j && IsCapitalizedWord(k) && TitleLengthAt(k, &values) > 0) {
          j = k;
          continue;
        }
      }
      // "the group's Gaza leader": a place may qualify a title.
      if (allow_place_modifiers && !match.found) {
        const LexMatch lex = LexAt(j);
        if (lex && lex.value->kind == LexiconValue::Kind::kName &&
            Entry(*lex.value).type == EntityType::kLocation) {
          match.places.emplace_back(j, lex.length);
          j += lex.length;
          continue;
        }
      }
      break;
    }
    match.end = j;
    return match;
  }

  // ---- affiliations -----------------------------------------------------

  // An organization or country that a following title belongs to: a
  // lexicon name or demonym ("Hamas", "Israeli", "US"), a description
  // ("the group"), or an organization-headed name, each optionally
  // possessive ("Iran's"). Returns the token after it, or `i`.
  // The length of a "the group"-like description at `i`, or 0.
  size_t DescriptionLength(size_t i) const {
    if (tokens_[i].norm != "the") return 0;
    const std::vector<uint32_t>* values = nullptr;
    return rules_.descriptions().Longest(tokens_, i, end_, &values);
  }

  size_t AffiliationEnd(size_t i) const {
    size_t j = i;
    if (const LexMatch lex = LexAt(i);
        lex && lex.value->kind != LexiconValue::Kind::kDemonymPlural) {
      j = i + lex.length;
    } else if (const size_t description = DescriptionLength(i); description > 0) {
      j = i + description;
      if (!IsPossessive(j)) return i;
    } else {
      const size_t run = NameRunEnd(i);
      if (run == i) return i;
      const RunType type = ClassifyRun(i, run);
      if (type.kind != RunKind::kEntity || type.type == EntityType::kPerson) return i;
      j = run;
    }
    if (IsPossessive(j)) ++j;
    return j;
  }

  // ---- mention output -----------------------------------------------------

  int Add(size_t begin, size_t end, size_t name_begin, size_t name_end, EntityType type,
          MentionKind kind, std::string key) {
    Mention mention;
    mention.span = {tokens_[begin].span.begin, tokens_[end - 1].span.end};
    mention.token_begin = static_cast<uint32_t>(begin);
    mention.token_end = static_cast<uint32_t>(end);
    mention.name_begin = static_cast<uint32_t>(name_begin);
    mention.name_end = static_cast<uint32_t>(name_end);
    mention.sentence = sentence_;
    mention.type = type;
    mention.kind = kind;
    mention.key = std::move(key);
    mentions_.push_back(std::move(mention));
    return static_cast<int>(mentions_.size() - 1);
  }

  std::string SpanText(size_t begin, size_t end) const {
    return std::string(text_.substr(tokens_[begin].span.begin,
                                    tokens_[end - 1].span.end - tokens_[begin].span.begin));
  }

  // Emits the mention of an affiliation parsed by AffiliationEnd; returns
  // its index, or -1 when it holds no entity.
  int AddAffiliation(size_t i, size_t end) {
    size_t name_end = IsPossessive(end - 1) ? end - 1 : end;
    if (const LexMatch lex = LexAt(i); lex && i + lex.length == name_end) {
      return AddLexicon(i, *lex.value, lex.length);
    }
    if (tokens_[i].norm == "the") {
      const std::vector<uint32_t>* values = nullptr;
      rules_.descriptions().Longest(tokens_, i, end_, &values);
      const auto& description = rules_.pack().descriptions[values->front()];
      return Add(i, name_end, i, name_end, description.type, MentionKind::kDescription,
                 description.phrase);
    }
    const RunType type = ClassifyRun(i, name_end);
    return Add(i, name_end, i, name_end, type.type, MentionKind::kName, SpanText(i, name_end));
  }

  int AddLexicon(size_t i, const LexiconValue& value, size_t length) {
    const LexiconEntry& entry = Entry(value);
    std::string key = entry.name;
    EntityType type = entry.type;
    // "Washington said" is the government; "in Washington" is the city.
    if (!entry.metonym_of.empty() && !PlaceCueBefore(i) &&
        !(i > begin_ && tokens_[i - 1].norm == "of")) {
      const int target = rules_.FindEntity(entry.metonym_of);
      key = entry.metonym_of;
      type = rules_.pack().entities[static_cast<size_t>(target)].type;
    }
    MentionKind kind = MentionKind::kName;
    if (value.kind == LexiconValue::Kind::kDemonymAdjective) kind = MentionKind::kModifier;
    if (value.kind == LexiconValue::Kind::kDemonymPlural) kind = MentionKind::kCollective;
    const int m = Add(i, i + length, i, i + length, type, kind, key);
    // Known people ("Bibi") join the text's own names through their key,
    // so they go through coreference like any other name.
    mentions_[static_cast<size_t>(m)].from_lexicon = type != EntityType::kPerson;
    return m;
  }

  // The places that qualified a title are mentions of their own.
  void AddPlaces(const TitleMatch& titles) {
    for (const auto& [at, length] : titles.places) {
      if (const LexMatch lex = LexAt(at)) AddLexicon(at, *lex.value, length);
    }
  }

  // ---- constructions ------------------------------------------------------

  // [Affiliation] [modifiers] Title+ Name: "Israeli Prime Minister Benjamin
  // Netanyahu", "Hamas political leader Ismail Haniyeh", "Mr. Biden".
  size_t TryTitledPerson(size_t i) {
    size_t j = AffiliationEnd(i);
    // "Nordvik chief executive Ingrid Solheim": an unknown word before a
    // title and a name is the organization the title belongs to.
    bool unknown_affiliation = false;
    if (j == i && CanOpenName(i) && !rules_.IsGivenName(Raw(i)) && !IsTitleStart(i)) {
      const size_t run = NameRunEnd(i);
      const TitleMatch after = TitlesAt(run, false);
      if (run == i + 1 && after.found && NameRunEnd(after.end) > after.end) {
        j = run;
        unknown_affiliation = true;
      }
    }
    const bool has_affiliation = j > i;
    const TitleMatch titles = TitlesAt(j, has_affiliation);
    if (!titles.found) return i;
    size_t name = titles.end;
    // "Ali Khamenei, Iran's supreme leader,": a possessive affiliation and
    // a title with no name after them describe someone named nearby.
    if (has_affiliation && IsPossessive(j - 1) && !unknown_affiliation &&
        (name >= end_ || (tokens_[name].norm != "," && !IsNameWord(name)) ||
         (tokens_[name].norm == "," && i > begin_ && tokens_[i - 1].norm == ","))) {
      const auto& title = rules_.pack().titles[static_cast<size_t>(titles.title)];
      if (title.relation.empty()) return i;
      const int affiliation = AddAffiliation(i, j);
      AddPlaces(titles);
      const int m =
          Add(i, name, i, name, EntityType::kPerson, MentionKind::kDescription, title.phrase);
      mentions_[static_cast<size_t>(m)].title = title.phrase;
      mentions_[static_cast<size_t>(m)].role = title.relation;
      mentions_[static_cast<size_t>(m)].affiliation = affiliation;
      return name;
    }
    // "Iran's supreme leader, Ayatollah Ali Khamenei,": the name follows
    // the title after a comma, perhaps behind an honorific.
    if (has_affiliation && IsPossessive(j - 1) && name + 1 < end_ && tokens_[name].norm == ",") {
      const TitleMatch honorifics = TitlesAt(name + 1, false);
      const size_t candidate = honorifics.found ? honorifics.end : name + 1;
      if (NameRunEnd(candidate) > candidate) name = candidate;
    }
    // "Minister for Strategic Affairs Ron Dermer": a portfolio, then a
    // name that opens with a given name.
    if (name < end_ && (tokens_[name].norm == "for" || tokens_[name].norm == "of")) {
      const size_t run = NameRunEnd(name + 1);
      size_t given = run;
      for (size_t k = name + 2; k < run; ++k) {
        if (rules_.IsGivenName(Raw(k))) {
          given = k;
          break;
        }
      }
      if (given == run) return i;
      name = given;
    }
    const size_t name_end = NameRunEnd(name);
    if (name_end == name) return i;
    if (const LexMatch lex = LexAt(name);
        lex && name + lex.length >= name_end && Entry(*lex.value).type != EntityType::kPerson) {
      return i;  // "EMS member Belgium": a known place or group, not a person
    }
    // After a title, a name of unknown kind is a person's ("President Trump").
    const RunType type = ClassifyRun(name, name_end);
    if (type.kind == RunKind::kEvent ||
        (type.kind == RunKind::kEntity && type.type != EntityType::kPerson)) {
      return i;
    }

    int affiliation = has_affiliation ? AddAffiliation(i, j) : -1;
    AddPlaces(titles);
    if (unknown_affiliation)
      mentions_[static_cast<size_t>(affiliation)].type = EntityType::kOrganization;
    const int m = Add(i, name_end, name, name_end, EntityType::kPerson, MentionKind::kName,
                      SpanText(name, name_end));
    Mention& mention = mentions_[static_cast<size_t>(m)];
    const auto& title = rules_.pack().titles[static_cast<size_t>(titles.title)];
    mention.title = title.phrase;
    mention.role = title.relation;
    mention.affiliation = affiliation;
    return name_end;
  }

  // "the Israeli leader", "the president", "the C.I.A. director": a title
  // with no name, pointing back to a titled person.
  size_t TryPersonDescription(size_t i) {
    const std::string& article = tokens_[i].norm;
    const bool possessive =
        article == "his" || article == "her" || article == "its" || article == "their";
    if ((article != "the" && article != "a" && article != "an" && !possessive) || i + 1 >= end_)
      return i;
    // "the group's Gaza leader": the affiliation may itself open with "the".
    size_t from = i;
    size_t j = article == "the" ? AffiliationEnd(i) : i;
    if (j == i) {
      from = i + 1;
      j = AffiliationEnd(from);
    }
    const TitleMatch titles = TitlesAt(j, j > from);
    if (!titles.found || (titles.end < end_ && IsNameWord(titles.end))) return i;
    const auto& title = rules_.pack().titles[static_cast<size_t>(titles.title)];
    if (title.relation.empty()) return i;  // "the sheikh" names no role
    const int affiliation = j > from ? AddAffiliation(from, j) : -1;
    AddPlaces(titles);
    const int m = Add(i, titles.end, i, titles.end, EntityType::kPerson, MentionKind::kDescription,
                      title.phrase);
    Mention& mention = mentions_[static_cast<size_t>(m)];
    mention.title = title.phrase;
    mention.role = title.relation;
    mention.affiliation = affiliation;
    // "the leader of Hamas": the affiliation follows.
    if (affiliation < 0 && titles.end + 1 < end_ &&
        (tokens_[titles.end].norm == "of" || tokens_[titles.end].norm == "to" ||
         tokens_[titles.end].norm == "for")) {
      forward_affiliations_.emplace_back(static_cast<size_t>(m), titles.end + 1);
    }
    return titles.end;
  }

  // "the group", "the organization": the nearest such entity before;
  // "the occupation", "the government": the state last named with that
  // noun ("the Israeli occupation").
  size_t TryDescription(size_t i) {
    if (tokens_[i].norm == "the" && i + 1 < end_) {
      const size_t end = CollectiveEnd(i + 1);
      if (end > i + 1 && (end >= end_ || !IsNameWord(end))) {
        const int m = Add(i, end, i, end, EntityType::kLocation, MentionKind::kDescription,
                          std::string(SpanText(i, end)));
        mentions_[static_cast<size_t>(m)].title = CollectiveAt(i + 1);
        return end;
      }
    }
    const std::vector<uint32_t>* values = nullptr;
    const size_t length = rules_.descriptions().Longest(tokens_, i, end_, &values);
    if (length == 0 || (i + length < end_ && IsNameWord(i + length))) return i;
    const auto& description = rules_.pack().descriptions[values->front()];
    Add(i, i + length, i, i + length, description.type, MentionKind::kDescription,
        description.phrase);
    return i + length;
  }

  // A collective noun after a country or demonym: "Israeli officials".
  size_t CollectiveEnd(size_t j) const {
    const std::vector<uint32_t>* values = nullptr;
    return j + rules_.collectives().Longest(tokens_, j, end_, &values, Fuzzy::kAny);
  }

  // The collective noun at `j` as the pack spells it ("occupaiton" ->
  // "occupation"), or "".
  std::string CollectiveAt(size_t j) const {
    const std::vector<uint32_t>* values = nullptr;
    if (rules_.collectives().Longest(tokens_, j, end_, &values, Fuzzy::kAny) == 0) return "";
    return rules_.pack().collectives[values->front()];
  }

  // Lexicon names, demonyms and collectives, with an optional leading "the".
  size_t TryLexicon(size_t i) {
    const size_t start = i;
    if (tokens_[i].norm == "the" && i + 1 < end_) ++i;
    const LexMatch lex = LexAt(i);
    if (!lex) return start;
    const size_t lex_end = i + lex.length;
    // A longer name run with its own head wins: "Israel Defense Forces",
    // "Baghdad International Airport"; so does a place followed by plain
    // capitalised words, which name an organization ("Iran Voice").
    const size_t run = NameRunEnd(i);
    if (run > lex_end && ClassifyRun(i, run).kind == RunKind::kEntity &&
        rules_.NameHeadType(Raw(run - 1)).has_value()) {
      return start;
    }
    if (run > lex_end && lex.value->kind == LexiconValue::Kind::kName &&
        Entry(*lex.value).type == EntityType::kLocation && PlainNameWords(lex_end, run)) {
      Add(i, run, i, run, EntityType::kOrganization, MentionKind::kName, SpanText(i, run));
      return run;
    }
    const size_t collective = CollectiveEnd(lex_end);
    if (collective > lex_end && lex.value->kind != LexiconValue::Kind::kDemonymPlural) {
      const LexiconEntry& entry = Entry(*lex.value);
      const EntityType type = entry.type;
      const int m = Add(start, collective, i, lex_end, type, MentionKind::kCollective, entry.name);
      mentions_[static_cast<size_t>(m)].from_lexicon = true;
      mentions_[static_cast<size_t>(m)].title = CollectiveAt(lex_end);
      return collective;
    }
    if (lex.value->kind == LexiconValue::Kind::kDemonymPlural) {
      const LexiconEntry& entry = Entry(*lex.value);
      const int m =
          Add(start, lex_end, i, lex_end, entry.type, MentionKind::kCollective, entry.name);
      mentions_[static_cast<size_t>(m)].from_lexicon = true;
      // "the Israelis agreed" is the state acting; "Palestinians in Gaza"
      // are people, and do not by themselves make Palestine an entity.
      mentions_[static_cast<size_t>(m)].names_entity = start != i;
      return lex_end;
    }
    if (start != i && lex.value->kind == LexiconValue::Kind::kDemonymAdjective) return start;
    const int m = AddLexicon(i, *lex.value, lex.length);
    if (start != i) mentions_[static_cast<size_t>(m)].token_begin = static_cast<uint32_t>(start);
    return ParentheticalAcronym(lex_end, m);
  }

  // A run of capitalised words typed by its heads, given names or context.
  size_t TryNameRun(size_t i) {
    size_t run = NameRunEnd(i);
    if (run == i) return i;
    // "the Biden administration": a person's government, not the person.
    if (CollectiveEnd(run) > run && ClassifyRun(i, run).type == EntityType::kPerson) {
      return CollectiveEnd(run);
    }
    RunType type = ClassifyRun(i, run);
    if (type.kind == RunKind::kEvent) return run;
    // "Court blocks ...", "Army spokesman": a head word alone is no name.
    if (run == i + 1 && rules_.NameHeadType(Raw(i)).has_value() && !tokens_[i].Is(kTokenAllCaps))
      return run;
    if (type.type == EntityType::kPerson && type.kind == RunKind::kEntity) {
      // "Exiled Iranian journalist": a demonym ends a person's name run;
      // "Social Democrat Thomas Berger": the name starts at the given name.
      for (size_t k = i; k < run; ++k) {
        const LexMatch lex = LexAt(k);
        if (k > i && lex && lex.value->kind == LexiconValue::Kind::kDemonymAdjective) {
          run = k;
          break;
        }
        if (k == i && lex && lex.value->kind == LexiconValue::Kind::kDemonymAdjective)
          return i + lex.length;
      }
      for (size_t k = i + 1; k + 1 < run; ++k) {
        if (rules_.IsGivenName(Raw(k)) && !rules_.IsGivenName(Raw(i))) {
          i = k;
          break;
        }
      }
      type = ClassifyRun(i, run);
    }
    const int m = Add(i, run, i, run, type.type, MentionKind::kName, SpanText(i, run));
    Mention& mention = mentions_[static_cast<size_t>(m)];
    if (type.kind == RunKind::kUnknownPhrase) mention.weak = true;
    if (type.kind == RunKind::kUnknownSingle) {
      const std::string& before = i > begin_ ? tokens_[i - 1].norm : std::string();
      const bool place = PlaceCueBefore(i) || (before == "of" && i >= begin_ + 2 &&
                                               rules_.IsPlaceNoun(tokens_[i - 2].norm));
      if (place && !IsPossessive(run)) {
        mention.type = EntityType::kLocation;
      } else if (run < end_ && rules_.IsSpeechVerb(tokens_[run].norm)) {
        mention.type = EntityType::kPerson;
      } else {
        mention.weak = true;
      }
    }
    return ParentheticalAcronym(run, m);
  }

  // "Israel Defense Forces (IDF)": the acronym names the same entity, here
  // and wherever the document uses it again, whatever the lexicon says it
  // stands for elsewhere ("RSF"). Returns the token after it.
  size_t ParentheticalAcronym(size_t run, int named) {
    if (!(run + 2 < end_ && tokens_[run].norm == "(" && tokens_[run + 1].Is(kTokenAllCaps) &&
          tokens_[run + 2].norm == ")")) {
      return run;
    }
    const Mention& name = mentions_[static_cast<size_t>(named)];
    local_acronyms_[tokens_[run + 1].norm] = {name.key, name.type};
    const int acronym =
        Add(run + 1, run + 2, run + 1, run + 2, name.type, MentionKind::kName, name.key);
    mentions_[static_cast<size_t>(acronym)].from_lexicon =
        mentions_[static_cast<size_t>(named)].from_lexicon;
    return run + 3;
  }

  // A later use of an acronym the document defined.
  size_t TryLocalAcronym(size_t i) {
    const size_t at = tokens_[i].norm == "the" && i + 1 < end_ ? i + 1 : i;
    auto it = local_acronyms_.find(tokens_[at].norm);
    if (it == local_acronyms_.end() || !tokens_[at].Is(kTokenAllCaps)) return i;
    const int m =
        Add(at, at + 1, at, at + 1, it->second.second, MentionKind::kName, it->second.first);
    mentions_[static_cast<size_t>(m)].token_begin = static_cast<uint32_t>(i);
    return at + 1;
  }

  size_t TryPronoun(size_t i) {
    if (!tokens_[i].Is(kTokenWord) || tokens_[i].Is(kTokenAllCaps)) return i;
    const auto types = rules_.PronounTypes(tokens_[i].norm);
    if (!types) return i;
    EntityType type = EntityType::kPerson;
    for (EntityType candidate :
         {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
      if (types->Contains(candidate)) {
        type = candidate;
        break;
      }
    }
    Add(i, i + 1, i, i + 1, type, MentionKind::kPronoun, tokens_[i].norm);
    return i + 1;
  }

  void ScanSentence(uint32_t index, const Sentence& sentence) {
    sentence_ = index;
    begin_ = sentence.token_begin;
    end_ = sentence.token_end;
    size_t i = begin_;
    while (i < end_) {
      if (!tokens_[i].Is(kTokenWord)) {
        ++i;
        continue;
      }
      // Sentence openers ("Then", "Despite") are no names, but "The" may
      // still open "the Israelis" or "the group".
      const bool opener = IsOrdinaryOpener(i) && !LexAt(i);
      size_t next = TryPronoun(i);
      if (next == i) next = TryLocalAcronym(i);
      if (next == i) next = TryPersonDescription(i);
      if (next == i && !opener) next = TryTitledPerson(i);
      if (next == i) next = TryLexicon(i);
      if (next == i) next = TryDescription(i);
      if (next == i && !opener) next = TryNameRun(i);
      i = next == i ? i + 1 : next;
    }
  }

  const CompiledRules& rules_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::unordered_set<std::string> lowercase_words_;
  std::vector<Mention> mentions_;
  std::vector<std::pair<size_t, size_t>> forward_affiliations_;  // mention, token
  std::unordered_map<std::string, std::pair<std::string, EntityType>>
      local_acronyms_;  // norm -> key, type
  // Per-token memos. Lookups stop at the sentence end, and each sentence's
  // tokens are only looked up while that sentence is scanned.
  mutable std::vector<std::optional<LexMatch>> lex_cache_;
  mutable std::vector<std::optional<std::pair<size_t, const std::vector<uint32_t>*>>> title_cache_;
  mutable std::vector<std::optional<TitleMatch>> titles_plain_;
  mutable std::vector<std::optional<TitleMatch>> titles_with_places_;
  uint32_t sentence_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace

std::vector<Mention> MentionFinder::Find(std::string_view text, const std::vector<Token>& tokens,
                                         const std::vector<Sentence>& sentences) const {
  std::vector<Mention> mentions = Scanner(rules_, text, tokens).Run(sentences);
  // Affiliations are emitted before the titled name they belong to, so the
  // order is already by position; keep it stable for equal starts.
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return mentions[a].token_begin < mentions[b].token_begin;
  });
  std::vector<int> new_index(mentions.size());
  for (size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<int>(k);
  std::vector<Mention> sorted;
  sorted.reserve(mentions.size());
  for (size_t k : order) {
    Mention mention = std::move(mentions[k]);
    if (mention.affiliation >= 0)
      mention.affiliation = new_index[static_cast<size_t>(mention.affiliation)];
    sorted.push_back(std::move(mention));
  }
  return sorted;
}

}  // namespace kg
