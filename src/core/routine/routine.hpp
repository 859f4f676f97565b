#pragma once
// The routine model: what a validated routine file says, with every duration in integer
// milliseconds. Built by the loader (loader.hpp), turned into a timeline by expand (plan.hpp).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

enum class StepKind { breath, timed, reps, rest };

struct BreathPattern {
  std::int64_t inhale_ms = 0;
  std::int64_t hold_ms = 0;
  std::int64_t exhale_ms = 0;
  std::int64_t hold_empty_ms = 0;
  std::int64_t cycle_ms() const { return inhale_ms + hold_ms + exhale_ms + hold_empty_ms; }
};

// Words shown (or spoken) during each phase of a breath.
struct BreathCues {
  std::string inhale;
  std::string hold;
  std::string exhale;
  std::string hold_empty;
};

// A prompt at an offset inside a timed block (per side).
struct TimedCue {
  std::int64_t at_ms = 0;
  std::string text;
};

// How long each movement of a rep takes. `still_ms` is the moment held still between lowering
// and lifting (shown as HOLD; the routine file calls it "pause"), not a pause of the session.
struct Tempo {
  std::int64_t lower_ms = 0;
  std::int64_t still_ms = 0;
  std::int64_t lift_ms = 0;
};

// Which breath goes with each movement of a rep: "inhale" or "exhale".
struct RepBreath {
  std::string lower = "inhale";
  std::string lift = "exhale";
};

// One step of a routine. Only the fields of its kind are meaningful.
struct Step {
  StepKind kind = StepKind::rest;
  std::string title;
  std::string text;  // instruction shown while the step runs; may be empty

  // breath: either cycles > 0, or duration_ms > 0 (as many whole cycles as fit, at least one)
  BreathPattern pattern;
  std::int64_t cycles = 0;
  BreathCues breath_cues;

  // timed, rest, and breath-by-duration
  std::int64_t duration_ms = 0;

  // timed and reps: the block runs once per side, with a switch between sides
  std::vector<std::string> sides;
  std::int64_t switch_ms = 5000;
  std::vector<TimedCue> cues;  // timed only

  // reps
  std::int64_t sets = 0;
  std::int64_t reps = 0;
  Tempo tempo;
  RepBreath rep_breath;
  bool lift_first = false;   // "first": "lift": each rep lifts first (a glute bridge), then lowers
  std::int64_t rest_ms = 0;  // between sets

  // Inside a "repeat" block: this copy belongs to round `round` of `rounds` (0: not repeated).
  int round = 0;
  int rounds = 0;
};

// A declared parameter: a number with a default and an optional range.
struct Param {
  std::string name;
  double default_value = 0;
  std::optional<double> min;
  std::optional<double> max;
  std::string description;
};

// A routine name, what users type: [a-z0-9][a-z0-9-]*, at most 40 characters. The loader,
// the catalog, the commands and the config's goals all ask this one rule.
inline bool is_routine_name(std::string_view name) {
  const auto ok_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  return !name.empty() && name.size() <= 40 && ok_char(name[0]) &&
         std::all_of(name.begin(), name.end(), [&](char c) { return ok_char(c) || c == '-'; });
}

struct Routine {
  int format = 1;
  std::string name;  // slug, what users type
  std::string title;
  std::string description;
  std::vector<std::string> tags;
  std::vector<Param> params;
  std::vector<Step> steps;  // includes and repeats already spliced in
  std::string source;       // where it came from: a path, "<stdin>" or "built-in"
};

// The one-line safety note shown by `show` and at the end of every session.
inline constexpr const char* k_safety_note =
    "General guidance, not medical advice: persistent or worsening pain, leaking, heaviness or "
    "abdominal doming is a reason to see a pelvic-floor physiotherapist.";

}  // namespace backcare
