#include "tones_observer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace backcare {
namespace {

std::optional<ToneKind> breath_tone(Phase phase) {
  switch (phase) {
    case Phase::inhale:
      return ToneKind::inhale;
    case Phase::exhale:
      return ToneKind::exhale;
    case Phase::hold:
    case Phase::hold_empty:
      return ToneKind::hold;
    case Phase::work:
    case Phase::switch_sides:
    case Phase::lower:
    case Phase::still:
    case Phase::lift:
    case Phase::rest:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

Tones::Tones(const Plan& plan, double speed, SoundOptions options, std::shared_ptr<Notices> notices)
    : m_plan(plan),
      m_speed(speed > 0 ? speed : 1.0),
      m_sound(std::move(options)),
      m_notices(notices ? std::move(notices) : std::make_shared<Notices>()) {}

Tones::~Tones() {
  // The end chime is the last thing heard: give it time to ring out, then stop.
  for (int i = 0; i < 200 && m_sound.playing() > 0; ++i) {
    ::usleep(10000);
    m_sound.poll();
  }
  m_sound.stop_all();
}

void Tones::report(std::optional<std::string> warning) {
  if (warning) {
    m_notices->post(std::move(*warning), "tones off: no working audio player");
  }
}

void Tones::on_tick(const SessionView& /*view*/, const Turn& /*turn*/) {
  flush_warning();
}

void Tones::flush_warning() {
  report(m_sound.poll());
}

void Tones::on_suspend(const Turn& /*turn*/) {
  m_sound.stop_all();
}

void Tones::on_events(const std::vector<SessionEvent>& events, const SessionView& /*view*/,
                      const Turn& /*turn*/) {
  for (const SessionEvent& event : events) {
    switch (event.type) {
      case EventType::step_start:
        if (m_step_seen) {
          report(m_sound.play(ToneKind::step_chime, 0));
        }
        m_step_seen = true;
        break;
      case EventType::phase: {
        if (event.segment >= m_plan.segments.size()) {
          break;
        }
        const Segment& segment = m_plan.segments[event.segment];
        const std::optional<ToneKind> kind = breath_tone(segment.phase);
        // What is left of the phase (all of it, unless it was entered part-way), in wall time.
        const std::int64_t left =
            std::clamp<std::int64_t>(segment.end_ms() - event.position_ms, 0, segment.duration_ms);
        const auto wall_ms =
            static_cast<std::int64_t>(std::llround(static_cast<double>(left) / m_speed));
        if (kind && tone_sample_count(wall_ms, k_tone_rate) > 0) {
          report(m_sound.play(*kind, wall_ms));
        }
        break;
      }
      case EventType::pause:
      case EventType::skip:
      case EventType::back:
        m_sound.stop_all();  // a tone that no longer matches the breath is worse than none
        break;
      case EventType::session_end:
        if (reached_end(event.status)) {
          report(m_sound.play(ToneKind::end_chime, 0));
        } else {
          m_sound.stop_all();  // stopped with q or a signal: silence at once
        }
        break;
      case EventType::session_start:
      case EventType::lead_in:
      case EventType::cue:
      case EventType::step_end:
      case EventType::resume:
        break;
    }
  }
  flush_warning();
}

std::unique_ptr<SessionObserver> make_tones(const Plan& plan, double speed, bool night,
                                            std::shared_ptr<Notices> notices) {
  SoundOptions options;
  if (night) {
    options.tone.volume = k_tone_volume_night;
  }
  if (const char* dir = std::getenv("BACKCARE_SOUND_WAV_DIR")) {
    options.wav_dir = dir;
  }
  auto tones = std::make_unique<Tones>(plan, speed, std::move(options), std::move(notices));
  tones->flush_warning();  // says now, once, when there is no player
  return tones;
}

}  // namespace backcare
