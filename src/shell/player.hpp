#pragma once
// The event loop: one thread that runs a Session on a Clock, reads keys and signals through a
// Port (loop_io.hpp), and feeds the observers. Each turn reads the clock once and hands that
// instant (a Turn) to the session, to every observer and to the frame.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loop_io.hpp"
#include "prompts/prompts.hpp"
#include "routine/plan.hpp"
#include "session/observer.hpp"
#include "session/session.hpp"
#include "terminal.hpp"

namespace backcare {

struct PlayerOptions {
  SessionOptions session;
  bool plain = false;               // --plain (also automatic when the output is not a terminal)
  bool no_color = false;            // --no-color (NO_COLOR is read by the terminal layer)
  bool bell = true;                 // --no-bell turns it off
  bool night = false;               // --night: dim colours (the caller also turns the bell off)
  bool big = false;                 // --big: block letters in the live frame
  bool quiet = false;               // --quiet: no human display at all
  bool routine_from_stdin = false;  // keys then come from /dev/tty
  bool human_to_stderr = false;     // --events -: the human display goes to stderr
  std::string events;               // --events FILE|- ("": none)
  bool speak = false;               // --speak
  SpeechMode speak_mode = SpeechMode::full;  // --speak=brief|full
  std::string voice;                         // --voice ("": espeak-ng's default)
  int rate = 160;                            // --rate, words per minute
  std::optional<int> volume;                 // --volume (0-200)
  bool tones = false;                        // --tones
  // The files the routine was read from (itself and its includes; keys that are not paths,
  // such as "built-in:breathe", are skipped): --events may not overwrite one of them.
  std::vector<std::string> routine_files;
  bool log = true;      // record the session in the journal (--no-log, "log")
  bool ask = true;      // ask about pain afterwards (--no-ask, "ask_after_session")
  std::string resumes;  // the journal id this run continues (set by `resume`)
};

// How a session ended, for what follows it (the questions, the journal record).
struct PlayResult {
  int exit_code = 0;
  SessionView end;  // the view at the end: status, active_ms, step counts
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
             bool live, PlayResult* result = nullptr);

// Runs the plan to its end (or q, or a signal) on the real clock and terminal, feeding
// `observers` (make_observers builds them). Returns the exit code: 0 completed (skipping or
// not), 1 quit, 3 safety stop, 128+signal, 141 when the output closed. The terminal is back in
// its own mode when it returns. `signals` is the caller's, held past the session so that a
// signal at the questions after it is caught too.
int play(const Plan& plan, const PlayerOptions& options,
         std::vector<std::unique_ptr<SessionObserver>> observers, SignalPipe& signals,
         PlayResult* result = nullptr);

}  // namespace backcare
