#pragma once
// The front ends of a session — the live terminal display, plain lines, the JSON event
// stream — are observers of the same session events (like kakoune's TerminalUI and JsonUI
// behind one UserInterface). The event loop feeds them; none of them drives the session.
#include <vector>

#include "session.hpp"

namespace backcare {

class SessionObserver {
 public:
  virtual ~SessionObserver() = default;

  // Events crossed since the last call, in order, and the view right after them.
  virtual void on_events(const std::vector<SessionEvent>& events, const SessionView& view) = 0;
  // A redraw opportunity between events (only the live display uses it).
  virtual void on_tick(const SessionView& /*view*/) {}
  // The window changed size: columns and rows (rows 0 when unknown).
  virtual void on_resize(int /*width*/, int /*height*/) {}
  // The process is about to stop (Ctrl-Z) or has been continued: the live display hands the
  // terminal back and takes it again.
  virtual void on_suspend() {}
  virtual void on_continue(const SessionView& /*view*/) {}
  // The session is over; print what should stay (the summary).
  virtual void on_finish(const SessionView& /*view*/) {}
  // False once the output is gone (a closed pipe): the loop then stops quietly.
  virtual bool healthy() const { return true; }
};

}  // namespace backcare
