#include "speech.hpp"

#include <doctest/doctest.h>

namespace backcare {

TEST_CASE("speech::speakable") {
  CHECK(speakable("Ribs widen") == "Ribs widen");
  CHECK(speakable("\x1b[2Jclear") == " [2Jclear");
  CHECK(speakable("a\tb\nc\x7f") == "a b c ");
  CHECK(speakable("x\xc2\x9by") == "x y");   // a C1 control
  CHECK(speakable("360° ok") == "360° ok");  // other UTF-8 stays
  CHECK(speakable("--help") == " --help");   // never an option of the speech program
  CHECK(speakable("").empty());
}

TEST_CASE("speech::program_in_path") {
  CHECK(program_in_path("sh"));
  CHECK(program_in_path("/bin/sh"));
  CHECK_FALSE(program_in_path("backcare-no-such-program"));
  CHECK_FALSE(program_in_path("/nonexistent/espeak-ng"));
}

}  // namespace backcare
