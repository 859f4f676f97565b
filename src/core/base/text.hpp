#pragma once
// The one place that reads UTF-8. Decoding, validity, code point counts and terminal display
// widths all come from utf8proc here, so the sanitizer, the renderer, the JSON reader, the
// loader, the key decoder and the speech filter agree on what a character is and how many
// columns it takes (a width that disagrees with the terminal breaks the in-place redraw).
#include <cstddef>
#include <string>
#include <string_view>

namespace backcare {

// One decoded code point. `length` is the number of bytes it took; an invalid byte (a stray
// continuation byte, a truncated sequence, an overlong form, a surrogate, a value past U+10FFFF)
// comes back as valid == false, length == 1 and value == the byte, so a loop always advances.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
  bool valid = false;
};

// Decodes the code point starting at text[offset] (offset < text.size()).
CodePoint decode_utf8(std::string_view text, std::size_t offset);

// The code points of a string in order, invalid bytes one by one:
//   for (const auto& [offset, cp] : CodePoints(text)) { ... }
class CodePoints {
 public:
  struct Item {
    std::size_t offset;
    CodePoint code_point;
  };
  class Iterator {
   public:
    Iterator(std::string_view text, std::size_t offset);
    Item operator*() const { return {m_offset, m_current}; }
    Iterator& operator++();
    bool operator!=(const Iterator& other) const { return m_offset != other.m_offset; }

   private:
    std::string_view m_text;
    std::size_t m_offset;
    CodePoint m_current;
  };

  explicit CodePoints(std::string_view text) : m_text(text) {}
  Iterator begin() const { return {m_text, 0}; }
  Iterator end() const { return {m_text, m_text.size()}; }

 private:
  std::string_view m_text;
};

// Bytes a UTF-8 sequence with this lead byte takes (1 for ASCII, 2..4), or 0 when the byte can
// never start a well-formed sequence (continuation bytes, C0, C1, F5..FF).
int utf8_sequence_length(unsigned char lead);

// True for a UTF-8 continuation byte (0x80..0xBF).
bool is_utf8_continuation(unsigned char byte);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// The offset of the first byte that does not start a well-formed code point, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// Number of code points (each invalid byte counts as one).
std::size_t count_code_points(std::string_view text);

// Appends the UTF-8 encoding of `cp` (nothing for a value past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Terminal columns one code point takes, from utf8proc_charwidth: 0 for combining marks and
// zero-width characters, 2 for East Asian wide characters and emoji, 1 otherwise.
int char_width(char32_t cp);

// Number of terminal columns `text` takes (after sanitize); an invalid byte counts 4, the width
// of the "\xff" sanitize writes for it.
int display_width(std::string_view text);

// Cuts sanitized `text` to at most `columns`, ending with "…" when cut.
std::string truncate_to_width(std::string_view text, int columns);

}  // namespace backcare
