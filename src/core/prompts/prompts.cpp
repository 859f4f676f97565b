#include "prompts/prompts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace backcare {
namespace {

// espeak-ng at 160 words a minute, measured on every text of the built-in routines (sox):
// a phrase takes at most 750 ms plus 305 ms a syllable plus 100 ms a pause (a comma, a colon,
// a full stop) inside it. Syllables are counted as groups of vowels.
constexpr std::int64_t k_phrase_ms = 750;
constexpr std::int64_t k_syllable_ms_at_160 = 305;
constexpr std::int64_t k_pause_ms = 100;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_vowel(char c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

// How many syllables a token is read with: "360°" is "three hundred and sixty degrees".
int token_syllables(std::string_view token) {
  int syllables = 0;
  int groups = 0;
  bool letters = false;
  bool in_vowels = false;
  std::string word;
  for (std::size_t i = 0; i < token.size();) {
    const auto c = static_cast<unsigned char>(token[i]);
    if (is_digit(token[i])) {
      int run = 0;
      while (i < token.size() && (is_digit(token[i]) || token[i] == ',')) {
        run += is_digit(token[i]) ? 1 : 0;
        ++i;
      }
      syllables += run == 1 ? 1 : run == 2 ? 3 : 2 * run;
      in_vowels = false;
      continue;
    }
    if (token.substr(i, 2) == "\xc2\xb0") {  // the degree sign
      syllables += 2;
      i += 2;
      continue;
    }
    const bool vowel = c >= 0x80 || is_vowel(static_cast<char>(std::tolower(c)));
    if (std::isalpha(c) != 0 || c >= 0x80) {
      letters = true;
      word += static_cast<char>(std::tolower(c));
      groups += vowel && !in_vowels ? 1 : 0;
      in_vowels = vowel;
    } else {
      in_vowels = false;
    }
    ++i;
  }
  // A silent final "e" ("breathe", "side"), but not "-le" ("gentle").
  if (groups > 1 && word.size() > 2 && word.back() == 'e' && word[word.size() - 2] != 'l' &&
      !is_vowel(word[word.size() - 2])) {
    --groups;
  }
  return syllables + (letters ? std::max(groups, 1) : 0);
}

bool is_pause_mark(char c) {
  return c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

std::vector<std::string> words_for(const Plan& plan, const Segment& segment) {
  switch (segment.phase) {
    case Phase::inhale:
      return {"Breathe in", "In"};
    case Phase::exhale:
      return {"Breathe out", "Out"};
    case Phase::hold:
    case Phase::hold_empty:
      return {"Hold"};
    case Phase::work:
      if (segment.labels.side.empty()) {
        return {};
      }
      return {fmt::format("{} side", segment.labels.side.str()), segment.labels.side};
    case Phase::switch_sides:
      return {"Switch sides", "Switch"};
    case Phase::lower:
      return {"Lower"};
    case Phase::still:
      return {};
    case Phase::lift:
      return {"Lift"};
    case Phase::rest:
      // A rest step's title says it; the rest between sets is announced.
      return plan.steps[segment.step].kind == StepKind::rest ? std::vector<std::string>{}
                                                             : std::vector<std::string>{"Rest"};
  }
  return {};
}

// Whether `out` and then `more` (joined as they are said: "A. B") end within `budget_ms`.
bool fits(const std::vector<Prompt>& out, const std::string& more, std::int64_t budget_ms,
          int words_per_minute) {
  return spoken_ms(join_prompts(out) + (out.empty() ? "" : ". ") + more, words_per_minute) +
             k_speech_margin_ms <=
         budget_ms;
}

}  // namespace

std::string join_prompts(const std::vector<Prompt>& prompts) {
  std::string text;
  for (const Prompt& prompt : prompts) {
    text += (text.empty() ? "" : ". ") + prompt.text;
  }
  return text;
}

std::string_view prompt_kind_name(PromptKind kind) {
  switch (kind) {
    case PromptKind::phase:
      return "phase";
    case PromptKind::title:
      return "title";
    case PromptKind::instruction:
      return "instruction";
    case PromptKind::cue:
      return "cue";
    case PromptKind::count:
      return "count";
    case PromptKind::status:
      return "status";
  }
  return "phase";
}

std::int64_t spoken_ms(std::string_view text, int words_per_minute) {
  const std::int64_t syllable_ms = k_syllable_ms_at_160 * 160 / std::max(words_per_minute, 1);
  std::int64_t syllables = 0;
  std::int64_t pauses = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '-')) {
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '-') {
      ++i;
    }
    if (i == start) {
      continue;
    }
    const std::string_view token = text.substr(start, i - start);
    syllables += token_syllables(token);
    pauses += is_pause_mark(token.back()) && i < text.size() ? 1 : 0;
  }
  return syllables == 0 ? 0 : k_phrase_ms + syllables * syllable_ms + pauses * k_pause_ms;
}

