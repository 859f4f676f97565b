#pragma once
// The one rule of what counts as practice (docs/journal.md, "What counts as practice"), used by
// stats, streaks, the chart, the report and the end-of-session summary. A run faster than real
// time is a preview and counts for nothing; the parts of one routine on one day are added
// together (a resumed part joins the day of its first part) and count when they reach half the
// routine's planned length; the minutes are the time the parts really took.
#include <cstdint>

#include "journal/journal.hpp"

namespace backcare {

// Adds practice time; a total that would pass the largest count stays there (a hand-edited
// history of huge active_ms must not turn the minutes negative).
void add_saturating(std::int64_t& total, std::int64_t ms);

// A run faster than real time (`--speed` above 1) is a preview, never practice.
bool is_preview(double speed);

// The speed a record was run at: its `speed`, or 1 for a record without one.
double record_speed(const JournalRecord& record);

// The practice of one routine on one day, built from its session records one by one.
struct DayPractice {
  std::int64_t done_ms = 0;     // routine time done by the parts that are not previews
  std::int64_t planned_ms = 0;  // the routine's planned length (the largest a part names)
  std::int64_t real_ms = 0;     // the time those parts really took (slower runs take longer)
  int parts = 0;                // parts that are not previews

  // Adds one session record of this routine and day; a preview adds nothing.
  void add(const JournalRecord& record);
  // True when the parts together reach half the planned length (30 s when no part names it).
  bool counts() const;
};

}  // namespace backcare
