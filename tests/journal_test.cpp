#include "journal/journal.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

JournalRecord sample_session() {
  JournalRecord r;
  r.id = "20261130T210512-3f9a1c2b";
  r.kind = "session";
  r.routine = "night-release";
  r.title = "Night-time back release";
  r.source = "built-in:night-release";
  r.started = "2026-11-30T21:05:12+00:00";
  r.ended = "2026-11-30T21:15:40+00:00";
  r.tz = "Europe/London";
  r.planned_ms = 600000;
  r.active_ms = 598000;
  r.skipped_ms = 0;
  r.steps_done = 9;
  r.steps_total = 9;
  r.steps_skipped = 0;
  r.status = "completed";
  r.pain = 2;
  r.symptoms = {"heaviness"};
  r.note = "better than yesterday";
  return r;
}

const char* const k_sample_line =
    R"({"v":1,"id":"20261130T210512-3f9a1c2b","kind":"session","routine":"night-release",)"
    R"("title":"Night-time back release","source":"built-in:night-release",)"
    R"("started":"2026-11-30T21:05:12+00:00","ended":"2026-11-30T21:15:40+00:00",)"
    R"("tz":"Europe/London","planned_ms":600000,"active_ms":598000,"skipped_ms":0,)"
    R"("steps_done":9,"steps_total":9,"steps_skipped":0,"status":"completed","pain":2,)"
    R"("symptoms":["heaviness"],"note":"better than yesterday"})"
    "\n";

}  // namespace

TEST_CASE("journal::instant") {
  SUBCASE("parse and format") {
    const auto t = parse_instant("2026-11-30T21:05:12+00:00");
    REQUIRE(t);
    CHECK(t->date == CivilDate{2026, 11, 30});
    CHECK(t->hour == 21);
    CHECK(t->minute == 5);
    CHECK(t->second == 12);
    CHECK(t->offset_minutes == 0);
    CHECK(format_instant(*t) == "2026-11-30T21:05:12+00:00");
  }
  SUBCASE("offsets, Z and fractions") {
    CHECK(format_instant(*parse_instant("2026-06-01T07:30:00-04:00")) ==
          "2026-06-01T07:30:00-04:00");
    CHECK(parse_instant("2026-06-01T07:30:00-04:00")->offset_minutes == -240);
    CHECK(parse_instant("2026-06-01T07:30:00+0530")->offset_minutes == 330);
    CHECK(format_instant(*parse_instant("2026-06-01T07:30:00.123Z")) ==
          "2026-06-01T07:30:00+00:00");
    CHECK(format_instant(*parse_instant("2026-01-01T00:00:00-09:30")) ==
          "2026-01-01T00:00:00-09:30");
  }
  SUBCASE("not instants") {
    for (const char* bad :
         {"", "2026-11-30", "2026-11-30T21:05:12", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
          "2026-11-30T24:00:00Z", "2026-11-30T21:05:12+24:00", "2026-11-30T21:05:12+00:00x",
          "2026-11-30 21:05:12Z", "26-11-30T21:05:12Z", "2026-11-30T21:05:12.Z"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_instant(bad));
    }
    CHECK(parse_instant("2028-02-29T00:00:00Z"));  // a leap year
  }
  SUBCASE("unix seconds") {
    CHECK(to_unix_seconds(*parse_instant("1970-01-01T00:00:00Z")) == 0);
    CHECK(to_unix_seconds(*parse_instant("2026-11-30T21:05:12+00:00")) == 1796072712);
    CHECK(to_unix_seconds(*parse_instant("2026-11-30T22:05:12+01:00")) == 1796072712);
    CHECK(format_instant(from_unix_seconds(1796072712, 330)) == "2026-12-01T02:35:12+05:30");
    CHECK(format_instant(from_unix_seconds(-1, 0)) == "1969-12-31T23:59:59+00:00");
  }
  SUBCASE("calendar") {
    CHECK(weekday({2026, 11, 30}) == 0);  // a Monday
    CHECK(weekday({2026, 12, 6}) == 6);   // a Sunday
    CHECK(weekday({1970, 1, 1}) == 3);    // a Thursday
    CHECK(civil_from_days(days_from_civil({2028, 2, 28}) + 1) == CivilDate{2028, 2, 29});
    CHECK(civil_from_days(days_from_civil({2026, 12, 31}) + 1) == CivilDate{2027, 1, 1});
    CHECK(format_date({2026, 3, 4}) == "2026-03-04");
  }
}

