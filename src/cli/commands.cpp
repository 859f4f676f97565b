#include "commands.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include "base/duration.hpp"
#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "completion.hpp"
#include "display/show.hpp"
#include "files.hpp"
#include "journal_commands.hpp"
#include "json/json_reader.hpp"
#include "plan_command.hpp"
#include "progress/home_view.hpp"
#include "progress_commands.hpp"
#include "routine/breath_range.hpp"
#include "routine/loader.hpp"
#include "starter.hpp"
#include "terminal.hpp"
#include "this_week.hpp"
#include "today_command.hpp"

namespace backcare {
namespace {

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

// The name column is as wide as the widest name, but never wider than a valid name can be: one
// huge invalid name must not pad every other line of `list` with it.
std::size_t name_width(const Catalog& catalog) {
  constexpr std::size_t k_max_name_width = 40;
  std::size_t width = 4;
  for (const auto& entry : catalog.entries()) {
    width = std::max(width, static_cast<std::size_t>(display_width(sanitize(entry.name))));
  }
  return std::min(width, k_max_name_width);
}

// Writes `text` to `path` only if nothing is there (O_EXCL): never overwrites a user's file.
void write_new_file(const std::filesystem::path& path, const std::string& text) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (!fd.valid()) {
    throw AppError{k_exit_cant_create,
                   {fmt::format("cannot create {}: {}", sanitize(path.string()),
                                errno == EEXIST ? "it already exists (backcare never overwrites "
                                                  "a routine; pick another name or remove it)"
                                                : std::strerror(errno))}};
  }
  const Result<void, FileError> written = write_all(fd.get(), text);
  const int close_errno = ::close(fd.release()) == 0 ? 0 : errno;  // NFS reports failures here
  if (!written || close_errno != 0) {
    throw AppError{k_exit_cant_create,
                   {fmt::format("cannot write {}: {}", sanitize(path.string()),
                                std::strerror(written ? close_errno : written.error().err))}};
  }
}

// The text of `new NAME --from ROUTINE`: "$schema" first (the schema is written beside it),
// the new name, the rest as is. An invalid original is refused.
std::string copied_routine(Context& context, const std::string& name, const std::string& from) {
  const RoutineText original = routine_text(context, from);
  load_routine_arg(context, original);
  const Json value = read_json(original.text, original.source).document.value;
  Json copy = {{"$schema", "./schema.json"}};
  for (const auto& [key, member] : value.items()) {
    copy[key] = key == "name" ? Json(name) : member;
  }
  return copy.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// A summary for a shortcut's --help line, from the built-in routine itself.
std::string shortcut_summary(const CatalogEntry& entry) {
  if (!entry.routine) {
    return fmt::format("Run the built-in routine {}", entry.name);
  }
  return fmt::format("{} ({}, built-in)", sanitize(entry.routine->title),
                     format_clock(expand(*entry.routine).plan.total_ms));
}

}  // namespace

namespace {

// The catalog's warnings on stderr (already sanitized).
void print_catalog_warnings(const Catalog& catalog) {
  std::string out;
  for (const auto& warning : catalog.warnings()) {
    out += "backcare: warning: " + warning + "\n";
  }
  if (!out.empty()) {
    print_err(out);
  }
}

}  // namespace

int cmd_list(Context& context, const Args& args) {
  const Catalog& catalog = context.catalog();
  print_catalog_warnings(catalog);
  if (args.list.json) {
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
    if (!args.list.names) {
      out += entry_line(entry, width);
    } else if (is_routine_name(entry.name)) {
      // Only names a user can type (completion reads these); `list` shows the others.
      out += sanitize(entry.name) + "\n";
    }
  }
  print_out(out);
  return k_exit_ok;
}

int cmd_show(Context& context, const Args& args) {
  const Routine routine = resolve_routine(context, args.show.routine, parse_sets(args.show.sets));
  const ExpandResult expanded = expand(routine);
  if (args.show.json) {
    write_plan_json(expanded.plan, [](std::string_view piece) { print_out(std::string(piece)); });
  } else {
    write_description(routine, expanded.plan,
                      [](std::string_view piece) { print_out(for_locale(std::string(piece))); });
  }
  return k_exit_ok;
}

int cmd_validate(Context& context, const Args& args) {
  int worst = k_exit_ok;
  print_catalog_warnings(context.catalog());
  for (const auto& file : args.validate_files) {
    const Result<std::string> text = read_routine_text(file);
    const std::string source = file == "-" ? "<stdin>" : sanitize(file);
    Diagnostics errors;
    int code = k_exit_ok;
    LoadResult loaded;
    if (!text) {
      errors.push_back({source, 0, 0, "", text.error().message});
      code = text.error().exit_code;
    } else {
      loaded = load_routine(*text, source, {&context.catalog().resolver(), {}, file_key(file)});
      errors = loaded.errors;
      code = errors.empty() ? k_exit_ok : k_exit_data;
    }
    if (errors.empty()) {
      print_out(fmt::format("ok: {} ({}, {})\n", source, sanitize(loaded.routine.name),
                            format_clock(measure_plan(loaded.routine).total_ms)));
      // Valid, and kept as it is; but a 0.1 s inhale is more likely a slip than a plan.
      for (const std::string& warning : breath_warnings(loaded.routine)) {
        print_err(fmt::format("warning: {}: {}\n", source, warning));
      }
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

int cmd_schema(Context& /*context*/, const Args& /*args*/) {
  print_out(routine_schema());
  return k_exit_ok;
}

int cmd_new(Context& context, const Args& args) {
  const std::string& name = args.create.name;
  if (!is_routine_name(name)) {
    throw AppError{k_exit_usage,
                   {fmt::format("\"{}\" is not a routine name: use lowercase letters, digits and "
                                "dashes, starting with a letter or digit (at most 40)",
                                sanitize(name))}};
  }
  const std::string text = args.create.from.empty()
                               ? starter_routine(name)
                               : copied_routine(context, name, args.create.from);
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

int cmd_completion(Context& context, const Args& args) {
  print_out(completion_script(context.app(), args.completion_shell));
  return k_exit_ok;
}

// `backcare` alone: the routines, this week at a glance and every main command. What cannot
// be read (the journal, the config) is a note on the screen, never a failure.
int cmd_overview(Context& context) {
  HomeInput input;
  for (const auto& entry : context.catalog().entries()) {
    if (input.routines.size() > k_home_routines) {
      input.routines.push_back({entry.name, "", std::nullopt});  // counted, not shown
      continue;
    }
    input.routines.push_back(
        {entry.name, entry.routine ? entry.routine->title : "",
         entry.routine ? std::optional(measure_plan(*entry.routine).total_ms) : std::nullopt});
  }
  ThisWeek week = read_this_week();
  if (week.stats) {
    input.tonight = tonight_line(context, week.records);
  }
  input.week = std::move(week.stats);
  input.notes = std::move(week.notes);
  print_out(home_text(input));
  return k_exit_ok;
}

std::vector<Command> command_table() {
  std::vector<Command> table = {
      {"list", "List every routine: name, total time, title, source", define_list, cmd_list},
      {"show", "Describe a routine: steps, durations, cues, total", define_show, cmd_show},
      {"validate", "Check routine files; exit 0 only when all are valid", define_validate,
       cmd_validate},
      {"schema", "Print the JSON Schema of the routine format (draft 2020-12)", define_schema,
       cmd_schema},
      {"new",
       "Start a routine in your routine folder from a starter (or a copy with --from) and print "
       "its path",
       define_new, cmd_new},
      {"run", "Run a routine: a name, a file, or - for standard input", define_run, cmd_run},
      {"history", "Show the journal of sessions and check-ins (or --forget one)", define_history,
       cmd_history},
      {"checkin", "Record a pain score, symptoms or a note without a session", define_checkin,
       cmd_checkin},
      {"resume", "Continue the last session stopped early, from the step where it stopped",
       define_resume, cmd_resume},
      {"config", "The config file: path, show, check, schema", define_config, cmd_config},
      {"plan",
       "Programmes of weeks that grow: list, show, schema; start, status, pause, resume, stop",
       define_plan, cmd_plan},
      {"today", "What is due today and this week, from your plan or goals (--start runs it)",
       define_today, cmd_today},
      {"rest", "Mark today (or --days N) as rest: no goal counts it, no streak breaks", define_rest,
       cmd_rest},
      {"stats", "Your practice: this week against your goals, streaks, a 12-week chart, pain trend",
       define_stats, cmd_stats},
      {"report", "Write a one-page HTML report of your practice and symptoms (to print or share)",
       define_report, cmd_report},
  };
  // `backcare breathe` is `backcare run breathe` (a user routine of that name wins).
  const Catalog builtins = Catalog::load({});
  for (const CatalogEntry& entry : builtins.entries()) {
    table.push_back({entry.name, shortcut_summary(entry), define_shortcut, cmd_run});
  }
  table.push_back({"completion", "Print a shell completion script (bash, zsh, fish)",
                   define_completion, cmd_completion});
  return table;
}

int dispatch(int argc, char** argv) {
  const std::vector<Command> table = command_table();
  CLI::App app{"backcare: a routine timer for postpartum back care", "backcare"};
  Args args;
  build_app(app, args, table);
  const ParsedCommandLine parsed = parse_command_line(app, argc, argv);
  if (parsed.exit_code) {
    return *parsed.exit_code;
  }
  Context context(args.routine_dirs, app);
  const auto chosen = std::find_if(table.begin(), table.end(),
                                   [&](const Command& c) { return c.name == parsed.command; });
  return chosen == table.end() ? cmd_overview(context) : chosen->run(context, args);
}

}  // namespace backcare
