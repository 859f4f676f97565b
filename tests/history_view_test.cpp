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
  CHECK(table.find("2026-11-30 21:05  evil\\x1b[2J  9:12 of 10:00  quit") != std::string::npos);
  CHECK(table.find("ok\\x07\n") != std::string::npos);
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

}  // namespace backcare
