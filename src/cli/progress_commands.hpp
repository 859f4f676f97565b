#pragma once
// `backcare stats` and `backcare report`: the journal's figures (src/core/stats) as text, JSON
// or one printable HTML page. Here the history and the config are read, "now" is taken from the
// clock and the terminal is asked how wide it is; everything else is in src/core.
#include "cli.hpp"
#include "context.hpp"
#include "journal/journal.hpp"

namespace CLI {
class Validator;
}

namespace backcare {

void define_stats(CLI::App& sub, Args& args);
void define_report(CLI::App& sub, Args& args);
int cmd_stats(Context& context, const Args& args);
int cmd_report(Context& context, const Args& args);

// The config file (78 when invalid) and the history's records (66 unreadable, 74 no home),
// damaged lines said as warnings; `plan` and `today` read them too.
Config load_config();
// A --as-of or --from value: "expected a date YYYY-MM-DD, got ..." otherwise.
CLI::Validator date_check();
std::vector<JournalRecord> read_history();

}  // namespace backcare
