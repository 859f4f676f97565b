#include "progress/stats_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace backcare {
namespace {

constexpr std::string_view k_style_practised = "32";
constexpr std::string_view k_style_stop = "1;31";
constexpr int k_label_width = 5;

const char* const k_day_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct Marks {
  std::string practised, stop, none, future, met, unmet, rest;
};

Marks marks(bool unicode) {
  if (unicode) {
    return {"█", "▲", "·", " ", "✓", "·", "~"};
  }
  return {"#", "!", ".", " ", "+", ".", "~"};
}

// `text` word-wrapped to `width`: the first line after `first` spaces, the others after `rest`.
void add_wrapped(std::vector<Line>& lines, const std::string& text, int width, int first = 0,
                 int rest = -1) {
  rest = rest < 0 ? first + 2 : rest;
  const int room = std::max(10, width - std::max(first, rest));
  bool is_first = true;
  for (const std::string& part : wrap(text, room)) {
    const auto indent = static_cast<std::size_t>(is_first ? first : rest);
    lines.push_back({Span{std::string(indent, ' ') + part}});
    is_first = false;
  }
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::vector<Line> goal_lines(const Stats& stats, int width) {
  std::vector<Line> lines;
  const CivilDate end = civil_from_days(days_from_civil(stats.weeks.back().start) + 6);
  lines.push_back({Span{
      fmt::format("This week ({} to {})", format_date(stats.weeks.back().start), format_date(end)),
      k_style_bold}});
  if (stats.this_week.empty()) {
    lines.push_back({Span{"  no weekly goals set (see \"goals\" in the config)"}});
  }
  for (const GoalProgress& goal : stats.this_week) {
    add_wrapped(lines, goal_line(goal), width, 2, 4);
    if (goal.is_default) {
      add_wrapped(lines, std::string(k_default_goal_note), width, 4, 4);
    }
  }
  lines.push_back({});
  lines.push_back({Span{"Streaks", k_style_bold}});
  add_wrapped(lines,
              fmt::format("practice: {} (best {})", plural(stats.day_streak.current, "day", "days"),
                          stats.day_streak.best),
              width, 2, 4);
  for (const auto& [name, streak] : stats.goal_streaks) {
    add_wrapped(lines,
                fmt::format("{} goal: {} (best {})", safe_line(name),
                            plural(streak.current, "week", "weeks"), streak.best),
                width, 2, 4);
  }
  return lines;
}

std::vector<Line> minutes_lines(const Stats& stats, const StatsViewOptions& options) {
  std::vector<Line> lines;
  lines.push_back(
      {Span{fmt::format("Minutes per week ({})",
                        plural(static_cast<std::int64_t>(stats.weeks.size()), "week", "weeks")),
            k_style_bold}});
  if (stats.active_ms_by_routine.empty()) {
    lines.push_back({Span{"  no practice in this period"}});
  }
  const int spark_weeks =
      std::max(1, std::min(static_cast<int>(stats.weeks.size()), options.width - 4));
  for (const auto& [routine, total] : stats.active_ms_by_routine) {
    std::vector<std::optional<double>> values;
    double max = 0;
    for (std::size_t w = stats.weeks.size() - static_cast<std::size_t>(spark_weeks);
         w < stats.weeks.size(); ++w) {
      const auto found = stats.weeks[w].active_ms_by_routine.find(routine);
      const std::int64_t minutes =
          found == stats.weeks[w].active_ms_by_routine.end() ? 0 : whole_minutes(found->second);
      values.push_back(minutes > 0 ? std::optional<double>(static_cast<double>(minutes))
                                   : std::nullopt);
      max = std::max(max, static_cast<double>(minutes));
    }
    const auto& last = stats.weeks.back().active_ms_by_routine;
    const auto now = last.find(routine);
    lines.push_back({Span{"  " + safe_line(routine), k_style_bold}});
    lines.push_back({Span{"    " + sparkline(values, max, options.unicode)}});
    add_wrapped(
        lines,
        fmt::format("{} min this week, {} min in all",
                    now == last.end() ? 0 : whole_minutes(now->second), whole_minutes(total)),
        options.width, 4, 4);
  }
  return lines;
}

std::vector<Line> pain_lines(const Stats& stats, const StatsViewOptions& options) {
  std::vector<Line> lines;
  lines.push_back({Span{"Pain (weekly mean, 0 to 10)", k_style_bold}});
  std::vector<std::optional<double>> means;
  std::string numbers;
  for (const WeekStats& week : stats.weeks) {
    means.push_back(week.pain_mean);
    numbers += (numbers.empty() ? "" : " ") + format_mean(week.pain_mean);
  }
  const bool any = std::any_of(means.begin(), means.end(), [](const auto& m) { return m; });
  if (!any) {
    lines.push_back({Span{"  no pain scores recorded"}});
  } else {
    const int cells = std::max(1, options.width - 4);
    std::vector<std::optional<double>> shown(
        means.end() - std::min<std::ptrdiff_t>(cells, static_cast<std::ptrdiff_t>(means.size())),
        means.end());
    lines.push_back({Span{"  " + sparkline(shown, 10, options.unicode)}});
    add_wrapped(lines, numbers, options.width, 2, 2);
  }
  lines.push_back({});
  std::string symptoms;
  for (const auto& [name, count] : stats.symptom_counts) {
    symptoms += fmt::format("{}{} {}", symptoms.empty() ? "" : ", ", safe_line(name), count);
  }
  add_wrapped(lines, "Symptoms noted: " + (symptoms.empty() ? std::string("none") : symptoms),
              options.width, 0, 2);
  add_wrapped(lines, fmt::format("Safety stops: {}", stats.safety_stops), options.width, 0, 2);
  if (!stats.advice.empty()) {
    lines.push_back({});
    for (const Advice& advice : stats.advice) {
      add_wrapped(lines, safe_line(advice.reason) + ".", options.width, 0, 2);
    }
    add_wrapped(lines, physio_note(stats.advice.size()), options.width, 0, 0);
  }
  return lines;
}

}  // namespace

// A goal the person never set is not "out of reach" (on the first day it nearly always is):
// the note under it says it is backcare's and how to choose another.
const std::string_view k_default_goal_note =
    "a default goal, not one you set: choose your own with \"goals\" in the config file "
    "(backcare config path)";

std::string goal_line(const GoalProgress& goal) {
  const std::string left = plural(goal.days_left, "day", "days");
  const std::string state = goal.met ? std::string("goal met")
                            : goal.reachable || goal.is_default
                                ? left + " left"
                                : left + " left, out of reach this week";
  return fmt::format("{} {} of {} this week, {}", safe_line(goal.routine), goal.nights, goal.target,
                     state);
}

std::string physio_note(std::size_t reasons) {
  return fmt::format(
      "{} to see a pelvic-floor physiotherapist. backcare gives general guidance, "
      "not medical advice.",
      reasons == 1 ? "This is a reason" : "These are reasons");
}

std::string format_mean(const std::optional<double>& mean) {
  return mean ? fmt::format("{:.1f}", *mean) : "-";
}

std::string sparkline(const std::vector<std::optional<double>>& values, double max, bool unicode) {
  static const char* const k_blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  static const char k_ascii[] = "_-=+*%@#";
  std::string out;
  for (const auto& value : values) {
    if (!value) {
      out += unicode ? "·" : ".";
      continue;
    }
    const double scaled = max > 0 ? *value / max * 7.0 : 0.0;
    const auto level = static_cast<std::size_t>(std::clamp(std::lround(scaled), 0L, 7L));
    if (unicode) {
      out += k_blocks[level];
    } else {
      out += k_ascii[level];
    }
  }
  return out;
}

std::vector<Line> consistency_chart(const Stats& stats, const std::vector<std::string>& goal_names,
                                    const StatsViewOptions& options) {
  const Marks mark = marks(options.unicode);
  const int room = options.width - k_label_width;
  const int cell = room >= static_cast<int>(stats.weeks.size()) * 2 ? 2 : 1;
  const auto shown =
      static_cast<std::size_t>(std::clamp(room / cell, 1, static_cast<int>(stats.weeks.size())));
  const std::size_t from = stats.weeks.size() - shown;
  std::vector<Line> lines;
  lines.push_back({Span{
      fmt::format("Last {}, from {}", plural(static_cast<std::int64_t>(shown), "week", "weeks"),
                  format_date(stats.weeks[from].start)),
      k_style_bold}});
  const std::string gap = cell == 2 ? " " : "";
  for (int row = 0; row < 7; ++row) {
    Line line{
        Span{fmt::format("{:<{}}", k_day_names[(stats.week_starts + row) % 7], k_label_width)}};
    for (std::size_t w = from; w < stats.weeks.size(); ++w) {
      const DayStats& day = stats.weeks[w].days[static_cast<std::size_t>(row)];
      if (day.safety_stop) {
        line.push_back({mark.stop, k_style_stop});
      } else if (day.practised) {
        line.push_back({mark.practised, k_style_practised});
      } else if (day.rest) {
        line.push_back({mark.rest});
      } else {
        line.push_back({day.future ? mark.future : mark.none});
      }
      line.push_back({w + 1 < stats.weeks.size() ? gap : ""});
    }
    lines.push_back(line);
  }
  for (std::size_t g = 0; g < goal_names.size(); ++g) {
    Line line{Span{fmt::format(
        "{:<{}}", goal_names.size() == 1 ? "goal" : fmt::format("G{}", g + 1), k_label_width)}};
    for (std::size_t w = from; w < stats.weeks.size(); ++w) {
      const auto found = stats.weeks[w].goals.find(goal_names[g]);
      const bool met = found != stats.weeks[w].goals.end() && found->second.met;
      line.push_back({met ? mark.met : mark.unmet, met ? k_style_practised : k_style_none});
      line.push_back({w + 1 < stats.weeks.size() ? gap : ""});
    }
    lines.push_back(line);
  }
  std::string legend =
      fmt::format("{} practised  {} safety stop  {} none", mark.practised, mark.stop, mark.none);
  const bool rested = std::any_of(stats.weeks.begin() + static_cast<std::ptrdiff_t>(from),
                                  stats.weeks.end(), [](const WeekStats& week) {
                                    return std::any_of(week.days.begin(), week.days.end(),
                                                       [](const DayStats& d) { return d.rest; });
                                  });
  if (rested) {  // shown only when there are rest days, so other charts read as before
    legend += fmt::format("  {} rest", mark.rest);
  }
  add_wrapped(lines, legend, options.width, 0, 0);
  for (std::size_t g = 0; g < goal_names.size(); ++g) {
    const auto progress =
        std::find_if(stats.this_week.begin(), stats.this_week.end(),
                     [&](const GoalProgress& p) { return p.routine == goal_names[g]; });
    add_wrapped(lines,
                fmt::format("{} {}: weeks with {} nights of {}", mark.met,
                            goal_names.size() == 1 ? "goal" : fmt::format("G{}", g + 1),
                            progress == stats.this_week.end() ? 0 : progress->target,
                            safe_line(goal_names[g])),
                options.width, 0, 2);
  }
  return lines;
}

std::string stats_text(const Stats& stats, const StatsViewOptions& options) {
  std::vector<std::string> goal_names;
  for (const GoalProgress& goal : stats.this_week) {
    goal_names.push_back(goal.routine);
  }
  std::vector<Line> lines = goal_lines(stats, options.width);
  lines.push_back({});
  for (auto& line : consistency_chart(stats, goal_names, options)) {
    lines.push_back(std::move(line));
  }
  lines.push_back({});
  for (auto& line : minutes_lines(stats, options)) {
    lines.push_back(std::move(line));
  }
  lines.push_back({});
  for (auto& line : pain_lines(stats, options)) {
    lines.push_back(std::move(line));
  }
  return join_lines(lines, options.width, options.color) + "\n";
}

}  // namespace backcare
