// kg_train_tagger: trains the part-of-speech model on a CoNLL-U treebank.
//
//   kg_train_tagger --train train.conllu --dev dev.conllu [--test test.conllu]
//                   [--out model.pos] [--epochs N] [--features LIST] [--seed N]
//                   [--max-classes N] [--min-vocabulary N] [--scale N] [--prune N]
//
// Prints the dev accuracy after each epoch (stderr) and the final figures.
// The defaults are the settings of the shipped model (scripts/train_tagger.sh).
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "core/file_io.h"
#include "extract/pos/features.h"
#include "extract/pos/tagger.h"
#include "extract/pos/train/evaluate.h"
#include "extract/pos/train/trainer.h"

namespace {

using kg::pos::Accuracy;

constexpr size_t kMaxTreebankBytes = size_t{1} << 30;

const std::map<std::string, uint32_t> kGroups = {
    {"word", kg::pos::kFeatWord},
    {"context", kg::pos::kFeatContextWords},
    {"lexical", kg::pos::kFeatLexical},
    {"context-lexical", kg::pos::kFeatContextLexical},
    {"history", kg::pos::kFeatTagHistory},
    {"tag-word", kg::pos::kFeatTagWord},
    {"long-shape", kg::pos::kFeatLongShape},
    {"hints", kg::pos::kFeatHints},
    {"word-pairs", kg::pos::kFeatWordPairs},
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "kg_train_tagger: %s\n", message.c_str());
  return 1;
}

bool ParseFeatures(const std::string& list, uint32_t* out) {
  *out = 0;
  for (size_t at = 0; at <= list.size();) {
    size_t comma = list.find(',', at);
    if (comma == std::string::npos) comma = list.size();
    const auto it = kGroups.find(list.substr(at, comma - at));
    if (it == kGroups.end()) return false;
    *out |= it->second;
    at = comma + 1;
  }
  return true;
}

kg::Result<std::vector<kg::pos::TaggedSentence>> Load(const std::string& path) {
  auto text = kg::ReadFile(path, kMaxTreebankBytes);
  if (!text.ok()) return text.status();
  return kg::pos::ParseConllu(*text, path);
}

void Report(const char* what, const Accuracy& a) {
  std::fprintf(
      stderr,
      "%s: UPOS %.2f%%  XPOS %.2f%%  both %.2f%%  unknown words %.1f%% (UPOS %.2f%%)  [%lld "
      "tokens]\n",
      what, a.UposPercent(), a.XposPercent(), a.BothPercent(),
      100.0 * static_cast<double>(a.unknown) / static_cast<double>(a.tokens ? a.tokens : 1),
      a.UnknownUposPercent(), static_cast<long long>(a.tokens));
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args = {
      {"--epochs", "10"},
      {"--hint-min", "3"},
      {"--hint-share", "50"},
      {"--seed", "1"},
      {"--max-classes", "64"},
      {"--min-vocabulary", "1"},
      {"--scale", "32"},
      {"--prune", "1"},
      {"--features", "word,context,history,lexical,context-lexical,long-shape,hints,word-pairs"},
  };
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    if (name.rfind("--", 0) != 0 || i + 1 >= argc)
      return Fail("usage: see the comment in train_tagger_main.cpp");
    args[name] = argv[i + 1];
  }
  if (!args.contains("--train") || !args.contains("--dev"))
    return Fail("--train and --dev are required");
  kg::pos::TrainOptions options;
  if (!ParseFeatures(args["--features"], &options.features))
    return Fail("unknown feature group in --features");
  options.epochs = std::atoi(args["--epochs"].c_str());
  options.seed = std::strtoull(args["--seed"].c_str(), nullptr, 10);
  options.max_classes = std::atoi(args["--max-classes"].c_str());
  options.min_vocabulary_count = std::atoi(args["--min-vocabulary"].c_str());
  options.scale = std::atoll(args["--scale"].c_str());
  options.hint_min_count = std::atoi(args["--hint-min"].c_str());
  options.hint_share_percent = std::atoi(args["--hint-share"].c_str());
  options.prune = std::atoi(args["--prune"].c_str());
  if (options.epochs < 1 || options.scale < 1) return Fail("--epochs and --scale must be positive");

  auto train = Load(args["--train"]);
  if (!train.ok()) return Fail(train.status().message());
  auto dev = Load(args["--dev"]);
  if (!dev.ok()) return Fail(dev.status().message());

  std::string bytes;
  const auto model =
      kg::pos::TrainTagger(*train, options, [&](int epoch, const kg::pos::ModelData& m) {
        bytes = kg::pos::SerializeModel(m);
        auto tagger = kg::pos::Tagger::Load(bytes);
        if (!tagger.ok()) {
          std::fprintf(stderr, "%s\n", tagger.status().message().c_str());
          std::exit(1);
        }
        const std::string what = "epoch " + std::to_string(epoch) + " dev";
        Report(what.c_str(), kg::pos::Evaluate(*tagger, *dev));
      });
  std::fprintf(stderr, "model: %zu classes, %zu words, %zu features, %zu weights, %zu bytes\n",
               model.classes.size(), model.vocabulary.size(), model.keys.size(),
               model.entry_weight.size(), bytes.size());
  if (args.contains("--test")) {
    auto test = Load(args["--test"]);
    if (!test.ok()) return Fail(test.status().message());
    auto tagger = kg::pos::Tagger::Load(bytes);
    if (!tagger.ok()) return Fail(tagger.status().message());
    Report("test", kg::pos::Evaluate(*tagger, *test));
  }
  if (args.contains("--dump")) {  // dev predictions: word, gold, predicted (for error analysis)
    auto tagger = kg::pos::Tagger::Load(bytes);
    if (!tagger.ok()) return Fail(tagger.status().message());
    std::string dump;
    kg::pos::TaggerScratch scratch;
    for (const auto& sentence : *dev) {
      std::vector<std::string_view> words(sentence.words.begin(), sentence.words.end());
      std::vector<kg::pos::PosTag> tags(words.size());
      tagger->Tag(words, tags, scratch);
      for (size_t i = 0; i < words.size(); ++i) {
        const auto gold = sentence.tags[i];
        dump += sentence.words[i] + "\t" + std::string(UposName(gold.upos)) + "|" +
                std::string(XposName(gold.xpos)) + "\t" + std::string(UposName(tags[i].upos)) +
                "|" + std::string(XposName(tags[i].xpos)) + "\t" +
                (tagger->Knows(words[i]) ? "known" : "unknown") + "\n";
      }
      dump += "\n";
    }
    const kg::Status written = kg::WriteFileAtomically(args["--dump"], dump);
    if (!written.ok()) return Fail(written.message());
  }
  if (args.contains("--out")) {
    const kg::Status written = kg::WriteFileAtomically(args["--out"], bytes);
    if (!written.ok()) return Fail(written.message());
  }
  return 0;
}
