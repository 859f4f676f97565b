#pragma once
// `backcare plan list | show NAME|FILE | schema`: the programmes (weeks of practice that grow,
// docs/programmes.md), the built-in ones and the user's.
#include "cli.hpp"
#include "context.hpp"

namespace backcare {

void define_plan(CLI::App& sub, Args& args);
// Exit 0; 2 for an unknown programme name; 65 an invalid programme; 66 an unreadable file.
int cmd_plan(Context& context, const Args& args);

}  // namespace backcare
