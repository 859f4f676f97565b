#include "session/session.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <type_traits>
#include <vector>

// The session never reads a clock: these tests are the clock. Every TimePoint is a plain value.

namespace backcare {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

// Builds a Plan by hand (no expand()): steps are appended, then segments and cues into the last.
struct PlanBuilder {
  Plan plan;

  PlanBuilder& step(StepKind kind, std::string title) {
    PlanStep s;
    s.kind = kind;
    s.title = std::move(title);
    s.start_ms = plan.total_ms;
    s.first_segment = plan.segments.size();
    s.end_segment = plan.segments.size();
    plan.steps.push_back(s);
    return *this;
  }

  PlanBuilder& segment(Phase phase, std::int64_t duration_ms, int cycle = 0) {
    Segment s;
    s.step = plan.steps.size() - 1;
    s.phase = phase;
    s.start_ms = plan.total_ms;
    s.duration_ms = duration_ms;
    s.labels.cycle = cycle;
    plan.segments.push_back(s);
    plan.total_ms += duration_ms;
    plan.steps.back().duration_ms += duration_ms;
    plan.steps.back().end_segment = plan.segments.size();
    return *this;
  }

  PlanBuilder& cue(std::int64_t at_ms, std::string text) {
    plan.cues.push_back(PlanCue{at_ms, plan.steps.size() - 1, std::move(text)});
    return *this;
  }
};

// breath 2 cycles (4 s in, 6 s out), a timed step with two sides and a cue per side, a rest.
//   seg 0 [0,4000) inhale c1    seg 1 [4000,10000) exhale c1
//   seg 2 [10000,14000) inhale c2  seg 3 [14000,20000) exhale c2
//   seg 4 [20000,30000) work (cue 0 at 25000)  seg 5 [30000,35000) switch
//   seg 6 [35000,45000) work (cue 1 at 40000)  seg 7 [45000,60000) rest
Plan small_plan() {
  PlanBuilder b;
  b.step(StepKind::breath, "breathe")
      .segment(Phase::inhale, 4000, 1)
      .segment(Phase::exhale, 6000, 1)
      .segment(Phase::inhale, 4000, 2)
      .segment(Phase::exhale, 6000, 2);
  b.step(StepKind::timed, "side plank")
      .segment(Phase::work, 10000)
      .cue(25000, "breathe")
      .segment(Phase::switch_sides, 5000)
      .segment(Phase::work, 10000)
      .cue(40000, "breathe");
  b.step(StepKind::rest, "rest").segment(Phase::rest, 15000);
  return b.plan;
}

// Ten one-minute timed steps: 600 s.
Plan ten_minute_plan() {
  PlanBuilder b;
  for (int i = 0; i < 10; ++i) {
    b.step(StepKind::timed, fmt::format("step {}", i)).segment(Phase::work, 60000);
  }
  return b.plan;
}

std::string name(EventType type) {
  return std::string(event_name(type));
}

// "phase@20000 s1 g4", "cue@25000 s1 c0", "session_end@60000 s2 completed"
std::string describe(const SessionEvent& e) {
  std::string text = fmt::format("{}@{} s{}", name(e.type), e.position_ms, e.step);
  if (e.type == EventType::phase) {
    text += fmt::format(" g{}", e.segment);
  } else if (e.type == EventType::cue) {
    text += fmt::format(" c{}", e.cue);
  } else if (e.type == EventType::session_end) {
    text += fmt::format(" {}", end_status_name(e.status));
  }
  return text;
}

std::vector<std::string> describe(const std::vector<SessionEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) {
    out.push_back(describe(e));
  }
  return out;
}

void append(std::vector<std::string>& to, const std::vector<SessionEvent>& events) {
  for (const auto& e : events) {
    to.push_back(describe(e));
  }
}

TimePoint ms(std::int64_t value) {
  return milliseconds(value);
}

SessionOptions options(std::int64_t lead_in_ms, double speed = 1.0, std::size_t from_step = 0) {
  SessionOptions o;
  o.lead_in_ms = lead_in_ms;
  o.speed = speed;
  o.from_step = from_step;
  return o;
}

const std::vector<std::string> k_small_plan_run = {
    "step_start@0 s0",
    "phase@0 s0 g0",
    "phase@4000 s0 g1",
    "phase@10000 s0 g2",
    "phase@14000 s0 g3",
    "step_end@20000 s0",
    "step_start@20000 s1",
    "phase@20000 s1 g4",
    "cue@25000 s1 c0",
    "phase@30000 s1 g5",
    "phase@35000 s1 g6",
    "cue@40000 s1 c1",
    "step_end@45000 s1",
    "step_start@45000 s2",
    "phase@45000 s2 g7",
    "step_end@60000 s2",
    "session_end@60000 s2 completed",
};

