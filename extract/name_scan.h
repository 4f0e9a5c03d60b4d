// The lookups that the mention constructions share within one sentence:
// lexicon names, titles, runs of capitalised name words and their type,
// affiliations ("Israeli", "Hamas's") that a title belongs to, and the
// adding of mentions. Lookups asked again at the same token are memoized;
// the memos are reused from sentence to sentence, so scanning a document
// allocates per sentence at most what its longest sentence needs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "extract/annotations.h"
#include "extract/compiled_rules.h"
#include "extract/sentence_memo.h"
#include "extract/word_hash_set.h"

namespace kg {

class NameScan {
 public:
  NameScan(const CompiledRules& rules, DocumentAnalysis& doc);

  // Starts on a sentence: later calls look at its tokens only.
  void Reset(uint32_t sentence);
  uint32_t sentence() const { return sentence_; }
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  const CompiledRules& rules() const { return rules_; }
  DocumentAnalysis& doc() { return doc_; }
  const DocumentAnalysis& doc() const { return doc_; }

  // ---- words ----
  const Token& token(size_t i) const { return doc_.tokens[i]; }
  bool Has(size_t i, WordClass c) const { return rules_.Has(doc_.tokens[i].word, c); }
  bool IsCapitalizedWord(size_t i) const {
    return token(i).Is(kTokenWord) && token(i).Is(kTokenCapitalized);
  }
  bool IsPossessive(size_t i) const {
    return i < end_ && (Has(i, WordClass::kPossessiveMarker) || token(i).pos == Pos::kPOS);
  }
  bool Joined(size_t i) const { return i < end_ && !token(i).Is(kTokenSpaceBefore); }
  bool IsGivenName(size_t i) const { return IsCapitalizedWord(i) && Has(i, WordClass::kGivenName); }
  // "in Washington", "visited Beijing": the place itself is meant.
  bool PlaceCueBefore(size_t i) const;
  // Whether a word occurs in lowercase somewhere in the document, or
  // capitalised inside a sentence (not at its start).
  bool OccursInLowercase(size_t i);
  bool OccursCapitalizedInside(size_t i);

  // ---- lexicon ----
  struct LexMatch {
    size_t length = 0;
    const LexiconValue* value = nullptr;
    explicit operator bool() const { return value != nullptr; }
  };
  // Inline, as are the quick answers below: the mention constructions ask
  // these at nearly every word, and most words end up in none of them.
  LexMatch LexAt(size_t i) {
    // Past the sentence there is no match, as for TitlesAt and NameRunEnd:
    // callers look one token ahead without checking.
    if (i >= end_) return {};
    if (const LexMatch* cached = lex_.Find(i - begin_)) return *cached;
    // Most words start no lexicon name: ruled out by one bit, no call.
    const bool may_start = rules_.lexicon().MayStart(token(i), Fuzzy::kNone, /*lemmas=*/false);
    return lex_.Set(i - begin_, may_start ? FindLex(i) : LexMatch{});
  }
  // Tokens of the longest title starting at i ("chief executive"), or 0.
  size_t TitleLength(size_t i) {
    std::span<const uint32_t> values;
    return TitleLengthAt(i, &values);
  }
  const LexiconEntry& Entry(const LexiconValue& value) const {
    return rules_.pack().entities[value.entry];
  }
  // What the capitalised words after a known name at i make of it.
  enum class LongerName {
    kNone,          // nothing: the known name stands alone
    kHeaded,        // a name with its own head: "Israel Defense Forces"
    kOrganization,  // an organization: a place followed by plain words ("Iran
                    // Voice"), or an organization's part ("Corvane Research")
  };
  LongerName LongerNameAt(size_t i, const LexMatch& lex);
  // Where the name run that holds the known name at i ends.
  size_t RunFromKnownName(size_t i, const LexMatch& lex);
  // Whether the run [i, run) is a known name and words naming a body of it.
  bool IsNamedBody(size_t i, const LexMatch& lex, size_t run);
  bool IsLexiconPlace(const LexMatch& lex) const {
    return lex && lex.value->kind == LexiconValue::Kind::kName &&
           Entry(*lex.value).type == EntityType::kLocation;
  }

