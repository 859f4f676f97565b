#pragma once
// The front ends of a session — the live terminal display, plain lines, the JSON event
// stream, speech — are observers of the same session events (like kakoune's TerminalUI and
// JsonUI behind one UserInterface). The event loop feeds them; none of them drives the session,
// and none of them reads a clock: the loop reads it once per turn and hands that instant on.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "session/session.hpp"

namespace backcare {

// One turn of the event loop: the single clock reading that the session, every observer and the
// frame of that turn share, so a batch of events and the frame shown with it are of one instant.
struct Turn {
  TimePoint now{0};                            // monotonic (the session's clock)
  std::chrono::nanoseconds since_start{0};     // now minus the session's start (pauses included)
  std::chrono::system_clock::time_point wall;  // the calendar time of `now` (start + since_start)
  bool foreground = true;  // the terminal is ours (asked at most once a turn: see player.cpp)
};

class SessionObserver {
 public:
  virtual ~SessionObserver() = default;

  // Events crossed since the last call, in order, and the view right after them, both at
  // turn.now.
  virtual void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                         const Turn& turn) = 0;
  // A redraw opportunity between events (only the live display uses it).
  virtual void on_tick(const SessionView& /*view*/, const Turn& /*turn*/) {}
  // Plan milliseconds from `view` until what the observer shows next changes with no event
  // (the live display's countdowns and breath bar: next_frame_change_ms); -1 when never. The
  // loop turns it into wall time, at most 20 redraws a second, and calls on_tick then.
  virtual std::int64_t next_change_ms(const SessionView& /*view*/) const { return -1; }
  // Every turn, after its events (speech says its timed prompts and reaps its children).
  virtual void on_turn(const SessionView& /*view*/, const Turn& /*turn*/) {}
  // The earliest instant (the loop's clock) at which the observer wants a turn with no event:
  // speech's next "halfway". Asked before each wait; nullopt for none.
  virtual std::optional<TimePoint> next_deadline() const { return std::nullopt; }
  // The window changed size: columns and rows (rows 0 when unknown).
  virtual void on_resize(int /*width*/, int /*height*/) {}
  // The process is about to stop (Ctrl-Z) or has been continued: the live display hands the
  // terminal back and takes it again.
  virtual void on_suspend(const Turn& /*turn*/) {}
  virtual void on_continue(const SessionView& /*view*/, const Turn& /*turn*/) {}
  // The session is over; print what should stay (the summary).
  virtual void on_finish(const SessionView& /*view*/, const Turn& /*turn*/) {}
  // False once the output is gone: the loop then stops, quietly (141) after a closed pipe.
  virtual bool healthy() const { return true; }
  // Once unhealthy, why, when it is an error to tell (a full disk: the loop says so and exits
  // 74); "" when the reader simply went away (a closed pipe).
  virtual std::string failure() const { return {}; }
};

}  // namespace backcare