// The epoch of the fake clock is arbitrary; start somewhere odd.
const TimePoint k_t0 = seconds(1000) + nanoseconds(123);

TEST_CASE("session: segment sequence of a small plan in one jump") {
  const Plan plan = small_plan();
  Session session(plan, options(0));
  std::vector<std::string> got = describe(session.start(k_t0));
  append(got, session.advance(k_t0 + ms(60000)));
  std::vector<std::string> expected = {"session_start@0 s0"};
  expected.insert(expected.end(), k_small_plan_run.begin(), k_small_plan_run.end());
  CHECK(got == expected);
  CHECK(session.finished());
  CHECK(session.advance(k_t0 + ms(70000)).empty());
  const SessionView v = session.view(k_t0 + ms(70000));
  CHECK(v.finished);
  CHECK(v.status == EndStatus::completed);
  CHECK(v.position_ms == 60000);
  CHECK(v.active_ms == 60000);
  CHECK(v.step == 3);
  CHECK(v.segment == 8);
  CHECK(v.routine_progress == 1.0);
}

TEST_CASE("session: lead-in holds the plan still, then the first step starts") {
  const Plan plan = small_plan();
  Session session(plan, options(3000));
  CHECK(describe(session.start(k_t0)) ==
        std::vector<std::string>{"session_start@0 s0", "lead_in@0 s0"});
  CHECK(session.next_deadline() == k_t0 + ms(3000));
  const SessionView during = session.view(k_t0 + ms(1200));
  CHECK(during.started);
  CHECK(during.lead_in_left_ms == 1800);
  CHECK(during.position_ms == 0);
  CHECK(during.segment == 0);
  CHECK(during.segment_left_ms == 4000);
  CHECK(session.advance(k_t0 + ms(3000) - nanoseconds(1)).empty());
  CHECK(describe(session.advance(k_t0 + ms(3000))) ==
        std::vector<std::string>{"step_start@0 s0", "phase@0 s0 g0"});
  CHECK(session.view(k_t0 + ms(3000)).lead_in_left_ms == 0);
  CHECK(describe(session.advance(k_t0 + ms(7000))) == std::vector<std::string>{"phase@4000 s0 g1"});
}

TEST_CASE("session: irregular small steps give the same events as one jump") {
  const Plan plan = small_plan();
  Session jump(plan, options(3000));
  std::vector<std::string> one = describe(jump.start(k_t0));
  append(one, jump.advance(k_t0 + ms(63000)));

  Session stepped(plan, options(3000));
  std::vector<std::string> many = describe(stepped.start(k_t0));
  const std::int64_t increments_ns[] = {7'000'001,  13'000'000,  1'000'003,
                                        29'999'999, 101'000'000, 3'000'017};
  TimePoint now = k_t0;
  TimePoint previous = k_t0;
  std::size_t calls = 0;
  while (!stepped.finished()) {
    previous = now;
    now += nanoseconds(increments_ns[calls % 6]);
    ++calls;
    const SessionView before = stepped.view(now);
    append(many, stepped.advance(now));
    const SessionView after = stepped.view(now);
    REQUIRE(before.position_ms == after.position_ms);  // view() agrees with advance()
    REQUIRE(before.finished == after.finished);
  }
  CHECK(many == one);
  CHECK(calls > 1000);
  // It ended on the first call at or after 3 s lead-in + 60 s.
  CHECK(previous < k_t0 + ms(63000));
  CHECK(now >= k_t0 + ms(63000));
  CHECK(stepped.view(now).position_ms == 60000);
}

