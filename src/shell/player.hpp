#pragma once
// The event loop: one thread that runs a Session on a Clock, reads keys and signals through a
// Port (loop_io.hpp), and feeds the observers. Each turn reads the clock once and hands that
// instant (a Turn) to the session, to every observer and to the frame.
#include <memory>
#include <string>
#include <vector>

#include "loop_io.hpp"
#include "observer.hpp"
#include "plan.hpp"
#include "session.hpp"
#include "terminal.hpp"

namespace backcare {

struct PlayerOptions {
  SessionOptions session;
  bool plain = false;               // --plain (also automatic when the output is not a terminal)
  bool no_color = false;            // --no-color (NO_COLOR is read by the terminal layer)
  bool bell = true;                 // --no-bell turns it off
  bool quiet = false;               // --quiet: no human display at all
  bool routine_from_stdin = false;  // keys then come from /dev/tty
  bool human_to_stderr = false;     // --events -: the human display goes to stderr
  std::string events;               // --events FILE|- ("": none)
  bool speak = false;               // --speak
  bool tones = false;               // --tones
  // The files the routine was read from (itself and its includes; keys that are not paths,
  // such as "built-in:breathe", are skipped): --events may not overwrite one of them.
  std::vector<std::string> routine_files;
};

// How a run meets the terminal, decided once from the options and the real terminal.
struct Presentation {
  int human_fd = 1;   // where the human display goes
  TerminalCaps caps;  // of human_fd
  bool live = false;  // the live display (else plain lines, or nothing with --quiet)
  bool keys = false;  // a keyboard to read
};
Presentation decide_presentation(const PlayerOptions& options);

// The loop itself on the given seams (tests drive it with a fake Clock and Port). `live` asks
// for redraws between events. Observers get on_finish before it returns. Returns the exit code
// as play() does.
int run_loop(const Plan& plan, const PlayerOptions& options,
             std::vector<std::unique_ptr<SessionObserver>> observers, Clock& clock, Port& port,
             bool live);

// Runs the plan to its end (or q, or a signal) on the real clock and terminal, feeding
// `observers` (make_observers builds them). Returns the exit code: 0 completed, 1 quit,
// 128+signal, 141 when the output closed.
int play(const Plan& plan, const PlayerOptions& options,
         std::vector<std::unique_ptr<SessionObserver>> observers);

}  // namespace backcare
