#include "extract/name_scan.h"

#include <algorithm>

#include "extract/pos/lexicon.h"

namespace kg {
NameScan::NameScan(const CompiledRules& rules, DocumentAnalysis& doc) : rules_(rules), doc_(doc) {
  // The memos sized once, for the document's longest sentence: grown
  // sentence by sentence, they would move their entries each time.
  size_t longest = 0;
  for (const Sentence& sentence : doc.sentences)
    longest = std::max<size_t>(longest, sentence.token_end - sentence.token_begin);
  lex_.Reset(longest);
  title_length_.Reset(longest);
  titles_plain_.Reset(longest);
  titles_with_places_.Reset(longest);
  run_end_.Reset(longest);
}

void NameScan::Reset(uint32_t sentence) {
  sentence_ = sentence;
  begin_ = doc_.sentences[sentence].token_begin;
  end_ = doc_.sentences[sentence].token_end;
  const size_t size = end_ - begin_;
  lex_.Reset(size);
  title_length_.Reset(size);
  titles_plain_.Reset(size);
  titles_with_places_.Reset(size);
  run_end_.Reset(size);
  last_title_end_ = 0;
}

size_t NameScan::LastTitleEnd() {
  // Backwards from the sentence's end to the first title found. Tokens no
  // title can start at are passed over without a lookup (and without
  // filling their memo): most sentences have no title at all.
  const PhraseIndex& titles = rules_.titles();
  for (size_t k = end_; k-- > begin_;) {
    if (title_length_.Find(k - begin_) == nullptr &&
        !titles.MayStart(token(k), Fuzzy::kCapitalized, /*lemmas=*/true)) {
      continue;
    }
    if (TitleLength(k) > 0) return k + 1;
  }
  return kNoTitle;
}

bool NameScan::PlaceCueBefore(size_t i) const {
  if (i <= begin_) return false;
  if (Has(i - 1, WordClass::kPlacePreposition)) return true;
  if (rules_.TakesPlaceAfter(token(i - 1).lemma, kNoWord) && IsVerb(token(i - 1).pos)) return true;
  return i >= begin_ + 2 && rules_.TakesPlaceAfter(token(i - 2).lemma, token(i - 1).word);
}

void NameScan::IndexWords() {
  // Room for what prose usually has: most tokens are lowercase words, a
  // few are capitalised inside sentences (repeats are kept once).
  lowercase_words_.Clear(doc_.tokens.size() / 2);
  capitalized_inside_.Clear(doc_.tokens.size() / 8);
  for (const Sentence& sentence : doc_.sentences) {
    for (size_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      const Token& word = doc_.tokens[t];
      if (!word.Is(kTokenWord) || word.Is(kTokenNumber)) continue;
      if (!word.Is(kTokenCapitalized)) {
        lowercase_words_.Insert(doc_.NormHash(t));
      } else if (t > sentence.token_begin && sentence.kind == LineKind::kBody &&
                 !Has(t - 1, WordClass::kQuote) && !Has(t - 1, WordClass::kClauseBreak)) {
        capitalized_inside_.Insert(doc_.NormHash(t));
      }
    }
  }
  words_indexed_ = true;
}

bool NameScan::OccursInLowercase(size_t i) {
  if (!words_indexed_) IndexWords();
  return lowercase_words_.Contains(doc_.NormHash(i));
}

bool NameScan::OccursCapitalizedInside(size_t i) {
  if (!words_indexed_) IndexWords();
  return capitalized_inside_.Contains(doc_.NormHash(i));
}

// ---- lexicon ---------------------------------------------------------------

bool NameScan::CaseFits(size_t i, const LexiconValue& value) const {
  for (size_t k = 0; i + k < end_ && k < 32; ++k) {
    if ((value.upper_mask >> k) == 0 && !value.acronym) break;
    const Token& word = token(i + k);
    if (!word.Is(kTokenWord)) continue;
    if (((value.upper_mask >> k) & 1u) != 0 && !word.Is(kTokenCapitalized)) return false;
    if (value.acronym && !word.Is(kTokenAllCaps) && ((value.upper_mask >> k) & 1u) != 0) {
      return false;
    }
  }
  return true;
}

NameScan::LexMatch NameScan::FindLex(size_t i) const {
  LexMatch best;
  rules_.lexicon().Match(doc_, i, end_, [&](size_t length, std::span<const uint32_t> values) {
    const LexiconValue* chosen = nullptr;
    for (uint32_t v : values) {
      const LexiconValue& value = rules_.lexicon_value(v);
      if (!CaseFits(i, value)) continue;
      if (chosen == nullptr ||
          (value.kind == LexiconValue::Kind::kName && chosen->kind != LexiconValue::Kind::kName)) {
        chosen = &value;
      }
    }
    if (chosen != nullptr) best = {length, chosen};
  });
  return best;
}

// ---- titles ----------------------------------------------------------------

size_t NameScan::TitleLengthAt(size_t i, std::span<const uint32_t>* values) {
  if (i >= end_) {
    *values = {};
    return 0;
  }
  const auto* cached = title_length_.Find(i - begin_);
  if (cached == nullptr) {
    std::span<const uint32_t> found;
    // Titles match in the plural too: "Presidents X of Brazil, Y of Russia".
    const size_t length = rules_.titles().Longest(doc_, i, end_, &found, Fuzzy::kCapitalized,
                                                  /*lemmas=*/true);
    cached = &title_length_.Set(i - begin_, {length, found});
  }
  *values = cached->second;
  return cached->first;
}

const NameScan::TitleMatch& NameScan::FindTitlesAt(size_t i, bool allow_place_modifiers) {
  static const TitleMatch kNone;
  if (i >= end_) return kNone;
  SentenceMemo<TitleMatch>& memo = allow_place_modifiers ? titles_with_places_ : titles_plain_;
  return memo.Set(i - begin_, ParseTitles(i, allow_place_modifiers));
}

NameScan::TitleMatch NameScan::ParseTitles(size_t i, bool allow_place_modifiers) {
  TitleMatch match;
  // The last title of a sequence gives the role ("chief spokesman"),
  // unless a subordinate title that also modifies others came first:
  // "deputy prime minister" is what "deputy" is.
  int modifying_title = -1;
  // Whether the last word taken was a title that also modifies: more
  // modifiers may follow it ("Deputy Assistant Secretary of State").
  bool modifying = false;
  size_t j = i;
  while (j < end_) {
    std::span<const uint32_t> values;
    const size_t length = TitleLengthAt(j, &values);
    std::span<const uint32_t> modifiers;
    const size_t modifier = rules_.title_modifiers().Longest(doc_, j, end_, &modifiers);
    if (length > 0) {
      const int title = static_cast<int>(values.front());
      if (match.title < 0 || TitleRole(title) >= 0) match.title = title;
      if (modifier >= length && !match.found && TitleRole(title) >= 0 &&
          Has(j, WordClass::kSubordinateTitle)) {
        modifying_title = title;
      }
      modifying = modifier >= length;
      match.found = true;
      j += length;
      match.end = j;
      // "president and chief executive of X": titles joined by a coordinator.
      if (j + 1 < end_ && Has(j, WordClass::kCoordinator) && TitleLengthAt(j + 1, &values) > 0) {
        ++j;
      }
      continue;
    }
    if (modifier > 0 && (!match.found || modifying)) {
      // "Norland's army chief": a title over a part of what it belongs to.
      if (!match.found && Has(j, WordClass::kFieldModifier)) match.field = true;
      j += modifier;
      // "co-leader", "ex-minister": a modifier joined to its title by a hyphen.
      if (j + 1 < end_ && Has(j, WordClass::kHyphen) && Joined(j)) ++j;
      continue;
    }
    // "Canadian Trade Minister", "Competition Commissioner": up to three
    // capitalised portfolio words before a title. A head word makes them a
    // name instead: "Harbor Fleet Commander" is the Harbor Fleet's, unless
    // it is a field after the affiliation ("EU Energy Commissioner"); so
    // does a word English does not have before a company's title: "Nordvik
    // Chairman" is Nordvik's ("Brexit Secretary" stays a portfolio).
    const auto portfolio_word = [&](size_t k) {
      return !HeadType(k) || (allow_place_modifiers && Has(k, WordClass::kFieldModifier));
    };
    if ((!match.found || modifying) && IsCapitalizedWord(j) && !IsGivenName(j) && !LexAt(j)) {
      size_t k = j;
      bool english = true;
      while (k < end_ && k < j + 3 && IsCapitalizedWord(k) && !IsGivenName(k) && !LexAt(k) &&
             portfolio_word(k) && TitleLengthAt(k, &values) == 0) {
        english = english && IsEnglishWord(k);
        ++k;
      }
      if (k < end_ && k > j && IsCapitalizedWord(k) && TitleLengthAt(k, &values) > 0 &&
          (english ||
           !rules_.pack().titles[values.front()].unqualified.Contains(EntityType::kOrganization))) {
        j = k;
        continue;
      }
    }
    // "the group's Gaza leader": a place may qualify a title; so may one or
    // two lowercase field nouns ("a Corvane sales director", "the Brookfield
    // University history professor", "Corvane's energy policy expert").
    const auto field_noun = [&](size_t k) {
      return k < end_ && IsCommonNoun(token(k).pos) && !token(k).Is(kTokenCapitalized);
    };
    // "Norland's military intelligence chief": an adjective may open a field
    // of two words.
    const auto field_adjective = [&](size_t k) {
      std::span<const uint32_t> opener;
      return k < end_ && IsAdjective(token(k).pos) && !token(k).Is(kTokenCapitalized) &&
             rules_.title_modifiers().Longest(doc_, k, end_, &opener) == 0;
    };
    if (allow_place_modifiers && !match.found && j == i && (field_noun(j) || field_adjective(j))) {
      size_t field = 1;
      if (j + 1 < end_ && TitleLengthAt(j + 1, &values) == 0 && field_noun(j + 1)) field = 2;
      if (field == 1 && !field_noun(j)) field = 0;
      if (field > 0 && j + field < end_ && TitleLengthAt(j + field, &values) > 0) {
        j += field;
        match.field = true;
        continue;
      }
    }
    if (allow_place_modifiers && !match.found) {
      const LexMatch lex = LexAt(j);
      if (IsLexiconPlace(lex)) {
        match.places.emplace_back(j, lex.length);
        j += lex.length;
        continue;
      }
    }
    break;
  }
  if (modifying_title >= 0 && modifying_title != match.title) match.title = modifying_title;
  if (!match.found) match.end = j;  // modifiers after the last title are not its
  return match;
}

// ---- names -----------------------------------------------------------------

bool NameScan::IsEnglishWord(size_t i) const {
  const pos::Lexicon& lexicon = pos::Lexicon::Default();
  const std::string_view lower = doc_.Norm(i);
  return IsEnglishNoun(i) || lexicon.Has(lower, pos::WordClass::kAdj);
}

bool NameScan::IsEnglishNoun(size_t i) const {
  const pos::Lexicon& lexicon = pos::Lexicon::Default();
  const std::string_view lower = doc_.Norm(i);
  if (lexicon.Has(lower, pos::WordClass::kNoun)) return true;
  // "Lines", "Airplanes": the lexicon holds a noun's singular only, and the
  // tagger takes a capitalised plural for a name, without a lemma.
  return lower.size() > 3 && lower.back() == 's' &&
         lexicon.Has(lower.substr(0, lower.size() - 1), pos::WordClass::kNoun);
}

bool NameScan::IsTitleSurname(size_t name, size_t i) {
  std::span<const uint32_t> values;
  if (i == name || !IsGivenName(name) || TitleLengthAt(i, &values) != 1) return false;
  // "Jordan King Tarek": a given name that is also a place's.
  for (const size_t k : {name, i - 1}) {
    if (const LexMatch lex = LexAt(k); lex && Entry(*lex.value).type != EntityType::kPerson) {
      return false;
    }
  }
  return i + 1 >= end_ || !IsNameWord(i + 1) || Has(i + 1, WordClass::kNameSuffix);
}

bool NameScan::IsOrdinaryCapitalizedOpener(size_t i) {
  const Sentence& sentence = doc_.sentences[sentence_];
  const bool opening = i == begin_ || i == begin_ + sentence.dateline_end ||
                       Has(i - 1, WordClass::kQuote) || Has(i - 1, WordClass::kClauseBreak) ||
                       Has(i - 1, WordClass::kOpenBracket);
  if (!opening) return false;
  if (IsGivenName(i) || TitlesAt(i, false).found || Has(i, WordClass::kEventHead)) return false;
  if (Has(i, WordClass::kCommonWord)) return true;
  if (IsProperNoun(token(i).pos)) return false;
  // The tagger sees a capitalised common word at a sentence start for what
  // it is ("Despite", "Rebels", "Officials"), unless the document writes it
  // capitalised inside sentences too ("Trump"), or it opens a name with the
  // capitalised word after it ("Real Madrid", "European Union").
  if (OccursInLowercase(i)) return true;
  if (OccursCapitalizedInside(i)) return false;
  const Pos pos = token(i).pos;
  return !(i + 1 < end_ && IsNameWord(i + 1) && (IsAdjective(pos) || IsCommonNoun(pos)));
}

bool NameScan::CanNameWordOpenName(size_t i) {
  if (token(i).Is(kTokenAllCaps) || !Has(i, WordClass::kCommonWord)) return true;
  // '"My advisers"': a pronoun is no given name ("My" is one too).
  if (token(i).pos == Pos::kPRP || token(i).pos == Pos::kPRPS) return false;
  // "Will Smith" but "Will China invade ...?": a given name that is also a
  // common word opens no name before a known one at a sentence start.
  return IsGivenName(i) && !(i == begin_ && i + 1 < end_ && LexAt(i + 1));
}

std::optional<EntityType> NameScan::HeadType(size_t i) const {
  if (!IsCapitalizedWord(i)) return std::nullopt;
  if (Has(i, WordClass::kOrganizationHead)) return EntityType::kOrganization;
  if (Has(i, WordClass::kLocationHead)) return EntityType::kLocation;
  if (Has(i, WordClass::kPersonHead)) return EntityType::kPerson;
  return std::nullopt;
}

bool NameScan::HasHead(size_t begin, size_t end) const {
  for (size_t k = begin; k < end; ++k) {
    if (HeadType(k)) return true;
  }
  return false;
}

bool NameScan::IsNounHead(size_t i) const {
  if (!IsCapitalizedWord(i) || token(i).Is(kTokenAllCaps) || IsGivenName(i) ||
      Has(i, WordClass::kNonName) || Has(i, WordClass::kProperNoun)) {
    return false;
  }
  return IsEnglishNoun(i);
}

size_t NameScan::NameWordRunEnd(size_t i) {
  size_t j = i;
  std::span<const uint32_t> values;
  if (CanNameWordOpenName(i)) {
    j = i + 1;
    bool has_head = HeadType(i).has_value();
    bool joined = false;  // whether the name went on past "of" or "for"
    // Whether the capitalised words from `k` on end in a head word.
    const auto has_head_ahead = [&](size_t k) {
      for (; k < end_ && IsCapitalizedWord(k); ++k) {
        if (HeadType(k)) return true;
      }
      return false;
    };
    // Whether the words in [from, to) are all English words ("Securities",
    // "Food"), as opposed to a person's name ("Ivo Marek").
    const auto english_words = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) {
        if (token(k).Is(kTokenWord) && pos::Lexicon::Default().Classes(doc_.Norm(k)) == 0) {
          return false;
        }
      }
      return !IsGivenName(from);
    };
    // The end of lowercase name particles and the name word they lead to
    // ("von der Leyen", "al-Assad", "bin Salman"), or `k` when there are none.
    const auto particles_end = [&](size_t k) {
      size_t p = k;
      while (p < end_ && Has(p, WordClass::kNameParticle) && !token(p).Is(kTokenCapitalized)) {
        ++p;
        if (p < end_ && Has(p, WordClass::kHyphen) && Joined(p)) ++p;
      }
      return p > k && p < end_ && IsNameWord(p) ? p + 1 : k;
    };
    // The lowercase second half of a hyphenated given name ("Min-jun"), as
    // opposed to an English word ("US-led", "Qatar-based").
    const auto name_syllable = [&](size_t k) {
      return token(k).Is(kTokenWord) && !token(k).Is(kTokenCapitalized) &&
             doc_.tokens[k].norm.size() <= 3 && !IsVerb(token(k).pos) &&
             !Has(k, WordClass::kCommonWord);
    };
    // Whether the title starting at k (perhaps after capitalised portfolio
    // words, "Trade Minister") belongs to the name: a surname ("Nadia
    // King") or a word before a head ("Harbor Pilots Association").
    const auto title_in_name = [&](size_t k) {
      size_t word = k;
      while (word < end_ && word < k + 3 && TitleLengthAt(word, &values) == 0 &&
             IsCapitalizedWord(word)) {
        ++word;
      }
      return IsTitleSurname(i, word) || has_head_ahead(word + TitleLengthAt(word, &values));
    };
    while (j < end_) {
      // A title ends a name ("Hamas Leader X"), but a head word that only
      // modifies titles goes on with it ("Liberal Party lawmaker"), and so
      // does a title that belongs to the name.
      const bool title =
          IsTitleStart(j) && (!HeadType(j) || TitleLengthAt(j, &values) > 0) && !title_in_name(j);
      if (IsNameWord(j) && token(j).Is(kTokenSpaceBefore) && !title) {
        has_head = has_head || HeadType(j).has_value();
        ++j;
      } else if (IsCapitalizedWord(j) && Has(j, WordClass::kNonName) && j + 1 < end_ &&
                 IsNameWord(j + 1) && HeadType(j + 1)) {
        j += 2;  // "Victory Day Committee": a day inside a name with a head
      } else if (Has(j, WordClass::kHyphen) && Joined(j) && j + 1 < end_ && Joined(j + 1) &&
                 (IsNameWord(j + 1) || name_syllable(j + 1))) {
        j += 2;
      } else if (size_t after = particles_end(j); after > j) {
        j = after;
      } else if (size_t nickname = QuotedNicknameEnd(i, j); nickname > j) {
        j = nickname;
      } else if (j > i && !has_head && IsPossessive(j) && j + 1 < end_ && IsNameWord(j + 1) &&
                 IsEnglishNoun(j - 1) && !LexAt(j - 1) && !IsGivenName(j - 1) &&
                 has_head_ahead(j + 1)) {
        ++j;  // "Nordic People's Party", "Corvane Workers' Union"
      } else if ((((has_head || IsNounHead(j - 1)) && Has(j, WordClass::kNameJoiner) &&
                   !token(j).Is(kTokenCapitalized) && !Has(j - 1, WordClass::kCorporateSuffix)) ||
                  (Has(j, WordClass::kCoordinator) && !HeadType(j - 1) &&
                   (has_head || english_words(i, j)) &&
                   (has_head_ahead(j + 1) || (has_head && joined && !LexAt(j + 1))))) &&
                 j + 1 < end_ && IsNameWord(j + 1)) {
        // "Ministry of Defense", "Council for Arab Affairs", "Securities and
        // Exchange Commission", "Chamber of Trade and Industry"; but "Acme
        // Corporation and Globex Corporation" and "Ivo Marek and Harbor
        // Fleet" are two names, and a legal form ends one ("Acme Corp. of
        // Tulsa").
        joined = joined || Has(j, WordClass::kNameJoiner);
        j += 2;
      } else {
        break;
      }
    }
  }
  return j;
}

