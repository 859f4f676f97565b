#pragma once
// The session state machine: walks a Plan on a clock it is given, never one it reads.
// Every call takes `now`, a monotonic time point (nanoseconds since any fixed epoch). Segment
// boundaries are absolute plan offsets; the plan position is
//   anchor_position + (now - anchor_time) * speed
// with the anchor moved only by pause/resume/next/back, so redraw rate and pauses never add
// drift.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routine/plan.hpp"

namespace backcare {

using TimePoint = std::chrono::nanoseconds;  // monotonic time since an arbitrary epoch

enum class EventType {
  session_start,
  lead_in,  // a get-ready countdown starts (at the start, and after each resume)
  step_start,
  phase,  // a segment of the plan starts (INHALE, LIFT, ...); "phase" in the stream
  cue,    // a prompt inside a timed block
  step_end,
  pause,
  resume,
  skip,  // next: the rest of the step was skipped
  back,  // back: the step restarts, or the previous one starts
  session_end,
};

std::string_view event_name(EventType type);  // "session_start", "step_start", "phase", ...

// How a session ended (docs/journal.md, docs/events.md): completed (the end reached, nothing
// skipped), completed_skipping (the end reached, one step or more skipped with n), quit (q,
// Esc), interrupted (a signal, the output closed), safety_stop (! : something felt wrong).
enum class EndStatus { none, completed, completed_skipping, quit, interrupted, safety_stop };
// "completed", "completed-skipping", "quit", "interrupted", "safety-stop" ("none" for none).
std::string_view end_status_name(EndStatus status);
// completed or completed_skipping: the routine reached its end.
bool reached_end(EndStatus status);

struct SessionEvent {
  EventType type = EventType::session_start;
  std::int64_t t_ms = 0;               // active time: routine ms done since the start (pauses
                                       // and lead-ins excluded, skipped parts not counted,
                                       // parts done again counted again)
  std::int64_t position_ms = 0;        // where in the plan it happened (Plan offsets)
  std::size_t step = 0;                // Plan::steps index (when meaningful)
  std::size_t segment = 0;             // Plan::segments index (phase)
  std::size_t cue = 0;                 // Plan::cues index (cue)
  EndStatus status = EndStatus::none;  // session_end
};

struct SessionOptions {
  double speed = 1.0;              // plan time runs this many times faster than wall time
  std::int64_t lead_in_ms = 3000;  // plan-time get-ready countdown at start and after resume
  std::size_t from_step = 0;       // start at this step index
  // When set, start at this plan offset instead (`resume` of a one-step routine), moved back to
  // the inhale of the breath cycle it falls in: half a breath is no use.
  std::optional<std::int64_t> from_ms;
};

// A snapshot for displays: everything a renderer needs, computed for one `now`.
struct SessionView {
  bool started = false;
  bool paused = false;
  bool finished = false;
  EndStatus status = EndStatus::none;
  std::int64_t lead_in_left_ms = 0;  // > 0 during a get-ready countdown
  std::size_t step = 0;              // current step index (== steps.size() when finished)
  std::size_t segment = 0;           // current segment index (== segments.size() when finished)
  std::int64_t position_ms = 0;      // plan offset now
  std::int64_t segment_left_ms = 0;
  std::int64_t step_left_ms = 0;
  std::int64_t routine_left_ms = 0;
  double segment_progress = 0;          // 0..1 through the current segment
  double routine_progress = 0;          // 0..1 through the whole plan
  std::optional<std::size_t> last_cue;  // latest cue reached inside the current step
  std::int64_t active_ms = 0;     // active time done (as SessionEvent::t_ms), kept after the end
  std::size_t steps_done = 0;     // steps run to their end (not skipped)
  std::size_t steps_skipped = 0;  // steps left with n and not run to their end afterwards
  std::int64_t skipped_ms = 0;    // planned time of those steps left unrun
  // Once finished, the step it ended in (as session_end's step): `step` is then past the end,
  // and a safety stop's record names the step that hurt.
  std::size_t end_step = 0;
};

// Where a session is. Only lead_in and running move the plan position with the clock; a
// lead-in is the get-ready countdown at the start and after each resume.
enum class SessionState { not_started, lead_in, running, paused, finished };

class Session {
 public:
  // The session reads `plan` and does not copy it: the plan must outlive the session, as it
  // must outlive the observers that read it. A temporary plan would not, so it does not compile.
  Session(const Plan& plan, SessionOptions options);
  Session(Plan&& plan, SessionOptions options) = delete;

