// `show`, `show --json` and `--dry-run`: the description of a routine and its plan as text and
// JSON, exact strings.
#include "display/show.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace backcare;

namespace {

// Two breaths of 4 s in, 6 s out with an inhale cue; a 20 s twist on each side with a cue.
Routine small_routine() {
  Routine routine;
  routine.name = "small";
  routine.title = "Small 360°";
  routine.description = "Two steps.";
  routine.source = "small.json";
  Step breath;
  breath.kind = StepKind::breath;
  breath.title = "Breathe";
  breath.pattern = {4000, 0, 6000, 0};
  breath.cycles = 2;
  breath.breath_cues.inhale = "ribs widen";
  routine.steps.push_back(breath);
  Step twist;
  twist.kind = StepKind::timed;
  twist.title = "Twist\x1b[2J";
  twist.text = "Knees to the side named.";
  twist.duration_ms = 20000;
  twist.sides = {"left", "right"};
  twist.switch_ms = 5000;
  twist.cues = {{10000, "breathe"}};
  routine.steps.push_back(twist);
  return routine;
}

Plan plan_of(const Routine& routine) {
  ExpandResult expanded = expand(routine);
  REQUIRE(expanded.ok());
  return expanded.plan;
}

}  // namespace

TEST_CASE("show::describe_plan") {
  const Routine routine = small_routine();
  const Plan plan = plan_of(routine);
  CHECK(describe_plan(routine, plan) ==
        "Small 360° (small)\n"
        "Two steps.\n"
        "\n"
        "  1.    0:20  Breathe\n"
        "              breathing, in 4s · out 6s × 2 breaths\n"
        "              inhale: ribs widen\n"
        "  2.    0:45  Twist\\x1b[2J\n"
        "              20s per side (left, right), 5s to switch\n"
        "              Knees to the side named.\n"
        "              at 0:10: breathe\n"
        "\n"
        "Total 1:05\n"
        "\n"
        "General guidance, not medical advice: persistent or worsening pain, leaking,\n"
        "heaviness or abdominal doming is a reason to see a pelvic-floor physiotherapist.\n");
}

TEST_CASE("show::write_plan_json writes what plan_to_json holds, a piece at a time") {
  const Plan plan = plan_of(small_routine());
  std::string written;
  int pieces = 0;
  write_plan_json(plan, [&](std::string_view piece) {
    written += piece;
    ++pieces;
  });
  CHECK(written == dump_json(plan_to_json(plan)) + "\n");
  CHECK(pieces > static_cast<int>(plan.segments.size()));
  CHECK(written.find("\"title\": \"Small 360\\u00b0\"") != std::string::npos);
  CHECK(written.find("\"phase\": \"work\"") != std::string::npos);
}

TEST_CASE("show::labels_to_json has only the labels that apply") {
  Labels labels;
  CHECK(labels_to_json(labels).dump() == "{}");
  labels.cycle = 3;
  labels.cycles = 30;
  CHECK(labels_to_json(labels).dump() == R"({"cycle":3,"cycles":30})");
  Labels reps;
  reps.set = 2;
  reps.sets = 3;
  reps.rep = 0;  // the rest between sets: no rep
  reps.reps = 8;
  reps.side = "left";
  CHECK(labels_to_json(reps).dump() == R"({"set":2,"sets":3,"side":"left"})");
}

TEST_CASE("show::dump_json escapes everything but ASCII") {
  CHECK(dump_json(Json("360° \u009b"), -1) == R"("360\u00b0 \u009b")");
  CHECK(dump_json(Json::array({1, 2}), 2) == "[\n  1,\n  2\n]");
}