size_t NameScan::QuotedNicknameEnd(size_t i, size_t j) const {
  // 'Carl "Buddy" Brandt', "Ana 'La Roja' Ruiz": one or two capitalised words
  // in quotes between a given name and a surname.
  if (j != i + 1 || !IsGivenName(i) || !Has(j, WordClass::kQuote)) return j;
  for (size_t words = 1; words <= 2; ++words) {
    const size_t close = j + 1 + words;
    if (close + 1 >= end_ || !IsNameWord(close - 1)) return j;
    if (Has(close, WordClass::kQuote) && IsNameWord(close + 1)) return close + 1;
  }
  return j;
}

bool NameScan::IsTitledSurname(size_t i, size_t j) {
  // "Sen. Bob Smith", "Secretary Baker": many surnames are English nouns
  // (smith, baker, miller), which would make the run read as a name of
  // English words ("Supreme Court"). After a title, a given name opens a
  // person's name; so does one singular word English has only as a noun,
  // after a title that is no adjective ("General Instrument", "General
  // Electric" and "General Motors" stay organizations).
  const TitleMatch& titles = TitlesAt(i, false);
  if (!titles.found || titles.end >= j) return false;
  const size_t name = titles.end;
  if (IsGivenName(name)) return true;
  const pos::Lexicon& lexicon = pos::Lexicon::Default();
  const std::string_view lower = doc_.Norm(name);
  return name + 1 == j && !lower.empty() && lower.back() != 's' &&
         lexicon.Has(lower, pos::WordClass::kNoun) && !lexicon.Has(lower, pos::WordClass::kAdj) &&
         !lexicon.Has(doc_.Norm(i), pos::WordClass::kAdj);
}

