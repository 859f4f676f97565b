#include "displays.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/sanitize.hpp"
#include "base/text.hpp"
#include "display/frame_timing.hpp"
#include "display/line_update.hpp"
#include "display/render.hpp"
#include "journal/practice.hpp"
#include "journal/session_record.hpp"

namespace backcare {
namespace {

// Columns a written line takes: its text without the SGR sequences (ESC [ ... m) it carries.
int shown_width(std::string_view line) {
  std::string text;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
      const std::size_t end = line.find('m', i + 2);
      if (end == std::string_view::npos) {
        break;
      }
      i = end;
      continue;
    }
    text += line[i];
  }
  return display_width(text);
}

bool rings_bell(const SessionEvent& event) {
  return event.type == EventType::step_start ||
         (event.type == EventType::session_end && reached_end(event.status));
}

SummaryFacts summary_facts(const SessionView& view, std::size_t end_step, bool logging,
                           double speed) {
  SummaryFacts facts;
  facts.status = view.status;
  facts.step = end_step;
  facts.active_ms = view.active_ms;
  facts.steps_skipped = view.steps_skipped;
  facts.resume_hint = offers_resume(view.status, view.active_ms, logging);
  facts.preview_speed = is_preview(speed) ? speed : 0;
  return facts;
}

}  // namespace

std::string display_failure(int error, int fd) {
  if (error == 0 || error == EPIPE) {
    return {};
  }
  const char* name = fd == STDOUT_FILENO   ? "standard output"
                     : fd == STDERR_FILENO ? "standard error"
                                           : "the display";
  return fmt::format("cannot write to {}: {}", name, std::strerror(error));
}

TerminalDisplay::TerminalDisplay(const Plan& plan, DisplayOptions options)
    : m_plan(plan), m_options(options) {}

void TerminalDisplay::write(const std::string& bytes) {
  if (m_healthy && !write_all(m_options.fd, bytes)) {
    m_healthy = false;
    m_errno = errno != 0 ? errno : EIO;
  }
}

void TerminalDisplay::draw(const SessionView& view, const Turn& turn) {
  if (!turn.foreground) {
    return;  // never write to the terminal from the background
  }
  // The frame holds only colour and text (the cursor moves are added below): it passes the
  // output guard like everything else a command prints, so routine text the renderer failed
  // to sanitize still cannot reach the terminal raw.
  const std::string frame = guard_output(render_frame(m_plan, view, frame_options(), m_cache));
  // Split into m_next, whose strings keep their storage from frame to frame.
  std::vector<std::string>& lines = m_next;
  std::size_t count = 0;
  for (std::size_t start = 0;; ++count) {
    const std::size_t end = frame.find('\n', start);
    if (count == lines.size()) {
      lines.emplace_back();
    }
    lines[count].assign(frame, start, end == std::string::npos ? std::string::npos : end - start);
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  lines.resize(count + 1);
  const bool in_place = !m_whole && !m_clear_below && lines.size() == m_on_screen.size();
  const std::string out = in_place ? changed_lines(lines) : whole_frame(lines);
  std::swap(m_on_screen, m_next);
  m_whole = false;
  if (m_options.notices) {
    m_options.notices->frame_shown();  // from now on a warning would land inside the frame
  }
  if (!out.empty()) {
    write(out);
  }
}

FrameOptions TerminalDisplay::frame_options() const {
  FrameOptions options{m_options.caps.width, m_options.caps.color, m_options.caps.height,
                       m_options.night,      m_options.caps.ascii, m_options.big};
  if (m_options.notices) {
    options.notice = m_options.notices->brief();
  }
  return options;
}

std::int64_t TerminalDisplay::next_change_ms(const SessionView& view) const {
  return next_frame_change_ms(m_plan, view, frame_options());
}

int TerminalDisplay::rows_above_cursor() const {
  if (m_lines_drawn <= 0) {
    return 0;
  }
  if (!m_clear_below || m_on_screen.size() != static_cast<std::size_t>(m_lines_drawn)) {
    return m_lines_drawn - 1;
  }
  // After a resize the terminal re-wraps what it shows (tmux, VTE, kitty do): a line wider than
  // the new width now takes several rows, and the frame's top is that much higher.
  const int width = std::max(1, m_options.caps.width);
  int rows = 0;
  for (const auto& line : m_on_screen) {
    rows += std::max(1, (shown_width(line) + width - 1) / width);
  }
  return rows - 1;
}

std::string TerminalDisplay::whole_frame(const std::vector<std::string>& lines) {
  std::string out;
  const int up = rows_above_cursor();
  if (up > 0) {
    out += fmt::format("\r\x1b[{}A", up);
  } else {
    out += "\r";
  }
  if (m_clear_below) {
    out += "\x1b[J";
    m_clear_below = false;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    out += i + 1 < lines.size() ? "\x1b[K\n" : "\x1b[K";
  }
  m_lines_drawn = static_cast<int>(lines.size());
  return out;
}

std::string TerminalDisplay::changed_lines(const std::vector<std::string>& lines) const {
  // The cursor rests on the last line; each changed line is reached by moving up or down, and
  // the cursor goes back to the last line at the end. Nothing changed: nothing is written.
  const int last = static_cast<int>(lines.size()) - 1;
  int row = last;
  std::string out;
  const auto move_to = [&](int target) {
    if (target < row) {
      out += fmt::format("\x1b[{}A", row - target);
    } else if (target > row) {
      out += fmt::format("\x1b[{}B", target - row);
    }
    row = target;
  };
  for (int i = 0; i <= last; ++i) {
    const auto index = static_cast<std::size_t>(i);
    if (lines[index] != m_on_screen[index]) {
      move_to(i);
      out += line_update(m_on_screen[index], lines[index]);  // only the cells that changed
    }
  }
  if (!out.empty()) {
    move_to(last);
  }
  return out;
}

void TerminalDisplay::on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                                const Turn& turn) {
  bool bell = false;
  for (const auto& event : events) {
    bell = bell || rings_bell(event);
    if (event.type == EventType::session_end) {
      m_end_step = event.step;
    }
  }
  draw(view, turn);
  if (bell && m_options.bell && m_options.caps.tty && turn.foreground) {
    write("\a");
  }
}

