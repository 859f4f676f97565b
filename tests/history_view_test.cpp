#include "journal/history_view.hpp"

#include <doctest/doctest.h>

#include "journal/advice.hpp"
#include "journal/resumable.hpp"

namespace backcare {

TEST_CASE("history_view::csv_cell quotes as RFC 4180 says") {
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("plain text") == "plain text");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("history_view::csv_cell neutralises formulas") {
  CHECK(csv_cell("=1+1") == "\"'=1+1\"");
  CHECK(csv_cell("+1 good day") == "\"'+1 good day\"");
  CHECK(csv_cell("-2") == "\"'-2\"");
  CHECK(csv_cell("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(csv_cell("\tx") == "\"'\tx\"");
  CHECK(csv_cell("\rx") == "\"'\rx\"");
  CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_cell("a=b") == "a=b");  // only the first character counts
}

TEST_CASE("history_view::csv_cell quotes a ';' and neutralises what follows one") {
  CHECK(csv_cell("pain;doming") == "\"pain;doming\"");
  CHECK(csv_cell("a;=cmd()") == "\"'a;=cmd()\"");
  CHECK(csv_cell("a; -2") == "\"a; -2\"");  // a space first: no formula
  CHECK(csv_cell("a;@x") == "\"'a;@x\"");
}

TEST_CASE("history_view::parse_date") {
  CHECK(parse_date("2026-11-30") == CivilDate{2026, 11, 30});
  CHECK(parse_date("2028-02-29") == CivilDate{2028, 2, 29});
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("0000-12-31"));  // years 1 to 9999 only
  CHECK(parse_date("0001-01-01") == CivilDate{1, 1, 1});
  CHECK(parse_date("9999-12-31") == CivilDate{9999, 12, 31});
  CHECK_FALSE(parse_date("2026-1-05"));
  CHECK_FALSE(parse_date("2026-11-30T00:00:00Z"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("history_view::the table sanitizes notes and names") {
  JournalRecord record;
  record.id = "20261130T210512-3f9a1c2b";
  record.kind = "session";
  record.routine = "evil\x1b[2J";
  record.started = "2026-11-30T21:05:12+05:30";
  record.planned_ms = 600000;
  record.active_ms = 552000;
  record.status = "quit";
  record.note = "ok\x07";
  const std::string table = history_table({record});
  CHECK(table.find('\x1b') == std::string::npos);
  CHECK(table.find('\x07') == std::string::npos);
  CHECK(table.find("3f9a1c2b  2026-11-30 21:05  evil\\x1b[2J  9:12/10:00  quit") !=
        std::string::npos);
  CHECK(table.find("note: ok\\x07\n") != std::string::npos);
  CHECK(history_table({}) == "No sessions or check-ins to show.\n");
}

TEST_CASE("resumable::the latest session stopped early within a day") {
  auto session = [](std::string id, std::string status, std::string ended, std::int64_t done) {
    JournalRecord r;
    r.id = std::move(id);
    r.kind = "session";
    r.routine = "night-release";
    r.status = std::move(status);
    r.ended = std::move(ended);
    r.steps_done = done;
    r.steps_total = 10;
    return r;
  };
  const std::int64_t now = to_unix_seconds(*parse_instant("2026-11-25T20:45:00+00:00"));
  std::vector<JournalRecord> records = {
      session("a", "quit", "2026-11-24T21:04:30+00:00", 4),
      session("b", "safety-stop", "2026-11-25T08:00:00+00:00", 2),
      session("c", "completed", "2026-11-25T09:00:00+00:00", 10),
  };
  auto found = resumable_sessions(records, now);
  REQUIRE(found.size() == 1);
  CHECK(found[0].record.id == "a");
  CHECK(found[0].from_step == 5);
  CHECK(resumable_sessions(records, now + 3600).empty());  // more than 24 h ago
  records.push_back(session("d", "interrupted", "2026-11-25T08:30:00+01:00", 0));
  found = resumable_sessions(records, now);
  REQUIRE(found.size() == 2);
  CHECK(found[0].record.id == "d");
  CHECK(found[0].from_step == 1);
  JournalRecord continuation = session("e", "completed", "2026-11-25T20:40:00+00:00", 10);
  continuation.resumes = "d";
  records.push_back(continuation);
  found = resumable_sessions(records, now);
  REQUIRE(found.size() == 1);
  CHECK(found[0].record.id == "a");
  CHECK_FALSE(found[0].from_ms);  // ten steps: from the start of step 5
}

TEST_CASE("history_view::resumable_sessions: a one-step routine goes on from where it stopped") {
  const auto breathe = [](std::string id, std::string status, std::int64_t active_ms) {
    JournalRecord r;
    r.id = std::move(id);
    r.kind = "session";
    r.status = std::move(status);
    r.ended = "2026-11-25T20:00:00+00:00";
    r.steps_done = 0;
    r.steps_total = 1;
    r.active_ms = active_ms;
    return r;
  };
  const std::int64_t now = to_unix_seconds(*parse_instant("2026-11-25T20:45:00+00:00"));
  std::vector<JournalRecord> records = {breathe("a", "quit", 130000)};
  auto found = resumable_sessions(records, now);
  REQUIRE(found.size() == 1);
  CHECK(found[0].from_step == 1);
  CHECK(found[0].from_ms == 130000);
  // A second part stopped again: the offset is both parts' practice.
  JournalRecord second = breathe("b", "interrupted", 40000);
  second.resumes = "a";
  records.push_back(second);
  found = resumable_sessions(records, now);
  REQUIRE(found.size() == 1);
  CHECK(found[0].record.id == "b");
  CHECK(found[0].from_ms == 170000);
}

namespace {

JournalRecord session_of(std::string id, std::string routine, std::string status) {
  JournalRecord record;
  record.id = std::move(id);
  record.kind = "session";
  record.routine = std::move(routine);
  record.started = "2026-11-30T21:05:12+00:00";
  record.planned_ms = 600000;
  record.active_ms = 598000;
  record.status = std::move(status);
  return record;
}

}  // namespace

TEST_CASE("history_view::the table fits 80 columns, details under the row") {
  JournalRecord first = session_of("20261130T210512-3f9a1c2b", "night-release", "completed");
  first.pain = 2;
  first.symptoms = {"heaviness", "leaking"};
  first.note =
      "better than yesterday, and the baby slept through the whole routine for once, which "
      "helped a lot";
  JournalRecord second =
      session_of("20261201T210000-77aa0c19", "night-release", "completed-skipping");
  second.resumes = "20261130T210512-3f9a1c2b";
  JournalRecord checkin;
  checkin.id = "hand-written-record-with-a-long-id";
  checkin.kind = "checkin";
  checkin.started = "2026-12-02T08:30:00+00:00";
  checkin.pain = 4;
  const std::string table = history_table({first, second, checkin});
  CHECK(table ==
        "ID        When              Routine        Done        Status              Pain\n"
        "3f9a1c2b  2026-11-30 21:05  night-release  9:58/10:00  completed           2\n"
        "          symptoms: heaviness, leaking; note: better than yesterday, and the\n"
        "          baby slept through the whole routine for once, which helped a lot\n"
        "77aa0c19  2026-11-30 21:05  night-release  9:58/10:00  completed-skipping  -\n"
        "          continues 3f9a1c2b\n"
        "-         2026-12-02 08:30  -              -           check-in            4\n"
        "          id: hand-written-record-with-a-long-id\n");
}

TEST_CASE("history_view::a long routine name gives way so a row stays in 80 columns") {
  JournalRecord record = session_of(
      "20261130T210512-3f9a1c2b", "a-very-long-routine-name-of-forty-chars", "completed-skipping");
  record.planned_ms = 5400000;
  record.active_ms = 3723000;
  const std::string table = history_table({record});
  CHECK(table ==
        "ID        When              Routine    Done             Status              Pain\n"
        "3f9a1c2b  2026-11-30 21:05  a-very-l…  1:02:03/1:30:00  completed-skipping  -\n");
}

TEST_CASE("history_view::shown_id and ids_for: the id as shown names the record") {
  CHECK(shown_id("20261130T210512-3f9a1c2b") == "3f9a1c2b");
  CHECK(shown_id("x-1") == "x-1");
  CHECK(shown_id("20261130X210512-3f9a1c2b") == "20261130X210512-3f9a1c2b");
  const std::vector<JournalRecord> records = {
      session_of("20261130T210512-3f9a1c2b", "a", "completed"),
      session_of("20261201T210512-3f9a1c2b", "a", "completed"),
      session_of("20261202T210512-0000beef", "a", "completed")};
  CHECK(ids_for(records, "0000beef") == std::vector<std::string>{"20261202T210512-0000beef"});
  CHECK(ids_for(records, "20261130T210512-3f9a1c2b") ==
        std::vector<std::string>{"20261130T210512-3f9a1c2b"});
  CHECK(ids_for(records, "3f9a1c2b").size() == 2);
  CHECK(ids_for(records, "beef").empty());
}

}  // namespace backcare
