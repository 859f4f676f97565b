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

#include "base/layout.hpp"          // render_bar, wrap_text and the spans a frame is made of
#include "display/instruction.hpp"  // fit_instruction: the instruction in the lines there are
#include "routine/plan.hpp"
#include "session/session.hpp"

namespace backcare {

// What the display allows. Every field has a safe default, so `{width, color}` still works.
struct FrameOptions {
  int width = 80;      // terminal columns; values below 1 are treated as 1
  bool color = false;  // SGR colour sequences (ESC[...m) are allowed
  int height = 0;      // terminal rows; the frame never has more lines (0: unknown, no limit)
  bool night = false;  // --night: dim styles only, never bold, inverse or bright
  bool ascii = false;  // ASCII-only output (the locale's codeset is not UTF-8)
  bool big = false;    // --big: the phase word and its count in block letters, when they fit
  // A short notice from the shell ("speech off: espeak-ng cannot speak here"), shown on the
  // frame's own lines (the blank line under the cue, else the next line) so that nothing is
  // ever written over the frame; "" for none.
  std::string notice{};
};

// The frame never grows wider than this (a comfortable reading width), however wide the
// terminal is.
inline constexpr int k_max_frame_width = 100;

// How full the breath bar is, 0..1: it fills through the inhale and empties through the
// exhale. Every other phase, holds included, shows its own progress (the bar fills through the
// segment), so a hold visibly moves.
double breath_fill(Phase phase, double segment_progress);

// The big word for a segment, named for what the person does: "INHALE", "EXHALE", "HOLD"
// (breath holds, a rep's still moment, and a timed step that is a hold), "STRETCH" (a timed step
// the plan says is a stretch: PlanStep::stretch), "SWITCH" (between sides), "LOWER", "LIFT",
// "REST".
std::string_view phase_word(const Plan& plan, const Segment& segment);

// The same with a shape, so phases differ without colour: "▲ INHALE", "▼ EXHALE"; other
// phases have no shape. With `ascii`: "^ INHALE", "v EXHALE".
std::string phase_label(const Plan& plan, const Segment& segment, bool ascii = false);

// The compact live display, lines separated by "\n" with no trailing newline. Each line fits in
// `options.width` columns (SGR sequences, present only when options.color, take no columns).
// Layout, top to bottom:
//   routine title
//   "Step n/N · step title"             step time left (right-aligned)
//   instruction text, wrapped, whole    (as many lines as the plan's longest, padded with blanks)
//   (blank)
//   "▲ INHALE 3" | "GET READY 3" | "PAUSED  ▲ INHALE 3" | "DONE"
//   breath bar (or segment progress bar)
//   labels ("cycle 2/30", "set 2/3 · rep 5/8 · side left")
//   cue (the latest timed cue when it is newer than the segment, else the segment's text;
//        during a lead-in "first: ▲ INHALE · <text>")
//   (blank)
//   routine progress bar and "9:32 left"
//   "next: <what comes next in this step>, then <next step title>"
//   key help
// When options.height is smaller than that, lines are dropped in this order: the blank lines,
// next, title, routine progress, instruction lines (fit_instruction, which ends a cut one in
// "…"), key help, cue, labels, step line; but the key help (with "! safety stop") goes before
// the instruction only when fewer than three instruction lines would be left beside it. The
// phase word and the bar always stay. At a height of 1 the frame is one line:
// the phase word and a bar after it.
// With options.big (--big), at least 40 columns and 7 lines (else the frame is as above), the
// phase word line becomes six: a caption, then the word and count in block letters 5 rows high
// (big_font.hpp; the ▲ ▼ marks as arrows). When the word and count do not both fit the panel
// for the whole segment (measured at its first count), the caption holds the word ("▲ INHALE")
// over a big count ("▲ 4", or "4" alone); paused, PAUSED is big and the caption says what was
// running; DONE and GET READY likewise. In a sided segment the side is big ("LEFT 30", else
// "LEFT" with the word and count in the caption). Night styles apply, to the instruction too;
// no inverse on the letters. Lines are dropped in the same order, the six and the bar staying.
// The line count depends only on the plan and the options (see frame_line_count), so the loop
// can redraw in place: move the cursor up (count - 1) lines, write each line followed by ESC[K
// (erase to end of line), and after a size change also ESC[J (erase below) to drop leftovers.
// Lines are not padded with trailing spaces.
std::string render_frame(const Plan& plan, const SessionView& view, const FrameOptions& options);

// What a frame shows that stays the same while one step runs, kept from frame to frame by the
// live display: the plan's longest instruction at this width (counted over every step), the
// title, and the current step's instruction sanitized and fitted to its lines. render_frame
// with a cache returns exactly what it returns without one; the entries are renewed when the
// plan, the width, ASCII or the step change.
struct FrameCache {
  const Plan* plan = nullptr;  // what the entries are of
  int panel = 0;
  bool ascii = false;
  int instruction_lines = 0;                        // the plan's most instruction lines at `panel`
  std::string title;                                // the routine title, as shown
  std::size_t step = static_cast<std::size_t>(-1);  // the step of `text` (-1: none yet)
  int text_rows = -1;                               // the instruction lines `text` fills
  std::vector<std::string> text;                    // that step's instruction, fitted
};
std::string render_frame(const Plan& plan, const SessionView& view, const FrameOptions& options,
                         FrameCache& cache);

// Number of lines render_frame produces for this plan and these options; never more than
// options.height when that is > 0.
int frame_line_count(const Plan& plan, const FrameOptions& options);

// One line (no newline, no escape sequence) describing an event for the plain, non-interactive
// output, e.g. "[00:04] 1/3 360 breathing · cycle 2/30 · INHALE 4s · ribs widen". The stamp is
// the event's active plan time. Returns "" for events that need no line: step_end (the next
// step_start or session_end says it) and indices that do not exist in the plan. skip and back
// name the step being left ("skip: 2/3 Foam roller", "back from 2/3 Foam roller"); the
// step_start that follows names the new one. `lead_in_ms`, when > 0, is shown in the lead_in
// line ("get ready… 3s").
std::string plain_line(const Plan& plan, const SessionEvent& event, std::int64_t lead_in_ms = 0);

// What the summary says about how the session ended.
struct SummaryFacts {
  EndStatus status = EndStatus::none;
  std::size_t step = 0;  // where it ended (0-based), as session_end's step
  std::int64_t active_ms = 0;
  std::size_t steps_skipped = 0;
  bool resume_hint = false;  // quit or interrupted, and recorded: say `backcare resume`
  double preview_speed = 0;  // the speed of a preview (journal/practice.hpp), 0 for practice
};

// The end-of-session summary, ending with a newline:
//   "Completed: <routine title> — 10:00 of 10:00"            (status completed)
//   "Stopped at step k of N: <step title> — 3:12 of 10:00"   (anything else; step is 0-based)
//   "Completed, 2 steps skipped: <routine title> — 7:40 of 10:00"   (completed_skipping)
//   "Stopped for safety at step k of N: <step title> — 3:12 of 10:00" (safety_stop)
//   "To carry on from there: backcare resume"   (after "Stopped at ...", with resume_hint)
//   "Preview at 30x speed: not counted as practice"   (with preview_speed)
// followed by k_safety_note on its own line.
std::string render_summary(const Plan& plan, const SummaryFacts& facts);

}  // namespace backcare
