#pragma once
// `backcare stats` and `backcare report`: the journal's figures (src/core/stats) as text, JSON
// or one printable HTML page. Here the history and the config are read, "now" is taken from the
// clock and the terminal is asked how wide it is; everything else is in src/core.
#include "cli.hpp"
#include "context.hpp"

namespace backcare {

void define_stats(CLI::App& sub, Args& args);
void define_report(CLI::App& sub, Args& args);
int cmd_stats(Context& context, const Args& args);
int cmd_report(Context& context, const Args& args);

}  // namespace backcare
