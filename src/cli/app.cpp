#include "app.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "catalog.hpp"
#include "completion.hpp"
#include "duration.hpp"
#include "event_stream.hpp"
#include "exit_codes.hpp"
#include "layout.hpp"
#include "loader.hpp"
#include "overrides.hpp"
#include "player.hpp"
#include "sanitize.hpp"
#include "show.hpp"
#include "speech.hpp"
#include "starter.hpp"
#include "suggest.hpp"
#include "terminal.hpp"

#ifndef BACKCARE_VERSION
#define BACKCARE_VERSION "0.0.0"
#endif

namespace backcare {
namespace {

// An expected failure on its way to the top: a message (or several lines) and an exit code.
struct AppError {
  int exit_code;
  std::vector<std::string> lines;
};

void print_out(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void print_err(const std::string& text) {
  std::fflush(stdout);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

// Options shared by the commands that look routines up.
struct Context {
  std::vector<std::string> routine_dirs;
  std::optional<Catalog> m_catalog;

  const Catalog& catalog() {
    if (!m_catalog) {
      std::vector<std::filesystem::path> dirs = {user_routine_dir()};
      for (const auto& dir : routine_dirs) {
        dirs.emplace_back(dir);
      }
      m_catalog = Catalog::load(dirs);
    }
    return *m_catalog;
  }
};

// The identity of a routine file for include cycles: its canonical path ("<stdin>" for -).
std::string file_key(const std::string& arg) {
  if (arg == "-") {
    return "<stdin>";
  }
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(arg, ec);
  return ec ? arg : canonical.string();
}

AppError errors_to_app_error(const Diagnostics& errors, int exit_code) {
  AppError out{exit_code, {}};
  for (const auto& error : errors) {
    out.lines.push_back(error.format());
  }
  return out;
}

// The text of a routine given as NAME or FILE ("-" for standard input), with how to name it.
struct RoutineText {
  std::string text;
  std::string source;                   // for diagnostics
  std::string key;                      // for include cycles
  const CatalogEntry* entry = nullptr;  // when found by name
};

RoutineText routine_text(Context& context, const std::string& arg) {
  const Catalog& catalog = context.catalog();
  if (const CatalogEntry* entry = looks_like_path(arg) ? nullptr : catalog.find(arg)) {
    if (entry->read_error != 0) {
      throw errors_to_app_error(entry->errors, entry->read_error);
    }
    return {entry->text, entry->diagnostic_source, entry->key, entry};
  }
  if (!looks_like_path(arg) && ::access(arg.c_str(), F_OK) != 0) {
    throw AppError{k_exit_usage,
                   {fmt::format("unknown routine \"{}\"{}; see `backcare list`", sanitize(arg),
                                did_you_mean(arg, catalog.names()))}};
  }
  FileText file = read_routine_text(arg);
  if (!file.errors.empty()) {
    throw errors_to_app_error(file.errors, file.exit_code);
  }
  return {std::move(file.text), arg == "-" ? "<stdin>" : sanitize(arg), file_key(arg), nullptr};
}

// A routine given as NAME or FILE, loaded and validated with the parameter values of --set.
Routine load_routine_arg(Context& context, const RoutineText& routine,
                         const ParamValues& params = {}) {
  LoadResult loaded = load_routine(routine.text, routine.source,
                                   {&context.catalog().resolver(), params, routine.key});
  if (!loaded.ok()) {
    throw errors_to_app_error(loaded.errors, loaded.bad_command_line ? k_exit_usage : k_exit_data);
  }
  loaded.routine.source = routine.entry != nullptr ? routine.entry->source : routine.source;
  return loaded.routine;
}

Routine resolve_routine(Context& context, const std::string& arg, const ParamValues& params = {}) {
  return load_routine_arg(context, routine_text(context, arg), params);
}

// --set NAME=VALUE options as parameter values; a malformed one is a usage error.
ParamValues parse_sets(const std::vector<std::string>& sets) {
  ParamValues values;
  for (const auto& text : sets) {
    auto parsed = parse_set_option(text);
    if (const auto* problem = std::get_if<std::string>(&parsed)) {
      throw AppError{k_exit_usage, {*problem}};
    }
    auto& [name, value] = std::get<0>(parsed);
    values[name] = std::move(value);
  }
  return values;
}

std::string entry_line(const CatalogEntry& entry, std::size_t name_width) {
  std::string source = entry.builtin ? "built-in" : sanitize(entry.source);
  if (entry.overrides_builtin) {
    source += " (overrides built-in)";
  }
  if (!entry.routine) {
    const std::string first = entry.errors.empty() ? "invalid" : entry.errors.front().format();
    return fmt::format("{:<{}}  {:>7}  INVALID: {}\n", sanitize(entry.name), name_width, "-",
                       first);
  }
  return fmt::format("{:<{}}  {:>7}  {}  [{}]\n", sanitize(entry.name), name_width,
                     format_clock(expand(*entry.routine).plan.total_ms),
                     sanitize(entry.routine->title), source);
}

std::size_t name_width(const Catalog& catalog) {
  std::size_t width = 4;
  for (const auto& entry : catalog.entries()) {
    width = std::max(width, static_cast<std::size_t>(display_width(sanitize(entry.name))));
  }
  return width;
}

int cmd_list(Context& context, bool json, bool names_only) {
  const Catalog& catalog = context.catalog();
  if (json) {
    Json out = Json::array();
    for (const auto& entry : catalog.entries()) {
      out.push_back(entry_to_json(entry));
    }
    print_out(dump_json(out) + "\n");
    return k_exit_ok;
  }
  std::string out;
  const std::size_t width = name_width(catalog);
  for (const auto& entry : catalog.entries()) {
    out += names_only ? sanitize(entry.name) + "\n" : entry_line(entry, width);
  }
  print_out(out);
  return k_exit_ok;
}

// Human text as the locale can show it: ASCII only when its codeset is not UTF-8.
std::string for_locale(const std::string& text) {
  return locale_is_utf8() ? text : to_ascii(text);
}

int cmd_show(Context& context, const std::string& arg, bool json,
             const std::vector<std::string>& sets) {
  const Routine routine = resolve_routine(context, arg, parse_sets(sets));
  const ExpandResult expanded = expand(routine);
  print_out(json ? dump_json(plan_to_json(expanded.plan)) + "\n"
                 : for_locale(describe_plan(routine, expanded.plan)));
  return k_exit_ok;
}

int cmd_validate(Context& context, const std::vector<std::string>& files) {
  int worst = k_exit_ok;
  for (const auto& file : files) {
    FileText text = read_routine_text(file);
    const std::string source = file == "-" ? "<stdin>" : sanitize(file);
    Diagnostics errors = std::move(text.errors);
    int code = text.exit_code;
    LoadResult loaded;
    if (errors.empty()) {
      loaded = load_routine(text.text, source, {&context.catalog().resolver(), {}, file_key(file)});
      errors = loaded.errors;
      code = errors.empty() ? k_exit_ok : k_exit_data;
    }
    if (errors.empty()) {
      print_out(fmt::format("ok: {} ({}, {})\n", source, sanitize(loaded.routine.name),
                            format_clock(expand(loaded.routine).plan.total_ms)));
    } else {
      std::string lines;
      for (const auto& error : errors) {
        lines += error.format() + "\n";
      }
      print_err(lines);
    }
    // 66 (cannot read) wins over 65 (invalid), which wins over 0.
    if (code == k_exit_no_input || (code == k_exit_data && worst != k_exit_no_input)) {
      worst = code;
    }
  }
  return worst;
}

// Options of `run` and of the routine shortcuts (`backcare breathe`, ...).
struct RunArgs {
  std::string routine;
  double speed = 1.0;
  double lead_in = 3.0;
  bool plain = false;
  bool no_color = false;
  bool no_bell = false;
  bool night = false;
  bool quiet = false;
  bool speak = false;
  bool dry_run = false;
  std::size_t from_step = 1;
  std::string events;
  std::vector<std::string> sets;
  BreathOverrides overrides;
};

const char* k_run_footer = R"(Keys while a routine runs:
  space, p    pause / resume (resuming gives a short get-ready, and restarts the breath)
  n, Right    next step
  b, Left     back: restart the step, or the previous step within its first 2 s
  q, Esc      quit (Ctrl-C too)

Examples:
  backcare breathe --cycles 10                 ten breaths
  backcare breathe --inhale 4 --hold 7 --exhale 8
  backcare night-release --plain               one line per event (for logs, screen readers)
  backcare night-release --speak               hear each step, breath and cue (espeak-ng)
  backcare run my.json --speed 20 --lead-in 0  preview a routine quickly
  backcare run my.json --dry-run               print the plan without running it

Exit codes: 0 completed, 1 stopped with q, 2 usage error, 65 invalid routine, 66 unreadable
file, 73 cannot write --events, 129/130/143 SIGHUP/SIGINT/SIGTERM, 141 output closed.)";

void add_run_options(CLI::App& sub, RunArgs& args) {
  sub.footer(k_run_footer);
  sub.add_option("--speed", args.speed, "Run X times faster (0.1 to 1000), for previews and tests")
      ->check(CLI::Range(0.1, 1000.0))
      ->type_name("X");
  sub.add_flag("--plain", args.plain,
               "One plain line per event, no redraws (automatic when output is not a terminal)");
  sub.add_flag("--no-color", args.no_color, "No colours (also: NO_COLOR=1)");
  sub.add_flag("--no-bell", args.no_bell, "No terminal bell at step changes and at the end");
  sub.add_flag("--night", args.night, "Lights low: dim colours, nothing bold or bright, no bell");
  sub.add_flag("--speak", args.speak,
               "Say each step, breath and cue aloud (needs espeak-ng), to follow with eyes closed");
  sub.add_option("--lead-in", args.lead_in,
                 "Get-ready seconds before the first step and after a resume (default 3, 0: none)")
      ->check(CLI::Range(0.0, 60.0))
      ->type_name("S");
  sub.add_option("--inhale", args.overrides.inhale, "Inhale length for every breath step (4, 4s)")
      ->type_name("D");
  sub.add_option("--hold", args.overrides.hold, "Hold after the inhale (0 for none)")
      ->type_name("D");
  sub.add_option("--exhale", args.overrides.exhale, "Exhale length for every breath step")
      ->type_name("D");
  sub.add_option("--hold-empty", args.overrides.hold_empty, "Hold after the exhale")
      ->type_name("D");
  sub.add_option("--cycles", args.overrides.cycles, "Breaths in every breath step")->type_name("N");
  sub.add_option("--minutes", args.overrides.minutes, "Minutes of every breath step")
      ->type_name("M");
  sub.add_option("--from-step", args.from_step, "Start at step N (1-based)")
      ->check(CLI::Range(std::size_t{1}, k_max_steps))
      ->type_name("N");
  sub.add_flag("--dry-run", args.dry_run, "Print the plan (as `show`) and exit without waiting");
  sub.add_option("--events", args.events,
                 "Write JSON Lines events to FILE (- for stdout; the display then goes to stderr)")
      ->type_name("FILE");
  sub.add_flag("--quiet", args.quiet, "No human display (with --events)");
  sub.add_option("--set", args.sets, "Set a routine parameter, e.g. --set cycles=10 (repeatable)")
      ->type_name("NAME=VALUE");
}

int cmd_run(Context& context, const RunArgs& args) {
  Routine routine = resolve_routine(context, args.routine, parse_sets(args.sets));
  if (const auto problem = apply_breath_overrides(routine, args.overrides)) {
    throw AppError{k_exit_usage, {*problem}};
  }
  ExpandResult expanded = expand(routine);
  if (!expanded.ok()) {
    AppError error{k_exit_usage, {}};
    for (const auto& e : expanded.errors) {
      error.lines.push_back("with these options the routine " + e.message);
    }
    throw error;
  }
  const Plan& plan = expanded.plan;
  if (args.from_step > plan.steps.size()) {
    throw AppError{k_exit_usage,
                   {fmt::format("--from-step {}: the routine has {} steps", args.from_step,
                                plan.steps.size())}};
  }
  if (args.dry_run) {
    print_out(for_locale(describe_plan(routine, plan)));
    return k_exit_ok;
  }
  PlayerOptions options;
  options.session.speed = args.speed;
  options.session.lead_in_ms = static_cast<std::int64_t>(std::llround(args.lead_in * 1000));
  options.session.from_step = args.from_step - 1;
  options.plain = args.plain;
  options.no_color = args.no_color;
  options.bell = !args.no_bell && !args.night;
  options.night = args.night;
  options.quiet = args.quiet;
  options.routine_from_stdin = args.routine == "-";
  std::vector<std::unique_ptr<SessionObserver>> observers;
  if (!args.events.empty()) {
    int fd = STDOUT_FILENO;
    if (args.events == "-") {
      options.human_to_stderr = true;
    } else {
      fd = ::open(args.events.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) {
        throw AppError{k_exit_cant_create,
                       {fmt::format("cannot write events to {}: {}", sanitize(args.events),
                                    std::strerror(errno))}};
      }
    }
    observers.push_back(std::make_unique<EventStream>(plan, fd, args.events != "-"));
  }
  if (args.speak) {
    SpeechOptions speech;
    if (const char* dir = std::getenv("BACKCARE_SPEECH_WAV_DIR")) {
      speech.wav_dir = dir;
    }
    if (program_in_path(speech.program)) {
      observers.push_back(std::make_unique<Speech>(plan, speech));
    } else {
      print_err(
          "backcare: warning: --speak needs espeak-ng (sudo apt-get install espeak-ng); going on "
          "without speech\n");
    }
  }
  std::fflush(stdout);
  return play(plan, options, std::move(observers));
}

// Writes `text` to `path` only if nothing is there (O_EXCL): never overwrites a user's file.
void write_new_file(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw AppError{k_exit_cant_create,
                   {fmt::format("cannot create {}: {}", sanitize(path.string()),
                                errno == EEXIST ? "it already exists (backcare never overwrites "
                                                  "a routine; pick another name or remove it)"
                                                : std::strerror(errno))}};
  }
  const bool ok = write_all(fd, text);
  if (::close(fd) != 0 || !ok) {
    throw AppError{
        k_exit_cant_create,
        {fmt::format("cannot write {}: {}", sanitize(path.string()), std::strerror(errno))}};
  }
}

int cmd_new(Context& context, const std::string& name, const std::string& from) {
  if (!is_routine_name(name)) {
    throw AppError{k_exit_usage,
                   {fmt::format("\"{}\" is not a routine name: use lowercase letters, digits and "
                                "dashes, starting with a letter or digit (at most 40)",
                                sanitize(name))}};
  }
  std::string text = starter_routine(name);
  if (!from.empty()) {
    const RoutineText original = routine_text(context, from);
    load_routine_arg(context, original);  // refuses to copy an invalid routine
    // The copy: "$schema" first (the schema is written beside it), the new name, the rest as is.
    const Json value = read_json(original.text, original.source).document.value;
    Json copy = {{"$schema", "./schema.json"}};
    for (const auto& [key, member] : value.items()) {
      copy[key] = key == "name" ? Json(name) : member;
    }
    text = copy.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  const std::filesystem::path dir = user_routine_dir();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw AppError{k_exit_cant_create,
                   {fmt::format("cannot create {}: {}", sanitize(dir.string()), ec.message())}};
  }
  const std::filesystem::path path = dir / (name + ".json");
  // A copy must work where it lands (an include by relative path may not reach from there).
  const LoadResult check = load_routine(text, sanitize(path.string()),
                                        {&context.catalog().resolver(), {}, file_key(path)});
  if (!check.ok()) {
    AppError error = errors_to_app_error(check.errors, k_exit_data);
    error.lines.insert(error.lines.begin(),
                       fmt::format("backcare: error: not written: the copy would not be valid "
                                   "as {}:",
                                   sanitize(path.string())));
    throw error;
  }
  write_new_file(path, text);
  // The schema beside it, so editors that read "$schema" validate and complete the file.
  const std::filesystem::path schema = dir / "schema.json";
  std::filesystem::remove(schema, ec);
  write_new_file(schema, routine_schema());
  print_out(sanitize(path.string()) + "\n");
  return k_exit_ok;
}

int cmd_overview(Context& context) {
  std::string out =
      "backcare — a routine timer for postpartum back care\n\n"
      "Routines:\n";
  const Catalog& catalog = context.catalog();
  const std::size_t width = name_width(catalog);
  for (const auto& entry : catalog.entries()) {
    out += "  " + entry_line(entry, width);
  }
  out +=
      "\nMain commands:\n"
      "  backcare breathe           paced 360° breathing (5 minutes)\n"
      "  backcare night-release     the 10-minute evening stretch and foam-roller routine\n"
      "  backcare run NAME|FILE     run any routine\n"
      "  backcare show NAME|FILE    describe a routine step by step\n"
      "  backcare validate FILE...  check routine files\n"
      "  backcare list              list routines\n\n"
      "Run `backcare --help` for every command and option.\n";
  print_out(out);
  return k_exit_ok;
}

const char* k_footer = R"(Examples:
  backcare breathe                      5 minutes of paced 360° breathing
  backcare night-release                the 10-minute evening routine
  backcare breathe --inhale 5 --exhale 7 --minutes 3
  backcare run my-routine.json          run a routine file (- reads standard input)
  backcare show night-release           see every step and its timing
  backcare validate my-routine.json     check a routine file
  backcare new my-evening               start your own routine from a starter
  backcare run my-evening --set breaths=10 --events - --quiet | jq .event

Exit codes:
  0    success (a session completed)
  1    a session was stopped early with q
  2    usage error (bad option or value, unknown command or routine)
  65   invalid routine data (one line per problem: file:line:col: path: message)
  66   routine file missing, unreadable or not a regular file
  73   cannot create a file (new, --events)
  129, 130, 143  a session ended by SIGHUP, SIGINT (Ctrl-C), SIGTERM
  141  the output was closed (e.g. piped into head)

Routines are looked up in the built-ins, then $XDG_CONFIG_HOME/backcare/routines
(default ~/.config/backcare/routines), then each --routines-dir.
NO_COLOR (non-empty) turns colour off. See backcare(1), docs/routines.md and docs/events.md.)";

// The subcommands, for "did you mean" on a typo.
const std::vector<std::string> k_command_names = {"list", "show", "validate", "run"};

int run_app(int argc, char** argv) {
  Context context;
  CLI::App app{"backcare: a routine timer for postpartum back care", "backcare"};
  app.set_version_flag("--version", "backcare " BACKCARE_VERSION);
  app.footer(k_footer);
  app.require_subcommand(0, 1);
  app.fallthrough();  // --routines-dir may come after the subcommand too
  app.add_option("--routines-dir", context.routine_dirs,
                 "Also read user routines from DIR (repeatable)")
      ->type_name("DIR");

  bool list_json = false;
  bool list_names = false;
  auto* list = app.add_subcommand("list", "List every routine: name, total time, title, source");
  list->add_flag("--json", list_json, "Print a JSON array");
  list->add_flag("--names", list_names, "Print only the names, one per line");

  std::string show_arg;
  bool show_json = false;
  auto* show = app.add_subcommand("show", "Describe a routine: steps, durations, cues, total");
  show->add_option("routine", show_arg, "Routine name, file, or - for standard input")
      ->required()
      ->type_name("NAME|FILE");
  show->add_flag("--json", show_json, "Print the expanded plan as JSON");
  std::vector<std::string> show_sets;
  show->add_option("--set", show_sets, "Set a routine parameter, e.g. --set cycles=10")
      ->type_name("NAME=VALUE");

  std::vector<std::string> validate_files;
  auto* validate =
      app.add_subcommand("validate", "Check routine files; exit 0 only when all are valid");
  validate->add_option("files", validate_files, "Routine files (- for standard input)")
      ->required()
      ->type_name("FILE");

  app.add_subcommand("schema", "Print the JSON Schema of the routine format (draft 2020-12)");
  std::string new_name;
  std::string new_from;
  auto* create = app.add_subcommand("new",
                                    "Start a routine in your routine folder from a starter "
                                    "(or a copy with --from) and print its path");
  create->add_option("name", new_name, "Name of the new routine (lowercase, digits, dashes)")
      ->required()
      ->type_name("NAME");
  create->add_option("--from", new_from, "Copy this routine (a name or a file) instead")
      ->type_name("ROUTINE");

  RunArgs run_args;
  auto* run = app.add_subcommand("run", "Run a routine: a name, a file, or - for standard input");
  run->add_option("routine", run_args.routine, "Routine name, file, or - for standard input")
      ->required()
      ->type_name("NAME|FILE");
  add_run_options(*run, run_args);
  // Shortcuts: `backcare breathe` is `backcare run breathe` (a user routine of that name wins).
  struct Shortcut {
    const char* name;
    const char* description;
  };
  static const Shortcut k_shortcuts[] = {
      {"breathe", "Paced 360° breathing: ribs widen on the inhale, core engages on the exhale"},
      {"night-release", "The 10-minute evening routine: gentle yoga and foam-roller release"},
      {"hinge", "Hip-hinge practice for lifting a baby or a car seat"},
      {"strength", "Deadlifts, squats and breath work"},
      {"posture", "A 2-3 minute posture check"},
  };
  std::vector<CLI::App*> shortcuts;
  for (const auto& shortcut : k_shortcuts) {
    auto* sub = app.add_subcommand(shortcut.name, shortcut.description);
    add_run_options(*sub, run_args);
    shortcuts.push_back(sub);
  }

  std::string completion_shell;
  auto* completion =
      app.add_subcommand("completion", "Print a shell completion script (bash, zsh, fish)");
  completion->add_option("shell", completion_shell, "The shell: bash, zsh or fish")
      ->required()
      ->type_name("SHELL")
      ->check(CLI::IsMember(completion_shells()));

  std::vector<char*> args(argv, argv + argc);
  // A first word that is no command: a typo of one ("did you mean"), or a routine name.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    bool known = false;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      known = known || sub->get_name() == word;
    }
    if (!known && context.catalog().find(word) != nullptr) {
      // A user routine's name works like a shortcut: `backcare my-routine` runs it.
      static char k_run[] = "run";
      args.insert(args.begin() + 1, k_run);
    } else if (!known) {
      std::vector<std::string> names;
      for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
      }
      throw AppError{k_exit_usage,
                     {fmt::format("unknown command \"{}\"{}; see `backcare --help`", sanitize(word),
                                  did_you_mean(word, names))}};
    }
  }

  try {
    app.parse(static_cast<int>(args.size()), args.data());
    context.m_catalog.reset();  // looked at before --routines-dir was known
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);  // --help, --version
    }
    throw AppError{k_exit_usage,
                   {fmt::format("{}\nRun `backcare --help` for usage.", sanitize(e.what()))}};
  }

  if (*completion) {
    print_out(completion_script(app, completion_shell));
    return k_exit_ok;
  }
  if (*list) {
    return cmd_list(context, list_json, list_names);
  }
  if (*show) {
    return cmd_show(context, show_arg, show_json, show_sets);
  }
  if (*validate) {
    return cmd_validate(context, validate_files);
  }
  if (*run) {
    return cmd_run(context, run_args);
  }
  if (*create) {
    return cmd_new(context, new_name, new_from);
  }
  if (app.got_subcommand("schema")) {
    print_out(routine_schema());
    return k_exit_ok;
  }
  for (auto* sub : shortcuts) {
    if (*sub) {
      run_args.routine = sub->get_name();
      return cmd_run(context, run_args);
    }
  }
  return cmd_overview(context);
}

}  // namespace

int app_main(int argc, char** argv) {
  try {
    return run_app(argc, argv);
  } catch (const AppError& e) {
    std::string text;
    for (const auto& line : e.lines) {
      // Routine problems read like a compiler's ("file:line:col: path: message"); the rest
      // says who is talking.
      const bool diagnostic = e.exit_code == k_exit_data || e.exit_code == k_exit_no_input;
      text += (diagnostic ? "" : "backcare: error: ") + line + "\n";
    }
    print_err(text);
    return e.exit_code;
  } catch (const std::exception& e) {
    print_err(fmt::format("backcare: error: {}\n", sanitize(e.what())));
    return k_exit_software;
  } catch (...) {
    print_err("backcare: error: unexpected failure\n");
    return k_exit_software;
  }
}

}  // namespace backcare
