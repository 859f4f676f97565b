#include "display/render.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "base/sanitize.hpp"
#include "frame_fixture.hpp"
#include "routine/routine.hpp"

using namespace backcare;

using namespace backcare::testing;

TEST_CASE("render::bar") {
  CHECK(render_bar(0.0, 8) == "░░░░░░░░");
  CHECK(render_bar(1.0 / 16.0, 8) == "▌░░░░░░░");
  CHECK(render_bar(0.5, 8) == "████░░░░");
  CHECK(render_bar(1.0, 8) == "████████");
  SUBCASE("every eighth") {
    CHECK(render_bar(1.0 / 8.0, 1) == "▏");
    CHECK(render_bar(2.0 / 8.0, 1) == "▎");
    CHECK(render_bar(3.0 / 8.0, 1) == "▍");
    CHECK(render_bar(5.0 / 8.0, 1) == "▋");
    CHECK(render_bar(6.0 / 8.0, 1) == "▊");
    CHECK(render_bar(7.0 / 8.0, 1) == "▉");
  }
  SUBCASE("clamped") {
    CHECK(render_bar(-1.0, 4) == "░░░░");
    CHECK(render_bar(2.0, 4) == "████");
    CHECK(render_bar(std::numeric_limits<double>::quiet_NaN(), 4) == "░░░░");
    CHECK(render_bar(0.5, 0) == "");
    CHECK(render_bar(0.5, -3) == "");
  }
  SUBCASE("always exactly cells columns") {
    for (int cells = 1; cells <= 60; ++cells) {
      for (int step = 0; step <= 100; ++step) {
        CHECK(display_width(render_bar(step / 100.0, cells)) == cells);
      }
    }
  }
}

TEST_CASE("render::breath_fill") {
  CHECK(breath_fill(Phase::inhale, 0.25) == doctest::Approx(0.25));
  CHECK(breath_fill(Phase::hold, 0.25) == doctest::Approx(0.25));  // a hold shows its progress
  CHECK(breath_fill(Phase::exhale, 0.25) == doctest::Approx(0.75));
  CHECK(breath_fill(Phase::hold_empty, 0.25) == doctest::Approx(0.25));
  CHECK(breath_fill(Phase::work, 0.25) == doctest::Approx(0.25));
  CHECK(breath_fill(Phase::rest, 0.25) == doctest::Approx(0.25));
  CHECK(breath_fill(Phase::lift, 0.25) == doctest::Approx(0.25));
  CHECK(breath_fill(Phase::inhale, 1.5) == doctest::Approx(1.0));
  CHECK(breath_fill(Phase::exhale, -1.0) == doctest::Approx(1.0));
}

TEST_CASE("render::frame mid-inhale at 40 columns") {
  const std::vector<std::string> expected = {
      "Morning back care",
      "Step 1/3 · 360 breathing            0:09",
      "Lie on your back, knees bent. Breathe",
      "low and wide into your ribs, belly and",
      "back.",
      "",
      "▲ INHALE 3",
      "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
      "cycle 2/2",
      "ribs widen in every direction",
      "",
      "███░░░░░░░░░░░░░░░░░░░░░░░░░░░ 1:39 left",
      "next: Foam roller",
      "space · n · b · q quit · ! safety stop",
  };
  check_frame(sample_plan(), mid_inhale(), 40, expected);
}

TEST_CASE("render::frame with emoji fits 40 columns exactly") {
  // ✅ (U+2705) and 🚀 (U+1F680) are drawn two columns wide; counted as one, the step line
  // came out 42 columns and the terminal wrapped it, breaking the in-place redraw.
  Plan plan = sample_plan();
  plan.title = "✅ Morning back care 🚀";
  plan.steps[0].title = "🚀 360 breathing ✅";
  plan.steps[1].title = "Foam roller 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀";
  const std::vector<std::string> lines = split_lines(render_frame(plan, mid_inhale(), {40, false}));
  REQUIRE(lines.size() == 14);
  CHECK(lines[0] == "✅ Morning back care 🚀");
  // 11 + 2 + 15 + 2 = 30 columns of text, 6 spaces, "0:09": exactly 40.
  CHECK(lines[1] == "Step 1/3 · 🚀 360 breathing ✅      0:09");
  // "next: " (6) + "Foam roller " (12) + 10 rockets (20) + "…" (1) would be 39; an eleventh
  // rocket would make 41, so it stops at 10 rockets and the ellipsis.
  CHECK(lines[12] == "next: Foam roller 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀…");
}

