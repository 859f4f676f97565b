#include "event_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "display/show.hpp"
#include "files.hpp"

namespace backcare {

std::string iso8601(std::chrono::system_clock::time_point time) {
  const auto ms_total =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms_total / 1000);
  std::tm local{};
  ::localtime_r(&seconds, &local);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &local);
  const long offset_min = local.tm_gmtoff / 60;
  const long abs_min = offset_min < 0 ? -offset_min : offset_min;
  return fmt::format("{}.{:03}{}{:02}:{:02}", date, ms_total % 1000, offset_min < 0 ? '-' : '+',
                     abs_min / 60, abs_min % 60);
}

Json event_to_json(const Plan& plan, const SessionEvent& event, const std::string& wall,
                   std::chrono::nanoseconds since_start) {
  const std::string_view name = event_name(event.type);
  const auto mono_us = std::chrono::duration_cast<std::chrono::microseconds>(since_start).count();
  const auto elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_start).count();
  Json out = {{"event", name}, {"t_ms", event.t_ms}, {"wall", wall}, {"mono_us", mono_us}};
  const auto step_fields = [&] {
    if (event.step < plan.steps.size()) {
      out["step"] = event.step + 1;
      out["steps"] = plan.steps.size();
      out["title"] = plan.steps[event.step].title;
    }
  };
  switch (event.type) {
    case EventType::session_start:
      out["routine"] = plan.name;
      out["title"] = plan.title;
      out["source"] = plan.source;
      out["planned_ms"] = plan.total_ms;
      out["format"] = 1;
      break;
    case EventType::step_start:
      step_fields();
      if (event.step < plan.steps.size()) {
        out["duration_ms"] = plan.steps[event.step].duration_ms;
        out["text"] = plan.steps[event.step].text;
      }
      break;
    case EventType::phase:
      if (event.segment < plan.segments.size()) {
        const Segment& segment = plan.segments[event.segment];
        out["step"] = segment.step + 1;
        out["phase"] = phase_name(segment.phase);
        out["duration_ms"] = segment.duration_ms;
        out["labels"] = labels_to_json(segment.labels);
        out["text"] = segment.text.str();
      }
      break;
    case EventType::cue:
      if (event.cue < plan.cues.size()) {
        out["step"] = plan.cues[event.cue].step + 1;
        out["text"] = plan.cues[event.cue].text.str();
      }
      break;
    case EventType::lead_in:
    case EventType::step_end:
    case EventType::pause:
    case EventType::resume:
    case EventType::skip:
    case EventType::back:
      step_fields();
      break;
    case EventType::session_end:
      out["status"] = end_status_name(event.status);
      out["elapsed_ms"] = elapsed_ms;
      out["active_ms"] = event.t_ms;
      break;
  }
  return out;
}

std::string EventStream::failure() const {
  if (m_healthy || m_errno == 0 || m_errno == EPIPE) {
    return {};
  }
  return fmt::format("cannot write events to {}: {}", m_name, std::strerror(m_errno));
}

void EventStream::on_events(const std::vector<SessionEvent>& events, const SessionView& /*view*/,
                            const Turn& turn) {
  const std::string wall = iso8601(turn.wall);
  for (const auto& event : events) {
    if (!m_healthy) {
      return;
    }
    const std::string line =
        dump_json(event_to_json(m_plan, event, wall, turn.since_start), -1) + "\n";
    const Result<void, FileError> written = write_all(m_fd, line);
    m_healthy = written.ok();
    if (!m_healthy) {
      m_errno = written.error().err;
    }
  }
}

}  // namespace backcare
