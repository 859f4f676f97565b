#include "player.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>

#include "base/exit_codes.hpp"
#include "session/keys.hpp"

namespace backcare {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

constexpr nanoseconds k_escape_wait = milliseconds(50);
constexpr nanoseconds k_frame_interval = milliseconds(50);     // 20 frames a second at most
constexpr nanoseconds k_background_check = milliseconds(200);  // in the background: fg yet?
// In the foreground with no signal, the terminal is asked again on the first turn this long
// after the last question (no wake of its own): a safety net, as only a stop changes hands.
constexpr nanoseconds k_foreground_recheck = std::chrono::seconds(1);

// The wall time `plan_ms` of plan time takes at this speed, rounded up so that what was due
// has happened when it is over.
nanoseconds wall_time(std::int64_t plan_ms, double speed) {
  return nanoseconds(
      static_cast<std::int64_t>(std::ceil(static_cast<double>(plan_ms) * 1e6 / speed)));
}

TimePoint earliest(std::optional<TimePoint> a, TimePoint b) {
  return a ? std::min(*a, b) : b;
}

// One session on one Clock and Port. Every turn: wait, read the clock once (the Turn), then
// signals, keys, the escape timeout and advance() all use that instant, as do the observers.
class Loop {
 public:
  Loop(const Plan& plan, const PlayerOptions& options,
       std::vector<std::unique_ptr<SessionObserver>> observers, Clock& clock, Port& port)
      : m_plan(plan),
        m_options(options),
        m_session(plan, options.session),
        m_observers(std::move(observers)),
        m_clock(clock),
        m_port(port) {}

  int run(bool live) {
    m_start_wall = m_clock.wall();
    read_clock(true);
    m_start = m_turn.now;  // the session starts at its first turn
    m_turn.since_start = nanoseconds(0);
    m_turn.wall = m_start_wall;
    if (!m_turn.foreground) {  // started with `&`: nothing is drawn until `fg`
      follow_foreground(true);
    }
    dispatch(m_session.start(m_turn.now));
    m_last_draw = m_turn.now;
    while (!m_session.finished()) {
      if (!healthy()) {
        dispatch(m_session.interrupt(m_turn.now));
        return m_failure.empty() ? 128 + SIGPIPE : k_exit_io_error;
      }
      const Wakeup wakeup = m_port.wait(next_wake(live), !m_keys_gone && m_turn.foreground);
      const bool was_foreground = m_turn.foreground;
      // A signal (SIGCONT, SIGTSTP...) or a keyboard gone (EIO: the terminal is another
      // group's) may mean the terminal changed hands.
      read_clock(!wakeup.signals.empty() || wakeup.keys_gone || wakeup.failed);
      follow_foreground(was_foreground);
      if (wakeup.failed) {
        dispatch(m_session.interrupt(m_turn.now));
        return k_exit_software;
      }
      if (const auto code = handle_signals(wakeup.signals)) {
        return *code;
      }
      m_keys_gone = m_keys_gone || wakeup.keys_gone;
      if (!wakeup.keys.empty()) {
        for (const Key key : m_keys.feed(wakeup.keys)) {
          act(key);
        }
        if (m_keys.pending_escape()) {
          m_escape_since = m_turn.now;
        }
      }
      if (m_keys.pending_escape() && m_turn.now - m_escape_since >= k_escape_wait) {
        if (const auto key = m_keys.flush_escape()) {
          act(*key);
        }
      }
      dispatch(m_session.advance(m_turn.now));
      turn_done();
      if (live && !m_session.finished() && m_redraw_at && m_turn.now >= *m_redraw_at) {
        if (m_drawn_at != m_turn.now) {  // else this instant's events drew this very frame
          tick();
        }
        m_last_draw = m_turn.now;
      }
    }
    switch (m_session.view(m_turn.now).status) {
      case EndStatus::completed:
      case EndStatus::completed_skipping:
        return k_exit_ok;
      case EndStatus::safety_stop:
        return k_exit_safety_stop;
      default:
        return k_exit_stopped;
    }
  }

  // Why the loop stopped on an output error, for run_loop to say after the terminal is back:
  // "" for a closed pipe (the reader left: 141, nothing said).
  const std::string& failure() const { return m_failure; }

