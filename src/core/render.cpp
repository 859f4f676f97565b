#include "render.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "duration.hpp"
#include "layout.hpp"
#include "routine.hpp"
#include "sanitize.hpp"

namespace backcare {

namespace {

constexpr std::string_view k_separator = " · ";

// SGR parameters of the frame's big word (layout.hpp has the common ones).
constexpr std::string_view k_style_paused = "1;7;31";  // bold, inverse, red
constexpr std::string_view k_style_get_ready = "1;33";

struct PhaseStyle {
  std::string_view word;
  std::string_view bar;
};

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

int panel_width(int width) {
  return std::clamp(width, 1, k_max_frame_width);
}

// How many instruction lines every frame of this plan shows at this width: the most any step
// needs, capped.
int instruction_line_count(const Plan& plan, int panel) {
  std::size_t most = 0;
  for (const PlanStep& step : plan.steps) {
    most = std::max(most, wrap(safe_line(step.text), panel).size());
    if (most >= static_cast<std::size_t>(k_max_instruction_lines)) {
      return k_max_instruction_lines;
    }
  }
  return static_cast<int>(most);
}

// Whole seconds still to go, rounded up: a countdown shows 3, 2, 1 and reaches 0 at the end.
std::int64_t seconds_left(std::int64_t ms) {
  return (std::max<std::int64_t>(ms, 0) + 999) / 1000;
}

// "3" under a minute, "1:30" above.
std::string countdown_text(std::int64_t ms) {
  const std::int64_t seconds = seconds_left(ms);
  if (seconds < 60) {
    return std::to_string(seconds);
  }
  return format_clock(seconds * 1000);
}

// A clock for time remaining, rounded up to the second so it reads 0:00 only at the end.
std::string clock_left(std::int64_t ms) {
  return format_clock(seconds_left(ms) * 1000);
}

std::string step_number(const Plan& plan, std::size_t step) {
  return fmt::format("{}/{}", step + 1, plan.steps.size());
}

// The cue line: a timed cue newer than the current segment wins over the segment's own text.
std::string current_cue(const Plan& plan, const SessionView& view, const Segment& segment) {
  if (view.last_cue && *view.last_cue < plan.cues.size()) {
    const PlanCue& cue = plan.cues[*view.last_cue];
    if (cue.step == segment.step && (cue.at_ms >= segment.start_ms || segment.text.empty())) {
      return safe_line(cue.text);
    }
  }
  return safe_line(segment.text);
}

// The keys, with what they do when that fits the panel, else with the letters alone: the
// safety stop is never the part cut off.
std::string key_help(bool paused, int panel) {
  const std::string full = paused ? "space resume · n next · b back · q quit · ! safety stop"
                                  : "space pause · n next · b back · q quit · ! safety stop";
  if (display_width(full) <= panel) {
    return full;
  }
  return "space · n · b · q quit · ! safety stop";
}

}  // namespace

double breath_fill(Phase phase, double segment_progress) {
  const double progress = segment_progress > 0.0 ? std::min(segment_progress, 1.0) : 0.0;
  switch (phase) {
    case Phase::inhale:
      return progress;
    case Phase::hold:
      return 1.0;
    case Phase::exhale:
      return 1.0 - progress;
    case Phase::hold_empty:
      return 0.0;
    case Phase::work:
    case Phase::switch_sides:
    case Phase::lower:
    case Phase::still:
    case Phase::lift:
    case Phase::rest:
      return progress;
  }
  return progress;
}

int frame_line_count(const Plan& plan, int width) {
  constexpr int k_fixed_lines = 11;
  return k_fixed_lines + instruction_line_count(plan, panel_width(width));
}

std::string render_frame(const Plan& plan, const SessionView& view, const FrameOptions& options) {
  const int width = std::max(options.width, 1);
  const int panel = panel_width(width);
  const PlanStep* step = view.step < plan.steps.size() ? &plan.steps[view.step] : nullptr;
  const Segment* segment =
      view.segment < plan.segments.size() ? &plan.segments[view.segment] : nullptr;
  const bool done = view.finished || step == nullptr;
  if (done) {
    segment = nullptr;
  }
  const bool lead_in = !done && !view.paused && view.lead_in_left_ms > 0;

  std::vector<Line> lines;
  lines.push_back({{safe_line(plan.title), k_style_bold}});

  if (done) {
    lines.push_back({{"Done", k_style_bold}});
  } else {
    const Line left = {{"Step " + step_number(plan, view.step), k_style_none},
                       {std::string(k_separator), k_style_none},
                       {safe_line(step->title), k_style_bold}};
    lines.push_back(two_columns(left, {clock_left(view.step_left_ms), k_style_dim}, panel));
  }

  const int text_lines = instruction_line_count(plan, panel);
  std::vector<std::string> text;
  if (step != nullptr && !done) {
    text = wrap_limited(safe_line(step->text), panel, text_lines);
  }
  text.resize(static_cast<std::size_t>(text_lines));
  for (std::string& text_line : text) {
    lines.push_back({{std::move(text_line), k_style_none}});
  }
  lines.push_back({});

  // The big word, and the bar under it.
  const PhaseStyle style = segment != nullptr ? phase_style(segment->phase) : PhaseStyle{};
  if (done) {
    lines.push_back({{"DONE", k_style_bold}});
  } else if (view.paused) {
    Line line = {{"PAUSED", k_style_paused}};
    if (segment != nullptr) {
      line.push_back({"  " + std::string(phase_display(segment->phase)) + " " +
                          countdown_text(view.segment_left_ms),
                      k_style_dim});
    }
    lines.push_back(line);
  } else if (lead_in) {
    lines.push_back({{"GET READY " + countdown_text(view.lead_in_left_ms), k_style_get_ready}});
  } else if (segment != nullptr) {
    lines.push_back(
        {{std::string(phase_display(segment->phase)) + " " + countdown_text(view.segment_left_ms),
          style.word}});
  } else {
    lines.push_back({});
  }
  double fill = done ? 1.0 : 0.0;
  if (segment != nullptr) {
    fill = breath_fill(segment->phase, view.segment_progress);
  }
  lines.push_back(bar_line(fill, panel, view.paused ? k_style_dim : style.bar));

  lines.push_back({{segment != nullptr ? safe_line(segment->labels.format()) : "", k_style_none}});
  if (segment == nullptr) {
    lines.push_back({});
  } else if (lead_in) {
    std::string first = "first: " + std::string(phase_display(segment->phase));
    if (!segment->text.empty()) {
      first += std::string(k_separator) + safe_line(segment->text);
    }
    lines.push_back({{first, k_style_none}});
  } else {
    lines.push_back({{current_cue(plan, view, *segment), k_style_none}});
  }
  lines.push_back({});

  // The whole routine.
  const std::string left_text = " " + clock_left(done ? 0 : view.routine_left_ms) + " left";
  const int routine_cells = panel - display_width(left_text);
  if (routine_cells >= 1) {
    Line line = bar_line(done ? 1.0 : view.routine_progress, routine_cells, k_style_none);
    line.push_back({left_text, k_style_none});
    lines.push_back(line);
  } else {
    lines.push_back({{left_text.substr(1), k_style_none}});
  }
  if (done) {
    lines.push_back({});
  } else if (view.step + 1 < plan.steps.size()) {
    lines.push_back(
        {{"next: ", k_style_dim}, {safe_line(plan.steps[view.step + 1].title), k_style_none}});
  } else {
    lines.push_back({{"next: end of routine", k_style_dim}});
  }
  lines.push_back({{done ? "" : key_help(view.paused, panel), k_style_dim}});

  return join_lines(lines, width, options.color);
}

namespace {

// "[00:04]", "[61:05]" is never shown: an hour or more reads "[1:01:05]".
std::string stamp(std::int64_t ms) {
  const std::int64_t seconds = std::max<std::int64_t>(ms, 0) / 1000;
  const std::int64_t hours = seconds / 3600;
  if (hours > 0) {
    return fmt::format("[{}:{:02}:{:02}]", hours, seconds / 60 % 60, seconds % 60);
  }
  return fmt::format("[{:02}:{:02}]", seconds / 60, seconds % 60);
}

// "2/3 Foam roller"
std::string step_reference(const Plan& plan, std::size_t step) {
  return step_number(plan, step) + " " + safe_line(plan.steps[step].title);
}

}  // namespace

std::string plain_line(const Plan& plan, const SessionEvent& event, std::int64_t lead_in_ms) {
  const std::string at = stamp(event.t_ms);
  const bool step_ok = event.step < plan.steps.size();
  switch (event.type) {
    case EventType::session_start: {
      const std::size_t count = plan.steps.size();
      return fmt::format("{} {} · {} step{} · {}", at, safe_line(plan.title), count,
                         count == 1 ? "" : "s", format_clock(plan.total_ms));
    }
    case EventType::lead_in:
      if (lead_in_ms > 0) {
        return fmt::format("{} get ready… {}s", at, seconds_left(lead_in_ms));
      }
      return at + " get ready…";
    case EventType::step_start: {
      if (!step_ok) {
        return "";
      }
      const PlanStep& step = plan.steps[event.step];
      std::string line =
          fmt::format("{} step {}: {}", at, step_number(plan, event.step), safe_line(step.title));
      const std::string text = safe_line(step.text);
      if (!text.empty()) {
        line += " — " + text;
      }
      return line;
    }
    case EventType::phase: {
      if (event.segment >= plan.segments.size()) {
        return "";
      }
      const Segment& segment = plan.segments[event.segment];
      if (segment.step >= plan.steps.size()) {
        return "";
      }
      std::string line = at + " " + step_reference(plan, segment.step);
      const std::string labels = safe_line(segment.labels.format());
      if (!labels.empty()) {
        line += std::string(k_separator) + labels;
      }
      line += std::string(k_separator) + std::string(phase_display(segment.phase)) + " " +
              format_duration(segment.duration_ms);
      const std::string text = safe_line(segment.text);
      if (!text.empty()) {
        line += std::string(k_separator) + text;
      }
      return line;
    }
    case EventType::cue: {
      if (event.cue >= plan.cues.size()) {
        return "";
      }
      const PlanCue& cue = plan.cues[event.cue];
      if (cue.step >= plan.steps.size()) {
        return at + " cue: " + safe_line(cue.text);
      }
      return at + " " + step_reference(plan, cue.step) + " · cue: " + safe_line(cue.text);
    }
    case EventType::step_end:
      return "";
    case EventType::pause:
      return at + " PAUSED";
    case EventType::resume:
      return at + " resumed";
    case EventType::skip:
      return step_ok ? at + " skip: " + step_reference(plan, event.step) : at + " skip";
    case EventType::back:
      return step_ok ? at + " back from " + step_reference(plan, event.step) : at + " back";
    case EventType::session_end:
      return at + " end: " + std::string(end_status_name(event.status));
  }
  return "";
}

std::string render_summary(const Plan& plan, EndStatus status, std::size_t step,
                           std::int64_t active_ms) {
  SummaryFacts facts;
  facts.status = status;
  facts.step = step;
  facts.active_ms = active_ms;
  return render_summary(plan, facts);
}

std::string render_summary(const Plan& plan, const SummaryFacts& facts) {
  const std::string times = format_clock(std::max<std::int64_t>(facts.active_ms, 0)) + " of " +
                            format_clock(plan.total_ms);
  std::string out;
  const bool safety = facts.status == EndStatus::safety_stop;
  if (facts.status == EndStatus::completed) {
    out = "Completed: " + safe_line(plan.title) + " — " + times;
  } else if (facts.status == EndStatus::completed_skipping) {
    out = fmt::format("Completed, {} step{} skipped: {} — {}", facts.steps_skipped,
                      facts.steps_skipped == 1 ? "" : "s", safe_line(plan.title), times);
  } else if (plan.steps.empty()) {
    out = std::string(safety ? "Stopped for safety: " : "Stopped: ") + safe_line(plan.title) +
          " — " + times;
  } else {
    const std::size_t at = std::min(facts.step, plan.steps.size() - 1);
    out = fmt::format("{} at step {} of {}: {} — {}", safety ? "Stopped for safety" : "Stopped",
                      at + 1, plan.steps.size(), safe_line(plan.steps[at].title), times);
    if (facts.resume_hint && !safety) {
      out += "\nTo carry on from there: backcare resume";
    }
  }
  out += '\n';
  out += k_safety_note;
  out += '\n';
  return out;
}

}  // namespace backcare
