#pragma once
// The shell's terminal layer (POSIX): what the output terminal can do, raw keyboard mode that is
// always undone, signals turned into bytes the event loop polls, and writes that survive EINTR
// and closed pipes. Everything process-global (termios, signal handlers) lives here so the rest
// of the program never calls tcsetattr or sigaction.
//
// The event loop is expected to look like this:
//
//   ignore_sigpipe();
//   TerminalCaps caps = detect_terminal_caps(no_color_flag, display_fd);  // display: stdout
//   SignalPipe signals;                                  // INT TERM HUP QUIT WINCH TSTP CONT
//   TerminalGuard guard({.use_dev_tty = routine_from_stdin, .hide_cursor = caps.fancy,
//                        .output_fd = display_fd});
//   KeyDecoder keys;
//   for (;;) {
//     poll({guard.input_fd(), POLLIN}, {signals.fd(), POLLIN}, timeout);  // EINTR: go round
//     for (int sig : signals.drain()) {
//       SIGINT/TERM/HUP/QUIT: finish; guard.restore(); return exit_code_for_signal(sig);
//       SIGWINCH: if (auto w = window_width(display_fd)) { caps.width = *w; } redraw
//       SIGTSTP:  pause the session; suspend_self(); guard.enter(); redraw
//       SIGCONT:  guard.enter(); redraw  (also after kill -STOP / kill -CONT)
//     }
//     input POLLIN: auto bytes = read_available(guard.input_fd());
//                   nullopt: the terminal is gone (hangup), stop polling it; else keys.feed(*bytes)
//     draw only while guard.in_foreground(): a background process must not touch the terminal
//   }
//
// The top-level catch calls restore_terminal_now() before printing the error; crashes
// (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) restore the terminal while the guard lives.
#include <termios.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files.hpp"  // write_all, used by every writer to the terminal

namespace backcare {

// ---------------------------------------------------------------------------------------------
// Capabilities, decided once (like ninja's LinePrinter): everything else asks TerminalCaps
// instead of calling isatty or getenv.

// What the program may do with its display output (stdout, unless told otherwise).
struct TerminalCaps {
  bool tty = false;    // the output is a terminal (a bell or a cursor escape reaches a person)
  bool fancy = false;  // redraw in place: tty, and TERM is set and not "dumb"
  bool color = false;  // ANSI colours: fancy, NO_COLOR unset or empty, no --no-color
  int width = 80;      // columns: the window size, else $COLUMNS, else 80
  int height = 0;      // rows: the window size; 0 when unknown (then the frame is not limited)
  bool ascii = false;  // the locale's codeset (LC_CTYPE) is not UTF-8: print ASCII only
};

// The facts detect_terminal_caps() gathers, so the decision itself is a pure function.
struct TerminalFacts {
  bool stdout_is_tty = false;           // the display's fd (normally stdout) is a terminal
  std::optional<std::string> term;      // $TERM; nullopt when unset
  std::optional<std::string> no_color;  // $NO_COLOR; nullopt when unset
  std::optional<std::string> columns;   // $COLUMNS; nullopt when unset
  int window_columns = 0;               // ws_col from TIOCGWINSZ; 0 when unknown
  int window_rows = 0;                  // ws_row from TIOCGWINSZ; 0 when unknown
  bool utf8_locale = true;              // locale_is_utf8()
  bool no_color_flag = false;           // --no-color
};

TerminalCaps decide_terminal_caps(const TerminalFacts& facts);  // pure

// Reads isatty(fd), the environment and the window size of `fd`, then decides. `fd` is where
// the display goes: stdout, or stderr when stdout carries data (--events -).
TerminalCaps detect_terminal_caps(bool no_color_flag, int fd = 1);

// The window width of the terminal on `fd` (TIOCGWINSZ), nullopt when not a terminal or 0.
// The loop calls it on SIGWINCH.
std::optional<int> window_width(int fd);
// The same for the number of rows.
std::optional<int> window_height(int fd);

// Whether the environment's character type locale (LC_ALL, LC_CTYPE, LANG) uses UTF-8:
// nl_langinfo(CODESET) after setlocale(LC_CTYPE, ""). The program's own locale is put back
// afterwards, so nothing else changes behaviour.
bool locale_is_utf8();

// ---------------------------------------------------------------------------------------------
// Raw mode.

// The terminal settings for reading single keys: no line editing (ICANON), no echo, no
// Ctrl-V/Ctrl-O processing (IEXTEN), no Ctrl-S/Ctrl-Q flow control (IXON) so a stray Ctrl-S
// cannot block our writes. ISIG stays on: Ctrl-C is SIGINT, Ctrl-Z SIGTSTP, Ctrl-\ SIGQUIT.
// Output processing stays on ("\n" still moves to column 0). VMIN=1, VTIME=0: a read returns
// as soon as one byte is there, so the loop reads only after poll reports POLLIN; and a read
// of 0 bytes still means hangup. (VMIN=0 would make the shell see end-of-file and exit if it
// ever got the terminal in this mode, e.g. after a kill -STOP.) Pure; exposed for tests.
termios raw_mode_settings(const termios& original);

// Puts the keyboard terminal in raw mode and hides the cursor for its lifetime, and makes sure
// both are undone however the program ends: destructor, restore_terminal_now() from a
// top-level catch, std::exit (atexit), or a crash signal. One guard at a time (the saved
// state is process-global so signal handlers can reach it).
//
// The keyboard is stdin when it is a terminal; otherwise /dev/tty when use_dev_tty (the
// routine was read from stdin); otherwise there is none (input_fd() == -1) and the session
// runs without keys.
class TerminalGuard {
 public:
  struct Options {
    bool use_dev_tty = false;  // fall back to /dev/tty when stdin is not a terminal
    bool hide_cursor = false;  // write ESC[?25l to output_fd (pass caps.fancy); restore shows it
    int output_fd = 1;         // the display's fd: stdout, or stderr when stdout carries data
  };

