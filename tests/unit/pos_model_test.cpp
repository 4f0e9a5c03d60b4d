#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/pos/embedded_data.h"
#include "extract/pos/features.h"
#include "extract/pos/model_format.h"
#include "extract/pos/tagger.h"
#include "extract/pos/train/conllu.h"
#include "extract/pos/train/evaluate.h"
#include "extract/pos/train/trainer.h"

namespace kg::pos {
namespace {

// A few sentences written for these tests, in CoNLL-U.
constexpr std::string_view kTreebank =
    "# text = The army shelled the town.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\ttown\ttown\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Rebels didn't leave the city.\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tleave\tleave\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\tcity\tcity\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Talks were held in Oslo.\n"
    "1\tTalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj:pass\t_\t_\n"
    "2\twere\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
    "3\theld\thold\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tOslo\tOslo\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

std::vector<TaggedSentence> Treebank() {
  auto parsed = ParseConllu(kTreebank, "tiny.conllu");
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

TrainOptions TinyOptions() {
  TrainOptions options;
  options.features =
      kFeatWord | kFeatContextWords | kFeatLexical | kFeatTagHistory | kFeatHints | kFeatWordPairs;
  options.epochs = 5;
  options.hint_min_count = 1;
  return options;
}

TEST_CASE("CoNLL-U reading keeps syntactic words and finds their bytes", "[pos][model]") {
  const auto sentences = Treebank();
  REQUIRE(sentences.size() == 3);
  const TaggedSentence& second = sentences[1];
  CHECK(second.words ==
        std::vector<std::string>{"Rebels", "did", "n't", "leave", "the", "city", "."});
  CHECK(second.tags[2] == PosTag{Upos::kPart, Xpos::kRb});
  CHECK(second.lemmas[1] == "do");
  CHECK(second.spans[1].In(second.text) == "did");
  CHECK(second.spans[2].In(second.text) == "n't");
  CHECK(second.spans[6].In(second.text) == ".");
  auto bad = ParseConllu("1\tx\tx\tNOUNY\tNN\t_\t0\troot\t_\t_\n", "bad.conllu");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "bad.conllu:1: unknown UPOS \"NOUNY\"");
}

TEST_CASE("training twice gives the same bytes, and the model learns its data", "[pos][model]") {
  const auto sentences = Treebank();
  const std::string first = SerializeModel(TrainTagger(sentences, TinyOptions(), nullptr));
  const std::string second = SerializeModel(TrainTagger(sentences, TinyOptions(), nullptr));
  CHECK(first == second);
  TrainOptions other_seed = TinyOptions();
  other_seed.seed = 7;
  CHECK(SerializeModel(TrainTagger(sentences, other_seed, nullptr)).size() > 0);
  auto tagger = Tagger::Load(first);
  REQUIRE(tagger.ok());
  const Accuracy accuracy = Evaluate(*tagger, sentences);
  CHECK(accuracy.tokens == 19);
  CHECK(accuracy.both == 19);
}

TEST_CASE("a model survives serialization unchanged", "[pos][model]") {
  ModelData model;
  model.features = kFeatWord | kFeatTagHistory;
  model.classes = {
      {Upos::kNoun, Xpos::kNn}, {Upos::kVerb, Xpos::kVbd}, {Upos::kPunct, Xpos::kPeriod}};
  model.vocabulary = {"army", "shelled", "."};
  model.hints = {1, 2, 4};
  model.keys = {3, 1000, uint64_t{1} << 63};
  model.entry_begin = {0, 2, 3, 5};
  model.entry_class = {0, 2, 1, 0, 1};
  model.entry_weight = {-32768, 5, 7, 32767, -1};
  const std::string bytes = SerializeModel(model);
  auto parsed = ParseModel(bytes);
  REQUIRE(parsed.ok());
  CHECK(*parsed == model);
  // The shipped model too, byte for byte.
  auto shipped = ParseModel(EmbeddedTaggerModel());
  REQUIRE(shipped.ok());
  CHECK(SerializeModel(*shipped) == EmbeddedTaggerModel());
}

using ClassWeights = std::vector<std::pair<uint8_t, int16_t>>;

// A model of 20 classes with the features `weights` (by key) and no vocabulary.
ModelData ManyClassModel(uint32_t features, const std::map<uint64_t, ClassWeights>& weights) {
  ModelData model;
  model.features = features;
  for (int c = 0; c < 20; ++c)
    model.classes.push_back({static_cast<Upos>(c % kUposCount), Xpos::kNn});
  model.entry_begin = {0};
  for (const auto& [key, entries] : weights) {
    model.keys.push_back(key);
    for (const auto& [cls, weight] : entries) {
      model.entry_class.push_back(cls);
      model.entry_weight.push_back(weight);
    }
    model.entry_begin.push_back(static_cast<uint32_t>(model.entry_class.size()));
  }
  return model;
}

uint32_t TagOneWord(const ModelData& model, std::string_view word) {
  auto tagger = Tagger::Load(SerializeModel(model));
  REQUIRE(tagger.ok());
  TaggerScratch scratch;
  const std::string_view words[] = {word};
  uint32_t tag = 99;
  tagger->TagClasses(words, {&tag, 1}, scratch);
  return tag;
}

TEST_CASE("a feature weighing many classes scores as its list of weights", "[pos][model]") {
  // Weights for most classes: the tagger keeps such a feature as a dense row.
  ClassWeights many;
  for (uint8_t c = 2; c < 16; ++c) many.emplace_back(c, 1);
  SECTION("a class listed twice adds both weights, saturating") {
    // 20000 + 20000 saturates to 32767, above class 1's 30000.
    many.insert(many.end(), {{0, 20000}, {1, 30000}, {0, 20000}});
    REQUIRE(many.size() >= 16);
    CHECK(TagOneWord(ManyClassModel(0, {{BiasKey(), many}}), "word") == 0);
  }
  SECTION("a dense row added to the scores saturates lane by lane") {
    WordForm form;
    AnalyzeWord("word", nullptr, &form);
    const uint64_t tag_word = TagWordKey(kStartTag, form.lower_hash);
    // Classes in the row's last lanes: 32000 + 2000 saturates to 32767,
    // above 32500 + 100; without the row, or wrapping, class 17 wins.
    many.insert(many.end(), {{16, 2000}, {17, 100}});
    REQUIRE(many.size() >= 16);
    const ClassWeights bias = {{16, 32000}, {17, 32500}};
    CHECK(TagOneWord(ManyClassModel(kFeatTagWord, {{BiasKey(), bias}, {tag_word, many}}), "word") ==
          16);
  }
}

TEST_CASE("a corrupt model is an error that says why, never a crash", "[pos][model]") {
  const std::string good(EmbeddedTaggerModel());
  auto message = [](std::string_view bytes) {
    auto tagger = Tagger::Load(bytes);
    return tagger.ok() ? std::string("loaded") : tagger.status().message();
  };
  CHECK(message("") == "tagger model: not a kg tagger model (bad magic bytes)");
  CHECK(message("PK\x03\x04 something else entirely") ==
        "tagger model: not a kg tagger model (bad magic bytes)");
  CHECK(message(good.substr(0, good.size() / 2)).starts_with("tagger model: size mismatch"));
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x20;
  CHECK(message(flipped) == "tagger model: checksum mismatch (corrupt file)");
  std::string future = good;
  future[8] = 9;
  CHECK(message(future) == "tagger model: format version 9, this kg reads version 1");
}

// Rewrites the checksum so that damage reaches the payload parser.
std::string Resealed(std::string bytes) {
  const uint64_t sum = ModelChecksum(std::string_view(bytes).substr(0, bytes.size() - 8));
  for (size_t i = 0; i < 8; ++i)
    bytes[bytes.size() - 8 + i] = static_cast<char>((sum >> (8 * i)) & 0xFF);
  return bytes;
}

TEST_CASE("damaged payloads with a valid checksum are rejected or load safely", "[pos][model]") {
  const auto sentences = Treebank();
  const std::string good = SerializeModel(TrainTagger(sentences, TinyOptions(), nullptr));
  size_t rejected = 0;
  for (size_t at = 16; at + 8 < good.size(); ++at) {
    for (const int change : {0x01, 0x80, 0xFF}) {
      std::string bad = good;
      bad[at] = static_cast<char>(static_cast<unsigned char>(bad[at]) ^ change);
      auto tagger = Tagger::Load(Resealed(bad));
      if (!tagger.ok()) {
        ++rejected;
        CHECK(tagger.status().message().starts_with("tagger model: byte "));
        continue;
      }
      TaggerScratch scratch;
      const std::vector<std::string_view> words = {"The", "army", "left", "."};
      std::vector<PosTag> tags(words.size());
      tagger->Tag(words, tags, scratch);  // must not crash (ASan checks)
    }
  }
  CHECK(rejected > 0);
}

}  // namespace
}  // namespace kg::pos
