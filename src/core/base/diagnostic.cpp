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

}  // namespace backcare
