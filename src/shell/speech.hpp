#pragma once
// Spoken prompts (--speak): the words of each step, phase and cue said aloud by espeak-ng, so a
// routine can be followed with eyes closed, lying on a foam roller. Another observer of the
// session. Only this fixed program is ever run, with the text as one argument (no shell), and
// never anything a routine names.
#include <sys/types.h>

#include <string>
#include <vector>

#include "observer.hpp"
#include "plan.hpp"

namespace backcare {

// What to say for one event; "" for nothing. Pure.
std::string spoken_text(const Plan& plan, const SessionEvent& event);

// Routine text made fit to speak: control characters become spaces, and a leading "-" cannot
// be taken for an option.
std::string speakable(std::string_view text);

struct SpeechOptions {
  std::string program = "espeak-ng";
  int words_per_minute = 160;
  // When set, each utterance is written to DIR/NNN.wav instead of being played (for tests and
  // machines without a sound device): BACKCARE_SPEECH_WAV_DIR.
  std::string wav_dir;
};

// True when `program` names an executable file in $PATH (or is such a path).
bool program_in_path(const std::string& program);

class Speech final : public SessionObserver {
 public:
  Speech(const Plan& plan, SpeechOptions options);
  ~Speech() override;  // lets the last words finish (a few seconds at most)
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;

  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override;

 private:
  void say(const std::string& text);
  void stop_current();  // a prompt that is late is worse than none: the new one wins
  void reap(bool wait);

  const Plan& m_plan;
  SpeechOptions m_options;
  bool m_available = true;
  pid_t m_child = -1;
  int m_count = 0;  // utterances so far (names the WAV files)
};

}  // namespace backcare
