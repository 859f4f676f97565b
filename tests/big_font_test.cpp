#include "display/big_font.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace backcare {

TEST_CASE("big_font::a word, ASCII") {
  const std::vector<std::string> hold = {
      "#   #  ###  #     #### ", "#   # #   # #     #   #", "##### #   # #     #   #",
      "#   # #   # #     #   #", "#   #  ###  ##### #### ",
  };
  CHECK(render_big("HOLD", true) == hold);
  CHECK(render_big("hold", true) == hold);
  CHECK(big_width("HOLD") == 23);
}

TEST_CASE("big_font::a word, blocks") {
  const std::vector<std::string> lift = {
      "█     ███ █████ █████", "█      █  █       █  ", "█      █  ████    █  ",
      "█      █  █       █  ", "█████ ███ █       █  ",
  };
  CHECK(render_big("LIFT", false) == lift);
  CHECK(big_width("LIFT") == 21);
}

TEST_CASE("big_font::a number and a clock") {
  const std::vector<std::string> number = {
      "  #    ### ", " ##   #    ", "  #   #### ", "  #   #   #", " ###   ### ",
  };
  CHECK(render_big("16", true) == number);
  CHECK(big_width("16") == 11);
  const std::vector<std::string> clock = {
      " ███    █   █ █████", "█  ██ █ █   █ █    ", "█ █ █   █████ ████ ",
      "██  █ █     █     █", " ███        █ ████ ",
  };
  CHECK(render_big("0:45", false) == clock);
  CHECK(big_width("0:45") == 19);
}

TEST_CASE("big_font::the phase marks are arrows") {
  CHECK(render_big("\u25B2", true) ==
        std::vector<std::string>{"  #  ", " ### ", "# # #", "  #  ", "  #  "});
  CHECK(render_big("\u25BC", false) ==
        std::vector<std::string>{"  █  ", "  █  ", "█ █ █", " ███ ", "  █  "});
  CHECK(big_width("\u25B2 INHALE 4") == 53);
  CHECK(big_width("\u25BC 6") == 15);
  // Another character of the same block is not an arrow.
  CHECK(render_big("\u25B6", true) == render_big("?", true));
}

TEST_CASE("big_font::widths and what is not in the font") {
  CHECK(big_width("GET READY") == 51);
  CHECK(big_width("SWITCH SIDES") == 65);
  CHECK(big_width("") == 0);
  CHECK(render_big("", true).empty());
  // A character outside the font is one '?' glyph, even when it takes several bytes.
  CHECK(render_big("\xC3\xA9", true) == render_big("?", true));
  CHECK(big_width("\xC3\xA9") == 5);
  for (const char* word : {"INHALE", "EXHALE", "HOLD", "REST", "LOWER", "LIFT", "WORK",
                           "SWITCH SIDES", "GET READY", "PAUSED", "DONE", "0123456789"}) {
    const std::vector<std::string> lines = render_big(word, true);
    REQUIRE(lines.size() == 5);
    for (const std::string& line : lines) {
      CHECK(static_cast<int>(line.size()) == big_width(word));
    }
    CHECK(lines != render_big(std::string(std::string_view(word).size(), '?'), true));
  }
}

}  // namespace backcare
