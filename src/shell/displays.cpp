#include "displays.hpp"

#include <fmt/format.h>

#include "render.hpp"

namespace backcare {
namespace {

bool rings_bell(const SessionEvent& event) {
  return event.type == EventType::step_start ||
         (event.type == EventType::session_end && event.status == EndStatus::completed);
}

}  // namespace

TerminalDisplay::TerminalDisplay(const Plan& plan, DisplayOptions options)
    : m_plan(plan), m_options(options) {}

void TerminalDisplay::write(const std::string& bytes) {
  if (m_healthy && !write_all(m_options.fd, bytes)) {
    m_healthy = false;
  }
}

void TerminalDisplay::draw(const SessionView& view) {
  if (!in_foreground(m_options.fd)) {
    return;  // never write to the terminal from the background
  }
  const std::string frame =
      render_frame(m_plan, view,
                   {m_options.caps.width, m_options.caps.color, m_options.caps.height,
                    m_options.night, m_options.caps.ascii});
  std::string out;
  if (m_lines_drawn > 1) {
    out += fmt::format("\r\x1b[{}A", m_lines_drawn - 1);
  } else {
    out += "\r";
  }
  if (m_clear_below) {
    out += "\x1b[J";
    m_clear_below = false;
  }
  int lines = 1;
  for (char c : frame) {
    if (c == '\n') {
      out += "\x1b[K\n";
      ++lines;
    } else {
      out += c;
    }
  }
  out += "\x1b[K";
  m_lines_drawn = lines;
  write(out);
}

void TerminalDisplay::on_events(const std::vector<SessionEvent>& events, const SessionView& view) {
  bool bell = false;
  for (const auto& event : events) {
    bell = bell || rings_bell(event);
    if (event.type == EventType::session_end) {
      m_end_step = event.step;
    }
  }
  draw(view);
  if (bell && m_options.bell && m_options.caps.tty && in_foreground(m_options.fd)) {
    write("\a");
  }
}

void TerminalDisplay::on_tick(const SessionView& view) {
  draw(view);
}

void TerminalDisplay::on_resize(int width, int height) {
  m_options.caps.width = width;
  m_options.caps.height = height;
  m_clear_below = true;
}

void TerminalDisplay::on_suspend() {
  if (m_lines_drawn > 0 && in_foreground(m_options.fd)) {
    write("\n");  // the shell's "Stopped" line goes below the frame
  }
  m_lines_drawn = 0;
}

void TerminalDisplay::on_continue(const SessionView& view) {
  draw(view);
}

void TerminalDisplay::on_finish(const SessionView& view) {
  if (!in_foreground(m_options.fd)) {
    return;
  }
  // The live region gives way to the summary, which stays in the scrollback.
  std::string out = m_lines_drawn > 1 ? fmt::format("\r\x1b[{}A\x1b[J", m_lines_drawn - 1)
                                      : std::string("\r\x1b[J");
  m_lines_drawn = 0;
  // Wrapped at word boundaries to the window, since the terminal would cut words.
  std::string summary = render_summary(m_plan, view.status, m_end_step, view.active_ms);
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
}

PlainDisplay::PlainDisplay(const Plan& plan, DisplayOptions options, std::int64_t lead_in_ms)
    : m_plan(plan), m_options(options), m_lead_in_ms(lead_in_ms) {}

void PlainDisplay::write(const std::string& bytes) {
  if (m_healthy && !write_all(m_options.fd, bytes)) {
    m_healthy = false;
  }
}

void PlainDisplay::on_events(const std::vector<SessionEvent>& events, const SessionView&) {
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

void PlainDisplay::on_finish(const SessionView& view) {
  const std::string summary = render_summary(m_plan, view.status, m_end_step, view.active_ms);
  write("\n" + (m_options.caps.ascii ? to_ascii(summary) : summary));
}

}  // namespace backcare