TEST_CASE("session: a 10-minute plan ends within 1 ms of 600 s unpaused, however often paused") {
  const Plan plan = ten_minute_plan();
  for (std::int64_t lead_in : {std::int64_t{0}, std::int64_t{3000}}) {
    CAPTURE(lead_in);
    Session session(plan, options(lead_in));
    TimePoint now = k_t0;
    session.start(now);
    std::int64_t unpaused_ns = 0;
    std::int64_t pauses = 0;
    std::int64_t tick = 0;
    std::vector<SessionEvent> ends;
    while (!session.finished()) {
      const nanoseconds step = milliseconds(1) + nanoseconds(tick % 7);  // 1 ms, a little jitter
      now += step;
      ++tick;
      if (!session.paused()) {
        unpaused_ns += step.count();
      }
      std::vector<SessionEvent> events = session.advance(now);
      if (tick % 7919 == 0 && !session.finished()) {
        auto p = session.pause(now);
        events.insert(events.end(), p.begin(), p.end());
        ++pauses;
      } else if (session.paused() && tick % 7919 == 2100) {
        auto r = session.resume(now);
        events.insert(events.end(), r.begin(), r.end());
      }
      for (const auto& e : events) {
        if (e.type == EventType::session_end) {
          ends.push_back(e);
        }
      }
      REQUIRE(tick < 2'000'000);
    }
    CHECK(pauses >= 70);
    REQUIRE(ends.size() == 1);
    CHECK(ends[0].t_ms == 600000);
    CHECK(ends[0].status == EndStatus::completed);
    const std::int64_t expected_ns = (600'000 + lead_in * (pauses + 1)) * 1'000'000;
    CHECK(unpaused_ns >= expected_ns);
    CHECK(unpaused_ns < expected_ns + 1'000'007);
  }
}

TEST_CASE("session: pause stops the clock; resume gives a lead-in and continues") {
  const Plan plan = small_plan();
  Session session(plan, options(3000));
  session.start(k_t0);
  // Plan time 22.5 s is wall 25.5 s.
  CHECK(describe(session.pause(k_t0 + ms(25500))) ==
        std::vector<std::string>{"step_start@0 s0", "phase@0 s0 g0", "phase@4000 s0 g1",
                                 "phase@10000 s0 g2", "phase@14000 s0 g3", "step_end@20000 s0",
                                 "step_start@20000 s1", "phase@20000 s1 g4", "pause@22500 s1"});
  CHECK(session.paused());
  CHECK_FALSE(session.next_deadline().has_value());
  CHECK(session.advance(k_t0 + ms(500000)).empty());
  CHECK(session.pause(k_t0 + ms(500000)).empty());
  SessionView v = session.view(k_t0 + ms(500000));
  CHECK(v.paused);
  CHECK(v.position_ms == 22500);
  CHECK(v.segment_left_ms == 7500);
  CHECK(v.lead_in_left_ms == 0);

  const TimePoint r = k_t0 + ms(600000);
  CHECK(describe(session.toggle_pause(r)) ==
        std::vector<std::string>{"resume@22500 s1", "lead_in@22500 s1"});
  CHECK_FALSE(session.paused());
  CHECK(session.resume(r).empty());
  v = session.view(r + ms(1000));
  CHECK(v.lead_in_left_ms == 2000);
  CHECK(v.position_ms == 22500);
  CHECK(session.next_deadline() == r + ms(3000));
  // A timed block just goes on: no phase again; the cue at 25 s comes 2.5 s later.
  CHECK(session.advance(r + ms(3000)).empty());
  CHECK(session.next_deadline() == r + ms(5500));
  CHECK(session.advance(r + ms(5499)).empty());
  CHECK(describe(session.advance(r + ms(5500))) == std::vector<std::string>{"cue@25000 s1 c0"});
  CHECK(session.view(r + ms(5500)).last_cue == std::optional<std::size_t>(0));
}

TEST_CASE("session: resume inside a breath restarts the inhale of that cycle after the lead-in") {
  const Plan plan = small_plan();
  Session session(plan, options(3000));
  session.start(k_t0);
  session.advance(k_t0 + ms(10000));
  // Plan 15.5 s: the exhale of cycle 2 (segment 3).
  CHECK(describe(session.pause(k_t0 + ms(18500))) ==
        std::vector<std::string>{"phase@10000 s0 g2", "phase@14000 s0 g3", "pause@15500 s0"});
  CHECK(session.view(k_t0 + ms(20000)).segment == 3);
  const TimePoint r = k_t0 + ms(30000);
  CHECK(describe(session.resume(r)) ==
        std::vector<std::string>{"resume@10000 s0", "lead_in@10000 s0"});
  const SessionView v = session.view(r + ms(1));
  CHECK(v.segment == 2);
  CHECK(v.position_ms == 10000);
  CHECK(v.lead_in_left_ms == 2999);
  CHECK(v.segment_left_ms == 4000);
  CHECK(session.advance(r + ms(2999)).empty());
  CHECK(describe(session.advance(r + ms(3000))) == std::vector<std::string>{"phase@10000 s0 g2"});
  CHECK(describe(session.advance(r + ms(7000))) == std::vector<std::string>{"phase@14000 s0 g3"});
}

TEST_CASE("session: resume without a lead-in restarts the breath at once") {
  const Plan plan = small_plan();
  Session session(plan, options(0));
  session.start(k_t0);
  session.advance(k_t0 + ms(5000));
  CHECK(describe(session.pause(k_t0 + ms(9999))) == std::vector<std::string>{"pause@9999 s0"});
  CHECK(describe(session.resume(k_t0 + ms(20000))) ==
        std::vector<std::string>{"resume@0 s0", "phase@0 s0 g0"});
  CHECK(session.view(k_t0 + ms(20000)).position_ms == 0);
  CHECK(describe(session.advance(k_t0 + ms(24000))) ==
        std::vector<std::string>{"phase@4000 s0 g1"});
}

TEST_CASE("session: next skips to the next step; on the last step it completes the routine") {
  const Plan plan = small_plan();
  Session session(plan, options(0));
  session.start(k_t0);
  CHECK(describe(session.next(k_t0 + ms(2500))) ==
        std::vector<std::string>{"skip@2500 s0", "step_end@2500 s0", "step_start@20000 s1",
                                 "phase@20000 s1 g4"});
  CHECK(session.view(k_t0 + ms(2500)).position_ms == 20000);
  CHECK(session.next_deadline() == k_t0 + ms(7500));
  CHECK(describe(session.advance(k_t0 + ms(7500))) == std::vector<std::string>{"cue@25000 s1 c0"});
  CHECK(describe(session.next(k_t0 + ms(8000))) ==
        std::vector<std::string>{"skip@25500 s1", "step_end@25500 s1", "step_start@45000 s2",
                                 "phase@45000 s2 g7"});
  CHECK(describe(session.next(k_t0 + ms(9000))) ==
        std::vector<std::string>{"skip@46000 s2", "step_end@46000 s2",
                                 "session_end@46000 s2 completed-skipping"});
  CHECK(session.finished());
  CHECK(session.view(k_t0 + ms(9000)).status == EndStatus::completed_skipping);
  CHECK(session.next(k_t0 + ms(9000)).empty());
  CHECK(session.advance(k_t0 + ms(90000)).empty());
}

TEST_CASE("session: next during the lead-in keeps the countdown; the new step starts after it") {
  const Plan plan = small_plan();
  Session session(plan, options(3000));
  session.start(k_t0);
  // Step 0 never started, so there is no step_end for it.
  CHECK(describe(session.next(k_t0 + ms(1000))) == std::vector<std::string>{"skip@0 s0"});
  SessionView v = session.view(k_t0 + ms(1000));
  CHECK(v.step == 1);
  CHECK(v.lead_in_left_ms == 2000);
  CHECK(session.next_deadline() == k_t0 + ms(3000));
  CHECK(session.advance(k_t0 + ms(2999)).empty());
  CHECK(describe(session.advance(k_t0 + ms(3000))) ==
        std::vector<std::string>{"step_start@20000 s1", "phase@20000 s1 g4"});
}

TEST_CASE("session: next while paused moves, and stays paused") {
  const Plan plan = small_plan();
  Session session(plan, options(3000));
  session.start(k_t0);
  session.pause(k_t0 + ms(4000));  // plan 1 s
  CHECK(describe(session.next(k_t0 + ms(5000))) ==
        std::vector<std::string>{"skip@1000 s0", "step_end@1000 s0", "step_start@20000 s1",
                                 "phase@20000 s1 g4"});
  CHECK(session.paused());
  CHECK(session.view(k_t0 + ms(9000)).position_ms == 20000);
  CHECK(describe(session.resume(k_t0 + ms(10000))) ==
        std::vector<std::string>{"resume@20000 s1", "lead_in@20000 s1"});
  CHECK(describe(session.advance(k_t0 + ms(18000))) == std::vector<std::string>{"cue@25000 s1 c0"});
}

TEST_CASE("session: back restarts the step, or goes to the previous one within its first 2 s") {
  const Plan plan = small_plan();
  Session session(plan, options(0));
  session.start(k_t0);
  session.advance(k_t0 + ms(26000));  // plan 26 s: step 1, 6 s in

  SUBCASE("restart after 2 s") {
    CHECK(describe(session.back(k_t0 + ms(26000))) ==
          std::vector<std::string>{"back@26000 s1", "step_start@20000 s1", "phase@20000 s1 g4"});
    CHECK(session.view(k_t0 + ms(26000)).last_cue == std::nullopt);
    // The cue is crossed again.
    CHECK(describe(session.advance(k_t0 + ms(31000))) ==
          std::vector<std::string>{"cue@25000 s1 c0"});
    CHECK(describe(session.back(k_t0 + ms(31000))) ==
          std::vector<std::string>{"back@25000 s1", "step_start@20000 s1", "phase@20000 s1 g4"});
    // Exactly 2 s in: still a restart.
    CHECK(describe(session.back(k_t0 + ms(33000))) ==
          std::vector<std::string>{"back@22000 s1", "step_start@20000 s1", "phase@20000 s1 g4"});
    // 1.999 s in: the previous step.
    CHECK(describe(session.back(k_t0 + ms(34999))) ==
          std::vector<std::string>{"back@21999 s1", "step_start@0 s0", "phase@0 s0 g0"});
    // Within the first step's first 2 s: it restarts (there is no previous one).
    CHECK(describe(session.back(k_t0 + ms(35499))) ==
          std::vector<std::string>{"back@500 s0", "step_start@0 s0", "phase@0 s0 g0"});
    CHECK(session.advance(k_t0 + ms(39499) - nanoseconds(1)).empty());
    CHECK(describe(session.advance(k_t0 + ms(39499))) ==
          std::vector<std::string>{"phase@4000 s0 g1"});
  }
  SUBCASE("back then next: step_end only for the step that was skipped") {
    session.back(k_t0 + ms(26000));
    CHECK(describe(session.next(k_t0 + ms(27000))) ==
          std::vector<std::string>{"skip@21000 s1", "step_end@21000 s1", "step_start@45000 s2",
                                   "phase@45000 s2 g7"});
  }
}

TEST_CASE("session: quit and interrupt end the session with their status") {
  SUBCASE("quit") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    CHECK(describe(session.quit(k_t0 + ms(4500))) ==
          std::vector<std::string>{"phase@4000 s0 g1", "session_end@4500 s0 quit"});
    const SessionView v = session.view(k_t0 + ms(9000));
    CHECK(v.finished);
    CHECK(v.status == EndStatus::quit);
    CHECK(v.active_ms == 4500);
    CHECK(v.step == 3);
    CHECK(v.end_step == 0);  // the step it was in, for the record
  }
  SUBCASE("a safety stop in the second step names it; a completed run ends in the last") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    session.safety_stop(k_t0 + ms(27000));
    CHECK(session.view(k_t0 + ms(30000)).end_step == 1);
    Session whole(plan, options(0));
    whole.start(k_t0);
    whole.advance(k_t0 + ms(60000));
    CHECK(whole.view(k_t0 + ms(60000)).end_step == 2);
  }
  SUBCASE("interrupt while paused") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    session.pause(k_t0 + ms(21000));
    CHECK(describe(session.interrupt(k_t0 + ms(30000))) ==
          std::vector<std::string>{"session_end@21000 s1 interrupted"});
    CHECK_FALSE(session.paused());
    CHECK(session.view(k_t0 + ms(30000)).status == EndStatus::interrupted);
  }
  const Plan after_plan = small_plan();
  Session after(after_plan, options(0));
  after.start(k_t0);
  after.quit(k_t0 + ms(1));
  CHECK(after.advance(k_t0 + ms(100000)).empty());
  CHECK(after.quit(k_t0 + ms(100000)).empty());
  CHECK(after.back(k_t0 + ms(100000)).empty());
  CHECK(after.resume(k_t0 + ms(100000)).empty());
  CHECK_FALSE(after.next_deadline().has_value());
}