  SessionView finish() {
    read_clock(true);
    const SessionView view = m_session.view(m_turn.now);
    m_port.restore();
    for (auto& observer : m_observers) {
      observer->on_finish(view, m_turn);
    }
    return view;
  }

 private:
  // The one clock reading of a turn, and at most one foreground question (tcgetpgrp): when
  // `ask` (a signal came, the keyboard went), on every turn in the background (the 200 ms
  // poll), and otherwise once a second at most.
  void read_clock(bool ask) {
    m_turn.now = m_clock.now();
    m_turn.since_start = m_turn.now - m_start;
    m_turn.wall = m_start_wall + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                     m_turn.since_start);
    if (ask || !m_turn.foreground || m_turn.now - m_foreground_asked >= k_foreground_recheck) {
      m_turn.foreground = m_port.foreground();
      m_foreground_asked = m_turn.now;
    }
  }

  // When the live display next changes with no event (the soonest next_change_ms of the
  // observers, in wall time), never sooner than k_frame_interval after the last redraw;
  // nullopt when nothing will change or nothing is drawn (in the background).
  std::optional<TimePoint> redraw_due() const {
    if (!m_turn.foreground) {
      return std::nullopt;
    }
    const SessionView view = m_session.view(m_turn.now);
    std::int64_t soonest = -1;
    for (const auto& observer : m_observers) {
      const std::int64_t ms = observer->next_change_ms(view);
      if (ms >= 0 && (soonest < 0 || ms < soonest)) {
        soonest = ms;
      }
    }
    if (soonest < 0) {
      return std::nullopt;
    }
    return std::max(m_turn.now + wall_time(soonest, m_options.session.speed),
                    m_last_draw + k_frame_interval);
  }

  // The next boundary, the next redraw or the Esc timeout, whichever is first.
  std::optional<TimePoint> next_wake(bool live) {
    std::optional<TimePoint> wake = m_session.next_deadline();
    m_redraw_at = live ? redraw_due() : std::nullopt;
    if (m_redraw_at) {
      wake = earliest(wake, *m_redraw_at);
    }
    if (m_keys.pending_escape()) {
      wake = earliest(wake, m_escape_since + k_escape_wait);
    }
    for (const auto& observer : m_observers) {
      if (const auto deadline = observer->next_deadline()) {
        wake = earliest(wake, *deadline);
      }
    }
    if (!m_turn.foreground) {
      // No signal says the terminal is ours again (`fg` of a job that `bg` or `&` left running
      // sends no SIGCONT): ask again soon.
      wake = earliest(wake, m_turn.now + k_background_check);
    }
    return wake;
  }

  // The terminal changed hands since the last turn: back in the foreground, raw mode again and
  // the whole frame; gone to the background, the displays forget what they drew (the shell
  // wrote below it) and draw nothing until then. The terminal modes are not touched there.
  void follow_foreground(bool was_foreground) {
    if (was_foreground == m_turn.foreground) {
      return;
    }
    if (m_turn.foreground) {
      continue_after_stop();
    } else {
      for (auto& observer : m_observers) {
        observer->on_suspend(m_turn);
      }
    }
  }

  bool healthy() {
    bool all = true;
    for (const auto& observer : m_observers) {
      if (!observer->healthy()) {
        all = false;
        if (m_failure.empty()) {
          m_failure = observer->failure();
        }
      }
    }
    return all;
  }

  void dispatch(const std::vector<SessionEvent>& events) {
    if (events.empty()) {
      return;
    }
    const SessionView view = m_session.view(m_turn.now);
    for (auto& observer : m_observers) {
      observer->on_events(events, view, m_turn);
    }
    m_drawn_at = m_turn.now;
  }

  void turn_done() {
    if (m_session.finished()) {
      return;
    }
    const SessionView view = m_session.view(m_turn.now);
    for (auto& observer : m_observers) {
      observer->on_turn(view, m_turn);
    }
  }

  void tick() {
    const SessionView view = m_session.view(m_turn.now);
    for (auto& observer : m_observers) {
      observer->on_tick(view, m_turn);
    }
  }

