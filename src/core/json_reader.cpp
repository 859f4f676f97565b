#include "json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "sanitize.hpp"
#include "text.hpp"

namespace backcare {
namespace {

// Thrown inside the reader only, to stop at the first syntax error; never leaves read_json.
struct SyntaxError {
  std::size_t offset;
  std::string message;
};

class Reader {
 public:
  // With `positions`, every value's and key's place is recorded there as the text is read.
  Reader(std::string_view text, JsonReadResult& result, const std::string& source,
         JsonDocument::Positions* positions = nullptr)
      : m_text(text), m_result(result), m_source(source), m_positions(positions) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  void read_document() {
    skip_space();
    m_result.document.value = read_value("", 1);
    skip_space();
    if (m_pos < m_text.size()) {
      fail("unexpected text after the end of the JSON document");
    }
  }

  TextPosition position_of(std::size_t offset) const {
    const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_line_starts.begin());
    return {static_cast<int>(line), static_cast<int>(offset - m_line_starts[line - 1] + 1)};
  }

  void report(std::size_t offset, std::string path, std::string message) {
    const TextPosition p = position_of(offset);
    m_result.errors.push_back({m_source, p.line, p.column, std::move(path), std::move(message)});
  }

 private:
  [[noreturn]] void fail(std::string message) { throw SyntaxError{m_pos, std::move(message)}; }

  bool at_end() const { return m_pos >= m_text.size(); }
  char peek() const { return m_text[m_pos]; }

  void skip_space() {
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

  std::string describe_here() const {
    if (at_end()) {
      return "the end of the file";
    }
    const char c = peek();
    if (static_cast<unsigned char>(c) < 0x80 && c >= 0x20) {
      return fmt::format("'{}'", c);
    }
    return fmt::format("byte 0x{:02x}", static_cast<unsigned char>(c));
  }

  Json read_value(const std::string& path, int depth) {
    if (depth > k_max_json_depth) {
      fail(fmt::format("nesting deeper than {} levels", k_max_json_depth));
    }
    if (at_end()) {
      fail("expected a value, found the end of the file");
    }
    if (m_duplicate_depth == 0 && m_positions != nullptr) {
      m_positions->values[path] = position_of(m_pos);
    }
    switch (peek()) {
      case '{':
        return read_object(path, depth);
      case '[':
        return read_array(path, depth);
      case '"':
        return read_string();
      case 't':
        return read_literal("true", Json(true));
      case 'f':
        return read_literal("false", Json(false));
      case 'n':
        return read_literal("null", Json(nullptr));
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
          return read_number(path);
        }
        fail(fmt::format("expected a value, found {}", describe_here()));
    }
  }

  Json read_literal(std::string_view word, Json value) {
    if (m_text.substr(m_pos, word.size()) != word) {
      fail(fmt::format("expected a value, found {}", describe_here()));
    }
    m_pos += word.size();
    return value;
  }

  Json read_object(const std::string& path, int depth) {
    Json object = Json::object();
    std::unordered_set<std::string> seen;
    ++m_pos;  // '{'
    skip_space();
    if (!at_end() && peek() == '}') {
      ++m_pos;
      return object;
    }
    while (true) {
      skip_space();
      if (at_end() || peek() != '"') {
        if (!at_end() && peek() == '}') {
          fail("trailing comma is not allowed");
        }
        fail(fmt::format("expected a member name in double quotes, found {}", describe_here()));
      }
      const std::size_t key_offset = m_pos;
      std::string key = read_string().get<std::string>();
      const std::string member_path = json_path_member(path, key);
      skip_space();
      if (at_end() || peek() != ':') {
        fail(fmt::format("expected ':' after the member name, found {}", describe_here()));
      }
      ++m_pos;
      skip_space();
      const bool duplicate = !seen.insert(key).second;
      if (duplicate) {
        report(key_offset, member_path, "duplicate key (each key may appear only once)");
        // Read and check the repeated value, but keep the first value's positions.
        ++m_duplicate_depth;
        read_value(member_path, depth + 1);
        --m_duplicate_depth;
      } else {
        if (m_duplicate_depth == 0 && m_positions != nullptr) {
          m_positions->keys[member_path] = position_of(key_offset);
        }
        object[key] = read_value(member_path, depth + 1);
      }
      skip_space();
      if (at_end()) {
        fail("expected ',' or '}', found the end of the file");
      }
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      if (peek() == '}') {
        ++m_pos;
        return object;
      }
      fail(fmt::format("expected ',' or '}}' after an object member, found {}", describe_here()));
    }
  }

