#include "extract/pos/train/conllu.h"

#include <cstdlib>

namespace kg::pos {
namespace {

constexpr std::string_view kTextComment = "# text = ";

// Fills sentence.spans by finding each token in the text in order: a plain
// word is its form; a multiword token is found as a whole, and its words
// get spans only when they spell it piece by piece.
struct SpanFinder {
  explicit SpanFinder(const std::string& text) : text_(text) {}

  Span Find(std::string_view surface) {
    while (cursor_ < text_.size() && text_[cursor_] == ' ') ++cursor_;
    if (failed_ || text_.compare(cursor_, surface.size(), surface) != 0) {
      failed_ = true;
      return {};
    }
    const Span span{static_cast<uint32_t>(cursor_),
                    static_cast<uint32_t>(cursor_ + surface.size())};
    cursor_ += surface.size();
    return span;
  }
  bool failed() const { return failed_; }

 private:
  std::string_view text_;
  size_t cursor_ = 0;
  bool failed_ = false;
};

void FindSpans(TaggedSentence& sentence,
               const std::vector<std::pair<size_t, std::string>>& multiword,
               const std::vector<size_t>& multiword_length) {
  SpanFinder finder(sentence.text);
  sentence.spans.assign(sentence.words.size(), Span{});
  size_t next_multiword = 0;
  for (size_t i = 0; i < sentence.words.size() && !finder.failed();) {
    if (next_multiword < multiword.size() && multiword[next_multiword].first == i) {
      const Span whole = finder.Find(multiword[next_multiword].second);
      const size_t count = multiword_length[next_multiword++];
      uint32_t at = whole.begin;
      bool spelled = true;
      for (size_t k = i; k < i + count && k < sentence.words.size(); ++k) {
        const std::string& form = sentence.words[k];
        if (!spelled || sentence.text.compare(at, form.size(), form) != 0 ||
            at + form.size() > whole.end) {
          spelled = false;
          continue;
        }
        sentence.spans[k] = {at, static_cast<uint32_t>(at + form.size())};
        at = sentence.spans[k].end;
      }
      if (at != whole.end) {
        for (size_t k = i; k < i + count && k < sentence.words.size(); ++k) sentence.spans[k] = {};
      }
      i += count;
      continue;
    }
    sentence.spans[i] = finder.Find(sentence.words[i]);
    ++i;
  }
  if (finder.failed()) sentence.spans.assign(sentence.words.size(), Span{});
}

}  // namespace

Result<std::vector<TaggedSentence>> ParseConllu(std::string_view text, std::string_view source) {
  std::vector<TaggedSentence> sentences;
  TaggedSentence current;
  std::vector<std::pair<size_t, std::string>> multiword;  // first word index, surface
  std::vector<size_t> multiword_length;
  size_t line_number = 0;
  auto finish = [&] {
    if (current.words.empty()) return;
    FindSpans(current, multiword, multiword_length);
    sentences.push_back(std::move(current));
    current = {};
    multiword.clear();
    multiword_length.clear();
  };
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with(kTextComment)) current.text = line.substr(kTextComment.size());
      continue;
    }
    std::string_view fields[10];
    size_t count = 0;
    for (size_t at = 0; count < 10;) {
      const size_t tab = line.find('\t', at);
      fields[count++] =
          line.substr(at, tab == std::string_view::npos ? line.size() - at : tab - at);
      if (tab == std::string_view::npos) break;
      at = tab + 1;
    }
    auto error = [&](const std::string& what) {
      return Status::Error(std::string(source) + ":" + std::to_string(line_number) + ": " + what);
    };
    if (count != 10) return error("expected 10 tab-separated fields");
    if (fields[0].find('.') != std::string_view::npos) continue;  // empty node
    if (const size_t dash = fields[0].find('-'); dash != std::string_view::npos) {
      const int first = std::atoi(std::string(fields[0].substr(0, dash)).c_str());
      const int last = std::atoi(std::string(fields[0].substr(dash + 1)).c_str());
      if (first < 1 || last < first) return error("bad multiword range");
      multiword.emplace_back(current.words.size(), std::string(fields[1]));
      multiword_length.push_back(static_cast<size_t>(last - first + 1));
      continue;
    }
    const auto upos = ParseUpos(fields[3]);
    if (!upos) return error("unknown UPOS \"" + std::string(fields[3]) + "\"");
    const auto xpos = ParseXpos(fields[4]);
    if (!xpos) return error("unknown XPOS \"" + std::string(fields[4]) + "\"");
    if (fields[1].empty()) return error("empty form");
    current.words.emplace_back(fields[1]);
    current.lemmas.emplace_back(fields[2]);
    current.tags.push_back({*upos, *xpos});
  }
  finish();
  return sentences;
}

}  // namespace kg::pos
