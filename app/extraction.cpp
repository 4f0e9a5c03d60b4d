#include "app/extraction.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <thread>

#include "app/common.h"
#include "app/progress.h"
#include "app/throughput.h"
#include "ingest/document_reader.h"

namespace kg {
namespace {

// One item of the input, in reading order: an article still to parse and
// check, or a problem the reader found, reported in its place.
struct Entry {
  UncheckedDocument unchecked;  // moved into `document` once checked
  Document document;
  std::string problem;  // the reader's, or why the article failed its checks
  bool is_article = false;
  bool failed_check = false;
};

// Extracts batches of articles on `threads` threads, the calling thread
// one of them: it reads and merges, and extracts whenever it would
// otherwise wait. With one thread it does everything itself; with N, no
// more than N threads are ever busy (a reader beside N workers would
// share N cores with them).
class BatchExtractor {
 public:
  // `on_done` hears of every entry in input order: an article with its
  // fragment, or with why its extraction failed (then the fragment is
  // empty), or a problem (entry.problem).
  using DoneFn = std::function<void(const Entry&, Fragment&&, const std::string&)>;
  // Every quarter of a second while the calling thread extracts or waits,
  // `on_wait` hears how many articles (and bytes of text) have been
  // extracted so far: the progress line moves within a batch.
  using WaitFn = std::function<void(size_t articles, uint64_t bytes)>;

  BatchExtractor(const Pipeline& pipeline, unsigned threads, size_t batch_bytes, DoneFn on_done,
                 WaitFn on_wait)
      : pipeline_(pipeline),
        workers_wanted_(std::max(threads, 1u) - 1),
        batch_bytes_(batch_bytes),
        on_done_(std::move(on_done)),
        on_wait_(std::move(on_wait)) {}
  ~BatchExtractor() {
    Join();
    Stop();
  }
  BatchExtractor(const BatchExtractor&) = delete;
  BatchExtractor& operator=(const BatchExtractor&) = delete;

  void Add(UncheckedDocument document) {
    bytes_ += document.text.size();
    Entry entry;
    entry.unchecked = std::move(document);
    entry.is_article = true;
    batch_.push_back(std::move(entry));
    if (bytes_ >= launch_bytes_ || batch_.size() >= 4096) Launch();
  }

  // A problem of the reader's: it goes out between the articles around it.
  void AddProblem(std::string message) {
    Entry entry;
    entry.problem = std::move(message);
    batch_.push_back(std::move(entry));
  }

  // Extracts and hands back everything added so far. The last batch goes
  // back article by article as it is extracted, so that merging it
  // overlaps its extraction instead of following it on one core.
  void Finish() {
    if (!batch_.empty()) Launch();
    for (size_t next = 0; next < in_flight_.size();) {
      if (ready_[next].load(std::memory_order_acquire)) {
        on_done_(in_flight_[next], std::move(results_[next]), failures_[next]);
        results_[next] = Fragment{};  // merged: its memory can go
        ++next;
      } else if (TakeWork()) {
        ReportNow();
      } else {
        // The rest is being extracted on the workers.
        std::unique_lock<std::mutex> lock(mutex_);
        finished_.wait_for(lock, std::chrono::milliseconds(2));
        lock.unlock();
        ReportNow();
      }
    }
    Join();
    in_flight_.clear();
  }

 private:
  // Finishes the batch in flight (the calling thread helping), hands the
  // filling batch to the workers, then hands back the finished one while
  // they work on the new one.
  void Launch() {
    Join();
    std::vector<Entry> done = std::move(in_flight_);
    std::vector<Fragment> done_results = std::move(results_);
    std::vector<std::string> done_failures = std::move(failures_);
    in_flight_ = std::move(batch_);
    batch_.clear();
    bytes_ = 0;
    launch_bytes_ = std::min(launch_bytes_ * 2, batch_bytes_);
    results_.assign(in_flight_.size(), Fragment{});
    failures_.assign(in_flight_.size(), std::string());
    ready_ = std::make_unique<std::atomic<bool>[]>(in_flight_.size());
    next_check_ = 0;
    checks_done_ = 0;
    next_ = 0;
    // The workers live as long as the extractor: their per-thread scratch
    // (the tagger's cache of unknown words above all) stays warm.
    while (workers_.size() < workers_wanted_) workers_.emplace_back([this] { Work(); });
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      running_ = static_cast<unsigned>(workers_.size());
      ++generation_;
      if (in_flight_.empty()) ids_given_.store(generation_, std::memory_order_release);
    }
    work_ready_.notify_all();
    HandBack(done, done_results, done_failures);
  }

