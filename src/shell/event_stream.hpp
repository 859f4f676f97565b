#pragma once
// The JSON Lines event stream (--events FILE|-): one object per session event, flushed per
// line, for scripts. The third observer of a session, beside the terminal and plain displays.
// docs/events.md documents every event.
#include <chrono>
#include <string>

#include "files.hpp"
#include "json/json_reader.hpp"
#include "routine/plan.hpp"
#include "session/observer.hpp"

namespace backcare {

// The JSON object for one event. `wall` is the ISO-8601 time to stamp it with; `since_start` is
// the monotonic time since the session started (pauses included): mono_us on every event, and
// elapsed_ms on session_end.
Json event_to_json(const Plan& plan, const SessionEvent& event, const std::string& wall,
                   std::chrono::nanoseconds since_start);

// "2026-11-25T08:50:01.123+00:00" for a system_clock time, in local time with its offset.
std::string iso8601(std::chrono::system_clock::time_point time);

class EventStream final : public SessionObserver {
 public:
  // Writes to `fd`, not owned (standard output). Each event is one line, written with one
  // write().
  EventStream(const Plan& plan, int fd) : m_plan(plan), m_fd(fd) {}
  // Writes to the file `owned` (closed with the stream); `name` is how errors name it: the
  // (sanitized) path.
  EventStream(const Plan& plan, UniqueFd owned, std::string name)
      : m_plan(plan), m_fd(owned.get()), m_owned(std::move(owned)), m_name(std::move(name)) {}

  // Stamps every event with the turn's instant: the stream reads no clock of its own.
  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override;
  bool healthy() const override { return m_healthy; }
  // A write error other than a closed pipe (a full disk, /dev/full, EIO), said as
  // "cannot write events to NAME: REASON"; "" for none or for EPIPE (the reader left).
  std::string failure() const override;

 private:
  const Plan& m_plan;
  int m_fd;
  UniqueFd m_owned;
  std::string m_name = "standard output";
  bool m_healthy = true;
  int m_errno = 0;  // of the failed write
};

}  // namespace backcare
