#pragma once
// "Did you mean …?" for unknown keys, kinds, subcommands and routine names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

inline constexpr std::size_t k_max_suggest_chars = 40;         // longer names are not suggested
inline constexpr std::size_t k_max_suggest_candidates = 1000;  // comparisons per suggestion

// The candidate closest to `word` by edit distance, when it is close enough to be a likely
// typo (at most 2 edits, and fewer than half the word's length); nullopt otherwise. Only
// candidates of at most k_max_suggest_chars are compared, and at most k_max_suggest_candidates.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// "" or "; did you mean \"cycles\"?" (the quoted form used in error messages); the suggested
// candidate is sanitized, since candidates can be routine names read from files.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace backcare
