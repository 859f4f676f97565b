#include "prompts/prompts.hpp"

#include <doctest/doctest.h>

#include "routine/loader.hpp"
#include "routine/plan.hpp"

namespace backcare {
namespace {

Plan plan_of(const char* text) {
  const LoadResult loaded = load_routine(text, "p.json");
  REQUIRE(loaded.ok());
  return expand(loaded.routine).plan;
}

// Segments: 0 inhale c1, 1 exhale c1, 2 inhale c2, 3 exhale c2 (0-20 s), 4 work left (20-40 s),
// 5 switch (40-45 s), 6 work right (45-65 s), 7 rest step (65-75 s). Cues at 30 s and 55 s.
Plan small_plan() {
  return plan_of(R"({"format": 1, "name": "s", "title": "Evening",
    "steps": [
      {"kind": "breath", "title": "Breathe", "text": "Lie down. Breathe slowly.",
       "pattern": {"inhale": 4, "exhale": 6}, "cycles": 2},
      {"kind": "timed", "title": "Twist", "duration": 20, "sides": ["left", "right"],
       "switch": 5, "cues": [{"at": 10, "text": "Breathe into the ribs"}]},
      {"kind": "rest", "title": "Lie still", "duration": 10}
    ]})");
}

SessionEvent event(EventType type, std::size_t step = 0, std::size_t segment = 0,
                   std::int64_t position_ms = 0) {
  SessionEvent out;
  out.type = type;
  out.step = step;
  out.segment = segment;
  out.position_ms = position_ms;
  return out;
}

SessionView view_at(std::size_t step, std::int64_t lead_in_left_ms) {
  SessionView view;
  view.started = true;
  view.step = step;
  view.lead_in_left_ms = lead_in_left_ms;
  return view;
}

std::string said(const std::vector<Prompt>& prompts) {
  std::string out;
  for (const Prompt& prompt : prompts) {
    out += "[" + std::string(prompt_kind_name(prompt.kind)) + "] " + prompt.text + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("prompts::spoken_ms") {
  // 750 ms a phrase, 305 ms a syllable at 160 words a minute, 100 ms a pause inside.
  CHECK(spoken_ms("", 160) == 0);
  CHECK(spoken_ms("Hold", 160) == 1055);
  CHECK(spoken_ms("Breathe in", 160) == 1360);  // the silent "e" of "breathe"
  CHECK(spoken_ms("Arrive: 360° breathing", 160) == 750 + 12 * 305 + 100);
  CHECK(spoken_ms("Breathe in", 175) == 750 + 2 * 278);  // faster speech, shorter syllables
  CHECK(spoken_ms("gentle", 160) == 750 + 2 * 305);      // "-le" is said
}

TEST_CASE("prompts::phase_word") {
  const Plan plan = small_plan();
  CHECK(phase_word(plan, plan.segments[0], 4000, 160) == "Breathe in");
  CHECK(phase_word(plan, plan.segments[1], 6000, 160) == "Breathe out");
  CHECK(phase_word(plan, plan.segments[0], 1500, 160) == "In");  // too short for two words
  CHECK(phase_word(plan, plan.segments[1], 1500, 160) == "Out");
  CHECK(phase_word(plan, plan.segments[0], 1300, 160).empty());  // the tone alone
  CHECK(phase_word(plan, plan.segments[4], 20000, 160) == "left side");
  CHECK(phase_word(plan, plan.segments[5], 5000, 160) == "Switch sides");
  CHECK(phase_word(plan, plan.segments[7], 10000, 160).empty());  // its title says it
}

TEST_CASE("prompts::sentences") {
  CHECK(sentences("Lie down. Breathe slowly.") ==
        std::vector<std::string>{"Lie down.", "Breathe slowly."});
  CHECK(sentences("Wait 2.5 s, then go! Ok?") ==
        std::vector<std::string>{"Wait 2.5 s, then go!", "Ok?"});
  CHECK(sentences("").empty());
}

TEST_CASE("prompts::lead_in_then_phase_word_first") {
  const Plan plan = small_plan();
  Prompter prompter(plan, PromptOptions{SpeechMode::full, 160, 1.0, 3000});
  // The get-ready countdown: the routine's and the step's titles fit 3 s, the instruction not.
  CHECK(said(prompter.on_events({event(EventType::session_start), event(EventType::lead_in)},
                                view_at(0, 3000))) == "[title] Evening\n[title] Breathe\n");
  // At the boundary the phase word comes first; the instruction fits the 4-s inhale after it.
  CHECK(said(prompter.on_events({event(EventType::step_start), event(EventType::phase)},
                                view_at(0, 0))) ==
        "[phase] Breathe in\n[instruction] Lie down.\n[instruction] Breathe slowly.\n");
  CHECK(said(prompter.on_events({event(EventType::phase, 0, 1, 4000)}, view_at(0, 0))) ==
        "[phase] Breathe out\n");
  CHECK(said(prompter.on_events({event(EventType::phase, 0, 2, 10000)}, view_at(0, 0))) ==
        "[phase] Breathe in\n");
  // A timed step: its title after the side, then the cue when it comes.
  CHECK(said(prompter.on_events({event(EventType::step_end), event(EventType::step_start, 1),
                                 event(EventType::phase, 1, 4, 20000)},
                                view_at(1, 0))) == "[phase] left side\n[title] Twist\n");
  SessionEvent cue = event(EventType::cue, 1, 0, 30000);
  cue.cue = 0;
  SessionView view = view_at(1, 0);
  view.segment = 4;
  CHECK(said(prompter.on_events({cue}, view)) == "[cue] Breathe into the ribs\n");
}

TEST_CASE("prompts::brief_leaves_out_instructions") {
  const Plan plan = small_plan();
  Prompter prompter(plan, PromptOptions{SpeechMode::brief, 160, 1.0, 20000});
  CHECK(said(prompter.on_events({event(EventType::session_start), event(EventType::lead_in)},
                                view_at(0, 20000))) == "[title] Evening\n[title] Breathe\n");
  Prompter full(plan, PromptOptions{SpeechMode::full, 160, 1.0, 20000});
  CHECK(said(full.on_events({event(EventType::session_start), event(EventType::lead_in)},
                            view_at(0, 20000))) ==
        "[title] Evening\n[title] Breathe\n[instruction] Lie down.\n"
        "[instruction] Breathe slowly.\n");
  // Said once: the step started again (back) has its title, not its instruction.
  CHECK(said(full.on_events(
            {event(EventType::back), event(EventType::step_start), event(EventType::phase)},
            view_at(0, 0))) == "[phase] Breathe in\n[title] Breathe\n");
}

TEST_CASE("prompts::no_lead_in_says_the_title_once") {
  const Plan plan = plan_of(R"({"format": 1, "name": "b", "title": "Breathing",
    "steps": [{"kind": "breath", "title": "Breathing", "pattern": {"inhale": 4, "exhale": 6},
               "cycles": 2}]})");
  Prompter prompter(plan, PromptOptions{SpeechMode::full, 160, 1.0, 0});
  CHECK(said(prompter.on_events({event(EventType::session_start), event(EventType::step_start),
                                 event(EventType::phase)},
                                view_at(0, 0))) == "[phase] Breathe in\n[title] Breathing\n");
}

TEST_CASE("prompts::a_title_too_long_for_the_inhale_waits_for_the_exhale") {
  const Plan plan = plan_of(R"({"format": 1, "name": "b", "title": "Night",
    "steps": [{"kind": "breath", "title": "Arrive: 360° breathing",
               "pattern": {"inhale": 4, "exhale": 6}, "cycles": 2}]})");
  Prompter prompter(plan, PromptOptions{SpeechMode::full, 160, 1.0, 0});
  CHECK(said(prompter.on_events({event(EventType::session_start), event(EventType::step_start),
                                 event(EventType::phase)},
                                view_at(0, 0))) == "[phase] Breathe in\n");
  CHECK(said(prompter.on_events({event(EventType::phase, 0, 1, 4000)}, view_at(0, 0))) ==
        "[phase] Breathe out\n[title] Arrive: 360° breathing\n");
}

TEST_CASE("prompts::resume_and_end") {
  const Plan plan = small_plan();
  Prompter prompter(plan, PromptOptions{SpeechMode::full, 160, 1.0, 3000});
  prompter.on_events({event(EventType::session_start), event(EventType::lead_in)},
                     view_at(0, 3000));
  CHECK(said(prompter.on_events({event(EventType::pause)}, view_at(0, 0))) == "[status] Paused\n");
  CHECK(said(prompter.on_events({event(EventType::resume), event(EventType::lead_in)},
                                view_at(0, 3000))) ==
        "[status] Get ready\n[instruction] Lie down.\n");  // still waiting from the start
  SessionEvent end = event(EventType::session_end);
  end.status = EndStatus::completed;
  CHECK(said(prompter.on_events({end}, view_at(3, 0))) ==
        "[status] Well done. That is the end of the routine.\n");
  end.status = EndStatus::quit;
  CHECK(prompter.on_events({end}, view_at(3, 0)).empty());
}

TEST_CASE("prompts::timed_prompts") {
  const Plan plan = small_plan();
  // Halfway through each 20-s side is where its cue is: left out. Three, two, one before the
  // switch, a second apart.
  std::vector<TimedPrompt> timed = timed_prompts(plan, PromptOptions{});
  REQUIRE(timed.size() == 3);
  CHECK(timed[0].at_ms == 37000);
  CHECK(timed[0].text == "three");
  CHECK(timed[1].at_ms == 38000);
  CHECK(timed[2].at_ms == 39000);
  CHECK(timed[2].text == "one");
  // At twice the speed a wall second is two plan seconds: "three" at 34 s would overlap the
  // cue at 30 s (said for 2.6 wall seconds, 5.2 plan seconds), so it is left out.
  timed = timed_prompts(plan, PromptOptions{SpeechMode::full, 160, 2.0, 3000});
  REQUIRE(timed.size() == 2);
  CHECK(timed[0].at_ms == 36000);
  CHECK(timed[0].text == "two");
  CHECK(timed[1].at_ms == 38000);
  // Brief: none.
  CHECK(timed_prompts(plan, PromptOptions{SpeechMode::brief, 160, 1.0, 3000}).empty());

  const Plan stretch = plan_of(R"({"format": 1, "name": "t", "title": "T",
    "steps": [{"kind": "timed", "title": "Child's pose", "duration": 60}]})");
  timed = timed_prompts(stretch, PromptOptions{});
  REQUIRE(timed.size() == 2);
  CHECK(timed[0].at_ms == 30000);
  CHECK(timed[0].text == "halfway");
  CHECK(timed[1].at_ms == 50000);
  CHECK(timed[1].text == "ten seconds");
  // Too fast to be said in time: none.
  CHECK(timed_prompts(stretch, PromptOptions{SpeechMode::full, 160, 100.0, 3000}).empty());
}

}  // namespace backcare
