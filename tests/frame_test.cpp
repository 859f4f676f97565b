// The live frame at every size and in every mode: the whole instruction when there is room,
// warnings kept when there is not, a frame never taller than the window, phase words, what
// comes next, --night and ASCII output. Exact strings, built from a real expanded plan.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "display/render.hpp"
#include "frame_fixture.hpp"
#include "routine/plan.hpp"
#include "routine/routine.hpp"

using namespace backcare;
using namespace backcare::testing;

namespace {

// Lie back ... never the lower back: five lines at 100 columns, the safety sentence last.
constexpr const char* k_roller_text =
    "Lie back with the roller under your shoulder blades, knees bent, feet flat. Support your "
    "head with your hands and keep your chin soft; do not curl up. Lift your hips a little and "
    "roll slowly from the bottom of the shoulder blades to the top of them. Pause on any tight "
    "spot and let your breath slow down while the roller does the work, for as long as it "
    "feels good to you. Roll over the upper back only, never the lower back.";

Step timed_step(std::string title, std::string text, std::int64_t seconds,
                std::vector<std::string> sides = {}) {
  Step step;
  step.kind = StepKind::timed;
  step.title = std::move(title);
  step.text = std::move(text);
  step.duration_ms = seconds * 1000;
  step.sides = std::move(sides);
  step.switch_ms = 5000;
  return step;
}

// 1 box breath (4 s each way, 2 cycles), 2 roller (60 s), 3 twist (30 s a side), 4 knees to
// chest (45 s), 5 squats (3 sets of 2, rest 30 s), 6 rest 10 s.
Plan evening_plan() {
  Routine routine;
  routine.name = "evening";
  routine.title = "Evening 360°";
  routine.source = "evening.json";
  Step breath;
  breath.kind = StepKind::breath;
  breath.title = "Box breath";
  breath.text = "Sit tall.";
  breath.pattern = {4000, 4000, 4000, 4000};
  breath.cycles = 2;
  breath.breath_cues = {"ribs widen", "stay soft", "ribs soften", "rest"};
  routine.steps.push_back(breath);
  routine.steps.push_back(timed_step("Roller: upper back", k_roller_text, 60));
  routine.steps.push_back(
      timed_step("Lying twist", "Let both knees fall to the side named.", 30, {"left", "right"}));
  routine.steps.push_back(timed_step("Knees to chest", "Hug both knees in.", 45));
  Step squat;
  squat.kind = StepKind::reps;
  squat.title = "Squat";
  squat.text = "Feet wide.";
  squat.sets = 3;
  squat.reps = 2;
  squat.tempo = {3000, 1000, 2000};
  squat.rest_ms = 30000;
  routine.steps.push_back(squat);
  Step rest;
  rest.kind = StepKind::rest;
  rest.title = "Rest";
  rest.duration_ms = 10000;
  routine.steps.push_back(rest);
  ExpandResult expanded = expand(routine);
  REQUIRE(expanded.ok());
  return expanded.plan;
}

// The view `into_ms` into segment `index` of `plan`, the clock running.
SessionView view_at(const Plan& plan, std::size_t index, std::int64_t into_ms) {
  const Segment& segment = plan.segments.at(index);
  const PlanStep& step = plan.steps.at(segment.step);
  SessionView view;
  view.started = true;
  view.step = segment.step;
  view.segment = index;
  view.position_ms = segment.start_ms + into_ms;
  view.segment_left_ms = segment.duration_ms - into_ms;
  view.step_left_ms = step.end_ms() - view.position_ms;
  view.routine_left_ms = plan.total_ms - view.position_ms;
  view.segment_progress = static_cast<double>(into_ms) / static_cast<double>(segment.duration_ms);
  view.routine_progress =
      static_cast<double>(view.position_ms) / static_cast<double>(plan.total_ms);
  view.active_ms = view.position_ms;
  return view;
}

// The first segment of step `step` with phase `phase` (and label side/set when given).
std::size_t find_segment(const Plan& plan, std::size_t step, Phase phase, int set = 0,
                         const std::string& side = "") {
  for (std::size_t i = 0; i < plan.segments.size(); ++i) {
    const Segment& s = plan.segments[i];
    if (s.step == step && s.phase == phase && (set == 0 || s.labels.set == set) &&
        (side.empty() || s.labels.side == side)) {
      return i;
    }
  }
  FAIL("no such segment");
  return 0;
}

FrameOptions sized(int width, int height) {
  FrameOptions options;
  options.width = width;
  options.height = height;
  return options;
}

}  // namespace

