#include "prompts/tones.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace backcare {
namespace {

constexpr double k_full_scale = 32767.0;
constexpr double k_two_pi = 2.0 * std::numbers::pi;

int valid_rate(int rate) {
  return std::clamp(rate, 8000, 96000);
}

// Raised-cosine attack and release: 0 at the first and the last sample, 1 in between. Short
// sounds get shorter ramps (a third of the sound each at most).
double ramp(std::int64_t i, std::int64_t count, std::int64_t ramp_samples) {
  const std::int64_t n = std::max<std::int64_t>(1, std::min(ramp_samples, count / 3));
  const std::int64_t edge = std::min(i, count - 1 - i);
  if (edge >= n) {
    return 1.0;
  }
  return 0.5 -
         0.5 * std::cos(std::numbers::pi * static_cast<double>(edge) / static_cast<double>(n));
}

std::int16_t to_sample(double value) {
  const double clamped = std::clamp(value, -1.0, 1.0) * k_full_scale;
  return static_cast<std::int16_t>(std::lround(clamped));
}

// A sine whose frequency moves linearly from `from_hz` to `to_hz`; the phase is accumulated
// sample by sample, so the sweep is continuous.
void sweep(std::vector<std::int16_t>& out, double from_hz, double to_hz, double volume, int rate,
           std::int64_t ramp_samples) {
  const auto count = static_cast<std::int64_t>(out.size());
  double phase = 0;
  for (std::int64_t i = 0; i < count; ++i) {
    const double t = count > 1 ? static_cast<double>(i) / static_cast<double>(count - 1) : 0.0;
    const double hz = from_hz + (to_hz - from_hz) * t;
    // A touch of the octave makes the sine warmer without making it bright.
    const double value = 0.85 * std::sin(phase) + 0.15 * std::sin(2 * phase);
    out[static_cast<std::size_t>(i)] = to_sample(volume * ramp(i, count, ramp_samples) * value);
    phase = std::fmod(phase + k_two_pi * hz / rate, k_two_pi);
  }
}

// A faint low tone swelling and fading once a second: something to hold on to, not a sound
// to listen to.
void pulse(std::vector<std::int16_t>& out, double volume, int rate, std::int64_t ramp_samples) {
  const auto count = static_cast<std::int64_t>(out.size());
  for (std::int64_t i = 0; i < count; ++i) {
    const double seconds = static_cast<double>(i) / rate;
    const double swell = std::pow(std::sin(std::numbers::pi * seconds), 2);
    const double value = std::sin(k_two_pi * k_hold_hz * seconds);
    out[static_cast<std::size_t>(i)] =
        to_sample(0.3 * volume * swell * ramp(i, count, ramp_samples) * value);
  }
}

// Two partials struck together, each decaying exponentially.
void ring(std::vector<std::int16_t>& out, ToneKind kind, double volume, int rate,
          std::int64_t ramp_samples) {
  const bool end = kind == ToneKind::end_chime;
  const double low_hz = end ? 523.25 : 880.0;   // C5, or A5
  const double high_hz = end ? 784.0 : 1318.5;  // a fifth above
  const double decay_s = end ? 0.45 : 0.15;     // time constant
  const auto count = static_cast<std::int64_t>(out.size());
  for (std::int64_t i = 0; i < count; ++i) {
    const double seconds = static_cast<double>(i) / rate;
    const double value =
        0.65 * std::sin(k_two_pi * low_hz * seconds) +
        0.35 * std::sin(k_two_pi * high_hz * seconds) * std::exp(-seconds / (0.6 * decay_s));
    out[static_cast<std::size_t>(i)] =
        to_sample(volume * std::exp(-seconds / decay_s) * ramp(i, count, ramp_samples) * value);
  }
}

}  // namespace

std::string_view tone_kind_name(ToneKind kind) {
  switch (kind) {
    case ToneKind::inhale:
      return "inhale";
    case ToneKind::exhale:
      return "exhale";
    case ToneKind::hold:
      return "hold";
    case ToneKind::step_chime:
      return "step";
    case ToneKind::end_chime:
      return "end";
  }
  return "hold";
}

std::int64_t tone_sample_count(std::int64_t duration_ms, int rate) {
  const std::int64_t ms = std::clamp<std::int64_t>(duration_ms, 0, k_max_tone_ms);
  return (ms * valid_rate(rate) + 500) / 1000;
}

std::vector<std::int16_t> phase_tone(ToneKind kind, std::int64_t duration_ms,
                                     const ToneOptions& options) {
  const int rate = valid_rate(options.rate);
  const double volume = std::clamp(options.volume, 0.0, 1.0);
  const std::int64_t ramp_samples = tone_sample_count(k_tone_ramp_ms, rate);
  std::vector<std::int16_t> out(static_cast<std::size_t>(tone_sample_count(duration_ms, rate)));
  switch (kind) {
    case ToneKind::inhale:
      sweep(out, k_breath_low_hz, k_breath_high_hz, volume, rate, ramp_samples);
      break;
    case ToneKind::exhale:
      sweep(out, k_breath_high_hz, k_breath_low_hz, volume, rate, ramp_samples);
      break;
    case ToneKind::hold:
      pulse(out, volume, rate, ramp_samples);
      break;
    case ToneKind::step_chime:
    case ToneKind::end_chime:
      ring(out, kind, volume, rate, ramp_samples);
      break;
  }
  return out;
}

std::vector<std::int16_t> chime(ToneKind kind, const ToneOptions& options) {
  return phase_tone(kind, kind == ToneKind::end_chime ? k_end_chime_ms : k_step_chime_ms, options);
}

std::string wav_bytes(const std::vector<std::int16_t>& samples, int rate) {
  std::string out;
  const auto data_size = static_cast<std::uint32_t>(samples.size() * 2);
  out.reserve(44 + data_size);
  const auto u32 = [&out](std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) {
      out += static_cast<char>((v >> shift) & 0xFF);
    }
  };
  const auto u16 = [&out](std::uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
  };
  const auto sample_rate = static_cast<std::uint32_t>(rate);
  out += "RIFF";
  u32(36 + data_size);
  out += "WAVE";
  out += "fmt ";
  u32(16);               // size of the fmt chunk
  u16(1);                // PCM
  u16(1);                // mono
  u32(sample_rate);      // samples per second
  u32(sample_rate * 2);  // bytes per second
  u16(2);                // bytes per frame
  u16(16);               // bits per sample
  out += "data";
  u32(data_size);
  for (const std::int16_t s : samples) {
    u16(static_cast<std::uint16_t>(s));
  }
  return out;
}

}  // namespace backcare
