#include "render.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "duration.hpp"
#include "routine.hpp"
#include "sanitize.hpp"
#include "text.hpp"

namespace backcare {

namespace {

// Index 1..7: a cell filled by that many eighths from the left.
constexpr std::string_view k_eighth_blocks[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view k_full_block = "█";
constexpr std::string_view k_empty_cell = "░";
constexpr std::string_view k_separator = " · ";

// SGR parameters. Bold + colour for the big word, plain colour for its bar.
constexpr std::string_view k_style_none = "";
constexpr std::string_view k_style_bold = "1";
constexpr std::string_view k_style_dim = "2";
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
    case Phase::pause:
      return {"1;33", "33"};  // yellow
    case Phase::work:
      return {"1;34", "34"};  // blue
    case Phase::switch_sides:
    case Phase::rest:
      return {"1;35", "35"};  // magenta
  }
  return {k_style_bold, k_style_none};
}

// A run of text (already safe to print) with one SGR style.
struct Span {
  std::string text;
  std::string_view style = k_style_none;
};
using Line = std::vector<Span>;

int line_width(const Line& line) {
  int width = 0;
  for (const Span& span : line) {
    width += display_width(span.text);
  }
  return width;
}

// Cuts a line to `width` columns; the span that does not fit ends with "…".
Line fit(const Line& line, int width) {
  Line out;
  int left = width;
  for (const Span& span : line) {
    if (left <= 0) {
      break;
    }
    const int span_width = display_width(span.text);
    if (span_width <= left) {
      out.push_back(span);
      left -= span_width;
    } else {
      out.push_back({truncate_to_width(span.text, left), span.style});
      break;
    }
  }
  return out;
}

std::string emit(const Line& line, bool color) {
  std::string out;
  for (const Span& span : line) {
    if (span.text.empty()) {
      continue;
    }
    if (color && !span.style.empty()) {
      out += "\x1b[";
      out += span.style;
      out += 'm';
      out += span.text;
      out += "\x1b[0m";
    } else {
      out += span.text;
    }
  }
  return out;
}

// `left`, then `right` flush with the right edge of `width`. When both do not fit, `left` is cut
// (keeping at least a few columns); when even that fails, `right` is dropped.
Line two_columns(const Line& left, const Span& right, int width) {
  constexpr int k_min_left = 8;
  const int right_width = display_width(right.text);
  if (right_width == 0) {
    return left;
  }
  const int room = width - right_width - 1;
  if (room < k_min_left && line_width(left) > room) {
    return left;
  }
  Line out = fit(left, room);
  out.push_back({std::string(static_cast<std::size_t>(width - right_width - line_width(out)), ' '),
                 k_style_none});
  out.push_back(right);
  return out;
}

// Routine text made safe and put on one line: controls escaped, line breaks and tabs as spaces.
std::string clean(std::string_view text) {
  std::string out = sanitize(text, true);
  for (char& c : out) {
    if (c == '\n' || c == '\t' || c == '\r') {
      c = ' ';
    }
  }
  return out;
}

// Splits a word wider than `width` into pieces of at most `width` columns (at least one code
// point per piece, so a wide character in a 1-column frame still makes progress).
std::vector<std::string> split_word(std::string_view word, int width) {
  std::vector<std::string> pieces;
  std::string piece;
  int piece_width = 0;
  std::size_t i = 0;
  while (i < word.size()) {
    const std::size_t length = decode_utf8(word, i).length;
    const std::string_view code_point = word.substr(i, length);
    const int cp_width = display_width(code_point);
    if (piece_width + cp_width > width && !piece.empty()) {
      pieces.push_back(piece);
      piece.clear();
      piece_width = 0;
    }
    piece += code_point;
    piece_width += cp_width;
    i += length;
  }
  if (!piece.empty()) {
    pieces.push_back(piece);
  }
  return pieces;
}

// Greedy word wrap of cleaned text to `width` columns.
std::vector<std::string> wrap(std::string_view text, int width) {
  std::vector<std::string> lines;
  std::string line;
  int line_width_so_far = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      continue;
    }
    const int word_width = display_width(word);
    if (line_width_so_far > 0 && line_width_so_far + 1 + word_width <= width) {
      line += ' ';
      line += word;
      line_width_so_far += 1 + word_width;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(line);
      line.clear();
      line_width_so_far = 0;
    }
    if (word_width <= width) {
      line = word;
      line_width_so_far = word_width;
      continue;
    }
    std::vector<std::string> pieces = split_word(word, width);
    for (std::size_t p = 0; p + 1 < pieces.size(); ++p) {
      lines.push_back(pieces[p]);
    }
    line = pieces.back();
    line_width_so_far = display_width(line);
  }
  if (!line.empty()) {
    lines.push_back(line);
  }
  return lines;
}

// wrap(), keeping at most `max_lines`; the last kept line ends with "…" when text was dropped.
std::vector<std::string> wrap_limited(std::string_view text, int width, int max_lines) {
  std::vector<std::string> lines = wrap(text, width);
  const auto limit = static_cast<std::size_t>(std::max(max_lines, 0));
  if (lines.size() > limit) {
    if (limit == 0) {
      return {};
    }
    std::string tail = lines[limit - 1];
    for (std::size_t i = limit; i < lines.size(); ++i) {
      tail += ' ';
      tail += lines[i];
    }
    lines.resize(limit);
    lines.back() = truncate_to_width(tail, width);
  }
  return lines;
}

int panel_width(int width) {
  return std::clamp(width, 1, k_max_frame_width);
}

