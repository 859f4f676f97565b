#include "completion.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

// Reads the completion model from the CLI11 definitions; completion.cpp turns it into scripts.
namespace backcare {
namespace {

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
  } else if (opt.get_type_name().find('{') != std::string::npos) {
    // "[=MODE]:{full,brief}": a flag with choices after "=".
    out.value = value_completion(opt.get_type_name(), false, out.value_name);
    out.optional_value = !out.value.words.empty();
    out.value_name = "MODE";
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

}  // namespace backcare
