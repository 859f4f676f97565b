#pragma once
// `backcare today [--short] [--start] [--as-of DATE]`: what is due today and this week from the
// plan followed (or the goals), and what is done (src/core/programme/today). Here the journal,
// the config and the programme are read and "today" is taken from the clock.
#include "cli.hpp"
#include "context.hpp"

namespace backcare {

void define_today(CLI::App& sub, Args& args);
// 0; with --start the run's code, or 1 when nothing is due.
int cmd_today(Context& context, const Args& args);

}  // namespace backcare
