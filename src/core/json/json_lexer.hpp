#pragma once
// The tokens of JSON text: white space, strings with their escapes, numbers and the literals,
// each checked as strictly as RFC 8259 asks (no comments, no leading zeros, no lone UTF-16
// surrogates, no control characters inside a string). It knows nothing of objects, arrays or
// paths: the reader (json_reader.cpp) builds values over it and decides what an error means.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "json/json_reader.hpp"

namespace backcare {

// Thrown at the first syntax error with the offset of the byte at fault; caught inside the
// reader, it never leaves read_json.
struct JsonSyntaxError {
  std::size_t offset;
  std::string message;
};

// A place in JSON text and the tokens read from there on. The reader derives from it, so that
// its own code reads `peek()` and `m_pos` as if the tokens were its own.
class JsonLexer {
 public:
  explicit JsonLexer(std::string_view text) : m_text(text) {}

 protected:
  [[noreturn]] void fail(std::string message) const;
  bool at_end() const { return m_pos >= m_text.size(); }
  char peek() const { return m_text[m_pos]; }

  // Skips white space; a comment is an error.
  void skip_space();
  // What is here, for a message: "'x'", "byte 0x01", "the end of the file".
  std::string describe_here() const;
  // Reads the string that starts here (at '"') into `out`, its escapes decoded.
  void read_string_into(std::string& out);
  // Reads `word` ("true", "false", "null") or fails.
  void expect_literal(std::string_view word);
  // Reads the number that starts here: an integer when it has no fraction or exponent, else a
  // double; nullopt when it is out of their range (its text is from where it started to m_pos).
  std::optional<Json> read_number_token();

  std::string_view m_text;
  std::size_t m_pos = 0;

 private:
  unsigned read_hex4();
};

}  // namespace backcare
