#include "base/layout.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

using namespace backcare;

namespace {

using Lines = std::vector<std::string>;

// The spans' texts joined with "|", so a test sees where one span ends and the next begins.
std::string spans(const Line& line) {
  std::string out;
  for (const Span& span : line) {
    if (!out.empty()) {
      out += '|';
    }
    out += span.text;
  }
  return out;
}

}  // namespace

TEST_CASE("layout::line_width") {
  CHECK(line_width({}) == 0);
  CHECK(line_width({{"Step 1/3", k_style_none}, {" · ", k_style_dim}, {"Cat-cow", k_style_bold}}) ==
        18);
  CHECK(line_width({{"日本", k_style_none}, {"e\u0301", k_style_none}}) == 5);  // wide, combining
}

TEST_CASE("layout::fit") {
  const Line line = {
      {"Step 1/3", k_style_none}, {" · ", k_style_none}, {"Foam roller", k_style_bold}};
  CHECK(spans(fit(line, 40)) == "Step 1/3| · |Foam roller");
  CHECK(spans(fit(line, 22)) == "Step 1/3| · |Foam roller");
  SUBCASE("the span that does not fit ends with an ellipsis, later spans go") {
    const Line cut = fit(line, 16);
    CHECK(spans(cut) == "Step 1/3| · |Foam…");
    CHECK(cut.back().style == k_style_bold);
    CHECK(spans(fit(line, 5)) == "Step…");
  }
  SUBCASE("a span that ends exactly at the edge is kept whole, nothing after it") {
    CHECK(spans(fit(line, 8)) == "Step 1/3");
  }
  SUBCASE("no room") {
    CHECK(fit(line, 0).empty());
    CHECK(fit(line, -4).empty());
  }
}

TEST_CASE("layout::styled_text") {
  const Line line = {{"INHALE 3", "1;36"}, {"", k_style_bold}, {" left", k_style_none}};
  CHECK(styled_text(line, false) == "INHALE 3 left");
  CHECK(styled_text(line, true) == "\x1b[1;36mINHALE 3\x1b[0m left");
  CHECK(styled_text({}, true) == "");
}

TEST_CASE("layout::join_lines") {
  const std::vector<Line> lines = {
      {{"Morning back care", k_style_bold}}, {}, {{"next: ", k_style_dim}, {"Rest", k_style_none}}};
  CHECK(join_lines(lines, 40, false) == "Morning back care\n\nnext: Rest");
  CHECK(join_lines(lines, 8, false) == "Morning…\n\nnext: R…");
  CHECK(join_lines(lines, 40, true) ==
        "\x1b[1mMorning back care\x1b[0m\n\n\x1b[2mnext: \x1b[0mRest");
  CHECK(join_lines({}, 40, false) == "");
}

TEST_CASE("layout::two_columns") {
  const Line left = {{"Step 1/3 · ", k_style_none}, {"360 breathing", k_style_bold}};
  const Span right = {"0:09", k_style_dim};
  SUBCASE("right flush with the edge") {
    CHECK(styled_text(two_columns(left, right, 40), false) ==
          "Step 1/3 · 360 breathing            0:09");
    CHECK(styled_text(two_columns(left, right, 29), false) == "Step 1/3 · 360 breathing 0:09");
  }
  SUBCASE("left cut to leave one space before the right column") {
    CHECK(styled_text(two_columns(left, right, 20), false) == "Step 1/3 · 360… 0:09");
  }
  SUBCASE("too narrow for both: the right column goes") {
    CHECK(styled_text(two_columns(left, right, 12), false) == "Step 1/3 · 360 breathing");
  }
  SUBCASE("a short left fits even where a long one would not") {
    CHECK(styled_text(two_columns({{"Done", k_style_none}}, right, 9), false) == "Done 0:09");
  }
  SUBCASE("an empty right column adds nothing") {
    CHECK(spans(two_columns(left, {"", k_style_dim}, 40)) == "Step 1/3 · |360 breathing");
  }
}

TEST_CASE("layout::wrap") {
  const std::string text = "Lie on your back, knees bent. Breathe low and wide.";
  CHECK(wrap(text, 20) == Lines{"Lie on your back,", "knees bent. Breathe", "low and wide."});
  CHECK(wrap(text, 80) == Lines{text});
  SUBCASE("runs of spaces are one break") {
    CHECK(wrap("  ribs   widen  ", 20) == Lines{"ribs widen"});
    CHECK(wrap("", 20).empty());
    CHECK(wrap("   ", 20).empty());
  }
  SUBCASE("a word wider than the line is split") {
    CHECK(wrap("a pneumonoultramicroscopic b", 10) ==
          Lines{"a", "pneumonoul", "tramicrosc", "opic b"});
  }
  SUBCASE("split by columns, never inside a code point") {
    CHECK(wrap("日本語の文", 4) == Lines{"日本", "語の", "文"});
    CHECK(wrap("日本", 1) == Lines{"日", "本"});  // one code point per line at least
    CHECK(wrap("e\u0301e\u0301e\u0301", 2) == Lines{"e\u0301e\u0301", "e\u0301"});
  }
}