TEST_CASE("journal::local_day") {
  const auto day = [](const char* text, int start) {
    return format_date(local_day(*parse_instant(text), start));
  };
  CHECK(day("2026-11-30T21:05:12+00:00", 240) == "2026-11-30");
  CHECK(day("2026-12-01T00:30:00+00:00", 240) == "2026-11-30");  // after midnight: last evening
  CHECK(day("2026-12-01T03:59:59+00:00", 240) == "2026-11-30");
  CHECK(day("2026-12-01T04:00:00+00:00", 240) == "2026-12-01");
  CHECK(day("2027-01-01T01:00:00-05:00", 240) == "2026-12-31");  // across a year
  CHECK(day("2026-03-01T02:00:00+00:00", 240) == "2026-02-28");
  CHECK(day("2026-12-01T00:30:00+00:00", 0) == "2026-12-01");
  CHECK(day("2026-12-01T04:29:00+00:00", 270) == "2026-11-30");  // "04:30"
}

TEST_CASE("journal::to_json_line") {
  CHECK(to_json_line(sample_session()) == k_sample_line);
  SUBCASE("ASCII only, invalid UTF-8 replaced") {
    JournalRecord r;
    r.id = "a";
    r.kind = "checkin";
    r.note = "caf\xC3\xA9 \xE2\x80\x94 \x1b[2J bad\xFF";
    CHECK(to_json_line(r) ==
          "{\"v\":1,\"id\":\"a\",\"kind\":\"checkin\","
          "\"note\":\"caf\\u00e9 \\u2014 \\u001b[2J bad\\ufffd\"}\n");
  }
  SUBCASE("a forget record") {
    JournalRecord r;
    r.id = "f1";
    r.kind = "forget";
    r.forgets = "20261130T210512-3f9a1c2b";
    CHECK(to_json_line(r) ==
          R"({"v":1,"id":"f1","kind":"forget","forgets":"20261130T210512-3f9a1c2b"})"
          "\n");
  }
  SUBCASE("an unknown member named like a known one does not replace it") {
    JournalRecord r;
    r.id = "a";
    r.kind = "checkin";
    r.extra = Json::parse(R"({"z":1,"id":"b","note2":2})");
    CHECK(to_json_line(r) == R"({"v":1,"id":"a","kind":"checkin","z":1,"note2":2})"
                             "\n");
  }
}