TEST_CASE("frame::a five-line instruction is shown whole on a 100x30 terminal") {
  const Plan plan = evening_plan();
  const SessionView roller = view_at(plan, find_segment(plan, 1, Phase::work), 20000);
  check_frame(plan, roller, sized(100, 30),
              {
                  "Evening 360°",
                  "Step 2/6 · Roller: upper back                                                   "
                  "                0:40",
                  "Lie back with the roller under your shoulder blades, knees bent, feet flat. "
                  "Support your head with",
                  "your hands and keep your chin soft; do not curl up. Lift your hips a little and "
                  "roll slowly from the",
                  "bottom of the shoulder blades to the top of them. Pause on any tight spot and "
                  "let your breath slow",
                  "down while the roller does the work, for as long as it feels good to you. Roll "
                  "over the upper back",
                  "only, never the lower back.",
                  "",
                  "STRETCH 40",
                  "█████████████████████████████████▍░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░"
                  "░░░░░░░░░░░░░░░░░░░░",
                  "",
                  "",
                  "",
                  "███████████████▎░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░"
                  "░░░░░░░░░░ 4:16 left",
                  "next: Lying twist",
                  "space pause · n next · b back · q quit · ! safety stop",
              });
  // Without a height (not a terminal that says) the same.
  CHECK(render_frame(plan, roller, sized(100, 0)) == render_frame(plan, roller, sized(100, 30)));
  // At 40 columns the same text takes eleven lines, all shown on a tall window.
  check_frame(plan, roller, sized(40, 40),
              {
                  "Evening 360°",
                  "Step 2/6 · Roller: upper back       0:40",
                  "Lie back with the roller under your",
                  "shoulder blades, knees bent, feet flat.",
                  "Support your head with your hands and",
                  "keep your chin soft; do not curl up.",
                  "Lift your hips a little and roll slowly",
                  "from the bottom of the shoulder blades",
                  "to the top of them. Pause on any tight",
                  "spot and let your breath slow down while",
                  "the roller does the work, for as long as",
                  "it feels good to you. Roll over the",
                  "upper back only, never the lower back.",
                  "",
                  "STRETCH 40",
                  "█████████████▍░░░░░░░░░░░░░░░░░░░░░░░░░░",
                  "",
                  "",
                  "",
                  "█████▏░░░░░░░░░░░░░░░░░░░░░░░░ 4:16 left",
                  "next: Lying twist",
                  "space · n · b · q quit · ! safety stop",
              });
}

