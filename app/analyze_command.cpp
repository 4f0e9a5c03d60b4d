// kg analyze: what the extraction pipeline sees in one article, sentence by
// sentence: tags, phrases, mentions and the relations with the rule that
// found each. For writing and debugging rule packs.
#include <iostream>

#include "app/arg_parser.h"
#include "app/commands.h"
#include "app/common.h"
#include "extract/pipeline.h"
#include "ingest/document_reader.h"

namespace kg {
namespace {

// What found a relation: a frame or pattern of the pack, a title or a source line.
std::string RuleName(const CompiledRules& rules, int32_t rule) {
  if (rule >= 0) return rules.RuleSource(rule);
  return rule == kSourceLineRule ? "a source line" : "a title";
}

void PrintSentence(const CompiledRules& rules, const DocumentAnalysis& doc, uint32_t s) {
  const Sentence& sentence = doc.sentences[s];
  static constexpr const char* kKinds[] = {"", " (headline)", " (byline)", " (source line)"};
  std::cout << "[" << s + 1 << "]" << kKinds[static_cast<int>(sentence.kind)] << " "
            << sentence.span.In(doc.text) << "\n  ";
  for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
    const int chunk = doc.chunk_of[t];
    const bool opens = chunk >= 0 && doc.chunks[static_cast<size_t>(chunk)].begin == t;
    const bool closes = chunk >= 0 && doc.chunks[static_cast<size_t>(chunk)].end == t + 1;
    if (opens) {
      std::cout << (doc.chunks[static_cast<size_t>(chunk)].kind == Chunk::Kind::kNoun ? "[NP "
                                                                                      : "[VG ");
    }
    std::cout << doc.Surface(t) << "/" << PosName(doc.tokens[t].pos);
    if (doc.tokens[t].lemma != doc.tokens[t].word && doc.tokens[t].lemma != kNoWord) {
      std::cout << "~" << rules.words().Text(doc.tokens[t].lemma);
    }
    if (closes) std::cout << "]";
    if (t + 1 < sentence.token_end) std::cout << " ";
  }
  std::cout << "\n";
  static constexpr const char* kMentionKinds[] = {"name", "collective", "pronoun", "description",
                                                  "modifier"};
  for (const Mention& mention : doc.mentions) {
    if (mention.sentence != s) continue;
    std::cout << "  mention \"" << mention.span.In(doc.text) << "\" "
              << kMentionKinds[static_cast<int>(mention.kind)] << " "
              << EntityTypeName(mention.type);
    if (mention.title >= 0) {
      std::cout << " title=" << rules.pack().titles[static_cast<size_t>(mention.title)].phrase;
    }
    if (mention.affiliation >= 0) {
      std::cout << " of=\""
                << doc.mentions[static_cast<size_t>(mention.affiliation)].span.In(doc.text) << "\"";
    }
    if (mention.entity >= 0) {
      std::cout << " -> " << doc.entities[static_cast<size_t>(mention.entity)].label;
    }
    std::cout << "\n";
  }
  for (const RelationMention& relation : doc.relations) {
    if (relation.sentence != s) continue;
    std::cout << "  relation " << doc.entities[static_cast<size_t>(relation.subject)].label << " "
              << rules.predicate(relation.predicate).name << " "
              << doc.entities[static_cast<size_t>(relation.object)].label << " ["
              << RelationStatusName(relation.status) << "] by " << RuleName(rules, relation.rule)
              << "\n";
  }
}

}  // namespace

int RunAnalyze(const Args& args) {
  ArgParser parser("kg analyze INPUT... [--rules DIR]",
                   "Shows what extraction sees in one article: each sentence with its tags\n"
                   "(word/TAG~lemma), noun phrases [NP ...] and verb groups [VG ...], the\n"
                   "mentions with the entity each refers to, and the relations with the rule\n"
                   "(file:line) that found each. For writing and checking rule packs.");
  parser.Option("rules", 'r', "DIR", "lay a rule pack over the default one (repeatable)");
  if (auto code = ParseCommandLine(&parser, args, kAnyCount)) return *code;
  auto rules = LoadRules(parser.GetAll("rules"));
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFailure;
  }
  const Pipeline pipeline(*rules);
  size_t problems = 0;
  DocumentReader reader(
      ReadOptions{},
      [&](Document document) {
        std::cout << "== " << document.id << " " << document.path << "\n";
        const auto analysis = pipeline.Analyze(document);
        if (!analysis.ok()) {
          PrintError(document.path + ": " + analysis.status().message());
          ++problems;
          return;
        }
        for (uint32_t s = 0; s < analysis->sentences.size(); ++s) {
          PrintSentence(**rules, *analysis, s);
        }
      },
      [](const std::string& problem) { PrintError(problem); });
  problems += reader.ReadAll(parser.positional());
  return problems == 0 ? kExitOk : kExitInputErrors;
}

}  // namespace kg
