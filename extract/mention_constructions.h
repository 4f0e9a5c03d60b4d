// The constructions that name entities, one file each. Each tries to read
// a mention at token `i` of the current sentence of `scan` and returns the
// token after what it read, or `i` when it does not apply. MentionFinder
// tries them in order at each token.
#pragma once

#include <cstddef>

#include "extract/name_scan.h"

namespace kg {

// titled_person.cpp: "[Affiliation] [modifiers] Title+ Name": "Israeli Prime
// Minister Benjamin Netanyahu", "Hamas political leader Ismail Haniyeh",
// "Mr. Biden"; also a possessive affiliation and title with the name after
// a comma ("Iran's supreme leader, Ayatollah Ali Khamenei").
size_t TryTitledPerson(NameScan& scan, size_t i);

// titled_person.cpp: "the Israeli leader", "the president", "its chief
// executive": a title without a name, referring to a person.
size_t TryPersonDescription(NameScan& scan, size_t i);

// lexicon_mention.cpp: known names, demonyms and collectives ("the
// Israelis", "Israeli officials"), with an optional leading article.
size_t TryLexicon(NameScan& scan, size_t i);

// lexicon_mention.cpp: "the Chilean-led coalition", "the Peru-backed militia":
// a group named by a known name, an organization cue and a lowercase
// organization head, with the known name as a mention of its own.
size_t TryLedGroup(NameScan& scan, size_t i);

// name_run_mention.cpp: a run of capitalised words typed by its heads,
// given names or context, with a parenthetical acronym after it.
size_t TryNameRun(NameScan& scan, size_t i);

// name_run_mention.cpp: a later use of an acronym the document defined.
size_t TryDefinedAcronym(NameScan& scan, size_t i);

// reference_mention.cpp: pronouns ("he", "its").
size_t TryPronoun(NameScan& scan, size_t i);

// reference_mention.cpp: descriptions ("the group") and bare collectives
// ("the government").
size_t TryDescription(NameScan& scan, size_t i);

}  // namespace kg
