#include "json/json_lexer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>

#include "base/sanitize.hpp"
#include "base/text.hpp"

namespace backcare {

void JsonLexer::fail(std::string message) const {
  throw JsonSyntaxError{m_pos, std::move(message)};
}

void JsonLexer::skip_space() {
  while (!at_end()) {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++m_pos;
    } else if (c == '/' && m_pos + 1 < m_text.size() &&
               (m_text[m_pos + 1] == '/' || m_text[m_pos + 1] == '*')) {
      fail("comments are not allowed in JSON");
    } else {
      return;
    }
  }
}

std::string JsonLexer::describe_here() const {
  if (at_end()) {
    return "the end of the file";
  }
  const char c = peek();
  if (static_cast<unsigned char>(c) < 0x80 && c >= 0x20) {
    return fmt::format("'{}'", c);
  }
  return fmt::format("byte 0x{:02x}", static_cast<unsigned char>(c));
}

void JsonLexer::expect_literal(std::string_view word) {
  if (m_text.substr(m_pos, word.size()) != word) {
    fail(fmt::format("expected a value, found {}", describe_here()));
  }
  m_pos += word.size();
}

unsigned JsonLexer::read_hex4() {
  if (m_pos + 4 > m_text.size()) {
    fail("incomplete \\u escape");
  }
  unsigned value = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = m_text[m_pos++];
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<unsigned>(c - 'A' + 10);
    } else {
      --m_pos;
      fail("expected four hex digits after \\u");
    }
  }
  return value;
}

void JsonLexer::read_string_into(std::string& out) {
  ++m_pos;  // '"'
  while (true) {
    if (at_end()) {
      fail("unterminated string");
    }
    const char c = m_text[m_pos];
    if (c == '"') {
      ++m_pos;
      return;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      fail("control character in a string (write it as an escape such as \\n)");
    }
    if (c != '\\') {
      out += c;
      ++m_pos;
      continue;
    }
    ++m_pos;
    if (at_end()) {
      fail("unterminated string");
    }
    const char e = m_text[m_pos++];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = read_hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (m_text.substr(m_pos, 2) != "\\u") {
            fail("lone UTF-16 surrogate in a \\u escape");
          }
          m_pos += 2;
          const unsigned low = read_hex4();
          if (low < 0xDC00 || low > 0xDFFF) {
            fail("lone UTF-16 surrogate in a \\u escape");
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          fail("lone UTF-16 surrogate in a \\u escape");
        }
        backcare::append_utf8(out, cp);
        break;
      }
      default:
        --m_pos;
        fail(fmt::format("invalid escape '\\{}' in a string", sanitize(std::string(1, e))));
    }
  }
}

std::optional<Json> JsonLexer::read_number_token() {
  const std::size_t start = m_pos;
  bool is_integer = true;
  if (peek() == '-') {
    ++m_pos;
  }
  const auto digits = [&] {
    std::size_t n = 0;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      ++m_pos, ++n;
    }
    return n;
  };
  const std::size_t int_start = m_pos;
  if (digits() == 0) {
    fail("expected a digit in a number");
  }
  if (m_text[int_start] == '0' && m_pos - int_start > 1) {
    m_pos = int_start;
    fail("numbers may not have leading zeros");
  }
  if (!at_end() && peek() == '.') {
    ++m_pos;
    is_integer = false;
    if (digits() == 0) {
      fail("expected a digit after the decimal point");
    }
  }
  if (!at_end() && (peek() == 'e' || peek() == 'E')) {
    ++m_pos;
    is_integer = false;
    if (!at_end() && (peek() == '+' || peek() == '-')) {
      ++m_pos;
    }
    if (digits() == 0) {
      fail("expected a digit in the exponent");
    }
  }
  const std::string_view token = m_text.substr(start, m_pos - start);
  if (is_integer) {
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc() && ptr == token.data() + token.size()) {
      return Json(value);
    }
  } else {
    double value = 0;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc() && ptr == token.data() + token.size() && std::isfinite(value)) {
      return Json(value);
    }
  }
  return std::nullopt;
}

}  // namespace backcare
