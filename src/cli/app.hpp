#pragma once
// The command-line front end: subcommands, their options, and the one place where errors
// become messages and exit codes.

namespace backcare {

int app_main(int argc, char** argv);

}  // namespace backcare
