#include "plan_command.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "programme/programme.hpp"
#include "programme/programme_view.hpp"
#include "programmes.hpp"
#include "terminal.hpp"

namespace backcare {
namespace {

const std::vector<std::string> k_plan_actions = {"list", "show", "schema"};

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

void define_plan(CLI::App& sub, Args& args) {
  sub.add_option("action", args.plan.action,
                 "list: the programmes; show: one programme week by week; schema: the JSON "
                 "Schema of a programme file")
      ->required()
      ->type_name("ACTION")
      ->check(CLI::IsMember(k_plan_actions));
  sub.add_option("programme", args.plan.programme, "A programme's name or file (for show)")
      ->type_name("NAME|FILE");
  sub.footer(
      "Examples:\n"
      "  backcare plan list                  the built-in programme and yours\n"
      "  backcare plan show twelve-weeks     each block of weeks: routines, how often, values\n"
      "  backcare plan show my-plan.json     check a programme file you wrote\n"
      "  backcare plan schema > programme.schema.json\n\n"
      "Your programmes go in ~/.config/backcare/programmes (docs/programmes.md).\n"
      "Exit codes: 0 success, 2 usage error or unknown programme, 65 invalid programme, 66 "
      "unreadable file.");
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