TEST_CASE("layout::wrap_limited") {
  const std::string text = "one two three four five six";
  CHECK(wrap_limited(text, 10, 5) == Lines{"one two", "three four", "five six"});
  CHECK(wrap_limited(text, 10, 3) == Lines{"one two", "three four", "five six"});
  CHECK(wrap_limited(text, 10, 2) == Lines{"one two", "three fou…"});
  CHECK(wrap_limited(text, 10, 1) == Lines{"one two t…"});
  CHECK(wrap_limited(text, 10, 0).empty());
  CHECK(wrap_limited(text, 10, -1).empty());
}

TEST_CASE("layout::wrap_text") {
  CHECK(wrap_text("Breathe\nlow\x07 and wide", 12) == Lines{"Breathe", "low\\x07 and", "wide"});
  CHECK(wrap_text("ab cd", 0) == Lines{"a", "b", "c", "d"});  // width at least 1
}

TEST_CASE("layout::bar_parts") {
  const BarParts half = bar_parts(0.5, 8);
  CHECK(half.filled == "████");
  CHECK(half.empty == "░░░░");
  const BarParts eighth = bar_parts(1.0 / 16.0, 8);  // half a cell: four eighths
  CHECK(eighth.filled == "▌");
  CHECK(eighth.empty == "░░░░░░░");
  CHECK(bar_parts(1.0, 3).empty == "");
  CHECK(bar_parts(std::numeric_limits<double>::quiet_NaN(), 2).filled == "");
  CHECK(bar_parts(0.5, 0).filled.empty());
  CHECK(bar_parts(0.5, 0).empty.empty());
}

TEST_CASE("layout::bar_line") {
  const Line line = bar_line(0.25, 4, "36");
  REQUIRE(line.size() == 2);
  CHECK(line[0].text == "█");
  CHECK(line[0].style == "36");
  CHECK(line[1].text == "░░░");
  CHECK(line[1].style == k_style_dim);
  CHECK(styled_text(line, true) == "\x1b[36m█\x1b[0m\x1b[2m░░░\x1b[0m");
  CHECK(line_width(line) == 4);
  CHECK(render_bar(0.25, 4) == "█░░░");
}

TEST_CASE("layout::ascii") {
  CHECK(to_ascii("360° breathing — ribs · back… ▲ ▼ 3 × 8 ‘a’ “b”") ==
        "360deg breathing - ribs - back... ^ v 3 x 8 'a' \"b\"");
  CHECK(to_ascii("█▉▊▋▌▍▎▏░") == "########-");
  CHECK(to_ascii("Atmung für 日本") == "Atmung f?r ??");
  CHECK(to_ascii("\xe2\x82") == "?");  // a code point cut short
  CHECK(to_ascii("plain") == "plain");
  CHECK(truncate_ascii("one two three", 20) == "one two three");
  CHECK(truncate_ascii("one two three", 9) == "one tw...");
  CHECK(truncate_ascii("one two three", 3) == "one");
  CHECK(truncate_ascii("one two three", 0) == "");
  const Line bar = bar_line(0.25, 8, "36", true);
  REQUIRE(bar.size() == 2);
  CHECK(bar[0].text == "##");
  CHECK(bar[1].text == "------");
  CHECK(styled_text(bar_line(1.0 / 16.0, 8, "36", true), false) == "#-------");
  CHECK(styled_text(bar_line(2.0, 4, "", true), false) == "####");
  CHECK(bar_line(0.5, 0, "", true).empty());
  const std::vector<Line> lines = {{{"360° breathing and more", k_style_bold}}};
  CHECK(join_lines(lines, 12, false, true) == "360deg br...");
  CHECK(join_lines(lines, 12, false, false) == "360° breath…");
}

TEST_CASE("layout::wrapped_line_count is wrap's size") {
  const std::string long_word(95, 'x');
  for (const std::string& text :
       {std::string(), std::string("   "), std::string("one"), std::string("one two three four"),
        std::string("a  b   c"), long_word, "lead " + long_word + " tail", std::string("x y"),
        std::string("360° breathing — ribs widen in every direction, belly and back"),
        std::string("日本語のテキスト 日本語 ok"), std::string(" edge spaces ")}) {
    for (int width = 1; width <= 40; ++width) {
      CAPTURE(text);
      CAPTURE(width);
      CHECK(wrapped_line_count(text, width) == wrap(text, width).size());
    }
  }
}