TEST_CASE("render::frame mid-inhale at 80 columns") {
  // Wide terminals get a wider frame, up to k_max_frame_width (100).
  const std::vector<std::string> expected = {
      "Morning back care",
      "Step 1/3 · 360 breathing                                                    0:09",
      "Lie on your back, knees bent. Breathe low and wide into your ribs, belly and",
      "back.",
      "",
      "▲ INHALE 3",
      "████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
      "cycle 2/2",
      "ribs widen in every direction",
      "",
      "███████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 1:39 left",
      "next: Foam roller",
      "space pause · n next · b back · q quit · ! safety stop",
  };
  check_frame(sample_plan(), mid_inhale(), 80, expected);
}

TEST_CASE("render::frame states") {
  const Plan plan = sample_plan();
  const std::vector<SessionView> views = assorted_views();
  const auto lines_of = [&](const SessionView& view) {
    return split_lines(render_frame(plan, view, {80, false}));
  };
  SUBCASE("paused") {
    const std::vector<std::string> lines = lines_of(views[1]);
    CHECK(lines[5] == "PAUSED  ▲ INHALE 3");
    CHECK(lines[12] == "space resume · n next · b back · q quit · ! safety stop");
  }
  SUBCASE("lead-in shows the countdown and what comes first") {
    const std::vector<std::string> lines = lines_of(views[2]);
    CHECK(lines[1] ==
          "Step 1/3 · 360 breathing                                                    0:20");
    CHECK(lines[5] == "GET READY 3");
    CHECK(lines[8] == "first: ▲ INHALE · ribs widen in every direction");
  }
  SUBCASE("a timed cue newer than the segment replaces its text") {
    const std::vector<std::string> lines = lines_of(views[3]);
    CHECK(lines[5] == "STRETCH 28");  // "Roller across ...": a roll
    CHECK(lines[8] == "roll slowly to the shoulder blades");
    CHECK(lines[11] == "next: Rest");
  }
  SUBCASE("a segment newer than the cue shows its own text") {
    Plan sides = plan;
    sides.segments[4].duration_ms = 40000;
    sides.segments[4].text = "left";
    sides.segments.insert(sides.segments.begin() + 5,
                          make_segment(1, Phase::work, 60000, 20000, {}, "right"));
    sides.steps[1].end_segment = 6;
    sides.steps[2].first_segment = 6;
    sides.steps[2].end_segment = 7;
    SessionView view = views[3];
    view.segment = 5;
    view.position_ms = 61000;
    view.segment_left_ms = 19000;
    const std::vector<std::string> lines = split_lines(render_frame(sides, view, {80, false}));
    CHECK(lines[8] == "right");
    view.segment = 4;
    view.position_ms = 52000;
    CHECK(split_lines(render_frame(sides, view, {80, false}))[8] ==
          "roll slowly to the shoulder blades");
  }
  SUBCASE("countdowns of a minute or more read as a clock") {
    CHECK(lines_of(views[4])[5] == "REST 1:31");
  }
  SUBCASE("finished") {
    const std::vector<std::string> lines = lines_of(views[5]);
    CHECK(lines[1] == "Done");
    CHECK(lines[5] == "DONE");
  }
}

TEST_CASE("render::frame long instruction text is shown whole when there is room") {
  Plan plan = sample_plan();
  plan.steps[1].text =
      "Place the roller across your upper back, hands behind your head, and roll slowly "
      "from the bottom of the shoulder blades up to the top, breathing out as you go.";
  const std::vector<std::string> lines = split_lines(render_frame(plan, mid_inhale(), {40, false}));
  CHECK(frame_line_count(plan, 40) == 15);
  const std::vector<std::string> rolling =
      split_lines(render_frame(plan, assorted_views()[3], {40, false}));
  REQUIRE(rolling.size() == 15);
  CHECK(rolling[2] == "Place the roller across your upper back,");
  CHECK(rolling[3] == "hands behind your head, and roll slowly");
  CHECK(rolling[4] == "from the bottom of the shoulder blades");
  CHECK(rolling[5] == "up to the top, breathing out as you go.");
  CHECK(lines[4] == "back.");  // shorter text is padded with blank lines
  CHECK(lines[5] == "");
}

