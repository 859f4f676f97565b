#include "cli.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <sstream>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "completion.hpp"
#include "context.hpp"
#include "routine/loader.hpp"

#ifndef BACKCARE_VERSION
#define BACKCARE_VERSION "0.0.0"
#endif

namespace backcare {
namespace {

const char* k_run_footer = R"(Keys while a routine runs:
  space, p    pause / resume (resuming gives a short get-ready, and restarts the breath)
  n, Right    next step
  b, Left     back: restart the step, or the previous step within its first 2 s
  q, Esc      quit (Ctrl-C too)
  !           safety stop: stop at once because something hurts or feels wrong

Examples:
  backcare breathe --cycles 10                 ten breaths
  backcare breathe --inhale 4 --hold 7 --exhale 8
  backcare night-release --plain               one line per event (for logs, screen readers)
  backcare night-release --speak               hear each step, breath and cue (espeak-ng)
  backcare run my.json --speed 20 --lead-in 0  preview a routine quickly
  backcare run my.json --dry-run               print the plan without running it

Exit codes: 0 completed, 1 stopped with q, 2 usage error, 3 safety stop (!), 65 invalid
routine, 66 unreadable file, 73 cannot write --events, 74 cannot write the output, 78 bad config
file, 129/130/143 SIGHUP/SIGINT/SIGTERM, 141 output closed.)";

const char* k_footer = R"(Examples:
  backcare breathe                      5 minutes of paced 360° breathing
  backcare night-release                the 10-minute evening routine
  backcare breathe --inhale 5 --exhale 7 --minutes 3
  backcare run my-routine.json          run a routine file (- reads standard input)
  backcare show night-release           see every step and its timing
  backcare validate my-routine.json     check a routine file
  backcare new my-evening               start your own routine from a starter
  backcare run my-evening --set breaths=10 --events - --quiet | jq .event
  backcare checkin --pain 3 --symptom heaviness   note how your back feels today
  backcare history --since 2026-11-23   the journal of sessions and check-ins
  backcare resume                       continue a session stopped early
  backcare config check                 check the config file

Exit codes:
  0    success (a session completed)
  1    a session was stopped early with q (resume: nothing to resume)
  2    usage error (bad option or value, unknown command or routine)
  3    a session was stopped with ! (a safety stop)
  65   invalid routine data (one line per problem: file:line:col: path: message)
  66   routine file missing, unreadable or not a regular file
  73   cannot create a file (new, --events)
  74   cannot write the output (e.g. a full disk)
  78   the config file is wrong or unreadable
  129, 130, 143  a session ended by SIGHUP, SIGINT (Ctrl-C), SIGTERM
  141  the output was closed (e.g. piped into head)

Routines are looked up in the built-ins, then $XDG_CONFIG_HOME/backcare/routines
(default ~/.config/backcare/routines), then each --routines-dir.
NO_COLOR (non-empty) turns colour off. See backcare(1), docs/routines.md and docs/events.md.)";

// Each command's own examples: the root's footer (its examples and the exit codes) is said once,
// in `backcare --help`, not repeated under every command.
const char* k_list_footer = R"(Examples:
  backcare list                         every routine: name, time, title, where it is from
  backcare list --names                 only the names, one per line
  backcare list --json | jq '.[].name'  for scripts)";

const char* k_show_footer = R"(Examples:
  backcare show night-release           every step with its timing, cues and the total
  backcare show my-evening --set breaths=10
  backcare show my.json --json          the expanded plan as JSON)";

