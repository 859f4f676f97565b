#pragma once
// Turns routine text into a validated Routine, or the full list of what is wrong with it.
// Pure: no file system, no clock, no globals, and no exception leaves it.
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "routine.hpp"

namespace backcare {

inline constexpr std::size_t k_max_string_chars = 500;
inline constexpr std::size_t k_max_steps = 1000;
inline constexpr std::int64_t k_max_count = 10000;  // cycles, sets, reps

struct LoadResult {
  Routine routine;
  Diagnostics errors;
  bool ok() const { return errors.empty(); }
};

// `source` names the text in diagnostics and is kept as Routine::source.
LoadResult load_routine(std::string_view text, const std::string& source);

}  // namespace backcare
