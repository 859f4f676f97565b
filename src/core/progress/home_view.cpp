#include "progress/home_view.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/duration.hpp"
#include "base/layout.hpp"
#include "base/sanitize.hpp"
#include "base/text.hpp"
#include "progress/stats_view.hpp"

namespace backcare {
namespace {

constexpr int k_max_name_column = 24;

// `text` (safe) word-wrapped to `width`, the first line after `first` spaces, the rest after
// `rest`; each line ends with "\n".
std::string wrapped(const std::string& text, int width, int first, int rest) {
  std::string out;
  bool is_first = true;
  for (const std::string& part : wrap(text, std::max(10, width - std::max(first, rest)))) {
    out += std::string(static_cast<std::size_t>(is_first ? first : rest), ' ') + part + "\n";
    is_first = false;
  }
  return out;
}

std::string pad(const std::string& text, int width) {
  return text +
         std::string(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
}

std::string routine_lines(const std::vector<HomeRoutine>& routines, int width) {
  const std::size_t shown = std::min(routines.size(), k_home_routines);
  int name_width = 4;
  int time_width = 1;
  for (std::size_t i = 0; i < shown; ++i) {
    name_width = std::max(name_width, display_width(safe_line(routines[i].name)));
    if (routines[i].total_ms) {
      time_width = std::max(time_width, display_width(format_clock(*routines[i].total_ms)));
    }
  }
  name_width = std::min(name_width, k_max_name_column);
  const int title_width = std::max(10, width - 2 - name_width - 2 - time_width - 2);
  std::string out = "Routines\n";
  if (routines.empty()) {
    out += "  none found (backcare list says where they are looked for)\n";
  }
  for (std::size_t i = 0; i < shown; ++i) {
    const HomeRoutine& routine = routines[i];
    const std::string time = routine.total_ms ? format_clock(*routine.total_ms) : "-";
    const std::string title =
        routine.total_ms ? safe_line(routine.title) : "not valid (backcare validate says why)";
    const std::string line = fmt::format(
        "  {}  {:>{}}  {}", pad(truncate_to_width(safe_line(routine.name), name_width), name_width),
        time, time_width, truncate_to_width(title, title_width));
    out += line.substr(0, line.find_last_not_of(' ') + 1) + "\n";
  }
  if (routines.size() > shown) {
    out += fmt::format("  and {} more (backcare list)\n", routines.size() - shown);
  }
  return out;
}

// "3 practices this week, 42 min", or that there is none yet.
std::string practice_line(const WeekStats& week) {
  if (week.practices == 0) {
    return "no practice yet this week";
  }
  return fmt::format("{} practice{} this week, {} min", week.practices,
                     week.practices == 1 ? "" : "s", whole_minutes(week.active_ms));
}

std::string week_lines(const HomeInput& input) {
  std::string out;
  if (input.week && !input.week->weeks.empty()) {
    const Stats& stats = *input.week;
    const CivilDate start = stats.weeks.back().start;
    out += fmt::format("This week ({} to {})\n", format_date(start),
                       format_date(civil_from_days(days_from_civil(start) + 6)));
    for (const GoalProgress& goal : stats.this_week) {
      out += wrapped(goal_line(goal), input.width, 2, 4);
    }
    out += wrapped(practice_line(stats.weeks.back()), input.width, 2, 4);
  } else {
    out += "This week\n";
  }
  for (const std::string& note : input.notes) {
    out += wrapped(note, input.width, 2, 4);
  }
  // The plan's place (`backcare today`): what to do tonight, under where the week stands.
  if (!input.tonight.empty()) {
    out += wrapped("Tonight: " + safe_line(input.tonight), input.width, 2, 4);
  }
  return out;
}

// Every main command, the ones that read the journal too, each in one line of 80 columns.
constexpr std::string_view k_commands =
    "Commands\n"
    "  backcare NAME              run a routine by its name: backcare breathe\n"
    "  backcare run NAME|FILE     run any routine, a file, or - for standard input\n"
    "  backcare resume            carry on the last session stopped early\n"
    "  backcare checkin           note pain or symptoms without a session\n"
    "  backcare history           sessions and check-ins; --forget ID deletes one\n"
    "  backcare stats             this week, streaks, a 12-week chart, pain trend\n"
    "  backcare report            a one-page HTML report to show a physiotherapist\n"
    "  backcare show NAME|FILE    describe a routine step by step\n"
    "  backcare list              every routine and where it comes from\n"
    "  backcare validate FILE...  check routine files\n"
    "  backcare new NAME          start a routine of your own\n"
    "  backcare config            your settings and goals: backcare config path\n"
    "\n"
    "Every option: backcare --help. One command: backcare COMMAND --help.\n";

}  // namespace

std::string home_text(const HomeInput& input) {
  return "backcare — a routine timer for postpartum back care\n\n" +
         routine_lines(input.routines, input.width) + "\n" + week_lines(input) + "\n" +
         std::string(k_commands);
}

std::string session_week_text(const std::optional<Stats>& week, const std::string& routine,
                              const std::string& record_id, int width) {
  std::string out = wrapped(
      fmt::format("Recorded in your journal as {} (backcare history).", safe_line(record_id)),
      width, 0, 0);
  if (!week) {
    return out;
  }
  const Stats& stats = *week;
  const auto goal = std::find_if(stats.this_week.begin(), stats.this_week.end(),
                                 [&](const GoalProgress& g) { return g.routine == routine; });
  if (goal != stats.this_week.end()) {
    return out + wrapped(goal_line(*goal), width, 0, 2);
  }
  if (stats.weeks.empty()) {
    return out;
  }
  return out + wrapped(practice_line(stats.weeks.back()), width, 0, 2);
}

}  // namespace backcare
