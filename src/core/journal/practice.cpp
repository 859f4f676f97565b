#include "journal/practice.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "journal/session_record.hpp"

namespace backcare {

void add_saturating(std::int64_t& total, std::int64_t ms) {
  if (__builtin_add_overflow(total, ms, &total)) {
    total = std::numeric_limits<std::int64_t>::max();
  }
}

bool is_preview(double speed) {
  return speed > 1.0;
}

double record_speed(const JournalRecord& record) {
  return record.speed.value_or(1.0);
}

void DayPractice::add(const JournalRecord& record) {
  const double speed = record_speed(record);
  if (is_preview(speed) || !record.active_ms) {
    return;
  }
  const std::int64_t done = std::max<std::int64_t>(0, *record.active_ms);
  add_saturating(done_ms, done);
  planned_ms = std::max(planned_ms, record.planned_ms.value_or(0));
  // A slower run is practice in the time it really took: plan time over speed (speed > 0 is
  // checked when the record is read).
  const double real = speed > 0 ? static_cast<double>(done) / speed : static_cast<double>(done);
  add_saturating(real_ms,
                 real >= 9.0e18 ? std::numeric_limits<std::int64_t>::max() : std::llround(real));
  ++parts;
}

bool DayPractice::counts() const {
  if (parts == 0) {
    return false;
  }
  // Half the planned length, rounded up, so that 2:30 of 5:00 counts and 2:29 does not; a
  // record that does not name its length needs what any record needs (k_record_min_active_ms).
  const std::int64_t need = planned_ms > 0 ? (planned_ms + 1) / 2 : k_record_min_active_ms;
  return done_ms >= need && done_ms > 0;
}

}  // namespace backcare
