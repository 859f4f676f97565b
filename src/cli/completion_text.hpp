#pragma once
// The pieces the completion generators (completion.cpp) share: the embedded templates and how
// they are filled, shell quoting, and questions about the CompletionModel.
#include "completion.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backcare::completion_text {

// The subcommand that runs a routine named by the first word (`backcare NAME`, app.cpp).
constexpr std::string_view k_routine_command = "run";

// The shell text of src/cli/completion/NAME, embedded at build time.
std::string_view template_text(std::string_view name);

// The template with every @KEY@ replaced by its value; any other '@' stays as it is.
using Fields = std::vector<std::pair<std::string_view, std::string>>;
std::string fill(std::string_view text, const Fields& fields);

// 'text' for sh (bash, zsh).
std::string sh_quote(std::string_view text);

// 'text' for fish, where \ and ' are escaped inside single quotes.
std::string fish_quote(std::string_view text);

// A shell function name made of the program name: "_backcare".
std::string function_prefix(const std::string& program);

// The commands' names, in order.
std::vector<std::string> command_names(const CompletionModel& model);

// The kinds a value completes to, as the bash and zsh helpers name them: routines, json
// (routine files), files, dirs, =WORD.
std::vector<std::string> kinds(const ValueCompletion& value);

// The positionals of a command, merged: the most it takes (-1: any) and what they complete to.
std::pair<int, ValueCompletion> merged_positionals(const CompletionCommand& command);

// Whether the model has a command NAME.
bool has_command(const CompletionModel& model, std::string_view name);

// WORDS, each with PREFIX in front, quoted by QUOTE (sh_quote or fish_quote).
template <typename Quote>
std::vector<std::string> quoted(const std::vector<std::string>& words, Quote quote,
                                std::string_view prefix = "") {
  std::vector<std::string> out;
  for (const auto& word : words) {
    out.push_back(quote(std::string(prefix) + word));
  }
  return out;
}

}  // namespace backcare::completion_text
