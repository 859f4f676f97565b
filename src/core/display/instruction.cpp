#include "display/instruction.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "base/layout.hpp"
#include "base/sanitize.hpp"

namespace backcare {

namespace {

bool is_warning(std::string_view sentence) {
  std::string lower;
  for (const char c : sentence) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static constexpr std::string_view k_words[] = {"never", "don't",   "don\u2019t", "do not",
                                                 "dont",  "stop",    "avoid",      "pain",
                                                 "only",  "careful", "hurt",       "must not"};
  for (const std::string_view word : k_words) {
    for (std::size_t at = lower.find(word); at != std::string::npos;
         at = lower.find(word, at + 1)) {
      if (at == 0 || std::isalpha(static_cast<unsigned char>(lower[at - 1])) == 0) {
        return true;
      }
    }
  }
  return false;
}

// Sentences end with ".", "!" or "?" followed by a space (or the end).
std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> sentences;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    const bool stop = text[i] == '.' || text[i] == '!' || text[i] == '?';
    if (stop && (i + 1 == text.size() || text[i + 1] == ' ')) {
      sentences.push_back(current);
      current.clear();
      while (i + 1 < text.size() && text[i + 1] == ' ') {
        ++i;
      }
    }
  }
  if (current.find_first_not_of(' ') != std::string::npos) {
    sentences.push_back(current);
  }
  return sentences;
}

// `text` wrapped and cut to `max_lines` (>= 1), the last line ending with the ellipsis.
std::vector<std::string> cut_lines(std::string_view text, int width, int max_lines, bool ascii) {
  std::vector<std::string> lines = wrap(text, width);
  const auto limit = static_cast<std::size_t>(max_lines);
  if (lines.size() <= limit) {
    return lines;
  }
  std::string tail = lines[limit - 1];
  for (std::size_t i = limit; i < lines.size(); ++i) {
    tail += ' ' + lines[i];
  }
  lines.resize(limit);
  lines.back() = ascii ? truncate_ascii(tail, width) : truncate_to_width(tail, width);
  return lines;
}

}  // namespace

std::vector<std::string> fit_instruction(std::string_view text, int width, int max_lines,
                                         bool ascii) {
  width = std::max(width, 1);
  std::vector<std::string> whole = wrap(text, width);
  if (max_lines <= 0) {
    return {};
  }
  if (whole.size() <= static_cast<std::size_t>(max_lines)) {
    return whole;
  }
  const std::vector<std::string> sentences = split_sentences(text);
  std::vector<std::size_t> order;
  for (const bool warnings : {true, false}) {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      if (is_warning(sentences[i]) == warnings) {
        order.push_back(i);
      }
    }
  }
  const std::string more = ascii ? "..." : "…";
  std::vector<bool> keep(sentences.size(), false);
  const auto compose = [&]() {
    std::string out;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      if (keep[i]) {
        out += sentences[i] + " ";
      }
    }
    return out + more;
  };
  bool any = false;
  for (const std::size_t i : order) {
    keep[i] = true;
    if (wrap(compose(), width).size() > static_cast<std::size_t>(max_lines)) {
      keep[i] = false;
    } else {
      any = true;
    }
  }
  if (!any) {
    return cut_lines(sentences.empty() ? text : sentences[order.front()], width, max_lines, ascii);
  }
  return wrap(compose(), width);
}

}  // namespace backcare