NameScan::RunType NameScan::ClassifyRun(size_t i, size_t j) {
  bool has_head = false;
  EntityType head = EntityType::kOrganization;
  bool event = false;
  for (size_t k = i; k < j; ++k) {
    if (IsCapitalizedWord(k) && Has(k, WordClass::kEventHead)) {
      event = true;
      has_head = false;  // "Operation Iron Shield"; but "Victory Day Committee"
    } else if (auto type = HeadType(k)) {
      if (k + 1 == j || !has_head) head = *type;
      has_head = true;
    }
  }
  if (has_head) return {RunKind::kEntity, head};
  if (event) return {RunKind::kEvent, EntityType::kPerson};
  size_t words = 0;
  for (size_t k = i; k < j; ++k) words += token(k).Is(kTokenWord) ? 1u : 0u;
  if (words == 1) {
    if (token(i).Is(kTokenAllCaps) && doc_.tokens[i].norm.size() <= 6) {
      return {RunKind::kEntity, EntityType::kOrganization};
    }
    if (IsGivenName(i)) return {RunKind::kEntity, EntityType::kPerson};
    return {RunKind::kUnknownSingle, EntityType::kPerson};
  }
  // A person's name starts with a given name, or is made of words that are
  // no ordinary English ("Ratsimandresy"); "Politics Show" and "Violent
  // Crime" are capitalised phrases of unknown kind.
  if (IsGivenName(i)) return {RunKind::kEntity, EntityType::kPerson};
  if (IsTitledSurname(i, j)) return {RunKind::kEntity, EntityType::kPerson};
  // "Real Madrid", "Inter Milan": a known place inside a name without a
  // given name makes an organization, not a person.
  for (size_t k = i; k < j; ++k) {
    const LexMatch lex = LexAt(k);
    if (IsLexiconPlace(lex) && k + lex.length <= j) {
      return {RunKind::kEntity, EntityType::kOrganization};
    }
  }
  // "Human Rights Watch", "Supreme Court": a name of English words that ends
  // in a common noun; "Anselm Quist" has a word English does not know.
  if (IsNounHead(j - 1)) {
    bool english = true;
    for (size_t k = i; k + 1 < j && english; ++k) {
      english = !token(k).Is(kTokenWord) || Has(k, WordClass::kNameJoiner) ||
                pos::Lexicon::Default().Classes(doc_.Norm(k)) != 0 || LexAt(k);
    }
    if (english) return {RunKind::kEntity, EntityType::kOrganization};
  }
  for (size_t k = i; k < j; ++k) {
    if (!token(k).Is(kTokenWord)) continue;
    if (Has(k, WordClass::kCommonWord) || token(k).Is(kTokenNumber) || OccursInLowercase(k)) {
      return {RunKind::kUnknownPhrase, EntityType::kOrganization};
    }
  }
  return {RunKind::kEntity, EntityType::kPerson};
}