TEST_CASE("frame::never taller than the window") {
  const Plan plan = evening_plan();
  const SessionView roller = view_at(plan, find_segment(plan, 1, Phase::work), 20000);
  const SessionView inhale = view_at(plan, find_segment(plan, 0, Phase::inhale), 1000);
  SUBCASE("40x8: key help, next, title and progress go; the warnings of the text stay") {
    check_frame(plan, roller, sized(40, 8),
                {
                    "Step 2/6 · Roller: upper back       0:40",
                    "Support your head with your hands and",
                    "keep your chin soft; do not curl up. …",
                    "",
                    "STRETCH 40",
                    "█████████████▍░░░░░░░░░░░░░░░░░░░░░░░░░░",
                    "",
                    "",
                });
    check_frame(plan, inhale, sized(40, 8),
                {
                    "Step 1/6 · Box breath               0:31",
                    "Sit tall.",
                    "",
                    "",
                    "▲ INHALE 3",
                    "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
                    "cycle 1/2",
                    "ribs widen",
                });
  }
  SUBCASE("40x5: the instruction goes too") {
    check_frame(plan, inhale, sized(40, 5),
                {
                    "Step 1/6 · Box breath               0:31",
                    "▲ INHALE 3",
                    "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
                    "cycle 1/2",
                    "ribs widen",
                });
  }
  SUBCASE("40x3: the step, the phase word and count, the bar") {
    check_frame(plan, inhale, sized(40, 3),
                {
                    "Step 1/6 · Box breath               0:31",
                    "▲ INHALE 3",
                    "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
                });
  }
  SUBCASE("40x2 and 40x1: the essentials, then one line") {
    check_frame(plan, inhale, sized(40, 2),
                {"▲ INHALE 3", "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░"});
    check_frame(plan, inhale, sized(40, 1), {"▲ INHALE 3 ███████▎░░░░░░░░░░░░░░░░░░░░░"});
    check_frame(plan, roller, sized(40, 1),
                {
                    "STRETCH 40 █████████▋░░░░░░░░░░░░░░░░░░░",
                });
    SessionView paused = inhale;
    paused.paused = true;
    check_frame(plan, paused, sized(40, 1), {"PAUSED  ▲ INHALE 3 █████▎░░░░░░░░░░░░░░░"});
  }
  SUBCASE("a window taller than the frame changes nothing") {
    CHECK(render_frame(plan, inhale, sized(40, 22)) == render_frame(plan, inhale, sized(40, 0)));
    CHECK(frame_line_count(plan, sized(40, 22)) == 22);
    CHECK(frame_line_count(plan, sized(40, 21)) == 21);
  }
}

TEST_CASE("frame::phase words say what the person does") {
  const Plan plan = evening_plan();
  const auto word = [&](std::size_t step, Phase phase) {
    return std::string(phase_word(plan, plan.segments[find_segment(plan, step, phase)]));
  };
  CHECK(word(0, Phase::inhale) == "INHALE");
  CHECK(word(0, Phase::hold) == "HOLD");
  CHECK(word(0, Phase::exhale) == "EXHALE");
  CHECK(word(0, Phase::hold_empty) == "HOLD");
  CHECK(word(1, Phase::work) == "STRETCH");  // "roll"
  CHECK(word(2, Phase::work) == "STRETCH");  // sides
  CHECK(word(2, Phase::switch_sides) == "SWITCH");
  CHECK(word(3, Phase::work) == "HOLD");  // "Knees to chest": nothing that moves
  CHECK(word(4, Phase::lower) == "LOWER");
  CHECK(word(4, Phase::still) == "HOLD");
  CHECK(word(4, Phase::lift) == "LIFT");
  CHECK(word(4, Phase::rest) == "REST");
  CHECK(word(5, Phase::rest) == "REST");
  // Inhale and exhale differ in shape too, without colour.
  const Segment& in = plan.segments[find_segment(plan, 0, Phase::inhale)];
  const Segment& out = plan.segments[find_segment(plan, 0, Phase::exhale)];
  CHECK(phase_label(plan, in) == "▲ INHALE");
  CHECK(phase_label(plan, out) == "▼ EXHALE");
  CHECK(phase_label(plan, in, true) == "^ INHALE");
  CHECK(phase_label(plan, out, true) == "v EXHALE");
  CHECK(phase_label(plan, plan.segments[find_segment(plan, 0, Phase::hold)]) == "HOLD");
}

