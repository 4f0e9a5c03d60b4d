#include "app/arg_parser.h"

#include <charconv>

namespace kg {

ArgParser::ArgParser(std::string usage, std::string description)
    : usage_(std::move(usage)), description_(std::move(description)) {}

ArgParser& ArgParser::Flag(const std::string& name, char short_name, const std::string& help) {
  specs_.push_back({name, short_name, "", help, false});
  return *this;
}

ArgParser& ArgParser::Option(const std::string& name, char short_name,
                             const std::string& value_name, const std::string& help,
                             bool repeatable) {
  specs_.push_back({name, short_name, value_name, help, repeatable});
  return *this;
}

const ArgParser::Spec* ArgParser::Find(const std::string& name) const {
  for (const auto& spec : specs_) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const ArgParser::Spec* ArgParser::FindShort(char short_name) const {
  for (const auto& spec : specs_) {
    if (short_name != 0 && spec.short_name == short_name) return &spec;
  }
  return nullptr;
}

Status ArgParser::Parse(const std::vector<std::string>& args) {
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    const Spec* spec = nullptr;
    std::string value;
    bool has_value = false;
    if (arg.rfind("--", 0) == 0) {
      const size_t equals = arg.find('=');
      spec = Find(arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2));
      if (equals != std::string::npos) {
        value = arg.substr(equals + 1);
        has_value = true;
      }
    } else if (arg.size() == 2) {
      spec = FindShort(arg[1]);
    } else if (arg[1] >= '0' && arg[1] <= '9') {
      positional_.push_back(arg);  // a negative number
      continue;
    }
    if (spec == nullptr) return Status::Error("unknown option " + arg + " (see --help)");
    if (spec->value_name.empty()) {
      if (has_value) return Status::Error("option --" + spec->name + " takes no value");
      values_[spec->name].push_back("");
      continue;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        return Status::Error("option --" + spec->name + " needs a value (" + spec->value_name +
                             ")");
      }
      value = args[++i];
    }
    auto& slot = values_[spec->name];
    if (!spec->repeatable) slot.clear();
    slot.push_back(value);
  }
  return Status::Ok();
}

bool ArgParser::Has(const std::string& name) const { return values_.contains(name); }

std::string ArgParser::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ArgParser::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

Result<long> ArgParser::GetNumber(const std::string& name, long fallback, long min,
                                  long max) const {
  if (!Has(name)) return fallback;
  const std::string text = Get(name);
  long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Status::Error("option --" + name + ": expected a whole number from " +
                         std::to_string(min) + " to " + std::to_string(max) + ", got \"" + text +
                         "\"");
  }
  return value;
}

std::string ArgParser::Help() const {
  std::string out = "usage: " + usage_ + "\n\n" + description_ + "\n";
  if (!specs_.empty()) out += "\noptions:\n";
  for (const auto& spec : specs_) {
    std::string left = "  ";
    left += spec.short_name ? std::string("-") + spec.short_name + ", " : "    ";
    left += "--" + spec.name;
    if (!spec.value_name.empty()) left += " " + spec.value_name;
    if (left.size() < 30)
      left.resize(30, ' ');
    else
      left += "\n" + std::string(30, ' ');
    out += left + spec.help + "\n";
  }
  out += "  -h, --help                  show this help\n";
  return out;
}

}  // namespace kg
