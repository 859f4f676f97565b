#pragma once
// Every observer of a run is built here, in one place: the event stream (--events), speech
// (--speak), tones (--tones) and the human display (live, plain, or none with --quiet), in the order they are
// fed.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "observer.hpp"
#include "plan.hpp"
#include "player.hpp"

namespace backcare {

// The observers of one run, or why there are none.
struct Observers {
  std::vector<std::unique_ptr<SessionObserver>> list;
  std::optional<std::string> error;   // the events file cannot be created (exit 73)
  std::vector<std::string> warnings;  // said once on stderr, the run goes on
};

// Reads $BACKCARE_SPEECH_WAV_DIR and $PATH (speech) and opens the events file.
Observers make_observers(const Plan& plan, const PlayerOptions& options,
                         const Presentation& presentation);

}  // namespace backcare
