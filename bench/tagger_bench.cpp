// Part-of-speech tagger benchmark: model load time, tagging speed on news
// tokenized by kg's tokenizer (tokenization not timed), and accuracy on the
// English Web Treebank test split, both as the treebank tokenizes it and
// re-tokenized by kg (tokens whose bytes match a treebank word).
//
//   kg_tagger_bench [--corpus ../shared/bench/news.jsonl]
//                   [--treebank ../shared/treebank] [--model FILE]
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "extract/compiled_rules.h"
#include "extract/pos/embedded_data.h"
#include "extract/pos/lemmatizer.h"
#include "extract/pos/tagger.h"
#include "extract/pos/train/conllu.h"
#include "extract/pos/train/evaluate.h"
#include "extract/rule_pack.h"
#include "ingest/document_reader.h"

namespace {

// Thread CPU time, not wall time: on a busy machine the wall clock also
// counts the time other processes hold the core.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(double since) { return Clock::now() - since; }

struct Corpus {
  std::deque<std::string> texts;
  std::vector<std::string_view> words;
  std::vector<size_t> sentence_begin;  // into words; one past the last too
  double bytes = 0;
};

Corpus Tokenize(const std::string& path, const kg::CompiledRules& rules) {
  Corpus corpus;
  kg::DocumentReader reader(
      {},
      [&](kg::Document document) {
        const std::string& text = corpus.texts.emplace_back(std::move(document.text));
        corpus.bytes += static_cast<double>(text.size());
        kg::DocumentAnalysis analysis;
        rules.tokenizer().Tokenize(text, &analysis);
        rules.splitter().Split(&analysis);
        for (const kg::Sentence& sentence : analysis.sentences) {
          corpus.sentence_begin.push_back(corpus.words.size());
          for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t)
            corpus.words.push_back(analysis.tokens[t].span.In(text));
        }
      },
      [](const std::string& error) { std::fprintf(stderr, "%s\n", error.c_str()); });
  reader.ReadAll({path});
  corpus.sentence_begin.push_back(corpus.words.size());
  return corpus;
}

void SpeedOnCorpus(const Corpus& corpus, const kg::pos::Tagger& tagger) {
  const size_t tokens = corpus.words.size();
  std::printf("corpus: %zu sentences, %zu tokens, %.1f MB\n", corpus.sentence_begin.size() - 1,
              tokens, corpus.bytes / 1e6);
  std::vector<kg::pos::PosTag> tags(tokens);
  kg::pos::TaggerScratch scratch;
  std::string lemma_scratch;
  const auto& lemmatizer = kg::pos::Lemmatizer::Default();
  double best_tag = 1e30, best_lemma = 1e30;
  size_t checksum = 0;
  for (int round = 0; round < 3; ++round) {
    auto start = Clock::now();
    for (size_t s = 0; s + 1 < corpus.sentence_begin.size(); ++s) {
      const size_t begin = corpus.sentence_begin[s], end = corpus.sentence_begin[s + 1];
      tagger.Tag(std::span(corpus.words).subspan(begin, end - begin),
                 std::span(tags).subspan(begin, end - begin), scratch);
    }
    best_tag = std::min(best_tag, Seconds(start));
    start = Clock::now();
    for (size_t i = 0; i < tokens; ++i)
      checksum += lemmatizer.Lemma(corpus.words[i], tags[i], lemma_scratch).size();
    best_lemma = std::min(best_lemma, Seconds(start));
  }
  size_t unknown = 0;
  for (const auto word : corpus.words) {
    if (!tagger.Knows(word)) ++unknown;
  }
  std::printf("words outside the tagger's vocabulary: %.1f%% of tokens\n",
              100.0 * static_cast<double>(unknown) / static_cast<double>(tokens));
  std::map<std::string, size_t> counts;
  for (const auto& tag : tags) ++counts[std::string(kg::pos::UposName(tag.upos))];
  std::printf("tagging:   %.2f M tokens/s (%.3f CPU s per pass, best of 3, one thread)\n",
              static_cast<double>(tokens) / best_tag / 1e6, best_tag);
  std::printf("lemmas:    %.2f M tokens/s (%.3f CPU s per pass; checksum %zu)\n",
              static_cast<double>(tokens) / best_lemma / 1e6, best_lemma, checksum);
  std::printf("UPOS mix: ");
  for (const auto& [name, count] : counts)
    std::printf(" %s %.1f%%", name.c_str(),
                100.0 * static_cast<double>(count) / static_cast<double>(tokens));
  std::printf("\n");
}

