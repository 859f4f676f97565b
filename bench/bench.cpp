// Prints figures for the core's hot paths: loading a large routine, expanding it, walking a
// session through every segment, rendering frames. Speed targets live here, not in tests.
//   cmake --build build --target backcare_bench && build/bench/backcare_bench
#include <sys/resource.h>

#include <fmt/format.h>

#include <chrono>
#include <string>

#include "display/render.hpp"
#include "journal/journal.hpp"
#include "progress/stats.hpp"
#include "progress/stats_view.hpp"
#include "routine/loader.hpp"
#include "routine/plan.hpp"
#include "session/session.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A routine of 1,000 steps (the limit) with long texts, expanding to 9,500 segments.
std::string big_routine() {
  std::string steps;
  const std::string text(400, 'x');
  for (int i = 0; i < 1000; ++i) {
    if (!steps.empty()) {
      steps += ",\n";
    }
    if (i % 2 == 0) {
      steps += fmt::format(
          R"({{"kind":"breath","title":"Breath {}","text":"{}","pattern":{{"inhale":2,"hold":1,"exhale":3,"hold_empty":1}},"cycles":4,"cues":{{"inhale":"in","exhale":"out"}}}})",
          i, text);
    } else {
      steps += fmt::format(
          R"({{"kind":"timed","title":"Hold {}","text":"{}","duration":"30s","sides":["left","right"],"cues":[{{"at":10,"text":"breathe"}},{{"at":20,"text":"soften"}}]}})",
          i, text);
    }
  }
  return fmt::format(R"({{"format":1,"name":"big","title":"Big","steps":[{}]}})", steps);
}

// 10,000 history lines: a session most evenings over about 27 years' worth of days, a check-in
// now and then, as `backcare stats` would read them.
std::string big_history() {
  std::string text;
  const std::int64_t first = backcare::days_from_civil({2000, 1, 3});
  for (int i = 0; i < 10000; ++i) {
    const std::string day = backcare::format_date(backcare::civil_from_days(first + i));
    if (i % 7 == 3) {
      text += fmt::format(
          R"({{"v":1,"id":"c{}","kind":"checkin","started":"{}T08:00:00+00:00","pain":{},"symptoms":["heaviness"]}})"
          "\n",
          i, day, i % 10);
    } else {
      text += fmt::format(
          R"({{"v":1,"id":"s{}","kind":"session","routine":"night-release","title":"Night-time back release","started":"{}T21:05:12+01:00","ended":"{}T21:15:40+01:00","tz":"Europe/London","planned_ms":600000,"active_ms":598000,"status":"completed","pain":2}})"
          "\n",
          i, day, day);
    }
  }
  return text;
}

}  // namespace

int main() {
  using namespace backcare;
  const std::string text = big_routine();

  constexpr int k_loads = 20;
  auto start = Clock::now();
  LoadResult loaded;
  for (int i = 0; i < k_loads; ++i) {
    loaded = load_routine(text, "big.json");
  }
  const double load_ms = ms_since(start) / k_loads;
  if (!loaded.ok()) {
    fmt::print("load failed: {}\n", loaded.errors.front().format());
    return 1;
  }
  fmt::print(
      "load+validate  {:>8.2f} ms per load of a {:.0f} KiB, {}-step routine ({:.1f} MiB/s)\n",
      load_ms, static_cast<double>(text.size()) / 1024, loaded.routine.steps.size(),
      static_cast<double>(text.size()) / (1024.0 * 1024.0) / (load_ms / 1000));

  start = Clock::now();
  ExpandResult expanded;
  for (int i = 0; i < k_loads; ++i) {
    expanded = expand(loaded.routine);
  }
  const Plan& plan = expanded.plan;
  fmt::print("expand         {:>8.2f} ms per expansion to {} segments, {} cues\n",
             ms_since(start) / k_loads, plan.segments.size(), plan.cues.size());

  // Walk the whole plan at 1 s of wall time per call (speed 1): one advance + view per call,
  // like a loop that wakes once a second.
  Session session(plan, {1.0, 0, 0, std::nullopt});
  std::size_t events = session.start(TimePoint{0}).size();
  std::size_t calls = 0;
  start = Clock::now();
  for (std::int64_t t = 0; !session.finished(); t += 1'000'000'000) {
    events += session.advance(TimePoint{t}).size();
    (void)session.view(TimePoint{t});
    ++calls;
  }
  const double walk_ms = ms_since(start);
  fmt::print("session walk   {:>8.2f} ms for {} advance+view calls ({:.2f} us each), {} events\n",
             walk_ms, calls, walk_ms * 1000 / static_cast<double>(calls), events);

  Session viewer(plan, {1.0, 0, 0, std::nullopt});
  viewer.start(TimePoint{0});
  constexpr int k_frames = 2000;
  start = Clock::now();
  std::size_t bytes = 0;
  for (int i = 0; i < k_frames; ++i) {
    const TimePoint t{static_cast<std::int64_t>(i) * 50'000'000};
    bytes += render_frame(plan, viewer.view(t), {80, true}).size();
  }
  const double frame_ms = ms_since(start) / k_frames;
  fmt::print(
      "render_frame   {:>8.3f} ms per 80-column frame ({:.0f} bytes); at 20 frames/s "
      "that is {:.2f}% of one core\n",
      frame_ms, static_cast<double>(bytes) / k_frames, frame_ms * 20 / 10);

  // `backcare stats`: parse 10,000 records, compute the figures, lay out the text.
  const std::string history = big_history();
  constexpr int k_stats_runs = 10;
  double parse_ms = 0;
  double stats_ms = 0;
  std::size_t stats_bytes = 0;
  for (int i = 0; i < k_stats_runs; ++i) {
    start = Clock::now();
    const HistoryParse parsed = parse_history(history);
    parse_ms += ms_since(start);
    start = Clock::now();
    const CivilDate as_of = civil_from_days(days_from_civil({2000, 1, 3}) + 10000);
    const Stats stats = compute_stats(parsed.records, Config{}, as_of, 12);
    stats_bytes += stats_text(stats, {80, true, false}).size();
    stats_ms += ms_since(start);
  }
  fmt::print(
      "stats          {:>8.2f} ms per parse + stats + text of {} records ({:.1f} MiB): "
      "parse {:.2f}, stats + text {:.2f}; target < 100 ms\n",
      (parse_ms + stats_ms) / k_stats_runs, 10000,
      static_cast<double>(history.size()) / (1024.0 * 1024.0), parse_ms / k_stats_runs,
      stats_ms / k_stats_runs);
  (void)stats_bytes;

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("peak memory    {:>8.1f} MiB (max RSS of this benchmark)\n",
             static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
