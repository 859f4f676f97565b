#include "base/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/sanitize.hpp"

namespace backcare {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions, and swaps of two
// adjacent letters ("lsit" → "list") each count as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::size_t d[k_max_suggest_chars + 3][k_max_suggest_chars + 3];  // both are short: see below
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // A match is at most 2 edits away, so a word or candidate whose length differs by more cannot
  // match; names longer than k_max_suggest_chars are never suggested. That bounds each
  // comparison, and k_max_suggest_candidates bounds how many are made.
  if (word.size() > k_max_suggest_chars + 2) {
    return std::nullopt;
  }
  std::optional<std::string> best;
  std::size_t best_distance = 3;
  std::size_t compared = 0;
  for (const auto& candidate : candidates) {
    if (candidate.size() > k_max_suggest_chars ||
        (candidate.size() > word.size() ? candidate.size() - word.size()
                                        : word.size() - candidate.size()) > 2) {
      continue;
    }
    if (++compared > k_max_suggest_candidates) {
      break;
    }
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance && d * 2 < std::max(word.size(), candidate.size())) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  // Candidates can be routine names read from files: the suggestion is untrusted text.
  return match ? fmt::format("; did you mean \"{}\"?", sanitize(*match)) : std::string();
}

}  // namespace backcare