std::string phase_word(const Plan& plan, const Segment& segment, std::int64_t wall_ms,
                       int words_per_minute) {
  for (const std::string& word : words_for(plan, segment)) {
    if (spoken_ms(word, words_per_minute) + k_speech_margin_ms <= wall_ms) {
      return word;
    }
  }
  return "";
}

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size() || ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                                          (i + 1 == text.size() || text[i + 1] == ' '));
    if (!end) {
      continue;
    }
    std::string_view part = text.substr(start, std::min(i + 1, text.size()) - start);
    while (!part.empty() && part.front() == ' ') {
      part.remove_prefix(1);
    }
    if (!part.empty()) {
      out.emplace_back(part);
    }
    start = i + 1;
  }
  return out;
}

std::vector<TimedPrompt> timed_prompts(const Plan& plan, const PromptOptions& options) {
  std::vector<TimedPrompt> out;
  if (options.mode != SpeechMode::full || options.speed <= 0) {
    return out;
  }
  const double speed = options.speed;
  const int wpm = options.words_per_minute;
  // Plan ms that `text` takes at `at` (with the margin unless it is a count).
  const auto plan_len = [&](const std::string& text, bool margin) {
    const std::int64_t wall = spoken_ms(text, wpm) + (margin ? k_speech_margin_ms : 0);
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(wall) * speed));
  };
  for (std::size_t i = 0; i < plan.segments.size(); ++i) {
    const Segment& segment = plan.segments[i];
    const bool long_kind = segment.phase == Phase::work || segment.phase == Phase::hold ||
                           segment.phase == Phase::hold_empty || segment.phase == Phase::rest;
    if (!long_kind) {
      continue;
    }
    // A count is one short word said a second before the next: it has that second.
    const auto add = [&](std::int64_t at, const std::string& text, bool margin) {
      const std::int64_t end = margin ? at + plan_len(text, true) : at + std::llround(1000 * speed);
      if (at <= segment.start_ms || end > segment.end_ms()) {
        return;
      }
      for (const PlanCue& cue : plan.cues) {
        if (cue.step == segment.step && cue.at_ms < end &&
            at < cue.at_ms + plan_len(cue.text, true)) {
          return;
        }
      }
      out.push_back({at, text, !margin});
    };
    if (segment.duration_ms >= 20000) {
      add(segment.start_ms + segment.duration_ms / 2, "halfway", true);
    }
    if (segment.duration_ms >= 30000) {
      add(segment.end_ms() - 10000, "ten seconds", true);
    }
    const bool switch_next =
        i + 1 < plan.segments.size() && plan.segments[i + 1].phase == Phase::switch_sides;
    if (switch_next) {
      const char* counts[] = {"three", "two", "one"};
      for (int k = 0; k < 3; ++k) {
        const auto before = static_cast<std::int64_t>(std::llround((3 - k) * 1000 * speed));
        add(segment.end_ms() - before, counts[k], false);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TimedPrompt& a, const TimedPrompt& b) { return a.at_ms < b.at_ms; });
  return out;
}

Prompter::Prompter(const Plan& plan, PromptOptions options)
    : m_plan(plan), m_options(options), m_introduced(plan.steps.size(), false) {
  for (const TimedPrompt& prompt : timed_prompts(plan, options)) {
    m_timed_at.push_back(prompt.at_ms);
  }
}

std::int64_t Prompter::wall(std::int64_t plan_ms) const {
  const double speed = m_options.speed > 0 ? m_options.speed : 1.0;
  return static_cast<std::int64_t>(static_cast<double>(plan_ms) / speed);
}

// Wall ms from `position_ms` to the end of `segment`, or to the next cue or timed prompt inside
// it.
std::int64_t Prompter::gap_after(std::int64_t position_ms, std::size_t segment) const {
  if (segment >= m_plan.segments.size()) {
    return 0;
  }
  std::int64_t end = m_plan.segments[segment].end_ms();
  for (const PlanCue& cue : m_plan.cues) {
    if (cue.at_ms > position_ms && cue.at_ms < end) {
      end = cue.at_ms;
      break;
    }
  }
  const auto timed = std::upper_bound(m_timed_at.begin(), m_timed_at.end(), position_ms);
  if (timed != m_timed_at.end() && *timed < end) {
    end = *timed;
  }
  return wall(end - position_ms);
}

