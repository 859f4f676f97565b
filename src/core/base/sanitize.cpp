#include "base/sanitize.hpp"

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

namespace {

// The length of an SGR sequence ("\x1b[1;36m") at the start of `text`, or 0.
std::size_t sgr_length(std::string_view text) {
  if (text.size() < 3 || text[0] != '\x1b' || text[1] != '[') {
    return 0;
  }
  for (std::size_t i = 2; i < text.size() && i < 32; ++i) {
    const char c = text[i];
    if (c == 'm') {
      return i + 1;
    }
    if ((c < '0' || c > '9') && c != ';') {
      return 0;
    }
  }
  return 0;
}

}  // namespace

std::string guard_output(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t keep = 0;  // bytes at i passed through as they are
    if (text[i] == '\x1b') {
      keep = sgr_length(text.substr(i));
    } else if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      keep = 2;  // CRLF, as CSV (RFC 4180) ends its lines
    }
    if (keep > 0) {
      out += sanitize(text.substr(start, i - start), true);
      out.append(text.substr(i, keep));
      i += keep - 1;
      start = i + 1;
    }
  }
  out += sanitize(text.substr(start), true);
  return out;
}

std::string safe_line(std::string_view text) {
  std::string out = sanitize(text, true);
  for (char& c : out) {
    if (c == '\n' || c == '\t' || c == '\r') {
      c = ' ';
    }
  }
  return out;
}

}  // namespace backcare
