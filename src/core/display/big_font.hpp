#pragma once
// Block letters for the phase word and the countdown, big enough to read from a mat across the
// room with the lights low. A built-in font, 5 rows high: full blocks (█) for terminals that
// show them, `#` for the rest. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

inline constexpr int k_big_font_rows = 5;

// The text in block letters: k_big_font_rows lines, each big_width(text) columns wide (padded
// with spaces), glyphs one column apart. Covers A-Z (lowercase is shown as uppercase), 0-9
// (all the same width, so a countdown does not jitter), ':', '.', '-', space and the phase
// marks ▲ and ▼ (as arrows up and down); anything else is shown as '?'. Empty text gives no
// lines.
std::vector<std::string> render_big(std::string_view text, bool ascii);

// Terminal columns of render_big(text, ...)'s lines (the same for both glyph sets).
int big_width(std::string_view text);

}  // namespace backcare
