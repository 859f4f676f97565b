// --big: the phase word and its count in block letters in the live frame (render.cpp with
// FrameOptions::big, drawn with big_font.cpp). Exact strings at 40 and 100 columns, the same
// line count in every state, the normal frame when the window is too small, ASCII.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "display/render.hpp"
#include "frame_fixture.hpp"

using namespace backcare;
using namespace backcare::testing;

namespace {

FrameOptions big_options(int width, int height = 0) {
  FrameOptions options;
  options.width = width;
  options.height = height;
  options.big = true;
  return options;
}

// The view one second into the first exhale of sample_plan().
SessionView mid_exhale() {
  SessionView view = mid_inhale();
  view.segment = 1;
  view.position_ms = 5000;
  view.segment_left_ms = 5000;
  view.step_left_ms = 15000;
  view.routine_left_ms = 105000;
  view.segment_progress = 1.0 / 6.0;
  view.routine_progress = 5.0 / 110.0;
  view.active_ms = 5000;
  return view;
}

// The six lines of the word with --big (caption, then five rows of letters) in `frame`, after
// the `above` lines of the title, the step, the instruction and a blank.
std::vector<std::string> word_block(const std::string& frame, std::size_t above) {
  const std::vector<std::string> lines = split_lines(frame);
  REQUIRE(lines.size() >= above + 6);
  return {lines.begin() + static_cast<std::ptrdiff_t>(above),
          lines.begin() + static_cast<std::ptrdiff_t>(above + 6)};
}

}  // namespace

TEST_CASE("big_frame::--night --big at 40 columns: the word above a big count, dim") {
  FrameOptions options = big_options(40);
  options.color = true;
  options.night = true;
  check_frame(sample_plan(), mid_inhale(), options,
              {
                  "\x1b[2mMorning back care\x1b[0m",
                  "Step 1/3 · \x1b[2m360 breathing\x1b[0m            \x1b[2m0:09\x1b[0m",
                  "\x1b[2mLie on your back, knees bent. Breathe\x1b[0m",
                  "\x1b[2mlow and wide into your ribs, belly and\x1b[0m",
                  "\x1b[2mback.\x1b[0m",
                  "",
                  "\x1b[2;36m▲ INHALE\x1b[0m",
                  "\x1b[2;36m  █       ████\x1b[0m",
                  "\x1b[2;36m ███          █\x1b[0m",
                  "\x1b[2;36m█ █ █      ███\x1b[0m",
                  "\x1b[2;36m  █           █\x1b[0m",
                  "\x1b[2;36m  █       ████\x1b[0m",
                  "\x1b[2;36m██████████\x1b[0m\x1b[2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b[0m",
                  "cycle 2/2",
                  "ribs widen in every direction",
                  "",
                  "███\x1b[2m░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b[0m 1:39 left",
                  "\x1b[2mnext: \x1b[0mFoam roller",
                  "\x1b[2mspace · n · b · q quit · ! safety stop\x1b[0m",
              });
}

TEST_CASE("big_frame::--night --big at 100 columns: the word and its count in block letters") {
  FrameOptions options = big_options(100);
  options.color = true;
  options.night = true;
  check_frame(
      sample_plan(), mid_inhale(), options,
      {
          "\x1b[2mMorning back care\x1b[0m",
          "Step 1/3 · \x1b[2m360 breathing\x1b[0m                                                  "
          "   "
          "                   \x1b[2m0:09\x1b[0m",
          "\x1b[2mLie on your back, knees bent. Breathe low and wide into your ribs, belly and "
          "back.\x1b[0m",
          "",
          "",
          "\x1b[2;36m  █       ███ █   █ █   █  ███  █     █████     ████\x1b[0m",
          "\x1b[2;36m ███       █  ██  █ █   █ █   █ █     █             █\x1b[0m",
          "\x1b[2;36m█ █ █      █  █ █ █ █████ █████ █     ████       ███\x1b[0m",
          "\x1b[2;36m  █        █  █  ██ █   █ █   █ █     █             █\x1b[0m",
          "\x1b[2;36m  █       ███ █   █ █   █ █   █ █████ █████     ████\x1b[0m",
          "\x1b[2;36m█████████████████████████\x1b[0m\x1b[2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░"
          "░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b[0m",
          "cycle 2/2",
          "ribs widen in every direction",
          "",
          "█████████\x1b["
          "2m░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░\x1b["
          "0m 1:39 left",
          "\x1b[2mnext: \x1b[0mFoam roller",
          "\x1b[2mspace pause · n next · b back · q quit · ! safety stop\x1b[0m",
      });
}

