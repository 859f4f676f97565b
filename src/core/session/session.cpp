#include "session/session.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

// How the session keeps time. All positions are plan offsets in integer nanoseconds. The wall
// clock only enters through scaled(now - anchor_time); the anchor moves on start, pause, resume,
// next and back, never on advance(), so the redraw rate cannot add drift. Events are generated
// by walking the plan's boundaries between the last emitted position (exclusive) and the new one
// (inclusive); arrivals at a jump target (the first step, next, back, a restarted breath) are
// held in m_arrival until any lead-in is over.

namespace backcare {

namespace {

constexpr std::int64_t k_ns_per_ms = 1'000'000;
constexpr std::int64_t k_back_window_ns = 2000 * k_ns_per_ms;  // back within 2 s: previous step
constexpr std::int64_t k_max_scaled_ns = 4'000'000'000'000'000'000;  // far beyond any plan
constexpr double k_max_scaled = 4e18;

std::int64_t to_ns(std::int64_t ms) {
  return ms * k_ns_per_ms;
}
std::int64_t floor_ms(std::int64_t ns) {
  return ns / k_ns_per_ms;
}  // ns >= 0
std::int64_t ceil_ms(std::int64_t ns) {
  return ns <= 0 ? 0 : (ns + k_ns_per_ms - 1) / k_ns_per_ms;
}

// The first segment, and the first cue, that start after the plan position `from_ns`: indexes
// into the plan, its size when there is none.
std::size_t first_segment_after(const Plan& plan, std::int64_t from_ns) {
  const auto it = std::upper_bound(
      plan.segments.begin(), plan.segments.end(), from_ns,
      [](std::int64_t pos, const Segment& segment) { return pos < to_ns(segment.start_ms); });
  return static_cast<std::size_t>(std::distance(plan.segments.begin(), it));
}
std::size_t first_cue_after(const Plan& plan, std::int64_t from_ns) {
  const auto it =
      std::upper_bound(plan.cues.begin(), plan.cues.end(), from_ns,
                       [](std::int64_t pos, const PlanCue& cue) { return pos < to_ns(cue.at_ms); });
  return static_cast<std::size_t>(std::distance(plan.cues.begin(), it));
}

}  // namespace

// The names, in the order of the enums (the event stream and the journal write them).
constexpr std::array<std::string_view, 11> k_event_names = {
    "session_start", "lead_in", "step_start", "phase", "cue",        "step_end",
    "pause",         "resume",  "skip",       "back",  "session_end"};
static_assert(static_cast<std::size_t>(EventType::session_end) + 1 == k_event_names.size());
constexpr std::array<std::string_view, 6> k_end_status_names = {
    "none", "completed", "completed-skipping", "quit", "interrupted", "safety-stop"};
static_assert(static_cast<std::size_t>(EndStatus::safety_stop) + 1 == k_end_status_names.size());

std::string_view event_name(EventType type) {
  const auto index = static_cast<std::size_t>(type);
  return index < k_event_names.size() ? k_event_names[index] : "unknown";
}

std::string_view end_status_name(EndStatus status) {
  const auto index = static_cast<std::size_t>(status);
  return index < k_end_status_names.size() ? k_end_status_names[index] : "unknown";
}

bool reached_end(EndStatus status) {
  return status == EndStatus::completed || status == EndStatus::completed_skipping;
}

Session::Session(const Plan& plan, SessionOptions options) : m_plan(plan), m_options(options) {
  if (!(m_options.speed > 0.0) || !std::isfinite(m_options.speed)) {
    m_options.speed = 1.0;
  }
  m_options.lead_in_ms = std::clamp<std::int64_t>(m_options.lead_in_ms, 0, k_max_total_ms);
  m_total_ns = to_ns(std::clamp<std::int64_t>(m_plan.total_ms, 0, k_max_total_ms));
  m_position_ns = start_position_ns();
  m_anchor_position_ns = m_position_ns;
  m_active_offset_ns = -m_position_ns;  // active time counts from the first step run
  m_done.assign(m_plan.steps.size(), false);
  m_skipped_ns.assign(m_plan.steps.size(), 0);
}

void Session::mark_done(std::size_t step) {
  if (step < m_done.size()) {
    m_done[step] = true;
    m_skipped_ns[step] = 0;
  }
}

// --- time arithmetic ------------------------------------------------------------------------

std::int64_t Session::scaled(std::chrono::nanoseconds wall) const {
  const std::int64_t d = wall.count();
  if (d <= 0) {
    return 0;
  }
  if (m_options.speed == 1.0) {
    return std::min(d, k_max_scaled_ns);
  }
  const double x = static_cast<double>(d) * m_options.speed;
  if (x >= k_max_scaled) {
    return k_max_scaled_ns;
  }
  return std::llround(x);
}

std::int64_t Session::wall_for(std::int64_t plan_ns) const {
  if (plan_ns <= 0) {
    return 0;
  }
  if (m_options.speed == 1.0) {
    return plan_ns;
  }
  const double guess = std::ceil(static_cast<double>(plan_ns) / m_options.speed);
  std::int64_t d = guess >= k_max_scaled ? k_max_scaled_ns : static_cast<std::int64_t>(guess);
  // scaled() is monotonic; the guess is within a few ns, so these loops run a step or two.
  while (d < k_max_scaled_ns && scaled(std::chrono::nanoseconds(d)) < plan_ns) {
    ++d;
  }
  while (d > 0 && scaled(std::chrono::nanoseconds(d - 1)) >= plan_ns) {
    --d;
  }
  return d;
}

// --- plan lookups ---------------------------------------------------------------------------

std::size_t Session::segment_at(std::int64_t position_ns) const {
  const auto& segments = m_plan.segments;
  if (position_ns >= m_total_ns || segments.empty()) {
    return segments.size();
  }
  // The last segment starting at or before the position (zero-length ones are passed over).
  auto it = std::upper_bound(
      segments.begin(), segments.end(), position_ns,
      [](std::int64_t pos, const Segment& segment) { return pos < to_ns(segment.start_ms); });
  if (it == segments.begin()) {
    return 0;
  }
  return static_cast<std::size_t>(std::distance(segments.begin(), it)) - 1;
}

std::size_t Session::step_at(std::int64_t position_ns) const {
  const std::size_t segment = segment_at(position_ns);
  if (segment >= m_plan.segments.size()) {
    return m_plan.steps.size();
  }
  return std::min(m_plan.segments[segment].step, m_plan.steps.size());
}

// A breath resumes at the inhale of the interrupted cycle: half a breath is no use.
std::size_t Session::breath_restart_segment(std::size_t segment) const {
  const auto& segments = m_plan.segments;
  const Segment& current = segments[segment];
  if (current.labels.cycle == 0) {
    return segment;
  }
  std::size_t first_of_cycle = segment;
  std::optional<std::size_t> inhale;
  for (std::size_t i = segment + 1; i-- > 0;) {
    if (segments[i].step != current.step || segments[i].labels.cycle != current.labels.cycle) {
      break;
    }
    first_of_cycle = i;
    if (segments[i].phase == Phase::inhale) {
      inhale = i;
    }
  }
  return inhale.value_or(first_of_cycle);
}

std::int64_t Session::start_position_ns() const {
  if (m_options.from_ms) {
    const std::size_t segment = segment_at(std::clamp<std::int64_t>(
        to_ns(std::clamp<std::int64_t>(*m_options.from_ms, 0, k_max_total_ms)), 0, m_total_ns));
    if (segment < m_plan.segments.size()) {
      return to_ns(m_plan.segments[breath_restart_segment(segment)].start_ms);
    }
    return m_total_ns;
  }
  if (m_options.from_step < m_plan.steps.size()) {
    return std::clamp<std::int64_t>(to_ns(m_plan.steps[m_options.from_step].start_ms), 0,
                                    m_total_ns);
  }
  return m_total_ns;
}

// --- event generation -----------------------------------------------------------------------

void Session::emit(std::vector<SessionEvent>& out, EventType type, std::int64_t at_ns,
                   std::size_t step, std::size_t segment, std::size_t cue) {
  SessionEvent event;
  event.type = type;
  event.t_ms = floor_ms(at_ns + m_active_offset_ns);
  event.position_ms = floor_ms(at_ns);
  event.step = step;
  event.segment = segment;
  event.cue = cue;
  out.push_back(event);
}

void Session::flush_arrival(std::vector<SessionEvent>& out) {
  const Arrival arrival = m_arrival;
  m_arrival = {};
  const std::size_t segment = segment_at(m_position_ns);
  if (segment >= m_plan.segments.size()) {
    return;
  }
  const std::size_t step = m_plan.segments[segment].step;
  if (arrival.step_start) {
    emit(out, EventType::step_start, m_position_ns, step);
    m_open_step = step;
  }
  if (arrival.phase) {
    emit(out, EventType::phase, m_position_ns, step, segment);
  }
  if (arrival.cues) {
    const auto& cues = m_plan.cues;
    for (std::size_t i = 0; i < cues.size(); ++i) {
      if (to_ns(cues[i].at_ms) == m_position_ns && cues[i].step == step) {
        emit(out, EventType::cue, m_position_ns, step, 0, i);
      }
    }
  }
}

// Emits everything in (m_position_ns, to_ns] in time order. At one instant: the cues of the
// step that is ending, step_end, step_start, phase, then the new step's cues.
void Session::cross_to(std::int64_t until_ns, std::vector<SessionEvent>& out) {
  const auto& segments = m_plan.segments;
  const auto& cues = m_plan.cues;
  std::size_t si = first_segment_after(m_plan, m_position_ns);
  std::size_t ci = first_cue_after(m_plan, m_position_ns);
  for (;;) {
    const bool has_segment = si < segments.size() && to_ns(segments[si].start_ms) <= until_ns;
    const bool has_cue = ci < cues.size() && to_ns(cues[ci].at_ms) <= until_ns;
    if (!has_segment && !has_cue) {
      break;
    }
    bool take_cue = has_cue && !has_segment;
    if (has_cue && has_segment) {
      const std::int64_t cue_at = to_ns(cues[ci].at_ms);
      const std::int64_t segment_at_ns = to_ns(segments[si].start_ms);
      take_cue =
          cue_at < segment_at_ns || (cue_at == segment_at_ns && cues[ci].step < segments[si].step);
    }
    if (take_cue) {
      emit(out, EventType::cue, to_ns(cues[ci].at_ms), cues[ci].step, 0, ci);
      ++ci;
      continue;
    }
    const Segment& segment = segments[si];
    const std::int64_t at = to_ns(segment.start_ms);
    if (si == 0 || segments[si - 1].step != segment.step) {
      if (m_open_step) {
        emit(out, EventType::step_end, at, *m_open_step);
        mark_done(*m_open_step);
      }
      emit(out, EventType::step_start, at, segment.step);
      m_open_step = segment.step;
    }
    emit(out, EventType::phase, at, segment.step, si);
    ++si;
  }
  m_position_ns = until_ns;
}

void Session::run_to(TimePoint now, std::vector<SessionEvent>& out) {
  if (!clock_runs()) {
    return;
  }
  const std::int64_t raw = scaled(now - m_anchor_time);
  if (m_state == SessionState::lead_in) {
    if (raw < m_lead_in_ns) {
      return;
    }
    m_state = SessionState::running;
  }
  const std::int64_t position = m_anchor_position_ns + (raw - m_lead_in_ns);
  flush_arrival(out);
  if (position > m_position_ns) {
    cross_to(std::min(position, m_total_ns), out);
  }
  if (m_position_ns >= m_total_ns) {
    finish(EndStatus::completed, out);
  }
}

void Session::jump_to(TimePoint now, std::int64_t position_ns, std::vector<SessionEvent>& out) {
  if (m_state == SessionState::lead_in) {
    // The get-ready countdown keeps running; the new step starts when it ends.
    m_lead_in_ns = std::max<std::int64_t>(m_lead_in_ns - scaled(now - m_anchor_time), 0);
  } else {
    m_lead_in_ns = 0;
  }
  m_anchor_time = now;
  m_anchor_position_ns = position_ns;
  m_active_offset_ns += m_position_ns - position_ns;  // a jump takes no active time
  m_position_ns = position_ns;
  m_arrival = Arrival{true, true, true};
  if (m_state == SessionState::paused) {
    flush_arrival(out);
  } else {
    run_to(now, out);
  }
}

void Session::finish(EndStatus status, std::vector<SessionEvent>& out) {
  if (status == EndStatus::completed && m_open_step) {
    emit(out, EventType::step_end, m_position_ns, *m_open_step);
    mark_done(*m_open_step);
  }
  if (status == EndStatus::completed && std::any_of(m_skipped_ns.begin(), m_skipped_ns.end(),
                                                    [](std::int64_t ns) { return ns > 0; })) {
    status = EndStatus::completed_skipping;
  }
  SessionEvent end;
  end.type = EventType::session_end;
  end.t_ms = floor_ms(m_position_ns + m_active_offset_ns);
  end.position_ms = floor_ms(m_position_ns);
  end.step = m_plan.steps.empty() ? 0 : std::min(step_at(m_position_ns), m_plan.steps.size() - 1);
  end.status = status;
  out.push_back(end);
  m_open_step.reset();
  m_arrival = {};
  m_state = SessionState::finished;
  m_status = status;
}

// --- public API -----------------------------------------------------------------------------

std::vector<SessionEvent> Session::start(TimePoint now) {
  std::vector<SessionEvent> out;
  if (m_state != SessionState::not_started) {
    return out;
  }
  m_state = SessionState::running;
  m_anchor_time = now;
  m_position_ns = start_position_ns();
  m_anchor_position_ns = m_position_ns;
  m_active_offset_ns = -m_position_ns;  // active time counts from the first step run
  const std::size_t step = m_options.from_ms ? step_at(m_position_ns)
                                             : std::min(m_options.from_step, m_plan.steps.size());
  emit(out, EventType::session_start, m_position_ns, step);
  m_arrival = Arrival{true, true, true};
  if (m_options.lead_in_ms > 0) {
    m_lead_in_ns = to_ns(m_options.lead_in_ms);
    m_state = SessionState::lead_in;
    emit(out, EventType::lead_in, m_position_ns, step);
  }
  run_to(now, out);
  return out;
}

std::vector<SessionEvent> Session::advance(TimePoint now) {
  std::vector<SessionEvent> out;
  run_to(now, out);
  return out;
}

bool Session::clock_runs() const {
  return m_state == SessionState::lead_in || m_state == SessionState::running;
}

bool Session::live() const {
  return clock_runs() || m_state == SessionState::paused;
}

template <typename Action>
std::vector<SessionEvent> Session::act(TimePoint now, Action action) {
  std::vector<SessionEvent> out;
  run_to(now, out);
  if (live()) {
    action(out);
  }
  return out;
}

std::vector<SessionEvent> Session::toggle_pause(TimePoint now) {
  return m_state == SessionState::paused ? resume(now) : pause(now);
}

std::vector<SessionEvent> Session::pause(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) {
    if (m_state == SessionState::paused) {
      return;
    }
    m_state = SessionState::paused;  // resume starts a fresh countdown; pending arrivals stay
    m_lead_in_ns = 0;
    m_anchor_position_ns = m_position_ns;
    emit(out, EventType::pause, m_position_ns, step_at(m_position_ns));
  });
}

