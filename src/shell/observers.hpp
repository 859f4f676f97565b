#pragma once
// Every observer of a run is built here, in one place: the event stream (--events), speech
// (--speak), tones (--tones) and the human display (live, plain, or none with --quiet), in the
// order they are fed.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "player.hpp"
#include "routine/plan.hpp"
#include "session/observer.hpp"

namespace backcare {

// The observers of one run.
struct Observers {
  std::vector<std::unique_ptr<SessionObserver>> list;
  std::vector<std::string> warnings;  // said once on stderr, the run goes on
};

// Reads $BACKCARE_SPEECH_WAV_DIR and $PATH (speech) and opens the events file: refused (exit 2)
// when it is the routine file or one it includes (options.routine_files), refused (73) when it
// cannot be created or is a FIFO no process reads (rather than waiting for a reader).
Result<Observers> make_observers(const Plan& plan, const PlayerOptions& options,
                                 const Presentation& presentation);

}  // namespace backcare
