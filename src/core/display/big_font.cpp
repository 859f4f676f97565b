#include "display/big_font.hpp"

#include <array>
#include <cstddef>

namespace backcare {
namespace {

using Glyph = std::array<std::string_view, k_big_font_rows>;

// Rows of '#' and ' ', all rows of a glyph the same width.
constexpr std::array<Glyph, 26> k_letters = {{
    {" ### ", "#   #", "#####", "#   #", "#   #"},  // A
    {"#### ", "#   #", "#### ", "#   #", "#### "},  // B
    {" ####", "#    ", "#    ", "#    ", " ####"},  // C
    {"#### ", "#   #", "#   #", "#   #", "#### "},  // D
    {"#####", "#    ", "#### ", "#    ", "#####"},  // E
    {"#####", "#    ", "#### ", "#    ", "#    "},  // F
    {" ####", "#    ", "#  ##", "#   #", " ####"},  // G
    {"#   #", "#   #", "#####", "#   #", "#   #"},  // H
    {"###", " # ", " # ", " # ", "###"},            // I
    {"  ###", "   # ", "   # ", "#  # ", " ##  "},  // J
    {"#   #", "#  # ", "###  ", "#  # ", "#   #"},  // K
    {"#    ", "#    ", "#    ", "#    ", "#####"},  // L
    {"#   #", "## ##", "# # #", "#   #", "#   #"},  // M
    {"#   #", "##  #", "# # #", "#  ##", "#   #"},  // N
    {" ### ", "#   #", "#   #", "#   #", " ### "},  // O
    {"#### ", "#   #", "#### ", "#    ", "#    "},  // P
    {" ### ", "#   #", "# # #", "#  # ", " ## #"},  // Q
    {"#### ", "#   #", "#### ", "#  # ", "#   #"},  // R
    {" ####", "#    ", " ### ", "    #", "#### "},  // S
    {"#####", "  #  ", "  #  ", "  #  ", "  #  "},  // T
    {"#   #", "#   #", "#   #", "#   #", " ### "},  // U
    {"#   #", "#   #", "#   #", " # # ", "  #  "},  // V
    {"#   #", "#   #", "# # #", "## ##", "#   #"},  // W
    {"#   #", " # # ", "  #  ", " # # ", "#   #"},  // X
    {"#   #", " # # ", "  #  ", "  #  ", "  #  "},  // Y
    {"#####", "   # ", "  #  ", " #   ", "#####"},  // Z
}};

constexpr std::array<Glyph, 10> k_digits = {{
    {" ### ", "#  ##", "# # #", "##  #", " ### "},  // 0
    {"  #  ", " ##  ", "  #  ", "  #  ", " ### "},  // 1
    {" ### ", "#   #", "  ## ", " #   ", "#####"},  // 2
    {"#### ", "    #", " ### ", "    #", "#### "},  // 3
    {"#   #", "#   #", "#####", "    #", "    #"},  // 4
    {"#####", "#    ", "#### ", "    #", "#### "},  // 5
    {" ### ", "#    ", "#### ", "#   #", " ### "},  // 6
    {"#####", "    #", "   # ", "  #  ", "  #  "},  // 7
    {" ### ", "#   #", " ### ", "#   #", " ### "},  // 8
    {" ### ", "#   #", " ####", "    #", " ### "},  // 9
}};

constexpr Glyph k_colon = {" ", "#", " ", "#", " "};
constexpr Glyph k_dot = {" ", " ", " ", " ", "#"};
constexpr Glyph k_dash = {"   ", "   ", "###", "   ", "   "};
constexpr Glyph k_space = {"   ", "   ", "   ", "   ", "   "};
constexpr Glyph k_unknown = {"#### ", "    #", "  ## ", "     ", "  #  "};
constexpr Glyph k_up = {"  #  ", " ### ", "# # #", "  #  ", "  #  "};
constexpr Glyph k_down = {"  #  ", "  #  ", "# # #", " ### ", "  #  "};

// The phase marks of phase_label (render.hpp), drawn as arrows.
constexpr std::string_view k_up_mark = "\u25B2";    // ▲
constexpr std::string_view k_down_mark = "\u25BC";  // ▼

const Glyph& glyph_for(unsigned char c) {
  if (c >= 'a' && c <= 'z') {
    return k_letters[static_cast<std::size_t>(c - 'a')];
  }
  if (c >= 'A' && c <= 'Z') {
    return k_letters[static_cast<std::size_t>(c - 'A')];
  }
  if (c >= '0' && c <= '9') {
    return k_digits[static_cast<std::size_t>(c - '0')];
  }
  switch (c) {
    case ':':
      return k_colon;
    case '.':
      return k_dot;
    case '-':
      return k_dash;
    case ' ':
      return k_space;
    default:
      return k_unknown;
  }
}

// One glyph per character; a multi-byte UTF-8 sequence is one character (shown as '?', but
// for the arrows ▲ and ▼).
std::vector<const Glyph*> glyphs(std::string_view text) {
  std::vector<const Glyph*> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with(k_up_mark) || rest.starts_with(k_down_mark)) {
      out.push_back(rest.starts_with(k_up_mark) ? &k_up : &k_down);
      i += k_up_mark.size() - 1;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80 && c <= 0xBF) {
      continue;  // a continuation byte: its character already has a glyph
    }
    out.push_back(&glyph_for(c));
  }
  return out;
}

}  // namespace

int big_width(std::string_view text) {
  int width = 0;
  for (const Glyph* g : glyphs(text)) {
    width += (width == 0 ? 0 : 1) + static_cast<int>((*g)[0].size());
  }
  return width;
}

std::vector<std::string> render_big(std::string_view text, bool ascii) {
  const std::vector<const Glyph*> all = glyphs(text);
  if (all.empty()) {
    return {};
  }
  std::vector<std::string> lines(k_big_font_rows);
  for (std::size_t row = 0; row < lines.size(); ++row) {
    std::string& line = lines[row];
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i > 0) {
        line += ' ';
      }
      for (const char cell : (*all[i])[row]) {
        line += cell == ' ' ? " " : (ascii ? "#" : "\u2588");
      }
    }
  }
  return lines;
}

}  // namespace backcare