// ---- affiliations and descriptions -------------------------------------------

size_t NameScan::DescriptionLength(size_t i) const {
  if (!Has(i, WordClass::kArticle)) return 0;
  std::span<const uint32_t> values;
  return rules_.descriptions().Longest(doc_, i, end_, &values);
}

size_t NameScan::CollectiveEnd(size_t j) const {
  std::span<const uint32_t> values;
  return j + rules_.collectives().Longest(doc_, j, end_, &values, Fuzzy::kAny);
}

int NameScan::CollectiveAt(size_t j) const {
  std::span<const uint32_t> values;
  if (rules_.collectives().Longest(doc_, j, end_, &values, Fuzzy::kAny) == 0) {
    return -1;
  }
  return static_cast<int>(values.front());
}

size_t NameScan::RunFromKnownName(size_t i, const LexMatch& lex) {
  const size_t lex_end = i + lex.length;
  const size_t run = NameRunEnd(i);
  // "New York Harbor Police": "New" opens no name of its own (nor does
  // "Police"), but the known name it begins may go on past its last word.
  return run >= lex_end ? run : std::max(lex_end, NameRunEnd(lex_end - 1));
}

NameScan::LongerName NameScan::LongerNameAt(size_t i, const LexMatch& lex) {
  const size_t lex_end = i + lex.length;
  const size_t run = RunFromKnownName(i, lex);
  if (run <= lex_end) return LongerName::kNone;
  const RunType type = ClassifyRun(i, run);
  const bool named_thing = type.kind == RunKind::kEntity && type.type != EntityType::kPerson;
  if (named_thing && HasHead(i, run)) return LongerName::kHeaded;
  // "EU Energy Commissioner": capitalised words before a capitalised title
  // are its portfolio.
  const bool part =
      named_thing && Entry(*lex.value).type == EntityType::kOrganization && !IsTitleStart(run);
  if (!part && !IsLexiconPlace(lex)) return LongerName::kNone;
  for (size_t k = lex_end; k < run; ++k) {
    if (!token(k).Is(kTokenWord)) continue;
    if (LexAt(k) || IsGivenName(k) || IsTitleStart(k) || !IsCapitalizedWord(k)) {
      return LongerName::kNone;
    }
  }
  return LongerName::kOrganization;
}