TEST_CASE("journal::parse_history") {
  SUBCASE("round trip") {
    const HistoryParse p = parse_history(k_sample_line);
    CHECK(p.warnings.empty());
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0] == sample_session());
    CHECK(to_json_line(p.records[0]) == k_sample_line);
  }
  SUBCASE("unknown fields and kinds are kept, in order") {
    const std::string line =
        R"({"v":2,"id":"x1","kind":"measurement","gap_cm":2.5,"status":"quit","z":{"a":[1]},"b":null})"
        "\n";
    const HistoryParse p = parse_history(line);
    CHECK(p.warnings.empty());
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0].v == 2);
    CHECK(p.records[0].kind == "measurement");
    CHECK(p.records[0].status == "quit");
    CHECK(
        to_json_line(p.records[0]) ==
        R"({"v":2,"id":"x1","kind":"measurement","status":"quit","gap_cm":2.5,"z":{"a":[1]},"b":null})"
        "\n");
  }
  SUBCASE("a torn or corrupt line is skipped with its line number") {
    const std::string text = std::string(k_sample_line) +
                             "{\"v\":1,\"id\":\"torn\",\"kind\":\"sess\n"  // line 2: torn
                             "\n"                                          // line 3: blank
                             "[1,2]\n"                                     // line 4
                             "{\"v\":1,\"kind\":\"session\"}\n"            // line 5: no id
                             "{\"v\":1,\"id\":\"p\",\"kind\":\"checkin\",\"pain\":11}\n"   // 6
                             "{\"v\":1,\"id\":\"ok\",\"kind\":\"checkin\",\"pain\":0}\n"   // 7
                             "{\"v\":1,\"id\":\"d\",\"id\":\"e\",\"kind\":\"checkin\"}\n"  // 8
                             "{\"v\":1,\"id\":\"t\",\"kind\":\"session\",\"started\":\"today\"}\n"
                             "{\"v\":1,\"id\":\"last\",\"kind\":\"checkin\"}";  // 10: no \n
    const HistoryParse p = parse_history(text);
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[0].id == "20261130T210512-3f9a1c2b");
    CHECK(p.records[1].id == "ok");
    CHECK(p.records[1].pain == 0);
    CHECK(p.records[2].id == "last");
    REQUIRE(p.warnings.size() == 6);
    CHECK(p.warnings[0].format("history.jsonl") ==
          "history.jsonl:2: skipped a damaged line (not JSON: column 32: unterminated string)");
    CHECK(p.warnings[1].format("h") == "h:4: skipped a damaged line (not a JSON object)");
    CHECK(p.warnings[2].format("h") == "h:5: skipped a damaged line (no \"id\")");
    CHECK(p.warnings[3].format("h") ==
          "h:6: skipped a damaged line (\"pain\" is not a whole number from 0 to 10)");
    CHECK(p.warnings[4].line == 8);
    CHECK(p.warnings[5].format("h") ==
          "h:9: skipped a damaged line (\"started\" is not a time like "
          "2026-11-30T21:05:12+00:00)");
  }
  SUBCASE("after ten damaged lines the rest are counted, not named") {
    std::string text;
    for (int i = 0; i < 13; ++i) {
      text += "x\n";
    }
    text += k_sample_line;
    const HistoryParse p = parse_history(text);
    CHECK(p.records.size() == 1);
    REQUIRE(p.warnings.size() == k_max_journal_warnings + 1);
    CHECK(p.warnings[9].format("h") ==
          "h:10: skipped a damaged line (not JSON: column 1: expected a value, found 'x')");
    CHECK(p.warnings[10].format("h") == "h: and 3 more damaged lines skipped");
  }
  SUBCASE("past the warnings, a line shaped like an object is still read") {
    std::string text;
    for (int i = 0; i < 12; ++i) {
      text += "x\n";
    }
    text += " {x} \n\xEF\xBB\xBF \t";  // damaged, then a record after a byte order mark
    text += k_sample_line;
    const HistoryParse p = parse_history(text);
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0] == sample_session());
    REQUIRE(p.warnings.size() == k_max_journal_warnings + 1);
    CHECK(p.warnings[10].format("h") == "h: and 3 more damaged lines skipped");
  }
  SUBCASE("a torn last line") {
    const std::string text = std::string(k_sample_line) + "{\"v\":1,\"id\":\"to";
    const HistoryParse p = parse_history(text);
    CHECK(p.records.size() == 1);
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].line == 2);
    CHECK(p.warnings[0].message.find("the last line is cut short") != std::string::npos);
  }
  SUBCASE("wrong types") {
    for (const char* bad :
         {R"({"v":"1","id":"a","kind":"session"})", R"({"v":0,"id":"a","kind":"session"})",
          R"({"id":"a","kind":"session"})", R"({"v":1,"id":"a"})",
          R"({"v":1,"id":"a","kind":"session","active_ms":-1})",
          R"({"v":1,"id":"a","kind":"session","active_ms":1.5})",
          R"({"v":1,"id":"a","kind":"session","symptoms":"pain"})",
          R"({"v":1,"id":"a","kind":"session","symptoms":[1]})",
          R"({"v":1,"id":"a","kind":"session","note":3})", R"({"v":1,"id":"a","kind":"forget"})"}) {
      CAPTURE(bad);
      const RecordParse p = parse_record(bad);
      CHECK_FALSE(p.record);
      CHECK_FALSE(p.error.empty());
    }
  }
  SUBCASE("speed: a number above 0 and at most 1000, absent for 1") {
    const RecordParse fast = parse_record(R"({"v":1,"id":"a","kind":"session","speed":30})");
    REQUIRE(fast.record);
    CHECK(fast.record->speed == 30.0);
    CHECK(fast.record->extra.empty());
    CHECK(to_json_line(*fast.record) == R"({"v":1,"id":"a","kind":"session","speed":30.0})"
                                        "\n");
    CHECK_FALSE(parse_record(R"({"v":1,"id":"a","kind":"session"})").record->speed);
    for (const char* bad : {R"({"v":1,"id":"a","kind":"session","speed":0})",
                            R"({"v":1,"id":"a","kind":"session","speed":-2})",
                            R"({"v":1,"id":"a","kind":"session","speed":1001})",
                            R"({"v":1,"id":"a","kind":"session","speed":"fast"})"}) {
      CAPTURE(bad);
      CHECK(parse_record(bad).error == "\"speed\" is not a number above 0 and at most 1000");
    }
  }
}

