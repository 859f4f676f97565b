#include "base/diagnostic.hpp"

#include <fmt/format.h>

namespace backcare {

std::string Diagnostic::format() const {
  std::string out = source;
  if (line > 0) {
    out += fmt::format(":{}:{}", line, column);
  }
  out += ": ";
  if (!path.empty()) {
    out += path + ": ";
  }
  return out + message;
}

void cap_errors(Diagnostics& errors, const std::string& source, std::size_t max) {
  if (errors.size() <= max) {
    return;
  }
  const std::size_t more = errors.size() - max;
  errors.resize(max);
  errors.push_back({source, 0, 0, "", fmt::format("and {} more errors", more)});
}

}  // namespace backcare
