#include "routine/loader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/duration.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "json/json_fields.hpp"
#include "json/json_reader.hpp"
#include "routine/compose.hpp"
#include "routine/params.hpp"
#include "routine/plan.hpp"

namespace backcare {
namespace {

const std::vector<std::string> k_kinds = {"breath", "timed", "reps", "rest", "include", "repeat"};

// The step schema: walks a parsed document, building the Routine and recording every problem
// with its place. Typed values come from FieldReader, parameters from ParamScope, "include"
// and "repeat" from compose.cpp.
class Validator {
 public:
  Validator(const JsonDocument& document, const std::string& source, Diagnostics& errors,
            const LoadOptions& options, const IncludeChain& chain, ComposeState& state,
            bool& bad_command_line)
      : m_fields(document, source, errors),
        m_params(m_fields, options.params, bad_command_line),
        m_compose{m_fields, m_params, options, chain, state, bad_command_line} {}

  Routine routine() {
    Routine routine;
    routine.source = m_fields.source();
    const Json& root = m_fields.document().value;
    if (!root.is_object()) {
      error("", fmt::format("expected an object with \"format\", \"name\", \"title\" and "
                            "\"steps\", got {}",
                            type_phrase(root)));
      return routine;
    }
    m_fields.check_keys(
        root, "", {"$schema", "format", "name", "title", "description", "tags", "params", "steps"});
    m_fields.require(root, "", {"format", "name", "title", "steps"});
    FileHead head = read_file_head(m_fields, root);
    routine.name = std::move(head.name);
    routine.title = std::move(head.title);
    routine.description = std::move(head.description);
    if (root.contains("tags")) {
      routine.tags = m_fields.read_string_list(root["tags"], "tags");
    }
    if (root.contains("params")) {
      m_params.read_declarations(root["params"], "params");
    }
    m_params.apply_set_values(routine.name);
    routine.params = m_params.declared();
    if (root.contains("steps")) {
      read_steps(root["steps"], "steps", routine.steps);
      if (routine.steps.size() > k_max_steps) {
        error("steps", fmt::format("expands to more than {} steps (every repeat and included "
                                   "step counts)",
                                   k_max_steps));
      }
    }
    return routine;
  }

 private:
  void error(const std::string& path, std::string message) {
    m_fields.error(path, std::move(message));
  }

  // The duration at `object`.`key`, into `out`, when the key is there.
  void duration_field(const Json& object, const std::string& path, const char* key, bool positive,
                      std::int64_t& out) {
    if (object.contains(key)) {
      out = m_params.read_duration(object[key], path + "." + key, positive);
    }
  }

  void read_steps(const Json& value, const std::string& path, std::vector<Step>& steps) {
    if (!value.is_array()) {
      error(path, fmt::format("expected an array of steps, got {}", type_phrase(value)));
      return;
    }
    if (value.empty()) {
      error(path, "must have at least one step");
      return;
    }
    if (value.size() > k_max_steps) {
      error(path, fmt::format("{} steps is more than the limit of {}", value.size(), k_max_steps));
      return;
    }
    steps.reserve(steps.size() + value.size());  // growing, it would briefly hold two copies
    for (std::size_t i = 0; i < value.size() && steps.size() <= k_max_steps; ++i) {
      read_step(value[i], json_path_index(path, i), steps);
    }
  }

  // The kind of the step at `path`, with its allowed keys checked; nullopt (reported) when it
  // has none or an unknown one. Sets `composite` for "include" and "repeat".
  std::optional<StepKind> read_kind(const Json& value, const std::string& path) {
    const Json& kind = value["kind"];
    const std::string kind_name = kind.is_string() ? kind.get<std::string>() : std::string();
    if (kind_name == "breath") {
      m_fields.check_keys(value, path,
                          {"kind", "title", "text", "pattern", "cycles", "duration", "cues"});
      return StepKind::breath;
    }
    if (kind_name == "timed") {
      m_fields.check_keys(value, path,
                          {"kind", "title", "text", "duration", "sides", "switch", "cues"});
      return StepKind::timed;
    }
    if (kind_name == "reps") {
      m_fields.check_keys(value, path,
                          {"kind", "title", "text", "sets", "reps", "tempo", "breath", "first",
                           "rest", "sides", "switch"});
      return StepKind::reps;
    }
    if (kind_name == "rest") {
      m_fields.check_keys(value, path, {"kind", "title", "text", "duration"});
      return StepKind::rest;
    }
    error(path + ".kind",
          kind.is_string()
              ? fmt::format("unknown kind \"{}\"{}; expected one of \"breath\", \"timed\", "
                            "\"reps\", \"rest\", \"include\", \"repeat\"",
                            sanitize(kind_name), did_you_mean(kind_name, k_kinds))
              : fmt::format("expected a string (\"breath\", \"timed\", \"reps\", \"rest\", "
                            "\"include\" or \"repeat\"), got {}",
                            type_phrase(kind)));
    return std::nullopt;
  }

