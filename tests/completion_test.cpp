#include "completion.hpp"

#include <doctest/doctest.h>
#include <CLI/CLI.hpp>

#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// A small App shaped like backcare's: root options, a command with a routine argument and
// options, one with files, and one with a choice.
struct SmallApp {
  CLI::App app{"a small app", "tool"};
  std::vector<std::string> dirs;
  std::string routine;
  std::vector<std::string> files;
  std::string shell;
  std::string events;
  double speed = 1.0;
  bool plain = false;

  SmallApp() {
    app.set_version_flag("--version", "tool 1");
    app.add_option("--routines-dir", dirs, "Extra routines")->type_name("DIR");
    auto* run = app.add_subcommand("run", "Run a routine");
    run->add_option("routine", routine, "Name or file")->required()->type_name("NAME|FILE");
    run->add_option("--speed", speed, "Faster")->check(CLI::Range(0.1, 1000.0))->type_name("X");
    run->add_flag("--plain", plain, "Plain lines");
    run->add_option("--events", events, "Events to FILE")->type_name("FILE");
    auto* validate = app.add_subcommand("validate", "Check files");
    validate->add_option("files", files, "Routine files")->required()->type_name("FILE");
    auto* completion = app.add_subcommand("completion", "A completion script");
    completion->add_option("shell", shell, "The shell")
        ->required()
        ->check(CLI::IsMember(backcare::completion_shells()));
    app.add_subcommand("secret", "Hidden")->group("");
  }
};

const backcare::CompletionCommand& command(const backcare::CompletionModel& model,
                                           const std::string& name) {
  for (const auto& c : model.commands) {
    if (c.name == name) {
      return c;
    }
  }
  FAIL("no command " << name);
  throw std::logic_error("unreachable");
}

const backcare::CompletionOption* find_option(
    const std::vector<backcare::CompletionOption>& options, const std::string& name) {
  for (const auto& o : options) {
    for (const auto& n : o.names) {
      if (n == name) {
        return &o;
      }
    }
  }
  return nullptr;
}