TEST_CASE("session: from_step starts at that step's offset") {
  const Plan plan = small_plan();
  Session session(plan, options(0, 1.0, 1));
  CHECK(session.view(k_t0).position_ms == 20000);
  CHECK_FALSE(session.view(k_t0).started);
  CHECK(describe(session.start(k_t0)) == std::vector<std::string>{"session_start@20000 s1",
                                                                  "step_start@20000 s1",
                                                                  "phase@20000 s1 g4"});
  CHECK(describe(session.advance(k_t0 + ms(5000))) == std::vector<std::string>{"cue@25000 s1 c0"});
  session.advance(k_t0 + ms(40000));
  CHECK(session.finished());
  CHECK(session.view(k_t0 + ms(40000)).position_ms == 60000);
}

TEST_CASE("session: from_ms starts at the inhale of the breath cycle it falls in") {
  SessionOptions from = options(0);
  from.from_ms = 16000;  // the exhale of cycle 2: cycle 2 starts again at 10000
  const Plan plan = small_plan();
  Session session(plan, from);
  session.start(k_t0);
  CHECK(session.view(k_t0).position_ms == 10000);
  CHECK(session.view(k_t0).step == 0);
  session.advance(k_t0 + ms(50000));
  CHECK(session.finished());
  CHECK(session.view(k_t0 + ms(50000)).active_ms == 50000);  // counted from where it started

  from.from_ms = 37000;  // a timed step's work segment: from that segment's start
  Session timed(plan, from);
  timed.start(k_t0);
  CHECK(timed.view(k_t0).position_ms == 35000);
}

