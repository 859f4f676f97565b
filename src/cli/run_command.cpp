// `backcare run` and the routine shortcuts: the routine with the command line's changes, then
// the player (or, with --dry-run, the plan).
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "base/duration.hpp"
#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "commands.hpp"
#include "display/show.hpp"
#include "observers.hpp"
#include "player.hpp"
#include "routine/breath_range.hpp"
#include "run_journal.hpp"

namespace backcare {
namespace {

// The routine named on the command line with --set, the breath overrides and --from-step
// applied, expanded; throws AppError (2) when the options make it impossible.
struct RunPlan {
  Routine routine;
  Plan plan;
};

RunPlan plan_for(Context& context, const RunArgs& args) {
  if (args.quiet && args.events.empty()) {
    throw AppError{k_exit_usage,
                   {"--quiet turns the display off, so it needs --events FILE (or --events -): "
                    "without them nothing would show"}};
  }
  Routine routine = resolve_routine(context, args.routine, parse_sets(args.sets));
  if (const auto problem = apply_breath_overrides(routine, args.overrides)) {
    throw AppError{k_exit_usage, {*problem}};
  }
  if (args.overrides.any()) {
    for (const std::string& warning : breath_warnings(routine)) {  // kept, but said
      print_err("backcare: warning: " + warning + "\n");
    }
  }
  ExpandResult expanded = expand(routine);
  if (!expanded.ok()) {
    AppError error{k_exit_usage, {}};
    for (const auto& e : expanded.errors) {
      error.lines.push_back("with these options the routine " + e.message);
    }
    throw error;
  }
  if (args.from_step > expanded.plan.steps.size() && !args.resumes.empty()) {
    // `resume` chose the step, not the user: say what happened to the practice.
    throw AppError{
        k_exit_stopped,
        {fmt::format("cannot resume: the routine changed since and now has {} steps, "
                     "and the practice stopped before step {}; `backcare run {}` "
                     "starts it again",
                     expanded.plan.steps.size(), args.from_step, sanitize(args.routine))}};
  }
  if (args.from_step > expanded.plan.steps.size()) {
    throw AppError{k_exit_usage,
                   {fmt::format("--from-step {}: the routine has {} steps", args.from_step,
                                expanded.plan.steps.size())}};
  }
  return {std::move(routine), std::move(expanded.plan)};
}

// The routine file a session ran from, as an absolute path, so that `resume` in another
// folder finds the same file ("./night.json" names a different one there). Built-ins and
// standard input are left as they are.
std::string absolute_source(const std::string& source) {
  if (source.empty() || source == "built-in" || source == "<stdin>" || source.front() == '/') {
    return source;
  }
  std::error_code error;
  const std::filesystem::path path = std::filesystem::absolute(source, error);
  return error ? source : path.lexically_normal().string();
}

// What `--dry-run` prints: the plan as `show` describes it, or with --from-step N only the
// steps from N (numbered as in the whole routine) and their total.
std::string describe_from_step(const Routine& routine, const Plan& plan, std::size_t first) {
  if (first == 0) {
    return describe_plan(routine, plan);
  }
  // describe_plan of no steps is the frame: title and description, then "Total", then a note.
  Routine frame_routine = routine;
  frame_routine.steps.clear();
  const std::string frame = describe_plan(frame_routine, Plan{});
  const std::size_t total_at = frame.rfind("\nTotal ");
  const std::size_t note_at = frame.find('\n', total_at + 1);
  std::string out = frame.substr(0, total_at);
  out += fmt::format("From step {} of {} (--from-step {}):\n", first + 1, plan.steps.size(),
                     first + 1);
  std::int64_t total_ms = 0;
  for (std::size_t i = first; i < plan.steps.size() && i < routine.steps.size(); ++i) {
    Routine one = frame_routine;
    one.steps = {routine.steps[i]};
    Plan one_plan;
    one_plan.steps = {plan.steps[i]};
    const std::string text = describe_plan(one, one_plan);
    std::string block = text.substr(total_at, text.rfind("\nTotal ") - total_at);
    block.replace(0, 4, fmt::format("{:>3}.", i + 1));  // "  1." is step i + 1
    out += block;
    total_ms += plan.steps[i].duration_ms;
  }
  return out + fmt::format("\nTotal {}", format_clock(total_ms)) + frame.substr(note_at);
}

// The run's options: the command line, then the config file for what it leaves unsaid.
PlayerOptions player_options(const RunArgs& args, const Config& config) {
  PlayerOptions options;
  options.session.speed = args.speed;
  const double lead_in = args.lead_in.value_or(config.lead_in_seconds.value_or(3.0));
  options.session.lead_in_ms = static_cast<std::int64_t>(std::llround(lead_in * 1000));
  options.session.from_step = args.from_step - 1;
  options.session.from_ms = args.from_ms;
  options.plain = args.plain;
  options.no_color = args.no_color || config.color == false;
  const bool night = args.night || config.night.value_or(false);
  options.bell = !args.no_bell && !night && config.bell.value_or(true);
  options.night = night;
  options.big = args.big || config.big.value_or(false);
  options.quiet = args.quiet;
  options.routine_from_stdin = args.routine == "-";
  options.events = args.events;
  options.human_to_stderr = args.events == "-";
  options.speak = !args.speak.empty() || config.speak.value_or(false);
  options.speak_mode = args.speak == "brief" ? SpeechMode::brief : SpeechMode::full;
  options.voice = !args.voice.empty() ? args.voice : config.voice.value_or("");
  // Night mode: a slower, quieter voice unless the rate or volume is given.
  options.rate = args.rate > 0 ? args.rate : config.rate.value_or(night ? 140 : 160);
  if (args.volume >= 0) {
    options.volume = args.volume;
  } else if (night) {
    options.volume = 50;
  }
  options.tones = args.tones || config.tones.value_or(false);
  options.log = !args.no_log && config.log;
  options.ask = !args.no_ask && config.ask_after_session;
  options.resumes = args.resumes;
  return options;
}

}  // namespace

int cmd_run(Context& context, const Args& all) {
  const RunArgs& args = all.run;
  const Config& config = context.config();
  RunPlan run = plan_for(context, args);
  if (args.dry_run) {
    if (args.from_step > 1) {
      print_out(for_locale(describe_from_step(run.routine, run.plan, args.from_step - 1)));
    } else {  // the whole plan, a step at a time
      write_description(run.routine, run.plan,
                        [](std::string_view piece) { print_out(for_locale(std::string(piece))); });
    }
    return k_exit_ok;
  }
  run.routine = Routine{};  // a run reads only the plan: the routine's texts are not kept twice
  run.plan.source = absolute_source(run.plan.source);
  PlayerOptions options = player_options(args, config);
  options.routine_files = context.routine_files();
  const Presentation presentation = decide_presentation(options);
  Result<Observers> made = make_observers(run.plan, options, presentation);
  if (!made) {
    throw AppError{made.error().exit_code, {made.error().message}};
  }
  Observers observers = std::move(made).value();
  for (const auto& warning : observers.warnings) {
    print_err(warning);
  }
  std::fflush(stdout);
  const LocalNow started = local_now();
  PlayResult result;
  SignalPipe signals;  // from the session to the last question
  const int code = play(run.plan, options, std::move(observers.list), signals, &result);
  return after_session(run.plan, options, presentation, result, started, signals, config)
      .value_or(code);
}

}  // namespace backcare
