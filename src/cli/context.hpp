#pragma once
// What every command shares: the way an expected failure travels to app_main (AppError), output
// that notices write errors, and the routine lookup by NAME or FILE through the catalog.
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "catalog.hpp"
#include "config/config.hpp"
#include "routine/routine.hpp"

namespace CLI {
class App;
}

namespace backcare {

// An expected failure on its way to the top: a message (or several lines) and an exit code.
// app_main prints the lines ("backcare: error: " first, except for routine diagnostics).
struct AppError {
  int exit_code;
  std::vector<std::string> lines;
};

// Diagnostics as an AppError, one line each.
AppError errors_to_app_error(const Diagnostics& errors, int exit_code);

// Standard output and error. A failed write to standard output is remembered for
// finish_output(), which app_main calls last.
void print_out(const std::string& text);
void print_err(const std::string& text);

// Flushes standard output. On a write error (a full disk, /dev/full) prints why and returns
// 74 when `exit_code` was 0; a closed pipe with SIGPIPE ignored (after a session) is 141.
int finish_output(int exit_code);

// The routine folders of the command line, the catalog read from them on first use, and the
// CLI11 App the program parsed with (for `completion`).
class Context {
 public:
  Context(std::vector<std::string> routine_dirs, const CLI::App& app)
      : m_routine_dirs(std::move(routine_dirs)), m_app(app) {}

  // The user folder, the config's routine_dirs, then the command line's folders.
  const Catalog& catalog();
  const CLI::App& app() const { return m_app; }
  // The config file's settings, read on first use; throws AppError (78) when it is wrong.
  const Config& config();

  // The files the last routine loaded by load_routine_arg was read from: its own key and the
  // key of every routine it includes (canonical paths, or "built-in:NAME" / "<stdin>").
  const std::vector<std::string>& routine_files() const { return m_routine_files; }
  void set_routine_files(std::vector<std::string> files) { m_routine_files = std::move(files); }

 private:
  std::vector<std::string> m_routine_files;
  std::vector<std::string> m_routine_dirs;
  const CLI::App& m_app;
  std::optional<Catalog> m_catalog;
  std::optional<Config> m_config;
};

// The identity of a routine file for include cycles: its canonical path ("<stdin>" for -).
std::string file_key(const std::string& arg);

// The text of a routine given as NAME or FILE ("-" for standard input), with how to name it.
struct RoutineText {
  std::string text;
  std::string source;                   // for diagnostics
  std::string key;                      // for include cycles
  const CatalogEntry* entry = nullptr;  // when found by name
};

// Finds NAME in the catalog, or reads FILE; throws AppError (2 unknown name, 65, 66).
RoutineText routine_text(Context& context, const std::string& arg);

// Loads and validates a routine's text with the parameter values of --set; throws AppError.
Routine load_routine_arg(Context& context, const RoutineText& routine,
                         const ParamValues& params = {});

Routine resolve_routine(Context& context, const std::string& arg, const ParamValues& params = {});

// --set NAME=VALUE options as parameter values; a malformed one is a usage error.
ParamValues parse_sets(const std::vector<std::string>& sets);

// Human text as the locale can show it: ASCII only when its codeset is not UTF-8.
std::string for_locale(const std::string& text);

}  // namespace backcare
