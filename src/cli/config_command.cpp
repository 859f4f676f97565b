// `backcare config path | show | check | schema`: where the config file is, the settings in
// effect, whether the file is right, and its schema (docs/config.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "config_file.hpp"
#include "display/show.hpp"
#include "journal_commands.hpp"

namespace backcare {
namespace {

const std::vector<std::string> k_config_actions = {"path", "show", "check", "schema"};

std::string path_or_throw() {
  const std::string path = config_path();
  if (path.empty()) {
    throw AppError{k_exit_config, {"no XDG_CONFIG_HOME or HOME: there is no config file"}};
  }
  return path;
}

// Prints each located problem on standard error (as `validate` does) and returns 78.
int report_errors(const ConfigLoad& load) {
  std::string lines;
  for (const auto& error : load.errors) {
    lines += error.format() + "\n";
  }
  print_err(lines);
  return k_exit_config;
}

}  // namespace

void define_config(CLI::App& sub, Args& args) {
  sub.add_option("action", args.config_action,
                 "path: where the file is; show: the settings in effect, as JSON; check: "
                 "validate the file; schema: its JSON Schema")
      ->required()
      ->type_name("ACTION")
      ->check(CLI::IsMember(k_config_actions));
  sub.footer(
      "Examples:\n"
      "  backcare config path      print where the config file is (it may not exist)\n"
      "  backcare config show      every setting in effect, defaults filled in\n"
      "  backcare config check     \"PATH: ok\", or one line per problem\n"
      "  backcare config schema > config.schema.json\n\n"
      "Exit codes: 0 success, 2 usage error, 78 the config file is wrong or unreadable.");
}

int cmd_config(Context& /*context*/, const Args& args) {
  const std::string& action = args.config_action;
  if (action == "schema") {
    print_out(config_schema());
    return k_exit_ok;
  }
  const std::string path = path_or_throw();
  if (action == "path") {
    print_out(sanitize(path) + "\n");
    return k_exit_ok;
  }
  const ConfigLoad load = load_config_file(path);
  if (!load.ok()) {
    return report_errors(load);
  }
  if (action == "show") {
    print_out(dump_json(config_to_json(load.config)) + "\n");
  } else if (load.found) {
    print_out(fmt::format("{}: ok\n", sanitize(path)));
  } else {
    print_out(fmt::format("{}: no such file; the defaults apply\n", sanitize(path)));
  }
  return k_exit_ok;
}

}  // namespace backcare
