#include "progress/physio_moment.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

JournalRecord checkin(const std::string& id, const std::string& started, std::optional<int> pain,
                      std::vector<std::string> symptoms = {}) {
  JournalRecord r;
  r.id = id;
  r.kind = "checkin";
  r.started = started;
  r.pain = pain;
  r.symptoms = std::move(symptoms);
  return r;
}

CivilDate date(const char* text) {
  return *parse_date(text);
}

}  // namespace

TEST_CASE("physio_moment::a sign again within 14 days, said by the check-in that completes it") {
  const Config config;
  std::vector<JournalRecord> records = {
      checkin("a", "2026-11-20T08:00:00+00:00", std::nullopt, {"leaking"}),
  };
  CHECK(completed_advice(records, "a", config, date("2026-11-20")).empty());
  records.push_back(checkin("b", "2026-12-02T08:00:00+00:00", std::nullopt, {"leaking"}));
  const std::vector<Advice> reasons = completed_advice(records, "b", config, date("2026-12-02"));
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].reason == "leaking noted on 2 days within 14 (2026-11-20, 2026-12-02)");
  CHECK(physio_moment_text(reasons) ==
        "Worth acting on: leaking noted on 2 days within 14 (2026-11-20, 2026-12-02).\n"
        "This is a reason to see a pelvic-floor physiotherapist: your GP, midwife or\n"
        "health visitor can refer you, and `backcare report` makes a page to take along.\n");
  // A third time: the pattern was already there, so nothing new is said.
  records.push_back(checkin("c", "2026-12-03T08:00:00+00:00", std::nullopt, {"leaking"}));
  CHECK(completed_advice(records, "c", config, date("2026-12-03")).empty());
  // Another sign, or the same sign 14 days on, completes nothing.
  const std::vector<JournalRecord> apart = {
      checkin("a", "2026-11-20T08:00:00+00:00", std::nullopt, {"leaking"}),
      checkin("d", "2026-12-04T08:00:00+00:00", 3, {"leaking", "doming"}),
  };
  CHECK(completed_advice(apart, "d", config, date("2026-12-04")).empty());
}

TEST_CASE("physio_moment::pain of 5 or more two weeks running, said by the answer that makes it") {
  const Config config;  // weeks from Monday
  std::vector<JournalRecord> records = {
      checkin("a", "2026-11-24T08:00:00+00:00", 6),  // the week of 2026-11-23: mean 6
      checkin("b", "2026-12-01T08:00:00+00:00", 3),  // the week of 2026-11-30: mean 3
  };
  CHECK(completed_advice(records, "b", config, date("2026-12-01")).empty());
  records.push_back(checkin("c", "2026-12-02T08:00:00+00:00", 8));  // mean 5.5
  const std::vector<Advice> reasons = completed_advice(records, "c", config, date("2026-12-02"));
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].reason ==
        "weekly pain mean of 5 or more for 2 weeks running (weeks of 2026-11-23 and "
        "2026-11-30)");
  CHECK(physio_moment_text(reasons) ==
        "Worth acting on: weekly pain mean of 5 or more for 2 weeks running (weeks of\n"
        "2026-11-23 and 2026-11-30).\n"
        "This is a reason to see a pelvic-floor physiotherapist: your GP, midwife or\n"
        "health visitor can refer you, and `backcare report` makes a page to take along.\n");
}

TEST_CASE("physio_moment::an answer joined to its session counts on the session's day") {
  const Config config;
  JournalRecord session;
  session.id = "s";
  session.kind = "session";
  session.routine = "breathe";
  session.started = "2026-12-02T21:00:00+00:00";
  session.active_ms = 60000;
  session.status = "safety-stop";
  JournalRecord answer;
  answer.id = "ans";
  answer.kind = "answer";
  answer.answers = "s";
  answer.started = "2026-12-02T21:01:00+00:00";
  answer.symptoms = {"heaviness"};
  const std::vector<JournalRecord> records = {
      checkin("a", "2026-11-25T08:00:00+00:00", std::nullopt, {"heaviness"}), session, answer};
  const std::vector<Advice> reasons = completed_advice(records, "ans", config, date("2026-12-02"));
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].reason == "heaviness noted on 2 days within 14 (2026-11-25, 2026-12-02)");
}

TEST_CASE("physio_moment::two reasons at once, and the words for none") {
  CHECK(physio_moment_text({}).empty());
  CHECK(physio_moment_text({{"a", {}}, {"b", {}}}) ==
        "Worth acting on: a.\n"
        "Worth acting on: b.\n"
        "These are reasons to see a pelvic-floor physiotherapist: your GP, midwife or\n"
        "health visitor can refer you, and `backcare report` makes a page to take along.\n");
}
