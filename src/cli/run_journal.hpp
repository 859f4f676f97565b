#pragma once
// What follows a session: the questions on the terminal (which sign made you stop after a
// safety stop, the pain score after the others), the advice when an answer calls for it, and the
// session's record in the practice journal (docs/journal.md).
#include "journal_store.hpp"
#include "player.hpp"
#include "routine/plan.hpp"

namespace backcare {

// Asks, advises and records as `options` allow. A journal that cannot be written gives one
// warning on stderr; nothing here changes the exit code.
void after_session(const Plan& plan, const PlayerOptions& options, const Presentation& presentation,
                   const PlayResult& result, const LocalNow& started);

}  // namespace backcare