bool NameScan::IsNamedBody(size_t i, const LexMatch& lex, size_t run) {
  // "New York Harbor Authority President X", "Norwegian Dairy Board Chief
  // Executive X", "Senate Farm Committee Chairman X", "Ohio Supreme Court
  // Justice X": a known name and two or more words with a head name one
  // body, title after it or not. Not "Peru and Energy Minister X", "(told)
  // Reuters Senate Farm Committee Chairman X" (two known names), "Danish
  // Deputy Chief Cabinet Secretary".
  const size_t lex_end = i + lex.length;
  if (run < lex_end + 2 || !IsCapitalizedWord(lex_end)) return false;
  const bool place =
      IsLexiconPlace(lex) || lex.value->kind == LexiconValue::Kind::kDemonymAdjective;
  if (!place && LexAt(lex_end)) return false;
  for (size_t k = lex_end; k < run; ++k) {
    // "Justice" of "Ohio Justice Department" is no title.
    if (const LexMatch known = LexAt(k)) {
      k += known.length - 1;
      continue;
    }
    // A title inside the run, not one that a modifier opens before the
    // run's end ("Party" of "Party Chair").
    if (IsTitleStart(k) && TitlesAt(k, false).end <= run) return false;
  }
  return true;
}

size_t NameScan::AffiliationEnd(size_t i) {
  if (i >= end_) return i;  // "... said the Russian": the sentence ends
  size_t j = i;
  if (const LexMatch lex = LexAt(i); lex && lex.value->kind != LexiconValue::Kind::kDemonymPlural) {
    // "Oslo Harbor Police chief X", "Corvane Research analyst X": a name
    // that ends in an organization's head; but "EU Energy Commissioner X"
    // keeps its portfolio, though "Energy" heads names too, and "Senate
    // Democratic leader X" is the Senate's.
    const LongerName longer = LongerNameAt(i, lex);
    const size_t run = RunFromKnownName(i, lex);
    const bool own_name =
        longer == LongerName::kOrganization ||
        (longer == LongerName::kHeaded && HeadType(run - 1) == EntityType::kOrganization &&
         (!IsTitleStart(run) || IsNamedBody(i, lex, run)));
    j = own_name ? run : i + lex.length;
  } else if (const size_t description = DescriptionLength(i); description > 0) {
    j = i + description;
    if (!IsPossessive(j)) return i;
  } else {
    const size_t run = NameRunEnd(i);
    if (run == i) return i;
    // "Army spokesman": a head word alone names no one organization.
    if (run == i + 1 && HeadType(i) && !token(i).Is(kTokenAllCaps)) return i;
    const RunType type = ClassifyRun(i, run);
    if (type.kind != RunKind::kEntity || type.type == EntityType::kPerson) return i;
    j = run;
  }
  if (IsPossessive(j)) ++j;
  return j;
}

