#pragma once
// Shell completion scripts (bash, zsh, fish), generated from the CLI11 command definitions so
// that they cannot drift from the real subcommands and options.

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace backcare {

// What the value of an option or a positional argument completes to. Read from the option's
// type name (the part before any validator description), words separated by '|':
//   ROUTINE or NAME|FILE  an existing routine: the names `PROGRAM list --names` prints at
//                         completion time, and *.json files
//   FILE                  for a positional: *.json routine files; for an option: any file
//   DIR                   directories
//   SHELL                 bash, zsh, fish
// NAME alone is a new name (`new NAME`) and completes to nothing. The choices of a
// CLI::IsMember check ("TEXT:{bash,zsh,fish}") complete as words.
struct ValueCompletion {
  bool routines = false;
  bool routine_files = false;
  bool files = false;
  bool directories = false;
  std::vector<std::string> words;
};

// One option as the completion scripts see it.
struct CompletionOption {
  std::vector<std::string> names;  // "-h", "--help"
  std::string description;
  bool takes_value = false;
  bool repeatable = false;
  // A flag whose value may follow "=" (--speak, --speak=brief): its choices complete after the
  // "=", and a word after the flag is never taken for its value.
  bool optional_value = false;
  std::string value_name;  // "X", "NAME|FILE"
  ValueCompletion value;
};

// A positional argument; max_count -1 means "any number".
struct CompletionPositional {
  std::string value_name;
  std::string description;
  int max_count = 1;
  ValueCompletion value;
};

struct CompletionCommand {
  std::string name;
  std::string description;
  std::vector<CompletionOption> options;  // its own, then the root's (the app falls through)
  std::vector<CompletionPositional> positionals;
};

// Everything the generators need, read once from the CLI11 App. Hidden options and subcommands
// (empty group) are left out.
struct CompletionModel {
  std::string program;                    // the root App's name: "backcare"
  std::vector<CompletionOption> options;  // the root's, --help and --version included
  std::vector<CompletionCommand> commands;
};

CompletionModel completion_model(const CLI::App& root);

// The shells completion_script() knows, for the `completion` subcommand's argument check.
const std::vector<std::string>& completion_shells();

// The completion script for SHELL ("bash", "zsh" or "fish"). A first word that is no
// subcommand is completed as `run WORD` (app.cpp runs a routine named by the first word).
// Throws std::invalid_argument for any other shell.
std::string completion_script(const CLI::App& root, std::string_view shell);

}  // namespace backcare
