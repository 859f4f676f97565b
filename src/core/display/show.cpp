#include "display/show.hpp"

#include <fmt/format.h>

#include <functional>

#include "base/duration.hpp"
#include "base/layout.hpp"
#include "base/sanitize.hpp"
#include "display/render.hpp"

namespace backcare {
namespace {

constexpr int k_page_width = 80;  // `show` is read in a terminal or a pager

std::string step_summary(const Step& step, const PlanStep& plan_step) {
  switch (step.kind) {
    case StepKind::breath: {
      std::string pattern = fmt::format("in {}", format_duration(step.pattern.inhale_ms));
      if (step.pattern.hold_ms > 0) {
        pattern += fmt::format(" · hold {}", format_duration(step.pattern.hold_ms));
      }
      pattern += fmt::format(" · out {}", format_duration(step.pattern.exhale_ms));
      if (step.pattern.hold_empty_ms > 0) {
        pattern += fmt::format(" · hold {}", format_duration(step.pattern.hold_empty_ms));
      }
      const std::int64_t cycle = step.pattern.cycle_ms();
      const std::int64_t cycles = cycle > 0 ? plan_step.duration_ms / cycle : 0;
      return fmt::format("breathing, {} × {} breaths", pattern, cycles);
    }
    case StepKind::timed:
      if (!step.sides.empty()) {
        return fmt::format("{} per side ({}), {} to switch", format_duration(step.duration_ms),
                           sanitize(fmt::format("{}", fmt::join(step.sides, ", "))),
                           format_duration(step.switch_ms));
      }
      return fmt::format("hold {}", format_duration(step.duration_ms));
    case StepKind::reps: {
      std::string out = fmt::format("{} × {} reps, lower {} · ", step.sets, step.reps,
                                    format_duration(step.tempo.lower_ms));
      if (step.tempo.still_ms > 0) {
        out += fmt::format("pause {} · ", format_duration(step.tempo.still_ms));
      }
      out += fmt::format("lift {}", format_duration(step.tempo.lift_ms));
      if (step.sets > 1) {
        out += fmt::format(", rest {}", format_duration(step.rest_ms));
      }
      if (!step.sides.empty()) {
        out += sanitize(fmt::format(", sides {}", fmt::join(step.sides, ", ")));
      }
      return out;
    }
    case StepKind::rest:
      return "rest";
  }
  return "";
}

}  // namespace

// `text` wrapped to the page width, each line indented by `indent` spaces.
std::string indented(std::string_view text, int indent) {
  std::string out;
  for (const auto& line : wrap_text(text, k_page_width - indent)) {
    out += std::string(static_cast<std::size_t>(indent), ' ') + line + "\n";
  }
  return out;
}

void write_description(const Routine& routine, const Plan& plan,
                       const std::function<void(std::string_view)>& write) {
  std::string out = fmt::format("{} ({})\n", sanitize(routine.title), sanitize(routine.name));
  if (!routine.description.empty()) {
    out += indented(routine.description, 0);
  }
  out += "\n";
  for (std::size_t i = 0; i < routine.steps.size() && i < plan.steps.size(); ++i) {
    write(out);
    out.clear();
    const Step& step = routine.steps[i];
    const PlanStep& plan_step = plan.steps[i];
    const std::string round =
        step.rounds > 0 ? fmt::format("  (round {}/{})", step.round, step.rounds) : "";
    out += fmt::format("{:>3}. {:>7}  {}{}\n", i + 1, format_clock(plan_step.duration_ms),
                       sanitize(step.title), round);
    out += indented(step_summary(step, plan_step), 14);
    if (!step.text.empty()) {
      out += indented(step.text, 14);
    }
    const auto cue_line = [&](const char* label, const std::string& text) {
      if (!text.empty()) {
        out += indented(fmt::format("{}: {}", label, text), 14);
      }
    };
    cue_line("inhale", step.breath_cues.inhale);
    cue_line("hold", step.breath_cues.hold);
    cue_line("exhale", step.breath_cues.exhale);
    cue_line("hold (empty)", step.breath_cues.hold_empty);
    for (const auto& cue : step.cues) {
      out += indented(fmt::format("at {}: {}", format_clock(cue.at_ms), cue.text), 14);
    }
  }
  out += fmt::format("\nTotal {}\n\n", format_clock(plan.total_ms)) + indented(k_safety_note, 0);
  write(out);
}

std::string describe_plan(const Routine& routine, const Plan& plan) {
  std::string out;
  write_description(routine, plan, [&](std::string_view piece) { out += piece; });
  return out;
}

Json labels_to_json(const Labels& l) {
  Json labels = Json::object();
  const auto count = [&](const char* key, int value, const char* total_key, int total) {
    if (total > 0 && value > 0) {
      labels[key] = value;
      labels[total_key] = total;
    }
  };
  count("round", l.round, "rounds", l.rounds);
  count("cycle", l.cycle, "cycles", l.cycles);
  count("set", l.set, "sets", l.sets);
  count("rep", l.rep, "reps", l.reps);
  if (!l.side.empty()) {
    labels["side"] = l.side.str();
  }
  return labels;
}

namespace {

Json step_to_json(const PlanStep& step) {
  return {{"title", step.title},
          {"text", step.text},
          {"start_ms", step.start_ms},
          {"duration_ms", step.duration_ms}};
}

Json segment_to_json(const Segment& segment) {
  return {{"step", segment.step},
          {"phase", phase_name(segment.phase)},
          {"start_ms", segment.start_ms},
          {"duration_ms", segment.duration_ms},
          {"labels", labels_to_json(segment.labels)},
          {"text", segment.text.str()}};
}

Json cue_to_json(const PlanCue& cue) {
  return {{"at_ms", cue.at_ms}, {"step", cue.step}, {"text", cue.text.str()}};
}

// `value` as dump_json(value, 2) would print it `depth` levels down: every line after the
// first indented by 2 × depth more spaces (dump_json escapes newlines inside strings).
std::string dump_nested(const Json& value, int depth) {
  const std::string text = dump_json(value, 2);
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') {
      out += indent;
    }
  }
  return out;
}