// ---- adding mentions -----------------------------------------------------------

int NameScan::Add(size_t begin, size_t end, size_t name_begin, size_t name_end, EntityType type,
                  MentionKind kind) {
  Mention mention;
  mention.span = {token(begin).span.begin, token(end - 1).span.end};
  mention.token_begin = static_cast<uint32_t>(begin);
  mention.token_end = static_cast<uint32_t>(end);
  mention.name_begin = static_cast<uint32_t>(name_begin);
  mention.name_end = static_cast<uint32_t>(name_end);
  mention.sentence = sentence_;
  mention.type = type;
  mention.kind = kind;
  doc_.mentions.push_back(mention);
  return static_cast<int>(doc_.mentions.size() - 1);
}

int NameScan::AddLexicon(size_t i, const LexiconValue& value, size_t length, bool literal) {
  const LexiconEntry& entry = Entry(value);
  int target = static_cast<int>(value.entry);
  EntityType type = entry.type;
  // "Washington said" is the government; "in Washington" is the city.
  if (!literal && !entry.metonym_of.empty() && !PlaceCueBefore(i) &&
      !(i > begin_ && Has(i - 1, WordClass::kGenitive))) {
    target = rules_.FindEntity(entry.metonym_of);
    type = rules_.pack().entities[static_cast<size_t>(target)].type;
  }
  MentionKind kind = MentionKind::kName;
  if (value.kind == LexiconValue::Kind::kDemonymAdjective) kind = MentionKind::kModifier;
  if (value.kind == LexiconValue::Kind::kDemonymPlural) kind = MentionKind::kCollective;
  const int m = Add(i, i + length, i, i + length, type, kind);
  mention(m).lexicon_entry = target;
  // Known people ("Bibi") join the text's own names through their entry,
  // so they go through coreference like any other name.
  mention(m).from_lexicon = type != EntityType::kPerson;
  return m;
}

