// The extraction pipeline: Document -> tokens -> sentences -> mentions ->
// entities -> relations. A Pipeline is built once from a compiled rule
// pack and is immutable: Analyze() is const and may run on many threads at
// once, each document's state living only in its DocumentAnalysis.
#pragma once

#include <memory>

#include "core/document.h"
#include "extract/annotations.h"
#include "extract/compiled_rules.h"

namespace kg {

class Pipeline {
 public:
  explicit Pipeline(std::shared_ptr<const CompiledRules> rules) : rules_(std::move(rules)) {}

  DocumentAnalysis Analyze(const Document& document) const;

  const CompiledRules& rules() const { return *rules_; }

 private:
  std::shared_ptr<const CompiledRules> rules_;
};

}  // namespace kg