  void Work() {
    uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_) return;
        seen = generation_;
      }
      while (TakeWork()) {
      }
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        --running_;
      }
      finished_.notify_all();
    }
  }

  // Does one piece of the batch in flight, on whichever thread calls: the
  // checks of every article first; the thread that finishes the last of
  // them gives the ids in reading order (an id depends on which articles
  // before it passed); only then the extractions. False when nothing is
  // left to take.
  bool TakeWork() {
    const size_t count = in_flight_.size();
    if (next_check_.load(std::memory_order_relaxed) < count) {
      if (const size_t i = next_check_.fetch_add(1); i < count) {
        Check(i);
        if (checks_done_.fetch_add(1, std::memory_order_acq_rel) + 1 == count) GiveIds();
        return true;
      }
    }
    WaitForIds();
    if (next_.load(std::memory_order_relaxed) >= count) return false;
    const size_t i = next_.fetch_add(1);
    if (i >= count) return false;
    Extract(i);
    return true;
  }

  // The ids are given even if TakeIds throws, so that no thread waits
  // for them forever while the failure unwinds.
  void GiveIds() {
    const auto given = [this] {
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        ids_given_.store(generation_, std::memory_order_release);
      }
      ids_ready_.notify_all();
    };
    try {
      TakeIds();
    } catch (...) {
      given();
      throw;
    }
    given();
  }

  void WaitForIds() {
    // generation_ only changes while no thread takes work (Launch joins
    // first), so reading it here races with nothing.
    if (ids_given_.load(std::memory_order_acquire) == generation_) return;
    std::unique_lock<std::mutex> lock(mutex_);
    ids_ready_.wait(lock,
                    [&] { return ids_given_.load(std::memory_order_acquire) == generation_; });
  }
  // The JSON line's parsing, MakeDocument's checks and hash, without the
  // id (TakeIds gives it). A line that is no article is a problem in its
  // place, as if the reader had found it.
  void Check(size_t i) {
    Entry& entry = in_flight_[i];
    if (!entry.is_article) return;
    // A check that throws (out of memory) fails its article: every check
    // must end for the batch to get its ids, on whichever thread.
    std::string failure;
    try {
      CheckArticle(&entry);
      return;
    } catch (const std::bad_alloc&) {
      failure = "out of memory";
    } catch (const std::exception& e) {
      failure = e.what();
    }
    entry.failed_check = true;
    entry.problem = entry.unchecked.where + ": article skipped: " + failure;
  }

  void CheckArticle(Entry* entry_pointer) {
    Entry& entry = *entry_pointer;
    UncheckedDocument& raw = entry.unchecked;
    if (raw.line > 0) {
      if (std::string problem = ParseJsonLine(&raw); !problem.empty()) {
        entry.is_article = false;
        entry.problem = std::move(problem);
        return;
      }
    }
    auto document =
        MakeDocument(std::string(), std::move(raw.path), std::move(raw.title), std::move(raw.text));
    if (document.ok()) {
      entry.document = std::move(document).value();
    } else {
      entry.failed_check = true;
      entry.problem = raw.where + ": " + document.status().message();
    }
  }

  void TakeIds() {
    for (Entry& entry : in_flight_) {
      if (!entry.is_article) continue;
      std::string id = ids_.Take(std::move(entry.unchecked.id));
      if (entry.failed_check) {
        ids_.Reject();
      } else {
        entry.document.id = std::move(id);
      }
      entry.unchecked = UncheckedDocument{};
    }
  }

  void Extract(size_t i) {
    Entry& entry = in_flight_[i];
    if (!entry.is_article || entry.failed_check) {
      ready_[i].store(true, std::memory_order_release);
      finished_.notify_all();
      return;
    }
    const Document& document = entry.document;
    // One article that cannot be extracted must not end the run. Its
    // fragment is made here too: the calling thread, which reads and
    // merges for every worker, has only to merge it.
    try {
      auto analysis = pipeline_.Analyze(document);
      if (analysis.ok()) {
        results_[i] = FragmentOf(document, *analysis, pipeline_.rules().pack().predicates);
      } else {
        failures_[i] = analysis.status().message();
      }
    } catch (const std::bad_alloc&) {
      results_[i] = Fragment{};
      failures_[i] = "out of memory";
    } catch (const std::exception& e) {
      results_[i] = Fragment{};
      failures_[i] = e.what();
    }
    articles_done_.fetch_add(1, std::memory_order_relaxed);
    bytes_done_.fetch_add(document.text.size(), std::memory_order_relaxed);
    ready_[i].store(true, std::memory_order_release);
    finished_.notify_all();
  }

  // Helps with the batch in flight until nothing is left to take, then
  // waits for the workers' last articles.
  void Join() {
    while (TakeWork()) ReportNow();
    std::unique_lock<std::mutex> lock(mutex_);
    while (
        !finished_.wait_for(lock, std::chrono::milliseconds(250), [&] { return running_ == 0; })) {
      lock.unlock();
      ReportNow();
      lock.lock();
    }
  }

  // on_wait_, at most every quarter of a second.
  void ReportNow() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report_ < std::chrono::milliseconds(250)) return;
    last_report_ = now;
    on_wait_(articles_done_.load(std::memory_order_relaxed),
             bytes_done_.load(std::memory_order_relaxed));
  }

  void Stop() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
    workers_.clear();
  }

  void HandBack(const std::vector<Entry>& entries, std::vector<Fragment>& results,
                const std::vector<std::string>& failures) {
    for (size_t i = 0; i < entries.size(); ++i) {
      on_done_(entries[i], std::move(results[i]), failures[i]);
    }
  }

  const Pipeline& pipeline_;
  unsigned workers_wanted_;  // besides the calling thread
  size_t batch_bytes_;
  // The workers start on a small first batch, and batches double up to
  // batch_bytes_: the cores are not idle while the first megabytes are read.
  size_t launch_bytes_ = std::min<size_t>(batch_bytes_, size_t{64} << 10);
  DoneFn on_done_;
  WaitFn on_wait_;
  std::chrono::steady_clock::time_point last_report_ = std::chrono::steady_clock::now();
  std::vector<Entry> batch_;
  size_t bytes_ = 0;
  std::vector<Entry> in_flight_;
  std::vector<Fragment> results_;
  std::vector<std::string> failures_;           // per entry in flight: why it failed, or ""
  std::unique_ptr<std::atomic<bool>[]> ready_;  // per entry in flight: extracted
  std::atomic<size_t> next_check_{0};
  std::atomic<size_t> checks_done_{0};
  std::atomic<size_t> next_{0};
  DocumentIds ids_;  // only the thread that finishes checking a batch uses it
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a new batch (generation_) or stopping_
  std::condition_variable ids_ready_;   // ids_given_ caught up with generation_
  std::condition_variable finished_;
  // Under mutex_: workers still going through the batch in flight, which
  // batch that is, and whether the workers are to end. generation_ changes
  // only in Launch, once every worker is done with the batch before.
  unsigned running_ = 0;
  uint64_t generation_ = 0;
  bool stopping_ = false;
  std::atomic<uint64_t> ids_given_{0};  // the last batch given ids
  std::atomic<size_t> articles_done_{0};
  std::atomic<uint64_t> bytes_done_{0};
};