  // Appends the step at `path` to `steps`: one step, or several for "include" and "repeat".
  void read_step(const Json& value, const std::string& path, std::vector<Step>& steps) {
    if (!value.is_object()) {
      error(path, fmt::format("expected a step object, got {}", type_phrase(value)));
      return;
    }
    if (!value.contains("kind")) {
      error(path,
            "missing required key \"kind\" (one of \"breath\", \"timed\", \"reps\", "
            "\"rest\", \"include\", \"repeat\")");
      return;
    }
    const Json& kind = value["kind"];
    if (kind.is_string() && kind.get_ref<const std::string&>() == "include") {
      read_include(m_compose, value, path, steps);
      return;
    }
    if (kind.is_string() && kind.get_ref<const std::string&>() == "repeat") {
      read_repeat(m_compose, value, path, steps,
                  [this](const Json& v, const std::string& p, std::vector<Step>& s) {
                    read_steps(v, p, s);
                  });
      return;
    }
    const auto step_kind = read_kind(value, path);
    if (!step_kind) {
      return;
    }
    Step step;
    step.kind = *step_kind;
    m_fields.require(value, path, {"title"});
    step.title = m_fields.optional_string(value, path, "title", true).value_or("");
    step.text = m_fields.optional_string(value, path, "text").value_or("");
    switch (step.kind) {
      case StepKind::breath:
        read_breath(value, path, step);
        break;
      case StepKind::timed:
        read_timed(value, path, step);
        break;
      case StepKind::reps:
        read_reps(value, path, step);
        break;
      case StepKind::rest:
        if (m_fields.require(value, path, {"duration"})) {
          duration_field(value, path, "duration", true, step.duration_ms);
        }
        break;
    }
    steps.push_back(std::move(step));
  }

  void read_pattern(const Json& pattern, const std::string& p, Step& step) {
    if (!pattern.is_object()) {
      error(p, fmt::format("expected an object with \"inhale\" and \"exhale\", got {}",
                           type_phrase(pattern)));
      return;
    }
    m_fields.check_keys(pattern, p, {"inhale", "hold", "exhale", "hold_empty"});
    m_fields.require(pattern, p, {"inhale", "exhale"});
    duration_field(pattern, p, "inhale", true, step.pattern.inhale_ms);
    duration_field(pattern, p, "exhale", true, step.pattern.exhale_ms);
    duration_field(pattern, p, "hold", false, step.pattern.hold_ms);
    duration_field(pattern, p, "hold_empty", false, step.pattern.hold_empty_ms);
  }

  void read_breath(const Json& value, const std::string& path, Step& step) {
    if (m_fields.require(value, path, {"pattern"})) {
      read_pattern(value["pattern"], path + ".pattern", step);
    }
    const bool has_cycles = value.contains("cycles");
    const bool has_duration = value.contains("duration");
    if (has_cycles && has_duration) {
      error(path, "give either \"cycles\" or \"duration\", not both");
    } else if (!has_cycles && !has_duration) {
      if (!m_fields.is_suggested(path, "cycles") && !m_fields.is_suggested(path, "duration")) {
        error(path, "missing \"cycles\" or \"duration\" (how long to breathe)");
      }
    } else if (has_cycles) {
      step.cycles = m_params.read_count(value["cycles"], path + ".cycles");
    } else {
      duration_field(value, path, "duration", true, step.duration_ms);
    }
    if (!value.contains("cues")) {
      return;
    }
    const Json& cues = value["cues"];
    const std::string p = path + ".cues";
    if (!cues.is_object()) {
      error(p, fmt::format("expected an object with texts for \"inhale\", \"hold\", "
                           "\"exhale\", \"hold_empty\", got {}",
                           type_phrase(cues)));
      return;
    }
    m_fields.check_keys(cues, p, {"inhale", "hold", "exhale", "hold_empty"});
    step.breath_cues.inhale = m_fields.optional_string(cues, p, "inhale").value_or("");
    step.breath_cues.hold = m_fields.optional_string(cues, p, "hold").value_or("");
    step.breath_cues.exhale = m_fields.optional_string(cues, p, "exhale").value_or("");
    step.breath_cues.hold_empty = m_fields.optional_string(cues, p, "hold_empty").value_or("");
  }

