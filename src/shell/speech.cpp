#include "speech.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "text.hpp"

extern char** environ;

namespace backcare {
namespace {

std::string phase_words(const Plan& plan, const Segment& segment) {
  switch (segment.phase) {
    case Phase::inhale:
      return "Breathe in";
    case Phase::exhale:
      return "Breathe out";
    case Phase::hold:
    case Phase::hold_empty:
      return "Hold";
    case Phase::work:
      return segment.labels.side.empty() ? "" : fmt::format("{} side", segment.labels.side);
    case Phase::switch_sides:
      return "Switch sides";
    case Phase::lower:
      return "Lower";
    case Phase::still:
      return "";
    case Phase::lift:
      return "Lift";
    case Phase::rest:
      // A rest step's title was just said; the rest between sets is announced.
      return plan.steps[segment.step].kind == StepKind::rest ? "" : "Rest";
  }
  return "";
}

}  // namespace

std::string speakable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 1);
  for (const auto& [offset, cp] : CodePoints(text)) {
    if (cp.valid &&
        (cp.value < 0x20 || cp.value == 0x7F || (cp.value >= 0x80 && cp.value <= 0x9F))) {
      out += ' ';  // a C0 or C1 control, or DEL
    } else {
      out.append(text.substr(offset, cp.length));
    }
  }
  if (!out.empty() && out[0] == '-') {
    out.insert(out.begin(), ' ');
  }
  return out;
}

std::string spoken_text(const Plan& plan, const SessionEvent& event) {
  switch (event.type) {
    case EventType::session_start:
      return plan.title;
    case EventType::lead_in:
      return "Get ready";
    case EventType::step_start:
      return event.step < plan.steps.size() ? plan.steps[event.step].title : "";
    case EventType::phase: {
      if (event.segment >= plan.segments.size()) {
        return "";
      }
      // Only the words of the phase: a breath cue read aloud would outlast a 4-second inhale
      // (the screen shows it); cues inside timed blocks are spoken as they come.
      return phase_words(plan, plan.segments[event.segment]);
    }
    case EventType::cue:
      return event.cue < plan.cues.size() ? plan.cues[event.cue].text : "";
    case EventType::pause:
      return "Paused";
    case EventType::resume:
      return "";
    case EventType::session_end:
      return reached_end(event.status) ? "Well done. That is the end of the routine." : "";
    case EventType::step_end:
    case EventType::skip:
    case EventType::back:
      return "";
  }
  return "";
}

bool program_in_path(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    return ::access(program.c_str(), X_OK) == 0;
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return true;
    }
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
  }
  return false;
}

Speech::Speech(const Plan& plan, SpeechOptions options)
    : m_plan(plan), m_options(std::move(options)) {}

Speech::~Speech() {
  // Give the last words (the end of the routine) time to be heard, then stop: up to 250
  // naps of 20 ms (5 s), counted rather than timed, so speech reads no clock.
  for (int nap = 0; nap < 250 && m_child > 0; ++nap) {
    reap(false);
    if (m_child > 0) {
      ::poll(nullptr, 0, 20);
    }
  }
  stop_current();
}

void Speech::on_events(const std::vector<SessionEvent>& events, const SessionView& /*view*/,
                       const Turn& /*turn*/) {
  std::string text;
  for (const auto& event : events) {
    const std::string words = spoken_text(m_plan, event);
    if (!words.empty()) {
      text += (text.empty() ? "" : ". ") + words;
    }
  }
  if (!text.empty()) {
    say(speakable(text));
  }
}

void Speech::reap(bool wait) {
  if (m_child <= 0) {
    return;
  }
  int status = 0;
  pid_t done = 0;
  do {
    done = ::waitpid(m_child, &status, wait ? 0 : WNOHANG);
  } while (done < 0 && errno == EINTR);
  if (done == m_child || done < 0) {
    if (done == m_child && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      m_available = false;  // posix_spawnp's child could not exec the program
    }
    m_child = -1;
  }
}

void Speech::stop_current() {
  reap(false);
  if (m_child > 0) {
    ::kill(m_child, SIGTERM);
    reap(true);
  }
}

void Speech::say(const std::string& text) {
  if (!m_available) {
    return;
  }
  if (m_options.wav_dir.empty()) {
    stop_current();
  } else {
    reap(true);  // writing files: every utterance complete, in order
  }
  const std::string rate = std::to_string(m_options.words_per_minute);
  const std::string wav = fmt::format("{}/{:03}.wav", m_options.wav_dir, ++m_count);
  std::vector<const char*> argv = {m_options.program.c_str(), "-s", rate.c_str()};
  if (!m_options.wav_dir.empty()) {
    argv.push_back("-w");
    argv.push_back(wav.c_str());
  }
  argv.push_back(text.c_str());
  argv.push_back(nullptr);

  // Its output must never reach the terminal or the event stream.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  // The child starts with default signal handling, not ours.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT, SIGPIPE}) {
    sigaddset(&defaults, sig);
  }
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, argv[0], &actions, &attributes,
                              const_cast<char* const*>(argv.data()), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) {
    m_available = false;
    return;
  }
  m_child = pid;
}

}  // namespace backcare