TEST_CASE("big_frame::without colour the phases differ in shape: an arrow up, an arrow down") {
  FrameOptions options = big_options(40);
  check_frame(sample_plan(), mid_exhale(), options,
              {
                  "Morning back care",
                  "Step 1/3 · 360 breathing            0:15",
                  "Lie on your back, knees bent. Breathe",
                  "low and wide into your ribs, belly and",
                  "back.",
                  "",
                  "▼ EXHALE",
                  "  █       █████",
                  "  █       █",
                  "█ █ █     ████",
                  " ███          █",
                  "  █       ████",
                  "█████████████████████████████████▍░░░░░░",
                  "cycle 1/2",
                  "ribs soften, belly draws in",
                  "",
                  "█▍░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 1:45 left",
                  "next: Foam roller",
                  "space · n · b · q quit · ! safety stop",
              });
  options.width = 100;
  CHECK(word_block(render_frame(sample_plan(), mid_exhale(), options), 4) ==
        std::vector<std::string>{
            "",
            "  █       █████ █   █ █   █  ███  █     █████     █████",
            "  █       █      █ █  █   █ █   █ █     █         █",
            "█ █ █     ████    █   █████ █████ █     ████      ████",
            " ███      █      █ █  █   █ █   █ █     █             █",
            "  █       █████ █   █ █   █ █   █ █████ █████     ████",
        });
  CHECK(word_block(render_frame(sample_plan(), mid_inhale(), options), 4) ==
        std::vector<std::string>{
            "",
            "  █       ███ █   █ █   █  ███  █     █████     ████",
            " ███       █  ██  █ █   █ █   █ █     █             █",
            "█ █ █      █  █ █ █ █████ █████ █     ████       ███",
            "  █        █  █  ██ █   █ █   █ █     █             █",
            "  █       ███ █   █ █   █ █   █ █████ █████     ████",
        });
}

TEST_CASE("big_frame::paused, get ready, a stretch, a rest and the end") {
  const Plan plan = sample_plan();
  const std::vector<SessionView> views = assorted_views();
  const auto block = [&](std::size_t view, int width, std::size_t above) {
    return word_block(render_frame(plan, views.at(view), big_options(width)), above);
  };
  // Paused: PAUSED big (it fits 40 columns), what was running in the caption.
  CHECK(block(1, 40, 6) == std::vector<std::string>{
                               "▲ INHALE 3",
                               "████   ███  █   █  ████ █████ ████",
                               "█   █ █   █ █   █ █     █     █   █",
                               "████  █████ █   █  ███  ████  █   █",
                               "█     █   █ █   █     █ █     █   █",
                               "█     █   █  ███  ████  █████ ████",
                           });
  CHECK(block(1, 100, 4) == block(1, 40, 6));
  CHECK(block(2, 40, 6) == std::vector<std::string>{
                               "GET READY",
                               "████",
                               "    █",
                               " ███",
                               "    █",
                               "████",
                           });
  CHECK(block(2, 100, 4) == std::vector<std::string>{
                                "",
                                " ████ █████ █████     ████  █████  ███  ████  █   █     ████",
                                "█     █       █       █   █ █     █   █ █   █  █ █          █",
                                "█  ██ ████    █       ████  ████  █████ █   █   █        ███",
                                "█   █ █       █       █  █  █     █   █ █   █   █           █",
                                " ████ █████   █       █   █ █████ █   █ ████    █       ████",
                            });
  CHECK(block(3, 100, 4) == std::vector<std::string>{
                                "",
                                " ████ █████ ████  █████ █████  ████ █   █      ███   ███",
                                "█       █   █   █ █       █   █     █   █     █   █ █   █",
                                " ███    █   ████  ████    █   █     █████       ██   ███",
                                "    █   █   █  █  █       █   █     █   █      █    █   █",
                                "████    █   █   █ █████   █    ████ █   █     █████  ███",
                            });
  // "STRETCH 28" would fit 60 columns, but not "STRETCH 1:00", how the step began: the layout
  // stays the same through the segment.
  CHECK(block(3, 60, 5) == std::vector<std::string>{
                               "STRETCH",
                               " ███   ███",
                               "█   █ █   █",
                               "  ██   ███",
                               " █    █   █",
                               "█████  ███",
                           });
  CHECK(block(4, 40, 6) == std::vector<std::string>{
                               "REST",
                               "  █     ████    █",
                               " ██   █     █  ██",
                               "  █      ███    █",
                               "  █   █     █   █",
                               " ███    ████   ███",
                           });
  CHECK(block(5, 40, 6) == std::vector<std::string>{
                               "",
                               "████   ███  █   █ █████",
                               "█   █ █   █ ██  █ █",
                               "█   █ █   █ █ █ █ ████",
                               "█   █ █   █ █  ██ █",
                               "████   ███  █   █ █████",
                           });
}

