// When the live frame next changes by itself: exact delays for countdowns, the lead-in and the
// breath bar, checked against the frames render_frame draws at every millisecond.
#include "display/frame_timing.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "display/render.hpp"
#include "frame_fixture.hpp"
#include "session/session.hpp"

using namespace backcare;

namespace {

using std::chrono::milliseconds;

// A 10.5 s timed step, then one 4 s in / 6 s out breath.
Plan timing_plan() {
  return testing::timed_then_breath(10500);
}

// The view `at_ms` of plan time into a session with no lead-in.
SessionView view_at(const Plan& plan, std::int64_t at_ms, std::int64_t lead_in_ms = 0) {
  SessionOptions options;
  options.lead_in_ms = lead_in_ms;
  Session session(plan, options);
  session.start(milliseconds(0));
  return session.view(milliseconds(at_ms));
}

// What a frame shows, split in two: the full cells of its breath bar (the line after the phase
// word: timing_plan's frames at 60 columns or more have no instruction lines), and the rest of
// its text without the bars (the routine bar moves with whatever else is drawn).
struct Seen {
  int cells = 0;
  std::string text;
  bool operator==(const Seen&) const = default;
};

Seen seen(const std::string& frame) {
  Seen out;
  int index = 0;
  for (std::size_t start = 0;; ++index) {
    const std::size_t end = frame.find('\n', start);
    const std::string line = frame.substr(start, end == std::string::npos ? end : end - start);
    if (index == 4) {
      for (std::size_t at = line.find("█"); at != std::string::npos; at = line.find("█", at + 1)) {
        ++out.cells;
      }
      out.cells += static_cast<int>(std::count(line.begin(), line.end(), '#'));  // ASCII
    } else if (line.find(" left") == std::string::npos) {
      out.text += line + "\n";
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

// Walks the plan from `from_ms` to `to_ms` by next_frame_change_ms, checking at every
// millisecond that each predicted instant shows something new, that (while the bar
// `moves`) its full cells never change in between, and that any text that changes in between
// (a countdown) is drawn at most 100 ms after it changed; returns the number of draws.
int draws_between(const Plan& plan, std::int64_t from_ms, std::int64_t to_ms,
                  const FrameOptions& options, bool moves = true) {
  int draws = 0;
  std::int64_t at = from_ms;
  Seen shown = seen(render_frame(plan, view_at(plan, at), options));
  while (at < to_ms) {
    const std::int64_t delay = next_frame_change_ms(plan, view_at(plan, at), options);
    REQUIRE(delay >= 1);
    for (std::int64_t t = at + 1; t < at + delay; ++t) {
      const Seen now = seen(render_frame(plan, view_at(plan, t), options));
      if (moves) {
        REQUIRE(now.cells == shown.cells);  // no bar cell missed
      }
      if (now.text != shown.text) {
        REQUIRE(at + delay - t <= 100);  // a countdown drawn with the next cell
      }
    }
    at += delay;
    const Seen next = seen(render_frame(plan, view_at(plan, at), options));
    CHECK_FALSE(next == shown);  // nothing drawn for nothing
    shown = next;
    ++draws;
  }
  return draws;
}

}  // namespace

TEST_CASE("frame_timing::countdowns change at whole seconds") {
  const Plan plan = timing_plan();
  // 10.5 s step: the segment and step show 11 until 10 s are left, then each second.
  CHECK(next_frame_change_ms(plan, view_at(plan, 0), {80, false}) == 500);
  CHECK(next_frame_change_ms(plan, view_at(plan, 500), {80, false}) == 1000);
  CHECK(next_frame_change_ms(plan, view_at(plan, 2750), {80, false}) == 750);
  CHECK(next_frame_change_ms(plan, view_at(plan, 10000), {80, false}) == 500);
  // The last millisecond: the segment ends then.
  CHECK(next_frame_change_ms(plan, view_at(plan, 10499), {80, false}) == 1);
}

TEST_CASE("frame_timing::the lead-in counts down alone") {
  const Plan plan = timing_plan();
  SessionOptions options;
  options.lead_in_ms = 3000;
  Session session(plan, options);
  session.start(milliseconds(0));
  CHECK(next_frame_change_ms(plan, session.view(milliseconds(0)), {80, false}) == 1000);
  CHECK(next_frame_change_ms(plan, session.view(milliseconds(2300)), {80, false}) == 700);
}

TEST_CASE("frame_timing::paused or finished frames never change by themselves") {
  const Plan plan = timing_plan();
  Session session(plan, SessionOptions{1.0, 0, 0, std::nullopt});
  session.start(milliseconds(0));
  session.pause(milliseconds(1200));
  CHECK(next_frame_change_ms(plan, session.view(milliseconds(1500)), {80, false}) == -1);
  CHECK(next_frame_change_ms(plan, view_at(plan, 30000), {80, false}) == -1);
}

TEST_CASE("frame_timing::the breath bar changes at each whole cell") {
  const Plan plan = timing_plan();
  // 4 s inhale on 80 cells: 640 eighths; the first full block at 7.5 eighths (46.875 ms), then
  // one every 50 ms.
  CHECK(next_frame_change_ms(plan, view_at(plan, 10500), {80, false}) == 47);
  CHECK(next_frame_change_ms(plan, view_at(plan, 10547), {80, false}) == 50);
  // At 40 cells, twice as long between cells (7.5 / 320 of 4 s); ASCII rounds to the nearest
  // cell: the first "#" at half a cell (0.5 / 60 of 4 s: 33.3 ms).
  CHECK(next_frame_change_ms(plan, view_at(plan, 10500), {40, false}) == 94);
  CHECK(next_frame_change_ms(plan, view_at(plan, 10500), {60, false, 0, false, true}) == 34);
  // Wider than the panel: still 100 cells.
  CHECK(next_frame_change_ms(plan, view_at(plan, 10500), {200, false}) ==
        next_frame_change_ms(plan, view_at(plan, 10500), {100, false}));
}

TEST_CASE("frame_timing::every change is drawn at its millisecond, and nothing else") {
  const Plan plan = timing_plan();
  // Cell k fills at (8k - 0.5) / 480 of the 4 s inhale (62.5 ms, then every 66.7 ms), the last
  // at 3996 ms; the seconds change at 1, 2 and 3 s, 4 ms after a cell: drawn with the next
  // one. At 4 s the exhale begins.
  SUBCASE("a 4 s inhale on 60 cells: 60 cells, then the end") {
    CHECK(draws_between(plan, 10500, 14500, {60, false}) == 60 + 1);
  }
  // Cells empty from 7 ms on, every 100 ms; the seconds (1 to 5 s) come 7 ms before a cell.
  SUBCASE("the 6 s exhale on 60 cells") {
    CHECK(draws_between(plan, 14500, 20500, {60, false}) == 60 + 1);
  }
  // 20 cells: 200 ms apart in the inhale, the seconds more than 100 ms before a cell.
  SUBCASE("a 4 s inhale on 20 cells: 20 cells and 3 seconds of their own, then the end") {
    CHECK(draws_between(plan, 10500, 14500, {20, false}) == 20 + 3 + 1);
  }
  SUBCASE("the timed step: one draw a second, plus the half second") {
    CHECK(draws_between(plan, 0, 10500, {60, false}, false) == 11);
  }
  SUBCASE("ASCII: cell k at (k - 0.5) / 60 of the inhale, the seconds 33 ms before one") {
    CHECK(draws_between(plan, 10500, 14500, {60, false, 0, false, true}) == 60 + 1);
  }
}