int NameScan::AddAffiliation(size_t i, size_t end) {
  const size_t name_end = IsPossessive(end - 1) ? end - 1 : end;
  if (const LexMatch lex = LexAt(i); lex && i + lex.length == name_end) {
    return AddLexicon(i, *lex.value, lex.length);
  }
  if (Has(i, WordClass::kArticle)) {
    std::span<const uint32_t> values;
    if (rules_.descriptions().Longest(doc_, i, end_, &values) > 0 && !values.empty()) {
      const auto& description = rules_.pack().descriptions[values.front()];
      const int m = Add(i, name_end, i, name_end, description.type, MentionKind::kDescription);
      mention(m).description = static_cast<int>(values.front());
      return m;
    }
    // "An Energy Ministry official" at a sentence start: the name follows.
    if (i + 1 < name_end) ++i;
  }
  // "NBT President X" after "the Nordic Bank for Trade (NBT)".
  if (const int named = DefinedAcronym(i);
      named >= 0 && i + 1 == name_end && mention(named).type == EntityType::kOrganization) {
    const Mention source = mention(named);  // a copy: Add may move the mentions
    const int m = Add(i, name_end, i, name_end, source.type, MentionKind::kName);
    mention(m).lexicon_entry = source.lexicon_entry;
    mention(m).from_lexicon = source.from_lexicon;
    mention(m).same_as = named;
    return m;
  }
  // What a title belongs to is no person: "an Emery employee".
  const RunType type = ClassifyRun(i, name_end);
  const EntityType group = type.type == EntityType::kPerson ? EntityType::kOrganization : type.type;
  return Add(i, name_end, i, name_end, group, MentionKind::kName);
}

