#pragma once
// Which practice `backcare resume` continues: a session stopped early (quit or interrupted)
// that ended in the last 24 hours and that no later record continues already. Pure: the
// records and "now" come from the caller, which also checks the routine can still be found.
#include <cstdint>
#include <optional>
#include <vector>

#include "journal/journal.hpp"

namespace backcare {

inline constexpr std::int64_t k_resume_window_seconds = 24 * 60 * 60;

// A session that can be continued, and the step to continue from (1-based: the step where it
// stopped, steps_done + 1).
struct Resumable {
  JournalRecord record;
  std::size_t from_step = 1;
  // A one-step routine (breathe) goes on from where it stopped, not from its start: the active
  // time of this part and of the parts it continues, as a plan offset (the session moves it
  // back to the start of that breath cycle). Unset for longer routines.
  std::optional<std::int64_t> from_ms;
};

// The sessions of `records` (forget records already applied) that `resume` may continue at
// `now_unix_seconds`, the most recently ended first.
std::vector<Resumable> resumable_sessions(const std::vector<JournalRecord>& records,
                                          std::int64_t now_unix_seconds);

}  // namespace backcare
