#include "terminal.hpp"

#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <clocale>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace backcare {

namespace {

// ---------------------------------------------------------------------------------------------
// State shared with signal handlers. Written by normal code only while `armed` is false (or,
// for the handler table, before the handlers are installed), read by handlers after `armed`.

// What restore_terminal_now() must undo, prepared in advance so undoing it needs no allocation,
// no locks and no library state: only write and tcsetattr.
struct RestoreState {
  std::atomic<bool> armed{false};  // something to undo; exchange(false) makes restore idempotent
  int input_fd = -1;               // put `saved` back on this terminal; -1: termios untouched
  int output_fd = -1;              // write k_restore_bytes here; -1: cursor untouched
  termios saved{};
};
static_assert(std::atomic<bool>::is_always_lock_free, "needed in signal handlers");

RestoreState g_restore;
bool g_guard_alive = false;
bool g_atexit_registered = false;

constexpr std::string_view k_hide_cursor = "\x1b[?25l";
constexpr std::string_view k_restore_bytes = "\x1b[0m\x1b[?25h";  // colours off, cursor on

// Signals that mean "the program is broken": restore the terminal, then die as before.
constexpr std::array<int, 5> k_crash_signals = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
std::array<struct sigaction, k_crash_signals.size()> g_crash_previous{};

// Signals the event loop handles itself, after SignalPipe records them.
constexpr std::array<int, 7> k_recorded_signals = {SIGINT,   SIGTERM, SIGHUP, SIGQUIT,
                                                   SIGWINCH, SIGTSTP, SIGCONT};
std::array<struct sigaction, k_recorded_signals.size()> g_recorded_previous{};
volatile sig_atomic_t g_pipe_write_fd = -1;

// An alternate stack, so a stack overflow's SIGSEGV can still restore the terminal.
alignas(16) std::array<char, 64 * 1024> g_crash_stack{};

// write() until done; async-signal-safe. Gives up on any error but EINTR.
void write_raw(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return;
    }
  }
}

void record_signal(int sig) {
  int saved_errno = errno;
  int fd = g_pipe_write_fd;
  if (fd >= 0) {
    auto byte = static_cast<unsigned char>(sig);
    ssize_t ignored = ::write(fd, &byte, 1);  // a full pipe drops it: the loop is far behind
    (void)ignored;
  }
  errno = saved_errno;
}

void crash_handler(int sig, siginfo_t* info, void* /*context*/) {
  restore_terminal_now();
  for (std::size_t i = 0; i < k_crash_signals.size(); ++i) {
    if (k_crash_signals[i] == sig) {
      sigaction(sig, &g_crash_previous[i], nullptr);
    }
  }
  // A fault raised by the CPU happens again when the handler returns, now reaching the
  // previous handler (or the default: core dump) with the real context. A signal sent by
  // kill/raise/abort is sent again.
  if (info == nullptr || info->si_code <= 0) {
    raise(sig);
  }
}

void install_crash_handlers() {
  stack_t current{};
  if (sigaltstack(nullptr, &current) == 0 && (current.ss_flags & SS_DISABLE) != 0) {
    stack_t ours{};
    ours.ss_sp = g_crash_stack.data();
    ours.ss_size = g_crash_stack.size();
    sigaltstack(&ours, nullptr);
  }
  struct sigaction action {};
  action.sa_sigaction = crash_handler;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < k_crash_signals.size(); ++i) {
    sigaction(k_crash_signals[i], &action, &g_crash_previous[i]);
  }
}

void uninstall_crash_handlers() {
  for (std::size_t i = 0; i < k_crash_signals.size(); ++i) {
    sigaction(k_crash_signals[i], &g_crash_previous[i], nullptr);
  }
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  return std::string(value);
}

// A positive column count ("120"), nullopt for anything else.
std::optional<int> parse_columns(const std::optional<std::string>& text) {
  if (!text || text->empty()) {
    return std::nullopt;
  }
  int value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end || value <= 0 || value > 9999) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Capabilities.

