#include "programme/plan_state.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "progress/stats.hpp"

namespace backcare {
namespace {

struct PlanEvent {
  std::int64_t when = 0;  // unix seconds, to order records written in any offset
  CivilDate day;
  const JournalRecord* record = nullptr;
};

// A record that should keep the plan from moving on: a safety stop, or pain of 7 or more.
const char* hold_reason(const JournalRecord& r) {
  if (r.kind == k_kind_session && r.status == "safety-stop") {
    return "safety stop";
  }
  if ((r.kind == k_kind_session || r.kind == k_kind_checkin) && r.pain && *r.pain >= 7) {
    return "pain of 7 or more";
  }
  return nullptr;
}

void apply(PlanState& state, const PlanEvent& event) {
  const JournalRecord& r = *event.record;
  if (r.kind != k_kind_plan) {
    if (state.active && !state.paused() && event.day >= state.from) {
      const CivilDate next = civil_from_days(days_from_civil(event.day) + 1);
      state.pauses.push_back({next, std::nullopt,
                              fmt::format("{} on {}", hold_reason(r), format_date(event.day)),
                              true});
    }
    return;
  }
  if (r.action == "start") {
    state = PlanState{};
    state.active = true;
    state.programme = r.programme;
    state.source = r.source;
    state.from = parse_date(r.from).value_or(event.day);
  } else if (r.action == "pause" && state.active && !state.paused()) {
    state.pauses.push_back({std::max(event.day, state.from), std::nullopt, r.reason});
  } else if (r.action == "resume" && state.active && state.paused()) {
    state.pauses.back().until = std::max(event.day, state.pauses.back().from);
  } else if (r.action == "stop" && state.active) {
    state.active = false;
    state.stopped = event.day;
  }
}

}  // namespace

PlanState plan_state(const std::vector<JournalRecord>& records, int day_start_minutes,
                     const CivilDate& as_of) {
  std::vector<PlanEvent> events;
  for (const JournalRecord& record : records) {
    const auto started = parse_instant(record.started);
    if ((record.kind != k_kind_plan && hold_reason(record) == nullptr) || !started) {
      continue;
    }
    const CivilDate day = local_day(*started, day_start_minutes);
    if (day <= as_of) {
      events.push_back({to_unix_seconds(*started), day, &record});
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const PlanEvent& a, const PlanEvent& b) { return a.when < b.when; });
  PlanState state;
  for (const PlanEvent& event : events) {
    apply(state, event);
  }
  return state;
}

int paused_days(const PlanState& state, const CivilDate& as_of) {
  const std::int64_t end_day = days_from_civil(as_of) + 1;
  std::int64_t total = 0;
  for (const PlanPause& pause : state.pauses) {
    const std::int64_t from = days_from_civil(pause.from);
    const std::int64_t until = pause.until ? days_from_civil(*pause.until) : end_day;
    total += std::max<std::int64_t>(0, std::min(until, end_day) - from);
  }
  return static_cast<int>(total);
}

int plan_week(const PlanState& state, const CivilDate& as_of, int week_starts) {
  if (as_of < state.from) {
    return 0;
  }
  const std::int64_t first = days_from_civil(week_start_of(state.from, week_starts));
  const std::int64_t days = days_from_civil(as_of) - first - paused_days(state, as_of);
  return 1 + static_cast<int>(std::max<std::int64_t>(0, days) / 7);
}

}  // namespace backcare