std::vector<SessionEvent> Session::resume(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) {
    if (m_state != SessionState::paused) {
      return;
    }
    m_state = SessionState::running;
    m_anchor_time = now;
    const std::size_t segment = segment_at(m_position_ns);
    const std::size_t step = step_at(m_position_ns);
    if (step < m_plan.steps.size() && m_plan.steps[step].kind == StepKind::breath) {
      const std::size_t restart = breath_restart_segment(segment);
      const std::int64_t restart_ns =
          std::max<std::int64_t>(to_ns(m_plan.segments[restart].start_ms), 0);
      m_active_offset_ns += m_position_ns - restart_ns;  // the breath is done again
      m_position_ns = restart_ns;
      m_arrival.phase = true;
    }
    m_anchor_position_ns = m_position_ns;
    emit(out, EventType::resume, m_position_ns, step);
    if (m_options.lead_in_ms > 0) {
      m_lead_in_ns = to_ns(m_options.lead_in_ms);
      m_state = SessionState::lead_in;
      emit(out, EventType::lead_in, m_position_ns, step);
    }
    run_to(now, out);
  });
}

// next: skip, then step_end for the skipped step (it is done, if cut short), then the next
// step's step_start and phase (after the remaining lead-in, if one is running). On the
// last step it finishes the routine: skip, step_end, session_end with status completed.
std::vector<SessionEvent> Session::next(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) {
    const std::size_t step = step_at(m_position_ns);
    emit(out, EventType::skip, m_position_ns, step);
    if (step < m_skipped_ns.size() && !m_done[step]) {
      m_skipped_ns[step] = std::max<std::int64_t>(
          std::min(to_ns(m_plan.steps[step].end_ms()), m_total_ns) - m_position_ns, 1);
    }
    if (m_open_step) {
      emit(out, EventType::step_end, m_position_ns, *m_open_step);
      m_open_step.reset();
    }
    m_arrival = {};
    if (step + 1 >= m_plan.steps.size()) {
      finish(EndStatus::completed, out);
      return;
    }
    jump_to(now, to_ns(m_plan.steps[step + 1].start_ms), out);
  });
}