TEST_CASE("journal::answers join their session") {
  const std::string text =
      "{\"v\":1,\"id\":\"old\",\"kind\":\"session\",\"pain\":5}\n"
      "{\"v\":1,\"id\":\"s\",\"kind\":\"session\",\"status\":\"completed\"}\n"
      "{\"v\":1,\"id\":\"x\",\"kind\":\"session\",\"status\":\"safety-stop\"}\n"
      "{\"v\":1,\"id\":\"a1\",\"kind\":\"answer\",\"answers\":\"s\",\"pain\":3}\n"
      "{\"v\":1,\"id\":\"a2\",\"kind\":\"answer\",\"answers\":\"x\","
      "\"symptoms\":[\"leaking\"]}\n"
      "{\"v\":1,\"id\":\"a3\",\"kind\":\"answer\",\"answers\":\"gone\",\"pain\":9}\n"
      "{\"v\":1,\"id\":\"a4\",\"kind\":\"answer\",\"answers\":\"old\",\"pain\":1}\n";
  const HistoryParse parsed = parse_history(text);
  CHECK(parsed.warnings.empty());
  REQUIRE(parsed.records.size() == 7);
  CHECK(parsed.records[3].answers == "s");
  CHECK(to_json_line(parsed.records[3]) ==
        "{\"v\":1,\"id\":\"a1\",\"kind\":\"answer\",\"pain\":3,\"answers\":\"s\"}\n");
  const auto records = apply_forgets(parsed.records);
  REQUIRE(records.size() == 3);
  CHECK(records[0].pain == 1);  // an answer replaces the pain an old session held
  CHECK(records[1].pain == 3);
  CHECK(records[2].pain == std::nullopt);
  CHECK(records[2].symptoms == std::vector<std::string>{"leaking"});
  // Without answers an old journal's pain inside the session is read as it was.
  CHECK(join_answers(parse_history(text.substr(0, text.find("\n") + 1)).records)[0].pain == 5);
  const RecordParse bad = parse_record(R"({"v":1,"id":"a","kind":"answer","pain":3})");
  CHECK_FALSE(bad.record);
  CHECK(bad.error == "an answer record without \"answers\"");
}

TEST_CASE("journal::forget") {
  const std::string text =
      "{\"v\":1,\"id\":\"a\",\"kind\":\"session\"}\n"
      "{\"v\":1,\"id\":\"b\",\"kind\":\"checkin\",\"pain\":3}\n"
      "damaged\n"
      "{\"v\":1,\"id\":\"f\",\"kind\":\"forget\",\"forgets\":\"a\"}\n"
      "{\"v\":1,\"id\":\"c\",\"kind\":\"session\",  \"x\": 1}\n";
  SUBCASE("apply_forgets") {
    const auto records = apply_forgets(parse_history(text).records);
    REQUIRE(records.size() == 2);
    CHECK(records[0].id == "b");
    CHECK(records[1].id == "c");
  }
  SUBCASE("remove_record keeps every other line byte for byte") {
    const ForgetResult r = remove_record(text, "b");
    CHECK(r.removed == 1);
    CHECK(r.text ==
          "{\"v\":1,\"id\":\"a\",\"kind\":\"session\"}\n"
          "damaged\n"
          "{\"v\":1,\"id\":\"f\",\"kind\":\"forget\",\"forgets\":\"a\"}\n"
          "{\"v\":1,\"id\":\"c\",\"kind\":\"session\",  \"x\": 1}\n");
    const ForgetResult a = remove_record(text, "a");
    CHECK(a.removed == 1);
    CHECK(a.text ==
          "{\"v\":1,\"id\":\"b\",\"kind\":\"checkin\",\"pain\":3}\n"
          "damaged\n"
          "{\"v\":1,\"id\":\"c\",\"kind\":\"session\",  \"x\": 1}\n");
    CHECK(remove_record(text, "nope").removed == 0);
    CHECK(remove_record(text, "nope").text == text);
  }
  SUBCASE("answers of a forgotten session go with it") {
    const std::string answered =
        text + "{\"v\":1,\"id\":\"n\",\"kind\":\"answer\",\"answers\":\"c\",\"pain\":2}\n";
    const ForgetResult c = remove_record(answered, "c");
    CHECK(c.removed == 1);
    CHECK(c.text ==
          "{\"v\":1,\"id\":\"a\",\"kind\":\"session\"}\n"
          "{\"v\":1,\"id\":\"b\",\"kind\":\"checkin\",\"pain\":3}\n"
          "damaged\n"
          "{\"v\":1,\"id\":\"f\",\"kind\":\"forget\",\"forgets\":\"a\"}\n");
  }
  CHECK(make_record_id(*parse_instant("2026-11-30T21:05:12+00:00"), 0x3f9a1c2bu) ==
        "20261130T210512-3f9a1c2b");
  CHECK(make_record_id(*parse_instant("2026-01-02T03:04:05+00:00"), 7u) ==
        "20260102T030405-00000007");
}