TEST_CASE("session: speed 60 runs a 600 s plan in 10 s of wall time") {
  const Plan plan = ten_minute_plan();
  Session session(plan, options(0, 60.0));
  session.start(k_t0);
  CHECK(session.view(k_t0 + ms(5000)).position_ms == 300000);
  CHECK(session.next_deadline() == k_t0 + ms(1000));
  session.advance(k_t0 + ms(10000) - nanoseconds(1));
  CHECK_FALSE(session.finished());
  const auto end = session.advance(k_t0 + ms(10000));
  REQUIRE(end.size() == 2);
  CHECK(describe(end[1]) == "session_end@600000 s9 completed");

  // The lead-in is plan time too: 3 s at speed 60 is 50 ms.
  Session fast(plan, options(3000, 60.0));
  fast.start(k_t0);
  CHECK(fast.next_deadline() == k_t0 + ms(50));
  CHECK(fast.view(k_t0 + ms(25)).lead_in_left_ms == 1500);
}

TEST_CASE("session: sleeping until each next_deadline visits every boundary, never early") {
  const Plan plan = small_plan();
  for (double speed : {1.0, 60.0, 0.3, 7.7, 1000.0}) {
    CAPTURE(speed);
    Session session(plan, options(3000, speed));
    std::vector<std::string> got = describe(session.start(k_t0));
    TimePoint now = k_t0;
    int wakeups = 0;
    bool resumed = false;  // the lead-in after a resume in a timed step ends without an event
    while (auto deadline = session.next_deadline()) {
      REQUIRE(*deadline >= now);
      now = *deadline;
      Session early = session;  // a nanosecond before the deadline, nothing is due
      CHECK(early.advance(now - nanoseconds(1)).empty());
      const auto events = session.advance(now);
      CHECK(events.empty() == resumed);
      resumed = false;
      append(got, events);
      // Pause once, just after cue 0, and resume a while later.
      if (wakeups == 5) {
        append(got, session.pause(now + nanoseconds(10)));
        now += seconds(5);
        append(got, session.resume(now));
        resumed = true;
      }
      REQUIRE(++wakeups < 100);
    }
    CHECK(session.finished());
    std::vector<std::string> expected = {"session_start@0 s0", "lead_in@0 s0"};
    expected.insert(expected.end(), k_small_plan_run.begin(), k_small_plan_run.begin() + 9);
    // Wake-up 5 is cue 0 at 25 s; paused 10 ns later (plan time rounds down to 25000 ms).
    expected.insert(expected.end(), {"pause@25000 s1", "resume@25000 s1", "lead_in@25000 s1"});
    expected.insert(expected.end(), k_small_plan_run.begin() + 9, k_small_plan_run.end());
    CHECK(got == expected);
  }
}