  void read_sides(const Json& value, const std::string& path, Step& step) {
    if (value.contains("sides")) {
      const std::string p = path + ".sides";
      step.sides = m_fields.read_string_list(value["sides"], p);
      if (value["sides"].is_array() && (step.sides.empty() || step.sides.size() > 8)) {
        error(p, "expected 1 to 8 side names, such as [\"left\", \"right\"]");
      }
    }
    if (value.contains("switch")) {
      duration_field(value, path, "switch", false, step.switch_ms);
      if (!value.contains("sides")) {
        error(path + ".switch", "\"switch\" needs \"sides\"");
      }
    }
  }

  void read_timed(const Json& value, const std::string& path, Step& step) {
    if (m_fields.require(value, path, {"duration"})) {
      duration_field(value, path, "duration", true, step.duration_ms);
    }
    read_sides(value, path, step);
    if (value.contains("cues")) {
      read_timed_cues(value["cues"], path + ".cues", step);
    }
  }

  void read_timed_cues(const Json& cues, const std::string& p, Step& step) {
    if (!cues.is_array()) {
      error(p, fmt::format("expected an array of {{\"at\": duration, \"text\": \"...\"}}, got {}",
                           type_phrase(cues)));
      return;
    }
    // Each cue is planned once per side; too many is refused before any is read.
    const std::size_t sides = std::max<std::size_t>(1, step.sides.size());
    if (cues.size() > k_max_segments / sides) {
      error(p, fmt::format("{} cues{} is more than the limit of {} timed cues", cues.size(),
                           sides > 1 ? fmt::format(" on each of {} sides", sides) : "",
                           k_max_segments));
      return;
    }
    step.cues.reserve(cues.size());
    for (std::size_t i = 0; i < cues.size(); ++i) {
      const std::string cp = json_path_index(p, i);
      const Json& cue = cues[i];
      if (!cue.is_object()) {
        error(cp, fmt::format("expected an object {{\"at\": duration, \"text\": \"...\"}}, got {}",
                              type_phrase(cue)));
        continue;
      }
      m_fields.check_keys(cue, cp, {"at", "text"});
      if (!m_fields.require(cue, cp, {"at", "text"})) {
        continue;
      }
      TimedCue timed;
      duration_field(cue, cp, "at", false, timed.at_ms);
      timed.text = m_fields.read_string(cue["text"], cp + ".text", true);
      if (step.duration_ms > 0 && timed.at_ms >= step.duration_ms) {
        error(cp + ".at", fmt::format("must be less than the step's duration ({})",
                                      format_duration(step.duration_ms)));
      }
      step.cues.push_back(std::move(timed));
    }
    std::stable_sort(step.cues.begin(), step.cues.end(),
                     [](const TimedCue& a, const TimedCue& b) { return a.at_ms < b.at_ms; });
  }

  void read_tempo(const Json& tempo, const std::string& p, Step& step) {
    if (!tempo.is_object()) {
      error(p, fmt::format("expected an object with \"lower\", \"pause\" and \"lift\", got {}",
                           type_phrase(tempo)));
      return;
    }
    m_fields.check_keys(tempo, p, {"lower", "pause", "lift"});
    m_fields.require(tempo, p, {"lower", "lift"});
    duration_field(tempo, p, "lower", true, step.tempo.lower_ms);
    duration_field(tempo, p, "pause", false, step.tempo.still_ms);
    duration_field(tempo, p, "lift", true, step.tempo.lift_ms);
  }

