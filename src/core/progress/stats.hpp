#pragma once
// The figures of `backcare stats` and `backcare report` (docs/journal.md, "stats --json"):
// nights done against each weekly goal, streaks, a day-by-day grid of the last weeks, minutes
// per routine, the weekly pain mean and the symptoms noted. Pure arithmetic over the journal's
// records: the "as of" date comes from the caller, nothing here reads a clock.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "journal/journal.hpp"

namespace backcare {

inline constexpr int k_max_stats_weeks = 520;
inline constexpr int k_max_rest_days = 60;  // `backcare rest --days`

// One day of the grid.
struct DayStats {
  CivilDate date;
  bool practised = false;    // a practice counts for this day (journal/practice.hpp)
  bool safety_stop = false;  // a session that day ended with status safety-stop
  bool future = false;       // after the "as of" date
  bool other = false;        // a practice of a routine without a goal counts for this day
  bool rest = false;         // a rest day (`backcare rest`): no goal counts it, no streak breaks
};

// One goal in one week.
struct GoalWeek {
  int nights = 0;  // distinct days on which the goal's routine counts as practice
  bool met = false;
};

// One week, from the configured first day.
struct WeekStats {
  CivilDate start;
  std::vector<DayStats> days;  // 7, from `start`
  int practices = 0;           // resumed practices count once
  int other_days = 0;          // days with a practice of a routine without a goal
  std::int64_t active_ms = 0;  // every routine
  std::map<std::string, std::int64_t> active_ms_by_routine;
  std::map<std::string, GoalWeek> goals;  // one per goal with nights > 0
  std::optional<double> pain_mean;        // mean of the pain scores recorded that week
  int pain_count = 0;                     // how many scores
};

// A goal in the week that holds the "as of" date.
struct GoalProgress {
  std::string routine;
  int nights = 0;  // done so far
  int target = 0;  // the goal's nights, fewer when rest days leave fewer days this week
  int of = 7;
  int days_left = 0;  // days of the week still open for a night (today, unless done today)
  bool met = false;
  bool reachable = false;   // met, or enough days left
  bool is_default = false;  // backcare's goal, not one the config file sets
  bool done_today = false;  // a night on the as-of day already (`backcare today`)
  bool rest_today = false;  // the as-of day is a rest day
};

// Runs of consecutive weeks (or days); `current` ends this week (today), which still counts as
// not broken while it can be met (practised later today).
struct Streak {
  int current = 0;
  int best = 0;
};

// A symptom or a safety stop, with its day, for the report's table.
struct HealthEvent {
  CivilDate date;
  std::string what;     // a symptom's name, or "safety stop"
  std::string routine;  // for a safety stop or a session's symptom; "" for a check-in
  std::optional<int> pain;
  std::optional<std::int64_t> step;  // a safety stop's step (1 = the first), when recorded
  std::string step_title;            // its title as the routine wrote it (untrusted)
};

// A check-in's note, in the user's words (untrusted: escaped where shown).
struct DatedNote {
  CivilDate date;
  std::string text;
};

// One pain score: after a session (its answer) or at a check-in.
struct PainScore {
  CivilDate date;
  int pain = 0;
  bool session = false;
};

// Sessions of the period by how they ended, each run once (previews not counted).
struct SessionCounts {
  int completed = 0;     // completed or completed-skipping
  int stopped = 0;       // quit or interrupted
  int safety_stops = 0;  // safety-stop
};

// How often a goal was met: weeks met of the weeks that count (those with data, and the
// current week only once it is met, since it can still be).
struct Adherence {
  int met = 0;
  int weeks = 0;
};

// The "see a physiotherapist" reasons found in the period, in plain words.
struct Advice {
  std::string reason;  // "leaking noted on 2 days within 14 (2026-11-20, 2026-11-28)"
  CivilDate last;      // the latest day it rests on, so an old warning can show its age
};

struct Stats {
  CivilDate as_of;
  int week_starts = 0;  // 0 = Monday
  int day_starts_at_minutes = 240;
  std::vector<WeekStats> weeks;                // the period, oldest first; the last holds `as_of`
  std::optional<CivilDate> first_record;       // the day of the first session or check-in
  std::vector<GoalProgress> this_week;         // one per goal with nights > 0, by routine name
  Streak day_streak;                           // days with any practice
  std::map<std::string, Streak> goal_streaks;  // weeks meeting each goal
  std::map<std::string, int> symptom_counts;   // in the period
  std::vector<HealthEvent> events;             // in the period, by date
  int safety_stops = 0;                        // in the period
  int practices = 0;                           // in the period
  std::int64_t active_ms = 0;                  // in the period
  std::map<std::string, std::int64_t> active_ms_by_routine;  // in the period
  std::vector<Advice> advice;
  std::vector<DatedNote> notes;                // check-in notes of the period, by date
  std::vector<PainScore> pains;                // every score of the period, by date
  SessionCounts sessions;                      // in the period
  std::map<std::string, Adherence> adherence;  // per goal, over the period
};

// The first day of the week holding `date`, weeks starting on `week_starts` (0 = Monday).
CivilDate week_start_of(const CivilDate& date, int week_starts);

// The figures for the `weeks` weeks up to the end of the local day `as_of` (records of later
// days are ignored). `records` as read from the history: forgets are applied here; records
// whose `started` is not a time are left out. `weeks` is clamped to 1..k_max_stats_weeks.
Stats compute_stats(const std::vector<JournalRecord>& records, const Config& config,
                    const CivilDate& as_of, int weeks);

// Every figure as JSON, for `stats --json` (docs/journal.md, "stats --json").
Json stats_to_json(const Stats& stats);

// Whole minutes, rounded to the nearest.
std::int64_t whole_minutes(std::int64_t ms);

}  // namespace backcare