// What a timed step is (a stretch or a hold) is decided by its words as whole words, with their
// endings: "remove the roller" holds (the old search found "move" and "roll" inside), "with
// purpose" is no pose, while "Move slowly", "stretching" and "rolling" are stretches.
TEST_CASE("frame::a stretch is named by whole words, not by letters inside another word") {
  Routine routine;
  routine.name = "words";
  routine.title = "Words";
  routine.source = "words.json";
  routine.steps.push_back(timed_step("Remove the roller", "Set it aside and lie still.", 10));
  routine.steps.push_back(timed_step("Rest with purpose", "Feet flat.", 10));
  routine.steps.push_back(timed_step("Cat-cow", "Move slowly between the two.", 10));
  routine.steps.push_back(timed_step("Pigeon", "Stretching the hip, rolling gently.", 10));
  routine.steps.push_back(timed_step("Supported bridge", "Lift and stay.", 10, {"left"}));
  const ExpandResult expanded = expand(routine);
  REQUIRE(expanded.ok());
  const Plan& plan = expanded.plan;
  const auto word = [&](std::size_t step) {
    return std::string(phase_word(plan, plan.segments[find_segment(plan, step, Phase::work)]));
  };
  CHECK(word(0) == "HOLD");
  CHECK(word(1) == "HOLD");
  CHECK(word(2) == "STRETCH");
  CHECK(word(3) == "STRETCH");
  CHECK(word(4) == "STRETCH");  // sides
}

namespace {

// The line of `frame` that starts with `prefix` ("" when none).
std::string line_starting(const std::string& frame, const std::string& prefix) {
  for (const std::string& line : split_lines(frame)) {
    if (line.rfind(prefix, 0) == 0) {
      return line;
    }
  }
  return "";
}

}  // namespace

TEST_CASE("frame::next names what comes next in this step, then the next step") {
  const Plan plan = evening_plan();
  const auto next_at = [&](std::size_t segment) {
    return line_starting(render_frame(plan, view_at(plan, segment, 500), sized(100, 0)), "next:");
  };
  CHECK(next_at(find_segment(plan, 0, Phase::inhale)) == "next: Roller: upper back");
  CHECK(next_at(find_segment(plan, 2, Phase::work, 0, "left")) ==
        "next: right side, then Knees to chest");
  CHECK(next_at(find_segment(plan, 2, Phase::switch_sides)) ==
        "next: right side, then Knees to chest");
  CHECK(next_at(find_segment(plan, 2, Phase::work, 0, "right")) == "next: Knees to chest");
  CHECK(next_at(find_segment(plan, 4, Phase::lift, 1)) == "next: rest 30s, then Rest");
  CHECK(next_at(find_segment(plan, 4, Phase::rest, 2)) == "next: set 2/3, then Rest");
  CHECK(next_at(find_segment(plan, 4, Phase::rest, 3)) == "next: set 3/3, then Rest");
  CHECK(next_at(find_segment(plan, 4, Phase::lower, 3)) == "next: Rest");
  CHECK(next_at(find_segment(plan, 5, Phase::rest)) == "next: end of routine");
}

TEST_CASE("frame::a sided block names its side once") {
  const Plan plan = evening_plan();
  const std::string frame = render_frame(
      plan, view_at(plan, find_segment(plan, 2, Phase::work, 0, "left"), 500), sized(80, 0));
  CHECK(frame.find("side left") != std::string::npos);
  CHECK(frame.find("left side") == std::string::npos);
  SessionEvent event;
  event.type = EventType::phase;
  event.segment = find_segment(plan, 2, Phase::work, 0, "left");
  event.t_ms = plan.segments[event.segment].start_ms;
  CHECK(plain_line(plan, event) == "[01:32] 3/6 Lying twist · side left · STRETCH 30s");
}

TEST_CASE("frame::holds move the bar") {
  const Plan plan = evening_plan();
  const std::size_t hold = find_segment(plan, 0, Phase::hold);
  const std::size_t empty = find_segment(plan, 0, Phase::hold_empty);
  const std::string half = "████████████████████░░░░░░░░░░░░░░░░░░░░";
  CHECK(line_starting(render_frame(plan, view_at(plan, hold, 2000), sized(40, 3)), "█") == half);
  CHECK(line_starting(render_frame(plan, view_at(plan, empty, 2000), sized(40, 3)), "█") == half);
  CHECK(render_frame(plan, view_at(plan, hold, 1000), sized(40, 0)) !=
        render_frame(plan, view_at(plan, hold, 3000), sized(40, 0)));
}