TEST_CASE("session: view reports time left, progress and the last cue") {
  const Plan plan = small_plan();
  Session session(plan, options(0));
  session.start(k_t0);
  const SessionView v = session.view(k_t0 + ms(41500) + nanoseconds(1));
  CHECK(v.started);
  CHECK_FALSE(v.finished);
  CHECK(v.step == 1);
  CHECK(v.segment == 6);
  CHECK(v.position_ms == 41500);
  CHECK(v.segment_left_ms == 3500);  // rounded up: 3499.999999 ms
  CHECK(v.step_left_ms == 3500);
  CHECK(v.routine_left_ms == 18500);
  CHECK(v.segment_progress == doctest::Approx(0.65));
  CHECK(v.routine_progress == doctest::Approx(41.5 / 60.0));
  CHECK(v.last_cue == std::optional<std::size_t>(1));
  CHECK(session.view(k_t0 + ms(39999)).last_cue == std::optional<std::size_t>(0));
  CHECK(session.view(k_t0 + ms(46000)).last_cue == std::nullopt);  // rest: no cue of its own
  // view() is const: nothing was emitted.
  CHECK(session.advance(k_t0 + ms(4000)).size() == 1);
}

TEST_CASE("session: cues on step boundaries belong to their step") {
  // c0 at step 0's start, c1 at step 0's end (== step 1's start), c2 at step 1's start.
  PlanBuilder b;
  b.step(StepKind::timed, "a").segment(Phase::work, 5000).cue(0, "go").cue(5000, "done");
  b.step(StepKind::timed, "b").segment(Phase::work, 5000).cue(5000, "go again");

  Session session(b.plan, options(1000));
  session.start(k_t0);
  CHECK(session.view(k_t0 + ms(500)).last_cue == std::nullopt);  // not reached in the lead-in
  CHECK(describe(session.advance(k_t0 + ms(1000))) ==
        std::vector<std::string>{"step_start@0 s0", "phase@0 s0 g0", "cue@0 s0 c0"});
  CHECK(session.view(k_t0 + ms(1000)).last_cue == std::optional<std::size_t>(0));
  CHECK(describe(session.advance(k_t0 + ms(6000))) ==
        std::vector<std::string>{"cue@5000 s0 c1", "step_end@5000 s0", "step_start@5000 s1",
                                 "phase@5000 s1 g1", "cue@5000 s1 c2"});
  CHECK(session.view(k_t0 + ms(6000)).last_cue == std::optional<std::size_t>(2));

  // Arriving by next: only the new step's cue at its start.
  Session skipping(b.plan, options(0));
  skipping.start(k_t0);
  CHECK(describe(skipping.next(k_t0 + ms(1000))) ==
        std::vector<std::string>{"skip@1000 s0", "step_end@1000 s0", "step_start@5000 s1",
                                 "phase@5000 s1 g1", "cue@5000 s1 c2"});
}