// How many instruction lines every frame of this plan shows at this width: the most any step
// needs, capped.
int instruction_line_count(const Plan& plan, int panel) {
  std::size_t most = 0;
  for (const PlanStep& step : plan.steps) {
    most = std::max(most, wrap(clean(step.text), panel).size());
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
      return clean(cue.text);
    }
  }
  return clean(segment.text);
}

// A bar split where the fill ends, so colour can go on the filled part only.
struct BarParts {
  std::string filled;
  std::string empty;
};

BarParts bar_parts(double fraction, int cells) {
  BarParts parts;
  if (cells <= 0) {
    return parts;
  }
  if (!(fraction > 0.0)) {
    fraction = 0.0;  // also NaN
  }
  fraction = std::min(fraction, 1.0);
  const auto eighths = static_cast<std::int64_t>(std::llround(fraction * cells * 8.0));
  const std::int64_t full = eighths / 8;
  const std::int64_t remainder = eighths % 8;
  std::int64_t used = 0;
  for (; used < full; ++used) {
    parts.filled += k_full_block;
  }
  if (remainder > 0) {
    parts.filled += k_eighth_blocks[static_cast<std::size_t>(remainder)];
    ++used;
  }
  for (; used < cells; ++used) {
    parts.empty += k_empty_cell;
  }
  return parts;
}

// A bar as spans: the fill in `style`, the empty part dim.
Line bar_line(double fraction, int cells, std::string_view style) {
  BarParts parts = bar_parts(fraction, cells);
  return {{std::move(parts.filled), style}, {std::move(parts.empty), k_style_dim}};
}

std::string key_help(bool paused) {
  return paused ? "space resume · n next · b back · q quit"
                : "space pause · n next · b back · q quit";
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int width) {
  return wrap(clean(text), std::max(1, width));
}

std::string render_bar(double fraction, int cells) {
  const BarParts parts = bar_parts(fraction, cells);
  return parts.filled + parts.empty;
}

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
    case Phase::pause:
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
  lines.push_back({{clean(plan.title), k_style_bold}});

  if (done) {
    lines.push_back({{"Done", k_style_bold}});
  } else {
    const Line left = {{"Step " + step_number(plan, view.step), k_style_none},
                       {std::string(k_separator), k_style_none},
                       {clean(step->title), k_style_bold}};
    lines.push_back(two_columns(left, {clock_left(view.step_left_ms), k_style_dim}, panel));
  }

  const int text_lines = instruction_line_count(plan, panel);
  std::vector<std::string> text;
  if (step != nullptr && !done) {
    text = wrap_limited(clean(step->text), panel, text_lines);
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

  lines.push_back({{segment != nullptr ? clean(segment->labels.format()) : "", k_style_none}});
  if (segment == nullptr) {
    lines.push_back({});
  } else if (lead_in) {
    std::string first = "first: " + std::string(phase_display(segment->phase));
    if (!segment->text.empty()) {
      first += std::string(k_separator) + clean(segment->text);
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
        {{"next: ", k_style_dim}, {clean(plan.steps[view.step + 1].title), k_style_none}});
  } else {
    lines.push_back({{"next: end of routine", k_style_dim}});
  }
  lines.push_back({{done ? "" : key_help(view.paused), k_style_dim}});

  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out += '\n';
    }
    out += emit(fit(lines[i], width), options.color);
  }
  return out;
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
  return step_number(plan, step) + " " + clean(plan.steps[step].title);
}

}  // namespace

std::string plain_line(const Plan& plan, const SessionEvent& event, std::int64_t lead_in_ms) {
  const std::string at = stamp(event.t_ms);
  const bool step_ok = event.step < plan.steps.size();
  switch (event.type) {
    case EventType::session_start: {
      const std::size_t count = plan.steps.size();
      return fmt::format("{} {} · {} step{} · {}", at, clean(plan.title), count,
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
          fmt::format("{} step {}: {}", at, step_number(plan, event.step), clean(step.title));
      const std::string text = clean(step.text);
      if (!text.empty()) {
        line += " — " + text;
      }
      return line;
    }
    case EventType::segment_start: {
      if (event.segment >= plan.segments.size()) {
        return "";
      }
      const Segment& segment = plan.segments[event.segment];
      if (segment.step >= plan.steps.size()) {
        return "";
      }
      std::string line = at + " " + step_reference(plan, segment.step);
      const std::string labels = clean(segment.labels.format());
      if (!labels.empty()) {
        line += std::string(k_separator) + labels;
      }
      line += std::string(k_separator) + std::string(phase_display(segment.phase)) + " " +
              format_duration(segment.duration_ms);
      const std::string text = clean(segment.text);
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
        return at + " cue: " + clean(cue.text);
      }
      return at + " " + step_reference(plan, cue.step) + " · cue: " + clean(cue.text);
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
  const std::string times =
      format_clock(std::max<std::int64_t>(active_ms, 0)) + " of " + format_clock(plan.total_ms);
  std::string out;
  if (status == EndStatus::completed) {
    out = "Completed: " + clean(plan.title) + " — " + times;
  } else if (plan.steps.empty()) {
    out = "Stopped: " + clean(plan.title) + " — " + times;
  } else {
    const std::size_t at = std::min(step, plan.steps.size() - 1);
    out = fmt::format("Stopped at step {} of {}: {} — {}", at + 1, plan.steps.size(),
                      clean(plan.steps[at].title), times);
  }
  out += '\n';
  out += k_safety_note;
  out += '\n';
  return out;
}

}  // namespace backcare
