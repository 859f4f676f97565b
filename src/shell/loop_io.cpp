#include "loop_io.hpp"

#include <poll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace backcare {
namespace {

// A deadline closer than this is due: waiting for it would cost more than it is early by.
constexpr std::int64_t k_due_ns = 1000;

timespec to_timespec(std::int64_t ns) {
  timespec out{};
  out.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
  out.tv_nsec = static_cast<long>(ns % 1'000'000'000);
  return out;
}

}  // namespace

TimePoint SystemClock::now() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return TimePoint(static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec);
}

std::chrono::system_clock::time_point SystemClock::wall() {
  return std::chrono::system_clock::now();
}

SystemPort::SystemPort(SignalPipe& signals, TerminalGuard* guard, int display_fd)
    : m_signals(signals), m_guard(guard), m_display_fd(display_fd) {
  m_timer_fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
}

SystemPort::~SystemPort() {
  if (m_timer_fd >= 0) {
    ::close(m_timer_fd);
  }
}

Wakeup SystemPort::wait(std::optional<TimePoint> deadline, bool read_keys) {
  Wakeup out;
  pollfd fds[3] = {{m_signals.fd(), POLLIN, 0}, {-1, POLLIN, 0}, {-1, POLLIN, 0}};
  if (read_keys && has_keyboard()) {
    fds[1].fd = m_guard->input_fd();
  }
  timespec timeout{};
  timespec* timeout_ptr = nullptr;
  if (deadline) {
    const std::int64_t at = std::max<std::int64_t>(1, deadline->count());
    bool armed = false;
    if (m_timer_fd >= 0 && at == m_armed_at && !m_timer_fired) {
      armed = true;  // armed there already and not yet fired (a key or signal came first)
    } else {
      // How long until the deadline, on a reading of the clock the deadline was read from
      // (SystemClock), taken just now. A relative time, not an absolute one: under libfaketime
      // that clock is faked while the kernel's timer runs on the real one, so an absolute
      // deadline could lie years ahead and stall the loop. The reading costs microseconds, not
      // the millisecond accuracy.
      const std::int64_t wait_ns = std::max<std::int64_t>(0, at - SystemClock().now().count());
      if (wait_ns < k_due_ns) {
        // Due already: no timer (a zero it_value disarms one, and libfaketime divides a short
        // one by its speed down to zero), a ppoll that only looks at the fds.
        m_armed_at = -1;
      } else if (m_timer_fd >= 0) {
        // Arming it again also clears an expiry not read: no read() of the timerfd is needed.
        itimerspec spec{};
        spec.it_value = to_timespec(wait_ns);
        armed = ::timerfd_settime(m_timer_fd, 0, &spec, nullptr) == 0;
        m_armed_at = armed ? at : -1;
        m_timer_fired = false;
      }
      if (!armed) {
        // The portable fallback: a ppoll timeout, late by the kernel's slack.
        timeout = to_timespec(wait_ns);
        timeout_ptr = &timeout;
      }
    }
    if (armed) {
      fds[2].fd = m_timer_fd;
    }
  }
  const int ready = ::ppoll(fds, 3, timeout_ptr, nullptr);
  if (ready < 0) {
    out.failed = errno != EINTR;
    return out;
  }
  if (ready == 0) {
    return out;
  }
  if ((fds[0].revents & POLLIN) != 0) {
    out.signals = m_signals.drain();
  }
  if (fds[1].fd >= 0 && fds[1].revents != 0) {
    const auto bytes = (fds[1].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0
                           ? read_available(fds[1].fd)
                           : std::optional<std::string>(std::string());
    if (bytes) {
      out.keys = *bytes;
    } else {
      out.keys_gone = true;
    }
  }
  if (fds[2].fd >= 0 && (fds[2].revents & POLLIN) != 0) {
    m_timer_fired = true;  // left unread: the next timerfd_settime clears it
  }
  return out;
}

bool SystemPort::has_keyboard() const {
  return m_guard != nullptr && m_guard->input_fd() >= 0;
}

bool SystemPort::foreground() {
  return m_guard == nullptr || m_guard->in_foreground();
}

void SystemPort::enter() {
  if (m_guard != nullptr) {
    m_guard->enter();
  }
}

void SystemPort::restore() {
  if (m_guard != nullptr) {
    m_guard->restore();
  }
}

void SystemPort::suspend() {
  suspend_self();
}

std::optional<int> SystemPort::window_width() {
  return backcare::window_width(m_display_fd);
}

std::optional<int> SystemPort::window_height() {
  return backcare::window_height(m_display_fd);
}

}  // namespace backcare