const char* k_validate_footer = R"(Examples:
  backcare validate my-evening.json     check one file (exit 0 when valid, 65 when not)
  backcare validate ~/.config/backcare/routines/*.json
  cat my.json | backcare validate -     check standard input)";

const char* k_schema_footer = R"(Examples:
  backcare schema > routine.schema.json  for an editor that checks JSON as you type)";

const char* k_new_footer = R"(Examples:
  backcare new my-evening               a starter routine in your routine folder
  backcare new short-night --from night-release   a copy of a built-in to change)";

const char* k_completion_footer = R"(Examples:
  backcare completion bash > ~/.local/share/bash-completion/completions/backcare
  backcare completion zsh > ~/.zfunc/_backcare    (with fpath+=(~/.zfunc) before compinit)
  backcare completion fish > ~/.config/fish/completions/backcare.fish)";

// The help's option hints in words a person reads: "--speed X", not "X:FLOAT in [0.1 - 1000]"
// (CLI11 adds each check's description to the value's name); the choices of a set stay
// ("--symptom SYMPTOM:{pain,leaking,...}"). The ranges are in the option's description.
std::string readable_type_name(const std::string& full) {
  std::string shown = full.substr(0, full.find(':'));
  for (std::size_t colon = full.find(':'); colon != std::string::npos;
       colon = full.find(':', colon + 1)) {
    if (full.compare(colon + 1, 1, "{") == 0) {
      shown += full.substr(colon, full.find('}', colon) + 1 - colon);
    }
  }
  return shown;
}

class HelpFormatter : public CLI::Formatter {
 public:
  // "--speak[=MODE]" for a flag with an optional value (CLI11 shows "--speak{full}").
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    std::string name = CLI::Formatter::make_option_name(opt, is_positional);
    if (optional_value(opt)) {
      for (std::size_t open = name.find('{'); open != std::string::npos; open = name.find('{')) {
        name.erase(open, name.find('}', open) + 1 - open);
      }
      const std::string type = opt->get_type_name();
      name += type.substr(0, type.find(':'));
    }
    return name;
  }
  std::string make_option_opts(const CLI::Option* opt) const override {
    if (optional_value(opt)) {
      return {};  // in the name
    }
    std::string out = CLI::Formatter::make_option_opts(opt);
    const std::string full = opt->get_type_name();
    if (const std::size_t at = full.empty() ? std::string::npos : out.find(full);
        at != std::string::npos) {
      out.replace(at, full.size(), readable_type_name(full));
    }
    return out;
  }

 private:
  static bool optional_value(const CLI::Option* opt) {
    return opt->get_type_name().rfind("[=", 0) == 0;
  }
};

// A check that reads the value as routine files read numbers (parse_cli_number), so "nan",
// "inf", "0x10" and " 5" are refused, and says what is wrong in our words
// ("--speed: must be between 0.1 and 1000, got 0.01"; CLI11 puts the option's name first).
// `description` is the help text's, as CLI::Range would show it.
CLI::Validator number_between(double low, double high, bool whole, std::string description) {
  return CLI::Validator(
      [low, high, whole](std::string& text) -> std::string {
        const auto value = parse_cli_number(text);
        if (!value || (whole && text.find_first_of(".eE") != std::string::npos)) {
          return fmt::format("expected {}, got \"{}\"", whole ? "a whole number" : "a number",
                             sanitize(text));
        }
        if (*value < low || *value > high) {
          return fmt::format("must be between {} and {}, got {}", low, high, text);
        }
        return "";
      },
      std::move(description));
}

}  // namespace

void add_display_options(CLI::App& sub, RunArgs& args) {
  sub.add_option("--speed", args.speed, "Run X times faster (0.1 to 1000), for previews and tests")
      ->check(number_between(0.1, 1000, false, "FLOAT in [0.1 - 1000]"))
      ->type_name("X");
  sub.add_flag("--plain", args.plain,
               "One plain line per event, no redraws (automatic when output is not a terminal)");
  sub.add_flag("--no-color", args.no_color, "No colours (also: NO_COLOR=1)");
  sub.add_flag("--no-bell", args.no_bell, "No terminal bell at step changes and at the end");
  sub.add_flag("--night", args.night, "Lights low: dim colours, nothing bold or bright, no bell");
  sub.add_flag("--big", args.big,
               "The phase word and its count in block letters, to read from the mat (when the "
               "window has room)");
  sub.add_flag("--speak{full}", args.speak,
               "Say each step, breath and cue aloud (needs espeak-ng), to follow with eyes "
               "closed; --speak=brief leaves out the instructions and the timed prompts")
      ->check(CLI::IsMember({"full", "brief"}))
      ->type_name("[=MODE]");
  sub.add_option("--voice", args.voice, "The espeak-ng voice for --speak (en-gb, en-us+f3, ...)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            const bool ok = !text.empty() && text.size() <= 20 &&
                            text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+-") ==
                                std::string::npos;
            return ok ? ""
                      : "expected a voice name of a-z, 0-9, + and - (at most 20), got \"" +
                            sanitize(text) + "\"";
          },
          "VOICE"))
      ->type_name("VOICE");
  sub.add_option("--rate", args.rate, "Words a minute for --speak (80 to 450, default 160)")
      ->check(number_between(80, 450, true, "UINT in [80 - 450]"))
      ->type_name("WPM");
  sub.add_option("--volume", args.volume, "Loudness for --speak (0 to 200, default 100)")
      ->check(number_between(0, 200, true, "UINT in [0 - 200]"))
      ->type_name("N");
  sub.add_flag("--tones", args.tones,
               "A tone rising through each inhale and falling through each exhale, chimes at "
               "step changes (needs pw-play, paplay or aplay)");
  sub.add_option("--lead-in", args.lead_in,
                 "Get-ready seconds before the first step and after a resume (default 3, 0: none)")
      ->check(number_between(0, 60, false, "FLOAT in [0 - 60]"))
      ->type_name("S");
}

void add_output_options(CLI::App& sub, RunArgs& args) {
  sub.add_option("--events", args.events,
                 "Write JSON Lines events to FILE (- for stdout; the display then goes to stderr)")
      ->type_name("FILE");
  sub.add_flag("--quiet", args.quiet, "No human display (with --events)");
  sub.add_flag("--no-log", args.no_log, "Do not record this session in the practice journal");
  sub.add_flag("--no-ask", args.no_ask, "Do not ask about back pain after the session");
}

namespace {

void add_run_options(CLI::App& sub, RunArgs& args) {
  sub.footer(k_run_footer);
  add_display_options(sub, args);
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
      ->check(number_between(1, static_cast<double>(k_max_steps), true, "UINT in [1 - 1000]"))
      ->type_name("N");
  sub.add_flag("--dry-run", args.dry_run, "Print the plan (as `show`) and exit without waiting");
  add_output_options(sub, args);
  sub.add_option("--set", args.sets, "Set a routine parameter, e.g. --set cycles=10 (repeatable)")
      ->type_name("NAME=VALUE");
}

// Where the first word (the command, or a routine to run) sits in argv, and the values of
// --routines-dir wherever they stand, read before CLI11 parses: whether the first word is a
// routine depends on the folders. Root options that take a value skip it ("--routines-dir D").
struct FirstWord {
  std::size_t index = 0;  // 0: none
  std::vector<std::string> routine_dirs;
};

FirstWord scan_first_word(const CLI::App& app, const std::vector<std::string>& words) {
  FirstWord out;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "--") {
      break;
    }
    if (word.size() < 2 || word[0] != '-') {
      out.index = out.index == 0 ? i : out.index;
      continue;
    }
    const std::size_t equals = word.find('=');
    const std::string name = word.substr(0, equals);
    const CLI::Option* option = app.get_option_no_throw(name);
    if (option == nullptr || option->get_type_size() == 0) {
      continue;  // a flag, or an option of a subcommand
    }
    std::string value;
    if (equals != std::string::npos) {
      value = word.substr(equals + 1);
    } else if (i + 1 < words.size()) {
      value = words[++i];
    }
    if (option->check_name("--routines-dir")) {
      out.routine_dirs.push_back(value);
    }
  }
  return out;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// A first word that is no command: a routine's name runs it (`backcare my-routine`); anything
// else is a usage error with the closest command or routine name.
void insert_run_for_routine(const CLI::App& app, std::vector<std::string>& words) {
  const FirstWord first = scan_first_word(app, words);
  if (first.index == 0) {
    return;
  }
  const std::string& word = words[first.index];
  std::vector<std::string> names = subcommand_names(app);
  if (std::find(names.begin(), names.end(), word) != names.end()) {
    return;
  }
  Context probe(first.routine_dirs, app);
  if (probe.catalog().find(word) != nullptr) {
    words.insert(words.begin() + static_cast<std::ptrdiff_t>(first.index), "run");
    return;
  }
  const std::vector<std::string> routines = probe.catalog().names();
  names.insert(names.end(), routines.begin(), routines.end());
  throw AppError{k_exit_usage,
                 {fmt::format("unknown routine or command \"{}\"{}; see `backcare --help` and "
                              "`backcare list`",
                              sanitize(word), did_you_mean(word, names))}};
}

}  // namespace

void define_list(CLI::App& sub, Args& args) {
  sub.footer(k_list_footer);
  sub.add_flag("--json", args.list.json, "Print a JSON array");
  sub.add_flag("--names", args.list.names, "Print only the names, one per line");
}

void define_show(CLI::App& sub, Args& args) {
  sub.footer(k_show_footer);
  sub.add_option("routine", args.show.routine, "Routine name, file, or - for standard input")
      ->required()
      ->type_name("NAME|FILE");
  sub.add_flag("--json", args.show.json, "Print the expanded plan as JSON");
  sub.add_option("--set", args.show.sets, "Set a routine parameter, e.g. --set cycles=10")
      ->type_name("NAME=VALUE");
}

void define_validate(CLI::App& sub, Args& args) {
  sub.footer(k_validate_footer);
  sub.add_option("files", args.validate_files, "Routine files (- for standard input)")
      ->required()
      ->type_name("FILE");
}

void define_none(CLI::App& /*sub*/, Args& /*args*/) {}

