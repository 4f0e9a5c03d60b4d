// A small command-line parser for kg's subcommands: long and short
// options, repeatable options, flags and positional arguments, with the
// help text generated from the declarations.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace kg {

class ArgParser {
 public:
  ArgParser(std::string usage, std::string description);

  // A boolean switch: --name (or -s).
  ArgParser& Flag(const std::string& name, char short_name, const std::string& help);
  // An option with a value: --name VALUE, --name=VALUE, -s VALUE.
  ArgParser& Option(const std::string& name, char short_name, const std::string& value_name,
                    const std::string& help, bool repeatable = false);

  // Errors: unknown options, missing values. "--help" sets help_requested().
  Status Parse(const std::vector<std::string>& args);

  bool help_requested() const { return help_requested_; }
  bool Has(const std::string& name) const;
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  // Parses an option as a number in [min, max]; errors name the option.
  Result<long> GetNumber(const std::string& name, long fallback, long min, long max) const;

  std::string Help() const;

 private:
  struct Spec {
    std::string name;
    char short_name = 0;
    std::string value_name;  // empty for flags
    std::string help;
    bool repeatable = false;
  };
  const Spec* Find(const std::string& name) const;
  const Spec* FindShort(char short_name) const;

  std::string usage_;
  std::string description_;
  std::vector<Spec> specs_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
  bool help_requested_ = false;
};

}  // namespace kg
