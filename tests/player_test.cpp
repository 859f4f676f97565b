// The event loop on a fake clock and a fake terminal: keys, signals and time come from the
// test, the loop never sleeps, and the events, the instants they carry and the frames drawn
// are checked exactly (as ninja's tests drive BuildStatus with explicit times).
#include "player.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "display/frame_timing.hpp"
#include "display/render.hpp"
#include "displays.hpp"
#include "frame_fixture.hpp"

namespace backcare {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

constexpr TimePoint k_t0 = seconds(1000);  // the fake monotonic clock starts here

// A clock that moves only when the fake port waits.
class FakeClock final : public Clock {
 public:
  TimePoint now() override {
    ++m_reads;
    return m_now;
  }
  std::chrono::system_clock::time_point wall() override {
    return std::chrono::system_clock::time_point(seconds(1'800'000'000));
  }
  TimePoint m_now = k_t0;
  int m_reads = 0;
};

// Something the test makes happen `at` (relative to k_t0): bytes typed, or a signal.
struct Input {
  nanoseconds at{0};
  std::string keys;
  int signal = 0;
  nanoseconds stopped_for{0};  // for SIGTSTP: how long the process stays stopped
};

// The keyboard, signals and terminal of the test: wait() jumps the clock to the deadline or
// to the next scripted input, whichever comes first.
class FakePort final : public Port {
 public:
  explicit FakePort(FakeClock& clock, std::vector<Input> script)
      : m_clock(clock), m_script(script.begin(), script.end()) {}

  Wakeup wait(std::optional<TimePoint> deadline, bool read_keys) override {
    m_deadlines.push_back(deadline);
    Wakeup out;
    if (!m_script.empty() && (!deadline || k_t0 + m_script.front().at <= *deadline)) {
      const Input input = m_script.front();
      m_script.pop_front();
      m_clock.m_now = std::max(m_clock.m_now, k_t0 + input.at);
      if (input.signal != 0) {
        out.signals.push_back(input.signal);
        m_stopped_for = input.stopped_for;
      } else if (read_keys) {
        out.keys = input.keys;
      }
      return out;
    }
    if (!deadline) {
      out.failed = true;  // nothing would ever happen: the test is wrong
      return out;
    }
    m_clock.m_now = std::max(m_clock.m_now, *deadline);
    return out;
  }
  bool has_keyboard() const override { return true; }
  bool foreground() override {
    ++m_foreground_asks;
    return m_clock.m_now >= m_background_until;
  }
  void enter() override { ++m_enters; }
  void restore() override { ++m_restores; }
  void suspend() override {
    ++m_suspends;
    m_clock.m_now += m_stopped_for;
  }
  std::optional<int> window_width() override { return 60; }
  std::optional<int> window_height() override { return 24; }

  FakeClock& m_clock;
  std::deque<Input> m_script;
  std::vector<std::optional<TimePoint>> m_deadlines;
  nanoseconds m_stopped_for{0};
  TimePoint m_background_until{0};  // the process is in the background before this instant
  int m_foreground_asks = 0;
  int m_enters = 0;
  int m_restores = 0;
  int m_suspends = 0;
};

// Writes down every call, as "what @ms since k_t0" lines, and the frame each view gives.
class Recorder final : public SessionObserver {
 public:
  Recorder(const Plan& plan, std::vector<std::string>& log,
           std::vector<std::string>* frames = nullptr)
      : m_plan(plan), m_log(log), m_frames(frames) {}
  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override {
    std::string names;
    for (const auto& event : events) {
      names += fmt::format("{}{}", names.empty() ? "" : ",", event_name(event.type));
    }
    record("events " + names, view, turn);
  }
  void on_tick(const SessionView& view, const Turn& turn) override { record("tick", view, turn); }
  // As the live display of its 60-column frames.
  std::int64_t next_change_ms(const SessionView& view) const override {
    return next_frame_change_ms(m_plan, view, {60, false});
  }
  void on_suspend(const Turn& turn) override {
    m_log.push_back(fmt::format("suspend @{}", ms(turn)));
  }
  void on_continue(const SessionView& view, const Turn& turn) override {
    record("continue", view, turn);
  }
  void on_finish(const SessionView& view, const Turn& turn) override {
    record(fmt::format("finish {}", end_status_name(view.status)), view, turn);
  }

 private:
  static std::int64_t ms(const Turn& turn) {
    return std::chrono::duration_cast<milliseconds>(turn.now - k_t0).count();
  }
  void record(const std::string& what, const SessionView& view, const Turn& turn) {
    // The turn is one instant: its since_start and wall agree with its now.
    CHECK(turn.since_start == turn.now - k_t0);
    CHECK(turn.wall ==
          std::chrono::system_clock::time_point(seconds(1'800'000'000)) +
              std::chrono::duration_cast<std::chrono::system_clock::duration>(turn.since_start));
    m_log.push_back(fmt::format("{} @{} pos {}", what, ms(turn), view.position_ms));
    if (m_frames != nullptr) {
      m_frames->push_back(render_frame(m_plan, view, {60, false}));  // the frame of that view
    }
  }
  const Plan& m_plan;
  std::vector<std::string>& m_log;
  std::vector<std::string>* m_frames;
};

// A 10 s timed step, then one 4 s in / 6 s out breath.
Plan test_plan() {
  return testing::timed_then_breath(10000);
}

PlayerOptions no_lead_in() {
  PlayerOptions options;
  options.session.lead_in_ms = 0;
  return options;
}

struct Run {
  int code = -1;
  std::vector<std::string> log;
  std::vector<std::optional<TimePoint>> deadlines;
  int foreground_asks = 0;
  int clock_reads = 0;
  int suspends = 0;
};

Run run(const Plan& plan, const PlayerOptions& options, std::vector<Input> script,
        bool live = false) {
  Run out;
  FakeClock clock;
  FakePort port(clock, std::move(script));
  std::vector<std::unique_ptr<SessionObserver>> observers;
  observers.push_back(std::make_unique<Recorder>(plan, out.log));
  out.code = run_loop(plan, options, std::move(observers), clock, port, live);
  out.deadlines = port.m_deadlines;
  out.foreground_asks = port.m_foreground_asks;
  out.clock_reads = clock.m_reads;
  out.suspends = port.m_suspends;
  return out;
}

}  // namespace

TEST_CASE("player::boundaries arrive at their deadline, each batch at one instant") {
  const Plan plan = test_plan();
  const Run r = run(plan, no_lead_in(), {});
  CHECK(r.code == 0);
  CHECK(r.log == std::vector<std::string>{
                     "events session_start,step_start,phase @0 pos 0",
                     "events step_end,step_start,phase @10000 pos 10000",
                     "events phase @14000 pos 14000",
                     "events step_end,session_end @20000 pos 20000",
                     "finish completed @20000 pos 20000",
                 });
  // The loop asked to be woken exactly at each boundary, nothing in between (no live display).
  CHECK(r.deadlines == std::vector<std::optional<TimePoint>>{k_t0 + seconds(10), k_t0 + seconds(14),
                                                             k_t0 + seconds(20)});
  // One clock reading and one foreground question per turn: the start, three waits, the end.
  CHECK(r.clock_reads == 5);
  CHECK(r.foreground_asks == 5);
}

TEST_CASE("player::keys act at the instant they arrive") {
  const Plan plan = test_plan();
  const Run r = run(plan, no_lead_in(),
                    {{milliseconds(2500), " ", 0, {}},     // pause
                     {milliseconds(7500), "p", 0, {}},     // resume: 5 s later
                     {milliseconds(9000), "n", 0, {}},     // skip the rest of the first step
                     {milliseconds(10000), "q", 0, {}}});  // quit in the inhale
  CHECK(r.code == 1);
  CHECK(r.log == std::vector<std::string>{
                     "events session_start,step_start,phase @0 pos 0",
                     "events pause @2500 pos 2500",
                     "events resume @7500 pos 2500",
                     "events skip,step_end,step_start,phase @9000 pos 10000",
                     "events session_end @10000 pos 11000",
                     "finish quit @10000 pos 11000",
                 });
  // While paused the loop had no deadline; after the resume the boundary moved by 5 s.
  CHECK(r.deadlines[1] == std::nullopt);
  CHECK(r.deadlines[2] == k_t0 + seconds(15));
}

TEST_CASE("player::! stops the session at once for safety (exit 3)") {
  const Plan plan = test_plan();
  Run r = run(plan, no_lead_in(), {{milliseconds(4000), "!", 0, {}}});
  CHECK(r.code == 3);
  CHECK(r.log == std::vector<std::string>{
                     "events session_start,step_start,phase @0 pos 0",
                     "events session_end @4000 pos 4000",
                     "finish safety-stop @4000 pos 4000",
                 });
  FakeClock clock;
  FakePort port(clock, {{milliseconds(4000), "!", 0, {}}});
  PlayResult result;
  run_loop(plan, no_lead_in(), {}, clock, port, false, &result);
  CHECK(result.exit_code == 3);
  CHECK(result.end.status == EndStatus::safety_stop);
  CHECK(result.end.active_ms == 4000);
}

TEST_CASE("player::skipping the last step completes the routine, skipping (exit 0)") {
  const Plan plan = test_plan();
  FakeClock clock;
  FakePort port(clock, {{milliseconds(12000), "n", 0, {}}});
  PlayResult result;
  CHECK(run_loop(plan, no_lead_in(), {}, clock, port, false, &result) == 0);
  CHECK(result.end.status == EndStatus::completed_skipping);
  CHECK(result.end.steps_done == 1);
  CHECK(result.end.steps_skipped == 1);
  CHECK(result.end.skipped_ms == 8000);
}

TEST_CASE("player::a lone Esc quits 50 ms later") {
  const Plan plan = test_plan();
  const Run r = run(plan, no_lead_in(), {{milliseconds(3000), "\x1b", 0, {}}});
  CHECK(r.code == 1);
  CHECK(r.deadlines[1] == k_t0 + milliseconds(3050));
  CHECK(r.log[1] == "events session_end @3050 pos 3050");
}

TEST_CASE("player::signals") {
  const Plan plan = test_plan();
  SUBCASE("SIGTERM interrupts at its instant, exit 143") {
    const Run r = run(plan, no_lead_in(), {{milliseconds(12345), "", SIGTERM, {}}});
    CHECK(r.code == 143);
    CHECK(r.log[2] == "events session_end @12345 pos 12345");
    CHECK(r.log[3] == "finish interrupted @12345 pos 12345");
  }
  SUBCASE("Ctrl-Z pauses, stops, and continues paused at the later instant") {
    const Run r =
        run(plan, no_lead_in(),
            {{milliseconds(4000), "", SIGTSTP, seconds(60)}, {milliseconds(70000), " ", 0, {}}});
    CHECK(r.suspends == 1);
    CHECK(r.code == 0);
    CHECK(std::vector<std::string>(r.log.begin() + 1, r.log.begin() + 5) ==
          std::vector<std::string>{
              "events pause @4000 pos 4000",
              "suspend @4000",
              "continue @64000 pos 4000",
              "events resume @70000 pos 4000",
          });
    CHECK(r.log.back() == "finish completed @86000 pos 20000");
  }
}

// An observer whose output fails at `at` ms: a full disk (with a reason) or a closed pipe.
class FailingObserver final : public SessionObserver {
 public:
  FailingObserver(std::int64_t at_ms, std::string reason)
      : m_at(k_t0 + milliseconds(at_ms)), m_reason(std::move(reason)) {}
  void on_events(const std::vector<SessionEvent>& /*events*/, const SessionView& /*view*/,
                 const Turn& turn) override {
    m_healthy = turn.now < m_at;
  }
  bool healthy() const override { return m_healthy; }
  std::string failure() const override { return m_healthy ? "" : m_reason; }

 private:
  TimePoint m_at;
  std::string m_reason;
  bool m_healthy = true;
};

TEST_CASE("player::an output error ends the session: 74 with a reason, 141 for a closed pipe") {
  const Plan plan = test_plan();
  for (const auto& [reason, code] : std::vector<std::pair<std::string, int>>{
           {"cannot write events to x: full", 74}, {"", 141}}) {
    FakeClock clock;
    FakePort port(clock, {});
    std::vector<std::string> log;
    std::vector<std::unique_ptr<SessionObserver>> observers;
    observers.push_back(std::make_unique<FailingObserver>(10000, reason));
    observers.push_back(std::make_unique<Recorder>(plan, log));
    CHECK(run_loop(plan, no_lead_in(), std::move(observers), clock, port, false) == code);
    CHECK(log.back() == "finish interrupted @10000 pos 10000");
  }
}

TEST_CASE("player::back in the foreground without a SIGCONT: raw mode and the frame again") {
  // `backcare ... &` then `fg` (or `bg` then `fg`): the shell sends no SIGCONT to a running
  // job, so the loop asks every 200 ms while in the background.
  const Plan plan = test_plan();
  FakeClock clock;
  FakePort port(clock, {});
  port.m_background_until = k_t0 + milliseconds(1000);
  std::vector<std::string> log;
  std::vector<std::unique_ptr<SessionObserver>> observers;
  observers.push_back(std::make_unique<Recorder>(plan, log));
  CHECK(run_loop(plan, no_lead_in(), std::move(observers), clock, port, false) == 0);
  CHECK(std::vector<std::string>(log.begin(), log.begin() + 3) ==
        std::vector<std::string>{"suspend @0", "events session_start,step_start,phase @0 pos 0",
                                 "continue @1000 pos 1000"});
  CHECK(port.m_enters == 1);  // raw mode once back in the foreground, never before
  CHECK(std::vector<std::optional<TimePoint>>(port.m_deadlines.begin(),
                                              port.m_deadlines.begin() + 6) ==
        std::vector<std::optional<TimePoint>>{k_t0 + milliseconds(200), k_t0 + milliseconds(400),
                                              k_t0 + milliseconds(600), k_t0 + milliseconds(800),
                                              k_t0 + milliseconds(1000), k_t0 + seconds(10)});
}

TEST_CASE("player::lead-in: the first step starts when the countdown ends") {
  const Plan plan = test_plan();
  PlayerOptions options;
  options.session.lead_in_ms = 3000;
  options.session.speed = 2;  // plan time twice as fast: the countdown takes 1.5 s
  const Run r = run(plan, options, {});
  CHECK(r.log[0] == "events session_start,lead_in @0 pos 0");
  CHECK(r.log[1] == "events step_start,phase @1500 pos 0");
  CHECK(r.log.back() == "finish completed @11500 pos 20000");
}

TEST_CASE("player::the live display's frames are of the turn's instant") {
  const Plan plan = test_plan();
  FakeClock clock;
  FakePort port(clock, {});
  std::vector<std::string> log;
  std::vector<std::string> frames;
  std::vector<std::unique_ptr<SessionObserver>> observers;
  observers.push_back(std::make_unique<Recorder>(plan, log, &frames));
  const PlayerOptions options = no_lead_in();
  CHECK(run_loop(plan, options, std::move(observers), clock, port, true) == 0);
  REQUIRE(frames.size() == log.size());

  // Each frame is the frame of the instant logged with it (replayed on a session of our own).
  Session replay(plan, options.session);
  replay.start(k_t0);
  std::vector<std::int64_t> first_step_ticks;
  int breath_ticks = 0;
  for (std::size_t i = 0; i < log.size(); ++i) {
    const std::int64_t at = std::stoll(log[i].substr(log[i].find('@') + 1));
    const TimePoint t = k_t0 + milliseconds(at);
    replay.advance(t);
    CHECK(frames[i] == render_frame(plan, replay.view(t), {60, false}));
    if (log[i].rfind("tick", 0) == 0) {
      (at < 10000 ? first_step_ticks.push_back(at) : void(++breath_ticks));
    }
  }
  // The timed step redraws when the shown seconds change, at each whole second.
  CHECK(first_step_ticks ==
        std::vector<std::int64_t>{1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000});
  // The breath bar redraws at each of its 60 cells, in the 4 s inhale and the 6 s exhale (the
  // seconds are drawn with the cells: frame_timing_test.cpp); its boundaries are events.
  CHECK(breath_ticks == 60 + 60);
}

TEST_CASE("player::the live display redraws when its frame changes, at most 20 times a second") {
  const Plan plan = test_plan();
  SUBCASE("a 4 s inhale on 60 cells is drawn about 60 times, not 80") {
    const Run r = run(plan, no_lead_in(), {}, true);
    int inhale_ticks = 0;
    for (const std::string& line : r.log) {
      const std::int64_t at = std::stoll(line.substr(line.find('@') + 1));
      inhale_ticks += line.rfind("tick", 0) == 0 && at > 10000 && at < 14000 ? 1 : 0;
    }
    CHECK(inhale_ticks == 60);  // the last cell 4 ms before the exhale
  }
  SUBCASE("at 10 times the speed, no two redraws are closer than 50 ms") {
    PlayerOptions options = no_lead_in();
    options.session.speed = 10;
    const Run r = run(plan, options, {}, true);
    std::int64_t last = -1000;
    int ticks = 0;
    for (const std::string& line : r.log) {
      const std::int64_t at = std::stoll(line.substr(line.find('@') + 1));
      if (line.rfind("tick", 0) != 0 || at < 1000) {
        continue;  // the breath step only (1 s in: 10 s of plan time)
      }
      CHECK(at - last >= 50);
      last = at;
      ++ticks;
    }
    // The 1 s breath (60 cells in 400 ms, then in 600 ms): a redraw every 50 ms after the
    // boundaries' draws at 1000 and 1400 ms: 7 + 11, and those 2: 20 frames in that second.
    CHECK(ticks == 7 + 11);
  }
  SUBCASE("paused: no redraw at all until something happens") {
    const Run r = run(plan, no_lead_in(),
                      {{milliseconds(11000), " ", 0, {}}, {milliseconds(61000), " ", 0, {}}}, true);
    std::vector<std::string> between;
    for (const std::string& line : r.log) {
      const std::int64_t at = std::stoll(line.substr(line.find('@') + 1));
      if (at > 11000 && at < 61000) {
        between.push_back(line);
      }
    }
    CHECK(between.empty());
    CHECK(std::count(r.log.begin(), r.log.end(), "events pause @11000 pos 11000") == 1);
    CHECK(std::count(r.deadlines.begin(), r.deadlines.end(), std::nullopt) == 1);  // one wait
  }
}

TEST_CASE("player::the foreground is asked at most once a turn, and only when it may change") {
  const Plan plan = test_plan();
  SUBCASE("live breathing: once a second, not once a frame") {
    const Run r = run(plan, no_lead_in(), {}, true);
    const int turns = static_cast<int>(r.deadlines.size()) + 2;  // the start, each wait, the end
    CHECK(turns > 120);                  // 120 cells, 9 seconds, the boundaries
    CHECK(r.foreground_asks <= 20 + 2);  // 20 s: once a second, the start and the end
    CHECK(r.clock_reads == turns);
  }
  SUBCASE("after each signal") {
    const Run r = run(plan, no_lead_in(),
                      {{milliseconds(4000), "", SIGWINCH, {}},
                       {milliseconds(4100), "", SIGWINCH, {}},
                       {milliseconds(4200), "", SIGWINCH, {}}});
    // The start, three signals, the boundaries at 10, 14 and 20 s, the end.
    CHECK(r.foreground_asks == 8);
  }
}

TEST_CASE("player::the live display rewrites only the lines that changed") {
  const Plan plan = test_plan();
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  TerminalCaps caps;
  caps.tty = caps.fancy = true;
  caps.width = 60;
  TerminalDisplay display(plan, DisplayOptions{fds[1], caps, false});
  Session session(plan, no_lead_in().session);
  session.start(k_t0);
  const auto drawn = [&](TimePoint t) {
    Turn turn;
    turn.now = t;
    display.on_tick(session.view(t), turn);
    return read_available(fds[0]).value_or("?");
  };
  const std::string first = drawn(k_t0 + milliseconds(1500));
  CHECK(first.find("Test") != std::string::npos);               // the whole frame, title included
  CHECK(drawn(k_t0 + milliseconds(1500)).empty());              // nothing changed: nothing written
  const std::string second = drawn(k_t0 + milliseconds(1600));  // same seconds shown: bars only
  CHECK_FALSE(second.empty());
  CHECK(second.find("Test") == std::string::npos);  // the title line was not rewritten
  CHECK(second.size() < first.size());
  Turn background;
  background.foreground = false;
  display.on_tick(session.view(k_t0 + seconds(5)), background);
  CHECK(read_available(fds[0]) == "");  // never a byte from the background
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("player::after a narrower window the live display clears from the re-wrapped top") {
  const Plan plan = test_plan();
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  TerminalCaps caps;
  caps.tty = caps.fancy = true;
  caps.width = 60;
  TerminalDisplay display(plan, DisplayOptions{fds[1], caps, false});
  Session session(plan, no_lead_in().session);
  session.start(k_t0);
  Turn turn;
  turn.now = k_t0 + milliseconds(1500);
  display.on_tick(session.view(turn.now), turn);
  const std::string first = read_available(fds[0]).value_or("?");
  // The frame as it is on the screen: its lines and the columns each takes.
  const std::string frame = render_frame(plan, session.view(turn.now), {60, false});
  std::vector<int> widths;
  for (std::size_t start = 0;;) {
    const std::size_t end = frame.find('\n', start);
    widths.push_back(
        display_width(frame.substr(start, end == std::string::npos ? end : end - start)));
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  // At 25 columns the terminal shows each line of up to 60 columns on up to 3 rows.
  int rows = 0;
  for (const int width : widths) {
    rows += std::max(1, (width + 24) / 25);
  }
  REQUIRE(rows > static_cast<int>(widths.size()));  // some line does re-wrap
  display.on_resize(25, 0);
  display.on_tick(session.view(turn.now), turn);
  const std::string redraw = read_available(fds[0]).value_or("?");
  CHECK(redraw.rfind(fmt::format("\r\x1b[{}A\x1b[J", rows - 1), 0) == 0);
  CHECK_FALSE(first.empty());
  close(fds[0]);
  close(fds[1]);
}

}  // namespace backcare