TEST_CASE("frame::--night is dim, never bold, inverse or bright") {
  const Plan plan = evening_plan();
  const SessionView inhale = view_at(plan, find_segment(plan, 0, Phase::inhale), 1000);
  FrameOptions night = sized(40, 0);
  night.color = true;
  night.night = true;
  check_frame(plan, inhale, night,
              {
                  "\x1b[2mEvening 360°\x1b[0m",
                  "Step 1/6 · \x1b[2mBox breath\x1b[0m               \x1b[2m0:31\x1b[0m",
                  "\x1b[2mSit tall.\x1b[0m",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "\x1b[2;36m▲ INHALE 3\x1b[0m",
                  "\x1b[2;36m██████████\x1b[0m\x1b[2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b[0m",
                  "cycle 1/2",
                  "ribs widen",
                  "",
                  "▏\x1b[2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b[0m 5:07 left",
                  "\x1b[2mnext: \x1b[0mRoller: upper back",
                  "\x1b[2mspace · n · b · q quit · ! safety stop\x1b[0m",
              });
  night.width = 100;
  check_frame(
      plan, inhale, night,
      {
          "\x1b[2mEvening 360°\x1b[0m",
          "Step 1/6 · \x1b[2mBox breath\x1b[0m                                                     "
          "                      \x1b[2m0:31\x1b[0m",
          "\x1b[2mSit tall.\x1b[0m",
          "",
          "",
          "",
          "",
          "",
          "\x1b[2;36m▲ INHALE 3\x1b[0m",
          "\x1b[2;36m█████████████████████████\x1b[0m\x1b["
          "2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b[0m",
          "cycle 1/2",
          "ribs widen",
          "",
          "▎\x1b["
          "2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░"
          "░░░\x1b[0m 5:07 left",
          "\x1b[2mnext: \x1b[0mRoller: upper back",
          "\x1b[2mspace pause · n next · b back · q quit · ! safety stop\x1b[0m",
      });
  for (const SessionView& view : assorted_views()) {
    for (const int width : {40, 100}) {
      night.width = width;
      const std::string frame = render_frame(sample_plan(), view, night);
      CAPTURE(frame);
      CHECK(frame.find("\x1b[1") == std::string::npos);
      CHECK(frame.find(";1;") == std::string::npos);
      CHECK(frame.find(";7;") == std::string::npos);
      CHECK(frame.find("\x1b[9") == std::string::npos);
      CHECK(frame.find(";9") == std::string::npos);
    }
  }
}

TEST_CASE("frame::ASCII only when the locale is not UTF-8") {
  const Plan plan = evening_plan();
  FrameOptions ascii = sized(40, 0);
  ascii.ascii = true;
  check_frame(plan, view_at(plan, find_segment(plan, 0, Phase::inhale), 1000), ascii,
              {
                  "Evening 360deg",
                  "Step 1/6 - Box breath               0:31",
                  "Sit tall.",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "^ INHALE 3",
                  "##########------------------------------",
                  "cycle 1/2",
                  "ribs widen",
                  "",
                  "------------------------------ 5:07 left",
                  "next: Roller: upper back",
                  "space - n - b - q quit - ! safety stop",
              });
  check_frame(plan, view_at(plan, find_segment(plan, 0, Phase::exhale), 1000), ascii,
              {
                  "Evening 360deg",
                  "Step 1/6 - Box breath               0:23",
                  "Sit tall.",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "v EXHALE 3",
                  "##############################----------",
                  "cycle 1/2",
                  "ribs soften",
                  "",
                  "#----------------------------- 4:59 left",
                  "next: Roller: upper back",
                  "space - n - b - q quit - ! safety stop",
              });
  // Routine text is made ASCII too, cut lines end with "...".
  Plan odd = plan;
  odd.steps[0].title = "Atmung – ruhig «tief» 日本";
  ascii.height = 3;
  ascii.width = 30;
  check_frame(odd, view_at(odd, find_segment(odd, 0, Phase::inhale), 1000), ascii,
              {"Step 1/6 - Atmung - ru... 0:31", "^ INHALE 3", "########----------------------"});
}

