// The terminal layer's pure parts, and the parts that need no terminal (pipes, signals sent to
// ourselves). Real-terminal behaviour is tested through tmux in tests/tty/.
#include "terminal.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using backcare::TerminalCaps;
using backcare::TerminalFacts;

namespace {

TerminalFacts xterm_facts() {
  TerminalFacts facts;
  facts.stdout_is_tty = true;
  facts.term = "xterm-256color";
  facts.window_columns = 120;
  return facts;
}

// A pipe closed on scope exit.
struct Pipe {
  int read_fd = -1;
  int write_fd = -1;
  Pipe() {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    read_fd = fds[0];
    write_fd = fds[1];
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_read() {
    if (read_fd >= 0) {
      close(read_fd);
      read_fd = -1;
    }
  }
  void close_write() {
    if (write_fd >= 0) {
      close(write_fd);
      write_fd = -1;
    }
  }
};

using Handler = void (*)(int);

// The current disposition of `sig`.
Handler handler_of(int sig) {
  struct sigaction action {};
  sigaction(sig, nullptr, &action);
  return action.sa_handler;
}

// A bool, for doctest cannot print function pointers.
bool handler_is(int sig, Handler expected) {
  return handler_of(sig) == expected;
}

}  // namespace

TEST_CASE("terminal::exit_code_for_signal") {
  CHECK(backcare::exit_code_for_signal(SIGINT) == 130);
  CHECK(backcare::exit_code_for_signal(SIGTERM) == 143);
  CHECK(backcare::exit_code_for_signal(SIGHUP) == 129);
  CHECK(backcare::exit_code_for_signal(SIGQUIT) == 131);
  static_assert(backcare::exit_code_for_signal(SIGINT) == 130);
}

TEST_CASE("terminal::decide_terminal_caps") {
  SUBCASE("a colour terminal") {
    TerminalCaps caps = backcare::decide_terminal_caps(xterm_facts());
    CHECK(caps.tty);
    CHECK(caps.fancy);
    CHECK(caps.color);
    CHECK(caps.width == 120);
  }
  SUBCASE("not a terminal: plain, whatever TERM says") {
    TerminalFacts facts = xterm_facts();
    facts.stdout_is_tty = false;
    facts.window_columns = 0;
    TerminalCaps caps = backcare::decide_terminal_caps(facts);
    CHECK_FALSE(caps.tty);
    CHECK_FALSE(caps.fancy);
    CHECK_FALSE(caps.color);
    CHECK(caps.width == 80);
  }
  SUBCASE("TERM=dumb, empty or unset: a terminal, but no redraw and no colour") {
    for (std::optional<std::string> term :
         {std::optional<std::string>("dumb"), std::optional<std::string>(""),
          std::optional<std::string>()}) {
      TerminalFacts facts = xterm_facts();
      facts.term = term;
      TerminalCaps caps = backcare::decide_terminal_caps(facts);
      CHECK(caps.tty);
      CHECK_FALSE(caps.fancy);
      CHECK_FALSE(caps.color);
    }
  }
  SUBCASE("NO_COLOR set and non-empty") {
    TerminalFacts facts = xterm_facts();
    facts.no_color = "1";
    TerminalCaps caps = backcare::decide_terminal_caps(facts);
    CHECK(caps.fancy);
    CHECK_FALSE(caps.color);
  }
  SUBCASE("NO_COLOR empty is ignored") {
    TerminalFacts facts = xterm_facts();
    facts.no_color = "";
    CHECK(backcare::decide_terminal_caps(facts).color);
  }
  SUBCASE("--no-color") {
    TerminalFacts facts = xterm_facts();
    facts.no_color_flag = true;
    TerminalCaps caps = backcare::decide_terminal_caps(facts);
    CHECK(caps.fancy);
    CHECK_FALSE(caps.color);
  }
}

TEST_CASE("terminal::width") {
  TerminalFacts facts = xterm_facts();
  SUBCASE("the window size wins over $COLUMNS") {
    facts.columns = "100";
    CHECK(backcare::decide_terminal_caps(facts).width == 120);
  }
  SUBCASE("$COLUMNS when the window size is unknown") {
    facts.window_columns = 0;
    facts.columns = "100";
    CHECK(backcare::decide_terminal_caps(facts).width == 100);
  }
  SUBCASE("80 when neither is usable") {
    facts.window_columns = 0;
    for (const char* columns : {"", "0", "-5", "abc", "100x", "99999999999"}) {
      facts.columns = columns;
      CHECK(backcare::decide_terminal_caps(facts).width == 80);
    }
    facts.columns.reset();
    CHECK(backcare::decide_terminal_caps(facts).width == 80);
  }
}

TEST_CASE("terminal::window_width of a non-terminal") {
  Pipe p;
  CHECK_FALSE(backcare::window_width(p.write_fd).has_value());
}

TEST_CASE("terminal::raw_mode_settings") {
  termios original{};
  original.c_lflag = ICANON | ECHO | ISIG | IEXTEN | ECHOE;
  original.c_iflag = IXON | ICRNL;
  original.c_oflag = OPOST | ONLCR;
  original.c_cc[VMIN] = 4;
  original.c_cc[VTIME] = 5;
  termios raw = backcare::raw_mode_settings(original);
  CHECK((raw.c_lflag & ICANON) == 0);
  CHECK((raw.c_lflag & ECHO) == 0);
  CHECK((raw.c_lflag & IEXTEN) == 0);
  CHECK((raw.c_lflag & ISIG) != 0);  // Ctrl-C and Ctrl-Z stay signals
  CHECK((raw.c_lflag & ECHOE) != 0);
  CHECK((raw.c_iflag & IXON) == 0);
  CHECK((raw.c_iflag & ICRNL) != 0);
  CHECK(raw.c_oflag == original.c_oflag);  // output unchanged: "\n" still means "\r\n"
  CHECK(raw.c_cc[VMIN] == 1);              // a read returns with the first byte; poll says when
  CHECK(raw.c_cc[VTIME] == 0);
}

TEST_CASE("terminal::restore_terminal_now without a guard does nothing") {
  // Nothing is armed: no byte reaches stdout, errno and the signal mask are as they were.
  Pipe p;
  fcntl(p.read_fd, F_SETFL, fcntl(p.read_fd, F_GETFL) | O_NONBLOCK);
  const int saved_stdout = dup(STDOUT_FILENO);
  REQUIRE(saved_stdout >= 0);
  REQUIRE(dup2(p.write_fd, STDOUT_FILENO) == STDOUT_FILENO);
  sigset_t before;
  sigset_t after;
  pthread_sigmask(SIG_SETMASK, nullptr, &before);
  errno = EDOM;
  backcare::restore_terminal_now();
  backcare::restore_terminal_now();
  const int errno_after = errno;
  pthread_sigmask(SIG_SETMASK, nullptr, &after);
  dup2(saved_stdout, STDOUT_FILENO);
  close(saved_stdout);
  CHECK(errno_after == EDOM);
  CHECK(sigismember(&after, SIGTTOU) == sigismember(&before, SIGTTOU));
  CHECK(backcare::read_available(p.read_fd) == "");  // EAGAIN: nothing was written
}

TEST_CASE("terminal::in_foreground of a non-terminal") {
  Pipe p;
  CHECK(backcare::in_foreground(p.read_fd));
}

// write_all itself is tested in files_test.cpp.
TEST_CASE("terminal::ignore_sigpipe") {
  struct sigaction previous {};
  sigaction(SIGPIPE, nullptr, &previous);
  backcare::ignore_sigpipe();
  CHECK(handler_is(SIGPIPE, SIG_IGN));
  sigaction(SIGPIPE, &previous, nullptr);
}

TEST_CASE("terminal::read_available") {
  Pipe p;
  REQUIRE(backcare::write_all(p.write_fd, "\x1b[C").ok());
  CHECK(backcare::read_available(p.read_fd) == "\x1b[C");
  fcntl(p.read_fd, F_SETFL, fcntl(p.read_fd, F_GETFL) | O_NONBLOCK);
  CHECK(backcare::read_available(p.read_fd) == "");  // nothing there (EAGAIN)
  p.close_write();
  CHECK_FALSE(backcare::read_available(p.read_fd).has_value());  // end of input
}

TEST_CASE("terminal::SignalPipe records signals for the loop") {
  Handler before = handler_of(SIGTERM);
  {
    backcare::SignalPipe signals;
    CHECK(signals.fd() >= 0);
    CHECK(signals.drain().empty());
    // Handled by recording only: none of these stops or kills the test.
    raise(SIGWINCH);
    raise(SIGTERM);
    raise(SIGINT);
    raise(SIGTSTP);
    raise(SIGCONT);
    raise(SIGHUP);
    raise(SIGQUIT);
    CHECK(signals.drain() ==
          std::vector<int>{SIGWINCH, SIGTERM, SIGINT, SIGTSTP, SIGCONT, SIGHUP, SIGQUIT});
    CHECK(signals.drain().empty());
    CHECK_THROWS_AS(backcare::SignalPipe(), std::logic_error);
  }
  CHECK(handler_is(SIGTERM, before));
  backcare::SignalPipe again;  // a new one can be made after the first is gone
}

TEST_CASE("terminal::height and ascii") {
  TerminalFacts facts = xterm_facts();
  CHECK(backcare::decide_terminal_caps(facts).height == 0);
  facts.window_rows = 8;
  CHECK(backcare::decide_terminal_caps(facts).height == 8);
  CHECK_FALSE(backcare::decide_terminal_caps(facts).ascii);
  facts.utf8_locale = false;
  CHECK(backcare::decide_terminal_caps(facts).ascii);
}