  // Enters raw mode when in the foreground (else the loop calls enter() later). Installs the
  // crash handlers. Without a terminal it does nothing. Throws std::logic_error only when
  // another guard is alive.
  explicit TerminalGuard(Options options);
  ~TerminalGuard();  // restore(), crash handlers back to what they were, /dev/tty closed

  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

  // The fd to poll and read keys from; -1 when there is no keyboard.
  int input_fd() const { return m_input_fd; }

  // (Re-)enters raw mode and hides the cursor: after suspend_self(), on SIGCONT, or once back
  // in the foreground. Saves the current settings first unless raw mode is already on (then it
  // just re-applies it, e.g. after kill -STOP/-CONT). Returns false, changing nothing, when
  // the process is in the background (tcsetattr would stop it with SIGTTOU).
  bool enter();

  // Undoes enter(): restore_terminal_now(). Idempotent; enter() may follow.
  void restore();

  // True when this process group owns the terminal (the keyboard's, else output_fd's): only
  // then may the loop read keys or draw. Without a terminal, true (nothing to be polite to).
  bool in_foreground() const;

 private:
  Options m_options;
  int m_input_fd = -1;    // stdin, our /dev/tty, or -1
  bool m_own_fd = false;  // m_input_fd is the /dev/tty we opened
};

// Shows the cursor, resets colours (ESC[0m) and restores the saved termios, if the live guard
// changed them; otherwise does nothing. Idempotent and async-signal-safe (write, tcsetattr and
// pthread_sigmask on prepared static data); SIGTTOU is blocked around it so it also works from
// the background.
void restore_terminal_now();

// True when the process group of this process is the terminal's foreground group on `fd`;
// also true when `fd` is not a terminal (or not our controlling one): no one to disturb.
bool in_foreground(int fd);

// ---------------------------------------------------------------------------------------------
// Signals.

// The self-pipe: handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP and SIGCONT
// only write the signal number (one byte) to a non-blocking pipe; the loop polls fd() and acts,
// outside any handler. One SignalPipe at a time. Throws std::system_error when the pipe or a
// handler cannot be set up.
class SignalPipe {
 public:
  SignalPipe();
  ~SignalPipe();  // the previous handlers back, the pipe closed

  SignalPipe(const SignalPipe&) = delete;
  SignalPipe& operator=(const SignalPipe&) = delete;

  int fd() const { return m_read_fd; }  // poll for POLLIN

  // The signals received since the last drain, oldest first (repeats kept). Never blocks.
  std::vector<int> drain();

 private:
  int m_read_fd = -1;
};

// Stops this process the way Ctrl-Z would have, for the loop to call when it drains SIGTSTP:
// restores the terminal, sets SIGTSTP to SIG_DFL and raises it. Returns once continued (fg/bg),
// with the previous SIGTSTP handler re-installed; the loop then calls guard.enter() (which
// does nothing while in the background) and redraws.
void suspend_self();

// The shell convention for "terminated by signal `sig`": 128 + sig (SIGINT 130, SIGTERM 143,
// SIGHUP 129, SIGQUIT 131).
constexpr int exit_code_for_signal(int sig) {
  return 128 + sig;
}

// ---------------------------------------------------------------------------------------------
// Writing and reading.

// Ignores SIGPIPE process-wide, so writing to a closed pipe (backcare | head) fails with EPIPE
// that write_all reports, instead of killing the process.
void ignore_sigpipe();

// One read of up to 4 KiB from `fd`, retried on EINTR; call it after poll reports POLLIN (in
// raw mode it would otherwise wait for a key). Empty when nothing was there after all (EAGAIN);
// nullopt at end of input or on an error: the terminal is gone.
std::optional<std::string> read_available(int fd);

}  // namespace backcare
