#include "sanitize.hpp"

#include <fmt/format.h>

namespace backcare {
namespace {

bool is_escaped(char32_t cp, bool keep_newlines) {
  if ((cp == '\n' || cp == '\t') && keep_newlines) {
    return false;  // as documented: keep_newlines keeps tab and newline
  }
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string sanitize(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (const auto& [offset, code_point] : CodePoints(text)) {
    const char32_t cp = code_point.value;
    if (!code_point.valid) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
      continue;
    }
    if (is_escaped(cp, keep_newlines)) {
      if (cp < 0x80) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
      } else {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
      }
    } else {
      out.append(text.substr(offset, code_point.length));
    }
  }
  return out;
}

}  // namespace backcare
