#pragma once
// Spoken prompts (--speak): the words of each step, phase and cue said aloud by espeak-ng, so a
// routine can be followed with eyes closed, lying on a foam roller. Another observer of the
// session. What is said and when comes from the pure Prompter (prompts.hpp); this runs it.
// Only this fixed program is ever run, with the text as one argument (no shell), and never
// anything a routine names.
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "notices.hpp"
#include "prompts/prompts.hpp"
#include "routine/plan.hpp"
#include "session/observer.hpp"
#include "spawn.hpp"

namespace backcare {

// Routine text made fit to speak: control characters become spaces, and a leading "-" cannot
// be taken for an option.
std::string speakable(std::string_view text);

struct SpeechOptions {
  std::string program = "espeak-ng";
  SpeechMode mode = SpeechMode::full;
  int words_per_minute = 160;      // espeak-ng -s
  std::string voice;               // -v ("": espeak-ng's default)
  std::optional<int> volume;       // -a (0-200; espeak-ng's default is 100)
  double speed = 1.0;              // the session speed (--speed)
  std::int64_t lead_in_ms = 3000;  // the session's lead-in, plan ms
  // When set, each utterance is written to DIR/NNN.wav instead of being played (for tests and
  // machines without a sound device), and DIR/index.tsv gets one line per utterance: ms since
  // the session start, the kind of its first prompt, the file and the text:
  // BACKCARE_SPEECH_WAV_DIR.
  std::string wav_dir;
  // Where a failure is said (held while the live frame shows); null: standard error.
  std::shared_ptr<Notices> notices{};
};

class Speech final : public SessionObserver {
 public:
  Speech(const Plan& plan, SpeechOptions options);
  ~Speech() override;  // lets the last words of a completed routine finish (5 s at most)
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;

  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override;
  void on_turn(const SessionView& view, const Turn& turn) override;
  void on_suspend(const Turn& turn) override;
  std::optional<TimePoint> next_deadline() const override { return m_deadline; }

 private:
  // One espeak-ng process, with the read end of its standard error (espeak-ng says "error"
  // there and still exits 0 when there is no sound device).
  struct Child {
    pid_t pid = -1;
    int err_fd = -1;
    bool killed = false;
  };

  void say(const std::vector<Prompt>& prompts, const Turn& turn);
  void stop_all();  // a prompt that is late is worse than none: the new one wins
  void reap(bool wait);
  void finished(const Child& child, int status);
  void fire_timed(const SessionView& view, const Turn& turn);
  void plan_deadline(const SessionView& view, const Turn& turn);
  void warn_once();

  const Plan& m_plan;
  SpeechOptions m_options;
  Prompter m_prompter;
  std::vector<TimedPrompt> m_timed;
  std::size_t m_next_timed = 0;
  std::int64_t m_last_position_ms = -1;
  std::optional<TimePoint> m_deadline;
  TimePoint m_busy_until{0};  // the estimated end of what is being said
  bool m_counting = false;    // it is a count ("three"): the next count may follow it
  bool m_available = true;
  bool m_completed = false;
  int m_failures = 0;   // phrases that failed (non-zero exit or an error on stderr)
  int m_successes = 0;  // phrases that were said
  bool m_warned = false;
  std::vector<Child> m_children;
  int m_count = 0;  // utterances so far (names the WAV files)
};

}  // namespace backcare
