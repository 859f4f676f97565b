#include "routine/plan.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "catalog.hpp"

using namespace backcare;

namespace {

// One line per segment: "phase start+duration [labels] text".
std::string timeline(const Plan& plan) {
  std::string out;
  for (const auto& s : plan.segments) {
    out += std::string(phase_name(s.phase)) + " " + std::to_string(s.start_ms) + "+" +
           std::to_string(s.duration_ms) + " [" + s.labels.format() + "]";
    if (!s.text.empty()) {
      out += " " + s.text.str();
    }
    out += "\n";
  }
  return out;
}

std::string cue_list(const Plan& plan) {
  std::string out;
  for (const auto& c : plan.cues) {
    out += std::to_string(c.at_ms) + " step " + std::to_string(c.step) + " " + c.text.str() + "\n";
  }
  return out;
}

Routine routine_of(std::vector<Step> steps) {
  Routine routine;
  routine.name = "r";
  routine.title = "R";
  routine.source = "r.json";
  routine.steps = std::move(steps);
  return routine;
}

Step breath_step(std::int64_t inhale, std::int64_t hold, std::int64_t exhale,
                 std::int64_t hold_empty) {
  Step step;
  step.kind = StepKind::breath;
  step.title = "breathe";
  step.pattern = {inhale, hold, exhale, hold_empty};
  return step;
}

Step rest_step(std::int64_t ms) {
  Step step;
  step.kind = StepKind::rest;
  step.title = "rest";
  step.duration_ms = ms;
  return step;
}

// Segments are contiguous, start at 0 and add up to the total; steps cover their segments.
void check_invariants(const Plan& plan) {
  std::int64_t at = 0;
  for (const auto& s : plan.segments) {
    CHECK(s.start_ms == at);
    CHECK(s.duration_ms > 0);
    at = s.end_ms();
  }
  CHECK(plan.total_ms == at);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    if (step.first_segment < step.end_segment) {
      CHECK(plan.segments[step.first_segment].start_ms == step.start_ms);
      CHECK(plan.segments[step.end_segment - 1].end_ms() == step.end_ms());
    }
    for (std::size_t k = step.first_segment; k < step.end_segment; ++k) {
      CHECK(plan.segments[k].step == i);
    }
  }
}

}  // namespace

