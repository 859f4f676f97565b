#include "base/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using backcare::char_width;
using backcare::CodePoint;
using backcare::CodePoints;
using backcare::count_code_points;
using backcare::decode_utf8;
using backcare::display_width;
using backcare::first_invalid_utf8;
using backcare::is_valid_utf8;
using backcare::truncate_to_width;
using backcare::utf8_sequence_length;

TEST_CASE("text::decode_utf8") {
  SUBCASE("ASCII, two, three and four bytes") {
    const std::string text = "a°中🚀";
    CodePoint cp = decode_utf8(text, 0);
    CHECK((cp.valid && cp.value == U'a' && cp.length == 1));
    cp = decode_utf8(text, 1);
    CHECK((cp.valid && cp.value == U'°' && cp.length == 2));
    cp = decode_utf8(text, 3);
    CHECK((cp.valid && cp.value == U'中' && cp.length == 3));
    cp = decode_utf8(text, 6);
    CHECK((cp.valid && cp.value == U'\U0001F680' && cp.length == 4));
  }
  SUBCASE("an invalid byte is one byte, marked invalid") {
    for (const std::string bad :
         {"\xff", "\x80", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x9c"}) {
      const CodePoint cp = decode_utf8(bad, 0);
      CHECK_FALSE(cp.valid);
      CHECK(cp.length == 1);
      CHECK(cp.value == static_cast<unsigned char>(bad[0]));
    }
  }
}

TEST_CASE("text::CodePoints iterates code points and invalid bytes") {
  std::vector<std::size_t> offsets;
  std::vector<char32_t> values;
  for (const auto& [offset, cp] : CodePoints("a\xff✅")) {
    offsets.push_back(offset);
    values.push_back(cp.value);
  }
  CHECK(offsets == std::vector<std::size_t>{0, 1, 2});
  CHECK(values == std::vector<char32_t>{U'a', 0xFF, U'✅'});
  CHECK(count_code_points("a\xff✅") == 3);
  CHECK(count_code_points("") == 0);
}

TEST_CASE("text::utf8_sequence_length") {
  CHECK(utf8_sequence_length('a') == 1);
  CHECK(utf8_sequence_length(0xC3) == 2);
  CHECK(utf8_sequence_length(0xE2) == 3);
  CHECK(utf8_sequence_length(0xF0) == 4);
  CHECK(utf8_sequence_length(0xF4) == 4);
  CHECK(utf8_sequence_length(0x80) == 0);  // continuation
  CHECK(utf8_sequence_length(0xC0) == 0);  // overlong lead
  CHECK(utf8_sequence_length(0xC1) == 0);
  CHECK(utf8_sequence_length(0xF5) == 0);  // past U+10FFFF
  CHECK(utf8_sequence_length(0xFF) == 0);
}

TEST_CASE("text::is_valid_utf8") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain"));
  CHECK(is_valid_utf8("360° 中文 \xf0\x9f\x98\x80"));
  CHECK(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xff"));
  CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  CHECK_FALSE(is_valid_utf8("\xc3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xc0\x80"));          // overlong NUL
  CHECK_FALSE(is_valid_utf8("\xe0\x80\xaf"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // U+110000
}

TEST_CASE("text::first_invalid_utf8") {
  CHECK(first_invalid_utf8("ok °") == std::string::npos);
  CHECK(first_invalid_utf8("ab\xff") == 2);
  CHECK(first_invalid_utf8("°\xe2\x9c") == 2);  // a truncated ✅ at the end
}

TEST_CASE("text::display_width") {
  SUBCASE("ASCII and Latin") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("360°") == 4);
    CHECK(display_width("côté") == 4);
  }
  SUBCASE("combining marks take no column") {
    CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
    CHECK(display_width("a\u0308o\u0308") == 2);
  }
  SUBCASE("CJK is two columns") {
    CHECK(display_width("中文") == 4);
    CHECK(display_width("한") == 2);
  }
  SUBCASE("emoji are two columns, as the terminal draws them") {
    CHECK(display_width("\xf0\x9f\x98\x80") == 2);  // 😀
    CHECK(display_width("✅") == 2);                 // U+2705, was counted as 1
    CHECK(display_width("🚀") == 2);                 // U+1F680, was counted as 1
    CHECK(display_width("✅ done 🚀") == 10);
    CHECK(char_width(U'\u2705') == 2);
    CHECK(char_width(U'\U0001F680') == 2);
  }
  SUBCASE("zero-width characters take no column") {
    CHECK(display_width("a\u200bb") == 2);  // zero width space
    CHECK(display_width("a\u200db") == 2);  // zero width joiner
    CHECK(display_width("a\ufeffb") == 2);  // zero width no-break space
    CHECK(display_width("a\u2060b") == 2);  // word joiner
  }
  SUBCASE("an invalid byte counts as its four-column escape") {
    CHECK(display_width("a\xff") == 5);
  }
}

TEST_CASE("text::truncate_to_width") {
  CHECK(truncate_to_width("hello", 5) == "hello");
  CHECK(truncate_to_width("hello", 4) == "hel…");
  CHECK(truncate_to_width("中文字", 4) == "中…");
  CHECK(truncate_to_width("hello", 0) == "");
  CHECK(truncate_to_width("🚀🚀🚀", 5) == "🚀🚀…");
  CHECK(truncate_to_width("🚀🚀🚀", 4) == "🚀…");
  CHECK(display_width(truncate_to_width("a✅b✅c✅", 6)) <= 6);
}
