#include "progress/home_view.hpp"

#include <doctest/doctest.h>

#include "base/text.hpp"

namespace backcare {
namespace {

JournalRecord night(const std::string& started, const std::string& routine = "night-release") {
  JournalRecord record;
  record.id = "id-" + started;
  record.kind = "session";
  record.routine = routine;
  record.started = started;
  record.planned_ms = 600000;
  record.active_ms = 600000;
  record.status = "completed";
  return record;
}

const std::vector<HomeRoutine> k_routines = {
    {"breathe", "360° breathing", 300000},
    {"night-release", "Night-time back release", 600000},
    {"broken", "", std::nullopt},
};

const std::string k_commands =
    "Commands\n"
    "  backcare NAME              run a routine by its name: backcare breathe\n"
    "  backcare run NAME|FILE     run any routine, a file, or - for standard input\n"
    "  backcare resume            carry on the last session stopped early\n"
    "  backcare checkin           note pain or symptoms without a session\n"
    "  backcare history           sessions and check-ins; --forget ID deletes one\n"
    "  backcare stats             this week, streaks, a 12-week chart, pain trend\n"
    "  backcare report            a one-page HTML report to show a physiotherapist\n"
    "  backcare show NAME|FILE    describe a routine step by step\n"
    "  backcare list              every routine and where it comes from\n"
    "  backcare validate FILE...  check routine files\n"
    "  backcare new NAME          start a routine of your own\n"
    "  backcare config            your settings and goals: backcare config path\n"
    "\n"
    "Every option: backcare --help. One command: backcare COMMAND --help.\n";

}  // namespace

TEST_CASE("home_view::routines, this week and every command in 80 columns") {
  const std::vector<JournalRecord> records = {
      night("2026-11-30T21:00:00+00:00"), night("2026-12-01T21:00:00+00:00"),
      night("2026-12-02T21:00:00+00:00"), night("2026-12-02T08:00:00+00:00", "breathe")};
  HomeInput input;
  input.routines = k_routines;
  input.week = compute_stats(records, Config{}, *parse_date("2026-12-03"), 1);
  const std::string text = home_text(input);
  CHECK(text ==
        "backcare — a routine timer for postpartum back care\n"
        "\n"
        "Routines\n"
        "  breathe         5:00  360° breathing\n"
        "  night-release  10:00  Night-time back release\n"
        "  broken             -  not valid (backcare validate says why)\n"
        "\n"
        "This week (2026-11-30 to 2026-12-06)\n"
        "  night-release 3 of 5 this week, 4 days left\n"
        "  4 practices this week, 40 min\n"
        "\n" +
            k_commands);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    CHECK(display_width(text.substr(start, end - start)) <= 80);
    start = end + 1;
  }
  // What the home screen must never leave out (issue 17): the commands that read the journal.
  for (const char* command : {"checkin", "history", "stats", "report", "resume"}) {
    CHECK(text.find(std::string("  backcare ") + command) != std::string::npos);
  }
}

TEST_CASE("home_view::no journal: the routines and commands anyway, and why") {
  HomeInput input;
  input.routines = {{"evil\x1b]0;x\x07", "title\x1b[2J", 60000}};
  input.notes = {"the journal could not be read: backcare history says why"};
  CHECK(home_text(input) ==
        "backcare — a routine timer for postpartum back care\n"
        "\n"
        "Routines\n"
        "  evil\\x1b]0;x\\x07  1:00  title\\x1b[2J\n"
        "\n"
        "This week\n"
        "  the journal could not be read: backcare history says why\n"
        "\n" +
            k_commands);
}

TEST_CASE("home_view::a place for tonight's plan, and many routines cut short") {
  HomeInput input;
  for (int i = 0; i < 14; ++i) {
    input.routines.push_back({"r" + std::to_string(i), "a routine", 60000});
  }
  input.week = compute_stats({}, Config{}, *parse_date("2026-12-03"), 1);
  input.tonight = "night-release, then rest tomorrow";
  const std::string text = home_text(input);
  CHECK(text.find("  r11   1:00  a routine\n"
                  "  and 2 more (backcare list)\n") != std::string::npos);
  CHECK(text.find("r12") == std::string::npos);
  CHECK(text.find("This week (2026-11-30 to 2026-12-06)\n"
                  "  night-release 0 of 5 this week, 4 days left\n"
                  "  no practice yet this week\n"
                  "  Tonight: night-release, then rest tomorrow\n\n") != std::string::npos);
}

TEST_CASE("home_view::the end of a session: what was recorded, where the week stands") {
  const std::vector<JournalRecord> records = {
      night("2026-11-30T21:00:00+00:00"), night("2026-12-01T21:00:00+00:00"),
      night("2026-12-02T21:00:00+00:00"), night("2026-12-03T21:00:00+00:00"),
      night("2026-12-03T08:00:00+00:00", "breathe")};
  const Stats stats = compute_stats(records, Config{}, *parse_date("2026-12-03"), 1);
  CHECK(session_week_text(stats, "night-release", "3f9a1c2b", 80) ==
        "Recorded in your journal as 3f9a1c2b (backcare history).\n"
        "night-release 4 of 5 this week, 3 days left\n");
  CHECK(session_week_text(stats, "breathe", "0000beef", 80) ==
        "Recorded in your journal as 0000beef (backcare history).\n"
        "5 practices this week, 50 min\n");
}

}  // namespace backcare
