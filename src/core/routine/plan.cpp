#include "routine/plan.hpp"

#include <fmt/format.h>

#include "base/duration.hpp"

namespace backcare {
namespace {

// Appends segments while tracking the running offset; every duration is an integer number of
// milliseconds, so the total is exact. A builder that does not `store` only counts, so that
// the real pass can reserve exactly what it needs (a growing vector briefly holds its old and
// new storage: 1.5 times the plan at the worst moment).
class PlanBuilder {
 public:
  PlanBuilder(Plan& plan, bool store) : m_plan(plan), m_store(store) {}

  void add(std::size_t step, Phase phase, std::int64_t duration_ms, const Labels& labels,
           const SharedText& text) {
    if (duration_ms <= 0) {
      return;  // a zero hold is simply not there
    }
    ++m_count;
    if (m_count > k_max_segments || m_offset > k_max_total_ms) {
      return;  // over a limit: keep counting, stop storing; expand() reports it
    }
    ++m_segments;
    if (m_store) {
      m_plan.segments.push_back({step, phase, m_offset, duration_ms, labels, text});
    }
    m_offset += duration_ms;
  }

  // A timed cue counts against the segment limit like a segment: it is stored and shown too.
  void cue(std::size_t step, std::int64_t at_ms, const SharedText& text) {
    ++m_count;
    if (m_count > k_max_segments) {
      return;
    }
    ++m_cues;
    if (m_store) {
      m_plan.cues.push_back({at_ms, step, text});
    }
  }

  std::int64_t offset() const { return m_offset; }
  std::size_t count() const { return m_count; }
  std::size_t segments() const { return m_segments; }  // stored (or, counting, to be stored)
  std::size_t cues() const { return m_cues; }
  bool over_limit() const { return m_count > k_max_segments || m_offset > k_max_total_ms; }

