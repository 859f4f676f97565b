#pragma once
// Shared by the frame tests (render_test.cpp, frame_test.cpp, frame_timing_test.cpp) and the
// player's: small plans, views of them, and helpers to compare frames line by line.
#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

#include "display/render.hpp"

namespace backcare::testing {

inline Segment make_segment(std::size_t step, Phase phase, std::int64_t start_ms,
                            std::int64_t duration_ms, Labels labels, std::string text) {
  Segment segment;
  segment.step = step;
  segment.phase = phase;
  segment.start_ms = start_ms;
  segment.duration_ms = duration_ms;
  segment.labels = std::move(labels);
  segment.text = std::move(text);
  return segment;
}

// A timed step of `timed_ms` ("Hold"), then one 4 s in / 6 s out breath ("Breathe").
inline Plan timed_then_breath(std::int64_t timed_ms) {
  Plan plan;
  plan.name = "t";
  plan.title = "Test";
  const auto add_step = [&](StepKind kind, std::string title) {
    PlanStep step;
    step.kind = kind;
    step.title = std::move(title);
    step.start_ms = plan.total_ms;
    step.first_segment = plan.segments.size();
    step.end_segment = plan.segments.size();
    plan.steps.push_back(step);
  };
  const auto add_segment = [&](Phase phase, std::int64_t duration_ms) {
    Segment segment;
    segment.step = plan.steps.size() - 1;
    segment.phase = phase;
    segment.start_ms = plan.total_ms;
    segment.duration_ms = duration_ms;
    plan.segments.push_back(segment);
    plan.total_ms += duration_ms;
    plan.steps.back().duration_ms += duration_ms;
    plan.steps.back().end_segment = plan.segments.size();
  };
  add_step(StepKind::timed, "Hold");
  add_segment(Phase::work, timed_ms);
  add_step(StepKind::breath, "Breathe");
  add_segment(Phase::inhale, 4000);
  add_segment(Phase::exhale, 6000);
  return plan;
}

inline Labels cycle(int n, int of) {
  Labels labels;
  labels.cycle = n;
  labels.cycles = of;
  return labels;
}

// Three steps, 1:50 in all: two breaths (4 s in, 6 s out), a 60 s foam roll with a cue at
// 0:30 (plan 0:50), a 30 s rest.
inline Plan sample_plan() {
  Plan plan;
  plan.name = "morning";
  plan.title = "Morning back care";
  PlanStep breath;
  breath.kind = StepKind::breath;
  breath.title = "360 breathing";
  breath.text =
      "Lie on your back, knees bent. Breathe low and wide into your ribs, belly and back.";
  breath.start_ms = 0;
  breath.duration_ms = 20000;
  breath.first_segment = 0;
  breath.end_segment = 4;
  PlanStep roll;
  roll.kind = StepKind::timed;
  roll.title = "Foam roller";
  roll.text = "Roller across your upper back.";
  roll.stretch = true;  // as expand decides for a roll
  roll.start_ms = 20000;
  roll.duration_ms = 60000;
  roll.first_segment = 4;
  roll.end_segment = 5;
  PlanStep rest;
  rest.kind = StepKind::rest;
  rest.title = "Rest";
  rest.start_ms = 80000;
  rest.duration_ms = 30000;
  rest.first_segment = 5;
  rest.end_segment = 6;
  plan.steps = {breath, roll, rest};
  const std::string widen = "ribs widen in every direction";
  const std::string soften = "ribs soften, belly draws in";
  plan.segments = {
      make_segment(0, Phase::inhale, 0, 4000, cycle(1, 2), widen),
      make_segment(0, Phase::exhale, 4000, 6000, cycle(1, 2), soften),
      make_segment(0, Phase::inhale, 10000, 4000, cycle(2, 2), widen),
      make_segment(0, Phase::exhale, 14000, 6000, cycle(2, 2), soften),
      make_segment(1, Phase::work, 20000, 60000, {}, ""),
      make_segment(2, Phase::rest, 80000, 30000, {}, ""),
  };
  plan.cues = {{50000, 1, "roll slowly to the shoulder blades"}};
  plan.total_ms = 110000;
  return plan;
}

// The view one second into the second inhale.
inline SessionView mid_inhale() {
  SessionView view;
  view.started = true;
  view.step = 0;
  view.segment = 2;
  view.position_ms = 11000;
  view.segment_left_ms = 3000;
  view.step_left_ms = 9000;
  view.routine_left_ms = 99000;
  view.segment_progress = 0.25;
  view.routine_progress = 0.1;
  view.active_ms = 11000;
  return view;
}

// frame_line_count at `width` columns, with no height limit, in UTF-8.
inline int frame_line_count(const Plan& plan, int width) {
  FrameOptions options;
  options.width = width;
  return backcare::frame_line_count(plan, options);
}

// render_summary with only the status, the step and the active time.
inline std::string render_summary(const Plan& plan, EndStatus status, std::size_t step,
                                  std::int64_t active_ms) {
  SummaryFacts facts;
  facts.status = status;
  facts.step = step;
  facts.active_ms = active_ms;
  return backcare::render_summary(plan, facts);
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) {
      return lines;
    }
    start = end + 1;
  }
}

