#include "session/keys.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using backcare::Key;
using backcare::KeyDecoder;

namespace {

// "pause next quit": keys as one string, so a failure shows what was decoded.
std::string names(const std::vector<Key>& keys) {
  std::string out;
  for (Key key : keys) {
    if (!out.empty()) {
      out += ' ';
    }
    out += backcare::key_name(key);
  }
  return out;
}

// Feeds `bytes` to a fresh decoder and settles it, as the loop does after a quiet time.
std::string decode_all(std::string_view bytes) {
  KeyDecoder decoder;
  std::vector<Key> keys = decoder.feed(bytes);
  if (auto key = decoder.flush_escape()) {
    keys.push_back(*key);
  }
  return names(keys);
}

}  // namespace

TEST_CASE("keys::bindings") {
  CHECK(decode_all(" pP") == "pause pause pause");
  CHECK(decode_all("nN") == "next next");
  CHECK(decode_all("bB") == "back back");
  CHECK(decode_all("qQ\x03") == "quit quit quit");
  CHECK(decode_all("x\r\t7\x7f") == "other other other other other");
  CHECK(decode_all(std::string_view("\0", 1)) == "other");
}

TEST_CASE("keys::arrows") {
  CHECK(decode_all("\x1b[C") == "next");
  CHECK(decode_all("\x1bOC") == "next");
  CHECK(decode_all("\x1b[D") == "back");
  CHECK(decode_all("\x1bOD") == "back");
  CHECK(decode_all("\x1b[A\x1b[B\x1bOA") == "other other other");
  CHECK(decode_all("\x1b[C\x1b[Dq") == "next back quit");
}

TEST_CASE("keys::arrow split across feeds") {
  KeyDecoder decoder;
  SUBCASE("ESC then [C") {
    CHECK(names(decoder.feed("\x1b")) == "");
    CHECK(decoder.pending_escape());
    CHECK(names(decoder.feed("[C")) == "next");
  }
  SUBCASE("ESC [ then C") {
    CHECK(names(decoder.feed("n\x1b[")) == "next");
    CHECK(decoder.pending_escape());
    CHECK(names(decoder.feed("C")) == "next");
  }
  SUBCASE("one byte at a time") {
    CHECK(names(decoder.feed("\x1b")) == "");
    CHECK(names(decoder.feed("O")) == "");
    CHECK(decoder.pending_escape());
    CHECK(names(decoder.feed("D")) == "back");
  }
  CHECK_FALSE(decoder.pending_escape());
  CHECK_FALSE(decoder.flush_escape().has_value());
}

TEST_CASE("keys::lone escape is quit after flush") {
  KeyDecoder decoder;
  CHECK(names(decoder.feed("\x1b")) == "");
  CHECK(decoder.pending_escape());
  auto key = decoder.flush_escape();
  REQUIRE(key.has_value());
  CHECK(*key == Key::quit);
  CHECK_FALSE(decoder.pending_escape());
  CHECK_FALSE(decoder.flush_escape().has_value());
  // After the flush, a late "[C" is plain text, not the rest of an arrow.
  CHECK(names(decoder.feed("[C")) == "other other");
}

TEST_CASE("keys::flush with nothing pending") {
  KeyDecoder decoder;
  CHECK_FALSE(decoder.pending_escape());
  CHECK_FALSE(decoder.flush_escape().has_value());
  CHECK(names(decoder.feed("p")) == "pause");
  CHECK_FALSE(decoder.flush_escape().has_value());
}

TEST_CASE("keys::escape escape") {
  SUBCASE("settled: one quit") {
    KeyDecoder decoder;
    CHECK(names(decoder.feed("\x1b\x1b")) == "");
    CHECK(decoder.pending_escape());
    CHECK(decoder.flush_escape() == Key::quit);
  }
  SUBCASE("Esc then an arrow") {
    // ESC, ESC [ C in one read could also be rxvt's Alt+Right, which is what we assume.
    CHECK(decode_all("\x1b\x1b[C") == "other");
  }
  SUBCASE("Esc then Alt+key") {
    CHECK(decode_all("\x1b\x1bq") == "quit other");
  }
  SUBCASE("three") {
    CHECK(decode_all("\x1b\x1b\x1b") == "quit quit");
  }
  SUBCASE("Esc then Ctrl-C byte") {
    CHECK(decode_all("\x1b\x03") == "other");
  }
}