 private:
  Plan& m_plan;
  bool m_store;
  std::int64_t m_offset = 0;
  std::size_t m_count = 0;
  std::size_t m_segments = 0;
  std::size_t m_cues = 0;
};

std::string breath_word(const std::string& breath, const char* movement) {
  return breath == "inhale" ? fmt::format("breathe in as you {}", movement)
                            : fmt::format("breathe out as you {}", movement);
}

std::int64_t breath_cycles(const Step& step) {
  if (step.cycles > 0) {
    return step.cycles;
  }
  const std::int64_t cycle = step.pattern.cycle_ms();
  return cycle > 0 ? std::max<std::int64_t>(1, step.duration_ms / cycle) : 0;
}

void expand_breath(const Step& step, std::size_t index, PlanBuilder& out) {
  const std::int64_t cycles = breath_cycles(step);
  Labels labels;
  labels.cycles = static_cast<int>(cycles);
  // One string per cue for all the cycles.
  const SharedText inhale = step.breath_cues.inhale;
  const SharedText hold = step.breath_cues.hold;
  const SharedText exhale = step.breath_cues.exhale;
  const SharedText hold_empty = step.breath_cues.hold_empty;
  for (std::int64_t c = 1; c <= cycles && !out.over_limit(); ++c) {
    labels.cycle = static_cast<int>(c);
    out.add(index, Phase::inhale, step.pattern.inhale_ms, labels, inhale);
    out.add(index, Phase::hold, step.pattern.hold_ms, labels, hold);
    out.add(index, Phase::exhale, step.pattern.exhale_ms, labels, exhale);
    out.add(index, Phase::hold_empty, step.pattern.hold_empty_ms, labels, hold_empty);
  }
}

// Runs `block` once per side (or once with no side), with a switch segment between sides;
// `block` is given the side's name, one string for all its segments.
template <typename Block>
void for_each_side(const Step& step, std::size_t index, PlanBuilder& out, Block block) {
  if (step.sides.empty()) {
    block(SharedText());
    return;
  }
  for (std::size_t s = 0; s < step.sides.size(); ++s) {
    const SharedText side = step.sides[s];
    if (s > 0) {
      Labels labels;
      labels.side = side;
      out.add(index, Phase::switch_sides, step.switch_ms, labels,
              fmt::format("switch to the {} side", step.sides[s]));
    }
    block(side);
  }
}

void expand_timed(const Step& step, std::size_t index, PlanBuilder& out) {
  std::vector<SharedText> cue_texts;  // one string per cue for all the sides
  cue_texts.reserve(step.cues.size());
  for (const auto& cue : step.cues) {
    cue_texts.emplace_back(cue.text);
  }
  for_each_side(step, index, out, [&](const SharedText& side) {
    Labels labels;
    labels.side = side;
    const std::int64_t start = out.offset();
    for (std::size_t c = 0; c < step.cues.size(); ++c) {
      out.cue(index, start + step.cues[c].at_ms, cue_texts[c]);
    }
    out.add(index, Phase::work, step.duration_ms, labels,
            side.empty() ? SharedText() : SharedText(fmt::format("{} side", side.str())));
  });
}

void expand_reps(const Step& step, std::size_t index, PlanBuilder& out) {
  // One string per movement for all the reps.
  const SharedText lower_text = breath_word(step.rep_breath.lower, "lower");
  const SharedText lift_text = breath_word(step.rep_breath.lift, "lift");
  const SharedText still_text = "hold still";
  const SharedText rest_text = "rest between sets";
  for_each_side(step, index, out, [&](const SharedText& side) {
    Labels labels;
    labels.side = side;
    labels.sets = static_cast<int>(step.sets);
    labels.reps = static_cast<int>(step.reps);
    for (std::int64_t set = 1; set <= step.sets && !out.over_limit(); ++set) {
      labels.set = static_cast<int>(set);
      if (set > 1) {
        Labels rest = labels;
        rest.rep = 0;
        out.add(index, Phase::rest, step.rest_ms, rest, rest_text);
      }
      for (std::int64_t rep = 1; rep <= step.reps && !out.over_limit(); ++rep) {
        labels.rep = static_cast<int>(rep);
        const auto lower = [&] {
          out.add(index, Phase::lower, step.tempo.lower_ms, labels, lower_text);
        };
        const auto lift = [&] {
          out.add(index, Phase::lift, step.tempo.lift_ms, labels, lift_text);
        };
        if (step.lift_first) {
          lift();
        } else {
          lower();
        }
        out.add(index, Phase::still, step.tempo.still_ms, labels, still_text);
        if (step.lift_first) {
          lower();
        } else {
          lift();
        }
      }
    }
  });
}

}  // namespace

namespace {

constexpr std::string_view k_stretch_words[] = {"stretch", "pose",    "twist",
                                                "roll",    "release", "move"};
// What may follow one of those words in the same word: "stretches", "rolled", "movement".
constexpr std::string_view k_word_endings[] = {"", "s", "es", "d", "ed", "ing", "ment", "ments"};

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `word` (lower case) is `stem` with one of k_word_endings, or `stem` without its final e and
// "ing" ("moving").
bool is_form_of(std::string_view word, std::string_view stem) {
  if (word.size() >= stem.size() && word.compare(0, stem.size(), stem) == 0) {
    const std::string_view ending = word.substr(stem.size());
    for (const std::string_view allowed : k_word_endings) {
      if (ending == allowed) {
        return true;
      }
    }
  }
  return stem.back() == 'e' && word.size() == stem.size() + 2 &&
         word.compare(0, stem.size() - 1, stem, 0, stem.size() - 1) == 0 &&
         word.substr(stem.size() - 1) == "ing";
}

bool names_a_stretch(std::string_view text) {
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_ascii_letter(text[i])) {
      word += static_cast<char>(text[i] | 0x20);  // ASCII lower case
      continue;
    }
    for (const std::string_view stem : k_stretch_words) {
      if (!word.empty() && is_form_of(word, stem)) {
        return true;
      }
    }
    word.clear();
  }
  return false;
}

}  // namespace

bool is_stretch(const Step& step) {
  return step.kind == StepKind::timed &&
         (!step.sides.empty() || names_a_stretch(step.title) || names_a_stretch(step.text));
}

std::string_view phase_name(Phase phase) {
  switch (phase) {
    case Phase::inhale:
      return "inhale";
    case Phase::hold:
      return "hold";
    case Phase::exhale:
      return "exhale";
    case Phase::hold_empty:
      return "hold_empty";
    case Phase::work:
      return "work";
    case Phase::switch_sides:
      return "switch";
    case Phase::lower:
      return "lower";
    case Phase::still:
      return "pause";
    case Phase::lift:
      return "lift";
    case Phase::rest:
      return "rest";
  }
  return "work";
}

