#include "base/sanitize.hpp"

#include <doctest/doctest.h>

#include <string>

using backcare::safe_line;
using backcare::sanitize;

TEST_CASE("sanitize::sanitize") {
  SUBCASE("plain and non-ASCII text is kept") {
    CHECK(sanitize("Cat-cow") == "Cat-cow");
    CHECK(sanitize("360° breathing · côté") == "360° breathing · côté");
    CHECK(sanitize("") == "");
  }
  SUBCASE("OSC title sequence") {
    CHECK(sanitize("\x1b]0;x\x07") == "\\x1b]0;x\\x07");
  }
  SUBCASE("CSI clear screen") {
    CHECK(sanitize("\x1b[2Jhi") == "\\x1b[2Jhi");
  }
  SUBCASE("C1 control U+009B (the one-byte CSI)") {
    CHECK(sanitize("a\xc2\x9b"
                   "2Jb") == "a\\u009b2Jb");
    CHECK(sanitize("\xc2\x80\xc2\x9f") == "\\u0080\\u009f");
    CHECK(sanitize("\xc2\xa0") == "\xc2\xa0");  // U+00A0 is not a control
  }
  SUBCASE("bidi overrides and isolates") {
    CHECK(sanitize("abc\xe2\x80\xae"
                   "def") == "abc\\u202edef");
    CHECK(sanitize("\xe2\x80\xaa") == "\\u202a");
    CHECK(sanitize("\xe2\x81\xa6\xe2\x81\xa9") == "\\u2066\\u2069");
    CHECK(sanitize("\xe2\x80\xaf") == "\xe2\x80\xaf");  // U+202F, just past the range
  }
  SUBCASE("invisible format characters") {
    CHECK(sanitize("ad\u200bmin") == "ad\\u200bmin");  // zero width space
    CHECK(sanitize("\u200b\u200c\u200d\u200e\u200f") == "\\u200b\\u200c\\u200d\\u200e\\u200f");
    CHECK(sanitize("\u061c") == "\\u061c");  // Arabic letter mark
    CHECK(sanitize("a\u2028b\u2029c") == "a\\u2028b\\u2029c");
    CHECK(sanitize("soft\u00adhyphen") == "soft\\u00adhyphen");
    CHECK(sanitize("\ufeffname") == "\\ufeffname");
    CHECK(sanitize("\u2060\u2061\u2062\u2063\u2064") == "\\u2060\\u2061\\u2062\\u2063\\u2064");
    CHECK(sanitize("\u2065") == "\u2065");         // unassigned, just past the range: kept
    CHECK(sanitize("\u200a") == "\u200a");         // hair space, visible width: kept
    CHECK(sanitize("\u200b", true) == "\\u200b");  // keep_newlines does not keep them
  }
  SUBCASE("DEL and other C0 controls") {
    CHECK(sanitize("a\x7f"
                   "b") == "a\\x7fb");
    CHECK(sanitize(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(sanitize("\r") == "\\x0d");
  }
  SUBCASE("invalid UTF-8 bytes") {
    CHECK(sanitize("a\xff"
                   "b") == "a\\xffb");
    CHECK(sanitize("\xc3") == "\\xc3");                    // truncated sequence
    CHECK(sanitize("\xc0\xaf") == "\\xc0\\xaf");           // overlong '/'
    CHECK(sanitize("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // UTF-16 surrogate
  }
  SUBCASE("tab and newline are escaped by default") {
    CHECK(sanitize("a\tb\nc") == "a\\x09b\\x0ac");
  }
  SUBCASE("keep_newlines keeps tab and newline, still escapes the rest") {
    CHECK(sanitize("a\tb\nc", true) == "a\tb\nc");
    CHECK(sanitize("a\n\x1b[2J\r", true) == "a\n\\x1b[2J\\x0d");
  }
  SUBCASE("no raw escape byte survives") {
    const std::string out = sanitize("\x1b]0;x\x07\x1b[2J\xc2\x9b\xe2\x80\xae\x7f\xff");
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find("\xc2\x9b") == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out == "\\x1b]0;x\\x07\\x1b[2J\\u009b\\u202e\\x7f\\xff");
  }
}

TEST_CASE("sanitize::guard_output keeps colour and lines, escapes the rest") {
  using backcare::guard_output;
  CHECK(guard_output("plain text\n\tindented\n") == "plain text\n\tindented\n");
  CHECK(guard_output("\x1b[1;36mINHALE\x1b[0m 4\n") == "\x1b[1;36mINHALE\x1b[0m 4\n");
  CHECK(guard_output("°, — and ✅ stay") == "°, — and ✅ stay");
  // What a forgotten sanitize would have let through: a title, the clipboard, a clear.
  CHECK(guard_output("a\x1b]2;pwned\x07"
                     "b") == "a\\x1b]2;pwned\\x07b");
  CHECK(guard_output("\x1b]52;c;cHduZWQ=\x07") == "\\x1b]52;c;cHduZWQ=\\x07");
  CHECK(guard_output("\x1b[2J\x1b[H") == "\\x1b[2J\\x1b[H");
  CHECK(guard_output("x\rover\bwrite") == "x\\x0dover\\x08write");
  CHECK(guard_output("a,b\r\nc,d\r\n") == "a,b\r\nc,d\r\n");
  CHECK(guard_output("\xc2\x9b"
                     "31m") == "\\u009b31m");
  CHECK(guard_output("\xe2\x80\xae"
                     "evil") == "\\u202eevil");
  CHECK(guard_output("\x1b[") == "\\x1b[");
}

TEST_CASE("sanitize::safe_line") {
  CHECK(safe_line("Lie down.\nBreathe\tlow\r") == "Lie down. Breathe low\\x0d");  // CR is escaped
  CHECK(safe_line("red \x1b[31m") == "red \\x1b[31m");
  CHECK(safe_line("360° breathing") == "360° breathing");
}
