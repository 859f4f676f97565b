#include "completion.hpp"

#include "completion_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace backcare {
namespace {

using namespace completion_text;  // NOLINT(google-build-using-namespace)

// ---- bash ----------------------------------------------------------------------------------

// `_options`: "    'run') printf '%s\n' '-h' '--help' ... ;;" per command ('' the root).
std::string bash_option_cases(const CompletionModel& model) {
  auto line = [](const std::string& command, const std::vector<CompletionOption>& options) {
    std::vector<std::string> names;
    for (const auto& option : options) {
      for (const auto& name : option.names) {
        names.push_back(sh_quote(name));
      }
    }
    return fmt::format("    {}) printf '%s\\n' {} ;;", sh_quote(command), fmt::join(names, " "));
  };
  std::vector<std::string> lines = {line("", model.options)};
  for (const auto& command : model.commands) {
    lines.push_back(line(command.name, command.options));
  }
  return fmt::to_string(fmt::join(lines, "\n"));
}

// `_option_value`: "    'run/--events') echo files ;;" per option that takes a value.
std::string bash_value_cases(const CompletionModel& model) {
  std::vector<std::string> lines;
  auto add = [&](const std::string& command, const std::vector<CompletionOption>& options) {
    for (const auto& option : options) {
      if (option.takes_value || option.optional_value) {
        std::vector<std::string> value = kinds(option.value);
        for (std::string& word : value) {
          // A choice ("=pain") first after `echo` reads to shellcheck as an assignment.
          word = !word.empty() && word.front() == '=' ? sh_quote(word) : word;
        }
        // An optional value is found as 'run/--speak=': only after the "=".
        std::vector<std::string> names = option.names;
        for (std::string& name : names) {
          name += option.optional_value ? "=" : "";
        }
        lines.push_back(
            fmt::format("    {}) {} ;;", fmt::join(quoted(names, sh_quote, command + "/"), "|"),
                        value.empty() ? ":" : fmt::format("echo {}", fmt::join(value, " "))));
      }
    }
  };
  add("", model.options);
  for (const auto& command : model.commands) {
    add(command.name, command.options);
  }
  return fmt::to_string(fmt::join(lines, "\n"));
}

// `_positionals`: "    'validate') echo -1 json ;;" per command with positional arguments.
std::string bash_positional_cases(const CompletionModel& model) {
  std::vector<std::string> lines;
  for (const auto& command : model.commands) {
    const auto [max, value] = merged_positionals(command);
    if (max != 0 && !kinds(value).empty()) {
      lines.push_back(fmt::format("    {}) echo {} {} ;;", sh_quote(command.name), max,
                                  fmt::join(kinds(value), " ")));
    }
  }
  return fmt::to_string(fmt::join(lines, "\n"));
}

std::string bash_script(const CompletionModel& model) {
  const std::vector<std::string> names = command_names(model);
  return fill(template_text("backcare.bash.in"),
              {{"PROGRAM", model.program},
               {"PROGRAM_Q", sh_quote(model.program)},
               {"FN", function_prefix(model.program)},
               {"OPTION_CASES", bash_option_cases(model)},
               {"VALUE_CASES", bash_value_cases(model)},
               {"POSITIONAL_CASES", bash_positional_cases(model)},
               {"COMMAND_PATTERNS", fmt::to_string(fmt::join(quoted(names, sh_quote), "|"))},
               {"UNKNOWN_FIRST_WORD", has_command(model, k_routine_command)
                                          ? fmt::format("cmd={} positionals=1", k_routine_command)
                                          : std::string("cmd=$word")},
               {"COMMAND_WORDS", fmt::to_string(fmt::join(quoted(names, sh_quote, "="), " "))}});
}

// ---- zsh -----------------------------------------------------------------------------------

// Text for an _arguments description in [...] or a message after ':'.
std::string zsh_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '[' || c == ']' || c == ':') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// The action runs through eval, where a word "=bash" would be expanded to /usr/bin/bash.
std::string zsh_action(const std::string& fn, const ValueCompletion& value) {
  std::vector<std::string> value_kinds = kinds(value);
  for (auto& kind : value_kinds) {
    kind = kind.front() == '=' ? "\\" + kind : kind;
  }
  return value_kinds.empty() ? " " : fmt::format("{}_values {}", fn, fmt::join(value_kinds, " "));
}

// One _arguments spec (shell-quoted) per option.
std::string zsh_option_spec(const std::string& fn, const CompletionOption& option) {
  const bool several = option.names.size() > 1;
  std::string prefix;
  if (option.repeatable) {
    prefix = "'*'";
  } else if (several) {
    prefix = sh_quote(fmt::format("({})", fmt::join(option.names, " ")));
  }
  std::string rest;
  if (option.takes_value) {
    // --opt= accepts --opt=VALUE and --opt VALUE; -o+ accepts -oVALUE and -o VALUE.
    rest = !several && option.names.front().rfind("--", 0) == 0 ? "=" : "";
  } else if (option.optional_value) {
    rest = "=-";  // --opt=- : an optional value, only as --opt=VALUE
  }
  rest += "[" + zsh_escape(option.description) + "]";
  if (option.takes_value || option.optional_value) {
    rest += ":" + zsh_escape(option.value_name.empty() ? "value" : option.value_name) + ":" +
            zsh_action(fn, option.value);
  }
  // Several names go through brace expansion: '(-h --help)'{-h,--help}'[...]'.
  const std::string names = several ? fmt::format("{{{}}}", fmt::join(option.names, ","))
                                    : sh_quote(option.names.front());
  return prefix + names + sh_quote(rest);
}