TEST_CASE("big_frame::the line count is the same in every state and agrees with the frame") {
  const Plan plan = sample_plan();
  std::vector<SessionView> views = assorted_views();
  views.push_back(mid_exhale());
  for (const int width : {30, 39, 40, 59, 60, 100, 140}) {
    for (const int height : {0, 1, 3, 6, 7, 8, 12, 19, 40}) {
      for (const bool ascii : {false, true}) {
        FrameOptions options = big_options(width, height);
        options.ascii = ascii;
        CAPTURE(width);
        CAPTURE(height);
        CAPTURE(ascii);
        const int count = frame_line_count(plan, options);
        if (height > 0) {
          CHECK(count <= height);
        }
        for (const SessionView& view : views) {
          CHECK(static_cast<int>(split_lines(render_frame(plan, view, options)).size()) == count);
        }
      }
    }
  }
  // The big word takes five more lines than the normal one.
  CHECK(frame_line_count(plan, big_options(40)) == frame_line_count(plan, 40) + 5);
  CHECK(frame_line_count(plan, big_options(100)) == frame_line_count(plan, 100) + 5);
}

TEST_CASE("big_frame::too narrow or too short: the normal frame") {
  const Plan plan = sample_plan();
  for (const SessionView& view : assorted_views()) {
    FrameOptions normal;
    normal.width = 39;
    CHECK(render_frame(plan, view, big_options(39)) == render_frame(plan, view, normal));
    normal.width = 100;
    normal.height = 6;
    CHECK(render_frame(plan, view, big_options(100, 6)) == render_frame(plan, view, normal));
    normal.height = 1;
    CHECK(render_frame(plan, view, big_options(100, 1)) == render_frame(plan, view, normal));
  }
  // Seven lines: the big word and the bar; eight: the step line too.
  check_frame(plan, mid_inhale(), big_options(40, 7),
              {
                  "▲ INHALE",
                  "  █       ████",
                  " ███          █",
                  "█ █ █      ███",
                  "  █           █",
                  "  █       ████",
                  "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
              });
  check_frame(plan, mid_inhale(), big_options(40, 8),
              {
                  "Step 1/3 · 360 breathing            0:09",
                  "▲ INHALE",
                  "  █       ████",
                  " ███          █",
                  "█ █ █      ███",
                  "  █           █",
                  "  █       ████",
                  "██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░",
              });
}

TEST_CASE("big_frame::ASCII: the letters in '#'") {
  FrameOptions options = big_options(40);
  options.ascii = true;
  check_frame(sample_plan(), mid_exhale(), options,
              {
                  "Morning back care",
                  "Step 1/3 - 360 breathing            0:15",
                  "Lie on your back, knees bent. Breathe",
                  "low and wide into your ribs, belly and",
                  "back.",
                  "",
                  "v EXHALE",
                  "  #       #####",
                  "  #       #",
                  "# # #     ####",
                  " ###          #",
                  "  #       ####",
                  "#################################-------",
                  "cycle 1/2",
                  "ribs soften, belly draws in",
                  "",
                  "#----------------------------- 1:45 left",
                  "next: Foam roller",
                  "space - n - b - q quit - ! safety stop",
              });
  for (const int width : {40, 100}) {
    options.width = width;
    options.color = true;
    for (const SessionView& view : assorted_views()) {
      const std::string frame = render_frame(sample_plan(), view, options);
      CAPTURE(frame);
      CHECK(std::all_of(frame.begin(), frame.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    }
  }
}

TEST_CASE("big_frame::--night --big is dim, never bold, inverse or bright") {
  for (const int width : {40, 100}) {
    FrameOptions options = big_options(width);
    options.color = true;
    options.night = true;
    for (const SessionView& view : assorted_views()) {
      const std::string frame = render_frame(sample_plan(), view, options);
      CAPTURE(frame);
      CHECK(frame.find("\x1b[1") == std::string::npos);
      CHECK(frame.find(";1;") == std::string::npos);
      CHECK(frame.find(";7") == std::string::npos);
      CHECK(frame.find("\x1b[7") == std::string::npos);
      CHECK(frame.find("\x1b[9") == std::string::npos);
      CHECK(frame.find(";9") == std::string::npos);
    }
  }
  // By day the paused letters are bold red, not inverse (inverse would make them holes).
  FrameOptions day = big_options(40);
  day.color = true;
  const std::string paused = render_frame(sample_plan(), assorted_views().at(1), day);
  CHECK(paused.find("\x1b[1;31m████   ███") != std::string::npos);
  CHECK(paused.find(";7;") == std::string::npos);
}
