#include "base/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "base/sanitize.hpp"
#include "base/text.hpp"

namespace backcare {

namespace {

// Index 1..7: a cell filled by that many eighths from the left.
constexpr std::string_view k_eighth_blocks[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view k_full_block = "█";
constexpr std::string_view k_empty_cell = "░";

// Splits a word wider than `width` into pieces of at most `width` columns (at least one code
// point per piece, so a wide character in a 1-column frame still makes progress).
std::vector<std::string> split_word(std::string_view word, int width) {
  std::vector<std::string> pieces;
  std::string piece;
  int piece_width = 0;
  std::size_t i = 0;
  while (i < word.size()) {
    const std::size_t length = decode_utf8(word, i).length;
    const std::string_view code_point = word.substr(i, length);
    const int cp_width = display_width(code_point);
    if (piece_width + cp_width > width && !piece.empty()) {
      pieces.push_back(piece);
      piece.clear();
      piece_width = 0;
    }
    piece += code_point;
    piece_width += cp_width;
    i += length;
  }
  if (!piece.empty()) {
    pieces.push_back(piece);
  }
  return pieces;
}

}  // namespace

int line_width(const Line& line) {
  int width = 0;
  for (const Span& span : line) {
    width += display_width(span.text);
  }
  return width;
}

Line fit(const Line& line, int width) {
  Line out;
  int left = width;
  for (const Span& span : line) {
    if (left <= 0) {
      break;
    }
    const int span_width = display_width(span.text);
    if (span_width <= left) {
      out.push_back(span);
      left -= span_width;
    } else {
      out.push_back({truncate_to_width(span.text, left), span.style});
      break;
    }
  }
  return out;
}

std::string styled_text(const Line& line, bool color) {
  std::string out;
  for (const Span& span : line) {
    if (span.text.empty()) {
      continue;
    }
    if (color && !span.style.empty()) {
      out += "\x1b[";
      out += span.style;
      out += 'm';
      out += span.text;
      out += "\x1b[0m";
    } else {
      out += span.text;
    }
  }
  return out;
}

namespace {

// fit() for ASCII lines: every span made ASCII, a cut span ends with "...".
Line fit_ascii(const Line& line, int width) {
  Line out;
  int left = width;
  for (const Span& span : line) {
    if (left <= 0) {
      break;
    }
    std::string text = to_ascii(span.text);
    const int span_width = static_cast<int>(text.size());
    if (span_width <= left) {
      left -= span_width;
      out.push_back({std::move(text), span.style});
    } else {
      out.push_back({truncate_ascii(text, left), span.style});
      break;
    }
  }
  return out;
}

}  // namespace

std::string join_lines(const std::vector<Line>& lines, int width, bool color, bool ascii) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out += '\n';
    }
    out += styled_text(ascii ? fit_ascii(lines[i], width) : fit(lines[i], width), color);
  }
  return out;
}

namespace {

// The ASCII stand-in of one code point, or nullptr when it has none (then "?").
const char* ascii_for(char32_t cp) {
  if (cp >= 0x2588 && cp <= 0x258F) {
    return "#";  // full and eighth blocks
  }
  switch (cp) {
    case 0x2591:  // light shade
    case 0x2014:  // em dash
    case 0x2013:  // en dash
    case 0x00B7:  // middle dot
      return "-";
    case 0x00B0:
      return "deg";
    case 0x2026:
      return "...";
    case 0x00D7:
      return "x";
    case 0x25B2:
      return "^";
    case 0x25BC:
      return "v";
    case 0x2018:
    case 0x2019:
      return "'";
    case 0x201C:
    case 0x201D:
      return "\"";
    case 0x00A0:
      return " ";
    default:
      return nullptr;
  }
}

}  // namespace

std::string to_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      out += static_cast<char>(lead);
      ++i;
      continue;
    }
    const CodePoint decoded = decode_utf8(text, i);
    std::size_t length = decoded.length;
    if (!decoded.valid) {  // a broken sequence is one "?", its continuation bytes included
      const auto want = static_cast<std::size_t>(std::max(1, utf8_sequence_length(lead)));
      while (length < want && i + length < text.size() &&
             is_utf8_continuation(static_cast<unsigned char>(text[i + length]))) {
        ++length;
      }
    }
    const char32_t cp = decoded.valid ? decoded.value : 0;
    const char* replacement = length > 1 ? ascii_for(cp) : nullptr;
    out += replacement != nullptr ? replacement : "?";
    i += length;
  }
  return out;
}

std::string truncate_ascii(std::string_view text, int columns) {
  if (columns <= 0) {
    return {};
  }
  const auto limit = static_cast<std::size_t>(columns);
  if (text.size() <= limit) {
    return std::string(text);
  }
  if (limit < 4) {
    return std::string(text.substr(0, limit));
  }
  return std::string(text.substr(0, limit - 3)) + "...";
}

