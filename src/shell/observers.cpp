#include "observers.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "displays.hpp"
#include "event_stream.hpp"
#include "sanitize.hpp"
#include "speech.hpp"
#include "tones_observer.hpp"

namespace backcare {

Observers make_observers(const Plan& plan, const PlayerOptions& options,
                         const Presentation& presentation) {
  Observers out;
  if (!options.events.empty()) {
    int fd = STDOUT_FILENO;
    if (options.events != "-") {
      fd = ::open(options.events.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) {
        out.error = fmt::format("cannot write events to {}: {}", sanitize(options.events),
                                std::strerror(errno));
        return out;
      }
    }
    out.list.push_back(std::make_unique<EventStream>(plan, fd, options.events != "-"));
  }
  if (options.speak) {
    SpeechOptions speech;
    speech.mode = options.speak_mode;
    speech.words_per_minute = options.rate;
    speech.voice = options.voice;
    speech.volume = options.volume;
    speech.speed = options.session.speed;
    speech.lead_in_ms = options.session.lead_in_ms;
    if (const char* dir = std::getenv("BACKCARE_SPEECH_WAV_DIR")) {
      speech.wav_dir = dir;
    }
    if (program_in_path(speech.program)) {
      out.list.push_back(std::make_unique<Speech>(plan, speech));
    } else {
      out.warnings.emplace_back(
          "backcare: warning: --speak needs espeak-ng (sudo apt-get install espeak-ng); going on "
          "without speech\n");
    }
  }
  if (options.tones) {
    out.list.push_back(make_tones(plan, options.session.speed, options.night));
  }
  DisplayOptions display{presentation.human_fd, presentation.caps, options.bell, options.night,
                         options.log};
  if (presentation.live) {
    out.list.push_back(std::make_unique<TerminalDisplay>(plan, display));
  } else if (!options.quiet) {
    display.caps.color = false;
    display.bell = false;
    out.list.push_back(std::make_unique<PlainDisplay>(plan, display, options.session.lead_in_ms));
  }
  return out;
}

}  // namespace backcare
