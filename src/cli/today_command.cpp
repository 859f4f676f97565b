#include "today_command.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "base/text.hpp"
#include "commands.hpp"
#include "plan_command.hpp"
#include "programme/today.hpp"
#include "progress/stats.hpp"
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

std::string tonight_line(Context& context, const std::vector<JournalRecord>& records) {
  try {
    const Config& config = context.config();
    const CivilDate day = day_of("", config);
    const std::vector<JournalRecord> kept = apply_forgets(records);
    const ActivePlan plan = active_plan(context, kept, config, day);
    return today_home_line(
        compute_today(kept, config, plan.state, plan.programme ? &*plan.programme : nullptr, day));
  } catch (const AppError&) {
    return "";
  }
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

void define_rest(CLI::App& sub, Args& args) {
  sub.add_option("--reason", args.rest.reason, "Why, in a few words: flare, ill, travel, ...")
      ->type_name("TEXT");
  sub.add_option("--days", args.rest.days, "How many days from today (1 to 60, default 1)")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 3 &&
                                text.find_first_not_of("0123456789") == std::string::npos;
            const int value = digits ? std::stoi(text) : 0;
            return value >= 1 && value <= k_max_rest_days
                       ? ""
                       : fmt::format("must be a whole number of days from 1 to {}, got \"{}\"",
                                     k_max_rest_days, sanitize(text));
          },
          "1 - 60"));
  sub.footer(
      "A rest day (a flare-up, an illness, a hard night) neither counts against a goal nor "
      "breaks a streak; stats shows it as ~.\n\n"
      "Examples:\n"
      "  backcare rest                       today\n"
      "  backcare rest --reason flare --days 3");
}

int cmd_rest(Context& context, const Args& args) {
  if (count_code_points(args.rest.reason) > 200) {
    throw AppError{k_exit_usage, {"--reason: at most 200 characters"}};
  }
  const CivilDate from = day_of("", context.config());
  JournalRecord record;
  record.kind = std::string(k_kind_rest);
  record.from = format_date(from);
  record.days = args.rest.days;
  record.reason = args.rest.reason;
  append_record_now(context, record);
  const CivilDate last = civil_from_days(days_from_civil(from) + args.rest.days - 1);
  print_out(args.rest.days == 1
                ? fmt::format("Rest today ({}): no goal counts it, no streak breaks.\n",
                              format_date(from))
                : fmt::format("Rest from {} to {}: no goal counts them, no streak breaks.\n",
                              format_date(from), format_date(last)));
  return k_exit_ok;
}

}  // namespace backcare