void define_schema(CLI::App& sub, Args& /*args*/) {
  sub.footer(k_schema_footer);
}

void define_new(CLI::App& sub, Args& args) {
  sub.footer(k_new_footer);
  sub.add_option("name", args.create.name, "Name of the new routine (lowercase, digits, dashes)")
      ->required()
      ->type_name("NAME");
  sub.add_option("--from", args.create.from, "Copy this routine (a name or a file) instead")
      ->type_name("ROUTINE");
}

void define_run(CLI::App& sub, Args& args) {
  sub.add_option("routine", args.run.routine, "Routine name, file, or - for standard input")
      ->required()
      ->type_name("NAME|FILE");
  add_run_options(sub, args.run);
}

void define_shortcut(CLI::App& sub, Args& args) {
  add_run_options(sub, args.run);
  sub.parse_complete_callback([&sub, &args] { args.run.routine = sub.get_name(); });
}

void define_completion(CLI::App& sub, Args& args) {
  sub.footer(k_completion_footer);
  sub.add_option("shell", args.completion_shell, "The shell: bash, zsh or fish")
      ->required()
      ->type_name("SHELL")
      ->check(CLI::IsMember(completion_shells()));
}

void build_app(CLI::App& app, Args& args, const std::vector<Command>& table) {
  app.set_version_flag("--version", "backcare " BACKCARE_VERSION);
  app.footer(k_footer);
  app.formatter(std::make_shared<HelpFormatter>());
  app.require_subcommand(0, 1);
  app.fallthrough();  // --routines-dir may come after the subcommand too
  app.add_option("--routines-dir", args.routine_dirs,
                 "Also read user routines from DIR (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // `--routines-dir D my-routine`: one DIR each time
  for (const Command& command : table) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    sub->footer("");  // not the root's: its examples and exit codes are for `backcare --help`
    command.define(*sub, args);
  }
}

ParsedCommandLine parse_command_line(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> words(argv, argv + argc);
  insert_run_for_routine(app, words);
  std::vector<char*> pointers;
  for (auto& word : words) {
    pointers.push_back(word.data());
  }
  try {
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      std::ostringstream out;  // --help, --version: through print_out, which notices write errors
      const int code = app.exit(e, out, out);
      print_out(out.str());
      return {"", code};
    }
    throw AppError{k_exit_usage,
                   {fmt::format("{}\nRun `backcare --help` for usage.", sanitize(e.what()))}};
  }
  const auto chosen = app.get_subcommands();
  return {chosen.empty() ? "" : chosen.front()->get_name(), std::nullopt};
}

}  // namespace backcare
