#pragma once
// What follows a session: the session's record in the practice journal (docs/journal.md),
// written first; then the questions on the terminal (which sign made you stop after a safety
// stop, the pain score after the others), each answer appended as its own record linked to the
// session's id; the advice when an answer calls for it, and a "see a physiotherapist" pattern
// the answer completes.
#include <optional>

#include "config/config.hpp"
#include "journal_store.hpp"
#include "player.hpp"
#include "routine/plan.hpp"

namespace backcare {

// Records, asks and advises as `options` allow. A journal that cannot be written gives one
// warning on stderr. A signal that ends the run (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received by
// `signals` after the session, at a question or not, ends the question with the terminal
// restored and gives its exit code (128 + the signal); else nullopt: the session's code stands.
std::optional<int> after_session(const Plan& plan, const PlayerOptions& options,
                                 const Presentation& presentation, const PlayResult& result,
                                 const LocalNow& started, SignalPipe& signals,
                                 const Config& config);

}  // namespace backcare
