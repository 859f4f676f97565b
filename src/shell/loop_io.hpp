#pragma once
// The event loop's two seams onto the world, so tests/player_test.cpp can drive it with keys,
// signals and time of its own and check events and frames exactly, with no real sleeping
// (like ninja's tests that give BuildStatus explicit times).
//   Clock: the monotonic time, and the calendar time once at the start.
//   Port:  the wait between turns (until a deadline, a key or a signal), the keyboard, the
//          signals, the terminal modes and the window.
// SystemClock and SystemPort are the real ones: clock_gettime(CLOCK_MONOTONIC), and ppoll on
// the signal pipe, the keyboard and a timerfd armed on the absolute deadline.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "session/session.hpp"
#include "terminal.hpp"

namespace backcare {

// Where the loop gets the time: read once per turn.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() = 0;                               // monotonic
  virtual std::chrono::system_clock::time_point wall() = 0;  // calendar; read once at start
};

// What one wait brought: any of a deadline passing (nothing below), signals, keys.
struct Wakeup {
  std::vector<int> signals;  // oldest first
  std::string keys;          // bytes from the keyboard
  bool keys_gone = false;    // the keyboard reached end of input (hangup)
  bool failed = false;       // the wait itself failed: the loop gives up (exit 70)
};

// The loop's terminal, keyboard and signals.
class Port {
 public:
  virtual ~Port() = default;
  // Waits until `deadline` (absolute, on the Clock's monotonic time; nullopt: no deadline), a
  // signal, or (when `read_keys`) keyboard input, whichever comes first.
  virtual Wakeup wait(std::optional<TimePoint> deadline, bool read_keys) = 0;
  virtual bool has_keyboard() const = 0;
  // This process group owns the terminal (asked once per turn).
  virtual bool foreground() = 0;
  // Raw mode on (again) / off: TerminalGuard::enter and restore.
  virtual void enter() = 0;
  virtual void restore() = 0;
  // Stops the process as Ctrl-Z would; returns once continued.
  virtual void suspend() = 0;
  // The display's window width (on SIGWINCH); nullopt when unknown.
  virtual std::optional<int> window_width() = 0;
  virtual std::optional<int> window_height() = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() override;
  std::chrono::system_clock::time_point wall() override;
};

// The real port. The deadline is a timerfd (CLOCK_MONOTONIC) polled with the other fds: a
// ppoll timeout may fire late by the kernel's slack (0.1% of its length, up to 100 ms), a timer
// does not. It is armed relative to a reading of the clock taken as it is armed, so a faked
// clock (libfaketime) cannot put it years away. When no timerfd can be made, ppoll's timeout
// is used instead. A wait costs one ppoll, and one clock reading and one timerfd_settime only
// when the deadline moved or fired.
class SystemPort final : public Port {
 public:
  // `guard` is null when there is neither a keyboard nor a live display.
  SystemPort(SignalPipe& signals, TerminalGuard* guard, int display_fd);
  ~SystemPort() override;
  SystemPort(const SystemPort&) = delete;
  SystemPort& operator=(const SystemPort&) = delete;

  Wakeup wait(std::optional<TimePoint> deadline, bool read_keys) override;
  bool has_keyboard() const override;
  bool foreground() override;
  void enter() override;
  void restore() override;
  void suspend() override;
  std::optional<int> window_width() override;
  std::optional<int> window_height() override;

  bool uses_timerfd() const { return m_timer_fd >= 0; }

 private:
  SignalPipe& m_signals;
  TerminalGuard* m_guard;
  int m_display_fd;
  int m_timer_fd = -1;
  std::int64_t m_armed_at = -1;  // the deadline the timer is armed on (-1: none)
  bool m_timer_fired = false;    // it expired since (readable until armed again)
};

}  // namespace backcare
