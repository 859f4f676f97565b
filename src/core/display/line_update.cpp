#include "display/line_update.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace backcare {
namespace {

// One column of a line: its character and the SGR style it is written in ("" for none).
struct Cell {
  std::string_view style;
  std::string_view glyph;
  bool operator==(const Cell&) const = default;
};

// How many bytes the one-column character at `i` takes when it is one the frame's cells can be
// written alone with (its bars, shapes and separators, one column in every terminal the frame
// is drawn on: █ ▏▎▍▌▋▊▉ ░ ▲ ▼ · — …); 0 for anything else. This runs on every changed line.
std::size_t narrow_size(std::string_view line, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return i + k < line.size() ? static_cast<unsigned char>(line[i + k]) : 0u;
  };
  if (byte(0) == 0xC2 && byte(1) == 0xB7) {
    return 2;  // ·
  }
  if (byte(0) != 0xE2) {
    return 0;
  }
  const unsigned second = byte(1);
  const unsigned third = byte(2);
  if (second == 0x96) {
    const bool blocks = third >= 0x88 && third <= 0x8F;  // █ and the eighth blocks
    return blocks || third == 0x91 || third == 0xB2 || third == 0xBC ? 3 : 0;  // ░ ▲ ▼
  }
  return second == 0x80 && (third == 0x94 || third == 0xA6) ? 3 : 0;  // — …
}

// The cells of `line`, or nullopt when it holds anything else than narrow characters in
// "ESC[<style>m ... ESC[0m" spans.
std::optional<std::vector<Cell>> cells_of(std::string_view line) {
  std::vector<Cell> cells;
  cells.reserve(line.size());
  std::string_view style;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '\x1b') {
      if (line.compare(i, 2, "\x1b[") != 0) {
        return std::nullopt;
      }
      const std::size_t end = line.find('m', i + 2);
      if (end == std::string_view::npos) {
        return std::nullopt;
      }
      const std::string_view parameters = line.substr(i + 2, end - i - 2);
      if (parameters.find_first_not_of("0123456789;") != std::string_view::npos) {
        return std::nullopt;
      }
      style = parameters == "0" ? std::string_view() : parameters;
      i = end + 1;
      continue;
    }
    if (c >= 0x20 && c < 0x7f) {
      cells.push_back({style, line.substr(i, 1)});
      ++i;
      continue;
    }
    const std::size_t size = narrow_size(line, i);
    if (size == 0) {
      return std::nullopt;
    }
    cells.push_back({style, line.substr(i, size)});
    i += size;
  }
  return cells;
}

// Cells [from, to) of `cells`, each run of one style in its own span.
std::string write_cells(const std::vector<Cell>& cells, std::size_t from, std::size_t to) {
  std::string out;
  std::size_t i = from;
  while (i < to) {
    const std::string_view style = cells[i].style;
    if (!style.empty()) {
      out += "\x1b[";
      out += style;
      out += 'm';
    }
    for (; i < to && cells[i].style == style; ++i) {
      out += cells[i].glyph;
    }
    if (!style.empty()) {
      out += "\x1b[0m";
    }
  }
  return out;
}

}  // namespace

std::string line_update(std::string_view shown, std::string_view line) {
  if (shown == line) {
    return {};
  }
  const auto before = cells_of(shown);
  const auto after = before ? cells_of(line) : std::nullopt;
  if (!after) {
    std::string out = "\r";
    out += line;
    out += "\x1b[K";
    return out;
  }
  const std::size_t common = std::min(before->size(), after->size());
  std::size_t first = 0;
  while (first < common && (*before)[first] == (*after)[first]) {
    ++first;
  }
  std::string out = "\r";
  if (first > 0) {
    out += fmt::format("\x1b[{}C", first);
  }
  if (before->size() != after->size()) {
    out += write_cells(*after, first, after->size());
    if (after->size() < before->size()) {
      out += "\x1b[K";
    }
    return out;
  }
  std::size_t last = after->size();
  while (last > first && (*before)[last - 1] == (*after)[last - 1]) {
    --last;
  }
  out += write_cells(*after, first, last);
  return out;
}

}  // namespace backcare