TEST_CASE("plan::breath") {
  SUBCASE("holds on both sides of the breath, with cues") {
    Step step = breath_step(4000, 2000, 6000, 1000);
    step.cycles = 2;
    step.breath_cues = {"in", "hold", "out", "wait"};
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.ok());
    CHECK(timeline(result.plan) ==
          "inhale 0+4000 [cycle 1/2] in\n"
          "hold 4000+2000 [cycle 1/2] hold\n"
          "exhale 6000+6000 [cycle 1/2] out\n"
          "hold_empty 12000+1000 [cycle 1/2] wait\n"
          "inhale 13000+4000 [cycle 2/2] in\n"
          "hold 17000+2000 [cycle 2/2] hold\n"
          "exhale 19000+6000 [cycle 2/2] out\n"
          "hold_empty 25000+1000 [cycle 2/2] wait\n");
    CHECK(result.plan.total_ms == 26'000);
    check_invariants(result.plan);
  }
  SUBCASE("zero holds leave no segment") {
    Step step = breath_step(4000, 0, 6000, 0);
    step.cycles = 3;
    const ExpandResult result = expand(routine_of({step}));
    CHECK(timeline(result.plan) ==
          "inhale 0+4000 [cycle 1/3]\n"
          "exhale 4000+6000 [cycle 1/3]\n"
          "inhale 10000+4000 [cycle 2/3]\n"
          "exhale 14000+6000 [cycle 2/3]\n"
          "inhale 20000+4000 [cycle 3/3]\n"
          "exhale 24000+6000 [cycle 3/3]\n");
    CHECK(result.plan.total_ms == 30'000);
  }
  SUBCASE("by duration: as many whole cycles as fit") {
    Step step = breath_step(4000, 0, 6000, 0);
    step.duration_ms = 95'000;
    CHECK(expand(routine_of({step})).plan.total_ms == 90'000);
    step.duration_ms = 90'000;
    CHECK(expand(routine_of({step})).plan.total_ms == 90'000);
  }
  SUBCASE("by duration: at least one cycle") {
    Step step = breath_step(4000, 0, 6000, 0);
    step.duration_ms = 3'000;
    const Plan plan = expand(routine_of({step})).plan;
    CHECK(timeline(plan) == "inhale 0+4000 [cycle 1/1]\nexhale 4000+6000 [cycle 1/1]\n");
  }
}

TEST_CASE("plan::timed") {
  SUBCASE("no sides: one work segment, cues at their offsets") {
    Step step;
    step.kind = StepKind::timed;
    step.title = "hold";
    step.duration_ms = 60'000;
    step.cues = {{20'000, "a"}, {40'000, "b"}};
    const Plan plan = expand(routine_of({rest_step(10'000), step})).plan;
    CHECK(timeline(plan) == "rest 0+10000 []\nwork 10000+60000 []\n");
    CHECK(cue_list(plan) == "30000 step 1 a\n50000 step 1 b\n");
    CHECK(plan.total_ms == 70'000);
  }
  SUBCASE("sides with a switch; cues repeated per side") {
    Step step;
    step.kind = StepKind::timed;
    step.title = "lats";
    step.duration_ms = 40'000;
    step.sides = {"left", "right"};
    step.switch_ms = 5'000;
    step.cues = {{15'000, "roll"}, {30'000, "breathe"}};
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.ok());
    CHECK(timeline(result.plan) ==
          "work 0+40000 [side left] left side\n"
          "switch 40000+5000 [side right] switch to the right side\n"
          "work 45000+40000 [side right] right side\n");
    CHECK(cue_list(result.plan) ==
          "15000 step 0 roll\n"
          "30000 step 0 breathe\n"
          "60000 step 0 roll\n"
          "75000 step 0 breathe\n");
    CHECK(result.plan.total_ms == 85'000);
    check_invariants(result.plan);
  }
  SUBCASE("three sides and a zero switch") {
    Step step;
    step.kind = StepKind::timed;
    step.title = "t";
    step.duration_ms = 1'000;
    step.sides = {"a", "b", "c"};
    step.switch_ms = 0;
    CHECK(timeline(expand(routine_of({step})).plan) ==
          "work 0+1000 [side a] a side\n"
          "work 1000+1000 [side b] b side\n"
          "work 2000+1000 [side c] c side\n");
  }
}

// The plan says whether a timed step is a stretch, so no display reads the words again.
TEST_CASE("plan::a timed step is a stretch by its sides or its words") {
  const auto timed = [](std::string title, std::string text, std::vector<std::string> sides) {
    Step step;
    step.kind = StepKind::timed;
    step.title = std::move(title);
    step.text = std::move(text);
    step.duration_ms = 1'000;
    step.sides = std::move(sides);
    return step;
  };
  CHECK(is_stretch(timed("Lats", "", {"left", "right"})));
  CHECK(is_stretch(timed("Child's pose", "", {})));
  CHECK(is_stretch(timed("Open", "Let the knees twist; release the breath.", {})));
  CHECK(is_stretch(timed("Flow", "Keep MOVING.", {})));
  CHECK(is_stretch(timed("Flow", "Small movements.", {})));
  CHECK(is_stretch(timed("Upper back", "Slow rolls.", {})));
  CHECK(is_stretch(timed("Hips", "Poses held long, stretched out.", {})));
  CHECK_FALSE(is_stretch(timed("Remove the roller", "Set it aside.", {})));
  CHECK_FALSE(is_stretch(timed("With purpose", "Unroll the mat; removed.", {})));
  CHECK_FALSE(is_stretch(timed("Stand", "", {})));
  Step reps = timed("Stretch squat", "", {"left"});
  reps.kind = StepKind::reps;
  CHECK_FALSE(is_stretch(reps));
  const Plan plan = expand(routine_of({timed("Cat-cow", "Move slowly.", {}),
                                       timed("Stand", "Still.", {}), rest_step(1'000)}))
                        .plan;
  CHECK(plan.steps[0].stretch);
  CHECK_FALSE(plan.steps[1].stretch);
  CHECK_FALSE(plan.steps[2].stretch);
}

TEST_CASE("plan::reps") {
  SUBCASE("sets, rest between sets, pause 0 leaves no segment") {
    Step step;
    step.kind = StepKind::reps;
    step.title = "squat";
    step.sets = 2;
    step.reps = 2;
    step.tempo = {3'000, 0, 2'000};
    step.rest_ms = 45'000;
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.ok());
    CHECK(timeline(result.plan) ==
          "lower 0+3000 [set 1/2 · rep 1/2] breathe in as you lower\n"
          "lift 3000+2000 [set 1/2 · rep 1/2] breathe out as you lift\n"
          "lower 5000+3000 [set 1/2 · rep 2/2] breathe in as you lower\n"
          "lift 8000+2000 [set 1/2 · rep 2/2] breathe out as you lift\n"
          "rest 10000+45000 [set 2/2] rest between sets\n"
          "lower 55000+3000 [set 2/2 · rep 1/2] breathe in as you lower\n"
          "lift 58000+2000 [set 2/2 · rep 1/2] breathe out as you lift\n"
          "lower 60000+3000 [set 2/2 · rep 2/2] breathe in as you lower\n"
          "lift 63000+2000 [set 2/2 · rep 2/2] breathe out as you lift\n");
    CHECK(result.plan.total_ms == 65'000);
    check_invariants(result.plan);
  }
  SUBCASE("pause, reversed breath, sides with a switch") {
    Step step;
    step.kind = StepKind::reps;
    step.title = "staggered";
    step.sets = 2;
    step.reps = 1;
    step.tempo = {3'000, 1'000, 2'000};
    step.rep_breath = {"exhale", "inhale"};
    step.rest_ms = 30'000;
    step.sides = {"left", "right"};
    step.switch_ms = 10'000;
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.ok());
    CHECK(timeline(result.plan) ==
          "lower 0+3000 [set 1/2 · rep 1/1 · side left] breathe out as you lower\n"
          "pause 3000+1000 [set 1/2 · rep 1/1 · side left] hold still\n"
          "lift 4000+2000 [set 1/2 · rep 1/1 · side left] breathe in as you lift\n"
          "rest 6000+30000 [set 2/2 · side left] rest between sets\n"
          "lower 36000+3000 [set 2/2 · rep 1/1 · side left] breathe out as you lower\n"
          "pause 39000+1000 [set 2/2 · rep 1/1 · side left] hold still\n"
          "lift 40000+2000 [set 2/2 · rep 1/1 · side left] breathe in as you lift\n"
          "switch 42000+10000 [side right] switch to the right side\n"
          "lower 52000+3000 [set 1/2 · rep 1/1 · side right] breathe out as you lower\n"
          "pause 55000+1000 [set 1/2 · rep 1/1 · side right] hold still\n"
          "lift 56000+2000 [set 1/2 · rep 1/1 · side right] breathe in as you lift\n"
          "rest 58000+30000 [set 2/2 · side right] rest between sets\n"
          "lower 88000+3000 [set 2/2 · rep 1/1 · side right] breathe out as you lower\n"
          "pause 91000+1000 [set 2/2 · rep 1/1 · side right] hold still\n"
          "lift 92000+2000 [set 2/2 · rep 1/1 · side right] breathe in as you lift\n");
    CHECK(result.plan.total_ms == 94'000);
    check_invariants(result.plan);
  }
  SUBCASE("first: lift (a glute bridge starts on the floor)") {
    Step step;
    step.kind = StepKind::reps;
    step.title = "bridge";
    step.sets = 1;
    step.reps = 2;
    step.tempo = {2'000, 1'000, 2'000};
    step.rep_breath = {"inhale", "exhale"};
    step.lift_first = true;
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.ok());
    CHECK(timeline(result.plan) ==
          "lift 0+2000 [set 1/1 · rep 1/2] breathe out as you lift\n"
          "pause 2000+1000 [set 1/1 · rep 1/2] hold still\n"
          "lower 3000+2000 [set 1/1 · rep 1/2] breathe in as you lower\n"
          "lift 5000+2000 [set 1/1 · rep 2/2] breathe out as you lift\n"
          "pause 7000+1000 [set 1/1 · rep 2/2] hold still\n"
          "lower 8000+2000 [set 1/1 · rep 2/2] breathe in as you lower\n");
    check_invariants(result.plan);
  }
}

TEST_CASE("plan::steps") {
  Step breath = breath_step(4000, 0, 6000, 0);
  breath.cycles = 1;
  const ExpandResult result = expand(routine_of({breath, rest_step(30'000), breath}));
  REQUIRE(result.ok());
  const Plan& plan = result.plan;
  CHECK(plan.name == "r");
  CHECK(plan.title == "R");
  CHECK(plan.source == "r.json");
  REQUIRE(plan.steps.size() == 3);
  CHECK(plan.steps[0].start_ms == 0);
  CHECK(plan.steps[0].duration_ms == 10'000);
  CHECK(plan.steps[1].kind == StepKind::rest);
  CHECK(plan.steps[1].title == "rest");
  CHECK(plan.steps[1].start_ms == 10'000);
  CHECK(plan.steps[1].duration_ms == 30'000);
  CHECK(plan.steps[1].first_segment == 2);
  CHECK(plan.steps[1].end_segment == 3);
  CHECK(plan.steps[2].start_ms == 40'000);
  CHECK(plan.steps[2].first_segment == 3);
  CHECK(plan.steps[2].end_segment == 5);
  CHECK(plan.total_ms == 50'000);
  check_invariants(plan);
}

TEST_CASE("plan::limits") {
  SUBCASE("exactly 24 hours is allowed") {
    const ExpandResult result = expand(routine_of({rest_step(k_max_total_ms)}));
    CHECK(result.ok());
    CHECK(result.plan.total_ms == k_max_total_ms);
  }
  SUBCASE("more than 24 hours") {
    const ExpandResult result = expand(routine_of({rest_step(k_max_total_ms), rest_step(1)}));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].format() ==
          "r.json: steps: total planned time is more than the limit of 24 hours");
  }
  SUBCASE("exactly 20,000 segments is allowed") {
    Step step = breath_step(1, 0, 1, 0);
    step.cycles = 10'000;
    const ExpandResult result = expand(routine_of({step}));
    CHECK(result.ok());
    CHECK(result.plan.segments.size() == 20'000);
    CHECK(result.plan.total_ms == 20'000);
  }
  SUBCASE("more than 20,000 segments") {
    Step step = breath_step(1, 1, 1, 0);
    step.cycles = 10'000;
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].format() ==
          "r.json: steps: expands to more than 20000 timed segments (the limit); use fewer "
          "cycles, sets or reps");
    CHECK(result.plan.segments.size() <= k_max_segments);
  }
  SUBCASE("timed cues count against the segment limit like segments") {
    Step step;
    step.kind = StepKind::timed;
    step.title = "t";
    step.duration_ms = 1000;
    step.sides = {"a", "b"};
    step.cues.assign(10'000, TimedCue{0, "c"});  // 2 × 10,000 cues + 2 segments
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.plan.cues.size() <= k_max_segments);
  }
  SUBCASE("huge reps stop early instead of looping 10^8 times") {
    Step step;
    step.kind = StepKind::reps;
    step.title = "r";
    step.sets = 10'000;
    step.reps = 10'000;
    step.tempo = {1, 0, 1};
    step.sides = {"a", "b", "c", "d", "e", "f", "g", "h"};
    const ExpandResult result = expand(routine_of({step}));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.plan.segments.size() <= k_max_segments);
  }
}

TEST_CASE("plan::labels") {
  Labels labels;
  CHECK(labels.format() == "");
  labels.cycle = 3;
  labels.cycles = 30;
  CHECK(labels.format() == "cycle 3/30");
  Labels reps;
  reps.set = 2;
  reps.sets = 3;
  reps.rep = 5;
  reps.reps = 8;
  reps.side = "left";
  CHECK(reps.format() == "set 2/3 · rep 5/8 · side left");
  reps.rep = 0;  // a rest between sets names no rep
  CHECK(reps.format() == "set 2/3 · side left");
  Labels rounds;
  rounds.round = 1;
  rounds.rounds = 2;
  rounds.cycle = 1;
  rounds.cycles = 6;
  CHECK(rounds.format() == "round 1/2 · cycle 1/6");
}

TEST_CASE("plan::phase names") {
  CHECK(phase_name(Phase::hold_empty) == "hold_empty");
  CHECK(phase_name(Phase::switch_sides) == "switch");
  CHECK(phase_display(Phase::hold_empty) == "HOLD");
  CHECK(phase_display(Phase::switch_sides) == "SWITCH SIDES");
  CHECK(phase_display(Phase::inhale) == "INHALE");
  CHECK(phase_display(Phase::rest) == "REST");
}

TEST_CASE("plan::built-in routines") {
  // Through the catalog, which resolves includes: the totals `list` shows.
  const Catalog catalog = Catalog::load({});
  const auto total_of = [&](const std::string& name) -> std::int64_t {
    const CatalogEntry* entry = catalog.find(name);
    if (entry == nullptr || !entry->routine) {
      return -1;
    }
    const ExpandResult result = expand(*entry->routine);
    check_invariants(result.plan);
    return result.ok() ? result.plan.total_ms : -2;
  };
  CHECK(total_of("breathe") == 300'000);
  CHECK(total_of("night-release") == 600'000);
  CHECK(total_of("hinge") == 431'000);
  CHECK(total_of("posture") == 160'000);
  CHECK(total_of("strength") == 924'000);

  SUBCASE("night-release in detail") {
    const CatalogEntry* entry = catalog.find("night-release");
    REQUIRE(entry != nullptr);
    REQUIRE(entry->routine);
    const Plan plan = expand(*entry->routine).plan;
    REQUIRE(plan.steps.size() == 10);
    CHECK(plan.steps[5].title == "Roller: lats");
    CHECK(plan.steps[5].start_ms == 250'000);
    CHECK(plan.steps[5].duration_ms == 85'000);  // 40 s a side and a 5 s switch
    // 2 cues in each of 4 one-sided steps; lats 2 × 2 sides, glutes 2 × 2, twist 1 × 2
    CHECK(plan.cues.size() == 18);
    CHECK(plan.segments.front().phase == Phase::inhale);
    CHECK(plan.segments.back().phase == Phase::exhale);
  }
}

TEST_CASE("plan::measure_plan counts what expand builds") {
  Step breath = breath_step(4000, 0, 6000, 0);
  breath.cycles = 3;
  Step timed;
  timed.kind = StepKind::timed;
  timed.title = "t";
  timed.duration_ms = 30000;
  timed.sides = {"left", "right"};
  timed.cues = {{0, "start"}, {10000, "relax"}};
  Step reps;
  reps.kind = StepKind::reps;
  reps.title = "r";
  reps.sets = 2;
  reps.reps = 3;
  reps.tempo = {1000, 500, 1000};
  reps.rest_ms = 20000;
  SUBCASE("within the limits") {
    const Routine routine = routine_of({breath, timed, rest_step(5000), reps});
    const ExpandResult expanded = expand(routine);
    const PlanSize size = measure_plan(routine);
    CHECK(size.ok());
    CHECK(size.segments == expanded.plan.segments.size());
    CHECK(size.cues == expanded.plan.cues.size());
    CHECK(size.total_ms == expanded.plan.total_ms);
    CHECK(size.segments == 6 + 3 + 1 + 19);
    CHECK(size.cues == 4);
  }
  SUBCASE("over a limit: the same errors") {
    for (const Routine& routine :
         {routine_of({rest_step(k_max_total_ms), rest_step(1)}), routine_of({[&] {
            Step many = breath;
            many.cycles = 10'001;
            return many;
          }()})}) {
      const ExpandResult expanded = expand(routine);
      const PlanSize size = measure_plan(routine);
      REQUIRE(size.errors.size() == 1);
      REQUIRE(expanded.errors.size() == 1);
      CHECK(size.errors[0].format() == expanded.errors[0].format());
    }
  }
}

TEST_CASE("plan::repeated texts are shared, not copied") {
  Step breath = breath_step(4000, 0, 6000, 0);
  breath.cycles = 3;
  breath.breath_cues.inhale = std::string(200, 'i');
  Step timed;
  timed.kind = StepKind::timed;
  timed.title = "t";
  timed.duration_ms = 30000;
  timed.sides = {"left", "right"};
  timed.cues = {{0, std::string(100, 'c')}};
  const ExpandResult expanded = expand(routine_of({breath, timed}));
  const auto& segments = expanded.plan.segments;
  REQUIRE(segments.size() == 6 + 3);
  // Every inhale of the step points at one string with the routine's text.
  CHECK(segments[0].text == std::string(200, 'i'));
  CHECK(&segments[0].text.str() == &segments[2].text.str());
  CHECK(&segments[2].text.str() == &segments[4].text.str());
  // The timed cue is one string for both sides; each side's label is one string.
  REQUIRE(expanded.plan.cues.size() == 2);
  CHECK(&expanded.plan.cues[0].text.str() == &expanded.plan.cues[1].text.str());
  CHECK(segments[7].phase == Phase::switch_sides);
  CHECK(&segments[7].labels.side.str() == &segments[8].labels.side.str());
  CHECK(segments[8].labels.side == "right");
  CHECK(segments[6].labels.side == "left");
}
