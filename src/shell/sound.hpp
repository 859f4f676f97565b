#pragma once
// Playing the tones of tones.hpp (--tones). The samples become WAV files in a private temp
// directory (one per kind and length, made once per session) that the first audio player found
// on $PATH plays: pw-play, paplay, aplay (afplay on macOS). A fixed program, the file as its one
// argument, no shell; the caller never waits for it. A player that is missing or fails (no
// sound device) gives one warning and no more attempts.
#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "prompts/tones.hpp"

namespace backcare {

// The players tried, in order.
std::vector<std::string> default_sound_players();

struct SoundOptions {
  std::vector<std::string> players = default_sound_players();  // names on $PATH, or paths
  // When set, each sound is written to DIR/NNNN-kind.wav and nothing is played (for tests and
  // machines without a sound device): BACKCARE_SOUND_WAV_DIR.
  std::string wav_dir;
  ToneOptions tone;
};

class SoundPlayer {
 public:
  explicit SoundPlayer(SoundOptions options);
  ~SoundPlayer();  // stops what plays and removes the temp files
  SoundPlayer(const SoundPlayer&) = delete;
  SoundPlayer& operator=(const SoundPlayer&) = delete;

  // Starts a phase tone (ToneKind::inhale, exhale, hold) of `duration_ms`, or a chime at its
  // natural length (`duration_ms` ignored), and returns at once. Returns a warning the one
  // time playing is found not to work (this call or an earlier child failed), else nullopt.
  std::optional<std::string> play(ToneKind kind, std::int64_t duration_ms);
  // Reaps players that have finished (never waits); the warning as for play().
  std::optional<std::string> poll();
  // Stops every player at once (SIGTERM) and reaps them.
  void stop_all();

  // False once playing is given up (or never possible): play() then does nothing.
  bool enabled() const { return m_enabled; }
  // The player program found ("" in WAV-directory mode or when none was found).
  const std::string& player() const { return m_player; }
  std::size_t playing() const { return m_children.size(); }

 private:
  void give_up(std::string why);  // stops trying; the warning waits for the caller
  std::optional<std::string> take_warning();
  std::string file_for(ToneKind kind, std::int64_t duration_ms, bool& ok);
  void spawn(const std::string& file);
  void reap(bool wait);

  // A player started: `stopped` when we sent it SIGTERM (its end is then no failure).
  struct Child {
    pid_t pid = -1;
    bool stopped = false;
  };

  SoundOptions m_options;
  std::string m_player;
  std::string m_temp_dir;
  std::map<std::pair<ToneKind, std::int64_t>, std::string> m_cache;  // -> WAV file
  std::vector<Child> m_children;
  bool m_enabled = true;
  std::optional<std::string> m_warning;  // waiting to be handed to the caller, once
  int m_count = 0;                       // sounds so far (names the WAV files)
};

}  // namespace backcare
