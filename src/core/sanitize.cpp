#include "sanitize.hpp"

#include <fmt/format.h>

namespace backcare {
namespace {

// Characters that draw nothing yet change what a line says: zero-width spaces and joiners,
// direction marks, line and paragraph separators, the soft hyphen, the byte order mark, word
// joiner and invisible operators. A name holding one looks like another name.
bool is_invisible_format(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || cp == 0x061C || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x00AD || cp == 0xFEFF || (cp >= 0x2060 && cp <= 0x2064);
}

bool is_escaped(char32_t cp, bool keep_newlines) {
  if ((cp == '\n' || cp == '\t') && keep_newlines) {
    return false;  // as documented: keep_newlines keeps tab and newline
  }
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || is_invisible_format(cp);
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
