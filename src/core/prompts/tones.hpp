#pragma once
// Sound cues to follow a breath with eyes closed (--tones): a soft tone that rises through an
// inhale and falls through an exhale, a faint low pulse for a hold, and short chimes at a step
// change and at the end. Pure: samples are computed here, written and played by the shell
// (sound.hpp). Every phase tone is exactly as long as its phase, starts and ends at silence
// (raised-cosine ramps, so no click) and never reaches full scale.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

enum class ToneKind { inhale, exhale, hold, step_chime, end_chime };

// "inhale", "exhale", "hold", "step", "end" (names the WAV files).
std::string_view tone_kind_name(ToneKind kind);

inline constexpr int k_tone_rate = 22050;           // samples per second (mono, 16-bit)
inline constexpr double k_tone_volume = 0.5;        // peak, as a fraction of full scale
inline constexpr double k_tone_volume_night = 0.2;  // softer, for the evening routine
inline constexpr std::int64_t k_tone_ramp_ms = 40;  // attack and release
inline constexpr std::int64_t k_step_chime_ms = 600;
inline constexpr std::int64_t k_end_chime_ms = 1600;
// A phase tone is never computed longer than this (a 24-hour hold is not 7 GB of samples).
inline constexpr std::int64_t k_max_tone_ms = 10 * 60 * 1000;

// The pitch sweeps, in Hz: up through an inhale, down through an exhale.
inline constexpr double k_breath_low_hz = 220.0;
inline constexpr double k_breath_high_hz = 330.0;
inline constexpr double k_hold_hz = 110.0;  // the faint pulse, once a second

struct ToneOptions {
  int rate = k_tone_rate;         // 8000..96000
  double volume = k_tone_volume;  // 0..1 of full scale (clamped)
};

// round(duration_ms * rate / 1000), duration clamped to 0..k_max_tone_ms.
std::int64_t tone_sample_count(std::int64_t duration_ms, int rate);

// The tone of a breath phase (inhale, exhale, hold), exactly tone_sample_count(duration_ms)
// samples long. For a chime kind, the chime cut (or padded with silence) to that length.
std::vector<std::int16_t> phase_tone(ToneKind kind, std::int64_t duration_ms,
                                     const ToneOptions& options = {});

// A chime at its natural length: k_step_chime_ms or k_end_chime_ms. Two partials with an
// exponential decay; the end chime is lower, and rings longer.
std::vector<std::int16_t> chime(ToneKind kind, const ToneOptions& options = {});

// A complete RIFF WAV file image (PCM, mono, 16-bit little-endian).
std::string wav_bytes(const std::vector<std::int16_t>& samples, int rate);

}  // namespace backcare
