#include "sound.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "files.hpp"
#include "spawn.hpp"

namespace backcare {
namespace {

bool write_file(const std::string& path, const std::string& bytes) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  return fd.valid() && write_all(fd.get(), bytes).ok() && ::close(fd.release()) == 0;
}

std::vector<std::int16_t> samples_for(ToneKind kind, std::int64_t duration_ms,
                                      const ToneOptions& tone) {
  if (kind == ToneKind::step_chime || kind == ToneKind::end_chime) {
    return chime(kind, tone);
  }
  return phase_tone(kind, duration_ms, tone);
}

}  // namespace

std::vector<std::string> default_sound_players() {
#ifdef __APPLE__
  return {"afplay", "pw-play", "paplay", "aplay"};
#else
  return {"pw-play", "paplay", "aplay"};
#endif
}

SoundPlayer::SoundPlayer(SoundOptions options) : m_options(std::move(options)) {
  if (!m_options.wav_dir.empty()) {
    return;  // writing files: no player needed
  }
  for (const std::string& program : m_options.players) {
    if (program_in_path(program)) {
      m_player = program;
      break;
    }
  }
  if (m_player.empty()) {
    std::string names;
    for (const std::string& program : m_options.players) {
      names += (names.empty() ? "" : ", ") + program;
    }
    give_up(fmt::format("--tones needs an audio player ({}); going on without tones", names));
  }
}

SoundPlayer::~SoundPlayer() {
  stop_all();
  if (!m_temp_dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(m_temp_dir, ignored);
  }
}

void SoundPlayer::give_up(std::string why) {
  if (m_enabled) {
    m_enabled = false;
    m_warning = "backcare: warning: " + std::move(why);
  }
}

std::optional<std::string> SoundPlayer::take_warning() {
  std::optional<std::string> warning;
  warning.swap(m_warning);
  return warning;
}

std::optional<std::string> SoundPlayer::poll() {
  reap(false);
  return take_warning();
}

std::optional<std::string> SoundPlayer::play(ToneKind kind, std::int64_t duration_ms) {
  reap(false);
  if (!m_enabled) {
    return take_warning();
  }
  bool ok = true;
  const std::string file = file_for(kind, duration_ms, ok);
  if (!ok) {
    give_up(fmt::format("--tones cannot write {}: {}; going on without tones", file,
                        std::strerror(errno)));
    return take_warning();
  }
  if (m_options.wav_dir.empty()) {
    spawn(file);
  }
  return take_warning();
}

// The WAV file to play: in WAV-directory mode a new numbered file, else one cached per kind and
// length in a private temp directory.
std::string SoundPlayer::file_for(ToneKind kind, std::int64_t duration_ms, bool& ok) {
  const ToneOptions& tone = m_options.tone;
  if (!m_options.wav_dir.empty()) {
    const std::string path =
        fmt::format("{}/{:04}-{}.wav", m_options.wav_dir, ++m_count, tone_kind_name(kind));
    ok = write_file(path, wav_bytes(samples_for(kind, duration_ms, tone), tone.rate));
    return path;
  }
  if (kind == ToneKind::step_chime || kind == ToneKind::end_chime) {
    duration_ms = 0;
  }
  const auto key = std::make_pair(kind, duration_ms);
  if (const auto found = m_cache.find(key); found != m_cache.end()) {
    return found->second;
  }
  if (m_temp_dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/backcare-tones-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      ok = false;
      return pattern;
    }
    m_temp_dir = pattern;
  }
  const std::string path =
      fmt::format("{}/{}-{}.wav", m_temp_dir, tone_kind_name(kind), duration_ms);
  ok = write_file(path, wav_bytes(samples_for(kind, duration_ms, tone), tone.rate));
  if (ok) {
    m_cache.emplace(key, path);
  }
  return path;
}

void SoundPlayer::spawn(const std::string& file) {
  const Result<pid_t, int> started = spawn_quietly({m_player.c_str(), file.c_str(), nullptr}, -1);
  if (!started) {
    give_up(fmt::format("--tones cannot start {}: {}; going on without tones", m_player,
                        std::strerror(started.error())));
    return;
  }
  m_children.push_back({*started, false});
}

void SoundPlayer::reap(bool wait) {
  for (auto it = m_children.begin(); it != m_children.end();) {
    int status = 0;
    pid_t done = 0;
    do {
      done = ::waitpid(it->pid, &status, wait ? 0 : WNOHANG);
    } while (done < 0 && errno == EINTR);
    if (done == 0) {
      ++it;
      continue;
    }
    if (done == it->pid && !it->stopped) {
      if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        give_up(
            fmt::format("--tones: {} failed (exit status {}; no sound device?); going on "
                        "without tones",
                        m_player, WEXITSTATUS(status)));
      } else if (WIFSIGNALED(status)) {
        give_up(fmt::format("--tones: {} was killed by signal {}; going on without tones", m_player,
                            WTERMSIG(status)));
      }
    }
    it = m_children.erase(it);  // reaped (or not ours any more: done < 0)
  }
}

void SoundPlayer::stop_all() {
  reap(false);
  for (Child& child : m_children) {
    ::kill(child.pid, SIGTERM);
    child.stopped = true;
  }
  // A player that ignores SIGTERM gets a fifth of a second, then SIGKILL: never a hang.
  for (int i = 0; i < 20 && !m_children.empty(); ++i) {
    ::usleep(10000);
    reap(false);
  }
  for (const Child& child : m_children) {
    ::kill(child.pid, SIGKILL);
  }
  reap(true);
}

}  // namespace backcare
