#include "journal/practice.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

JournalRecord part(std::int64_t active_ms, std::optional<std::int64_t> planned_ms = 600000,
                   std::optional<double> speed = std::nullopt) {
  JournalRecord r;
  r.id = "x";
  r.kind = "session";
  r.routine = "night-release";
  r.active_ms = active_ms;
  r.planned_ms = planned_ms;
  r.speed = speed;
  return r;
}

}  // namespace

TEST_CASE("practice::previews, slower runs and old records") {
  CHECK(is_preview(30));
  CHECK(is_preview(1.01));
  CHECK_FALSE(is_preview(1));
  CHECK_FALSE(is_preview(0.5));
  CHECK(record_speed(part(0)) == 1.0);  // a record without `speed` was run at real time
  CHECK(record_speed(part(0, 600000, 0.5)) == 0.5);
}

TEST_CASE("practice::half the planned length, parts added, previews left out") {
  DayPractice day;
  CHECK_FALSE(day.counts());  // nothing done
  day.add(part(0));           // a safety stop at 0:00
  CHECK_FALSE(day.counts());
  day.add(part(600000, 600000, 30.0));  // a whole preview adds nothing
  CHECK(day.done_ms == 0);
  CHECK(day.parts == 1);
  day.add(part(299999));
  CHECK_FALSE(day.counts());
  day.add(part(1));  // 5:00 of 10:00 in all: half
  CHECK(day.counts());
  CHECK(day.done_ms == 300000);
  CHECK(day.real_ms == 300000);

  DayPractice slow;
  slow.add(part(300000, 600000, 0.5));  // half the routine, in 10 minutes
  CHECK(slow.counts());
  CHECK(slow.real_ms == 600000);

  DayPractice odd;  // an odd planned length rounds the half up
  odd.add(part(2, 5));
  CHECK_FALSE(odd.counts());
  odd.add(part(1, 5));
  CHECK(odd.counts());

  DayPractice old;  // no planned_ms: what any record needs, 30 s
  old.add(part(29999, std::nullopt));
  CHECK_FALSE(old.counts());
  old.add(part(1, std::nullopt));
  CHECK(old.counts());

  DayPractice no_time;  // a record without active_ms is no part
  JournalRecord bare = part(0);
  bare.active_ms.reset();
  no_time.add(bare);
  CHECK(no_time.parts == 0);
  CHECK_FALSE(no_time.counts());
}
