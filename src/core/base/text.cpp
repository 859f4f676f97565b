#include "base/text.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace backcare {

CodePoint decode_utf8(std::string_view text, std::size_t offset) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset);
  const auto left = static_cast<utf8proc_ssize_t>(text.size() - offset);
  utf8proc_int32_t value = -1;
  const utf8proc_ssize_t length = utf8proc_iterate(bytes, left, &value);
  if (length <= 0 || value < 0) {
    return {static_cast<char32_t>(bytes[0]), 1, false};
  }
  return {static_cast<char32_t>(value), static_cast<std::size_t>(length), true};
}

CodePoints::Iterator::Iterator(std::string_view text, std::size_t offset)
    : m_text(text), m_offset(offset) {
  if (m_offset < m_text.size()) {
    m_current = decode_utf8(m_text, m_offset);
  }
}

CodePoints::Iterator& CodePoints::Iterator::operator++() {
  m_offset += m_current.length;
  m_current = m_offset < m_text.size() ? decode_utf8(m_text, m_offset) : CodePoint{};
  return *this;
}

int utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if (lead < 0xC2 || lead > 0xF4) {
    return 0;
  }
  return utf8proc_utf8class[lead];
}

bool is_utf8_continuation(unsigned char byte) {
  return byte >= 0x80 && byte <= 0xBF;
}

std::size_t first_invalid_utf8(std::string_view text) {
  for (const auto& [offset, cp] : CodePoints(text)) {
    if (!cp.valid) {
      return offset;
    }
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) {
  return first_invalid_utf8(text) == std::string_view::npos;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& item : CodePoints(text)) {
    ++count;
  }
  return count;
}

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

int char_width(char32_t cp) {
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
}

int display_width(std::string_view text) {
  int width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // Printable ASCII is one column, without a look-up (this runs on every line of every frame).
    if (text[i] >= 0x20 && text[i] < 0x7f) {
      ++width;
      ++i;
      continue;
    }
    for (const auto& [offset, cp] : CodePoints(text.substr(i))) {
      width += cp.valid ? char_width(cp.value) : 4;  // shown as "\xff" after sanitize
      i += std::max<std::size_t>(cp.length, 1);
      break;
    }
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
  for (const auto& [offset, cp] : CodePoints(text)) {
    const int w = cp.valid ? char_width(cp.value) : 1;
    if (width + w > columns - 1) {
      break;
    }
    out.append(text.substr(offset, cp.length));
    width += w;
  }
  return out + "…";
}

}  // namespace backcare
