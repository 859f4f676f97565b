// The plan followed, read from plan records (its week across pauses and a change of summer
// time), and the text of `backcare today` with the built-in twelve-weeks programme, as exact
// strings at fixed days.
#include "programme/today.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "programmes.hpp"
#include "progress/stats.hpp"

namespace backcare {
namespace {

int s_next_id = 0;

JournalRecord plan_record(const std::string& started, const std::string& action,
                          const std::string& from = "") {
  JournalRecord r;
  r.id = fmt::format("plan-{}", ++s_next_id);
  r.kind = std::string(k_kind_plan);
  r.started = started;
  r.action = action;
  r.programme = "twelve-weeks";
  r.source = "built-in:twelve-weeks";
  r.from = from;
  return r;
}

JournalRecord session(const std::string& started, const std::string& routine) {
  JournalRecord r;
  r.id = fmt::format("session-{}", ++s_next_id);
  r.kind = std::string(k_kind_session);
  r.routine = routine;
  r.started = started;
  r.planned_ms = 600000;
  r.active_ms = 600000;
  r.status = "completed";
  return r;
}

CivilDate day(const char* text) {
  return *parse_date(text);
}

Programme twelve_weeks() {
  const std::vector<ProgrammeFile> files = programme_files();
  const auto found = std::find_if(files.begin(), files.end(),
                                  [](const ProgrammeFile& f) { return f.name == "twelve-weeks"; });
  REQUIRE(found != files.end());
  ProgrammeLoad load = load_programme(found->text, found->source);
  REQUIRE(load.ok());
  return load.programme;
}

std::string today_at(const std::vector<JournalRecord>& records, const char* as_of) {
  const Config config;
  const Programme programme = twelve_weeks();
  const PlanState state = plan_state(records, config.day_starts_at_minutes, day(as_of));
  return today_text(
      compute_today(records, config, state, state.active ? &programme : nullptr, day(as_of)));
}

}  // namespace

TEST_CASE("plan_state::start, pause, resume, stop") {
  const std::vector<JournalRecord> records = {
      plan_record("2026-02-02T20:00:00+00:00", "start", "2026-02-02"),
      plan_record("2026-03-01T20:00:00+00:00", "pause"),
      plan_record("2026-03-11T08:00:00+00:00", "resume"),
      plan_record("2026-04-01T08:00:00+00:00", "stop")};
  const Config config;
  SUBCASE("a start from an earlier day counts its weeks from that day's week") {
    const PlanState state = plan_state(records, 240, day("2026-02-20"));
    CHECK(state.active);
    CHECK(state.from == day("2026-02-02"));
    CHECK(plan_week(state, day("2026-02-20"), config.week_starts) == 3);
  }
  SUBCASE("a pause of 10 days holds the week, and moves the rest back 10 days") {
    const PlanState paused = plan_state(records, 240, day("2026-03-09"));
    CHECK(paused.paused());
    CHECK(paused_days(paused, day("2026-03-09")) == 9);
    CHECK(plan_week(paused, day("2026-03-01"), 0) == 4);
    CHECK(plan_week(paused, day("2026-03-09"), 0) == 4);
    const PlanState resumed = plan_state(records, 240, day("2026-03-20"));
    CHECK_FALSE(resumed.paused());
    CHECK(paused_days(resumed, day("2026-03-20")) == 10);
    // 2026-03-20 is 46 days from Monday 2026-02-02; 36 of them running: week 6, not 7.
    CHECK(plan_week(resumed, day("2026-03-20"), 0) == 6);
  }
  SUBCASE("stopped") {
    const PlanState state = plan_state(records, 240, day("2026-04-02"));
    CHECK_FALSE(state.active);
    CHECK(state.stopped == day("2026-04-01"));
  }
  SUBCASE("records of later days are not there yet") {
    CHECK_FALSE(plan_state(records, 240, day("2026-02-01")).active);
  }
}

TEST_CASE("plan_state::weeks across the change to summer time") {
  // Europe/London moved to +01:00 on Sunday 2026-03-29. A start written at 00:30 summer time on
  // Monday 2026-03-30 is before 04:00: it belongs to Sunday, the last day of week 1.
  const std::vector<JournalRecord> records = {
      plan_record("2026-03-23T21:00:00+00:00", "start", "2026-03-23"),
      plan_record("2026-03-30T00:30:00+01:00", "pause"),
      plan_record("2026-03-30T20:00:00+01:00", "resume")};
  const PlanState state = plan_state(records, 240, day("2026-03-30"));
  CHECK(state.pauses.at(0).from == day("2026-03-29"));
  CHECK(paused_days(state, day("2026-03-30")) == 1);
  CHECK(plan_week(state, day("2026-03-30"), 0) == 1);
  CHECK(plan_week(state, day("2026-03-31"), 0) == 2);
}

TEST_CASE("today::week 1 and week 5 of twelve-weeks ask for different work") {
  std::vector<JournalRecord> records = {
      plan_record("2026-01-05T20:00:00+00:00", "start", "2026-01-05"),
      session("2026-01-05T21:00:00+00:00", "breathe"),
      session("2026-01-07T21:00:00+00:00", "breathe"),
      session("2026-01-08T00:30:00+00:00", "night-release")};  // the evening of the 7th
  CHECK(today_at(records, "2026-01-07") ==
        "twelve-weeks, week 1 of 12: Breathing and noticing\n"
        "Tonight: posture, 0 of 3 this week.\n"
        "This week:\n"
        "  breathe        cycles 30  2 of 5  done today\n"
        "  posture                   0 of 3\n"
        "  night-release             1 of 5  done today\n"
        "Done today: breathe, night-release.\n"
        "Start it: backcare today --start\n");

  records.push_back(session("2026-02-04T21:00:00+00:00", "strength"));
  CHECK(today_at(records, "2026-02-05") ==
        "twelve-weeks, week 5 of 12: First strength\n"
        "Tonight: hinge (2 sets of 8), 0 of 2 this week.\n"
        "This week:\n"
        "  hinge          2 sets of 8  0 of 2\n"
        "  strength       2 sets of 8  1 of 2\n"
        "  night-release               0 of 5\n"
        "Done today: nothing yet.\n"
        "Start it: backcare today --start\n");
}

TEST_CASE("today::paused, finished, and no plan") {
  std::vector<JournalRecord> records = {
      plan_record("2026-01-05T20:00:00+00:00", "start", "2026-01-05"),
      plan_record("2026-01-20T20:00:00+00:00", "pause")};
  CHECK(today_at(records, "2026-01-25") ==
        "twelve-weeks is paused since 2026-01-20: week 3 of 12 waits for you. To go on: backcare "
        "plan resume\n"
        "This week:\n"
        "  breathe        cycles 20    0 of 3\n"
        "  hinge          2 sets of 6  0 of 3\n"
        "  night-release               0 of 5\n"
        "Done today: nothing yet.\n");

  records.push_back(plan_record("2026-01-21T20:00:00+00:00", "resume"));
  CHECK(today_at(records, "2026-04-20") ==
        "twelve-weeks is finished: 12 weeks from 2026-01-05. Your goals now; to go again: "
        "backcare plan start twelve-weeks --replace\n"
        "Tonight: night-release, 0 of 5 this week.\n"
        "This week:\n"
        "  night-release  0 of 5\n"
        "Done today: nothing yet.\n"
        "Start it: backcare today --start\n");

  records.push_back(plan_record("2026-04-21T20:00:00+00:00", "stop"));
  records.push_back(session("2026-04-22T21:00:00+00:00", "night-release"));
  const Config config;
  const PlanState state = plan_state(records, 240, day("2026-04-22"));
  const TodayView view = compute_today(records, config, state, nullptr, day("2026-04-22"));
  CHECK(today_text(view) ==
        "No plan followed: your goals for this week.\n"
        "Nothing more is due today.\n"
        "This week:\n"
        "  night-release  1 of 5  done today\n"
        "Done today: night-release.\n");
  CHECK(today_short(view) == "nothing due | done: night-release");
}

TEST_CASE("today::a safety stop holds the plan on its week until plan resume") {
  std::vector<JournalRecord> records = {
      plan_record("2026-01-05T20:00:00+00:00", "start", "2026-01-05"),
      session("2026-02-04T21:00:00+00:00", "strength")};
  records.back().status = "safety-stop";
  CHECK(today_at(records, "2026-02-18") ==
        "twelve-weeks, week 5 of 12: First strength\n"
        "After the safety stop on 2026-02-04, the plan stays on week 5. Go gently; when you are "
        "ready to go on: backcare plan resume\n"
        "Tonight: hinge (2 sets of 8), 0 of 2 this week.\n"
        "This week:\n"
        "  hinge          2 sets of 8  0 of 2\n"
        "  strength       2 sets of 8  0 of 2\n"
        "  night-release               0 of 5\n"
        "Done today: nothing yet.\n"
        "Start it: backcare today --start\n");
  // Resumed on the 18th: the 14 days held moved the plan back two weeks.
  records.push_back(plan_record("2026-02-18T21:00:00+00:00", "resume"));
  const PlanState state = plan_state(records, 240, day("2026-02-19"));
  CHECK_FALSE(state.paused());
  CHECK(plan_week(state, day("2026-02-19"), 0) == 5);
  CHECK(plan_week(state, day("2026-02-25"), 0) == 6);
  // Pain of 7 at a check-in holds it too.
  JournalRecord pain;
  pain.id = "pain-1";
  pain.kind = std::string(k_kind_checkin);
  pain.started = "2026-02-26T09:00:00+00:00";
  pain.pain = 7;
  records.push_back(pain);
  CHECK(plan_state(records, 240, day("2026-03-10")).held());
  CHECK(plan_week(plan_state(records, 240, day("2026-03-10")), day("2026-03-10"), 0) == 6);
}

TEST_CASE("today::rest days: nothing due, fewer nights asked, the streak goes over them") {
  JournalRecord rest;
  rest.id = "rest-1";
  rest.kind = std::string(k_kind_rest);
  rest.started = "2026-01-13T09:00:00+00:00";
  rest.from = "2026-01-13";
  rest.days = 3;
  rest.reason = "flare";
  const std::vector<JournalRecord> records = {
      plan_record("2026-01-05T20:00:00+00:00", "start", "2026-01-05"),
      session("2026-01-12T21:00:00+00:00", "night-release"), rest,
      session("2026-01-16T21:00:00+00:00", "night-release")};
  CHECK(today_at(records, "2026-01-14") ==
        "twelve-weeks, week 2 of 12: Breathing and noticing\n"
        "Today is a rest day: nothing is due.\n"
        "This week:\n"
        "  breathe        cycles 30  0 of 4\n"
        "  posture                   0 of 3\n"
        "  night-release             1 of 4\n"
        "Done today: nothing yet.\n");
  Config config;
  const Stats stats = compute_stats(records, config, day("2026-01-16"), 1);
  CHECK(stats.day_streak.current == 2);  // the 12th and the 16th, over three rest days
  CHECK(stats.weeks.back().days.at(2).rest);
  CHECK(stats.this_week.at(0).target == 4);
}

}  // namespace backcare
