#include "completion_text.hpp"

#include "completion_templates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace backcare::completion_text {

// ---- templates -----------------------------------------------------------------------------

// The shell text of src/cli/completion/NAME, embedded at build time.
std::string_view template_text(std::string_view name) {
  for (const EmbeddedFile& file : completion_templates()) {
    if (file.name == name) {
      return file.content;
    }
  }
  throw std::logic_error(fmt::format("no completion template {}", name));
}

// The template with every @KEY@ replaced by its value; any other '@' stays as it is.
std::string fill(std::string_view text, const Fields& fields) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const Fields::value_type* field = nullptr;
    if (text[i] == '@') {
      const std::size_t end = text.find('@', i + 1);
      const std::string_view key =
          end == std::string_view::npos ? std::string_view{} : text.substr(i + 1, end - i - 1);
      const auto it = std::find_if(fields.begin(), fields.end(),
                                   [&](const auto& f) { return !key.empty() && f.first == key; });
      field = it == fields.end() ? nullptr : &*it;
    }
    if (field != nullptr) {
      out += field->second;
      i += field->first.size() + 2;
    } else {
      out += text[i++];
    }
  }
  return out;
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

std::vector<std::string> command_names(const CompletionModel& model) {
  std::vector<std::string> out;
  for (const auto& command : model.commands) {
    out.push_back(command.name);
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

}  // namespace backcare::completion_text