TEST_CASE("render::frame fits the width and has no escapes without colour") {
  const Plan plan = sample_plan();
  for (int width : {1, 2, 5, 10, 20, 30, 39, 40, 41, 59, 60, 61, 80, 100, 101, 200}) {
    for (int height : {0, 1, 2, 3, 5, 8, 13, 14, 30}) {
      for (const bool ascii : {false, true}) {
        for (const SessionView& view : assorted_views()) {
          CAPTURE(width);
          CAPTURE(height);
          CAPTURE(ascii);
          const FrameOptions options{width, false, height, false, ascii};
          const std::string plain = render_frame(plan, view, options);
          CHECK(plain.find('\x1b') == std::string::npos);
          const std::vector<std::string> lines = split_lines(plain);
          CHECK(static_cast<int>(lines.size()) == frame_line_count(plan, options));
          if (height > 0) {
            CHECK(static_cast<int>(lines.size()) <= height);
          }
          for (const std::string& line : lines) {
            CAPTURE(line);
            CHECK(display_width(line) <= width);
            if (ascii) {
              CHECK(std::all_of(line.begin(), line.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
            }
          }
          // Colour only adds SGR sequences around the same text, by day and by night.
          for (const bool night : {false, true}) {
            const std::string colored =
                render_frame(plan, view, {width, true, height, night, ascii});
            CHECK(strip_sgr(colored) == plain);
          }
        }
      }
    }
  }
}

TEST_CASE("render::frame colours the phase") {
  const Plan plan = sample_plan();
  const std::vector<SessionView> views = assorted_views();
  const std::string inhale = render_frame(plan, views[0], {40, true});
  CHECK(inhale.find("\x1b[1;36m▲ INHALE 3\x1b[0m") != std::string::npos);
  CHECK(inhale.find("\x1b[36m██████████\x1b[0m\x1b[2m░░░") != std::string::npos);
  const std::string paused = render_frame(plan, views[1], {40, true});
  CHECK(paused.find("\x1b[1;7;31mPAUSED\x1b[0m") != std::string::npos);
  const std::string rest = render_frame(plan, views[4], {40, true});
  CHECK(rest.find("\x1b[1;35mREST 1:31\x1b[0m") != std::string::npos);
}

TEST_CASE("render::untrusted text comes out escaped") {
  Plan plan = sample_plan();
  plan.title = "\x1b]0;x\x07";
  plan.steps[0].title = "\x1b[2J";
  plan.steps[0].text =
      "csi \xc2\x9b"
      "31m red\nnext line";
  plan.steps[1].title =
      "bidi \xe2\x80\xae"
      "evil";
  plan.segments[2].text = "\x1b[31mred\xc2\x9b";
  plan.segments[2].labels.side = "\x1b[1A";
  plan.cues[0].text = "\x9b\x1b";
  std::vector<std::string> outputs;
  for (int width : {20, 40, 80}) {
    for (const SessionView& view : assorted_views()) {
      outputs.push_back(render_frame(plan, view, {width, false}));
      outputs.push_back(strip_sgr(render_frame(plan, view, {width, true})));
    }
  }
  for (EventType type : {EventType::session_start, EventType::step_start, EventType::phase,
                         EventType::cue, EventType::skip}) {
    SessionEvent event;
    event.type = type;
    event.segment = 2;
    outputs.push_back(plain_line(plan, event));
  }
  outputs.push_back(render_summary(plan, EndStatus::completed, 3, 110000));
  outputs.push_back(render_summary(plan, EndStatus::quit, 0, 1000));
  for (const std::string& out : outputs) {
    CAPTURE(out);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find('\x9b') == std::string::npos);
    CHECK(out.find("\xe2\x80\xae") == std::string::npos);
  }
  SessionEvent step_start;
  step_start.type = EventType::step_start;
  CHECK(plain_line(plan, step_start) ==
        "[00:00] step 1/3: \\x1b[2J — csi \\u009b31m red next line");
  const std::vector<std::string> frame = split_lines(render_frame(plan, mid_inhale(), {80, false}));
  CHECK(frame[0] == "\\x1b]0;x\\x07");
  CHECK(frame[1] ==
        "Step 1/3 · \\x1b[2J                                                          0:09");
  CHECK(frame[6] == "cycle 2/2 · side \\x1b[1A");
  CHECK(frame[7] == "\\x1b[31mred\\u009b");
}

TEST_CASE("render::plain_line") {
  const Plan plan = sample_plan();
  SessionEvent event;
  SUBCASE("session_start") {
    event.type = EventType::session_start;
    CHECK(plain_line(plan, event) == "[00:00] Morning back care · 3 steps · 1:50");
  }
  SUBCASE("lead_in") {
    event.type = EventType::lead_in;
    CHECK(plain_line(plan, event, 3000) == "[00:00] get ready… 3s");
    CHECK(plain_line(plan, event) == "[00:00] get ready…");
  }
  SUBCASE("step_start") {
    event.type = EventType::step_start;
    event.step = 1;
    event.t_ms = 20000;
    CHECK(plain_line(plan, event) ==
          "[00:20] step 2/3: Foam roller — Roller across your upper back.");
    event.step = 2;
    event.t_ms = 80000;
    CHECK(plain_line(plan, event) == "[01:20] step 3/3: Rest");
  }
  SUBCASE("phase") {
    event.type = EventType::phase;
    event.segment = 2;
    event.t_ms = 10000;
    CHECK(plain_line(plan, event) ==
          "[00:10] 1/3 360 breathing · cycle 2/2 · INHALE 4s · ribs widen in every direction");
    event.segment = 5;
    event.step = 2;
    event.t_ms = 80000;
    CHECK(plain_line(plan, event) == "[01:20] 3/3 Rest · REST 30s");
  }
  SUBCASE("cue") {
    event.type = EventType::cue;
    event.cue = 0;
    event.step = 1;
    event.t_ms = 50000;
    CHECK(plain_line(plan, event) ==
          "[00:50] 2/3 Foam roller · cue: roll slowly to the shoulder blades");
  }
  SUBCASE("pause and resume") {
    event.t_ms = 72999;
    event.type = EventType::pause;
    CHECK(plain_line(plan, event) == "[01:12] PAUSED");
    event.type = EventType::resume;
    CHECK(plain_line(plan, event) == "[01:12] resumed");
  }
  SUBCASE("skip and back") {
    event.step = 1;
    event.t_ms = 30000;
    event.type = EventType::skip;
    CHECK(plain_line(plan, event) == "[00:30] skip: 2/3 Foam roller");
    event.type = EventType::back;
    CHECK(plain_line(plan, event) == "[00:30] back from 2/3 Foam roller");
  }
  SUBCASE("step_end needs no line") {
    event.type = EventType::step_end;
    CHECK(plain_line(plan, event).empty());
  }
  SUBCASE("session_end") {
    event.type = EventType::session_end;
    event.t_ms = 110000;
    event.status = EndStatus::completed;
    CHECK(plain_line(plan, event) == "[01:50] end: completed");
    event.status = EndStatus::interrupted;
    CHECK(plain_line(plan, event) == "[01:50] end: interrupted");
  }
  SUBCASE("an hour or more") {
    event.type = EventType::pause;
    event.t_ms = 3723000;
    CHECK(plain_line(plan, event) == "[1:02:03] PAUSED");
  }
  SUBCASE("indices outside the plan give no line") {
    event.type = EventType::phase;
    event.segment = 99;
    CHECK(plain_line(plan, event).empty());
    event.type = EventType::cue;
    event.cue = 99;
    CHECK(plain_line(plan, event).empty());
    event.type = EventType::step_start;
    event.step = 99;
    CHECK(plain_line(plan, event).empty());
  }
}

TEST_CASE("render::summary") {
  const Plan plan = sample_plan();
  const std::string note = std::string(k_safety_note) + "\n";
  CHECK(render_summary(plan, EndStatus::completed, 3, 110000) ==
        "Completed: Morning back care — 1:50 of 1:50\n" + note);
  CHECK(render_summary(plan, EndStatus::quit, 1, 52000) ==
        "Stopped at step 2 of 3: Foam roller — 0:52 of 1:50\n" + note);
  CHECK(render_summary(plan, EndStatus::interrupted, 7, 109999) ==
        "Stopped at step 3 of 3: Rest — 1:49 of 1:50\n" + note);
  CHECK(render_summary(Plan{}, EndStatus::quit, 0, 0) == "Stopped:  — 0:00 of 0:00\n" + note);
}

TEST_CASE("render::summary of skipped steps, safety stops and the resume hint") {
  const Plan plan = sample_plan();
  const std::string note = std::string(k_safety_note) + "\n";
  SummaryFacts facts;
  facts.status = EndStatus::completed_skipping;
  facts.step = 2;
  facts.active_ms = 80000;
  facts.steps_skipped = 2;
  CHECK(render_summary(plan, facts) ==
        "Completed, 2 steps skipped: Morning back care — 1:20 of 1:50\n" + note);
  facts.steps_skipped = 1;
  CHECK(render_summary(plan, facts) ==
        "Completed, 1 step skipped: Morning back care — 1:20 of 1:50\n" + note);
  facts.status = EndStatus::quit;
  facts.step = 1;
  facts.active_ms = 52000;
  facts.resume_hint = true;
  CHECK(render_summary(plan, facts) ==
        "Stopped at step 2 of 3: Foam roller — 0:52 of 1:50\nTo carry on from there: backcare "
        "resume\n" +
            note);
  facts.status = EndStatus::safety_stop;
  CHECK(render_summary(plan, facts) ==
        "Stopped for safety at step 2 of 3: Foam roller — 0:52 of 1:50\n" + note);
  facts.resume_hint = false;
  facts.status = EndStatus::interrupted;
  CHECK(render_summary(plan, facts) ==
        "Stopped at step 2 of 3: Foam roller — 0:52 of 1:50\n" + note);
  facts.status = EndStatus::completed;
  facts.active_ms = 110000;
  facts.preview_speed = 30;
  CHECK(render_summary(plan, facts) ==
        "Completed: Morning back care — 1:50 of 1:50\nPreview at 30x speed: not counted as "
        "practice\n" +
            note);
  facts.preview_speed = 2.5;
  CHECK(render_summary(plan, facts).find("Preview at 2.5x speed") != std::string::npos);
}

TEST_CASE("render::a frame drawn with a cache kept from frame to frame is the frame without one") {
  // One cache through every view, size and mode in turn (as the live display keeps it, and as
  // a resize or a new step changes what it holds), compared with a fresh render each time.
  const Plan plan = sample_plan();
  FrameCache cache;
  int renewed = 0;
  for (int width : {20, 40, 100, 40}) {
    for (int height : {0, 3, 14}) {
      for (const bool ascii : {false, true}) {
        for (const SessionView& view : assorted_views()) {
          const FrameOptions options{width, true, height, false, ascii};
          const std::size_t step_before = cache.step;
          CHECK(render_frame(plan, view, options, cache) == render_frame(plan, view, options));
          renewed += cache.step != step_before ? 1 : 0;
        }
      }
    }
  }
  CHECK(renewed > 10);  // the cached instruction did change hands along the way
}

TEST_CASE("render::a notice takes the frame's own blank line, else the next line") {
  // A sound failure during a session: said inside the frame, whose line count stays, so the
  // warning is never written over it; the keys stay.
  FrameOptions options{40, false};
  options.notice = "speech off: espeak-ng cannot speak here";
  std::vector<std::string> lines = split_lines(render_frame(sample_plan(), mid_inhale(), options));
  REQUIRE(lines.size() == 14);
  CHECK(lines[10] == "speech off: espeak-ng cannot speak here");
  CHECK(lines[12] == "next: Foam roller");
  CHECK(lines[13] == "space · n · b · q quit · ! safety stop");
  // 12 lines: the blank lines are dropped, and the notice takes the next line.
  options.height = 12;
  lines = split_lines(render_frame(sample_plan(), mid_inhale(), options));
  REQUIRE(lines.size() == 12);
  CHECK(lines[10] == "speech off: espeak-ng cannot speak here");
  CHECK(lines[11] == "space · n · b · q quit · ! safety stop");
  // Night: dim yellow, like every other span.
  options = FrameOptions{40, true};
  options.night = true;
  options.notice = "tones off: no working audio player";
  CHECK(render_frame(sample_plan(), mid_inhale(), options)
            .find("\x1b[2;33mtones off: no working audio player\x1b[0m") != std::string::npos);
}