// "-:7: message" -> "a.jsonl:107: message", "-: message" -> "a.jsonl:
// message", for articles read from standard input.
std::string Renamed(const std::string& where, const ExtractionOptions& options) {
  if (options.stdin_name.empty() || !where.starts_with('-')) return where;
  if (where.size() == 1 || where[1] != ':') return where;
  size_t end = 2;
  while (end < where.size() && where[end] >= '0' && where[end] <= '9') ++end;
  if (end == 2) return options.stdin_name + where.substr(1);
  const uint64_t line = std::stoull(where.substr(2, end - 2)) + options.first_line - 1;
  return options.stdin_name + ":" + std::to_string(line) + where.substr(end);
}

}  // namespace

ExtractionSummary RunExtraction(const std::vector<std::string>& inputs, const Pipeline& pipeline,
                                const ExtractionOptions& options, const ExtractionSink& sink) {
  ExtractionSummary summary;
  const Stopwatch clock;
  const auto total = options.progress ? InputBytes(inputs) : std::nullopt;
  ProgressLine progress(options.progress);
  // --strict: the first problem stops reading, and nothing after it is
  // handed on.
  DocumentReader* reading = nullptr;
  bool stopped = false;
  const auto stop_if_strict = [&] {
    if (!options.strict) return;
    stopped = true;
    if (reading != nullptr) reading->Stop();
  };
  BatchExtractor extractor(
      pipeline, options.threads, options.batch_bytes,
      [&](const Entry& entry, Fragment&& fragment, const std::string& failure) {
        if (stopped) return;
        if (!entry.problem.empty()) {
          ++summary.problems;
          PrintError(Renamed(entry.problem, options));
          stop_if_strict();
          return;
        }
        const Document& document = entry.document;
        if (!failure.empty()) {
          ++summary.problems;
          PrintError(document.path + ": article skipped: " + failure);
          stop_if_strict();
          return;
        }
        sink(document, std::move(fragment));
        ++summary.documents;
        summary.bytes += document.text.size();
      },
      [&](size_t articles, uint64_t bytes) {
        progress.Update(ProgressText(articles, "article", bytes, clock.Seconds(), total));
      });
  // The reader only reads lines: parsing, checks, hashes and ids are the
  // workers', and its problems go out in input order with theirs, so that
  // --strict stops at the same first problem.
  DocumentReader reader(
      ReadOptions{}, [](Document) {},
      [&](const std::string& error) { extractor.AddProblem(error); });
  reader.DeferChecks([&](UncheckedDocument document) {
    if (stopped) return;
    document.path = Renamed(document.path, options);
    extractor.Add(std::move(document));
  });
  reading = &reader;
  reader.ReadAll(inputs);  // its problems are counted as they are handed back
  extractor.Finish();
  progress.Done();
  summary.seconds = clock.Seconds();
  return summary;
}

}  // namespace kg