Line two_columns(const Line& left, const Span& right, int width) {
  constexpr int k_min_left = 8;
  const int right_width = display_width(right.text);
  if (right_width == 0) {
    return left;
  }
  const int room = width - right_width - 1;
  if (room < k_min_left && line_width(left) > room) {
    return left;
  }
  Line out = fit(left, room);
  out.push_back({std::string(static_cast<std::size_t>(width - right_width - line_width(out)), ' '),
                 k_style_none});
  out.push_back(right);
  return out;
}

std::vector<std::string> wrap(std::string_view text, int width) {
  std::vector<std::string> lines;
  std::string line;
  int line_width_so_far = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      continue;
    }
    const int word_width = display_width(word);
    if (line_width_so_far > 0 && line_width_so_far + 1 + word_width <= width) {
      line += ' ';
      line += word;
      line_width_so_far += 1 + word_width;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(line);
      line.clear();
      line_width_so_far = 0;
    }
    if (word_width <= width) {
      line = word;
      line_width_so_far = word_width;
      continue;
    }
    std::vector<std::string> pieces = split_word(word, width);
    for (std::size_t p = 0; p + 1 < pieces.size(); ++p) {
      lines.push_back(pieces[p]);
    }
    line = pieces.back();
    line_width_so_far = display_width(line);
  }
  if (!line.empty()) {
    lines.push_back(line);
  }
  return lines;
}

std::size_t wrapped_line_count(std::string_view text, int width) {
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii || width < 1) {
    return wrap(text, width).size();
  }
  // The same greedy rule as wrap(), one column per byte.
  const auto columns = static_cast<std::size_t>(width);
  std::size_t lines = 0;
  std::size_t current = 0;  // columns of the line being filled; 0: no line yet
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::size_t word = end - start;
    start = end + 1;
    if (word == 0) {
      continue;
    }
    if (current > 0 && current + 1 + word <= columns) {
      current += 1 + word;
      continue;
    }
    if (current > 0) {
      ++lines;
    }
    const std::size_t pieces = (word + columns - 1) / columns;
    lines += pieces - 1;
    current = word - (pieces - 1) * columns;
  }
  return current > 0 ? lines + 1 : lines;
}

std::vector<std::string> wrap_limited(std::string_view text, int width, int max_lines) {
  std::vector<std::string> lines = wrap(text, width);
  const auto limit = static_cast<std::size_t>(std::max(max_lines, 0));
  if (lines.size() > limit) {
    if (limit == 0) {
      return {};
    }
    std::string tail = lines[limit - 1];
    for (std::size_t i = limit; i < lines.size(); ++i) {
      tail += ' ';
      tail += lines[i];
    }
    lines.resize(limit);
    lines.back() = truncate_to_width(tail, width);
  }
  return lines;
}

std::vector<std::string> wrap_text(std::string_view text, int width) {
  return wrap(safe_line(text), std::max(1, width));
}

namespace {

// The fraction clamped to 0..1 (NaN counts as 0).
double clamp_fraction(double fraction) {
  return fraction > 0.0 ? std::min(fraction, 1.0) : 0.0;
}

// Eighths of a cell a bar of `cells` fills.
std::int64_t bar_eighths(double fraction, int cells) {
  return static_cast<std::int64_t>(std::llround(clamp_fraction(fraction) * cells * 8.0));
}

}  // namespace

int bar_full_cells(double fraction, int cells, bool ascii) {
  if (cells <= 0) {
    return 0;
  }
  if (ascii) {
    return static_cast<int>(std::llround(clamp_fraction(fraction) * cells));
  }
  return static_cast<int>(bar_eighths(fraction, cells) / 8);
}

BarParts bar_parts(double fraction, int cells) {
  BarParts parts;
  if (cells <= 0) {
    return parts;
  }
  const std::int64_t eighths = bar_eighths(fraction, cells);
  const std::int64_t full = eighths / 8;
  const std::int64_t remainder = eighths % 8;
  std::int64_t used = 0;
  for (; used < full; ++used) {
    parts.filled += k_full_block;
  }
  if (remainder > 0) {
    parts.filled += k_eighth_blocks[static_cast<std::size_t>(remainder)];
    ++used;
  }
  for (; used < cells; ++used) {
    parts.empty += k_empty_cell;
  }
  return parts;
}

std::string render_bar(double fraction, int cells) {
  const BarParts parts = bar_parts(fraction, cells);
  return parts.filled + parts.empty;
}

Line bar_line(double fraction, int cells, std::string_view style, bool ascii,
              std::string_view empty_style) {
  if (ascii) {
    if (cells <= 0) {
      return {};
    }
    const auto filled = static_cast<std::size_t>(bar_full_cells(fraction, cells, true));
    return {{std::string(filled, '#'), style},
            {std::string(static_cast<std::size_t>(cells) - filled, '-'), empty_style}};
  }
  BarParts parts = bar_parts(fraction, cells);
  return {{std::move(parts.filled), style}, {std::move(parts.empty), empty_style}};
}

}  // namespace backcare