  // Starts the clock. Emits session_start, then lead_in (when lead_in_ms > 0) or step_start.
  std::vector<SessionEvent> start(TimePoint now);

  // Moves to `now` and returns every event crossed since the last call, in order.
  std::vector<SessionEvent> advance(TimePoint now);

  // User actions. Each first advances to `now`, then acts; returns the events of both.
  std::vector<SessionEvent> toggle_pause(TimePoint now);
  std::vector<SessionEvent> pause(TimePoint now);
  // Resume: a lead-in, then (in a breath step) the start of the interrupted breath.
  std::vector<SessionEvent> resume(TimePoint now);
  std::vector<SessionEvent> next(TimePoint now);
  // Restart the step, or go to the previous one when within its first 2 s.
  std::vector<SessionEvent> back(TimePoint now);
  std::vector<SessionEvent> quit(TimePoint now);         // session_end with status quit
  std::vector<SessionEvent> interrupt(TimePoint now);    // session_end with status interrupted
  std::vector<SessionEvent> safety_stop(TimePoint now);  // session_end with status safety_stop

  SessionView view(TimePoint now) const;

  // The earliest time at which advance() would emit an event (a boundary, a cue, the end of a
  // lead-in); nullopt when paused or finished. Never earlier than the boundary itself.
  std::optional<TimePoint> next_deadline() const;

  const Plan& plan() const { return m_plan; }
  bool finished() const;
  bool paused() const;

 private:
  // Events that are due at the current position but wait for a lead-in to finish (the first
  // step_start, the restarted breath after a resume, a step reached by next/back mid-countdown).
  struct Arrival {
    bool step_start = false;
    bool phase = false;
    bool cues = false;  // cues of the current step exactly at the position
  };

  // The preamble of every user action: advances to `now`, then runs `action` (which adds its
  // own events) only while the session is live (started, not finished). Returns all events.
  template <typename Action>
  std::vector<SessionEvent> act(TimePoint now, Action action);
  bool live() const;        // lead_in, running or paused
  bool clock_runs() const;  // lead_in or running: `now` moves the session on

  void run_to(TimePoint now, std::vector<SessionEvent>& out);
  void flush_arrival(std::vector<SessionEvent>& out);
  void cross_to(std::int64_t to_ns, std::vector<SessionEvent>& out);
  void jump_to(TimePoint now, std::int64_t position_ns, std::vector<SessionEvent>& out);
  void finish(EndStatus status, std::vector<SessionEvent>& out);
  void emit(std::vector<SessionEvent>& out, EventType type, std::int64_t at_ns, std::size_t step,
            std::size_t segment = 0, std::size_t cue = 0);

  std::int64_t scaled(std::chrono::nanoseconds wall) const;  // wall ns -> plan ns, rounded
  std::int64_t wall_for(std::int64_t plan_ns) const;       // least wall ns with scaled() >= plan_ns
  std::size_t segment_at(std::int64_t position_ns) const;  // segments.size() at/after the end
  std::size_t step_at(std::int64_t position_ns) const;     // steps.size() at/after the end
  std::size_t breath_restart_segment(std::size_t segment) const;
  std::int64_t start_position_ns() const;

  const Plan& m_plan;  // the caller's, which outlives the session
  SessionOptions m_options;
  std::int64_t m_total_ns = 0;

  SessionState m_state = SessionState::not_started;
  EndStatus m_status = EndStatus::none;  // how it ended, once finished

  // position = m_anchor_position_ns + max(0, scaled(now - m_anchor_time) - m_lead_in_ns), the
  // plan time standing still while scaled(now - m_anchor_time) < m_lead_in_ns (a lead-in).
  TimePoint m_anchor_time{0};
  std::int64_t m_anchor_position_ns = 0;
  std::int64_t m_lead_in_ns = 0;

  // Active time (what the user actually did, pauses excluded) minus plan position: it changes
  // only when the position jumps (next, back, from_step, a breath restarted on resume).
  std::int64_t m_active_offset_ns = 0;
  std::int64_t m_position_ns = 0;          // every event up to here (inclusive) has been emitted...
  Arrival m_arrival;                       // ...except these, due exactly at m_position_ns
  std::optional<std::size_t> m_open_step;  // step_start emitted, step_end not yet

  // Per step: run to its end, and the planned ms left unrun when it was skipped (0: not
  // skipped). A step skipped, then run to its end after b, counts as done.
  std::vector<bool> m_done;
  std::vector<std::int64_t> m_skipped_ns;
  void mark_done(std::size_t step);
};

}  // namespace backcare