std::string zsh_arguments(const std::string& fn, const std::vector<CompletionOption>& options,
                          const std::vector<CompletionPositional>& positionals,
                          std::string_view indent) {
  std::vector<std::string> specs;
  for (const auto& option : options) {
    specs.push_back(zsh_option_spec(fn, option));
  }
  int position = 1;
  for (const auto& positional : positionals) {
    const std::string value_part =
        ":" + zsh_escape(positional.value_name) + ":" + zsh_action(fn, positional.value);
    if (positional.max_count < 0) {
      specs.push_back(sh_quote("*" + value_part));
      break;
    }
    for (int i = 0; i < positional.max_count; ++i) {
      specs.push_back(sh_quote(std::to_string(position++) + value_part));
    }
  }
  std::string out = "_arguments";
  for (const auto& spec : specs) {
    out += fmt::format(" \\\n{}  {}", indent, spec);
  }
  return out;
}

// The root's options that take a value, forwarded to `list --names`.
std::string zsh_forward_cases(const CompletionModel& model, const std::string& fn) {
  std::vector<std::string> lines;
  for (const auto& option : model.options) {
    for (const auto& name : option.takes_value ? option.names : std::vector<std::string>{}) {
      lines.push_back(fmt::format(
          "      ({0}) (( i + 1 < CURRENT )) && {1}_forward+=($words[i] $words[i+1]) ;;\n"
          "      ({0}=*) {1}_forward+=($words[i]) ;;",
          name, fn));
    }
  }
  return fmt::to_string(fmt::join(lines, "\n"));
}

// The cases of `case $words[1]`: each command's _arguments, and a routine name as `run NAME`.
std::string zsh_command_cases(const CompletionModel& model, const std::string& fn) {
  std::vector<std::string> cases;
  const CompletionCommand* routine_command = nullptr;
  for (const auto& command : model.commands) {
    cases.push_back(
        fmt::format("        ({})\n          {} && ret=0\n          ;;", command.name,
                    zsh_arguments(fn, command.options, command.positionals, "          ")));
    if (command.name == k_routine_command) {
      routine_command = &command;
    }
  }
  if (routine_command != nullptr) {
    cases.push_back(fmt::format(
        "        (*)  # a routine name: `{0} NAME` is `{0} {1} NAME`\n          {2} && ret=0\n"
        "          ;;",
        model.program, k_routine_command,
        zsh_arguments(fn, routine_command->options, {}, "          ")));
  }
  return fmt::to_string(fmt::join(cases, "\n"));
}

std::string zsh_script(const CompletionModel& model) {
  const std::string fn = function_prefix(model.program);
  std::vector<std::string> described;
  for (const auto& command : model.commands) {
    std::string escaped_name;
    for (const char c : command.name) {
      escaped_name += c == ':' ? std::string("\\:") : std::string(1, c);
    }
    described.push_back(sh_quote(escaped_name + ":" + command.description));
  }
  // -C: the states in the template refine $curcontext.
  const std::string root = zsh_arguments(fn, model.options, {}, "  ");
  return fill(
      template_text("backcare.zsh.in"),
      {{"PROGRAM", model.program},
       {"FN", fn},
       {"COMMAND_NAMES", fmt::to_string(fmt::join(quoted(command_names(model), sh_quote), " "))},
       {"DESCRIBED_COMMANDS", fmt::to_string(fmt::join(described, "\n    "))},
       {"FORWARD_CASES", zsh_forward_cases(model, fn)},
       {"ROOT_ARGUMENTS", "_arguments -C" + root.substr(std::string_view("_arguments").size())},
       {"COMMAND_CASES", zsh_command_cases(model, fn)}});
}

// ---- fish ----------------------------------------------------------------------------------

// The fish arguments that complete a value: -a '(...)' for names, suffixes, directories and
// choices; -F for any file.
std::string fish_value_args(const ValueCompletion& value, const std::string& fn) {
  std::vector<std::string> args;
  if (value.routines) {
    args.push_back("(" + fn + "_routines)");
  }
  if (value.routine_files) {
    args.emplace_back("(__fish_complete_suffix .json)");
  }
  if (value.directories) {
    args.emplace_back("(__fish_complete_directories (commandline -ct))");
  }
  args.insert(args.end(), value.words.begin(), value.words.end());
  std::string out;
  if (!args.empty()) {
    out += " -a " + fish_quote(fmt::to_string(fmt::join(args, " ")));
  }
  if (value.files) {
    out += " -F";
  }
  return out;
}

