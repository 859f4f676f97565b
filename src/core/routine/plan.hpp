#pragma once
// A plan is a routine expanded into a flat timeline of segments with exact integer-millisecond
// offsets. The session engine only walks it; nothing downstream re-derives timing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/shared_text.hpp"
#include "routine/routine.hpp"

namespace backcare {

// What a segment asks of the body. `still` is the moment a rep is held between lowering and
// lifting (HOLD on screen); the event stream keeps its format name, "pause" (phase_name).
enum class Phase { inhale, hold, exhale, hold_empty, work, switch_sides, lower, still, lift, rest };

// "inhale", "hold", "exhale", "hold_empty", "work", "switch", "lower", "pause", "lift", "rest"
std::string_view phase_name(Phase phase);
// The big word on screen: "INHALE", "HOLD", "EXHALE", "HOLD", "WORK", "SWITCH SIDES", "LOWER",
// "HOLD", "LIFT", "REST".
std::string_view phase_display(Phase phase);

// Where a segment sits inside its step. A count of 0 means "not applicable".
struct Labels {
  int cycle = 0, cycles = 0;
  int set = 0, sets = 0;
  int rep = 0, reps = 0;
  SharedText side;  // "left", "right", ... or empty; shared by the segments of one side
  int round = 0, rounds = 0;

  // "cycle 3/30", "set 2/3 · rep 5/8 · side left"; empty when there is nothing to say
  std::string format() const;
};

struct Segment {
  std::size_t step = 0;  // index into Plan::steps
  Phase phase = Phase::work;
  std::int64_t start_ms = 0;  // offset from the start of the plan
  std::int64_t duration_ms = 0;
  Labels labels;
  // The phase's cue (breath cue, "breathe in as you lower", side); may be empty. Shared by
  // every segment of a step that says the same (a breath cue is one string for all cycles).
  SharedText text;
  std::int64_t end_ms() const { return start_ms + duration_ms; }
};

// A prompt at an absolute offset inside a step (from a timed step's "cues").
struct PlanCue {
  std::int64_t at_ms = 0;
  std::size_t step = 0;
  SharedText text;
};

struct PlanStep {
  StepKind kind = StepKind::rest;
  std::string title;
  std::string text;
  std::int64_t start_ms = 0;
  std::int64_t duration_ms = 0;
  std::size_t first_segment = 0;  // [first_segment, end_segment) in Plan::segments
  std::size_t end_segment = 0;
  // A timed step that is a stretch (is_stretch): its WORK shows as STRETCH, else as HOLD.
  // Decided once here, so a display draws what the plan says and never reads the words.
  bool stretch = false;
  std::int64_t end_ms() const { return start_ms + duration_ms; }
};

// Whether a timed step is a stretch rather than a hold: it has sides, or its title or text has
// one of the words stretch, pose, twist, roll, release, move, whole or with an ending ("poses",
// "stretching", "rolled", "movement"). A word that only contains one is not: "remove", "purpose",
// "roller". Any other kind of step is not a timed stretch.
bool is_stretch(const Step& step);

struct Plan {
  std::string name;
  std::string title;
  std::string description;
  std::string source;
  std::vector<PlanStep> steps;
  std::vector<Segment> segments;  // ordered, contiguous, no gaps
  std::vector<PlanCue> cues;      // ordered by at_ms
  std::int64_t total_ms = 0;      // exact sum of segment durations
};

inline constexpr std::int64_t k_max_total_ms = 24LL * 60 * 60 * 1000;
inline constexpr std::size_t k_max_segments = 20000;

// Expands a validated routine. Fails (with diagnostics naming the routine's source) only when
// a limit is exceeded: total > 24 h or more than 20,000 segments.
struct ExpandResult {
  Plan plan;
  Diagnostics errors;
  bool ok() const { return errors.empty(); }
};
ExpandResult expand(const Routine& routine);

// What expand would build, counted without building it: the segments and cues it would hold,
// the total and the same limit errors. For checking a routine without holding its plan.
struct PlanSize {
  std::size_t segments = 0;
  std::size_t cues = 0;
  std::int64_t total_ms = 0;
  Diagnostics errors;
  bool ok() const { return errors.empty(); }
};
PlanSize measure_plan(const Routine& routine);

}  // namespace backcare
