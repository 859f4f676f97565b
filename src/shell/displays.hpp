#pragma once
// The two human front ends: a compact region redrawn in place on a terminal, and one plain
// line per event for pipes, logs and screen readers. Both write to a file descriptor given
// to them; what they write comes from render.hpp.
#include <memory>
#include <string>
#include <vector>

#include "display/render.hpp"
#include "notices.hpp"
#include "routine/plan.hpp"
#include "session/observer.hpp"
#include "terminal.hpp"

namespace backcare {

struct DisplayOptions {
  int fd = 1;            // where to write (stdout, or stderr when events go to stdout)
  TerminalCaps caps;     // decided once, for that fd
  bool bell = true;      // ring at each step change and at the end (terminals only)
  bool night = false;    // --night: dim styles in the frame (FrameOptions::night)
  bool logging = false;  // sessions are recorded: a stopped one's summary says `backcare resume`
  bool big = false;      // --big: block letters in the frame (FrameOptions::big)
  double speed = 1.0;    // --speed: a preview's summary says it was not counted
  // Sound failures during the session: the live frame shows them on its own line and holds
  // the warnings until the summary (never written over the frame). May be null.
  std::shared_ptr<Notices> notices{};
};

// Why a display could not be written, for the loop to say after the terminal is back: ""
// when it could, or when the reader left (a closed pipe: exit 141 and nothing said), else
// "cannot write to standard output: No space left on device" (exit 74, as for any command).
std::string display_failure(int error, int fd);

// The live display: redraws the frame in place, hides nothing of the scrollback (no alternate
// screen), so the summary stays visible after the end.
class TerminalDisplay final : public SessionObserver {
 public:
  TerminalDisplay(const Plan& plan, DisplayOptions options);
  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override;
  void on_tick(const SessionView& view, const Turn& turn) override;
  std::int64_t next_change_ms(const SessionView& view) const override;
  void on_resize(int width, int height) override;
  void on_suspend(const Turn& turn) override;
  void on_continue(const SessionView& view, const Turn& turn) override;
  void on_finish(const SessionView& view, const Turn& turn) override;
  bool healthy() const override { return m_healthy; }
  std::string failure() const override { return display_failure(m_errno, m_options.fd); }

 private:
  // Draws the frame of `view`: the whole frame the first time (and after a resize or a stop),
  // afterwards only the lines that changed.
  void draw(const SessionView& view, const Turn& turn);
  std::string whole_frame(const std::vector<std::string>& lines);
  std::string changed_lines(const std::vector<std::string>& lines) const;
  // How far above the cursor the frame on screen begins (its rows after a re-wrap).
  int rows_above_cursor() const;
  void write(const std::string& bytes);
  FrameOptions frame_options() const;

  const Plan& m_plan;
  DisplayOptions m_options;
  FrameCache m_cache;                    // the frame's text that stays while a step runs
  int m_lines_drawn = 0;                 // lines of the last frame on screen (0: none yet)
  std::vector<std::string> m_on_screen;  // those lines, as last written (cleared on suspend)
  std::vector<std::string> m_next;       // the frame being drawn, split (storage kept)
  bool m_whole = true;                   // write the next frame whole (the first, after a stop)
  std::size_t m_end_step = 0;  // where the session ended (from session_end), for the summary
  bool m_clear_below = false;  // after a resize, erase what a wider frame left
  bool m_healthy = true;
  int m_errno = 0;  // why the display could not be written (EPIPE: the reader left)
};

// One line per event, no escape sequences, no redraws.
class PlainDisplay final : public SessionObserver {
 public:
  PlainDisplay(const Plan& plan, DisplayOptions options, std::int64_t lead_in_ms);
  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override;
  void on_finish(const SessionView& view, const Turn& turn) override;
  bool healthy() const override { return m_healthy; }
  std::string failure() const override { return display_failure(m_errno, m_options.fd); }

 private:
  void write(const std::string& bytes);

  const Plan& m_plan;
  DisplayOptions m_options;
  std::int64_t m_lead_in_ms;
  std::size_t m_end_step = 0;  // where the session ended (from session_end), for the summary
  bool m_healthy = true;
  int m_errno = 0;  // why the display could not be written (EPIPE: the reader left)
};

}  // namespace backcare