  Json read_array(const std::string& path, int depth) {
    Json array = Json::array();
    ++m_pos;  // '['
    skip_space();
    if (!at_end() && peek() == ']') {
      ++m_pos;
      return array;
    }
    while (true) {
      skip_space();
      if (!at_end() && peek() == ']') {
        fail("trailing comma is not allowed");
      }
      array.push_back(read_value(json_path_index(path, array.size()), depth + 1));
      skip_space();
      if (at_end()) {
        fail("expected ',' or ']', found the end of the file");
      }
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      if (peek() == ']') {
        ++m_pos;
        return array;
      }
      fail(fmt::format("expected ',' or ']' after an array element, found {}", describe_here()));
    }
  }

  unsigned read_hex4() {
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

  Json read_string() {
    ++m_pos;  // '"'
    std::string out;
    while (true) {
      if (at_end()) {
        fail("unterminated string");
      }
      const char c = m_text[m_pos];
      if (c == '"') {
        ++m_pos;
        return Json(std::move(out));
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

  Json read_number(const std::string& path) {
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
    report(start, path, fmt::format("number {} is out of range", token));
    m_result.document.reported.insert(path);
    return Json(nullptr);  // reported; the loader sees a null and says nothing more
  }

  std::string_view m_text;
  JsonReadResult& m_result;
  const std::string& m_source;
  JsonDocument::Positions* m_positions;
  std::vector<std::size_t> m_line_starts;
  std::size_t m_pos = 0;
  int m_duplicate_depth = 0;  // > 0 inside the value of a duplicate key: positions not recorded
};

bool is_identifier(std::string_view key) {
  if (key.empty()) {
    return false;
  }
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '$';
  });
}

}  // namespace

const JsonDocument::Positions& JsonDocument::positions() const {
  if (!m_positions) {
    Positions maps;
    if (complete) {
      // The text was read without error once; reading it again only records the places.
      JsonReadResult again;
      const std::string no_source;  // the Reader keeps a reference: it must outlive it
      Reader reader(text, again, no_source, &maps);
      try {
        reader.read_document();
      } catch (const SyntaxError&) {
        maps = {};
      }
    }
    m_positions = std::make_shared<const Positions>(std::move(maps));
  }
  return *m_positions;
}

TextPosition JsonDocument::value_at(const std::string& path) const {
  const auto& values = positions().values;
  const auto it = values.find(path);
  return it == values.end() ? TextPosition{} : it->second;
}

TextPosition JsonDocument::key_at(const std::string& path) const {
  const auto& keys = positions().keys;
  const auto it = keys.find(path);
  return it == keys.end() ? value_at(path) : it->second;
}

std::string json_path_member(const std::string& parent, std::string_view key) {
  if (is_identifier(key)) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
  }
  return parent + "[" + Json(sanitize(key)).dump() + "]";
}

std::string json_path_index(const std::string& parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

JsonReadResult read_json(std::string_view text, const std::string& source) {
  JsonReadResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);  // a UTF-8 byte order mark, as some editors write
  }
  Reader reader(text, result, source);
  // Whole-text checks first: a NUL byte and invalid UTF-8 are reported where they are.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    reader.report(nul, "", "NUL byte (a routine file is UTF-8 text)");
    return result;
  }
  if (!is_valid_utf8(text)) {
    const std::size_t bad = first_invalid_utf8(text);
    reader.report(bad, "",
                  fmt::format("invalid UTF-8 (byte 0x{:02x}); routine files must be UTF-8 text",
                              static_cast<unsigned char>(text[bad])));
    return result;
  }
  try {
    reader.read_document();
    result.complete = true;
    result.document.text = text;
    result.document.complete = true;
  } catch (const SyntaxError& error) {
    result.errors.clear();
    reader.report(error.offset, "", error.message);
  }
  return result;
}

}  // namespace backcare