std::string_view phase_display(Phase phase) {
  switch (phase) {
    case Phase::inhale:
      return "INHALE";
    case Phase::hold:
    case Phase::hold_empty:
      return "HOLD";
    case Phase::exhale:
      return "EXHALE";
    case Phase::work:
      return "WORK";
    case Phase::switch_sides:
      return "SWITCH SIDES";
    case Phase::lower:
      return "LOWER";
    case Phase::still:
      return "HOLD";  // the still moment of a rep; "PAUSED" is the session
    case Phase::lift:
      return "LIFT";
    case Phase::rest:
      return "REST";
  }
  return "WORK";
}

std::string Labels::format() const {
  std::string out;
  const auto add = [&](const std::string& part) {
    if (!out.empty()) {
      out += " · ";
    }
    out += part;
  };
  if (rounds > 0) {
    add(fmt::format("round {}/{}", round, rounds));
  }
  if (cycles > 0) {
    add(fmt::format("cycle {}/{}", cycle, cycles));
  }
  if (sets > 0) {
    add(fmt::format("set {}/{}", set, sets));
  }
  if (reps > 0 && rep > 0) {
    add(fmt::format("rep {}/{}", rep, reps));
  }
  if (!side.empty()) {
    add(fmt::format("side {}", side.str()));
  }
  return out;
}

namespace {

// One pass over the steps: into `plan` when the builder stores, else only counting.
void expand_steps(const Routine& routine, Plan& plan, PlanBuilder& builder, bool store) {
  for (std::size_t i = 0; i < routine.steps.size() && !builder.over_limit(); ++i) {
    const Step& step = routine.steps[i];
    const std::int64_t start_ms = builder.offset();
    const std::size_t first_segment = builder.segments();
    switch (step.kind) {
      case StepKind::breath:
        expand_breath(step, i, builder);
        break;
      case StepKind::timed:
        expand_timed(step, i, builder);
        break;
      case StepKind::reps:
        expand_reps(step, i, builder);
        break;
      case StepKind::rest:
        builder.add(i, Phase::rest, step.duration_ms, {}, SharedText());
        break;
    }
    if (!store) {
      continue;
    }
    PlanStep plan_step;
    plan_step.kind = step.kind;
    plan_step.title = step.title;
    plan_step.text = step.text;
    plan_step.stretch = is_stretch(step);
    plan_step.start_ms = start_ms;
    plan_step.first_segment = first_segment;
    plan_step.end_segment = plan.segments.size();
    for (std::size_t k = plan_step.first_segment; k < plan_step.end_segment; ++k) {
      plan.segments[k].labels.round = step.round;
      plan.segments[k].labels.rounds = step.rounds;
    }
    plan_step.duration_ms = builder.offset() - plan_step.start_ms;
    plan.steps.push_back(std::move(plan_step));
  }
}

}  // namespace

namespace {

// The limit a plan of `count` segments and cues lasting `total_ms` exceeds, if any.
Diagnostics limit_errors(const Routine& routine, std::size_t count, std::int64_t total_ms) {
  Diagnostics errors;
  if (count > k_max_segments) {
    errors.push_back(
        {routine.source, 0, 0, "steps",
         fmt::format("expands to more than {} timed segments (the limit); use fewer cycles, "
                     "sets or reps",
                     k_max_segments)});
  } else if (total_ms > k_max_total_ms) {
    errors.push_back({routine.source, 0, 0, "steps",
                      fmt::format("total planned time is more than the limit of 24 hours")});
  }
  return errors;
}

}  // namespace

PlanSize measure_plan(const Routine& routine) {
  Plan unused;
  PlanBuilder counter(unused, false);
  expand_steps(routine, unused, counter, false);
  PlanSize size;
  size.segments = counter.segments();
  size.cues = counter.cues();
  size.total_ms = counter.offset();
  size.errors = limit_errors(routine, counter.count(), counter.offset());
  return size;
}

ExpandResult expand(const Routine& routine) {
  ExpandResult result;
  Plan& plan = result.plan;
  plan.name = routine.name;
  plan.title = routine.title;
  plan.description = routine.description;
  plan.source = routine.source;
  {
    const PlanSize size = measure_plan(routine);
    plan.steps.reserve(routine.steps.size());
    plan.segments.reserve(size.segments);
    plan.cues.reserve(size.cues);
  }
  PlanBuilder builder(plan, true);
  expand_steps(routine, plan, builder, true);
  plan.total_ms = builder.offset();
  result.errors = limit_errors(routine, builder.count(), plan.total_ms);
  return result;
}

}  // namespace backcare