  void read_rep_breath(const Json& breath, const std::string& p, Step& step) {
    if (!breath.is_object()) {
      error(p, fmt::format("expected an object such as {{\"lower\": \"inhale\", \"lift\": "
                           "\"exhale\"}}, got {}",
                           type_phrase(breath)));
      return;
    }
    m_fields.check_keys(breath, p, {"lower", "lift"});
    static const std::vector<std::string> k_words = {"inhale", "exhale"};
    const auto word = [&](const char* key, std::string& out) {  // the default stays on error
      if (breath.contains(key)) {
        out = m_fields.read_enum(breath[key], p + "." + key, k_words).value_or(out);
      }
    };
    word("lower", step.rep_breath.lower);
    word("lift", step.rep_breath.lift);
  }

  void read_reps(const Json& value, const std::string& path, Step& step) {
    m_fields.require(value, path, {"sets", "reps", "tempo"});
    if (value.contains("sets")) {
      step.sets = m_params.read_count(value["sets"], path + ".sets");
    }
    if (value.contains("reps")) {
      step.reps = m_params.read_count(value["reps"], path + ".reps");
    }
    if (value.contains("tempo")) {
      read_tempo(value["tempo"], path + ".tempo", step);
    }
    if (value.contains("breath")) {
      read_rep_breath(value["breath"], path + ".breath", step);
    }
    if (value.contains("first")) {
      static const std::vector<std::string> k_first = {"lower", "lift"};
      const auto first = m_fields.read_enum(value["first"], path + ".first", k_first);
      step.lift_first = first && *first == "lift";
    }
    if (value.contains("rest")) {
      duration_field(value, path, "rest", false, step.rest_ms);
    } else if (step.sets > 1 && !m_fields.is_suggested(path, "rest")) {
      error(path, "missing required key \"rest\" (the rest between sets)");
    }
    read_sides(value, path, step);
  }

  FieldReader m_fields;
  ParamScope m_params;
  ComposeContext m_compose;
};

}  // namespace

FileHead read_file_head(FieldReader& fields, const Json& root) {
  FileHead head;
  if (root.contains("format")) {
    const Json& format = root["format"];
    if (!format.is_number_integer() || format.get<std::int64_t>() != 1) {
      fields.error("format", fmt::format("unsupported format {}; this version of backcare reads "
                                         "format 1",
                                         sanitize(format.dump())));
    }
  }
  if (root.contains("$schema")) {
    fields.read_string(root["$schema"], "$schema");  // the path as written, not ["$schema"]
  }
  if (root.contains("name")) {
    head.name = fields.read_string(root["name"], "name");
    if (root["name"].is_string() && !is_routine_name(head.name)) {
      fields.error("name", fmt::format("expected a name of lowercase letters, digits and dashes "
                                       "that starts with a letter or digit (at most 40 "
                                       "characters), got \"{}\"",
                                       sanitize(head.name)));
    }
  }
  head.title = fields.optional_string(root, "", "title", true).value_or("");
  head.description = fields.optional_string(root, "", "description").value_or("");
  return head;
}

LoadResult load_included(std::string_view text, const std::string& source,
                         const LoadOptions& options, const IncludeChain& chain,
                         ComposeState& state) {
  LoadResult result;
  JsonReadResult parsed = read_json(text, source);
  result.errors = std::move(parsed.errors);
  if (parsed.complete) {  // else a syntax error: there is no whole document to check
    Validator validator(parsed.document, source, result.errors, options, chain, state,
                        result.bad_command_line);
    result.routine = validator.routine();
  }
  cap_diagnostics(result.errors, source);
  return result;
}

LoadResult load_routine(std::string_view text, const std::string& source,
                        const LoadOptions& options) {
  LoadResult result;
  try {
    ComposeState state;
    result = load_included(text, source, options, IncludeChain{}, state);
    if (state.loads > k_max_include_loads) {
      result.errors.insert(result.errors.begin(), {source, 0, 0, "", include_limit_message()});
    }
    if (result.ok()) {
      // Only the limits are checked: the plan itself is not built here.
      result.errors = measure_plan(result.routine).errors;
    }
  } catch (const std::exception& e) {
    // Nothing should throw here; if a library does (e.g. bad_alloc), it is still a value.
    result.errors.push_back({source, 0, 0, "", fmt::format("could not be read: {}", e.what())});
  }
  return result;
}

}  // namespace backcare
