#include "display/render.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/duration.hpp"
#include "base/layout.hpp"
#include "base/sanitize.hpp"
#include "display/big_word.hpp"
#include "display/frame_context.hpp"
#include "routine/routine.hpp"

namespace backcare {

namespace {

constexpr std::string_view k_separator = " · ";

int panel_width(int width) {
  return std::clamp(width, 1, k_max_frame_width);
}

// Routine text made safe, on one line, and ASCII when asked.
std::string shown(std::string_view text, bool ascii) {
  return ascii ? to_ascii(safe_line(text)) : safe_line(text);
}

// The most lines any step's whole instruction needs at this width.
int instruction_line_count(const Plan& plan, int panel, bool ascii) {
  std::size_t most = 0;
  for (const PlanStep& step : plan.steps) {
    // Printable ASCII is its own safe form: no copy, no sanitize (this runs on every redraw).
    const bool printable = std::all_of(step.text.begin(), step.text.end(),
                                       [](char c) { return c >= 0x20 && c < 0x7f; });
    most = std::max(most, printable ? wrapped_line_count(step.text, panel)
                                    : wrapped_line_count(shown(step.text, ascii), panel));
  }
  return static_cast<int>(std::min<std::size_t>(most, 10000));
}

// Which lines a frame of this plan shows at this size (render_frame's order of dropping).
struct FrameRows {
  bool one_line = false;
  int word = 1;  // the phase word: one line, or k_big_block_lines with --big
  bool title = false, step = false, blank_above = false, labels = false, cue = false;
  bool blank_below = false, routine = false, next = false, keys = false;
  int instruction = 0;

