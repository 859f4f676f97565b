#pragma once
// `backcare stats` as text: this week's goals, streaks, a grid of practised days (rows the days
// of the week, columns the weeks, like a contribution graph), minutes per routine and the pain
// trend as sparklines. Pure: the width, the character set and colour are decided by the shell.
#include <optional>
#include <string>
#include <vector>

#include "base/layout.hpp"
#include "progress/stats.hpp"

namespace backcare {

// How the text may look.
struct StatsViewOptions {
  int width = 80;
  bool unicode = true;  // block characters; false: ASCII only
  bool color = false;
};

// ▁▂▃▄▅▆▇█ (ASCII "_-=+*%@#"), one character per value scaled to 0..`max`; a missing value is
// "·" (ASCII ".").
std::string sparkline(const std::vector<std::optional<double>>& values, double max, bool unicode);

// The grid of the last weeks that fit in `options.width`: a mark per practised day, another for
// a day with a safety stop, then one row per goal marking the weeks that met it, and a legend.
std::vector<Line> consistency_chart(const Stats& stats, const std::vector<std::string>& goal_names,
                                    const StatsViewOptions& options);

// The whole `stats` text, ending with "\n". Routine names are made safe here.
std::string stats_text(const Stats& stats, const StatsViewOptions& options);

// "night-release 3 of 5 this week, 2 days left" (", out of reach this week" when it can no
// longer be met, unless the goal is backcare's default; "goal met" when it is). Made safe here.
std::string goal_line(const GoalProgress& goal);

// The note under a default goal: it is backcare's, and how to choose another.
extern const std::string_view k_default_goal_note;

// "3.5", or "-" when there is no value.
std::string format_mean(const std::optional<double>& mean);

// "This is a reason to see a pelvic-floor physiotherapist. ..." ("These are reasons" for more
// than one), the sentence under the reasons of Stats::advice.
std::string physio_note(std::size_t reasons);

}  // namespace backcare