// back: the step is not done, so no step_end: back, then step_start and phase of the
// restarted (or previous) step.
std::vector<SessionEvent> Session::back(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) {
    const std::size_t step = step_at(m_position_ns);
    if (step >= m_plan.steps.size()) {
      return;
    }
    const std::int64_t into_step = m_position_ns - to_ns(m_plan.steps[step].start_ms);
    const std::size_t target = (into_step < k_back_window_ns && step > 0) ? step - 1 : step;
    emit(out, EventType::back, m_position_ns, step);
    m_open_step.reset();
    m_arrival = {};
    jump_to(now, to_ns(m_plan.steps[target].start_ms), out);
  });
}

std::vector<SessionEvent> Session::quit(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) { finish(EndStatus::quit, out); });
}

std::vector<SessionEvent> Session::interrupt(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) { finish(EndStatus::interrupted, out); });
}

std::vector<SessionEvent> Session::safety_stop(TimePoint now) {
  return act(now, [&](std::vector<SessionEvent>& out) { finish(EndStatus::safety_stop, out); });
}

SessionView Session::view(TimePoint now) const {
  SessionView v;
  const bool started = m_state != SessionState::not_started;
  const bool finished = m_state == SessionState::finished;
  v.started = started;
  v.paused = m_state == SessionState::paused;
  std::int64_t position = m_position_ns;
  bool waiting = !started || v.paused;  // arrival events not yet due
  if (!started) {
    position = start_position_ns();
  } else if (clock_runs()) {
    const std::int64_t raw = scaled(now - m_anchor_time);
    if (m_state == SessionState::lead_in && raw < m_lead_in_ns) {
      v.lead_in_left_ms = ceil_ms(m_lead_in_ns - raw);
      waiting = true;
    } else {
      position = std::max(m_anchor_position_ns + (raw - m_lead_in_ns), m_position_ns);
    }
  }
  position = std::clamp<std::int64_t>(position, 0, m_total_ns);
  v.finished = finished || (started && position >= m_total_ns);
  v.steps_done = static_cast<std::size_t>(std::count(m_done.begin(), m_done.end(), true));
  std::int64_t skipped_ns = 0;
  for (const std::int64_t ns : m_skipped_ns) {
    v.steps_skipped += ns > 0 ? 1 : 0;
    skipped_ns += ns;
  }
  v.skipped_ms = floor_ms(skipped_ns);
  const EndStatus reached =
      v.steps_skipped > 0 ? EndStatus::completed_skipping : EndStatus::completed;
  v.status = finished ? m_status : (v.finished ? reached : EndStatus::none);
  v.position_ms = floor_ms(position);
  v.active_ms = floor_ms(position + (started ? m_active_offset_ns : 0));
  if (m_total_ns > 0) {
    v.routine_progress = static_cast<double>(position) / static_cast<double>(m_total_ns);
  } else {
    v.routine_progress = v.finished ? 1.0 : 0.0;
  }
  const std::size_t segment = segment_at(position);
  if (v.finished || segment >= m_plan.segments.size()) {
    v.end_step = m_plan.steps.empty() ? 0 : std::min(step_at(position), m_plan.steps.size() - 1);
    v.step = m_plan.steps.size();
    v.segment = m_plan.segments.size();
    return v;
  }
  const Segment& current = m_plan.segments[segment];
  v.step = current.step;
  v.segment = segment;
  v.segment_left_ms = ceil_ms(to_ns(current.end_ms()) - position);
  v.routine_left_ms = ceil_ms(m_total_ns - position);
  if (current.duration_ms > 0) {
    v.segment_progress = static_cast<double>(position - to_ns(current.start_ms)) /
                         static_cast<double>(to_ns(current.duration_ms));
  }
  if (current.step < m_plan.steps.size()) {
    const PlanStep& step = m_plan.steps[current.step];
    v.step_left_ms = ceil_ms(to_ns(step.end_ms()) - position);
    const bool cues_pending = waiting && m_arrival.cues && position == m_position_ns;
    const auto& cues = m_plan.cues;
    for (std::size_t i = cues.size(); i-- > 0;) {
      const std::int64_t at = to_ns(cues[i].at_ms);
      if (at < to_ns(step.start_ms)) {
        break;
      }
      if (cues[i].step != current.step || at > position || (at == position && cues_pending)) {
        continue;
      }
      v.last_cue = i;
      break;
    }
  }
  return v;
}

std::optional<TimePoint> Session::next_deadline() const {
  if (!clock_runs()) {
    return std::nullopt;
  }
  if (m_state == SessionState::lead_in) {
    return m_anchor_time + std::chrono::nanoseconds(wall_for(m_lead_in_ns));
  }
  std::int64_t target = m_total_ns;
  if (const std::size_t si = first_segment_after(m_plan, m_position_ns);
      si < m_plan.segments.size()) {
    target = std::min(target, to_ns(m_plan.segments[si].start_ms));
  }
  if (const std::size_t ci = first_cue_after(m_plan, m_position_ns); ci < m_plan.cues.size()) {
    target = std::min(target, to_ns(m_plan.cues[ci].at_ms));
  }
  const std::int64_t raw_needed = target - m_anchor_position_ns + m_lead_in_ns;
  return m_anchor_time + std::chrono::nanoseconds(wall_for(raw_needed));
}

bool Session::finished() const {
  return m_state == SessionState::finished;
}

bool Session::paused() const {
  return m_state == SessionState::paused;
}

}  // namespace backcare