  int count() const {
    if (one_line) {
      return 1;
    }
    const bool rows[] = {title, step, blank_above, labels, cue, blank_below, routine, next, keys};
    return 1 + word + instruction +
           static_cast<int>(std::count(std::begin(rows), std::end(rows), true));
  }
};

// `text_lines`: instruction_line_count at this width.
FrameRows frame_rows(int text_lines, const FrameOptions& options) {
  FrameRows rows;
  rows.word = big_fits(options) ? k_big_block_lines : 1;
  rows.title = rows.step = rows.blank_above = rows.labels = rows.cue = true;
  rows.blank_below = rows.routine = rows.next = rows.keys = true;
  rows.instruction = text_lines;
  if (options.height <= 0 || rows.count() <= options.height) {
    return rows;
  }
  FrameRows fitted;
  fitted.word = rows.word;
  if (options.height == 1) {
    fitted.one_line = true;
    return fitted;
  }
  int room = options.height - 1 - fitted.word;  // the phase word and the bar
  const auto take = [&room](bool& row) {
    if (room > 0) {
      row = true;
      --room;
    }
  };
  take(fitted.step);
  take(fitted.labels);
  take(fitted.cue);
  // The keys (with "! safety stop") before the instruction, when three of its lines still
  // fit beside them: a cut instruction ends in "…", a missing stop key cannot be guessed.
  if (room >= 4) {
    take(fitted.keys);
  }
  fitted.instruction = std::min(text_lines, room);
  room -= fitted.instruction;
  take(fitted.routine);
  take(fitted.title);
  take(fitted.next);
  take(fitted.blank_above);
  take(fitted.blank_below);
  take(fitted.keys);
  return fitted;
}

FrameRows frame_rows(const Plan& plan, const FrameOptions& options) {
  return frame_rows(instruction_line_count(plan, panel_width(options.width), options.ascii),
                    options);
}

// The cache renewed for this plan, panel and ASCII: the instruction line count and the title.
void prepare(FrameCache& cache, const Plan& plan, int panel, bool ascii) {
  if (cache.plan == &plan && cache.panel == panel && cache.ascii == ascii) {
    return;
  }
  cache = FrameCache{};
  cache.plan = &plan;
  cache.panel = panel;
  cache.ascii = ascii;
  cache.instruction_lines = instruction_line_count(plan, panel, ascii);
  cache.title = shown(plan.title, ascii);
}

// The step's instruction fitted to `rows` lines (blank lines when it has fewer), from the
// cache when it is of that step and those rows.
const std::vector<std::string>& instruction_text(FrameCache& cache, const PlanStep* step,
                                                 std::size_t index, int rows) {
  if (cache.step != index || cache.text_rows != rows) {
    cache.text.clear();
    if (step != nullptr) {
      cache.text = fit_instruction(shown(step->text, cache.ascii), cache.panel, rows, cache.ascii);
    }
    cache.text.resize(static_cast<std::size_t>(rows));
    cache.step = index;
    cache.text_rows = rows;
  }
  return cache.text;
}

// A clock for time remaining, rounded up to the second so it reads 0:00 only at the end.
std::string clock_left(std::int64_t ms) {
  return format_clock(seconds_left(ms) * 1000);
}

std::string step_number(const Plan& plan, std::size_t step) {
  return fmt::format("{}/{}", step + 1, plan.steps.size());
}

// A segment's own text, without the "left side" of a sided block: the labels say the side.
std::string_view segment_text(const Segment& segment) {
  const std::string& side = segment.labels.side.str();
  const std::string& text = segment.text.str();
  if (!side.empty() && text.size() == side.size() + 5 && text.compare(0, side.size(), side) == 0 &&
      text.compare(side.size(), 5, " side") == 0) {
    return {};
  }
  return text;
}

// The cue line: a timed cue newer than the current segment wins over the segment's own text.
std::string current_cue(const Plan& plan, const SessionView& view, const Segment& segment,
                        bool ascii) {
  const std::string_view own = segment_text(segment);
  if (view.last_cue && *view.last_cue < plan.cues.size()) {
    const PlanCue& cue = plan.cues[*view.last_cue];
    if (cue.step == segment.step && (cue.at_ms >= segment.start_ms || own.empty())) {
      return shown(cue.text, ascii);
    }
  }
  return shown(own, ascii);
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

// What comes next inside the current step: "rest 30s", "set 2/3", "right side"; "" when only
// more of the same (breaths, reps) or the next step follows.
std::string next_in_step(const Plan& plan, std::size_t index, bool ascii) {
  const Segment& current = plan.segments[index];
  if (current.phase == Phase::switch_sides && !current.labels.side.empty()) {
    return shown(current.labels.side.str() + " side", ascii);
  }
  if (current.phase == Phase::rest && current.labels.sets > 0) {
    return fmt::format("set {}/{}", current.labels.set, current.labels.sets);
  }
  for (std::size_t k = index + 1; k < plan.segments.size(); ++k) {
    const Segment& later = plan.segments[k];
    if (later.step != current.step) {
      break;
    }
    if (later.labels.side != current.labels.side || later.phase == Phase::switch_sides) {
      return later.labels.side.empty() ? std::string("switch sides")
                                       : shown(later.labels.side.str() + " side", ascii);
    }
    if (later.phase == Phase::rest) {
      return "rest " + format_duration(later.duration_ms);
    }
    if (later.labels.set != current.labels.set) {
      return fmt::format("set {}/{}", later.labels.set, later.labels.sets);
    }
  }
  return {};
}

Line next_line(const FrameContext& frame) {
  const Plan& plan = frame.plan;
  const std::size_t step = frame.view.step;
  const std::string within = frame.segment != nullptr
                                 ? next_in_step(plan, frame.view.segment, frame.ascii)
                                 : std::string();
  const bool last = step + 1 >= plan.steps.size();
  const std::string after = last ? std::string() : shown(plan.steps[step + 1].title, frame.ascii);
  if (within.empty()) {
    return last ? Line{{"next: end of routine", k_style_dim}}
                : Line{{"next: ", k_style_dim}, {after, k_style_none}};
  }
  if (last) {
    return {{"next: ", k_style_dim}, {within, k_style_none}, {", then the end", k_style_dim}};
  }
  return {{"next: ", k_style_dim},
          {within, k_style_none},
          {", then ", k_style_dim},
          {after, k_style_none}};
}

// The phase word and its countdown, "▲ INHALE 3" (or DONE, PAUSED, GET READY).
Line word_line(const FrameContext& frame) {
  const SessionView& view = frame.view;
  if (frame.done) {
    return {{"DONE", k_style_bold}};
  }
  const std::string label = frame.segment != nullptr
                                ? phase_label(frame.plan, *frame.segment, frame.ascii) + " " +
                                      countdown_text(view.segment_left_ms)
                                : std::string();
  if (view.paused) {
    Line line = {{"PAUSED", k_style_paused}};
    if (frame.segment != nullptr) {
      line.push_back({"  " + label, k_style_dim});
    }
    return line;
  }
  if (frame.lead_in) {
    return {{"GET READY " + countdown_text(view.lead_in_left_ms), k_style_get_ready}};
  }
  if (frame.segment != nullptr) {
    return {{label, phase_style(frame.segment->phase).word}};
  }
  return {};
}

Line cue_line(const FrameContext& frame) {
  if (frame.segment == nullptr) {
    return {};
  }
  if (frame.lead_in) {
    std::string first = "first: " + phase_label(frame.plan, *frame.segment, frame.ascii);
    const std::string text = shown(segment_text(*frame.segment), frame.ascii);
    if (!text.empty()) {
      first += std::string(k_separator) + text;
    }
    return {{first, k_style_none}};
  }
  return {{current_cue(frame.plan, frame.view, *frame.segment, frame.ascii), k_style_none}};
}

Line routine_line(const FrameContext& frame) {
  const std::string left_text =
      " " + clock_left(frame.done ? 0 : frame.view.routine_left_ms) + " left";
  const int routine_cells = frame.panel - display_width(left_text);
  if (routine_cells < 1) {
    return {{left_text.substr(1), k_style_none}};
  }
  Line line = bar_line(frame.done ? 1.0 : frame.view.routine_progress, routine_cells, k_style_none,
                       frame.ascii);
  line.push_back({left_text, k_style_none});
  return line;
}

Line step_line(const FrameContext& frame) {
  if (frame.done) {
    return {{"Done", k_style_bold}};
  }
  const bool ascii = frame.ascii;
  const std::string separator = ascii ? to_ascii(k_separator) : std::string(k_separator);
  const std::string number = "Step " + step_number(frame.plan, frame.view.step);
  const Span right = {clock_left(frame.view.step_left_ms), k_style_dim};
  std::string title = shown(frame.step->title, ascii);
  if (ascii) {
    // Cut here with "...", so two_columns never has to cut with "…".
    const int room =
        frame.panel - display_width(right.text) - 1 - display_width(number + separator);
    if (room > 0 && display_width(title) > room) {
      title = truncate_ascii(title, room);
    }
  }
  const Line left = {{number, k_style_none}, {separator, k_style_none}, {title, k_style_bold}};
  return two_columns(left, right, frame.panel);
}

// The phase word and the bar on one line, for a window one line high.
Line one_line(const FrameContext& frame, double fill, std::string_view bar_style) {
  Line line = word_line(frame);
  const int cells = frame.panel - line_width(line) - 1;
  if (cells >= 1) {
    line.push_back({" ", k_style_none});
    Line bar = bar_line(fill, cells, bar_style, frame.ascii);
    line.insert(line.end(), bar.begin(), bar.end());
  }
  return line;
}

}  // namespace

std::string_view phase_word(const Plan& plan, const Segment& segment) {
  switch (segment.phase) {
    case Phase::work:
      return segment.step < plan.steps.size() && plan.steps[segment.step].stretch ? "STRETCH"
                                                                                  : "HOLD";
    case Phase::switch_sides:
      return "SWITCH";
    default:
      return phase_display(segment.phase);
  }
}

std::string phase_label(const Plan& plan, const Segment& segment, bool ascii) {
  const std::string word(phase_word(plan, segment));
  if (segment.phase == Phase::inhale) {
    return (ascii ? "^ " : "▲ ") + word;
  }
  if (segment.phase == Phase::exhale) {
    return (ascii ? "v " : "▼ ") + word;
  }
  return word;
}

double breath_fill(Phase phase, double segment_progress) {
  const double progress = segment_progress > 0.0 ? std::min(segment_progress, 1.0) : 0.0;
  return phase == Phase::exhale ? 1.0 - progress : progress;
}

int frame_line_count(const Plan& plan, const FrameOptions& options) {
  return frame_rows(plan, options).count();
}

std::string render_frame(const Plan& plan, const SessionView& view, const FrameOptions& options) {
  FrameCache cache;
  return render_frame(plan, view, options, cache);
}

std::string render_frame(const Plan& plan, const SessionView& view, const FrameOptions& options,
                         FrameCache& cache) {
  const int width = std::max(options.width, 1);
  FrameContext frame{plan, view};
  frame.panel = panel_width(width);
  frame.ascii = options.ascii;
  prepare(cache, plan, frame.panel, frame.ascii);
  const FrameRows rows = frame_rows(cache.instruction_lines, options);
  frame.step = view.step < plan.steps.size() ? &plan.steps[view.step] : nullptr;
  frame.done = view.finished || frame.step == nullptr;
  if (!frame.done && view.segment < plan.segments.size()) {
    frame.segment = &plan.segments[view.segment];
  }
  frame.lead_in = !frame.done && !view.paused && view.lead_in_left_ms > 0;
  const Segment* segment = frame.segment;
  const double fill = segment != nullptr ? breath_fill(segment->phase, view.segment_progress)
                      : frame.done       ? 1.0
                                         : 0.0;
  const std::string_view bar_style = view.paused          ? k_style_dim
                                     : segment != nullptr ? phase_style(segment->phase).bar
                                                          : k_style_none;

  std::vector<Line> lines;
  if (rows.one_line) {
    lines.push_back(one_line(frame, fill, bar_style));
  } else {
    const auto add = [&lines](bool row, Line line) {
      if (row) {
        lines.push_back(std::move(line));
      }
    };
    add(rows.title, {{cache.title, k_style_bold}});
    add(rows.step, step_line(frame));
    const std::size_t text_step = frame.done ? plan.steps.size() : view.step;
    for (const std::string& text_line :
         instruction_text(cache, frame.done ? nullptr : frame.step, text_step, rows.instruction)) {
      // Dim at night like the rest: a bright paragraph in a dark room is what --night avoids.
      lines.push_back({{text_line, options.night ? k_style_dim : k_style_none}});
    }
    add(rows.blank_above, {});
    if (rows.word > 1) {
      std::vector<Line> big = big_word_lines(frame, word_line(frame));
      std::move(big.begin(), big.end(), std::back_inserter(lines));
    } else {
      lines.push_back(word_line(frame));
    }
    lines.push_back(bar_line(fill, frame.panel, bar_style, frame.ascii));
    add(rows.labels,
        {{segment != nullptr ? shown(segment->labels.format(), frame.ascii) : "", k_style_none}});
    add(rows.cue, cue_line(frame));
    // A notice (sound failing) takes the blank line under the cue, else the next line: the
    // frame keeps its line count, and the keys stay.
    const Line notice{{shown(options.notice, frame.ascii), "33"}};
    const bool has_notice = !options.notice.empty();
    add(rows.blank_below, has_notice ? notice : Line{});
    add(rows.routine, routine_line(frame));
    add(rows.next, has_notice && !rows.blank_below ? notice
                   : frame.done                    ? Line{}
                                                   : next_line(frame));
    add(rows.keys, {{frame.done ? "" : key_help(view.paused, frame.panel), k_style_dim}});
  }
  if (options.night) {
    for (Line& line : lines) {
      for (Span& span : line) {
        span.style = night_style(span.style);
      }
    }
  }
  return join_lines(lines, width, options.color, frame.ascii);
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
      line += std::string(k_separator) + std::string(phase_word(plan, segment)) + " " +
              format_duration(segment.duration_ms);
      const std::string text = safe_line(segment_text(segment));
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
  if (facts.preview_speed > 0) {
    out += fmt::format("\nPreview at {:g}x speed: not counted as practice", facts.preview_speed);
  }
  out += '\n';
  out += k_safety_note;
  out += '\n';
  return out;
}

}  // namespace backcare
