#include "player.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>

#include "displays.hpp"
#include "exit_codes.hpp"
#include "keys.hpp"
#include "terminal.hpp"

namespace backcare {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

constexpr nanoseconds k_escape_wait = milliseconds(50);
constexpr nanoseconds k_frame_interval = milliseconds(50);  // 20 frames a second at most

TimePoint now() {
  return std::chrono::duration_cast<nanoseconds>(
      std::chrono::steady_clock::now().time_since_epoch());
}

// How long from now until the live display needs a redraw with no event: 20 times a second
// while the breath bar moves, else when the shown seconds change.
nanoseconds redraw_interval(const Plan& plan, const SessionView& view, double speed) {
  if (view.paused || view.finished) {
    return nanoseconds::max();
  }
  if (view.lead_in_left_ms <= 0 && view.segment < plan.segments.size()) {
    const Phase phase = plan.segments[view.segment].phase;
    if (phase == Phase::inhale || phase == Phase::exhale) {
      return k_frame_interval;
    }
  }
  const std::int64_t left = view.lead_in_left_ms > 0 ? view.lead_in_left_ms : view.segment_left_ms;
  const std::int64_t plan_ms = left > 0 ? (left - 1) % 1000 + 1 : 1000;
  const auto wall =
      nanoseconds(static_cast<std::int64_t>(static_cast<double>(plan_ms) * 1e6 / speed));
  return std::max(wall, k_frame_interval);
}

class Loop {
 public:
  Loop(const Plan& plan, const PlayerOptions& options,
       std::vector<std::unique_ptr<SessionObserver>> observers)
      : m_plan(plan),
        m_options(options),
        m_session(plan, options.session),
        m_observers(std::move(observers)) {}

  void add(std::unique_ptr<SessionObserver> observer) {
    m_observers.push_back(std::move(observer));
  }

