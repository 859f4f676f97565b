#pragma once
// The event loop: one thread that runs a Session on the monotonic clock, reads keys and
// signals, and feeds the observers. The only place that reads steady_clock.
#include <memory>
#include <string>
#include <vector>

#include "observer.hpp"
#include "plan.hpp"
#include "session.hpp"

namespace backcare {

struct PlayerOptions {
  SessionOptions session;
  bool plain = false;               // --plain (also automatic when the output is not a terminal)
  bool no_color = false;            // --no-color (NO_COLOR is read by the terminal layer)
  bool bell = true;                 // --no-bell turns it off
  bool night = false;               // --night: dim colours (the caller also turns the bell off)
  bool quiet = false;               // --quiet: no human display at all
  bool routine_from_stdin = false;  // keys then come from /dev/tty
  bool human_to_stderr = false;     // --events -: the human display goes to stderr
};

// Runs the plan to its end (or q, or a signal). `extra` observers (the event stream) see every
// event too. Returns the exit code: 0 completed, 1 quit, 128+signal, 141 when the output
// closed.
int play(const Plan& plan, const PlayerOptions& options,
         std::vector<std::unique_ptr<SessionObserver>> extra = {});

}  // namespace backcare
