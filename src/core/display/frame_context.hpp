#pragma once
// What the renderer's line functions share (render.cpp, big_word.cpp): the one frame being
// drawn, the styles of the phases and the countdown text. Not a public interface: displays use
// render.hpp.
#include <cstdint>
#include <string>
#include <string_view>

#include "routine/plan.hpp"
#include "session/session.hpp"

namespace backcare {

// One frame: the plan and view it is of, where the session is and how wide it is drawn. Made
// once by render_frame, so each line is drawn from it rather than from a list of flags.
struct FrameContext {
  FrameContext(const Plan& frame_plan, const SessionView& frame_view)
      : plan(frame_plan), view(frame_view) {}

  const Plan& plan;
  const SessionView& view;
  const PlanStep* step = nullptr;    // the current step; nullptr when done
  const Segment* segment = nullptr;  // the current segment; nullptr when done
  bool done = false;                 // finished, or no step left to show
  bool lead_in = false;              // the get-ready countdown runs (not paused, not done)
  int panel = 1;                     // the columns the frame fills
  bool ascii = false;                // ASCII-only output
};

// SGR parameters of the frame's big word (layout.hpp has the common ones).
inline constexpr std::string_view k_style_paused = "1;7;31";    // bold, inverse, red
inline constexpr std::string_view k_style_paused_big = "1;31";  // no inverse: see big_word.cpp
inline constexpr std::string_view k_style_get_ready = "1;33";

// The styles of a phase: its word and its bar.
struct PhaseStyle {
  std::string_view word;
  std::string_view bar;
};
PhaseStyle phase_style(Phase phase);

// The style --night draws in place of `style`: dim, without bold or inverse, the colour kept.
// Every style of the frame goes through this one table, the big letters' too.
std::string_view night_style(std::string_view style);

// Whole seconds still to go, rounded up: a countdown shows 3, 2, 1 and reaches 0 at the end.
std::int64_t seconds_left(std::int64_t ms);

// "3" under a minute, "1:30" above.
std::string countdown_text(std::int64_t ms);

}  // namespace backcare
