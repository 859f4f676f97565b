#include "progress/stats.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "base/text.hpp"
#include "progress/report.hpp"
#include "progress/stats_view.hpp"

using namespace backcare;

namespace {

int s_next_id = 0;

JournalRecord session(const std::string& started, std::int64_t active_ms = 600000,
                      const std::string& routine = "night-release",
                      const std::string& status = "completed") {
  JournalRecord r;
  r.id = fmt::format("id-{}", ++s_next_id);
  r.kind = "session";
  r.routine = routine;
  r.started = started;
  r.active_ms = active_ms;
  r.status = status;
  return r;
}

JournalRecord checkin(const std::string& started, std::optional<int> pain,
                      std::vector<std::string> symptoms = {}) {
  JournalRecord r;
  r.id = fmt::format("id-{}", ++s_next_id);
  r.kind = "checkin";
  r.started = started;
  r.pain = pain;
  r.symptoms = std::move(symptoms);
  return r;
}

CivilDate date(const char* text) {
  return *parse_date(text);
}

// The days of the week holding `as_of` that count a practice, as "YYYY-MM-DD" joined by spaces.
std::string practised_days(const Stats& stats) {
  std::string out;
  for (const WeekStats& week : stats.weeks) {
    for (const DayStats& day : week.days) {
      if (day.practised) {
        out += (out.empty() ? "" : " ") + format_date(day.date);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("stats::parse_date and week_start_of") {
  CHECK(parse_date("2026-11-30") == CivilDate{2026, 11, 30});
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-1-30"));
  CHECK_FALSE(parse_date("2026-11-30T00:00"));
  CHECK_FALSE(parse_date(""));
  CHECK(week_start_of(date("2026-12-01"), 0) == CivilDate{2026, 11, 30});  // Monday
  CHECK(week_start_of(date("2026-12-01"), 6) == CivilDate{2026, 11, 29});  // Sunday
  CHECK(week_start_of(date("2026-11-29"), 0) == CivilDate{2026, 11, 23});
  CHECK(week_start_of(date("2026-11-30"), 0) == CivilDate{2026, 11, 30});
}

TEST_CASE("stats::empty history") {
  const Stats stats = compute_stats({}, Config{}, date("2026-12-01"), 12);
  REQUIRE(stats.weeks.size() == 12);
  CHECK(stats.weeks.front().start == CivilDate{2026, 9, 14});
  CHECK(stats.weeks.back().start == CivilDate{2026, 11, 30});
  REQUIRE(stats.this_week.size() == 1);
  CHECK(stats.this_week[0].routine == "night-release");
  CHECK(stats.this_week[0].nights == 0);
  CHECK(stats.this_week[0].target == 5);
  CHECK(stats.this_week[0].days_left == 6);  // Tuesday to Sunday
  CHECK(stats.this_week[0].reachable);
  CHECK_FALSE(stats.this_week[0].met);
  CHECK(stats.day_streak.current == 0);
  CHECK(stats.day_streak.best == 0);
  CHECK(stats.goal_streaks.at("night-release").best == 0);
  CHECK(stats.practices == 0);
  CHECK(stats.events.empty());
  CHECK(stats.advice.empty());
  CHECK(stats.weeks.back().days[0].future == false);
  CHECK(stats.weeks.back().days[1].future == false);
  CHECK(stats.weeks.back().days[2].future == true);
  CHECK(stats_to_json(stats)["this_week"][0]["days_left"] == 6);
}

TEST_CASE("stats::a session at 00:30 counts for the evening before") {
  const std::vector<JournalRecord> records = {session("2026-12-01T00:30:00+00:00"),
                                              session("2026-12-01T04:00:00+00:00")};
  const Stats monday = compute_stats(records, Config{}, date("2026-11-30"), 1);
  CHECK(practised_days(monday) == "2026-11-30");  // the 04:00 one is after the as-of day
  CHECK(monday.this_week[0].nights == 1);
  CHECK(monday.this_week[0].days_left == 6);  // done today: Tuesday to Sunday left
  const Stats tuesday = compute_stats(records, Config{}, date("2026-12-01"), 1);
  CHECK(practised_days(tuesday) == "2026-11-30 2026-12-01");
  CHECK(tuesday.day_streak.current == 2);
  Config late;
  late.day_starts_at_minutes = 0;  // midnight: no evening-before rule
  CHECK(practised_days(compute_stats(records, late, date("2026-12-01"), 1)) == "2026-12-01");
}

TEST_CASE("stats::Europe/London, the clocks going back on 2026-10-25") {
  const std::vector<JournalRecord> records = {
      session("2026-10-24T21:00:00+01:00"), session("2026-10-25T01:30:00+01:00"),
      session("2026-10-25T01:30:00+00:00"), session("2026-10-25T21:00:00+00:00"),
      session("2026-10-26T03:59:00+00:00"), session("2026-10-26T04:00:00+00:00")};
  const Stats sunday = compute_stats(records, Config{}, date("2026-10-25"), 1);
  CHECK(practised_days(sunday) == "2026-10-24 2026-10-25");
  CHECK(sunday.this_week[0].nights == 2);
  CHECK(sunday.weeks[0].practices == 5);  // the 03:59 one counts for Sunday evening
  CHECK(sunday.weeks[0].active_ms == 5 * 600000);
  CHECK(sunday.this_week[0].days_left == 0);
  CHECK_FALSE(sunday.this_week[0].reachable);
  const Stats monday = compute_stats(records, Config{}, date("2026-10-26"), 2);
  CHECK(monday.weeks[1].start == CivilDate{2026, 10, 26});
  CHECK(monday.weeks[1].practices == 1);
  CHECK(monday.day_streak.current == 3);
}

TEST_CASE("stats::America/New_York, 2026-03-08 and 2026-11-01") {
  const std::vector<JournalRecord> records = {
      session("2026-03-07T23:30:00-05:00"), session("2026-03-08T03:30:00-04:00"),
      session("2026-03-08T21:00:00-04:00"), session("2026-10-31T22:00:00-04:00"),
      session("2026-11-01T01:30:00-04:00"), session("2026-11-01T01:30:00-05:00"),
      session("2026-11-01T20:00:00-05:00")};
  const Stats march = compute_stats(records, Config{}, date("2026-03-08"), 1);
  CHECK(practised_days(march) == "2026-03-07 2026-03-08");
  CHECK(march.weeks[0].practices == 3);
  const Stats november = compute_stats(records, Config{}, date("2026-11-01"), 1);
  CHECK(practised_days(november) == "2026-10-31 2026-11-01");
  CHECK(november.weeks[0].practices == 4);
  CHECK(november.weeks[0].active_ms_by_routine.at("night-release") == 4 * 600000);
}

TEST_CASE("stats::Asia/Kolkata and Pacific/Chatham offsets") {
  const std::vector<JournalRecord> kolkata = {session("2026-11-30T03:59:00+05:30"),
                                              session("2026-11-30T04:00:00+05:30")};
  CHECK(practised_days(compute_stats(kolkata, Config{}, date("2026-11-30"), 2)) ==
        "2026-11-29 2026-11-30");
  // Chatham: +13:45 in summer, +12:45 from 2026-04-05 03:45 (back to 02:45).
  const std::vector<JournalRecord> chatham = {session("2026-04-05T02:30:00+13:45"),
                                              session("2026-04-05T03:00:00+12:45"),
                                              session("2026-04-05T04:15:00+12:45")};
  const Stats stats = compute_stats(chatham, Config{}, date("2026-04-05"), 1);
  CHECK(practised_days(stats) == "2026-04-04 2026-04-05");
  CHECK(stats.weeks[0].practices == 3);
}

TEST_CASE("stats::a week holding a trip (+00:00, then -05:00, then home)") {
  const std::vector<JournalRecord> records = {
      session("2026-11-16T21:00:00+00:00"), session("2026-11-17T21:00:00+00:00"),
      session("2026-11-18T21:00:00-05:00"), session("2026-11-19T02:00:00-05:00"),
      session("2026-11-19T22:00:00-05:00"), session("2026-11-21T07:00:00+00:00")};
  const Stats stats = compute_stats(records, Config{}, date("2026-11-22"), 1);
  CHECK(practised_days(stats) == "2026-11-16 2026-11-17 2026-11-18 2026-11-19 2026-11-21");
  CHECK(stats.this_week[0].nights == 5);
  CHECK(stats.this_week[0].met);
  CHECK(stats.weeks[0].practices == 6);
  CHECK(whole_minutes(stats.active_ms) == 60);
  CHECK(stats.goal_streaks.at("night-release").current == 1);
}

TEST_CASE("stats::a resumed practice counts once, on the day of its first part") {
  JournalRecord first =
      session("2026-11-30T21:00:00+00:00", 300000, "night-release", "interrupted");
  JournalRecord second = session("2026-12-01T21:00:00+00:00", 240000);
  second.resumes = first.id;
  JournalRecord third = session("2026-12-02T21:00:00+00:00", 60000);
  third.resumes = second.id;
  JournalRecord forgotten = session("2026-12-02T22:00:00+00:00", 60000, "breathe");
  JournalRecord forget;
  forget.id = "f";
  forget.kind = "forget";
  forget.forgets = forgotten.id;
  JournalRecord no_time = session("2026-12-02T21:30:00+00:00");
  no_time.active_ms.reset();
  JournalRecord bad_time = session("yesterday");
  const Stats stats = compute_stats({first, second, third, forgotten, forget, no_time, bad_time},
                                    Config{}, date("2026-12-02"), 1);
  CHECK(practised_days(stats) == "2026-11-30");
  CHECK(stats.practices == 1);
  CHECK(stats.active_ms == 600000);
  CHECK(stats.active_ms_by_routine.size() == 1);
  CHECK(stats.this_week[0].nights == 1);
}

TEST_CASE("stats::streaks of weeks and days") {
  std::vector<JournalRecord> records;
  // Weeks from Monday 2026-10-05: 5, 5, 6, 2, 5, 7 nights; then this week (11-16) 1 so far.
  const int nights[] = {5, 5, 6, 2, 5, 7};
  std::int64_t monday = days_from_civil(date("2026-10-05"));
  for (const int count : nights) {
    for (int d = 0; d < count; ++d) {
      records.push_back(session(format_date(civil_from_days(monday + d)) + "T21:00:00+01:00"));
    }
    monday += 7;
  }
  records.push_back(session("2026-11-16T21:00:00+00:00"));
  const Stats stats = compute_stats(records, Config{}, date("2026-11-17"), 12);
  const Streak goal = stats.goal_streaks.at("night-release");
  CHECK(goal.current == 2);  // this week is still reachable: it does not break the run
  CHECK(goal.best == 3);
  CHECK(stats.this_week[0].nights == 1);
  CHECK(stats.this_week[0].days_left == 6);
  CHECK(stats.this_week[0].reachable);
  CHECK(stats.day_streak.best == 7 + 1);  // the 7-night week and this Monday
  CHECK(stats.day_streak.current == 8);   // today (Tuesday) not done yet: counts to Monday
  CHECK(stats.weeks[11].goals.at("night-release").nights == 1);
  CHECK(stats.weeks[10].goals.at("night-release").met);
  CHECK_FALSE(stats.weeks[8].goals.at("night-release").met);
  // Out of reach this week: the run is over.
  const Stats sunday = compute_stats(records, Config{}, date("2026-11-22"), 12);
  CHECK_FALSE(sunday.this_week[0].reachable);
  CHECK(sunday.goal_streaks.at("night-release").current == 0);
  CHECK(sunday.day_streak.current == 0);
  // Other goals and another first day of the week.
  Config config;
  config.goals = {{"breathe", Goal{3, 7}}, {"night-release", Goal{0, 7}}};
  config.week_starts = 6;
  const Stats other = compute_stats(records, config, date("2026-11-17"), 4);
  REQUIRE(other.this_week.size() == 1);
  CHECK(other.this_week[0].routine == "breathe");
  CHECK(other.weeks.back().start == CivilDate{2026, 11, 15});
}

TEST_CASE("stats::pain means, symptoms and the reasons to see a physiotherapist") {
  JournalRecord answered = session("2026-11-24T21:00:00+00:00");
  answered.pain = 6;
  answered.symptoms = {"heaviness"};
  JournalRecord stopped =
      session("2026-11-26T21:00:00+00:00", 120000, "night-release", "safety-stop");
  stopped.pain = 7;
  const std::vector<JournalRecord> records = {
      checkin("2026-11-17T08:00:00+00:00", 2, {"leaking"}),
      checkin("2026-11-18T08:00:00+00:00", 3),
      checkin("2026-11-23T08:00:00+00:00", 4, {"leaking", "doming"}),
      answered,
      stopped,
      checkin("2026-11-30T08:00:00+00:00", 5),
      checkin("2026-12-05T08:00:00+00:00", 9, {"dizziness"}),  // after the as-of day
  };
  const Stats stats = compute_stats(records, Config{}, date("2026-12-01"), 3);
  REQUIRE(stats.weeks.size() == 3);
  CHECK(stats.weeks[0].pain_mean == doctest::Approx(2.5));
  CHECK(stats.weeks[0].pain_count == 2);
  CHECK(stats.weeks[1].pain_mean == doctest::Approx(17.0 / 3.0));
  CHECK(stats.weeks[2].pain_mean == doctest::Approx(5.0));
  CHECK(stats.symptom_counts ==
        std::map<std::string, int>{{"doming", 1}, {"heaviness", 1}, {"leaking", 2}});
  CHECK(stats.safety_stops == 1);
  REQUIRE(stats.events.size() == 5);
  CHECK(stats.events[3].what == "heaviness");
  CHECK(stats.events[3].routine == "night-release");
  CHECK(stats.events[4].what == "safety stop");
  CHECK(format_date(stats.events[4].date) == "2026-11-26");
  CHECK(stats.events[4].pain == 7);
  CHECK(stats.weeks[1].days[3].safety_stop);
  CHECK(stats.weeks[1].days[3].practised);
  REQUIRE(stats.advice.size() == 2);
  CHECK(stats.advice[0].reason == "leaking noted on 2 days within 14 (2026-11-17, 2026-11-23)");
  CHECK(stats.advice[1].reason ==
        "weekly pain mean of 5 or more for 2 weeks running (weeks of 2026-11-23 and "
        "2026-11-30)");
  // 14 days apart is not within 14.
  const Stats apart = compute_stats({checkin("2026-11-16T08:00:00+00:00", 1, {"leaking"}),
                                     checkin("2026-11-30T08:00:00+00:00", 1, {"leaking"})},
                                    Config{}, date("2026-12-01"), 3);
  CHECK(apart.advice.empty());
  const Json json = stats_to_json(stats);
  CHECK(json["weeks"][2]["pain_mean"] == 5.0);
  CHECK(json["symptoms"]["leaking"] == 2);
  CHECK(json["see_physiotherapist"].size() == 2);
}

TEST_CASE("stats::ten years of records") {
  std::vector<JournalRecord> records;
  const std::int64_t first = days_from_civil(date("2016-12-05"));  // a Monday
  for (std::int64_t day = first; day < first + 3654; ++day) {
    if (weekday(civil_from_days(day)) != 2) {  // every night but Wednesdays
      records.push_back(session(format_date(civil_from_days(day)) + "T21:00:00+00:00"));
    }
    if (day % 10 == 0) {
      records.push_back(checkin(format_date(civil_from_days(day)) + "T08:00:00+00:00", 3));
    }
  }
  const Stats stats = compute_stats(records, Config{}, civil_from_days(first + 3653), 520);
  CHECK(stats.weeks.size() == 520);
  CHECK(stats.as_of == CivilDate{2026, 12, 6});  // a Sunday: 522 whole weeks of 6 nights
  CHECK(stats.goal_streaks.at("night-release").best == 522);
  CHECK(stats.goal_streaks.at("night-release").current == 522);
  CHECK(stats.day_streak.best == 6);     // Thursday to Tuesday
  CHECK(stats.day_streak.current == 4);  // Thursday to Sunday
  CHECK(stats.practices == 520 * 6);
  CHECK(whole_minutes(stats.active_ms) == 520 * 6 * 10);
  CHECK(stats.weeks.back().pain_mean == doctest::Approx(3.0));
}

TEST_CASE("stats_view::sparkline") {
  CHECK(sparkline({0.0, 5.0, 10.0, std::nullopt, 2.5}, 10, true) == "▁▅█·▃");
  CHECK(sparkline({0.0, 5.0, 10.0, std::nullopt, 2.5}, 10, false) == "_*#.=");
  CHECK(sparkline({}, 10, true).empty());
  CHECK(sparkline({3.0}, 0, true) == "▁");
}

TEST_CASE("stats_view::the chart at 40 columns") {
  JournalRecord stop = session("2026-11-26T21:00:00+00:00", 60000, "night-release", "safety-stop");
  const std::vector<JournalRecord> records = {session("2026-11-16T21:00:00+00:00"),
                                              session("2026-11-17T21:00:00+00:00"),
                                              session("2026-11-18T21:00:00+00:00"),
                                              session("2026-11-19T21:00:00+00:00"),
                                              session("2026-11-21T21:00:00+00:00"),
                                              session("2026-11-23T21:00:00+00:00"),
                                              stop,
                                              session("2026-11-30T21:00:00+00:00")};
  const Stats stats = compute_stats(records, Config{}, date("2026-12-01"), 4);
  const std::vector<std::string> goals = {"night-release"};
  CHECK(join_lines(consistency_chart(stats, goals, {40, true, false}), 40, false) ==
        "Last 4 weeks, from 2026-11-09\n"
        "Mon  · █ █ █\n"
        "Tue  · █ · ·\n"
        "Wed  · █ ·  \n"
        "Thu  · █ ▲  \n"
        "Fri  · · ·  \n"
        "Sat  · █ ·  \n"
        "Sun  · · ·  \n"
        "goal · ✓ · ·\n"
        "█ practised ▲ safety stop · none\n"
        "✓ goal: weeks with 5 nights of\n"
        "  night-release");
  CHECK(join_lines(consistency_chart(stats, goals, {40, false, false}), 40, false)
            .find("Thu  . # !  \n") != std::string::npos);
  // Colour: practised days green, safety stops bold red.
  const std::string coloured =
      join_lines(consistency_chart(stats, goals, {40, true, true}), 40, true);
  CHECK(coloured.find("\x1b[32m█\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;31m▲\x1b[0m") != std::string::npos);
  // 30 weeks do not fit in 2 columns each: one column a week, the latest 30... then 35 of them.
  const Stats many = compute_stats(records, Config{}, date("2026-12-01"), 30);
  const auto lines = consistency_chart(many, goals, {40, true, false});
  CHECK(styled_text(lines[1], false) == "Mon  ···························███");
  const Stats lots = compute_stats(records, Config{}, date("2026-12-01"), 52);
  const auto cut = consistency_chart(lots, goals, {40, true, false});
  CHECK(line_width(cut[1]) == 40);
  CHECK(styled_text(cut[0], false) == "Last 35 weeks, from 2026-04-06");
  // Every line of the whole text fits.
  const std::string text = stats_text(lots, {40, true, false});
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    CHECK(display_width(text.substr(start, end - start)) <= 40);
    start = end + 1;
  }
}

TEST_CASE("report::self-contained, escaped, with the figures") {
  JournalRecord hostile = session("2026-11-30T21:00:00+00:00", 600000, "<script>x</script>");
  hostile.symptoms = {"leaking"};
  hostile.pain = 3;
  const Stats stats = compute_stats({hostile, checkin("2026-11-24T08:00:00+00:00", 5)}, Config{},
                                    date("2026-12-01"), 12);
  const std::string html = report_html(stats, {"Ana & \"Bo\" <b>"});
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("For <strong>Ana &amp; &quot;Bo&quot; &lt;b&gt;</strong>") != std::string::npos);
  CHECK(html.find("@page { margin: 9mm; }") != std::string::npos);  // the printer's paper
  CHECK(html.find("<title>Nights of night-release per week; goal: 5 nights</title>") !=
        std::string::npos);
  CHECK(html.find("aria-label=\"Pain, 0 to 10: the weekly mean (line), each score after a "
                  "session (filled dot) and at a check-in (open dot)\"") != std::string::npos);
  CHECK(html.find("week of 2026-11-23: 5.0; week of 2026-11-30: 3.0") != std::string::npos);
  CHECK(html.find("not medical advice") != std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // The only address is the SVG namespace.
  std::size_t at = 0;
  int addresses = 0;
  while ((at = html.find("http", at)) != std::string::npos) {
    CHECK(html.compare(at, 26, "http://www.w3.org/2000/svg") == 0);
    ++addresses;
    ++at;
  }
  CHECK(addresses == 3);  // the goal's chart, the other routine's chart, pain
  CHECK(report_html(stats, {}).find("For <strong>") == std::string::npos);
  CHECK(html_escape("a\nb'c") == "a b&#39;c");
}

namespace {

// A record from its journal line, as the history holds it (so these tests also read on a
// backcare that does not know `speed`: it keeps the member and ignores it).
JournalRecord line(const std::string& text) {
  const RecordParse parsed = parse_record(text);
  REQUIRE(parsed.record);
  return *parsed.record;
}

}  // namespace

TEST_CASE("stats::a preview counts for nothing; a slower run counts in the time it took") {
  const std::vector<JournalRecord> records = {
      line(R"({"v":1,"id":"p","kind":"session","routine":"night-release","started":)"
           R"("2026-11-30T21:00:00+00:00","planned_ms":300000,"active_ms":300000,"speed":30,)"
           R"("status":"completed"})"),
      line(R"({"v":1,"id":"s","kind":"session","routine":"night-release","started":)"
           R"("2026-12-01T21:00:00+00:00","planned_ms":300000,"active_ms":300000,"speed":0.5,)"
           R"("status":"completed"})")};
  const Stats stats = compute_stats(records, Config{}, date("2026-12-01"), 1);
  CHECK(practised_days(stats) == "2026-12-01");
  CHECK(stats.practices == 1);
  CHECK(whole_minutes(stats.active_ms) == 10);  // 5:00 of routine at half speed
  CHECK(stats.this_week[0].nights == 1);
  CHECK(stats.day_streak.current == 1);
  const Stats monday = compute_stats(records, Config{}, date("2026-11-30"), 1);
  CHECK(practised_days(monday).empty());
  CHECK(monday.practices == 0);
  CHECK(monday.active_ms == 0);
  CHECK(monday.day_streak.best == 0);
  CHECK(stats_to_json(monday)["minutes_by_routine"].dump() == "{}");
}

TEST_CASE("stats::a safety stop at 0:00 is no night; half the planned length is") {
  std::vector<JournalRecord> records;
  // Monday to Friday: a safety stop at once, each evening.
  for (int day = 16; day <= 20; ++day) {
    records.push_back(line(
        fmt::format(R"({{"v":1,"id":"stop{}","kind":"session","routine":"night-release","started":)"
                    R"("2026-11-{}T21:00:00+00:00","planned_ms":600000,"active_ms":0,)"
                    R"("status":"safety-stop"}})",
                    day, day)));
  }
  // Monday 23: 4:59 of 10:00, not half. Tuesday 24: 3:00 and 2:00 in two sessions. Wednesday
  // 25: 2:00, resumed on Thursday with 3:00 (the practice counts on Wednesday).
  const auto part = [](const char* id, const char* started, int active_ms, const char* resumes) {
    return line(fmt::format(
        R"({{"v":1,"id":"{}","kind":"session","routine":"night-release","started":"{}",)"
        R"("planned_ms":600000,"active_ms":{},"status":"quit"{}}})",
        id, started, active_ms,
        *resumes ? fmt::format(R"(,"resumes":"{}")", resumes) : std::string()));
  };
  records.push_back(part("m", "2026-11-23T21:00:00+00:00", 299000, ""));
  records.push_back(part("t1", "2026-11-24T20:00:00+00:00", 180000, ""));
  records.push_back(part("t2", "2026-11-24T21:00:00+00:00", 120000, ""));
  records.push_back(part("w", "2026-11-25T21:00:00+00:00", 120000, ""));
  records.push_back(part("w2", "2026-11-26T21:00:00+00:00", 180000, "w"));
  const Stats stats = compute_stats(records, Config{}, date("2026-11-29"), 2);
  CHECK(practised_days(stats) == "2026-11-24 2026-11-25");
  CHECK(stats.weeks[0].goals.at("night-release").nights == 0);
  CHECK_FALSE(stats.weeks[0].goals.at("night-release").met);
  CHECK(stats.weeks[1].goals.at("night-release").nights == 2);
  CHECK(stats.goal_streaks.at("night-release").best == 0);
  CHECK(stats.day_streak.best == 2);
  CHECK(stats.practices == 3);  // t1, t2, and w with its resumed part
  CHECK(whole_minutes(stats.active_ms) == 10);
  CHECK(stats.safety_stops == 5);
  CHECK(stats.weeks[0].days[0].safety_stop);
  CHECK_FALSE(stats.weeks[0].days[0].practised);
  CHECK(join_lines(consistency_chart(stats, {"night-release"}, {40, true, false}), 40, false) ==
        "Last 2 weeks, from 2026-11-16\n"
        "Mon  ▲ ·\n"
        "Tue  ▲ █\n"
        "Wed  ▲ █\n"
        "Thu  ▲ ·\n"
        "Fri  ▲ ·\n"
        "Sat  · ·\n"
        "Sun  · ·\n"
        "goal · ·\n"
        "█ practised ▲ safety stop · none\n"
        "✓ goal: weeks with 5 nights of\n"
        "  night-release");
}

TEST_CASE("report::one chart per goal, other practice apart, no data before the first record") {
  const std::vector<JournalRecord> records = {
      session("2026-11-23T21:00:00+00:00"), session("2026-11-24T21:00:00+00:00"),
      session("2026-11-24T08:00:00+00:00", 300000, "breathe"),
      session("2026-11-25T08:00:00+00:00", 300000, "breathe")};
  const Stats stats = compute_stats(records, Config{}, date("2026-12-01"), 4);
  const std::string html = report_html(stats, {});
  CHECK(html.find("<desc>week of 2026-11-09: no data; week of 2026-11-16: no data; week of "
                  "2026-11-23: 2 nights; week of 2026-11-30: 0 nights</desc>") !=
        std::string::npos);
  CHECK(html.find("<title>Days practised of routines without a goal, per week</title><desc>week "
                  "of 2026-11-09: no data; week of 2026-11-16: no data; week of 2026-11-23: 2 "
                  "days; week of 2026-11-30: 0 days</desc>") != std::string::npos);
  // The goal's label sits in the right margin, past the last bar's slot (x 592 and on).
  CHECK(html.find("<text class=\"goal\" x=\"596\" y=\"29.6\" font-size=\"9\" "
                  "fill=\"#c62828\">goal 5</text>") != std::string::npos);
  CHECK(stats_to_json(stats)["first_record"] == "2026-11-23");
  CHECK(stats_to_json(stats)["weeks"][2]["other_days"] == 2);
  // Without records every week is "no data"; without goals one chart counts every routine.
  Config none;
  none.goals.clear();
  const std::string empty = report_html(compute_stats({}, none, date("2026-12-01"), 2), {});
  CHECK(empty.find("<title>Days practised per week</title><desc>week of 2026-11-23: no data; "
                   "week of 2026-11-30: no data</desc>") != std::string::npos);
}

TEST_CASE("report::what a physiotherapist reads: notes, pain, endings, adherence, steps, ages") {
  std::vector<JournalRecord> records = {checkin("2026-10-06T08:00:00+00:00", 3, {"leaking"}),
                                        checkin("2026-10-10T08:00:00+00:00", {}, {"leaking"})};
  for (const char* day : {"16", "17", "18", "19", "20"}) {
    records.push_back(session(fmt::format("2026-11-{}T21:00:00+00:00", day)));
  }
  JournalRecord answered = session("2026-11-24T21:00:00+00:00");
  answered.pain = 2;
  records.push_back(answered);
  records.push_back(session("2026-11-25T21:00:00+00:00", 200000, "night-release", "quit"));
  JournalRecord stop = session("2026-11-26T21:00:00+00:00", 0, "night-release", "safety-stop");
  stop.stop_step = 3;
  stop.stop_title = "Cat-cow <b>\x1b[2J";
  stop.pain = 7;
  records.push_back(stop);
  JournalRecord preview = session("2026-11-27T20:00:00+00:00");
  preview.speed = 30;
  records.push_back(preview);
  JournalRecord noted = checkin("2026-11-27T08:00:00+00:00", 4);
  noted.note = "after <the> car seat & stairs";
  records.push_back(noted);
  JournalRecord long_note = checkin("2026-11-28T08:00:00+00:00", {});
  long_note.note = std::string(300, 'a');
  records.push_back(long_note);
  Config config;
  config.goals["night-release"] = {5, 7};
  const Stats stats = compute_stats(records, config, date("2026-12-01"), 12);
  const std::string html = report_html(stats, {});
  const auto has = [&](const std::string& text) {
    INFO(text);
    CHECK(html.find(text) != std::string::npos);
  };
  has("as of 2026-12-01. First record: 2026-10-06. Days start at 04:00.");
  has("<p>Sessions: 6 completed, 1 stopped early (q or a signal), 1 safety stop "
      "(previews not counted).</p>");
  // Weeks of 2026-10-05 to 2026-11-23 have data; this week is not met yet, so not counted.
  has("<p>Goals met: night-release (5 nights a week) in 1 of 8 weeks (13%).</p>");
  has("<td>night-release, step 3: Cat-cow &lt;b&gt;\\x1b[2J</td><td class=\"n\">7</td>");
  has("Each score: 2026-10-06 3 (check-in), 2026-11-24 2 (after a session), 2026-11-26 7 (after a "
      "session), 2026-11-27 4 (check-in)");
  has("<h2>Check-in notes</h2>");
  has("<tr><td>2026-11-27</td><td>after &lt;the&gt; car seat &amp; stairs</td></tr>");
  has("<tr><td>2026-11-28</td><td>" + std::string(179, 'a') + "…</td></tr>");
  has("<p class=\"advice old\">leaking noted on 2 days within 14 (2026-10-06, 2026-10-10), "
      "7 weeks ago.</p>");
  CHECK(stats_to_json(stats)["events"][2] ==
        Json::parse(R"({"date":"2026-11-26","what":"safety stop","routine":"night-release",)"
                    R"("pain":7,"step":3,"step_title":"Cat-cow <b>\u001b[2J"})"));
}

TEST_CASE("report::a recent warning is bold and says how recent") {
  const Stats stats = compute_stats({checkin("2026-11-25T08:00:00+00:00", {}, {"doming"}),
                                     checkin("2026-11-30T08:00:00+00:00", {}, {"doming"})},
                                    Config{}, date("2026-12-01"), 4);
  CHECK(report_html(stats, {}).find("<p class=\"advice\">doming noted on 2 days within 14 "
                                    "(2026-11-25, 2026-11-30), yesterday.</p>") !=
        std::string::npos);
  CHECK(report_html(stats, {}).find("Check-in notes") == std::string::npos);  // none, no heading
}

TEST_CASE("stats_view::a default goal is never out of reach; it says how to change it") {
  // The first day is a Friday (2026-12-04): 1 of 5 with 2 days left cannot be met.
  const std::vector<JournalRecord> records = {session("2026-12-04T21:00:00+00:00")};
  const Stats first_day = compute_stats(records, Config{}, date("2026-12-04"), 1);
  REQUIRE(first_day.this_week.size() == 1);
  CHECK(first_day.this_week[0].is_default);
  CHECK_FALSE(first_day.this_week[0].reachable);
  const std::string text = stats_text(first_day, {80, false, false});
  CHECK(text.rfind(
            "This week (2026-11-30 to 2026-12-06)\n"
            "  night-release 1 of 5 this week, 2 days left\n"
            "    a default goal, not one you set: choose your own with \"goals\" in the config\n"
            "    file (backcare config path)\n\n",
            0) == 0);
  // A goal from the config file that cannot be met any more says so.
  Config chosen;
  chosen.goals_set = true;
  const Stats set = compute_stats(records, chosen, date("2026-12-04"), 1);
  CHECK_FALSE(set.this_week[0].is_default);
  CHECK(stats_text(set, {80, false, false})
            .rfind("This week (2026-11-30 to 2026-12-06)\n"
                   "  night-release 1 of 5 this week, 2 days left, out of reach this week\n\n",
                   0) == 0);
  CHECK(stats_to_json(first_day)["this_week"][0]["default"] == true);
  // A config file that names goals sets them; one without keeps the default.
  CHECK(parse_config(R"({"goals": {"night-release": {"nights": 5}}})", "c").config.goals_set);
  CHECK_FALSE(parse_config(R"({"week_starts": "sunday"})", "c").config.goals_set);
}
