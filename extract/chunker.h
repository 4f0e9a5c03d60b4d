// Base phrases from part-of-speech tags: noun phrases ("the Israeli prime
// minister", "Hamas 's leader", "Qatar-based Al Jazeera") and verb groups
// ("did not meet", "was killed", "to visit"). A sentence pass: appends the
// sentence's chunks to doc.chunks and marks doc.chunk_of for its tokens.
// Noun phrases do not take attachments: "the leader of Hamas" is two
// phrases joined by "of"; coordination and apposition stay visible as the
// words between phrases.
#pragma once

#include "extract/sentence_context.h"

namespace kg {

void ChunkSentence(SentenceContext& context);

}  // namespace kg
