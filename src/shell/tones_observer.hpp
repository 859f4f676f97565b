#pragma once
// Tones (--tones): another observer of the session, beside Speech. A tone rising through each
// inhale and falling through each exhale, a faint pulse through a hold, each as long as its
// phase in wall time (the session speed applied); a chime at each step change after the first
// and another at the end of a completed routine. Follows a breath with eyes closed and without
// words.
#include <memory>

#include "notices.hpp"
#include "routine/plan.hpp"
#include "session/observer.hpp"
#include "sound.hpp"

namespace backcare {

class Tones final : public SessionObserver {
 public:
  // `notices`: where a failure is said (held while the live frame shows; may be null: stderr).
  Tones(const Plan& plan, double speed, SoundOptions options,
        std::shared_ptr<Notices> notices = nullptr);
  ~Tones() override;  // lets the end chime ring out (two seconds at most)
  Tones(const Tones&) = delete;
  Tones& operator=(const Tones&) = delete;

  void on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                 const Turn& turn) override;
  void on_tick(const SessionView& view, const Turn& turn) override;
  void on_suspend(const Turn& turn) override;

  // Reaps finished players; prints the warning (once) when playing has been given up.
  void flush_warning();
  const SoundPlayer& sound() const { return m_sound; }

 private:
  void report(std::optional<std::string> warning);

  const Plan& m_plan;
  double m_speed;
  SoundPlayer m_sound;
  std::shared_ptr<Notices> m_notices;
  bool m_step_seen = false;
};

// The --tones observer for a run: BACKCARE_SOUND_WAV_DIR=DIR writes the sounds there instead of
// playing them. Without an audio player it says so now (before the display starts) and the
// observer stays silent; a player failing later is said through `notices`.
// `night` plays them softer (k_tone_volume_night).
std::unique_ptr<SessionObserver> make_tones(const Plan& plan, double speed, bool night = false,
                                            std::shared_ptr<Notices> notices = nullptr);

}  // namespace backcare
