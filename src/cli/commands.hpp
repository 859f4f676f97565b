#pragma once
// The commands: one function per subcommand, the table that names them (like ninja's Tool
// table), and the dispatch from a parsed command line to one of them.
#include <vector>

#include "cli.hpp"
#include "context.hpp"

namespace backcare {

// Every subcommand in --help order: the fixed ones, one shortcut per built-in routine
// (`backcare breathe` is `backcare run breathe`), then `completion`.
std::vector<Command> command_table();

// Builds the App from the table, parses argv and runs the chosen command (the overview when
// none). Throws AppError for expected failures; app_main turns them into messages.
int dispatch(int argc, char** argv);

int cmd_list(Context& context, const Args& args);
int cmd_show(Context& context, const Args& args);
int cmd_validate(Context& context, const Args& args);
int cmd_schema(Context& context, const Args& args);
int cmd_new(Context& context, const Args& args);
int cmd_run(Context& context, const Args& args);  // run_command.cpp
int cmd_completion(Context& context, const Args& args);
int cmd_overview(Context& context);

}  // namespace backcare