TerminalCaps decide_terminal_caps(const TerminalFacts& facts) {
  TerminalCaps caps;
  caps.tty = facts.stdout_is_tty;
  caps.fancy = caps.tty && facts.term && !facts.term->empty() && *facts.term != "dumb";
  bool no_color = (facts.no_color && !facts.no_color->empty()) || facts.no_color_flag;
  caps.color = caps.fancy && !no_color;
  if (facts.window_columns > 0) {
    caps.width = facts.window_columns;
  } else if (auto columns = parse_columns(facts.columns)) {
    caps.width = *columns;
  }
  caps.height = std::max(facts.window_rows, 0);
  caps.ascii = !facts.utf8_locale;
  return caps;
}

TerminalCaps detect_terminal_caps(bool no_color_flag, int fd) {
  TerminalFacts facts;
  facts.stdout_is_tty = isatty(fd) == 1;
  facts.term = env("TERM");
  facts.no_color = env("NO_COLOR");
  facts.columns = env("COLUMNS");
  facts.window_columns = window_width(fd).value_or(0);
  facts.window_rows = window_height(fd).value_or(0);
  facts.utf8_locale = locale_is_utf8();
  facts.no_color_flag = no_color_flag;
  return decide_terminal_caps(facts);
}

std::optional<int> window_width(int fd) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
    return std::nullopt;
  }
  return static_cast<int>(size.ws_col);
}

std::optional<int> window_height(int fd) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0) {
    return std::nullopt;
  }
  return static_cast<int>(size.ws_row);
}

bool locale_is_utf8() {
  const char* current = std::setlocale(LC_CTYPE, nullptr);
  const std::string saved = current != nullptr ? current : "C";
  bool utf8 = false;
  if (std::setlocale(LC_CTYPE, "") != nullptr) {
    const char* codeset = nl_langinfo(CODESET);
    std::string name = codeset != nullptr ? codeset : "";
    for (char& c : name) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    utf8 = name == "utf-8" || name == "utf8";
  }
  std::setlocale(LC_CTYPE, saved.c_str());
  return utf8;
}

// ---------------------------------------------------------------------------------------------
// Raw mode.

termios raw_mode_settings(const termios& original) {
  termios raw = original;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | IEXTEN);
  raw.c_lflag |= ISIG;
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  return raw;
}

TerminalGuard::TerminalGuard(Options options) : m_options(options) {
  if (g_guard_alive) {
    throw std::logic_error("TerminalGuard: only one at a time");
  }
  g_guard_alive = true;
  if (isatty(STDIN_FILENO) == 1) {
    m_input_fd = STDIN_FILENO;
  } else if (m_options.use_dev_tty) {
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd >= 0) {
      m_input_fd = fd;
      m_own_fd = true;
    }
  }
  if (!g_atexit_registered) {
    g_atexit_registered = std::atexit([] { restore_terminal_now(); }) == 0;
  }
  install_crash_handlers();
  enter();
}

TerminalGuard::~TerminalGuard() {
  restore();
  uninstall_crash_handlers();
  if (m_own_fd) {
    ::close(m_input_fd);
  }
  g_guard_alive = false;
}
// Blocks SIGTTOU and returns the mask before: from the background, tcsetattr (and a write with
// TOSTOP) would stop the process unless it is blocked; blocked, they simply proceed. Only
// async-signal-safe calls, for the signal and crash handlers.
namespace {
sigset_t block_sigttou() {
  sigset_t ttou;
  sigset_t previous;
  sigemptyset(&ttou);
  sigaddset(&ttou, SIGTTOU);
  pthread_sigmask(SIG_BLOCK, &ttou, &previous);
  return previous;
}
}  // namespace