// Accuracy on kg's own tokens of the treebank sentences, counting the
// tokens whose bytes are exactly one treebank word.
void RetokenizedAccuracy(const std::vector<kg::pos::TaggedSentence>& gold,
                         const kg::pos::Tagger& tagger, const kg::CompiledRules& rules) {
  kg::pos::TaggerScratch scratch;
  int64_t kg_tokens = 0, aligned = 0, upos = 0, xpos = 0, gold_words = 0;
  std::vector<std::string_view> words;
  std::vector<kg::pos::PosTag> tags;
  for (const auto& sentence : gold) {
    gold_words += static_cast<int64_t>(sentence.words.size());
    if (sentence.text.empty()) continue;
    kg::DocumentAnalysis analysis;
    rules.tokenizer().Tokenize(sentence.text, &analysis);
    const auto& tokens = analysis.tokens;
    words.clear();
    for (const auto& token : tokens) words.push_back(token.span.In(sentence.text));
    tags.resize(words.size());
    tagger.Tag(words, tags, scratch);
    kg_tokens += static_cast<int64_t>(tokens.size());
    for (size_t t = 0; t < tokens.size(); ++t) {
      const auto it = std::find(sentence.spans.begin(), sentence.spans.end(), tokens[t].span);
      if (it == sentence.spans.end() || it->empty()) continue;
      const size_t w = static_cast<size_t>(it - sentence.spans.begin());
      ++aligned;
      upos += tags[t].upos == sentence.tags[w].upos;
      xpos += tags[t].xpos == sentence.tags[w].xpos;
    }
  }
  std::printf(
      "test, kg tokenizer: UPOS %.2f%%  XPOS %.2f%% on %lld aligned tokens "
      "(%.1f%% of kg's %lld tokens, %.1f%% of the %lld treebank words)\n",
      100.0 * static_cast<double>(upos) / static_cast<double>(aligned),
      100.0 * static_cast<double>(xpos) / static_cast<double>(aligned),
      static_cast<long long>(aligned),
      100.0 * static_cast<double>(aligned) / static_cast<double>(kg_tokens),
      static_cast<long long>(kg_tokens),
      100.0 * static_cast<double>(aligned) / static_cast<double>(gold_words),
      static_cast<long long>(gold_words));
}

void LemmaAccuracy(const std::vector<kg::pos::TaggedSentence>& gold) {
  const auto& lemmatizer = kg::pos::Lemmatizer::Default();
  std::string scratch;
  int64_t total = 0, correct = 0;
  for (const auto& sentence : gold) {
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      ++total;
      correct +=
          lemmatizer.Lemma(sentence.words[i], sentence.tags[i], scratch) == sentence.lemmas[i];
    }
  }
  std::printf("test lemmas with gold tags: %.2f%% of %lld words match the treebank\n",
              100.0 * static_cast<double>(correct) / static_cast<double>(total),
              static_cast<long long>(total));
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args = {{"--corpus", "../shared/bench/news.jsonl"},
                                             {"--treebank", "../shared/treebank"}};
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];

  auto start = Clock::now();
  const auto& lexicon = kg::pos::Lexicon::Default();
  const double lexicon_seconds = Seconds(start);
  std::string model_bytes(kg::pos::EmbeddedTaggerModel());
  if (args.contains("--model")) {
    auto read = kg::ReadFile(args["--model"], size_t{1} << 30);
    if (!read.ok()) {
      std::fprintf(stderr, "%s\n", read.status().message().c_str());
      return 1;
    }
    model_bytes = std::move(read).value();
  }
  start = Clock::now();
  auto tagger = kg::pos::Tagger::Load(model_bytes, lexicon);
  const double model_seconds = Seconds(start);
  if (!tagger.ok()) {
    std::fprintf(stderr, "%s\n", tagger.status().message().c_str());
    return 1;
  }
  start = Clock::now();
  (void)kg::pos::Lemmatizer::Default();
  std::printf(
      "load: model %.1f ms (%zu bytes, %zu vocabulary words), WordNet lexicon %.1f ms "
      "(%zu forms), lemmatizer %.1f ms\n",
      model_seconds * 1e3, model_bytes.size(), tagger->vocabulary_size(), lexicon_seconds * 1e3,
      lexicon.size(), Seconds(start) * 1e3);

  auto rules = kg::CompiledRules::Compile(kg::DefaultRulePack());
  if (!rules.ok()) {
    std::fprintf(stderr, "%s\n", rules.status().message().c_str());
    return 1;
  }
  const std::string test_path = args["--treebank"] + "/en_ewt-ud-test.conllu";
  if (auto text = kg::ReadFile(test_path, size_t{1} << 30); text.ok()) {
    auto gold = kg::pos::ParseConllu(*text, test_path);
    if (!gold.ok()) {
      std::fprintf(stderr, "%s\n", gold.status().message().c_str());
      return 1;
    }
    const auto accuracy = kg::pos::Evaluate(*tagger, *gold);
    std::printf("test (EWT tokens): UPOS %.2f%%  XPOS %.2f%%  both %.2f%% on %lld words\n",
                accuracy.UposPercent(), accuracy.XposPercent(), accuracy.BothPercent(),
                static_cast<long long>(accuracy.tokens));
    RetokenizedAccuracy(*gold, *tagger, **rules);
    LemmaAccuracy(*gold);
  } else {
    std::printf("no treebank at %s: accuracy skipped\n", test_path.c_str());
  }
  if (kg::ReadFile(args["--corpus"], size_t{1} << 32).ok()) {
    SpeedOnCorpus(Tokenize(args["--corpus"], **rules), *tagger);
  } else {
    std::printf("no corpus at %s: speed skipped\n", args["--corpus"].c_str());
  }
  return 0;
}
