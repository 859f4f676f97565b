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

std::string and_more(std::size_t more, std::string_view what) {
  return fmt::format("and {} more {}", more, what);
}

void cap_diagnostics(Diagnostics& errors, const std::string& source, std::size_t max) {
  if (errors.size() <= max) {
    return;
  }
  const std::size_t more = errors.size() - max;
  errors.resize(max);
  errors.push_back({source, 0, 0, "", and_more(more, "errors")});
}

}  // namespace backcare
