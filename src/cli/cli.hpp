#pragma once
// The command line as CLI11 sees it: the App with its subcommands and options, filled into one
// Args struct. The commands themselves (commands.hpp) only read Args; nothing here runs one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "routine/overrides.hpp"

namespace CLI {
class App;
}

namespace backcare {

class Context;

// Options of `run` and of the routine shortcuts (`backcare breathe`, ...).
struct RunArgs {
  std::string routine;
  double speed = 1.0;
  std::optional<double> lead_in;  // --lead-in; unset: the config's lead_in, else 3
  bool plain = false;
  bool no_color = false;
  bool no_bell = false;
  bool quiet = false;
  bool night = false;
  bool big = false;   // --big: block letters in the live frame
  std::string speak;  // --speak: "" (off), "full" (--speak alone) or "brief"
  std::string voice;  // --voice
  int rate = 0;       // --rate (0: not given)
  int volume = -1;    // --volume (-1: not given)
  bool tones = false;
  bool dry_run = false;
  bool no_log = false;  // --no-log: no journal record
  bool no_ask = false;  // --no-ask: no pain question afterwards
  std::string resumes;  // the journal id this run continues (set by `resume`, no option)
  std::size_t from_step = 1;
  std::optional<std::int64_t> from_ms;  // set by `resume` for a one-step routine, no option
  std::string events;
  std::vector<std::string> sets;
  BreathOverrides overrides;
};

// The options of `run` that say how a session is shown and heard (--speed to --lead-in), which
// `resume` takes too.
void add_display_options(CLI::App& sub, RunArgs& args);
// --events, --quiet, --no-log and --no-ask: where a session's events go and what is kept of it
// (run and resume).
void add_output_options(CLI::App& sub, RunArgs& args);

// Everything the command line can say, one member per subcommand's options.
struct Args {
  std::vector<std::string> routine_dirs;  // --routines-dir, in any position
  struct {
    bool json = false;
    bool names = false;
  } list;
  struct {
    std::string routine;
    bool json = false;
    std::vector<std::string> sets;
  } show;
  std::vector<std::string> validate_files;
  struct {
    std::string name;
    std::string from;
  } create;
  RunArgs run;
  std::string completion_shell;
  struct {
    std::string since;  // YYYY-MM-DD, checked by the option
    std::string until;
    std::string routine;
    std::string forget;
    bool json = false;
    bool csv = false;
  } history;
  struct {
    std::string pain;  // "0".."10", checked by the option; "" when not given
    std::vector<std::string> symptoms;
    std::string note;
  } checkin;
  std::string config_action;  // path, show, check, schema
  struct {
    std::string action;  // list, show, schema, start, status, pause, resume, stop
    std::string programme;
    std::string from;      // start --from YYYY-MM-DD; "" for today
    bool replace = false;  // start --replace: over the plan followed now
    std::string reason;    // pause --reason
    std::string as_of;     // status --as-of, for tests
  } plan;
  struct {
    std::string reason;
    int days = 1;
  } rest;
  struct {
    std::string as_of;  // YYYY-MM-DD; "" for today
    bool short_form = false;
    bool start = false;
  } today;
  struct {
    std::string as_of;  // YYYY-MM-DD; "" for today
    int weeks = 12;
    bool json = false;
    int width = 0;  // 0: the terminal's
    bool ascii = false;
    bool no_color = false;
  } stats;
  struct {
    std::string as_of;
    int weeks = 12;
    std::string out;
    std::string name;
    bool open = false;
  } report;
};

// One subcommand, as ninja's Tool: its name and summary (the --help line), the function that
// declares its options on its CLI11 App, and the function that runs it.
struct Command {
  std::string name;
  std::string summary;
  void (*define)(CLI::App& sub, Args& args);
  int (*run)(Context& context, const Args& args);
};

// The option declarations of each command (Command::define).
void define_list(CLI::App& sub, Args& args);
void define_show(CLI::App& sub, Args& args);
void define_validate(CLI::App& sub, Args& args);
void define_none(CLI::App& sub, Args& args);
void define_schema(CLI::App& sub, Args& args);
void define_new(CLI::App& sub, Args& args);
void define_run(CLI::App& sub, Args& args);
void define_shortcut(CLI::App& sub, Args& args);  // `run` with the subcommand's name
void define_completion(CLI::App& sub, Args& args);

// Declares the root options, then one subcommand per command of `table`.
void build_app(CLI::App& app, Args& args, const std::vector<Command>& table);

// The outcome of parsing: the chosen command's name ("" for none: the overview), or the exit
// code when CLI11 has already answered (--help, --version).
struct ParsedCommandLine {
  std::string command;
  std::optional<int> exit_code;
};

// Parses argv into the Args that build_app bound to `app`. A first word that is no command but a
// routine's name (found with the --routines-dir values given anywhere on the line) runs it, as `run
// NAME`. Throws AppError (exit 2) for a usage error: a bad option, or an unknown routine or command
// with a "did you mean" suggestion.
ParsedCommandLine parse_command_line(CLI::App& app, int argc, char** argv);

}  // namespace backcare
