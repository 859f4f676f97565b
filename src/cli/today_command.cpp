#include "today_command.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "commands.hpp"
#include "plan_command.hpp"
#include "programme/today.hpp"
#include "progress_commands.hpp"

namespace backcare {
namespace {

// The plan week's values as `--set NAME=VALUE` gives them: a number as written, a duration as
// its text ("90s").
std::vector<std::string> set_arguments(const ParamValues& values) {
  std::vector<std::string> out;
  for (const auto& [name, value] : values) {
    out.push_back(name + "=" +
                  (value.value.is_string() ? value.value.get<std::string>() : value.value.dump()));
  }
  return out;
}

}  // namespace

void define_today(CLI::App& sub, Args& args) {
  sub.add_flag("--short", args.today.short_form,
               "One line for a shell prompt or a status bar: \"tonight: hinge 0/2 | done: "
               "breathe\"");
  sub.add_flag("--start", args.today.start,
               "Run the first routine due, with this week's values (--set) of the plan");
  sub.add_option("--as-of", args.today.as_of, "As it was at the end of that day")
      ->check(date_check());
  sub.add_flag("--dry-run", args.run.dry_run,
               "With --start: print the routine as it would run, with the week's values");
  add_display_options(sub, args.run);
  sub.footer(
      "With a plan (backcare plan start NAME), the plan's week says what to do and how hard; "
      "without one, your goals (the config's \"goals\", night-release 5 nights a week by "
      "default). Nights are counted as stats counts them.\n\n"
      "Examples:\n"
      "  backcare today                 the week's routines, tonight's, what is done\n"
      "  backcare today --start         run tonight's routine\n"
      "  backcare today --short         for PS1 or tmux's status-right");
}

int cmd_today(Context& context, const Args& args) {
  const Config& config = context.config();
  const CivilDate day = day_of(args.today.as_of, config);
  const std::vector<JournalRecord> records = apply_forgets(read_history());
  const ActivePlan plan = active_plan(context, records, config, day);
  const TodayView view =
      compute_today(records, config, plan.state, plan.programme ? &*plan.programme : nullptr, day);
  if (args.today.short_form) {
    print_out(today_short(view) + "\n");
    return k_exit_ok;
  }
  if (!args.today.start) {
    print_out(today_text(view));
    return k_exit_ok;
  }
  const TodayItem* due = view.due();
  if (due == nullptr) {
    print_out(today_text(view));
    print_err("backcare: nothing is due today to start\n");
    return k_exit_stopped;
  }
  Args run = args;
  run.run.routine = due->routine;
  run.run.sets = set_arguments(due->set);
  return cmd_run(context, run);
}

}  // namespace backcare
