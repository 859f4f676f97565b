#pragma once
// Text layout for the terminal, independent of what is shown: styled spans, lines cut to a
// width, two columns, word wrap and block bars. The session frame (render.hpp) is built from
// these, and so can any other fixed-width display (a chart). Pure: no terminal, no clock.
// Column counts come from display_width() (sanitize.hpp).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/sanitize.hpp"  // safe_line: the routine text a line is made of

namespace backcare {

// SGR parameters (the part between ESC[ and m) shared by every display.
inline constexpr std::string_view k_style_none = "";
inline constexpr std::string_view k_style_bold = "1";
inline constexpr std::string_view k_style_dim = "2";

// A run of text (already safe to print) with one SGR style.
struct Span {
  std::string text;
  std::string_view style = k_style_none;
};

// One line of output as styled runs; its width is the sum of the runs' display widths.
using Line = std::vector<Span>;

// Columns the line takes (styles take none).
int line_width(const Line& line);

// Cuts a line to `width` columns; the span that does not fit ends with "…".
Line fit(const Line& line, int width);

// The line as text. With `color`, each styled, non-empty span is wrapped in ESC[<style>m ...
// ESC[0m; without, only the text. Empty spans produce nothing.
std::string styled_text(const Line& line, bool color);

// Each line fitted to `width` and made text, joined with "\n" (no trailing newline). With
// `ascii`, every span is first made ASCII (to_ascii) and a cut line ends with "..." instead.
std::string join_lines(const std::vector<Line>& lines, int width, bool color, bool ascii = false);

// UTF-8 text (already safe) as ASCII only, for a terminal whose locale is not UTF-8: block
// characters become "#", light shade "-", "—" and "–" "-", "°" "deg", "…" "...", "·" "-",
// "×" "x", "▲" "^", "▼" "v", curly quotes straight ones; any other non-ASCII code point "?".
std::string to_ascii(std::string_view text);

// ASCII `text` (from to_ascii) cut to at most `columns`, ending with "..." when cut (or just
// cut when fewer than 4 columns).
std::string truncate_ascii(std::string_view text, int columns);

// `left`, then `right` flush with the right edge of `width`. When both do not fit, `left` is cut
// (keeping at least a few columns); when even that fails, `right` is dropped.
Line two_columns(const Line& left, const Span& right, int width);

// Greedy word wrap of safe text (from safe_line) to `width` columns, breaking at spaces; a word
// wider than the width is split (at least one code point per line).
std::vector<std::string> wrap(std::string_view text, int width);

// wrap(text, width).size(), without building the lines (fast for ASCII text, which is most):
// the frame asks it of every step's instruction on every redraw.
std::size_t wrapped_line_count(std::string_view text, int width);

// wrap(), keeping at most `max_lines`; the last kept line ends with "…" when text was dropped.
std::vector<std::string> wrap_limited(std::string_view text, int width, int max_lines);

// Untrusted `text` sanitized (newlines and tabs as spaces) and word-wrapped to `width` columns;
// a word longer than the width is split.
std::vector<std::string> wrap_text(std::string_view text, int width);

// A bar split where the fill ends, so colour can go on the filled part only.
struct BarParts {
  std::string filled;
  std::string empty;
};

// A bar of exactly `cells` columns: full blocks, one eighth block (▏▎▍▌▋▊▉) for the remainder,
// then light shade (░) for the empty part. `fraction` is clamped to 0..1 (NaN counts as 0);
// `cells` <= 0 gives nothing.
BarParts bar_parts(double fraction, int cells);

// How many whole cells of such a bar are filled (bar_parts' full blocks; with `ascii`,
// bar_line's "#"), so the loop can tell when the bar next looks different.
int bar_full_cells(double fraction, int cells, bool ascii = false);

// bar_parts as one string.
std::string render_bar(double fraction, int cells);

// bar_parts as spans: the fill in `style`, the empty part in `empty_style` (dim). With `ascii`,
// whole cells only: "#" filled, "-" empty (the fraction rounded to the nearest cell).
Line bar_line(double fraction, int cells, std::string_view style, bool ascii = false,
              std::string_view empty_style = k_style_dim);

}  // namespace backcare
