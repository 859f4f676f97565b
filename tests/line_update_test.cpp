// Only the cells that changed: exact bytes for a growing bar, a countdown, styles, a shorter
// line, and the whole line for anything that is not one column a character.
#include "display/line_update.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace backcare;

TEST_CASE("line_update::equal lines write nothing") {
  CHECK(line_update("", "") == "");
  CHECK(line_update("\x1b[36m██░░\x1b[0m", "\x1b[36m██░░\x1b[0m") == "");
}

TEST_CASE("line_update::a bar that grows by a cell writes that cell in its style") {
  const std::string before = "\x1b[36m██\x1b[0m\x1b[2m░░░░\x1b[0m";
  const std::string after = "\x1b[36m███\x1b[0m\x1b[2m░░░\x1b[0m";
  CHECK(line_update(before, after) == "\r\x1b[2C\x1b[36m█\x1b[0m");
  // The eighth-block edge and the next cell: two cells, two styles.
  CHECK(line_update("\x1b[36m█▍\x1b[0m\x1b[2m░░\x1b[0m", "\x1b[36m██▏\x1b[0m\x1b[2m░\x1b[0m") ==
        "\r\x1b[1C\x1b[36m█▏\x1b[0m");
  // Without colour; the first cell.
  CHECK(line_update("░░░", "█░░") == "\r█");
  CHECK(line_update("#--", "##-") == "\r\x1b[1C#");
}

TEST_CASE("line_update::a countdown writes its digits") {
  CHECK(line_update("\x1b[1;36m▲ INHALE 3\x1b[0m", "\x1b[1;36m▲ INHALE 2\x1b[0m") ==
        "\r\x1b[9C\x1b[1;36m2\x1b[0m");
  CHECK(line_update("██░ 10:00 left", "██░ 9:59 left") == "\r\x1b[4C9:59 left\x1b[K");
  CHECK(line_update("██░ 9:59 left", "██░ 10:00 left") == "\r\x1b[4C10:00 left");
  // A style that changes alone is a change too.
  CHECK(line_update("\x1b[36mab\x1b[0m", "\x1b[2mab\x1b[0m") == "\r\x1b[2mab\x1b[0m");
}

TEST_CASE("line_update::every one-column character of the frame is a cell") {
  CHECK(line_update("█▏▎▍▌▋▊▉░▲▼·—… 1", "█▏▎▍▌▋▊▉░▲▼·—… 2") == "\r\x1b[15C2");
  // Their neighbours in Unicode are not.
  CHECK(line_update("▐ 1", "▐ 2") == "\r▐ 2\x1b[K");
  CHECK(line_update("– 1", "– 2") == "\r– 2\x1b[K");
}

TEST_CASE("line_update::anything else: the whole line") {
  // Wide, combining and unknown characters: the columns are not the cells.
  CHECK(line_update("日本 3", "日本 2") == "\r日本 2\x1b[K");
  CHECK(line_update("e\xcc\x81 3", "e\xcc\x81 2") == "\re\xcc\x81 2\x1b[K");
  CHECK(line_update("ok 3", "🙂 2") == "\r🙂 2\x1b[K");
  // Sequences other than SGR.
  CHECK(line_update("\x1b]0;x\x07 3", "\x1b]0;x\x07 2") == "\r\x1b]0;x\x07 2\x1b[K");
  CHECK(line_update("\x1b[2J 3", "\x1b[2J 2") == "\r\x1b[2J 2\x1b[K");
}