const backcare::CompletionOption& option(const std::vector<backcare::CompletionOption>& options,
                                         const std::string& name) {
  const backcare::CompletionOption* found = find_option(options, name);
  if (found == nullptr) {
    FAIL("no option " << name);
    throw std::logic_error("unreachable");
  }
  return *found;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("completion::model reads commands, options and what their values complete to") {
  SmallApp small;
  const backcare::CompletionModel model = backcare::completion_model(small.app);
  CHECK(model.program == "tool");

  std::vector<std::string> names;
  for (const auto& c : model.commands) {
    names.push_back(c.name);
  }
  CHECK(names == std::vector<std::string>{"run", "validate", "completion"});  // not "secret"

  const auto& help = option(model.options, "--help");
  CHECK(help.names == std::vector<std::string>{"-h", "--help"});
  CHECK_FALSE(help.takes_value);
  const auto& dirs = option(model.options, "--routines-dir");
  CHECK(dirs.takes_value);
  CHECK(dirs.repeatable);
  CHECK(dirs.value.directories);

  const auto& run = command(model, "run");
  CHECK_FALSE(option(run.options, "--plain").takes_value);
  const auto& speed = option(run.options, "--speed");
  CHECK(speed.takes_value);
  CHECK_FALSE(speed.repeatable);
  CHECK(speed.value_name == "X");  // the Range description is left out
  CHECK(option(run.options, "--events").value.files);
  CHECK(option(run.options, "--routines-dir").value.directories);  // the root's, inherited
  CHECK(find_option(run.options, "--version") == nullptr);         // the root's alone
  REQUIRE(run.positionals.size() == 1);
  CHECK(run.positionals[0].max_count == 1);
  CHECK(run.positionals[0].value.routines);
  CHECK(run.positionals[0].value.routine_files);

  const auto& validate = command(model, "validate");
  REQUIRE(validate.positionals.size() == 1);
  CHECK(validate.positionals[0].max_count == -1);
  CHECK(validate.positionals[0].value.routine_files);
  CHECK_FALSE(validate.positionals[0].value.routines);

  const auto& completion = command(model, "completion");
  REQUIRE(completion.positionals.size() == 1);
  CHECK(completion.positionals[0].value.words == std::vector<std::string>{"bash", "zsh", "fish"});
}

TEST_CASE("completion::bash script names every command and option") {
  SmallApp small;
  const std::string script = backcare::completion_script(small.app, "bash");
  CHECK(contains(script, "complete -F _tool 'tool'"));
  CHECK(contains(script, "'run'|'validate'|'completion') cmd=$word ;;"));
  CHECK(contains(script, "*) cmd=run positionals=1 ;;"));
  CHECK(contains(script,
                 "'run') printf '%s\\n' '-h' '--help' '--speed' '--plain' '--events' "
                 "'--routines-dir' ;;"));
  CHECK(contains(script, "'run/--speed') : ;;"));
  CHECK(contains(script, "'run/--events') echo files ;;"));
  CHECK(contains(script, "'/--routines-dir') echo dirs ;;"));
  CHECK(contains(script, "'run') echo 1 routines json ;;"));
  CHECK(contains(script, "'validate') echo -1 json ;;"));
  CHECK(contains(script, "'completion') echo 1 =bash =zsh =fish ;;"));
  CHECK(contains(script, "\"$exe\" list --names"));
  CHECK_FALSE(contains(script, "secret"));
  CHECK_FALSE(contains(script, "_init_completion"));
}

TEST_CASE("completion::zsh and fish scripts") {
  SmallApp small;
  const std::string zsh = backcare::completion_script(small.app, "zsh");
  CHECK(zsh.rfind("#compdef tool\n", 0) == 0);
  CHECK(contains(zsh, "'--speed''=[Faster]:X: '"));
  CHECK(contains(zsh, "'*''--routines-dir''=[Extra routines]:DIR:_tool_values dirs'"));
  CHECK(contains(zsh, "'1:NAME|FILE:_tool_values routines json'"));
  CHECK(contains(zsh, "'run:Run a routine'"));

  const std::string fish = backcare::completion_script(small.app, "fish");
  CHECK(contains(fish, "complete -c 'tool' -n '__tool_using run' -l 'speed' -x -d 'Faster'"));
  CHECK(contains(fish, "complete -c 'tool' -n '__tool_using run' -l 'events' -r -F"));
  CHECK(contains(fish, "complete -c 'tool' -n '__tool_using completion 1' -a 'bash zsh fish'"));
}

TEST_CASE("completion::every template placeholder is filled") {
  SmallApp small;
  const std::regex placeholder("@[A-Z_]+@");
  for (const auto& shell : backcare::completion_shells()) {
    CAPTURE(shell);
    const std::string script = backcare::completion_script(small.app, shell);
    CHECK_FALSE(std::regex_search(script, placeholder));
    CHECK(contains(script, "tool"));
    CHECK_FALSE(contains(script, "backcare"));  // the template's name, not the program's
  }
}

TEST_CASE("completion::zsh choices are not expanded as =command") {
  SmallApp small;
  const std::string zsh = backcare::completion_script(small.app, "zsh");
  CHECK(contains(zsh, ":_tool_values \\=bash \\=zsh \\=fish'"));
  CHECK(contains(zsh, "('='*) choices+="));
}

TEST_CASE("completion::routine names are filtered to valid names in every shell") {
  SmallApp small;
  CHECK(contains(backcare::completion_script(small.app, "bash"),
                 "[[ $name =~ ^[a-z0-9][-a-z0-9]{0,39}$ ]]"));
  CHECK(contains(backcare::completion_script(small.app, "zsh"),
                 "names=(${(M)names:#[a-z0-9][-a-z0-9](#c0,39)})"));
  CHECK(contains(backcare::completion_script(small.app, "fish"),
                 "string match -r -- '^[a-z0-9][-a-z0-9]{0,39}$'"));
}

TEST_CASE("completion::an unknown shell is an error") {
  SmallApp small;
  CHECK_THROWS_AS(backcare::completion_script(small.app, "tcsh"), std::invalid_argument);
}