void TerminalDisplay::on_tick(const SessionView& view, const Turn& turn) {
  draw(view, turn);
}

void TerminalDisplay::on_resize(int width, int height) {
  m_options.caps.width = width;
  m_options.caps.height = height;
  m_clear_below = true;
}

void TerminalDisplay::on_suspend(const Turn& turn) {
  if (m_lines_drawn > 0 && turn.foreground) {
    write("\n");  // the shell's "Stopped" line goes below the frame
  }
  m_lines_drawn = 0;
  m_whole = true;
  m_on_screen.clear();
}

void TerminalDisplay::on_continue(const SessionView& view, const Turn& turn) {
  m_whole = true;  // whatever happened meanwhile, the whole frame again
  draw(view, turn);
}

void TerminalDisplay::on_finish(const SessionView& view, const Turn& turn) {
  if (!turn.foreground) {
    return;
  }
  // The live region gives way to the summary, which stays in the scrollback.
  const int up = rows_above_cursor();
  std::string out = up > 0 ? fmt::format("\r\x1b[{}A\x1b[J", up) : std::string("\r\x1b[J");
  m_lines_drawn = 0;
  // Wrapped at word boundaries to the window, since the terminal would cut words.
  std::string summary = guard_output(
      render_summary(m_plan, summary_facts(view, m_end_step, m_options.logging, m_options.speed)));
  if (m_options.caps.ascii) {
    summary = to_ascii(summary);
  }
  std::size_t start = 0;
  while (start < summary.size()) {
    const std::size_t end = summary.find('\n', start);
    const std::string_view line(summary.data() + start,
                                (end == std::string::npos ? summary.size() : end) - start);
    for (const auto& part : wrap_text(line, m_options.caps.width)) {
      out += part + "\n";
    }
    start = end == std::string::npos ? summary.size() : end + 1;
  }
  write(out);
  if (m_options.notices) {
    m_options.notices->release();  // the frame is gone: the held warnings go below the summary
  }
}

PlainDisplay::PlainDisplay(const Plan& plan, DisplayOptions options, std::int64_t lead_in_ms)
    : m_plan(plan), m_options(options), m_lead_in_ms(lead_in_ms) {}

// Plain lines carry no terminal sequences at all, so they pass the same output guard as every
// command's output.
void PlainDisplay::write(const std::string& bytes) {
  if (m_healthy && !write_all(m_options.fd, guard_output(bytes))) {
    m_healthy = false;
    m_errno = errno != 0 ? errno : EIO;
  }
}

void PlainDisplay::on_events(const std::vector<SessionEvent>& events, const SessionView& /*view*/,
                             const Turn& /*turn*/) {
  std::string out;
  for (const auto& event : events) {
    if (event.type == EventType::session_end) {
      m_end_step = event.step;
    }
    const std::string line = plain_line(m_plan, event, m_lead_in_ms);
    if (!line.empty()) {
      out += (m_options.caps.ascii ? to_ascii(line) : line) + "\n";
    }
  }
  if (!out.empty()) {
    write(out);
  }
}

void PlainDisplay::on_finish(const SessionView& view, const Turn& /*turn*/) {
  const std::string summary =
      render_summary(m_plan, summary_facts(view, m_end_step, m_options.logging, m_options.speed));
  write("\n" + (m_options.caps.ascii ? to_ascii(summary) : summary));
}

}  // namespace backcare