// Removes "ESC [ digits-and-semicolons m"; anything else starting with ESC is left in place.
inline std::string strip_sgr(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      std::size_t j = i + 2;
      while (j < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[j])) != 0 || text[j] == ';')) {
        ++j;
      }
      if (j < text.size() && text[j] == 'm') {
        i = j;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Renders `view` at `width` without colour and compares it line by line with `expected`; the
// frame's line count must be the expected one too.
inline void check_frame(const Plan& plan, const SessionView& view, const FrameOptions& options,
                        const std::vector<std::string>& expected) {
  CAPTURE(options.width);
  CAPTURE(options.height);
  const std::vector<std::string> lines = split_lines(render_frame(plan, view, options));
  REQUIRE(lines.size() == expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i);
    CHECK(lines[i] == expected[i]);
  }
  CHECK(frame_line_count(plan, options) == static_cast<int>(expected.size()));
}

inline void check_frame(const Plan& plan, const SessionView& view, int width,
                        const std::vector<std::string>& expected) {
  FrameOptions options;
  options.width = width;
  check_frame(plan, view, options, expected);
}

// A handful of views covering every kind of frame.
inline std::vector<SessionView> assorted_views() {
  std::vector<SessionView> views;
  views.push_back(mid_inhale());
  SessionView paused = mid_inhale();
  paused.paused = true;
  views.push_back(paused);
  SessionView lead_in;
  lead_in.started = true;
  lead_in.lead_in_left_ms = 2400;
  lead_in.segment_left_ms = 4000;
  lead_in.step_left_ms = 20000;
  lead_in.routine_left_ms = 110000;
  views.push_back(lead_in);
  SessionView rolling;
  rolling.started = true;
  rolling.step = 1;
  rolling.segment = 4;
  rolling.position_ms = 52000;
  rolling.segment_left_ms = 28000;
  rolling.step_left_ms = 28000;
  rolling.routine_left_ms = 58000;
  rolling.segment_progress = 32.0 / 60.0;
  rolling.routine_progress = 52.0 / 110.0;
  rolling.last_cue = 0;
  views.push_back(rolling);
  SessionView resting;
  resting.started = true;
  resting.step = 2;
  resting.segment = 5;
  resting.segment_left_ms = 90500;
  resting.step_left_ms = 90500;
  resting.routine_left_ms = 90500;
  views.push_back(resting);
  SessionView finished;
  finished.started = true;
  finished.finished = true;
  finished.status = EndStatus::completed;
  finished.step = 3;
  finished.segment = 6;
  finished.routine_progress = 1.0;
  views.push_back(finished);
  return views;
}

}  // namespace backcare::testing
