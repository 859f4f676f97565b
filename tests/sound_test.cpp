#include "sound.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "routine/loader.hpp"
#include "routine/plan.hpp"
#include "session/session.hpp"
#include "tones_observer.hpp"

namespace backcare {
namespace {

namespace fs = std::filesystem;

// A private directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "backcare-sound-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// A fake audio player: notes each file it is asked to play in `log`, then exits with `status`
// (after `seconds`).
std::string fake_player(const fs::path& dir, const fs::path& log, int status,
                        const char* seconds = "0") {
  const fs::path script = dir / "fake-player";
  // `exec`: the sleep is the player itself, so a SIGTERM leaves nothing behind.
  std::ofstream(script) << "#!/bin/sh\necho \"$1\" >> '" << log.string() << "'\n[ " << seconds
                        << " = 0 ] || exec sleep " << seconds << "\nexit " << status << "\n";
  fs::permissions(script, fs::perms::owner_all);
  return script.string();
}

int lines_in(const fs::path& file) {
  std::ifstream in(file);
  int count = 0;
  for (std::string line; std::getline(in, line);) {
    ++count;
  }
  return count;
}

void wait_until_idle(SoundPlayer& sound, std::optional<std::string>& warning) {
  for (int i = 0; i < 500 && sound.playing() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (auto w = sound.poll()) {
      warning = w;
    }
  }
}

}  // namespace

TEST_CASE("sound::a failing player gives one warning, and no more attempts") {
  TempDir dir;
  SoundOptions options;
  options.players = {fake_player(dir.path, dir.path / "log", 1)};
  SoundPlayer sound(options);
  CHECK(sound.enabled());
  CHECK(sound.player() == options.players[0]);

  CHECK_FALSE(sound.play(ToneKind::inhale, 400).has_value());  // started: not known to fail yet
  std::optional<std::string> warning;
  wait_until_idle(sound, warning);
  REQUIRE(warning.has_value());
  CHECK(warning->find("warning: --tones: ") != std::string::npos);
  CHECK(warning->find("failed (exit status 1") != std::string::npos);
  CHECK_FALSE(sound.enabled());
  CHECK(lines_in(dir.path / "log") == 1);
  // Given up: nothing more is started, and the warning is not repeated.
  for (int i = 0; i < 3; ++i) {
    CHECK_FALSE(sound.play(ToneKind::exhale, 400).has_value());
    CHECK_FALSE(sound.poll().has_value());
  }
  CHECK(sound.playing() == 0);
  CHECK(lines_in(dir.path / "log") == 1);
}

TEST_CASE("sound::a missing player: one warning at once") {
  SoundOptions options;
  options.players = {"backcare-no-such-player-1", "backcare-no-such-player-2"};
  SoundPlayer sound(options);
  CHECK_FALSE(sound.enabled());
  CHECK(sound.player().empty());
  const std::optional<std::string> warning = sound.poll();
  REQUIRE(warning.has_value());
  CHECK(*warning ==
        "backcare: warning: --tones needs an audio player (backcare-no-such-player-1, "
        "backcare-no-such-player-2); going on without tones");
  CHECK_FALSE(sound.play(ToneKind::inhale, 400).has_value());
  CHECK_FALSE(sound.poll().has_value());
}

TEST_CASE("sound::a working player: never waited for, cached files, stop_all") {
  TempDir dir;
  SoundOptions options;
  options.players = {fake_player(dir.path, dir.path / "log", 0, "30")};
  SoundPlayer sound(options);
  const auto before = std::chrono::steady_clock::now();
  CHECK_FALSE(sound.play(ToneKind::inhale, 4000).has_value());
  CHECK_FALSE(sound.play(ToneKind::inhale, 4000).has_value());
  CHECK_FALSE(sound.play(ToneKind::step_chime, 0).has_value());
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));
  CHECK(sound.playing() == 3);
  for (int i = 0; i < 500 && lines_in(dir.path / "log") < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // The same tone twice is one file, written once; a chime is another. The three players run
  // at once, so their lines come in any order: sorted, the chime's file sorts last.
  std::ifstream in(dir.path / "log");
  std::vector<std::string> started(3);
  std::getline(in, started[0]);
  std::getline(in, started[1]);
  std::getline(in, started[2]);
  std::sort(started.begin(), started.end());
  const std::string& first = started[0];
  const std::string& second = started[1];
  const std::string& third = started[2];
  CHECK(first.find("inhale-4000.wav") != std::string::npos);
  CHECK(first == second);
  CHECK(third.find("step-0.wav") != std::string::npos);
  CHECK(fs::file_size(first) == 44 + 2 * 88200);
  sound.stop_all();  // SIGTERM: not a failure
  CHECK(sound.playing() == 0);
  CHECK(sound.enabled());
  CHECK_FALSE(sound.poll().has_value());
}

TEST_CASE("sound::BACKCARE_SOUND_WAV_DIR mode writes numbered files and plays nothing") {
  TempDir dir;
  SoundOptions options;
  options.players = {"backcare-no-such-player"};
  options.wav_dir = dir.path.string();
  SoundPlayer sound(options);
  CHECK(sound.enabled());
  CHECK_FALSE(sound.play(ToneKind::inhale, 1000).has_value());
  CHECK_FALSE(sound.play(ToneKind::hold, 500).has_value());
  CHECK_FALSE(sound.play(ToneKind::end_chime, 0).has_value());
  CHECK(sound.playing() == 0);
  CHECK(fs::file_size(dir.path / "0001-inhale.wav") == 44 + 2 * 22050);
  CHECK(fs::file_size(dir.path / "0002-hold.wav") == 44 + 2 * 11025);
  CHECK(fs::file_size(dir.path / "0003-end.wav") == 44 + 2 * 35280);
}

TEST_CASE("sound::the Tones observer: phase tones at the session speed, chimes") {
  const char* text = R"({"format": 1, "name": "t", "title": "T", "steps": [
      {"kind": "breath", "title": "B", "pattern": {"inhale": 4, "hold": 2, "exhale": 6},
       "cycles": 1},
      {"kind": "timed", "title": "W", "duration": 10}]})";
  const LoadResult loaded = load_routine(text, "t.json");
  REQUIRE(loaded.ok());
  const Plan plan = expand(loaded.routine).plan;
  TempDir dir;
  {
    SoundOptions options;
    options.wav_dir = dir.path.string();
    Tones tones(plan, 2.0, options);
    SessionOptions session_options;
    session_options.speed = 2.0;
    session_options.lead_in_ms = 0;
    Session session(plan, session_options);
    std::vector<SessionEvent> events = session.start(TimePoint{0});
    tones.on_events(events, session.view(TimePoint{0}), Turn{});
    for (std::int64_t ms = 100; !session.finished(); ms += 100) {
      const TimePoint now = std::chrono::milliseconds(ms);
      events = session.advance(now);
      tones.on_events(events, session.view(now), Turn{now, {}, {}, true});
    }
  }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"0001-inhale.wav", "0002-hold.wav", "0003-exhale.wav",
                                          "0004-step.wav", "0005-end.wav"});
  CHECK(fs::file_size(dir.path / "0001-inhale.wav") == 44 + 2 * 44100);  // 4 s at speed 2
  CHECK(fs::file_size(dir.path / "0002-hold.wav") == 44 + 2 * 22050);
  CHECK(fs::file_size(dir.path / "0003-exhale.wav") == 44 + 2 * 66150);
}

}  // namespace backcare
