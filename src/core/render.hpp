#pragma once
// Rendering: pure functions from a plan plus a session view (or one session event) to text.
// Nothing here reads a clock or writes to the terminal; the event loop does both and decides
// whether colour is allowed. Every string that comes from a routine goes through sanitize(), so
// a shared routine can never emit a raw control character through these functions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout.hpp"  // render_bar, wrap_text and the spans a frame is made of
#include "plan.hpp"
#include "session.hpp"

namespace backcare {

// How wide the display may be and whether SGR colour sequences (ESC[...m) are allowed.
struct FrameOptions {
  int width = 80;  // terminal columns; values below 1 are treated as 1
  bool color = false;
};

// The frame never grows wider than this, however wide the terminal is.
inline constexpr int k_max_frame_width = 60;
// At most this many lines of a step's instruction text are shown (the rest is cut with "…").
inline constexpr int k_max_instruction_lines = 3;

// How full the breath bar is, 0..1: it fills through the inhale, stays full during the hold,
// empties through the exhale and stays empty during hold_empty. Every other phase shows its own
// progress (the bar fills through the segment).
double breath_fill(Phase phase, double segment_progress);

// The compact live display, lines separated by "\n" with no trailing newline. Each line fits in
// `options.width` columns (SGR sequences, present only when options.color, take no columns).
// Layout, top to bottom:
//   routine title
//   "Step n/N · step title"             step time left (right-aligned)
//   instruction text, wrapped           (frame_line_count's text lines, padded with blanks)
//   (blank)
//   "INHALE 3" | "GET READY 3" | "PAUSED  INHALE 3" | "DONE"
//   breath bar (or segment progress bar)
//   labels ("cycle 2/30", "set 2/3 · rep 5/8 · side left")
//   cue (the latest timed cue when it is newer than the segment, else the segment's text;
//        during a lead-in "first: INHALE · <text>")
//   (blank)
//   routine progress bar and "9:32 left"
//   "next: <next step title>"
//   key help
// The line count depends only on the plan and the width (see frame_line_count), so the loop can
// redraw in place: move the cursor up (count - 1) lines, write each line followed by ESC[K
// (erase to end of line), and after a width change also ESC[J (erase below) to drop leftovers.
// Lines are not padded with trailing spaces.
std::string render_frame(const Plan& plan, const SessionView& view, const FrameOptions& options);

// Number of lines render_frame produces for this plan and terminal width.
int frame_line_count(const Plan& plan, int width);

// One line (no newline, no escape sequence) describing an event for the plain, non-interactive
// output, e.g. "[00:04] 1/3 360 breathing · cycle 2/30 · INHALE 4s · ribs widen". The stamp is
// the event's active plan time. Returns "" for events that need no line: step_end (the next
// step_start or session_end says it) and indices that do not exist in the plan. skip and back
// name the step being left ("skip: 2/3 Foam roller", "back from 2/3 Foam roller"); the
// step_start that follows names the new one. `lead_in_ms`, when > 0, is shown in the lead_in
// line ("get ready… 3s").
std::string plain_line(const Plan& plan, const SessionEvent& event, std::int64_t lead_in_ms = 0);

// The end-of-session summary, ending with a newline:
//   "Completed: <routine title> — 10:00 of 10:00"            (status completed)
//   "Stopped at step k of N: <step title> — 3:12 of 10:00"   (anything else; step is 0-based)
// followed by k_safety_note on its own line.
std::string render_summary(const Plan& plan, EndStatus status, std::size_t step,
                           std::int64_t active_ms);

// What the summary says about how the session ended.
struct SummaryFacts {
  EndStatus status = EndStatus::none;
  std::size_t step = 0;  // where it ended (0-based), as session_end's step
  std::int64_t active_ms = 0;
  std::size_t steps_skipped = 0;
  bool resume_hint = false;  // quit or interrupted, and recorded: say `backcare resume`
};

// As above, and also:
//   "Completed, 2 steps skipped: <routine title> — 7:40 of 10:00"   (completed_skipping)
//   "Stopped for safety at step k of N: <step title> — 3:12 of 10:00" (safety_stop)
//   "To carry on from there: backcare resume"   (after "Stopped at ...", with resume_hint)
std::string render_summary(const Plan& plan, const SummaryFacts& facts);

}  // namespace backcare
