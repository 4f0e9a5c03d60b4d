// Reading and extracting articles for kg build and kg extract. Documents
// stream from the inputs (ingest/document_reader.h), are extracted in
// batches on `threads` threads, each into its graph fragment there too,
// and handed back on the calling thread in input order, so that what is
// made of them never depends on the thread count. The calling thread is
// one of the threads: while the workers extract one batch, it reads the
// next, hands back the one before and then extracts beside them; memory
// holds two batches.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/pipeline.h"
#include "graph/fragment.h"

namespace kg {

struct ExtractionOptions {
  unsigned threads = 1;  // busy threads, the calling thread included
  size_t batch_bytes = size_t{4} << 20;
  bool progress = true;  // a progress line on standard error, when it is a terminal
  // What standard input is a part of, for document paths and messages:
  // with stdin_name "a.jsonl" and first_line 101, standard input's line 1
  // is "a.jsonl:101" (a partition of a larger file). "" keeps "-".
  std::string stdin_name;
  uint64_t first_line = 1;
  bool strict = false;  // stop reading at the first problem (kg build --strict)
};

struct ExtractionSummary {
  size_t documents = 0;  // extracted and handed back
  size_t problems = 0;   // bad inputs and failed extractions, each reported
  uint64_t bytes = 0;    // article text extracted
  double seconds = 0;
};

// An article and its fragment (FragmentOf), which the sink may take.
using ExtractionSink = std::function<void(const Document&, Fragment&&)>;

// Reads `inputs`, extracts every article with `pipeline` and gives each
// article's fragment to `sink`, in input order, on the calling thread.
// Problems are reported with PrintError (file and position) and skipped.
ExtractionSummary RunExtraction(const std::vector<std::string>& inputs, const Pipeline& pipeline,
                                const ExtractionOptions& options, const ExtractionSink& sink);

}  // namespace kg
