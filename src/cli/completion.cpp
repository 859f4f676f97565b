#include "completion.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <stdexcept>

namespace backcare {
namespace {

// The subcommand that runs a routine named by the first word (`backcare NAME`, app.cpp).
constexpr std::string_view k_routine_command = "run";

// Options that take no value but print something and exit; not repeated in subcommands.
bool is_root_only(const CLI::App& root, const CLI::Option* opt) {
  return opt == root.get_help_ptr() || opt == root.get_help_all_ptr() ||
         opt == root.get_version_ptr();
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

// The value name (before any validator description) and what it completes to.
ValueCompletion value_completion(const std::string& type_name, bool positional,
                                 std::string& value_name) {
  ValueCompletion value;
  const std::size_t colon = type_name.find(':');
  value_name = type_name.substr(0, colon);
  const std::vector<std::string> words = split(value_name, '|');
  auto has = [&](std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  // NAME alone is a new name (`new NAME`): nothing to complete.
  if (has("ROUTINE") || (has("NAME") && has("FILE"))) {
    value.routines = true;
    value.routine_files = true;
  } else if (has("FILE")) {
    (positional ? value.routine_files : value.files) = true;
  }
  value.directories = has("DIR");
  if (has("SHELL")) {
    value.words = completion_shells();
  }
  // The choices of a CLI::IsMember check: "TEXT:{bash,zsh,fish}".
  if (colon != std::string::npos) {
    const std::size_t open = type_name.find('{', colon);
    const std::size_t close = type_name.find('}', open);
    if (open != std::string::npos && close != std::string::npos) {
      value.words = split(std::string_view(type_name).substr(open + 1, close - open - 1), ',');
    }
  }
  return value;
}

CompletionOption option_of(const CLI::Option& opt) {
  CompletionOption out;
  for (const auto& name : opt.get_snames()) {
    out.names.push_back("-" + name);
  }
  for (const auto& name : opt.get_lnames()) {
    out.names.push_back("--" + name);
  }
  out.description = one_line(opt.get_description());
  out.takes_value = opt.get_items_expected_max() > 0;
  out.repeatable = out.takes_value && opt.get_expected_max() > 1;
  if (out.takes_value) {
    out.value = value_completion(opt.get_type_name(), false, out.value_name);
  }
  return out;
}

CompletionPositional positional_of(const CLI::Option& opt) {
  CompletionPositional out;
  out.description = one_line(opt.get_description());
  const int max = opt.get_items_expected_max();
  out.max_count = max >= CLI::detail::expected_max_vector_size ? -1 : max;
  out.value = value_completion(opt.get_type_name(), true, out.value_name);
  if (out.value_name.empty()) {
    out.value_name = opt.get_name(true);
  }
  return out;
}

bool visible(const CLI::Option* opt) {
  return !opt->get_group().empty();
}

// ---- shell quoting -------------------------------------------------------------------------

// 'text' for sh (bash, zsh).
std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

// 'text' for fish, where \ and ' are escaped inside single quotes.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

// A shell function name made of the program name: "_backcare".
std::string function_prefix(const std::string& program) {
  std::string out = "_";
  for (const char c : program) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += word ? c : '_';
  }
  return out;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const auto& word : words) {
    out += (out.empty() ? "" : std::string(separator)) + word;
  }
  return out;
}

// The kinds a value completes to, as the bash and zsh helpers name them: routines, json
// (routine files), files, dirs, =WORD.
std::vector<std::string> kinds(const ValueCompletion& value) {
  std::vector<std::string> out;
  if (value.routines) {
    out.emplace_back("routines");
  }
  if (value.routine_files) {
    out.emplace_back("json");
  }
  if (value.files) {
    out.emplace_back("files");
  }
  if (value.directories) {
    out.emplace_back("dirs");
  }
  for (const auto& word : value.words) {
    out.push_back("=" + word);
  }
  return out;
}

// The positionals of a command, merged: the most it takes (-1: any) and what they complete to.
std::pair<int, ValueCompletion> merged_positionals(const CompletionCommand& command) {
  int max = 0;
  ValueCompletion value;
  for (const auto& positional : command.positionals) {
    max = (max < 0 || positional.max_count < 0) ? -1 : max + positional.max_count;
    value.routines = value.routines || positional.value.routines;
    value.routine_files = value.routine_files || positional.value.routine_files;
    value.files = value.files || positional.value.files;
    value.directories = value.directories || positional.value.directories;
    value.words.insert(value.words.end(), positional.value.words.begin(),
                       positional.value.words.end());
  }
  return {max, value};
}

bool has_command(const CompletionModel& model, std::string_view name) {
  return std::any_of(model.commands.begin(), model.commands.end(),
                     [&](const CompletionCommand& command) { return command.name == name; });
}

// ---- bash ----------------------------------------------------------------------------------

std::string bash_script(const CompletionModel& model) {
  const std::string fn = function_prefix(model.program);
  std::string out = fmt::format(
      R"sh(# bash completion for {program}. Generated by `{program} completion bash` from the
# command definitions: do not edit. Plain bash (complete, compgen); bash-completion is not
# needed.

# The routine names, as the executable being completed lists them (user routines included).
{fn}_routines() {{
  local exe=${{COMP_WORDS[0]}}
  # shellcheck disable=SC2088 # a ~ as typed, which bash has not expanded
  [[ $exe == '~/'* ]] && exe=$HOME/${{exe#'~/'}}
  "$exe" list --names "${{{fn}_forward[@]}}" </dev/null 2>/dev/null
}}

# Adds to COMPREPLY what each KIND offers that starts with CUR: routines, json (routine files
# and directories), files, dirs, or =WORD.
{fn}_add() {{
  local cur=$1 kind name
  shift
  for kind in "$@"; do
    case $kind in
      routines)
        while IFS= read -r name; do
          [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
        done < <({fn}_routines) ;;
      json)
        compopt -o filenames 2>/dev/null
        mapfile -t -O "${{#COMPREPLY[@]}}" COMPREPLY < <(compgen -f -X '!*.json' -- "$cur"; compgen -d -- "$cur") ;;
      files)
        compopt -o filenames 2>/dev/null
        mapfile -t -O "${{#COMPREPLY[@]}}" COMPREPLY < <(compgen -f -- "$cur") ;;
      dirs)
        compopt -o filenames 2>/dev/null
        mapfile -t -O "${{#COMPREPLY[@]}}" COMPREPLY < <(compgen -d -- "$cur") ;;
      =*)
        [[ ${{kind#=}} == "$cur"* ]] && COMPREPLY+=("${{kind#=}}") ;;
    esac
  done
}}

# The options of COMMAND ('' before the command), one per line.
{fn}_options() {{
  case $1 in
)sh",
      fmt::arg("program", model.program), fmt::arg("fn", fn));

  auto option_names = [](const std::vector<CompletionOption>& options) {
    std::vector<std::string> names;
    for (const auto& option : options) {
      for (const auto& name : option.names) {
        names.push_back(sh_quote(name));
      }
    }
    return join(names, " ");
  };
  out += fmt::format("    '') printf '%s\\n' {} ;;\n", option_names(model.options));
  for (const auto& command : model.commands) {
    out += fmt::format("    {}) printf '%s\\n' {} ;;\n", sh_quote(command.name),
                       option_names(command.options));
  }
  out += R"sh(  esac
}

# What the value of OPTION of COMMAND completes to (KIND... as for _add; nothing for a free
# value). Fails when the option takes no value.
)sh";
  out += fn + "_option_value() {\n  case $1/$2 in\n";
  auto value_cases = [&](const std::string& command, const std::vector<CompletionOption>& options) {
    for (const auto& option : options) {
      if (!option.takes_value) {
        continue;
      }
      std::vector<std::string> patterns;
      for (const auto& name : option.names) {
        patterns.push_back(sh_quote(command + "/" + name));
      }
      const std::string value = join(kinds(option.value), " ");
      out += fmt::format("    {}) {} ;;\n", join(patterns, "|"),
                         value.empty() ? ":" : "echo " + value);
    }
  };
  value_cases("", model.options);
  for (const auto& command : model.commands) {
    value_cases(command.name, command.options);
  }
  out += "    *) return 1 ;;\n  esac\n}\n\n";

  out += "# COMMAND's positional arguments: \"MAX KIND...\" (MAX -1: any number).\n";
  out += fn + "_positionals() {\n  case $1 in\n";
  for (const auto& command : model.commands) {
    const auto [max, value] = merged_positionals(command);
    if (max != 0 && !kinds(value).empty()) {
      out += fmt::format("    {}) echo {} {} ;;\n", sh_quote(command.name), max,
                         join(kinds(value), " "));
    }
  }
  out += "    *) echo 0 ;;\n  esac\n}\n\n";

  std::vector<std::string> command_patterns;
  std::vector<std::string> command_words;
  for (const auto& command : model.commands) {
    command_patterns.push_back(sh_quote(command.name));
    command_words.push_back(sh_quote("=" + command.name));
  }
  const std::string unknown_first_word =
      has_command(model, k_routine_command) ? fmt::format("cmd={} positionals=1", k_routine_command)
                                            : std::string("cmd=$word");

  out += fmt::format(
      R"sh(# Completes the word at COMP_CWORD of COMP_WORDS.
{fn}() {{
  COMPREPLY=()
  local cword=$COMP_CWORD
  local cur=${{COMP_WORDS[cword]-}} prefix='' value_of='' word next max
  local -a {fn}_forward=() kind_list=()
  # An option's value: --opt VALUE, or --opt=VALUE (which COMP_WORDBREAKS may split at '=').
  if [[ $cur == '=' ]] && (( cword > 1 )) && [[ ${{COMP_WORDS[cword-1]}} == -* ]]; then
    value_of=${{COMP_WORDS[cword-1]}} cur=''
  elif (( cword > 2 )) && [[ ${{COMP_WORDS[cword-1]}} == '=' && ${{COMP_WORDS[cword-2]}} == -* ]]; then
    value_of=${{COMP_WORDS[cword-2]}}
  elif [[ $cur == --*=* ]]; then
    value_of=${{cur%%=*}} prefix=${{cur%%=*}}= cur=${{cur#*=}}
  fi
  # The command is the first word that is no option and no option's value; later such words are
  # its positional arguments. A first word that is no command is a routine to run. The root's
  # options go along to `list --names`.
  local cmd='' positionals=0 i=1
  while (( i < cword )); do
    word=${{COMP_WORDS[i]}}
    if [[ $word == -?* ]]; then
      if [[ $word != *=* ]] && {fn}_option_value "$cmd" "$word" >/dev/null; then
        next=$((i + 1))
        [[ ${{COMP_WORDS[next]-}} == '=' ]] && next=$((i + 2))
        if (( next < cword )) && {fn}_option_value '' "$word" >/dev/null; then
          {fn}_forward+=("$word" "${{COMP_WORDS[next]/#\~\//$HOME/}}")
        fi
        i=$next
      elif [[ $word == *=* ]] && {fn}_option_value '' "${{word%%=*}}" >/dev/null; then
        {fn}_forward+=("${{word/=\~\//=$HOME/}}")
      fi
    elif [[ $word == '=' ]]; then
      :
    elif [[ -z $cmd ]]; then
      case $word in
        {command_patterns}) cmd=$word ;;
        *) {unknown_first_word} ;;
      esac
    else
      positionals=$((positionals + 1))
    fi
    i=$((i + 1))
  done
  if [[ -z $value_of ]] && (( cword > 1 )); then
    word=${{COMP_WORDS[cword-1]}}
    if [[ $word == -?* && $word != *=* ]] && {fn}_option_value "$cmd" "$word" >/dev/null; then
      value_of=$word
    fi
  fi

  if [[ -n $value_of ]]; then
    read -ra kind_list <<<"$({fn}_option_value "$cmd" "$value_of")"
    {fn}_add "$cur" "${{kind_list[@]}}"
  elif [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$({fn}_options "$cmd")" -- "$cur")
  elif [[ -z $cmd ]]; then
    {fn}_add "$cur" {command_words} routines
  else
    read -r max word <<<"$({fn}_positionals "$cmd")"
    read -ra kind_list <<<"$word"
    if (( max < 0 || positionals < max )); then
      {fn}_add "$cur" "${{kind_list[@]}}"
    fi
  fi
  # Once each (a built-in routine is also a command), with the --opt= of --opt=VALUE.
  local -A seen=()
  local -a unique=()
  for word in "${{COMPREPLY[@]}}"; do
    if [[ -z ${{seen[x$word]-}} ]]; then
      seen[x$word]=1
      unique+=("$prefix$word")
    fi
  done
  COMPREPLY=("${{unique[@]}}")
  return 0
}}

complete -F {fn} {program}
)sh",
      fmt::arg("fn", fn), fmt::arg("program", sh_quote(model.program)),
      fmt::arg("command_patterns", join(command_patterns, "|")),
      fmt::arg("unknown_first_word", unknown_first_word),
      fmt::arg("command_words", join(command_words, " ")));
  return out;
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

std::string zsh_action(const std::string& fn, const ValueCompletion& value) {
  const std::vector<std::string> value_kinds = kinds(value);
  return value_kinds.empty() ? " " : fn + "_values " + join(value_kinds, " ");
}

// One _arguments spec (shell-quoted) per option.
std::string zsh_option_spec(const std::string& fn, const CompletionOption& option) {
  std::string names;
  std::string prefix;
  if (option.repeatable) {
    prefix = "'*'";
  } else if (option.names.size() > 1) {
    prefix = sh_quote("(" + join(option.names, " ") + ")");
  }
  if (option.names.size() > 1) {
    names = "{" + join(option.names, ",") + "}";
  } else {
    names = option.names.front();
  }
  std::string rest;
  if (option.takes_value) {
    // --opt= accepts --opt=VALUE and --opt VALUE; -o+ accepts -oVALUE and -o VALUE.
    rest = option.names.size() == 1 && option.names.front().rfind("--", 0) == 0 ? "=" : "";
  }
  rest += "[" + zsh_escape(option.description) + "]";
  if (option.takes_value) {
    rest += ":" + zsh_escape(option.value_name.empty() ? "value" : option.value_name) + ":" +
            zsh_action(fn, option.value);
  }
  // Several names go through brace expansion: '(-h --help)'{-h,--help}'[...]'.
  return prefix + (option.names.size() > 1 ? names : sh_quote(names)) + sh_quote(rest);
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

std::string zsh_script(const CompletionModel& model) {
  const std::string fn = function_prefix(model.program);
  std::vector<std::string> value_options;
  for (const auto& option : model.options) {
    if (option.takes_value) {
      for (const auto& name : option.names) {
        value_options.push_back(name);
      }
    }
  }
  std::string forward_cases;
  for (const auto& name : value_options) {
    forward_cases += fmt::format(
        "      ({0}) (( i + 1 < CURRENT )) && {1}_forward+=($words[i] $words[i+1]) ;;\n"
        "      ({0}=*) {1}_forward+=($words[i]) ;;\n",
        name, fn);
  }

  std::string out = fmt::format(
      R"sh(#compdef {program}
# zsh completion for {program}. Generated by `{program} completion zsh` from the command
# definitions: do not edit. Install as {fn} in a directory of $fpath, or source it after
# compinit.

# The routine names, as the executable being completed lists them (user routines included).
# The words are evaluated as typed, so ~ and quotes work as on the command line.
{fn}_routines() {{
  local -a names expl
  names=(${{(f)"$(_call_program routines ${fn}_exe list --names ${fn}_forward </dev/null 2>/dev/null)"}})
  names=(${{names:|{fn}_commands}})
  _wanted routines expl routine compadd -a names
}}

# Completes what each KIND offers: routines, json (routine files), files, dirs, or =WORD.
{fn}_values() {{
  local kind ret=1
  local -a choices expl
  for kind in "$@"; do
    case $kind in
      (routines) {fn}_routines && ret=0 ;;
      (json) _files -g '*.json' && ret=0 ;;
      (files) _files && ret=0 ;;
      (dirs) _files -/ && ret=0 ;;
      (=*) choices+=("${{kind#=}}") ;;
    esac
  done
  if (( $#choices )); then
    _wanted values expl value compadd -a choices && ret=0
  fi
  return ret
}}

{fn}() {{
  local curcontext=$curcontext state state_descr line ret=1 i
  typeset -A opt_args
  local {fn}_exe=$words[1]
  local -a {fn}_forward {fn}_commands {fn}_described
)sh",
      fmt::arg("program", model.program), fmt::arg("fn", fn));
  std::vector<std::string> names;
  std::vector<std::string> described;
  for (const auto& command : model.commands) {
    names.push_back(sh_quote(command.name));
    std::string escaped_name;
    for (const char c : command.name) {
      escaped_name += c == ':' ? std::string("\\:") : std::string(1, c);
    }
    described.push_back(sh_quote(escaped_name + ":" + command.description));
  }
  out += fmt::format("  {}_commands=({})\n", fn, join(names, " "));
  out += fmt::format("  {}_described=(\n    {}\n  )\n", fn, join(described, "\n    "));
  out += fmt::format(
      R"sh(  # The root's options that take a value go along to `list --names`.
  for (( i = 2; i < CURRENT; i++ )); do
    case $words[i] in
{forward_cases}    esac
  done
)sh",
      fmt::arg("forward_cases", forward_cases));
  // -C: the states below refine $curcontext.
  const std::string root = zsh_arguments(fn, model.options, {}, "  ");
  out += fmt::format("  {} \\\n    '1: :->command' \\\n    '*:: :->argument' && ret=0\n",
                     "_arguments -C" + root.substr(std::string_view("_arguments").size()));

  out += fmt::format(
      R"sh(  case $state in
    (command)
      _describe -t commands '{program} command' {fn}_described && ret=0
      {fn}_routines && ret=0
      ;;
    (argument)
      curcontext=${{curcontext%:*:*}}:{program}-$words[1]:
      case $words[1] in
)sh",
      fmt::arg("program", model.program), fmt::arg("fn", fn));
  const CompletionCommand* routine_command = nullptr;
  for (const auto& command : model.commands) {
    out += fmt::format("        ({})\n          {} && ret=0\n          ;;\n", command.name,
                       zsh_arguments(fn, command.options, command.positionals, "          "));
    if (command.name == k_routine_command) {
      routine_command = &command;
    }
  }
  if (routine_command != nullptr) {
    out += fmt::format(
        "        (*)  # a routine name: `{} NAME` is `{} {} NAME`\n          {} && ret=0\n"
        "          ;;\n",
        model.program, model.program, k_routine_command,
        zsh_arguments(fn, routine_command->options, {}, "          "));
  }
  out += fmt::format(
      R"sh(      esac
      ;;
  esac
  return ret
}}

if [[ $funcstack[1] == {fn} ]]; then
  {fn} "$@"
else
  compdef {fn} {program}
fi
)sh",
      fmt::arg("program", model.program), fmt::arg("fn", fn));
  return out;
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
    out += " -a " + fish_quote(join(args, " "));
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
  return line + " -d " + fish_quote(option.description) + "\n";
}

std::string fish_script(const CompletionModel& model) {
  const std::string fn = "_" + function_prefix(model.program);  // fish helpers: __backcare_*
  const std::string program = fish_quote(model.program);

  std::vector<std::string> value_patterns;
  auto add_patterns = [&](const std::string& command, const std::vector<CompletionOption>& options,
                          bool any_command) {
    for (const auto& option : options) {
      if (option.takes_value) {
        for (const auto& name : option.names) {
          value_patterns.push_back(fish_quote((any_command ? "*" : command) + "/" + name));
        }
      }
    }
  };
  add_patterns("", model.options, true);
  for (const auto& command : model.commands) {
    add_patterns(command.name, command.options, false);
  }
  std::vector<std::string> command_names;
  for (const auto& command : model.commands) {
    command_names.push_back(fish_quote(command.name));
  }
  const std::string unknown_first_word =
      has_command(model, k_routine_command)
          ? fmt::format("set cmd {}\n                set count 1", k_routine_command)
          : std::string("set cmd $word");

  std::string out = fmt::format(
      R"sh(# fish completion for {program}. Generated by `{program} completion fish` from the
# command definitions: do not edit.

# Succeeds when OPTION of COMMAND ('' before the command) takes a value.
function {fn}_takes_value -a command option
    switch "$command/$option"
        case {value_patterns}
            return 0
    end
    return 1
end

# Prints the command being completed (the first word that is no option and no option's value;
# a routine name means `run`) and how many positional arguments follow it. Fails before it.
function {fn}_command
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd
    set -l count 0
    while set -q tokens[1]
        set -l word $tokens[1]
        set -e tokens[1]
        if string match -q -- '-*' $word; and test "$word" != -
            if not string match -q -- '*=*' $word; and {fn}_takes_value "$cmd" $word
                set -e tokens[1]
            end
        else if test -z "$cmd"
            if contains -- $word {command_names}
                set cmd $word
            else
                {unknown_first_word}
            end
        else
            set count (math $count + 1)
        end
    end
    test -n "$cmd"; or return 1
    echo $cmd
    echo $count
end

# With no argument: succeeds before the command. With COMMAND: succeeds in it; with MAX too,
# only while it has fewer than MAX positional arguments (-1: any number).
function {fn}_using
    set -l state ({fn}_command)
    if not set -q argv[1]
        test (count $state) -eq 0
        return
    end
    test "$state[1]" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    test $argv[2] -lt 0; or test $state[2] -lt $argv[2]
end

# The routine names, as the executable being completed lists them (user routines included).
function {fn}_routines
    set -l tokens (commandline -opc)
    set -l exe (string replace -r '^~/' "$HOME/" -- $tokens[1])
    set -l forward
    set -l i 2
    while test $i -le (count $tokens)
        set -l word (string replace -r '^~/' "$HOME/" -- $tokens[$i])
        if {fn}_takes_value '' $word
            set i (math $i + 1)
            set -q tokens[$i]; and set -a forward $word (string replace -r '^~/' "$HOME/" -- $tokens[$i])
        else if string match -q -- '--*=*' $word; and {fn}_takes_value '' (string split -m1 = -- $word)[1]
            set -a forward (string replace -r '=~/' "=$HOME/" -- $word)
        end
        set i (math $i + 1)
    end
    command $exe list --names $forward </dev/null 2>/dev/null
end

complete -c {program_q} -f
)sh",
      fmt::arg("program", model.program), fmt::arg("program_q", program), fmt::arg("fn", fn),
      fmt::arg("value_patterns", value_patterns.empty() ? "''" : join(value_patterns, " ")),
      fmt::arg("command_names", join(command_names, " ")),
      fmt::arg("unknown_first_word", unknown_first_word));

  out += "\n# Before the command: the commands, routine names (`" + model.program +
         " NAME` runs one), the root's options.\n";
  for (const auto& command : model.commands) {
    out += fmt::format("complete -c {} -n {} -a {} -d {}\n", program, fish_quote(fn + "_using"),
                       fish_quote(command.name), fish_quote(command.description));
  }
  if (has_command(model, k_routine_command)) {
    out += fmt::format("complete -c {} -n {} -a {} -d routine\n", program,
                       fish_quote(fn + "_using"), fish_quote("(" + fn + "_routines)"));
  }
  for (const auto& option : model.options) {
    out += fish_option_line(model.program, fn + "_using", option, fn);
  }
  for (const auto& command : model.commands) {
    out += "\n# " + command.name + "\n";
    const std::string condition = fn + "_using " + command.name;
    for (const auto& option : command.options) {
      out += fish_option_line(model.program, condition, option, fn);
    }
    const auto [max, value] = merged_positionals(command);
    const std::string args = fish_value_args(value, fn);
    if (max != 0 && !args.empty()) {
      out += fmt::format("complete -c {} -n {}{}\n", program,
                         fish_quote(condition + " " + std::to_string(max)), args);
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& completion_shells() {
  static const std::vector<std::string> k_shells = {"bash", "zsh", "fish"};
  return k_shells;
}

CompletionModel completion_model(const CLI::App& root) {
  CompletionModel model;
  model.program = root.get_name();
  std::vector<CompletionOption> inherited;  // the root's options, offered in every subcommand
  for (const CLI::Option* opt : root.get_options(visible)) {
    if (opt->nonpositional()) {
      model.options.push_back(option_of(*opt));
      if (!is_root_only(root, opt)) {
        inherited.push_back(model.options.back());
      }
    }
  }
  for (const CLI::App* sub :
       root.get_subcommands([](const CLI::App* app) { return !app->get_group().empty(); })) {
    CompletionCommand command;
    command.name = sub->get_name();
    command.description = one_line(sub->get_description());
    for (const CLI::Option* opt : sub->get_options(visible)) {
      if (opt->nonpositional()) {
        command.options.push_back(option_of(*opt));
      } else {
        command.positionals.push_back(positional_of(*opt));
      }
    }
    command.options.insert(command.options.end(), inherited.begin(), inherited.end());
    model.commands.push_back(std::move(command));
  }
  return model;
}

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
