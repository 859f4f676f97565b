#pragma once
// The practice journal's commands (docs/journal.md): `history` shows and forgets records,
// `checkin` records a pain score or symptoms without a session, `resume` continues the last
// session stopped early; and `config` shows and checks the config file (docs/config.md).
#include "cli.hpp"
#include "context.hpp"

namespace backcare {

void define_history(CLI::App& sub, Args& args);
void define_checkin(CLI::App& sub, Args& args);
void define_resume(CLI::App& sub, Args& args);
void define_config(CLI::App& sub, Args& args);

// Exit 0; 2 for a bad option or an unknown --forget id; 66 when the history cannot be read;
// 74 when --forget cannot rewrite it.
int cmd_history(Context& context, const Args& args);
// Exit 0 when recorded; 1 when the journal is turned off ("log": false); 74 when the record
// cannot be written.
int cmd_checkin(Context& context, const Args& args);
// The run's exit code; 1 when there is nothing to resume.
int cmd_resume(Context& context, const Args& args);
// Exit 0; 78 when the config file is wrong or unreadable (show, check).
int cmd_config(Context& context, const Args& args);

}  // namespace backcare