  // ---- titles ----
  struct TitleMatch {
    size_t end = 0;  // token after the last title word
    int title = -1;  // the title that gives the role, or the last one
    bool found = false;
    // A field noun before the title: it is over a part of the affiliation
    // ("a Corvane sales director"), so it ranks as a subordinate title.
    bool field = false;
    std::vector<std::pair<size_t, size_t>> places;  // "Gaza" in "the group's Gaza leader"
  };
  // Memoized; a remembered answer is returned inline.
  const TitleMatch& TitlesAt(size_t i, bool allow_place_modifiers) {
    if (i < end_) {
      const auto& memo = allow_place_modifiers ? titles_with_places_ : titles_plain_;
      if (const TitleMatch* cached = memo.Find(i - begin_)) return *cached;
    }
    return FindTitlesAt(i, allow_place_modifiers);
  }
  // Whether a title starts at i or after it in the sentence: no title
  // match, and so no titled person, can start where none follows. Inline:
  // it is asked at nearly every word, and is known after the first time.
  bool TitleFollows(size_t i) {
    if (last_title_end_ == 0) last_title_end_ = LastTitleEnd();
    return last_title_end_ != kNoTitle && i < last_title_end_;
  }
  bool IsTitleStart(size_t i) { return IsCapitalizedWord(i) && TitlesAt(i, false).found; }
  int TitleRole(int title) const {
    return title < 0 ? -1 : rules_.TitleRole(static_cast<size_t>(title));
  }

  // ---- names ----
  bool IsNameWord(size_t i) const {
    return i < end_ && IsCapitalizedWord(i) && !Has(i, WordClass::kNonName);
  }
  // Whether a one-word title at i, in a name that opens with a given name
  // at `name`, ends the name or comes before a generation: a surname
  // ("Nadia King", "Carl Bishop Jr."), where a name after it would make it
  // a title ("Jordan King Tarek" is no name).
  bool IsTitleSurname(size_t name, size_t i);
  // A word English has as a noun or adjective (WordNet): "Trade", "Competition".
  bool IsEnglishWord(size_t i) const;
  // The token after a quoted nickname at j inside a name opened by a given
  // name at i ('Carl "Buddy" Brandt'), or j.
  size_t QuotedNicknameEnd(size_t i, size_t j) const;
  // Whether the word at i is an English noun, singular or plural.
  bool IsEnglishNoun(size_t i) const;
  bool CanOpenName(size_t i) { return IsNameWord(i) && CanNameWordOpenName(i); }
  // Whether the run [i, j) is titles before a person's name whose surname
  // may be an English noun ("Secretary Baker").
  bool IsTitledSurname(size_t i, size_t j);
  // A sentence-opening capitalised word that is an ordinary word ("Then",
  // "Despite", "Rebels") rather than a name.
  bool IsOrdinaryOpener(size_t i) {
    return IsCapitalizedWord(i) && !token(i).Is(kTokenAllCaps) && IsOrdinaryCapitalizedOpener(i);
  }
  // The end of a run of capitalised name words starting at `i` (== i when
  // there is none).
  size_t NameRunEnd(size_t i) {
    if (!IsNameWord(i)) return i;  // no name can open there (CanOpenName)
    if (const size_t* cached = run_end_.Find(i - begin_)) return *cached;
    return run_end_.Set(i - begin_, NameWordRunEnd(i));
  }

  enum class RunKind { kEntity, kEvent, kUnknownSingle, kUnknownPhrase };
  struct RunType {
    RunKind kind = RunKind::kEntity;
    EntityType type = EntityType::kPerson;
  };
  RunType ClassifyRun(size_t i, size_t j);
  std::optional<EntityType> HeadType(size_t i) const;
  // Whether a head word stands in [begin, end).
  bool HasHead(size_t begin, size_t end) const;
  // A capitalised English common noun that is no given name ("Chamber",
  // "Society", "Watch"): the head of an organization's name.
  bool IsNounHead(size_t i) const;

