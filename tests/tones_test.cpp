#include "prompts/tones.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace backcare {
namespace {

// Sign changes in samples [from, to) (zeros are skipped): twice the frequency per sample.
int zero_crossings(const std::vector<std::int16_t>& s, std::size_t from, std::size_t to) {
  int crossings = 0;
  int last_sign = 0;
  for (std::size_t i = from; i < to; ++i) {
    const int sign = s[i] > 0 ? 1 : (s[i] < 0 ? -1 : 0);
    if (sign != 0) {
      crossings += last_sign != 0 && sign != last_sign ? 1 : 0;
      last_sign = sign;
    }
  }
  return crossings;
}

int peak(const std::vector<std::int16_t>& s) {
  int p = 0;
  for (const std::int16_t v : s) {
    p = std::max(p, std::abs(static_cast<int>(v)));
  }
  return p;
}

std::uint32_t u32_at(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])) << (8 * i);
  }
  return v;
}

std::uint16_t u16_at(const std::string& b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    (static_cast<unsigned char>(b[at + 1]) << 8));
}

}  // namespace

TEST_CASE("tones::sample counts are exact") {
  CHECK(tone_sample_count(4000, 22050) == 88200);
  CHECK(tone_sample_count(1, 22050) == 22);   // 22.05 rounds down
  CHECK(tone_sample_count(3, 22050) == 66);   // 66.15
  CHECK(tone_sample_count(1, 44100) == 44);   // 44.1
  CHECK(tone_sample_count(7, 44100) == 309);  // 308.7 rounds up
  CHECK(tone_sample_count(0, 22050) == 0);
  CHECK(tone_sample_count(-5, 22050) == 0);
  CHECK(tone_sample_count(k_max_tone_ms + 1, 22050) == tone_sample_count(k_max_tone_ms, 22050));
  for (const ToneKind kind : {ToneKind::inhale, ToneKind::exhale, ToneKind::hold}) {
    CHECK(phase_tone(kind, 4000).size() == 88200);
    CHECK(phase_tone(kind, 1234, {44100, 0.5}).size() == 54419);  // 54419.4
    CHECK(phase_tone(kind, 7, {44100, 0.5}).size() == 309);
    CHECK(phase_tone(kind, 0).empty());
  }
  CHECK(chime(ToneKind::step_chime).size() == 13230);  // 600 ms
  CHECK(chime(ToneKind::end_chime).size() == 35280);   // 1600 ms
  CHECK(tone_kind_name(ToneKind::step_chime) == "step");
  CHECK(tone_kind_name(ToneKind::end_chime) == "end");
}

TEST_CASE("tones::start and end at silence, never reach full scale") {
  for (const ToneKind kind : {ToneKind::inhale, ToneKind::exhale, ToneKind::hold,
                              ToneKind::step_chime, ToneKind::end_chime}) {
    for (const double volume : {k_tone_volume, 1.0, 5.0}) {
      const std::vector<std::int16_t> s = phase_tone(kind, 3000, {22050, volume});
      REQUIRE(s.size() == 66150);
      CHECK(std::abs(s.front()) <= 1);
      CHECK(std::abs(s.back()) <= 1);
      // The ramps: the first and the last millisecond stay quiet.
      for (std::size_t i = 0; i < 22; ++i) {
        CHECK(std::abs(s[i]) < 200);
        CHECK(std::abs(s[s.size() - 1 - i]) < 200);
      }
      CHECK(peak(s) <= 32767);
      CHECK(peak(s) > 0);
    }
  }
  // Very short tones too.
  CHECK(phase_tone(ToneKind::inhale, 1).front() == 0);
  CHECK(phase_tone(ToneKind::inhale, 1).back() == 0);
}

TEST_CASE("tones::volume: night is softer; the hold pulse is faint") {
  const int day = peak(phase_tone(ToneKind::inhale, 2000));
  const int night = peak(phase_tone(ToneKind::inhale, 2000, {k_tone_rate, k_tone_volume_night}));
  CHECK(day > 0.4 * 32767);  // the octave partial keeps the peak a little under the volume
  CHECK(day <= 0.5 * 32767 + 1);
  CHECK(night <= 0.2 * 32767 + 1);
  CHECK(night < day);
  CHECK(peak(phase_tone(ToneKind::inhale, 2000, {k_tone_rate, 0.0})) == 0);
  CHECK(peak(phase_tone(ToneKind::hold, 2000)) < day / 2);
}

TEST_CASE("tones::inhale rises, exhale falls") {
  const std::vector<std::int16_t> in = phase_tone(ToneKind::inhale, 4000);
  const std::vector<std::int16_t> out = phase_tone(ToneKind::exhale, 4000);
  const std::size_t tenth = in.size() / 10;
  const int in_first = zero_crossings(in, 0, tenth);
  const int in_last = zero_crossings(in, in.size() - tenth, in.size());
  const int out_first = zero_crossings(out, 0, tenth);
  const int out_last = zero_crossings(out, out.size() - tenth, out.size());
  CHECK(in_first < in_last);
  CHECK(out_first > out_last);
  // About 2 × f × 0.4 s: 220-231 Hz at the start of the inhale, 319-330 Hz at its end.
  CHECK(in_first > 2 * 215 * 0.4);
  CHECK(in_first < 2 * 236 * 0.4);
  CHECK(in_last > 2 * 314 * 0.4);
  CHECK(in_last < 2 * 335 * 0.4);
}

TEST_CASE("tones::the sweep is continuous") {
  // Phase accumulation: no jump between neighbouring samples bigger than the steepest slope of
  // the tone (2π × 330 Hz × 1.15 peak / rate, plus rounding).
  const std::vector<std::int16_t> s = phase_tone(ToneKind::inhale, 4000, {22050, 1.0});
  int biggest = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    biggest = std::max(biggest, std::abs(s[i] - s[i - 1]));
  }
  CHECK(biggest < 32767 * 2 * 3.1416 * 330 * 1.15 / 22050 + 2);
}

TEST_CASE("tones::wav_bytes header") {
  const std::vector<std::int16_t> samples = {0, 1, -1, 32767, -32768};
  const std::string wav = wav_bytes(samples, 22050);
  REQUIRE(wav.size() == 44 + 10);
  CHECK(wav.substr(0, 4) == "RIFF");
  CHECK(u32_at(wav, 4) == 36 + 10);
  CHECK(wav.substr(8, 4) == "WAVE");
  CHECK(wav.substr(12, 4) == "fmt ");
  CHECK(u32_at(wav, 16) == 16);
  CHECK(u16_at(wav, 20) == 1);  // PCM
  CHECK(u16_at(wav, 22) == 1);  // mono
  CHECK(u32_at(wav, 24) == 22050);
  CHECK(u32_at(wav, 28) == 44100);
  CHECK(u16_at(wav, 32) == 2);
  CHECK(u16_at(wav, 34) == 16);
  CHECK(wav.substr(36, 4) == "data");
  CHECK(u32_at(wav, 40) == 10);
  CHECK(u16_at(wav, 44) == 0);
  CHECK(u16_at(wav, 46) == 1);
  CHECK(u16_at(wav, 48) == 0xFFFF);
  CHECK(u16_at(wav, 50) == 0x7FFF);
  CHECK(u16_at(wav, 52) == 0x8000);
  const std::string empty = wav_bytes({}, 44100);
  CHECK(empty.size() == 44);
  CHECK(u32_at(empty, 4) == 36);
  CHECK(u32_at(empty, 24) == 44100);
  CHECK(u32_at(empty, 28) == 88200);
  CHECK(u32_at(empty, 40) == 0);
}

}  // namespace backcare