TEST_CASE("session: pause during the first lead-in; the step starts after the next lead-in") {
  const Plan plan = small_plan();
  Session session(plan, options(3000));
  session.start(k_t0);
  CHECK(describe(session.pause(k_t0 + ms(1000))) == std::vector<std::string>{"pause@0 s0"});
  const SessionView v = session.view(k_t0 + ms(2000));
  CHECK(v.paused);
  CHECK(v.lead_in_left_ms == 0);
  CHECK(describe(session.resume(k_t0 + ms(5000))) ==
        std::vector<std::string>{"resume@0 s0", "lead_in@0 s0"});
  CHECK(session.view(k_t0 + ms(5000)).lead_in_left_ms == 3000);
  CHECK(session.advance(k_t0 + ms(8000) - nanoseconds(1)).empty());
  CHECK(describe(session.advance(k_t0 + ms(8000))) ==
        std::vector<std::string>{"step_start@0 s0", "phase@0 s0 g0"});
}

TEST_CASE("session: zero-length segments do not hang") {
  PlanBuilder b;
  b.step(StepKind::timed, "a").segment(Phase::work, 0).segment(Phase::work, 1000);
  b.step(StepKind::rest, "b").segment(Phase::rest, 0);
  Session session(b.plan, options(0));
  session.start(k_t0);
  CHECK(describe(session.advance(k_t0 + ms(5000))) ==
        std::vector<std::string>{"step_end@1000 s0", "step_start@1000 s1", "phase@1000 s1 g2",
                                 "step_end@1000 s1", "session_end@1000 s1 completed"});
  const Plan empty_plan;
  Session empty(empty_plan, options(3000));
  CHECK(describe(empty.start(k_t0)) ==
        std::vector<std::string>{"session_start@0 s0", "lead_in@0 s0"});
  CHECK(describe(empty.advance(k_t0 + ms(3000))) ==
        std::vector<std::string>{"session_end@0 s0 completed"});
}

TEST_CASE("session: event and status names") {
  CHECK(event_name(EventType::session_start) == "session_start");
  CHECK(event_name(EventType::phase) == "phase");
  CHECK(event_name(EventType::session_end) == "session_end");
  CHECK(end_status_name(EndStatus::completed) == "completed");
  CHECK(end_status_name(EndStatus::quit) == "quit");
  CHECK(end_status_name(EndStatus::interrupted) == "interrupted");
}

}  // namespace
// t_ms is active time: what the user actually did. Skipped parts do not count, a breath done
// again after a pause counts twice, and --from-step starts the count at 0.
TEST_CASE("session: event times are active time, not plan offsets") {
  const auto times = [](const std::vector<SessionEvent>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) {
      out.push_back(fmt::format("{}@{}/{}", name(e.type), e.t_ms, e.position_ms));
    }
    return out;
  };
  SUBCASE("next skips plan time without counting it") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    CHECK(times(session.next(k_t0 + ms(2500))) ==
          std::vector<std::string>{"skip@2500/2500", "step_end@2500/2500", "step_start@2500/20000",
                                   "phase@2500/20000"});
    CHECK(times(session.advance(k_t0 + ms(7500))) == std::vector<std::string>{"cue@7500/25000"});
    CHECK(session.view(k_t0 + ms(8000)).active_ms == 8000);
    CHECK(session.view(k_t0 + ms(8000)).position_ms == 25500);
  }
  SUBCASE("a breath restarted on resume is counted again") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    session.pause(k_t0 + ms(3000));    // 3 s into the first inhale
    session.resume(k_t0 + ms(10000));  // back to the start of that inhale
    CHECK(session.view(k_t0 + ms(10000)).active_ms == 3000);
    CHECK(times(session.advance(k_t0 + ms(14000))) == std::vector<std::string>{"phase@7000/4000"});
    const auto end = session.quit(k_t0 + ms(15000));
    CHECK(times(end) == std::vector<std::string>{"session_end@8000/5000"});
    CHECK(session.view(k_t0 + ms(20000)).active_ms == 8000);
  }
  SUBCASE("from_step starts the count at 0") {
    SessionOptions from = options(0);
    from.from_step = 1;
    const Plan plan = small_plan();
    Session session(plan, from);
    const auto start = session.start(k_t0);
    REQUIRE(!start.empty());
    CHECK(start.front().t_ms == 0);
    CHECK(start.front().position_ms == 20000);
    session.advance(k_t0 + ms(40000));
    CHECK(session.finished());
    CHECK(session.view(k_t0 + ms(40000)).active_ms == 40000);
  }
}

}  // namespace backcare