TEST_CASE("frame::--big: the side in block letters, the word in the caption") {
  // On the mat the side is what matters: LEFT and its count are big, STRETCH is above them.
  const Plan plan = evening_plan();
  const SessionView left = view_at(plan, find_segment(plan, 2, Phase::work, 0, "left"), 500);
  FrameOptions big = sized(40, 0);
  big.big = true;
  const std::vector<std::string> lines = split_lines(render_frame(plan, left, big));
  const auto word = std::find(lines.begin(), lines.end(), "STRETCH");
  REQUIRE(lines.end() - word >= 8);
  CHECK(std::vector<std::string>(word, word + 7) == std::vector<std::string>{
                                                        "STRETCH",
                                                        "█     █████ █████ █████     ████   ███",
                                                        "█     █     █       █           █ █  ██",
                                                        "█     ████  ████    █        ███  █ █ █",
                                                        "█     █     █       █           █ ██  █",
                                                        "█████ █████ █       █       ████   ███",
                                                        "▋░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
                                                    });
  CHECK(word[7] == "side left");
  // RIGHT and its count are too wide for 40 columns: the side alone, the count in the caption.
  const SessionView right = view_at(plan, find_segment(plan, 2, Phase::work, 0, "right"), 500);
  const std::vector<std::string> wide = split_lines(render_frame(plan, right, big));
  const auto caption = std::find(wide.begin(), wide.end(), "STRETCH 30");
  REQUIRE(wide.end() - caption >= 2);
  CHECK(std::vector<std::string>(caption + 1, caption + 6) == std::vector<std::string>{
                                                                  "████  ███  ████ █   █ █████",
                                                                  "█   █  █  █     █   █   █",
                                                                  "████   █  █  ██ █████   █",
                                                                  "█  █   █  █   █ █   █   █",
                                                                  "█   █ ███  ████ █   █   █",
                                                              });
}

TEST_CASE("frame::40x15: the keys with the safety stop stay, the instruction is cut with …") {
  const Plan plan = evening_plan();
  const SessionView roller = view_at(plan, find_segment(plan, 1, Phase::work), 20000);
  FrameOptions big = sized(40, 15);
  big.big = true;
  check_frame(plan, roller, big,
              {
                  "Step 2/6 · Roller: upper back       0:40",
                  "Support your head with your hands and",
                  "keep your chin soft; do not curl up.",
                  "Roll over the upper back only, never the",
                  "lower back. …",
                  "STRETCH",
                  "█   █  ███",
                  "█   █ █  ██",
                  "█████ █ █ █",
                  "    █ ██  █",
                  "    █  ███",
                  "█████████████▍░░░░░░░░░░░░░░░░░░░░░░░░░░",
                  "",
                  "",
                  "space · n · b · q quit · ! safety stop",
              });
  check_frame(plan, roller, sized(40, 12),
              {
                  "Step 2/6 · Roller: upper back       0:40",
                  "Lie back with the roller under your",
                  "shoulder blades, knees bent, feet flat.",
                  "Support your head with your hands and",
                  "keep your chin soft; do not curl up.",
                  "Roll over the upper back only, never the",
                  "lower back. …",
                  "STRETCH 40",
                  "█████████████▍░░░░░░░░░░░░░░░░░░░░░░░░░░",
                  "",
                  "",
                  "space · n · b · q quit · ! safety stop",
              });
}