std::string fish_option_line(const std::string& program, const std::string& condition,
                             const CompletionOption& option, const std::string& fn) {
  std::string line = "complete -c " + fish_quote(program) + " -n " + fish_quote(condition);
  for (const auto& name : option.names) {
    if (name.rfind("--", 0) == 0) {
      line += " -l " + fish_quote(name.substr(2));
    } else {
      line += " -s " + fish_quote(name.substr(1));
    }
  }
  if (option.takes_value) {
    line += (option.value.files ? " -r" : " -x") + fish_value_args(option.value, fn);
  }
  line += " -d " + fish_quote(option.description);
  if (option.optional_value) {
    // fish has no optional option values: the whole words "--speak=brief" are offered.
    std::vector<std::string> words;
    for (const auto& name : option.names) {
      for (const auto& word : option.value.words) {
        words.push_back(name.rfind("--", 0) == 0 ? name + "=" + word : std::string());
      }
    }
    words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
    const std::string typed = condition + "; and string match -q -- '--*=*' (commandline -ct)";
    line += "\ncomplete -c " + fish_quote(program) + " -n " + fish_quote(typed) + " -a " +
            fish_quote(fmt::to_string(fmt::join(words, " "))) + " -d " +
            fish_quote(option.description);
  }
  return line;
}

// `_takes_value`'s case patterns: 'COMMAND/OPTION' ('*/OPTION' for the root's).
std::string fish_value_patterns(const CompletionModel& model) {
  std::vector<std::string> patterns;
  auto add = [&](const std::string& command, const std::vector<CompletionOption>& options) {
    for (const auto& option : options) {
      if (option.takes_value) {
        for (const auto& name : option.names) {
          patterns.push_back(fish_quote(command + "/" + name));
        }
      }
    }
  };
  add("*", model.options);
  for (const auto& command : model.commands) {
    add(command.name, command.options);
  }
  return patterns.empty() ? "''" : fmt::to_string(fmt::join(patterns, " "));
}

// Before the command: the commands, routine names, the root's options.
std::string fish_first_word(const CompletionModel& model, const std::string& fn) {
  const std::string program = fish_quote(model.program);
  const std::string using_fn = fish_quote(fn + "_using");
  std::vector<std::string> lines;
  for (const auto& command : model.commands) {
    lines.push_back(fmt::format("complete -c {} -n {} -a {} -d {}", program, using_fn,
                                fish_quote(command.name), fish_quote(command.description)));
  }
  if (has_command(model, k_routine_command)) {
    lines.push_back(fmt::format("complete -c {} -n {} -a {} -d routine", program, using_fn,
                                fish_quote("(" + fn + "_routines)")));
  }
  for (const auto& option : model.options) {
    lines.push_back(fish_option_line(model.program, fn + "_using", option, fn));
  }
  return fmt::to_string(fmt::join(lines, "\n"));
}

// A section per command: its options, and what its positional arguments complete to.
std::string fish_command_sections(const CompletionModel& model, const std::string& fn) {
  std::vector<std::string> lines;
  for (const auto& command : model.commands) {
    lines.emplace_back();
    lines.push_back("# " + command.name);
    const std::string condition = fn + "_using " + command.name;
    for (const auto& option : command.options) {
      lines.push_back(fish_option_line(model.program, condition, option, fn));
    }
    const auto [max, value] = merged_positionals(command);
    const std::string args = fish_value_args(value, fn);
    if (max != 0 && !args.empty()) {
      lines.push_back(fmt::format("complete -c {} -n {}{}", fish_quote(model.program),
                                  fish_quote(condition + " " + std::to_string(max)), args));
    }
  }
  return fmt::to_string(fmt::join(lines, "\n"));
}

std::string fish_script(const CompletionModel& model) {
  const std::string fn = "_" + function_prefix(model.program);  // fish helpers: __backcare_*
  return fill(
      template_text("backcare.fish.in"),
      {{"PROGRAM", model.program},
       {"PROGRAM_Q", fish_quote(model.program)},
       {"FN", fn},
       {"VALUE_PATTERNS", fish_value_patterns(model)},
       {"COMMAND_NAMES", fmt::to_string(fmt::join(quoted(command_names(model), fish_quote), " "))},
       {"UNKNOWN_FIRST_WORD",
        has_command(model, k_routine_command)
            ? fmt::format("set cmd {}\n                set count 1", k_routine_command)
            : std::string("set cmd $word")},
       {"FIRST_WORD", fish_first_word(model, fn)},
       {"COMMAND_SECTIONS", fish_command_sections(model, fn)}});
}

}  // namespace

std::string completion_script(const CLI::App& root, std::string_view shell) {
  const CompletionModel model = completion_model(root);
  if (shell == "bash") {
    return bash_script(model);
  }
  if (shell == "zsh") {
    return zsh_script(model);
  }
  if (shell == "fish") {
    return fish_script(model);
  }
  throw std::invalid_argument(
      fmt::format("unknown shell \"{}\"; expected bash, zsh or fish", shell));
}

}  // namespace backcare