  void act(Key key) {
    const TimePoint t = m_turn.now;
    switch (key) {
      case Key::pause:
        dispatch(m_session.toggle_pause(t));
        break;
      case Key::next:
        dispatch(m_session.next(t));
        break;
      case Key::back:
        dispatch(m_session.back(t));
        break;
      case Key::quit:
        dispatch(m_session.quit(t));
        break;
      case Key::safety_stop:
        dispatch(m_session.safety_stop(t));
        break;
      case Key::other:
        break;
    }
  }

  // Acts on signals; returns an exit code when one ends the session.
  std::optional<int> handle_signals(const std::vector<int>& received) {
    for (const int sig : received) {
      switch (sig) {
        case SIGINT:
        case SIGTERM:
        case SIGHUP:
        case SIGQUIT:
          dispatch(m_session.interrupt(m_turn.now));
          return exit_code_for_signal(sig);
        case SIGWINCH:
          if (const auto width = m_port.window_width()) {
            const int height = m_port.window_height().value_or(0);
            for (auto& observer : m_observers) {
              observer->on_resize(*width, height);
            }
            tick();
          }
          break;
        case SIGTSTP:
          dispatch(m_session.pause(m_turn.now));
          for (auto& observer : m_observers) {
            observer->on_suspend(m_turn);
          }
          m_port.suspend();  // returns once continued: a new turn begins
          read_clock(true);
          continue_after_stop();
          break;
        case SIGCONT:
          continue_after_stop();
          break;
        default:
          break;
      }
    }
    return std::nullopt;
  }

  // Raw mode and the whole frame again. The foreground was asked this turn (after a signal or
  // a change of hands seen by read_clock).
  void continue_after_stop() {
    m_port.enter();
    const SessionView view = m_session.view(m_turn.now);
    for (auto& observer : m_observers) {
      observer->on_continue(view, m_turn);
    }
  }

  const Plan& m_plan;
  const PlayerOptions& m_options;
  Session m_session;
  std::vector<std::unique_ptr<SessionObserver>> m_observers;
  Clock& m_clock;
  Port& m_port;
  TimePoint m_start{0};
  std::chrono::system_clock::time_point m_start_wall;
  Turn m_turn;
  KeyDecoder m_keys;
  bool m_keys_gone = false;  // the keyboard reached end of input
  TimePoint m_escape_since{0};
  TimePoint m_foreground_asked{0};       // when the terminal was last asked whose it is
  TimePoint m_last_draw{0};              // the last redraw between events (on_tick)
  TimePoint m_drawn_at{-1};              // the last instant whose events the observers got
  std::optional<TimePoint> m_redraw_at;  // when the coming wait's redraw is due (live only)
  std::string m_failure;                 // the first observer's failure(), once one is unhealthy
};

}  // namespace

Presentation decide_presentation(const PlayerOptions& options) {
  Presentation out;
  out.human_fd = options.human_to_stderr ? STDERR_FILENO : STDOUT_FILENO;
  out.caps = detect_terminal_caps(options.no_color, out.human_fd);
  out.live = !options.quiet && out.caps.fancy && !options.plain;
  out.keys = ::isatty(STDIN_FILENO) == 1 || (options.routine_from_stdin && out.live);
  return out;
}

int run_loop(const Plan& plan, const PlayerOptions& options,
             std::vector<std::unique_ptr<SessionObserver>> observers, Clock& clock, Port& port,
             bool live, PlayResult* result) {
  Loop loop(plan, options, std::move(observers), clock, port);
  const int code = loop.run(live);
  const SessionView end = loop.finish();
  if (!loop.failure().empty()) {
    write_all(STDERR_FILENO, "backcare: error: " + loop.failure() + "\n");
  }
  if (result != nullptr) {
    *result = PlayResult{code, end};
  }
  return code;
}

int play(const Plan& plan, const PlayerOptions& options,
         std::vector<std::unique_ptr<SessionObserver>> observers, SignalPipe& signals,
         PlayResult* result) {
  ignore_sigpipe();
  const Presentation presentation = decide_presentation(options);
  std::optional<TerminalGuard> guard;
  if (presentation.keys || presentation.live) {
    guard.emplace(TerminalGuard::Options{options.routine_from_stdin, presentation.live,
                                         presentation.human_fd});
  }
  SystemClock clock;
  SystemPort port(signals, guard ? &*guard : nullptr, presentation.human_fd);
  return run_loop(plan, options, std::move(observers), clock, port, presentation.live, result);
}

}  // namespace backcare