// `,\n    ITEM` for each item, as dump_json(..., 2) writes an array two levels down.
template <typename Item, typename ToJson>
void write_array(const std::vector<Item>& items, ToJson to_json,
                 const std::function<void(std::string_view)>& write) {
  if (items.empty()) {
    write("[]");
    return;
  }
  write("[");
  for (std::size_t i = 0; i < items.size(); ++i) {
    write(i == 0 ? "\n    " : ",\n    ");
    write(dump_nested(to_json(items[i]), 2));
  }
  write("\n  ]");
}

}  // namespace

Json plan_to_json(const Plan& plan) {
  Json steps = Json::array();
  for (const auto& step : plan.steps) {
    steps.push_back(step_to_json(step));
  }
  Json segments = Json::array();
  for (const auto& segment : plan.segments) {
    segments.push_back(segment_to_json(segment));
  }
  Json cues = Json::array();
  for (const auto& cue : plan.cues) {
    cues.push_back(cue_to_json(cue));
  }
  return {{"name", plan.name},
          {"title", plan.title},
          {"description", plan.description},
          {"source", plan.source},
          {"total_ms", plan.total_ms},
          {"steps", steps},
          {"segments", segments},
          {"cues", cues}};
}

void write_plan_json(const Plan& plan, const std::function<void(std::string_view)>& write) {
  const auto field = [&](const char* key, const Json& value) {
    write(fmt::format("  {}: {},\n", dump_json(Json(key), -1), dump_json(value, -1)));
  };
  write("{\n");
  field("name", plan.name);
  field("title", plan.title);
  field("description", plan.description);
  field("source", plan.source);
  field("total_ms", plan.total_ms);
  write("  \"steps\": ");
  write_array(plan.steps, step_to_json, write);
  write(",\n  \"segments\": ");
  write_array(plan.segments, segment_to_json, write);
  write(",\n  \"cues\": ");
  write_array(plan.cues, cue_to_json, write);
  write("\n}\n");
}

std::string dump_json(const Json& value, int indent) {
  return value.dump(indent, ' ', true, Json::error_handler_t::replace);
}

}  // namespace backcare
