#include "journal/session_record.hpp"

#include <doctest/doctest.h>

namespace backcare {

TEST_CASE("session_record::what is worth a record") {
  CHECK(!worth_recording(EndStatus::completed, 29999));
  CHECK(worth_recording(EndStatus::completed, 30000));
  CHECK(worth_recording(EndStatus::quit, 45000));
  CHECK(!worth_recording(EndStatus::quit, 1000));
  CHECK(worth_recording(EndStatus::safety_stop, 0));  // always
  CHECK(!worth_recording(EndStatus::none, 90000));
  // The short remainder of a resumed practice counts when it completes the practice.
  CHECK(worth_recording(EndStatus::completed, 10000, true));
  CHECK(worth_recording(EndStatus::completed_skipping, 10000, true));
  CHECK(!worth_recording(EndStatus::quit, 10000, true));
  CHECK(!worth_recording(EndStatus::completed, 10000, false));
  CHECK(offers_resume(EndStatus::quit, 30000, true));
  CHECK(offers_resume(EndStatus::interrupted, 30000, true));
  CHECK(!offers_resume(EndStatus::quit, 30000, false));
  CHECK(!offers_resume(EndStatus::quit, 29999, true));
  CHECK(!offers_resume(EndStatus::completed, 60000, true));
  CHECK(!offers_resume(EndStatus::safety_stop, 60000, true));
}

TEST_CASE("session_record::the fields of a session record") {
  Plan plan;
  plan.name = "night-release";
  plan.title = "Night-time back release";
  plan.source = "built-in";
  plan.total_ms = 600000;
  plan.steps.resize(9);
  SessionView end;
  end.status = EndStatus::completed_skipping;
  end.active_ms = 540000;
  end.skipped_ms = 60000;
  end.steps_done = 8;
  end.steps_skipped = 1;
  SessionRecordInput input;
  input.id = "20261130T210512-3f9a1c2b";
  input.started = "2026-11-30T21:05:12+00:00";
  input.ended = "2026-11-30T21:15:40+00:00";
  input.tz = "Europe/London";
  input.resumes = "20261130T200000-00000001";
  const JournalRecord record = session_record(plan, end, input);
  CHECK(to_json_line(record) ==
        R"({"v":1,"id":"20261130T210512-3f9a1c2b","kind":"session","routine":"night-release",)"
        R"("title":"Night-time back release","source":"built-in:night-release",)"
        R"("started":"2026-11-30T21:05:12+00:00","ended":"2026-11-30T21:15:40+00:00",)"
        R"("tz":"Europe/London","planned_ms":600000,"active_ms":540000,"skipped_ms":60000,)"
        R"("steps_done":8,"steps_total":9,"steps_skipped":1,"status":"completed-skipping",)"
        R"("resumes":"20261130T200000-00000001"})"
        "\n");
  plan.source = "/home/ana/my.json";
  CHECK(record_source(plan) == "/home/ana/my.json");
  // A run at another speed says so (a preview above 1); at 1 the line is as before.
  input.speed = 30;
  CHECK(to_json_line(session_record(plan, end, input)).find(R"("steps_skipped":1,"speed":30.0,)") !=
        std::string::npos);
  input.speed = 0.5;
  CHECK(session_record(plan, end, input).speed == 0.5);
  input.speed = 1;
  CHECK_FALSE(session_record(plan, end, input).speed);
  CHECK_FALSE(session_record(plan, end, input).stop_step);  // only a safety stop names its step
}

TEST_CASE("session_record::a safety stop names the step it happened in") {
  Plan plan;
  plan.name = "night-release";
  plan.total_ms = 600000;
  plan.steps.resize(4);
  plan.steps[2].title = "Cat-cow\x1b[2J";  // a shared routine's title, kept as written
  SessionView end;
  end.status = EndStatus::safety_stop;
  end.active_ms = 0;
  end.end_step = 2;
  SessionRecordInput input;
  input.id = "x";
  const std::string line = to_json_line(session_record(plan, end, input));
  CHECK(line.find(R"("status":"safety-stop","stop_step":3,"stop_title":"Cat-cow\u001b[2J")") !=
        std::string::npos);
  // Read back, the same fields (and not kept as unknown members).
  const RecordParse back = parse_record(line);
  REQUIRE(back.record);
  CHECK(back.record->stop_step == 3);
  CHECK(back.record->stop_title == "Cat-cow\x1b[2J");
  CHECK(back.record->extra.empty());
  CHECK(parse_record(R"({"v":1,"id":"a","kind":"session","stop_step":"3"})").error ==
        R"("stop_step" is not a whole number from 0 to 9007199254740992)");
}

TEST_CASE("session_record::an answer record names its session") {
  AnswerInput input;
  input.id = "20261130T211541-0000000a";
  input.answers = "20261130T210512-3f9a1c2b";
  input.given = "2026-11-30T21:15:41+00:00";
  input.tz = "Europe/London";
  input.pain = 4;
  CHECK(to_json_line(answer_record(input)) ==
        R"({"v":1,"id":"20261130T211541-0000000a","kind":"answer",)"
        R"("started":"2026-11-30T21:15:41+00:00","tz":"Europe/London","pain":4,)"
        R"("answers":"20261130T210512-3f9a1c2b"})"
        "\n");
  input.pain.reset();
  input.symptoms = {"heaviness"};
  CHECK(to_json_line(answer_record(input)) ==
        R"({"v":1,"id":"20261130T211541-0000000a","kind":"answer",)"
        R"("started":"2026-11-30T21:15:41+00:00","tz":"Europe/London",)"
        R"("symptoms":["heaviness"],"answers":"20261130T210512-3f9a1c2b"})"
        "\n");
}

}  // namespace backcare