void Prompter::queue_step(std::size_t step) {
  m_pending.clear();
  m_pending_step = step;
  if (step >= m_plan.steps.size()) {
    return;
  }
  const PlanStep& plan_step = m_plan.steps[step];
  if (!plan_step.title.empty()) {
    m_pending.push_back({plan_step.title, PromptKind::title});
  }
  if (m_options.mode == SpeechMode::full && !m_introduced[step]) {
    for (std::string& sentence : sentences(plan_step.text)) {
      m_pending.push_back({std::move(sentence), PromptKind::instruction});
    }
  }
  m_introduced[step] = true;
}

// Moves the waiting titles and sentences, in order, into `out` while they fit `budget_ms`.
void Prompter::fill(std::vector<Prompt>& out, std::int64_t budget_ms) {
  std::size_t taken = 0;
  for (; taken < m_pending.size(); ++taken) {
    if (!fits(out, m_pending[taken].text, budget_ms, m_options.words_per_minute)) {
      break;
    }
    out.push_back(std::move(m_pending[taken]));
  }
  m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(taken));
}

// The get-ready countdown: at the start the routine's and the first step's titles and its
// instruction (as far as they fit), after a resume "Get ready".
void Prompter::lead_in(std::vector<Prompt>& out, const SessionView& view, bool first) {
  const std::int64_t budget = wall(view.lead_in_left_ms);
  const int wpm = m_options.words_per_minute;
  if (!first) {
    if (fits(out, "Get ready", budget, wpm)) {
      out.push_back({"Get ready", PromptKind::status});
    }
    fill(out, budget);
    return;
  }
  queue_step(view.step);
  m_announced = view.step;
  const bool same =
      view.step < m_plan.steps.size() && m_plan.steps[view.step].title == m_plan.title;
  if (!m_plan.title.empty() && !same) {
    // The routine's title only with the step's: the step's is the one that matters.
    const std::vector<Prompt> both = {{m_plan.title, PromptKind::title}};
    if (m_pending.empty() || fits(both, m_pending[0].text, budget, wpm)) {
      out.push_back(both[0]);
    }
  }
  fill(out, budget);
}

std::vector<Prompt> Prompter::on_events(const std::vector<SessionEvent>& events,
                                        const SessionView& view) {
  std::vector<Prompt> out;
  std::vector<Prompt> status;
  const SessionEvent* phase = nullptr;
  const SessionEvent* cue = nullptr;
  bool lead = false;
  for (const SessionEvent& event : events) {
    switch (event.type) {
      case EventType::lead_in:
        lead = true;
        break;
      case EventType::step_start:
        if (m_announced == event.step) {
          m_announced.reset();  // introduced in the lead-in
        } else {
          queue_step(event.step);
        }
        break;
      case EventType::phase:
        phase = event.segment < m_plan.segments.size() ? &event : nullptr;
        break;
      case EventType::cue:
        cue = event.cue < m_plan.cues.size() ? &event : nullptr;
        break;
      case EventType::pause:
        status.push_back({"Paused", PromptKind::status});
        break;
      case EventType::session_end:
        if (reached_end(event.status)) {
          status.push_back({"Well done. That is the end of the routine.", PromptKind::status});
        }
        break;
      case EventType::skip:
      case EventType::back:
        m_pending.clear();
        m_announced.reset();
        break;
      case EventType::session_start:
      case EventType::step_end:
      case EventType::resume:
        break;
    }
  }
  if (lead) {
    lead_in(out, view, !m_started);
    m_started = true;
  } else if (phase != nullptr || cue != nullptr) {
    m_started = true;
    const SessionEvent& at = phase != nullptr ? *phase : *cue;
    const std::int64_t budget =
        gap_after(at.position_ms, phase != nullptr ? at.segment : view.segment);
    const int wpm = m_options.words_per_minute;
    if (phase != nullptr) {
      std::string word = phase_word(m_plan, m_plan.segments[phase->segment], budget, wpm);
      if (!word.empty()) {
        out.push_back({std::move(word), PromptKind::phase});
      }
    }
    if (cue != nullptr && fits(out, m_plan.cues[cue->cue].text, budget, wpm)) {
      out.push_back({m_plan.cues[cue->cue].text, PromptKind::cue});
    }
    fill(out, budget);
  }
  out.insert(out.end(), status.begin(), status.end());
  return out;
}

}  // namespace backcare
