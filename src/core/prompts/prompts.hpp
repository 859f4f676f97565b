#pragma once
// What --speak says, and when: the words for each batch of session events, and the timed
// prompts ("halfway", "ten seconds", "three, two, one") that the session has no events for.
// Speech must land on time with eyes closed: the phase word is said first, at the boundary,
// and nothing is said that would still be going when the next boundary comes. Whether it fits
// is judged from an estimate of how long the words take (spoken_ms). Pure: the speech observer
// (src/shell/speech.cpp) runs espeak-ng with what this says.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routine/plan.hpp"
#include "session/session.hpp"

namespace backcare {

// --speak brief: the words of each moment (titles, phases, cues); --speak (full): also each
// step's instruction the first time it starts, and the timed prompts.
enum class SpeechMode { brief, full };

// What a prompt is, for the WAV index (index.tsv) and the tests.
enum class PromptKind { phase, title, instruction, cue, count, status };
std::string_view prompt_kind_name(PromptKind kind);  // "phase", "title", ...

struct Prompt {
  std::string text;
  PromptKind kind = PromptKind::phase;
};

// The prompts as said in one go: "A. B".
std::string join_prompts(const std::vector<Prompt>& prompts);

struct PromptOptions {
  SpeechMode mode = SpeechMode::full;
  int words_per_minute = 160;
  double speed = 1.0;              // plan time runs this many times faster than wall time
  std::int64_t lead_in_ms = 3000;  // plan ms of the get-ready countdown
};

// Time left free after a phrase before the next boundary, in wall ms.
inline constexpr std::int64_t k_speech_margin_ms = 300;

// How long espeak-ng takes to say `text` at `words_per_minute`, in wall ms, erring long: a
// fixed start and end, a word's time per word (a number as the words it is read as) and a
// pause at each punctuation mark.
std::int64_t spoken_ms(std::string_view text, int words_per_minute);

// The word for a segment with `wall_ms` left: the longest of its words that ends in time
// ("Breathe in", then "In"), "" when none does (the tone alone says it).
std::string phase_word(const Plan& plan, const Segment& segment, std::int64_t wall_ms,
                       int words_per_minute);

// The sentences of an instruction, each said on its own when there is room.
std::vector<std::string> sentences(std::string_view text);

// A prompt at a plan offset: "halfway" and "ten seconds" in long holds, stretches and rests,
// "three", "two", "one" (a wall second apart) before a side switch. Full mode only; none
// overlaps a cue of the plan or the end of its segment.
struct TimedPrompt {
  std::int64_t at_ms = 0;
  std::string text;
  bool countdown = false;  // "three", "two", "one": each may follow the last at once
};
std::vector<TimedPrompt> timed_prompts(const Plan& plan, const PromptOptions& options);

// What to say for each batch of session events. Remembers which steps were introduced and the
// titles and instruction sentences still waiting for room (said after a later phase word of
// the same step, when the phase is long enough).
class Prompter {
 public:
  Prompter(const Plan& plan, PromptOptions options);

  // The prompts to say now, in order, for `events` (all at one instant) and the view after
  // them.
  std::vector<Prompt> on_events(const std::vector<SessionEvent>& events, const SessionView& view);

 private:
  void queue_step(std::size_t step);
  void fill(std::vector<Prompt>& out, std::int64_t budget_ms);
  std::int64_t wall(std::int64_t plan_ms) const;
  std::int64_t gap_after(std::int64_t position_ms, std::size_t segment) const;
  void lead_in(std::vector<Prompt>& out, const SessionView& view, bool first);

  const Plan& m_plan;
  PromptOptions m_options;
  std::vector<std::int64_t> m_timed_at;  // the timed prompts' offsets: what is said at a
                                         // boundary leaves room for them
  std::vector<bool> m_introduced;        // per step: its instruction was queued once
  std::vector<Prompt> m_pending;         // title and instruction sentences of m_pending_step
  std::size_t m_pending_step = 0;
  std::optional<std::size_t> m_announced;  // queued in the lead-in, before its step_start
  bool m_started = false;                  // the first lead-in is over
};

}  // namespace backcare
