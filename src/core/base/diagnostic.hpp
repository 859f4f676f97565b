#pragma once
// A problem found in a routine, with where it is. Expected failures are values, not
// exceptions: loaders return every Diagnostic they find, and the CLI prints one per line.
#include <cstddef>
#include <string>
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

inline constexpr std::size_t k_max_errors = 50;  // error lines per file

// Keeps the first `max` problems and adds one line saying how many more there are, so a file
// with thousands of problems prints a screenful, not thousands of lines.
void cap_errors(Diagnostics& errors, const std::string& source, std::size_t max = k_max_errors);

}  // namespace backcare
