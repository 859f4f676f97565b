#pragma once
// `backcare today [--short] [--start] [--as-of DATE]`: what is due today and this week from the
// plan followed (or the goals), and what is done (src/core/programme/today). Here the journal,
// the config and the programme are read and "today" is taken from the clock.
#include "cli.hpp"
#include "context.hpp"
#include "journal/journal.hpp"

namespace backcare {

void define_today(CLI::App& sub, Args& args);
// 0; with --start the run's code, or 1 when nothing is due.
int cmd_today(Context& context, const Args& args);

// The home screen's "Tonight:" text from the journal `records` (today_home_line); "" when the
// config, the plan or its programme cannot be read (the home screen never fails for them).
std::string tonight_line(Context& context, const std::vector<JournalRecord>& records);

// `backcare rest [--reason TEXT] [--days N]`: a rest record from today (stats and today leave
// those days out of the goals; streaks go over them).
void define_rest(CLI::App& sub, Args& args);
int cmd_rest(Context& context, const Args& args);

}  // namespace backcare
