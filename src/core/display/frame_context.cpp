#include "display/frame_context.hpp"

#include <algorithm>

#include "base/duration.hpp"
#include "base/layout.hpp"

namespace backcare {

PhaseStyle phase_style(Phase phase) {
  switch (phase) {
    case Phase::inhale:
    case Phase::lower:
      return {"1;36", "36"};  // cyan
    case Phase::exhale:
    case Phase::lift:
      return {"1;32", "32"};  // green
    case Phase::hold:
    case Phase::hold_empty:
    case Phase::still:
      return {"1;33", "33"};  // yellow
    case Phase::work:
      return {"1;34", "34"};  // blue
    case Phase::switch_sides:
    case Phase::rest:
      return {"1;35", "35"};  // magenta
  }
  return {k_style_bold, k_style_none};
}

std::string_view night_style(std::string_view style) {
  struct Pair {
    std::string_view day;
    std::string_view night;
  };
  static constexpr Pair k_pairs[] = {
      {"1", "2"},       {"1;7;31", "2;31"}, {"1;31", "2;31"}, {"1;33", "2;33"}, {"33", "2;33"},
      {"1;36", "2;36"}, {"36", "2;36"},     {"1;32", "2;32"}, {"32", "2;32"},   {"1;34", "2;34"},
      {"34", "2;34"},   {"1;35", "2;35"},   {"35", "2;35"},
  };
  for (const Pair& pair : k_pairs) {
    if (pair.day == style) {
      return pair.night;
    }
  }
  return style;  // "" and "2"
}

std::int64_t seconds_left(std::int64_t ms) {
  return (std::max<std::int64_t>(ms, 0) + 999) / 1000;
}

std::string countdown_text(std::int64_t ms) {
  const std::int64_t seconds = seconds_left(ms);
  if (seconds < 60) {
    return std::to_string(seconds);
  }
  return format_clock(seconds * 1000);
}

}  // namespace backcare
