// Finding the arguments of a relation trigger within one sentence: which
// entity mention a noun phrase stands for, the subject of a verb group
// (past appositions, relative clauses, coordinated verbs and infinitives),
// coordinated lists ("A, B and C"), possessors. Shared by frames
// (frame_matcher.h) and patterns (pattern_matcher.h).
//
// Built per sentence over reused buffers; each lookup costs a bounded
// number of steps, so a sentence costs time linear in its length.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/sentence_context.h"

namespace kg {

class Arguments {
 public:
  // How far an apposition or relative clause between commas may reach.
  static constexpr size_t kMaxApposition = 20;

  explicit Arguments(SentenceContext& context);

  SentenceContext& context() { return c_; }
  const Mention& mention(int m) const { return c_.doc.mentions[static_cast<size_t>(m)]; }
  int Entity(int m) const { return m < 0 ? -1 : mention(m).entity; }

  // The outermost mention starting / ending at token t, or -1.
  int StartAt(size_t t) const { return c_.Inside(t) ? start_at_[t - c_.begin] : -1; }
  int EndAt(size_t t) const { return c_.Inside(t) ? end_at_[t - c_.begin] : -1; }

  // A mention that can be an argument: resolved, and not a bare adjective.
  bool IsArgument(int m) const;
  // "Houthi-controlled": a name that only modifies the next word.
  bool IsHyphenModifier(int m) const;
  // "its shareholders": a possessive pronoun before a noun stands for the
  // owner, not for an argument of the verb before it.
  bool IsPossessiveDeterminer(int m) const;

  // The argument mention a phrase starting at t stands for: a mention there,
  // after a determiner or modifiers of its noun phrase ("the embattled
  // Netanyahu"), a place behind its noun ("the port of Odesa"), a collective
  // behind its noun ("leaders of Hamas"); with `chain`, the possessed one of
  // a possessive chain ("the IRGC's Quds Force") and nothing for a phrase
  // whose head is another noun ("Okafor's assassin"); without, the
  // possessor itself. -1 if none.
  int ArgumentAt(size_t t, bool chain, bool allow_hyphen = false) const;
  size_t EndOf(int m) const { return mention(m).token_end; }
  size_t BeginOf(int m) const { return mention(m).token_begin; }

  // The argument ending at t, looking past an apposition or relative clause
  // between commas ("Burns, the C.I.A. director, met") and through a
  // relative pronoun to its antecedent. -1 if none.
  int ArgumentEndingAt(long t) const;
  // The person a noun phrase without a name ending at t describes, as an
  // apposition or after a copula: "Ray, the man", "Ray was the gunman" (for
  // "... who killed King"). -1 if none.
  int DescribedBy(size_t t) const;

  // More arguments joined to m: "A and B", "A, B and C" (a list joined by
  // commas alone is none). Returns the token after the list.
  size_t CoordinateForward(int m, std::vector<int>* args) const;
  // The same leftwards; returns the token before the list.
  long CoordinateBackward(int m, std::vector<int>* args) const;

  // The mention that opens the sentence, after skip words or after a
  // leading phrase closed by a comma; -1 when it opens otherwise.
  int SentenceSubject() const;

  // The subjects of the verb group `chunk` (an index into doc.chunks):
  // the phrase before it, an antecedent, the subject carried from a verb it
  // is coordinated with or governed by. Empty when there is none. Verb
  // groups must be asked left to right (subjects carry over).
  const std::vector<int>& SubjectsOf(int chunk);

  // The noun chunk ending just before token t, or -1.
  int NounChunkEndingAt(size_t t) const;
  int ChunkOf(size_t t) const { return c_.Inside(t) ? c_.doc.chunk_of[t] : -1; }
  const Chunk& chunk(int index) const { return c_.doc.chunks[static_cast<size_t>(index)]; }

  // Whether a noun phrase's head names the members of a group ("officials").
  bool IsCollectiveHead(const Chunk& phrase) const;
  // Whether token t can be stepped over inside a clause: adverbs and skip words.
  bool Skippable(size_t t) const;
  // The token before a time phrase ending at t ("on Tuesday", "in March"),
  // past skippable words, or t when none ends there.
  long BeforeTimePhrase(long t) const;
  // The token after a time phrase starting at t ("in 1921", "on May 4"),
  // or t when none starts there.
  size_t AfterTimePhrase(size_t t) const;
  // The entity named inside a common-noun phrase that ends just before t
  // ("Iran's plan", "the U.S. commitment"), or -1.
  int AgentOfNounBefore(size_t t) const;
  // The verb group of charges ("serving", "sentenced to") before a term
  // that ends just before t ("99 years", "life"), or -1.
  int ChargeVerbBeforeTerm(size_t t) const;
  // Whether a clause boundary stands at t (";", a subordinator, a relative pronoun).
  bool ClauseBreak(size_t t) const;

 private:
  // Whether m is a place joined to a hyphen after it ("Alberta-based").
  bool IsPlaceBeforeHyphen(int m) const;
  // A name that opens after a phrase's determiners and runs past its end
  // ("the Institute | of Marine Physics"), or -1.
  int NameAfterDeterminer(const Chunk& phrase) const;
  bool OpensApposition(size_t t) const;
  int SubjectBefore(long t, std::vector<int>* subjects) const;
  int GoverningVerb(int chunk) const;
  // Whether an -ing participle `group` after the comma or dash at t that
  // closes an apposition of m follows an object (after a verb or
  // preposition) rather than the clause's subject.
  bool ParticipleAfterObject(const Chunk& group, size_t t, int m) const;

  SentenceContext& c_;
  std::vector<int> start_at_;
  std::vector<int> end_at_;
  std::vector<std::vector<int>> subjects_;  // per chunk from first_chunk_
  int first_chunk_ = 0;                     // doc.chunks index of the sentence's first chunk
  int end_chunk_ = 0;                       // and one past its last
  inline static const std::vector<int> kNone;
  int settled_ = -1;  // chunks before this one have their subjects
};

}  // namespace kg
