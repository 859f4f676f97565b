#include "sanitize.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace backcare {
namespace {

// Decodes one UTF-8 code point at text[i]. Returns its length, or 0 when the bytes there are
// not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid too).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    out = b0;
    return 1;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  out = cp;
  return length;
}

bool is_escaped(char32_t cp, bool keep_newlines) {
  if ((cp == '\n' || cp == '\t') && keep_newlines) {
    return false;  // as documented: keep_newlines keeps tab and newline
  }
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int width_of(char32_t cp) {
  if (is_combining(cp)) {
    return 0;
  }
  return is_wide(cp) ? 2 : 1;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      return false;
    }
    i += n;
  }
  return true;
}

std::string sanitize(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (is_escaped(cp, keep_newlines)) {
      if (cp < 0x80) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
      } else {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
      }
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      width += 4;  // shown as "\xff" after sanitize
      ++i;
      continue;
    }
    width += width_of(cp);
    i += n;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, int columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  if (columns <= 0) {
    return {};
  }
  std::string out;
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t n = decode_utf8(text, i, cp);
    const int w = n == 0 ? 1 : width_of(cp);
    if (n == 0) {
      n = 1;
    }
    if (width + w > columns - 1) {
      break;
    }
    out.append(text.substr(i, n));
    width += w;
    i += n;
  }
  return out + "…";
}

}  // namespace backcare