bool TerminalGuard::enter() {
  if ((m_input_fd < 0 && !m_options.hide_cursor) || !in_foreground()) {
    return false;
  }
  if (!g_restore.armed.load()) {
    // Prepare everything the restore needs before changing anything.
    g_restore.input_fd = -1;
    if (m_input_fd >= 0 && tcgetattr(m_input_fd, &g_restore.saved) == 0) {
      g_restore.input_fd = m_input_fd;
    }
    g_restore.output_fd = m_options.hide_cursor ? m_options.output_fd : -1;
    if (g_restore.input_fd < 0 && g_restore.output_fd < 0) {
      return false;
    }
    g_restore.armed.store(true);
  }
  // We were in the foreground a moment ago; should the shell take the terminal in between,
  // SIGTTOU is blocked so tcsetattr cannot stop the process (the next turn sees the change).
  const sigset_t previous = block_sigttou();
  if (g_restore.input_fd >= 0) {
    termios raw = raw_mode_settings(g_restore.saved);
    while (tcsetattr(g_restore.input_fd, TCSANOW, &raw) != 0 && errno == EINTR) {
    }
  }
  if (g_restore.output_fd >= 0) {
    write_all(g_restore.output_fd, k_hide_cursor);
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return true;
}

void TerminalGuard::restore() {
  restore_terminal_now();
}

bool TerminalGuard::in_foreground() const {
  int fd = m_input_fd >= 0 ? m_input_fd : m_options.output_fd;
  return backcare::in_foreground(fd);
}

void restore_terminal_now() {
  if (!g_restore.armed.exchange(false)) {
    return;
  }
  int saved_errno = errno;
  // From the background, tcsetattr (and a write with TOSTOP) would stop us with SIGTTOU
  // unless it is blocked; blocked, they simply proceed.
  const sigset_t previous = block_sigttou();
  if (g_restore.input_fd >= 0) {
    while (tcsetattr(g_restore.input_fd, TCSANOW, &g_restore.saved) != 0 && errno == EINTR) {
    }
  }
  if (g_restore.output_fd >= 0) {
    write_raw(g_restore.output_fd, k_restore_bytes);
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = saved_errno;
}

bool in_foreground(int fd) {
  pid_t owner = tcgetpgrp(fd);
  if (owner == -1) {
    return true;  // not a terminal (or not ours): there is no one to disturb
  }
  return owner == getpgrp();
}

// ---------------------------------------------------------------------------------------------
// Signals.

SignalPipe::SignalPipe() {
  if (g_pipe_write_fd >= 0) {
    throw std::logic_error("SignalPipe: only one at a time");
  }
  int fds[2] = {-1, -1};
  // Non-blocking both ways: a handler never blocks on a full pipe, drain() never waits.
  if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
    throw std::system_error(errno, std::generic_category(), "signal pipe");
  }
  m_read_fd = fds[0];
  g_pipe_write_fd = fds[1];

  struct sigaction action {};
  action.sa_handler = record_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < k_recorded_signals.size(); ++i) {
    if (sigaction(k_recorded_signals[i], &action, &g_recorded_previous[i]) != 0) {
      int error = errno;
      for (std::size_t j = 0; j < i; ++j) {
        sigaction(k_recorded_signals[j], &g_recorded_previous[j], nullptr);
      }
      ::close(fds[0]);
      ::close(fds[1]);
      g_pipe_write_fd = -1;
      throw std::system_error(error, std::generic_category(), "sigaction");
    }
  }
}

SignalPipe::~SignalPipe() {
  for (std::size_t i = 0; i < k_recorded_signals.size(); ++i) {
    sigaction(k_recorded_signals[i], &g_recorded_previous[i], nullptr);
  }
  int write_fd = g_pipe_write_fd;
  g_pipe_write_fd = -1;
  ::close(write_fd);
  ::close(m_read_fd);
}

std::vector<int> SignalPipe::drain() {
  std::vector<int> signals;
  std::array<unsigned char, 64> buffer{};
  for (;;) {
    ssize_t n = ::read(m_read_fd, buffer.data(), buffer.size());
    if (n > 0) {
      for (ssize_t i = 0; i < n; ++i) {
        signals.push_back(buffer[static_cast<std::size_t>(i)]);
      }
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return signals;  // EAGAIN: empty
    }
  }
}

void suspend_self() {
  restore_terminal_now();
  struct sigaction default_action {};
  struct sigaction previous {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  sigaction(SIGTSTP, &default_action, &previous);

  sigset_t tstp;
  sigset_t previous_mask;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &tstp, &previous_mask);
  raise(SIGTSTP);  // stops here until SIGCONT (no-op in an orphaned process group)
  pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);

  sigaction(SIGTSTP, &previous, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Writing and reading.

void ignore_sigpipe() {
  struct sigaction action {};
  action.sa_handler = SIG_IGN;
  sigemptyset(&action.sa_mask);
  sigaction(SIGPIPE, &action, nullptr);
}

std::optional<std::string> read_available(int fd) {
  std::array<char, 4096> buffer{};
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      return std::string(buffer.data(), static_cast<std::size_t>(n));
    }
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return std::string();
    }
    return std::nullopt;  // end of input, EIO after a hangup, ...
  }
}

}  // namespace backcare
