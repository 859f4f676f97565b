#include "observers.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "displays.hpp"
#include "event_stream.hpp"
#include "speech.hpp"
#include "tones_observer.hpp"

namespace backcare {

namespace {

// The routine file (or a file it includes) that `path` is, by device and inode; nullopt when
// it is none of them (or does not exist yet). Checked before the file is opened with O_TRUNC.
std::optional<std::string> routine_file_at(const std::string& path, const PlayerOptions& options) {
  struct stat target {};
  if (::stat(path.c_str(), &target) != 0) {
    return std::nullopt;
  }
  const auto same = [&](const struct stat& st) {
    return st.st_dev == target.st_dev && st.st_ino == target.st_ino;
  };
  struct stat st {};
  if (options.routine_from_stdin && ::fstat(STDIN_FILENO, &st) == 0 && same(st)) {
    return std::string("<stdin>");
  }
  for (const auto& file : options.routine_files) {
    if (::stat(file.c_str(), &st) == 0 && same(st)) {
      return file;
    }
  }
  return std::nullopt;
}

// Opens the --events file: never the routine being run (exit 2), never waiting for a FIFO's
// reader (O_NONBLOCK: ENXIO means nobody reads it), then blocking writes; 73 when it cannot.
Result<UniqueFd> open_events_file(const std::string& path, const PlayerOptions& options) {
  if (const auto routine = routine_file_at(path, options)) {
    return unexpected(
        Error{k_exit_usage,
              fmt::format("--events {}: that is the routine file {} (or one it includes); writing "
                          "events there would overwrite it",
                          sanitize(path), sanitize(*routine))});
  }
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0644));
  if (!fd.valid()) {
    return unexpected(Error{
        k_exit_cant_create,
        errno == ENXIO
            ? fmt::format("cannot write events to {}: no process is reading that FIFO",
                          sanitize(path))
            : fmt::format("cannot write events to {}: {}", sanitize(path), std::strerror(errno))});
  }
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) {
    ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  }
  return fd;
}

}  // namespace

Result<Observers> make_observers(const Plan& plan, const PlayerOptions& options,
                                 const Presentation& presentation) {
  Observers out;
  // Shared by speech, tones and the live display, so a sound failure never writes over the frame.
  auto notices = std::make_shared<Notices>();
  if (options.events == "-") {
    out.list.push_back(std::make_unique<EventStream>(plan, STDOUT_FILENO));
  } else if (!options.events.empty()) {
    Result<UniqueFd> file = open_events_file(options.events, options);
    if (!file) {
      return unexpected(file.error());
    }
    out.list.push_back(
        std::make_unique<EventStream>(plan, std::move(file).value(), sanitize(options.events)));
  }
  if (options.speak) {
    SpeechOptions speech;
    speech.mode = options.speak_mode;
    speech.words_per_minute = options.rate;
    speech.voice = options.voice;
    speech.volume = options.volume;
    speech.speed = options.session.speed;
    speech.notices = notices;
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
    out.list.push_back(make_tones(plan, options.session.speed, options.night, notices));
  }
  DisplayOptions display{presentation.human_fd, presentation.caps, options.bell, options.night,
                         options.log};
  display.big = options.big;
  display.speed = options.session.speed;
  display.notices = notices;
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
