#pragma once
// "Did you mean …?" for unknown keys, kinds, subcommands and routine names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// The candidate closest to `word` by edit distance, when it is close enough to be a likely
// typo (at most 2 edits, and fewer than half the word's length); nullopt otherwise.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// "" or "; did you mean \"cycles\"?" (the quoted form used in error messages); the suggested
// candidate is sanitized, since candidates can be routine names read from files.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace backcare