namespace backcare {
namespace {

TEST_CASE("session: statuses: completed, completed-skipping, quit, interrupted, safety-stop") {
  SUBCASE("run to the end with nothing skipped: completed, every step done") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    const auto events = session.advance(k_t0 + ms(60000));
    CHECK(events.back().status == EndStatus::completed);
    const SessionView v = session.view(k_t0 + ms(60000));
    CHECK(v.status == EndStatus::completed);
    CHECK(v.steps_done == 3);
    CHECK(v.steps_skipped == 0);
    CHECK(v.skipped_ms == 0);
  }
  SUBCASE("a step skipped, the rest run: completed-skipping with what was skipped") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    session.next(k_t0 + ms(22000));  // 2 s into the timed step [20000, 45000)
    const auto events = session.advance(k_t0 + ms(60000));
    CHECK(events.back().status == EndStatus::completed_skipping);
    const SessionView v = session.view(k_t0 + ms(60000));
    CHECK(v.steps_done == 2);
    CHECK(v.steps_skipped == 1);
    CHECK(v.skipped_ms == 23000);
    CHECK(end_status_name(v.status) == "completed-skipping");
  }
  SUBCASE("a skipped step run to its end after b counts as done: completed") {
    const Plan plan = small_plan();
    Session session(plan, options(0));
    session.start(k_t0);
    session.next(k_t0 + ms(22000));
    session.back(k_t0 + ms(22500));  // within 2 s of the rest step: back to the timed step
    const auto events = session.advance(k_t0 + ms(90000));
    CHECK(events.back().status == EndStatus::completed);
    CHECK(session.view(k_t0 + ms(90000)).steps_skipped == 0);
    CHECK(session.view(k_t0 + ms(90000)).steps_done == 3);
  }
  SUBCASE("quit, interrupt and safety stop end at once with their status") {
    for (const auto& [status, name] :
         std::vector<std::pair<EndStatus, std::string>>{{EndStatus::quit, "quit"},
                                                        {EndStatus::interrupted, "interrupted"},
                                                        {EndStatus::safety_stop, "safety-stop"}}) {
      const Plan plan = small_plan();
      Session session(plan, options(0));
      session.start(k_t0);
      const auto events = status == EndStatus::quit          ? session.quit(k_t0 + ms(5000))
                          : status == EndStatus::interrupted ? session.interrupt(k_t0 + ms(5000))
                                                             : session.safety_stop(k_t0 + ms(5000));
      REQUIRE(!events.empty());
      CHECK(events.back().type == EventType::session_end);
      CHECK(events.back().status == status);
      CHECK(end_status_name(status) == name);
      CHECK(session.finished());
      CHECK(!reached_end(status));
      CHECK(session.view(k_t0 + ms(5000)).steps_done == 0);
    }
    CHECK(reached_end(EndStatus::completed));
    CHECK(reached_end(EndStatus::completed_skipping));
  }
}

TEST_CASE("session: reads the caller's plan, never a copy of it") {
  const Plan plan = small_plan();
  Session reader(plan, options(0));
  CHECK(&reader.plan() == &plan);  // no copy of the plan's segments
  const Session copy = reader;     // a copy reads the same plan
  CHECK(&copy.plan() == &plan);
  // A temporary plan would be gone before the session: handing one over does not compile.
  static_assert(!std::is_constructible_v<Session, Plan&&, SessionOptions>);
  static_assert(std::is_constructible_v<Session, const Plan&, SessionOptions>);
  std::vector<std::string> got = describe(reader.start(k_t0));
  append(got, reader.advance(k_t0 + ms(60000)));
  std::vector<std::string> expected = {"session_start@0 s0"};
  expected.insert(expected.end(), k_small_plan_run.begin(), k_small_plan_run.end());
  CHECK(got == expected);
}

}  // namespace
}  // namespace backcare
