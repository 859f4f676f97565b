#pragma once
// Which plan is followed, read from the journal's plan records (docs/programmes.md): the last
// start not stopped since, its pauses, and the plan week of a day. The state lives only in the
// journal, appended, so history, forget and export treat it as every other record.
#include <optional>
#include <string>
#include <vector>

#include "journal/journal.hpp"

namespace backcare {

// Days with the plan paused: `from` to the day before `until` (still paused when unset).
struct PlanPause {
  CivilDate from;
  std::optional<CivilDate> until;
  std::string reason;
  bool hold = false;  // made by a safety stop or pain of 7 or more, not by `plan pause`
};

struct PlanState {
  bool active = false;  // started, and not stopped since
  std::string programme;
  std::string source;  // where the programme came from when it was started
  CivilDate from;      // the plan's first day
  std::vector<PlanPause> pauses;
  std::optional<CivilDate> stopped;  // the day of the last stop, when not active

  bool paused() const { return !pauses.empty() && !pauses.back().until; }
  // Held on its week after a safety stop or pain of 7 or more, until `plan resume`.
  bool held() const { return paused() && pauses.back().hold; }
};

// The plan as it stood at the end of the local day `as_of`, from every plan record (forgets
// applied first; records of later days and unknown actions are left out; a pause while paused
// or a resume while running changes nothing). A safety stop, or a pain of 7 or more, on a day
// of the plan holds it from the next day (a pause with `hold`), so it does not move on to a
// harder week by itself; `plan resume` ends the hold.
PlanState plan_state(const std::vector<JournalRecord>& records, int day_start_minutes,
                     const CivilDate& as_of);

// Days paused up to and including `as_of`.
int paused_days(const PlanState& state, const CivilDate& as_of);

// The plan week holding `as_of`: week 1 is the calendar week (from `week_starts`) of the first
// day, each later calendar week the next, and every day paused moves the rest back a day. 0 before
// the first day.
int plan_week(const PlanState& state, const CivilDate& as_of, int week_starts);

}  // namespace backcare
