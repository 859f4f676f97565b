#pragma once
// The bytes that turn one line of the live frame on the screen into the next, writing only the
// cells that changed: a breath bar that grows by one cell costs a cursor move and that cell,
// not the whole line. Pure (tests/line_update_test.cpp); displays.cpp writes what it returns.
#include <string>
#include <string_view>

namespace backcare {

// `shown` is what the row shows (as last written, SGR spans included), `line` what it should
// show; the cursor is anywhere on that row. Returns "" when they are equal. When both lines
// are made only of one-column characters the frame uses (printable ASCII, the bar's blocks,
// ▲ ▼ · — …) in spans of the form ESC[<style>m text ESC[0m, the cursor goes to the first
// changed column ("\r", then ESC[<n>C) and only the changed cells are written, each run in its
// own style; when the new line is shorter, up to its end and then ESC[K. Otherwise (wide or
// combining characters, other sequences) the whole line: "\r" line ESC[K.
std::string line_update(std::string_view shown, std::string_view line);

}  // namespace backcare
