#include "speech.hpp"

#include <doctest/doctest.h>

#include "loader.hpp"
#include "plan.hpp"

namespace backcare {
namespace {

Plan small_plan() {
  const char* text = R"({"format": 1, "name": "s", "title": "Evening",
    "steps": [
      {"kind": "breath", "title": "Breathe", "pattern": {"inhale": 4, "exhale": 6}, "cycles": 2,
       "cues": {"inhale": "Ribs widen", "exhale": "Core lifts"}},
      {"kind": "timed", "title": "Twist", "duration": 20, "sides": ["left", "right"],
       "cues": [{"at": 10, "text": "Breathe into the ribs"}]},
      {"kind": "reps", "title": "Bridges", "sets": 2, "reps": 1, "rest": 5,
       "tempo": {"lower": 2, "pause": 1, "lift": 2}},
      {"kind": "rest", "title": "Lie still", "duration": 10}
    ]})";
  const LoadResult loaded = load_routine(text, "s.json");
  REQUIRE(loaded.ok());
  return expand(loaded.routine).plan;
}

SessionEvent segment_event(std::size_t segment) {
  SessionEvent event;
  event.type = EventType::phase;
  event.segment = segment;
  return event;
}

}  // namespace

TEST_CASE("speech::spoken_text") {
  const Plan plan = small_plan();
  SessionEvent event;
  event.type = EventType::session_start;
  CHECK(spoken_text(plan, event) == "Evening");
  event.type = EventType::lead_in;
  CHECK(spoken_text(plan, event) == "Get ready");
  event.type = EventType::step_start;
  event.step = 1;
  CHECK(spoken_text(plan, event) == "Twist");

  // Segments: 0 inhale c1, 1 exhale c1, 2 inhale c2, 3 exhale c2, 4 work left, 5 switch,
  // 6 work right, 7 lower, 8 pause, 9 lift, 10 rest (between sets), 11-13 set 2, 14 rest step.
  CHECK(spoken_text(plan, segment_event(0)) == "Breathe in");  // the cue is on screen only
  CHECK(spoken_text(plan, segment_event(1)) == "Breathe out");
  CHECK(spoken_text(plan, segment_event(2)) == "Breathe in");
  CHECK(spoken_text(plan, segment_event(3)) == "Breathe out");
  CHECK(spoken_text(plan, segment_event(4)) == "left side");
  CHECK(spoken_text(plan, segment_event(5)) == "Switch sides");
  CHECK(spoken_text(plan, segment_event(6)) == "right side");
  CHECK(spoken_text(plan, segment_event(7)) == "Lower");
  CHECK(spoken_text(plan, segment_event(8)).empty());
  CHECK(spoken_text(plan, segment_event(9)) == "Lift");
  CHECK(spoken_text(plan, segment_event(10)) == "Rest");
  CHECK(spoken_text(plan, segment_event(14)).empty());  // the rest step's title says it
  CHECK(spoken_text(plan, segment_event(99)).empty());

  event = SessionEvent{};
  event.type = EventType::cue;
  event.cue = 1;
  CHECK(spoken_text(plan, event) == "Breathe into the ribs");
  event.type = EventType::session_end;
  event.status = EndStatus::completed;
  CHECK(spoken_text(plan, event) == "Well done. That is the end of the routine.");
  event.status = EndStatus::quit;
  CHECK(spoken_text(plan, event).empty());
}

TEST_CASE("speech::speakable") {
  CHECK(speakable("Ribs widen") == "Ribs widen");
  CHECK(speakable("\x1b[2Jclear") == " [2Jclear");
  CHECK(speakable("a\tb\nc\x7f") == "a b c ");
  CHECK(speakable("x\xc2\x9by") == "x y");   // a C1 control
  CHECK(speakable("360° ok") == "360° ok");  // other UTF-8 stays
  CHECK(speakable("--help") == " --help");   // never an option of the speech program
  CHECK(speakable("").empty());
}

TEST_CASE("speech::program_in_path") {
  CHECK(program_in_path("sh"));
  CHECK(program_in_path("/bin/sh"));
  CHECK_FALSE(program_in_path("backcare-no-such-program"));
  CHECK_FALSE(program_in_path("/nonexistent/espeak-ng"));
}

}  // namespace backcare