  // ---- affiliations and descriptions ----
  size_t DescriptionLength(size_t i) const;  // "the group" at i, or 0
  size_t CollectiveEnd(size_t j) const;      // "officials" at j: its end, or j
  int CollectiveAt(size_t j) const;          // its pack index, or -1
  // An organization or country a following title belongs to: a lexicon name
  // or demonym ("Hamas", "Israeli"), a description ("the group"), or an
  // organization-headed name, each optionally possessive ("Iran's"). Returns
  // the token after it, or `i`.
  size_t AffiliationEnd(size_t i);

  // ---- adding mentions ----
  int Add(size_t begin, size_t end, size_t name_begin, size_t name_end, EntityType type,
          MentionKind kind);
  Mention& mention(int m) { return doc_.mentions[static_cast<size_t>(m)]; }
  // `literal`: the place itself, never the government it may stand for
  // ("WASHINGTON (Reuters) -" is the city).
  int AddLexicon(size_t i, const LexiconValue& value, size_t length, bool literal = false);
  int AddAffiliation(size_t i, size_t end);
  void AddPlaces(const TitleMatch& titles);
  // "Israel Defense Forces (IDF)": the acronym names the same entity, here
  // and wherever the document uses it again. Returns the token after it.
  size_t ParentheticalAcronym(size_t run, int named);
  // Whether the letters of the token `acronym` are, in order, initials of
  // words in [begin, end) ("KBT" for "Karim bin Tarek").
  bool AreInitials(size_t acronym, size_t begin, size_t end) const;
  // A later use of an acronym the document defined: the mention it copies.
  bool has_defined_acronyms() const { return !acronyms_.empty(); }
  int DefinedAcronym(size_t i) const {
    if (acronyms_.empty() || !token(i).Is(kTokenAllCaps)) return -1;
    return FindDefinedAcronym(i);
  }

 private:
  LexMatch FindLex(size_t i) const;
  // The slow parts of the inline queries above, for a word they did not
  // rule out: a name word, a capitalised word not in capitals, an acronym.
  bool CanNameWordOpenName(size_t i);
  bool IsOrdinaryCapitalizedOpener(size_t i);
  size_t NameWordRunEnd(size_t i);
  int FindDefinedAcronym(size_t i) const;
  bool CaseFits(size_t i, const LexiconValue& value) const;
  TitleMatch ParseTitles(size_t i, bool allow_place_modifiers);
  const TitleMatch& FindTitlesAt(size_t i, bool allow_place_modifiers);  // TitlesAt, not known
  size_t TitleLengthAt(size_t i, std::span<const uint32_t>* values);

  const CompiledRules& rules_;
  DocumentAnalysis& doc_;
  uint32_t sentence_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  // Per-token memos for the current sentence, indexed from begin_.
  SentenceMemo<LexMatch> lex_;
  SentenceMemo<std::pair<size_t, std::span<const uint32_t>>> title_length_;
  SentenceMemo<TitleMatch> titles_plain_;
  SentenceMemo<TitleMatch> titles_with_places_;
  SentenceMemo<size_t> run_end_;
  // One past the last token that starts a title, or 0 before it is known
  // (kNoTitle: none in the sentence).
  static constexpr size_t kNoTitle = SIZE_MAX;
  size_t last_title_end_ = 0;
  size_t LastTitleEnd();  // its value for the sentence
  // Hashes of the document's lowercase words and of its capitalised words
  // inside sentences; built on first use.
  void IndexWords();
  WordHashSet lowercase_words_;
  WordHashSet capitalized_inside_;
  bool words_indexed_ = false;
  std::vector<std::pair<size_t, int>> acronyms_;  // token of a defined acronym, its mention
};

}  // namespace kg