  int run(TerminalGuard* guard, SignalPipe& signals, bool live) {
    m_guard = guard;
    dispatch(m_session.start(now()));
    TimePoint last_draw = now();
    while (!m_session.finished()) {
      if (!healthy()) {
        dispatch(m_session.interrupt(now()));
        return 128 + SIGPIPE;
      }
      // Sleep until the next boundary, the next redraw or the Esc timeout, whichever is first.
      const TimePoint t = now();
      std::optional<TimePoint> wake = m_session.next_deadline();
      const SessionView view = m_session.view(t);
      if (live) {
        const nanoseconds interval = redraw_interval(m_plan, view, m_options.session.speed);
        if (interval != nanoseconds::max()) {
          const TimePoint redraw = std::max(t + interval, last_draw + k_frame_interval);
          wake = std::min(wake.value_or(TimePoint::max()), redraw);
        }
      }
      if (m_keys.pending_escape()) {
        wake = std::min(wake.value_or(TimePoint::max()), m_escape_since + k_escape_wait);
      }
      pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {-1, POLLIN, 0}};
      if (m_guard != nullptr && !m_keys_gone && m_guard->input_fd() >= 0 &&
          m_guard->in_foreground()) {
        fds[1].fd = m_guard->input_fd();
      }
      timespec timeout{};
      timespec* timeout_ptr = nullptr;
      if (wake) {
        const std::int64_t ns = std::max<std::int64_t>(0, (*wake - t).count());
        timeout.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        timeout.tv_nsec = static_cast<long>(ns % 1'000'000'000);
        timeout_ptr = &timeout;
      }
      const int ready = ::ppoll(fds, 2, timeout_ptr, nullptr);
      if (ready < 0 && errno != EINTR) {
        dispatch(m_session.interrupt(now()));
        return k_exit_software;
      }
      if (ready > 0 && (fds[0].revents & POLLIN) != 0) {
        if (const auto code = handle_signals(signals.drain())) {
          return *code;
        }
      }
      if (ready > 0 && fds[1].fd >= 0) {
        const auto bytes = (fds[1].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0
                               ? read_available(fds[1].fd)
                               : std::optional<std::string>(std::string());
        if (!bytes) {
          // The terminal went away: keep running without keys (SIGHUP usually follows).
          m_keys_gone = true;
        } else {
          for (const Key key : m_keys.feed(*bytes)) {
            act(key);
          }
          if (m_keys.pending_escape()) {
            m_escape_since = now();
          }
        }
      }
      if (m_keys.pending_escape() && now() - m_escape_since >= k_escape_wait) {
        if (const auto key = m_keys.flush_escape()) {
          act(*key);
        }
      }
      dispatch(m_session.advance(now()));
      if (live && !m_session.finished() && now() - last_draw >= k_frame_interval / 2) {
        const SessionView v = m_session.view(now());
        for (auto& observer : m_observers) {
          observer->on_tick(v);
        }
        last_draw = now();
      }
    }
    return m_session.view(now()).status == EndStatus::completed ? k_exit_ok : k_exit_stopped;
  }

  void finish() {
    const SessionView view = m_session.view(now());
    if (m_guard != nullptr) {
      m_guard->restore();
    }
    for (auto& observer : m_observers) {
      observer->on_finish(view);
    }
  }

 private:
  bool healthy() const {
    return std::all_of(m_observers.begin(), m_observers.end(),
                       [](const auto& observer) { return observer->healthy(); });
  }

  void dispatch(const std::vector<SessionEvent>& events) {
    if (events.empty()) {
      return;
    }
    const SessionView view = m_session.view(now());
    for (auto& observer : m_observers) {
      observer->on_events(events, view);
    }
  }

  void act(Key key) {
    const TimePoint t = now();
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
          dispatch(m_session.interrupt(now()));
          return exit_code_for_signal(sig);
        case SIGWINCH:
          if (const auto width =
                  window_width(m_options.human_to_stderr ? STDERR_FILENO : STDOUT_FILENO)) {
            const int height =
                window_height(m_options.human_to_stderr ? STDERR_FILENO : STDOUT_FILENO)
                    .value_or(0);
            for (auto& observer : m_observers) {
              observer->on_resize(*width, height);
            }
            redraw();
          }
          break;
        case SIGTSTP:
          dispatch(m_session.pause(now()));
          for (auto& observer : m_observers) {
            observer->on_suspend();
          }
          suspend_self();  // returns once continued
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

  void continue_after_stop() {
    if (m_guard != nullptr) {
      m_guard->enter();
    }
    const SessionView view = m_session.view(now());
    for (auto& observer : m_observers) {
      observer->on_continue(view);
    }
  }

  void redraw() {
    const SessionView view = m_session.view(now());
    for (auto& observer : m_observers) {
      observer->on_tick(view);
    }
  }

  const Plan& m_plan;
  const PlayerOptions& m_options;
  Session m_session;
  std::vector<std::unique_ptr<SessionObserver>> m_observers;
  TerminalGuard* m_guard = nullptr;
  KeyDecoder m_keys;
  bool m_keys_gone = false;  // the keyboard reached end of input
  TimePoint m_escape_since{0};
};

}  // namespace

int play(const Plan& plan, const PlayerOptions& options,
         std::vector<std::unique_ptr<SessionObserver>> extra) {
  ignore_sigpipe();
  const int human_fd = options.human_to_stderr ? STDERR_FILENO : STDOUT_FILENO;
  const TerminalCaps caps = detect_terminal_caps(options.no_color, human_fd);
  const bool live = !options.quiet && caps.fancy && !options.plain;
  const bool keys = ::isatty(STDIN_FILENO) == 1 || (options.routine_from_stdin && live);

  Loop loop(plan, options, std::move(extra));
  DisplayOptions display{human_fd, caps, options.bell, options.night};
  if (live) {
    loop.add(std::make_unique<TerminalDisplay>(plan, display));
  } else if (!options.quiet) {
    display.caps.color = false;
    display.bell = false;
    loop.add(std::make_unique<PlainDisplay>(plan, display, options.session.lead_in_ms));
  }

  SignalPipe signals;
  std::optional<TerminalGuard> guard;
  if (keys || live) {
    guard.emplace(TerminalGuard::Options{options.routine_from_stdin, live, human_fd});
  }
  const int code = loop.run(guard ? &*guard : nullptr, signals, live);
  loop.finish();
  return code;
}

}  // namespace backcare
