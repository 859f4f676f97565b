#pragma once
// A problem found in a routine, with where it is. Expected failures are values, not
// exceptions: loaders return every Diagnostic they find, and the CLI prints one per line.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

struct Diagnostic {
  std::string source;   // file name, "<stdin>" or "built-in:NAME"
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based, in bytes; 0 when unknown
  std::string path;     // JSON path such as "steps[2].duration"; empty for syntax errors
  std::string message;  // what was expected; untrusted text already sanitized

  // "night.json:12:7: steps[2].duration: must be > 0"
  std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

// Problems of one file printed at most: the first few, then one line for the rest. Thousands of
// lines (a config of unknown keys, a routine wrong in every step) bury the first problem, the
// one to fix, and cost time for nothing.
inline constexpr std::size_t k_max_errors = 50;

// "and 64209 more errors": the line that stands for the `more` problems not printed.
std::string and_more(std::size_t more, std::string_view what);

// Keeps the first `max` of `errors` and, when there were more, ends them with
// "SOURCE: and N more errors".
void cap_diagnostics(Diagnostics& errors, const std::string& source,
                     std::size_t max = k_max_errors);

}  // namespace backcare
