#include "plan_command.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "journal_store.hpp"
#include "programme/programme.hpp"
#include "programme/programme_view.hpp"
#include "programmes.hpp"
#include "progress_commands.hpp"
#include "terminal.hpp"

namespace backcare {
namespace {

const std::vector<std::string> k_plan_actions = {"list",   "show",  "schema", "start",
                                                 "status", "pause", "resume", "stop"};

// A programme argument names a file when it has a "/" or ends in ".json" (as routines).
bool names_file(const std::string& arg) {
  return arg.find('/') != std::string::npos ||
         (arg.size() > 5 && arg.compare(arg.size() - 5, 5, ".json") == 0);
}

ProgrammeFile find_programme(const std::string& arg) {
  if (names_file(arg)) {
    return read_programme_file(arg);
  }
  std::vector<ProgrammeFile> files = programme_files();
  const auto found = std::find_if(files.begin(), files.end(),
                                  [&](const ProgrammeFile& f) { return f.name == arg; });
  if (found == files.end()) {
    std::vector<std::string> names;
    for (const auto& file : files) {
      names.push_back(file.name);
    }
    throw AppError{
        k_exit_usage,
        {fmt::format("no programme named \"{}\"{}", sanitize(arg), did_you_mean(arg, names))}};
  }
  return std::move(*found);
}

// The programme checked against the routines it names; throws AppError (65, 66) when wrong.
Programme load_checked(Context& context, const ProgrammeFile& file) {
  if (!file.read_errors.empty()) {
    throw errors_to_app_error(file.read_errors, file.exit_code);
  }
  ProgrammeLoad load = load_programme(file.text, file.source, &context.catalog().resolver());
  if (!load.ok()) {
    throw errors_to_app_error(load.errors, k_exit_data);
  }
  return std::move(load.programme);
}

int plan_list(Context& context) {
  std::vector<std::pair<ProgrammeFile, std::optional<Programme>>> rows;
  int name_width = 0;
  for (auto& file : programme_files()) {
    std::optional<Programme> programme;
    if (file.read_errors.empty()) {
      ProgrammeLoad load = load_programme(file.text, file.source, &context.catalog().resolver());
      if (load.ok()) {
        programme = std::move(load.programme);
      }
    }
    name_width = std::max(name_width, static_cast<int>(file.name.size()));
    rows.emplace_back(std::move(file), std::move(programme));
  }
  std::string out;
  for (const auto& [file, programme] : rows) {
    out += programme ? programme_list_line(*programme, name_width)
                     : fmt::format("{}  invalid: backcare plan show {} says why",
                                   safe_line(file.name), safe_line(file.source));
    out += file.builtin ? "\n" : fmt::format("  ({})\n", safe_line(file.source));
  }
  print_out(out);
  return k_exit_ok;
}

}  // namespace

void append_record_now(Context& context, JournalRecord record) {
  if (!context.config().log) {
    throw AppError{k_exit_stopped,
                   {fmt::format("a {} record is kept in the journal, which is turned off "
                                "(\"log\": false in the config file)",
                                record.kind)}};
  }
  const LocalNow now = local_now();
  record.id = new_record_id(now.instant);
  record.started = format_instant(now.instant);
  record.tz = now.tz;
  const std::string path = history_path();
  if (path.empty()) {
    throw AppError{k_exit_io_error,
                   {"no XDG_STATE_HOME or HOME: there is no place for the journal"}};
  }
  std::vector<std::string> warnings;
  const auto error = JournalStore(path).append(record, &warnings);
  for (const std::string& warning : warnings) {
    print_err(fmt::format("backcare: warning: {}\n", warning));
  }
  if (error) {
    throw AppError{k_exit_io_error, {*error}};
  }
}

namespace {

struct PlanNow {
  CivilDate today;
  ActivePlan plan;
  int week = 0;
};

PlanNow plan_now(Context& context, const std::string& as_of) {
  const Config& config = context.config();
  PlanNow now;
  now.today = day_of(as_of, config);
  now.plan = active_plan(context, apply_forgets(read_history()), config, now.today);
  if (now.plan.state.active) {
    now.week = plan_week(now.plan.state, now.today, config.week_starts);
  }
  return now;
}

bool unfinished(const PlanNow& now) {
  return now.plan.state.active && now.plan.programme && now.week <= now.plan.programme->weeks();
}

std::string no_plan_text() {
  return "No plan followed. See the programmes with: backcare plan list\n";
}

int plan_start(Context& context, const Args& args) {
  if (args.plan.programme.empty()) {
    throw AppError{k_exit_usage, {"plan start needs a programme: backcare plan start NAME|FILE"}};
  }
  const ProgrammeFile file = find_programme(args.plan.programme);
  const Programme programme = load_checked(context, file);
  const PlanNow now = plan_now(context, "");
  if (unfinished(now) && !args.plan.replace) {
    throw AppError{
        k_exit_usage,
        {fmt::format("{} is followed already (week {} of {}); to start {} in its place: backcare "
                     "plan start {} --replace",
                     safe_line(now.plan.state.programme), now.week, now.plan.programme->weeks(),
                     safe_line(programme.name), safe_line(args.plan.programme))}};
  }
  const CivilDate from = args.plan.from.empty() ? now.today : *parse_date(args.plan.from);
  JournalRecord record;
  record.kind = std::string(k_kind_plan);
  record.action = "start";
  record.programme = programme.name;
  record.source = file.builtin ? file.source : programme.source;
  record.from = format_date(from);
  append_record_now(context, record);
  print_out(fmt::format("Started {}: {} weeks from {}.\nWhat is due: backcare today\n",
                        safe_line(programme.name), programme.weeks(), format_date(from)));
  return k_exit_ok;
}

int plan_status(Context& context, const Args& args) {
  const PlanNow now = plan_now(context, args.plan.as_of);
  const PlanState& state = now.plan.state;
  if (!state.active) {
    print_out(state.stopped ? fmt::format("No plan followed ({} was stopped on {}).\n",
                                          safe_line(state.programme), format_date(*state.stopped))
                            : no_plan_text());
    return k_exit_ok;
  }
  const int weeks = now.plan.programme->weeks();
  std::string out = fmt::format("{}: {}\nStarted {}", safe_line(state.programme),
                                safe_line(now.plan.programme->title), format_date(state.from));
  const int paused = paused_days(state, now.today);
  out += paused > 0 ? fmt::format(", {} day{} paused.\n", paused, paused == 1 ? "" : "s") : ".\n";
  if (now.week == 0) {
    out += "Week 1 begins then.\n";
  } else if (now.week > weeks) {
    out += fmt::format("Finished: all {} weeks. To go again: backcare plan start {} --replace\n",
                       weeks, safe_line(state.programme));
  } else if (state.held()) {
    out += fmt::format(
        "Week {} of {}, held after the {}. When you are ready to go on: backcare plan resume\n",
        now.week, weeks, state.pauses.back().reason);
  } else if (state.paused()) {
    out += fmt::format("Paused since {}{}: week {} of {} waits. To go on: backcare plan resume\n",
                       format_date(state.pauses.back().from),
                       state.pauses.back().reason.empty()
                           ? ""
                           : " (" + safe_line(state.pauses.back().reason) + ")",
                       now.week, weeks);
  } else {
    out += fmt::format("Week {} of {}. What is due: backcare today\n", now.week, weeks);
  }
  print_out(out);
  return k_exit_ok;
}

// pause, resume and stop: one record each, refused (1) when it would change nothing.
int plan_change(Context& context, const Args& args) {
  const std::string& action = args.plan.action;
  const PlanNow now = plan_now(context, "");
  const PlanState& state = now.plan.state;
  if (!state.active) {
    throw AppError{
        k_exit_stopped,
        {fmt::format("no plan to {}: {}", action, "backcare plan start NAME starts one")}};
  }
  const std::string name = safe_line(state.programme);
  if (action == "pause" && state.paused()) {
    throw AppError{k_exit_stopped, {fmt::format("{} is paused already", name)}};
  }
  if (action == "resume" && !state.paused()) {
    throw AppError{k_exit_stopped, {fmt::format("{} is not paused", name)}};
  }
  JournalRecord record;
  record.kind = std::string(k_kind_plan);
  record.action = action;
  record.programme = state.programme;
  record.reason = action == "pause" ? args.plan.reason : "";
  append_record_now(context, record);
  if (action == "pause") {
    print_out(fmt::format("Paused {} at week {}: the weeks wait until backcare plan resume.\n",
                          name, now.week));
  } else if (action == "resume") {
    print_out(fmt::format("Resumed {}. What is due: backcare today\n", name));
  } else {
    print_out(fmt::format("Stopped {}. Your goals say what is due now.\n", name));
  }
  return k_exit_ok;
}

}  // namespace

CivilDate day_of(const std::string& as_of, const Config& config) {
  if (!as_of.empty()) {
    return *parse_date(as_of);
  }
  return local_day(local_now().instant, config.day_starts_at_minutes);
}

ActivePlan active_plan(Context& context, const std::vector<JournalRecord>& records,
                       const Config& config, const CivilDate& day) {
  ActivePlan plan;
  plan.state = plan_state(records, config.day_starts_at_minutes, day);
  if (!plan.state.active) {
    return plan;
  }
  const std::string builtin = "built-in:";
  const std::string& source = plan.state.source;
  ProgrammeFile file;
  if (!source.empty() && source.compare(0, builtin.size(), builtin) != 0) {
    file = read_programme_file(source);
  } else {
    std::vector<ProgrammeFile> files = programme_files();
    const auto found = std::find_if(files.begin(), files.end(), [&](const ProgrammeFile& f) {
      return f.name == plan.state.programme;
    });
    if (found == files.end()) {
      throw AppError{k_exit_no_input,
                     {fmt::format("the plan's programme \"{}\" is not there any more; stop it "
                                  "with: backcare plan stop",
                                  sanitize(plan.state.programme))}};
    }
    file = std::move(*found);
  }
  plan.programme = load_checked(context, file);
  return plan;
}

void define_plan(CLI::App& sub, Args& args) {
  sub.add_option("action", args.plan.action,
                 "list: the programmes; show: one programme week by week; schema: the JSON "
                 "Schema of a programme file; start: follow one; status: where you are; pause, "
                 "resume, stop")
      ->required()
      ->type_name("ACTION")
      ->check(CLI::IsMember(k_plan_actions));
  sub.add_option("programme", args.plan.programme,
                 "A programme's name or file (for show and start)")
      ->type_name("NAME|FILE");
  sub.add_option("--from", args.plan.from,
                 "start: the plan's first day (default today; may be in the past)")
      ->check(date_check());
  sub.add_flag("--replace", args.plan.replace, "start: in place of the plan followed now");
  sub.add_option("--reason", args.plan.reason, "pause: why, in a few words (flare, ill, ...)")
      ->type_name("TEXT");
  sub.add_option("--as-of", args.plan.as_of, "status: as it was at the end of that day")
      ->check(date_check());
  sub.footer(
      "Examples:\n"
      "  backcare plan list                  the built-in programme and yours\n"
      "  backcare plan show twelve-weeks     each block of weeks: routines, how often, values\n"
      "  backcare plan show my-plan.json     check a programme file you wrote\n"
      "  backcare plan schema > programme.schema.json\n"
      "  backcare plan start twelve-weeks    follow it from today (--from DATE: an earlier day)\n"
      "  backcare plan status                which week you are in\n"
      "  backcare plan pause --reason flare  the weeks wait until backcare plan resume\n"
      "  backcare plan stop\n\n"
      "Your programmes go in ~/.config/backcare/programmes (docs/programmes.md).\n"
      "A plan lives in the journal as plan records (docs/journal.md).\n"
      "Exit codes: 0 success, 1 nothing to pause, resume or stop, 2 usage error, unknown "
      "programme or a plan followed already, 65 invalid programme, 66 unreadable file, 74 the "
      "journal could not be written.");
}

int cmd_plan(Context& context, const Args& args) {
  const std::string& action = args.plan.action;
  if (action == "schema") {
    print_out(std::string(programme_schema()));
    return k_exit_ok;
  }
  if (action == "list") {
    return plan_list(context);
  }
  if (action == "start") {
    return plan_start(context, args);
  }
  if (action == "status") {
    return plan_status(context, args);
  }
  if (action == "pause" || action == "resume" || action == "stop") {
    return plan_change(context, args);
  }
  if (args.plan.programme.empty()) {
    throw AppError{k_exit_usage, {"plan show needs a programme: backcare plan show NAME|FILE"}};
  }
  const Programme programme = load_checked(context, find_programme(args.plan.programme));
  const TerminalCaps caps = detect_terminal_caps(false);
  const int width = caps.tty && caps.width > 0 ? std::min(caps.width, 100) : 80;
  print_out(for_locale(describe_programme(programme, width)));
  return k_exit_ok;
}

}  // namespace backcare