TEST_CASE("keys::alt+key is not esc") {
  CHECK(decode_all("\x1bq") == "other");
  CHECK(decode_all("\x1bnp") == "other pause");
  CHECK(decode_all("\x1b\xc3\xa9q") == "other quit");  // Alt+é
}

TEST_CASE("keys::unknown sequences are consumed whole") {
  CHECK(decode_all("\x1b[1;5C") == "other");               // Ctrl-Right
  CHECK(decode_all("\x1b[1;2D") == "other");               // Shift-Left
  CHECK(decode_all("\x1b[200~") == "other");               // bracketed paste start
  CHECK(decode_all("\x1b[15~\x1b[24~") == "other other");  // F5, F12
  CHECK(decode_all("\x1bOP") == "other");                  // F1 (SS3)
  CHECK(decode_all("\x1bO5C") == "other");                 // Ctrl-Right on some terminals
  CHECK(decode_all("\x1b[?1;2c") == "other");              // a device attributes reply
  CHECK(decode_all("\x1b[<0;10;5M") == "other");           // an SGR mouse report
  // Nothing inside leaks out as a key: the 'q' in a sequence is not a quit.
  CHECK(decode_all("\x1b[2q") == "other");
  CHECK(decode_all("\x1b[1;5Cn") == "other next");
}

TEST_CASE("keys::unknown sequence split across feeds") {
  KeyDecoder decoder;
  CHECK(names(decoder.feed("\x1b[1")) == "");
  CHECK(names(decoder.feed(";5")) == "");
  CHECK(decoder.pending_escape());
  CHECK(names(decoder.feed("Cb")) == "other back");
}

TEST_CASE("keys::cut sequences") {
  SUBCASE("flushed") {
    KeyDecoder decoder;
    CHECK(names(decoder.feed("\x1b[1;")) == "");
    CHECK(decoder.flush_escape() == Key::other);
    CHECK(names(decoder.feed("q")) == "quit");
  }
  SUBCASE("a control byte ends the sequence") {
    CHECK(decode_all("\x1b[1\rq") == "other other quit");
    CHECK(decode_all("\x1b[\x03") == "other quit");
  }
  SUBCASE("an ESC ends the sequence and starts another") {
    CHECK(decode_all("\x1b[\x1b[C") == "other next");
    CHECK(decode_all("\x1bO\x1b") == "other quit");
  }
}

TEST_CASE("keys::utf8 characters are one other each") {
  CHECK(decode_all("\xc3\xa9") == "other");          // é
  CHECK(decode_all("\xe2\x82\xac") == "other");      // €
  CHECK(decode_all("\xf0\x9f\x98\x80") == "other");  // 😀
  CHECK(decode_all("\xc3\xa9n\xe2\x82\xacq") == "other next other quit");

  SUBCASE("split across feeds") {
    KeyDecoder decoder;
    CHECK(names(decoder.feed("\xf0\x9f")) == "");
    CHECK_FALSE(decoder.pending_escape());
    CHECK(names(decoder.feed("\x98\x80p")) == "other pause");
  }
  SUBCASE("truncated or invalid") {
    CHECK(decode_all("\xe2\x82q") == "other quit");   // cut short by an ASCII byte
    CHECK(decode_all("\xe2\x1b[C") == "other next");  // cut short by an arrow
    CHECK(decode_all("\x80\xbf") == "other other");   // stray continuation bytes
    CHECK(decode_all("\xc0\xff") == "other other");   // never valid in UTF-8
  }
}