void NameScan::AddPlaces(const TitleMatch& titles) {
  for (const auto& [at, length] : titles.places) {
    if (const LexMatch lex = LexAt(at)) AddLexicon(at, *lex.value, length);
  }
}

bool NameScan::AreInitials(size_t acronym, size_t begin, size_t end) const {
  const std::string_view letters = doc_.Norm(acronym);
  size_t next = 0;
  for (size_t k = begin; k < end && next < letters.size(); ++k) {
    const std::string_view word = doc_.Norm(k);
    if (token(k).Is(kTokenWord) && !word.empty() && word.front() == letters[next]) ++next;
  }
  return next == letters.size();
}

size_t NameScan::ParentheticalAcronym(size_t run, int named) {
  if (!(run + 2 < end_ && Has(run, WordClass::kOpenBracket) && token(run + 1).Is(kTokenAllCaps) &&
        Has(run + 2, WordClass::kCloseBracket))) {
    return run;
  }
  const Mention& name = mention(named);
  // "Ivo Marek (SPD)": after a person's name, letters that are not its
  // initials name the group the person belongs to, not the person.
  if (name.type == EntityType::kPerson && !AreInitials(run + 1, name.name_begin, name.name_end)) {
    if (doc_.Norm(run + 1).size() < 2) return run;
    const int group =
        Add(run + 1, run + 2, run + 1, run + 2, EntityType::kOrganization, MentionKind::kName);
    mention(named).bracketed = group;
    return run + 3;
  }
  const int acronym = Add(run + 1, run + 2, run + 1, run + 2, name.type, MentionKind::kName);
  Mention& added = mention(acronym);
  added.lexicon_entry = mention(named).lexicon_entry;
  added.from_lexicon = mention(named).from_lexicon;
  added.same_as = named;
  acronyms_.emplace_back(run + 1, named);
  return run + 3;
}

int NameScan::FindDefinedAcronym(size_t i) const {
  const std::string_view norm = doc_.Norm(i);
  for (const auto& [at, named] : acronyms_) {
    if (doc_.Norm(at) == norm) return named;
  }
  return -1;
}

}  // namespace kg
