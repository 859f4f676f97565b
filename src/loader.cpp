#include "loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "duration.hpp"
#include "json_reader.hpp"
#include "plan.hpp"
#include "sanitize.hpp"
#include "suggest.hpp"

namespace backcare {
namespace {

std::string type_phrase(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::null:
      return "null";
    default:
      return fmt::format("the number {}", value.dump());
  }
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_slug(std::string_view name) {
  if (name.empty() || name.size() > 40) {
    return false;
  }
  const auto ok_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_char(name[0])) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [&](char c) { return ok_char(c) || c == '-'; });
}

// Walks a parsed document, building the Routine and recording every problem with its place.
class Validator {
 public:
  Validator(const JsonDocument& document, const std::string& source, Diagnostics& errors)
      : m_doc(document), m_source(source), m_errors(errors) {}

  Routine routine() {
    Routine routine;
    routine.source = m_source;
    const Json& root = m_doc.value;
    if (!root.is_object()) {
      error("", fmt::format("expected an object with \"format\", \"name\", \"title\" and "
                            "\"steps\", got {}",
                            type_phrase(root)));
      return routine;
    }
    check_keys(root, "", {"$schema", "format", "name", "title", "description", "tags", "steps"});
    require(root, "", {"format", "name", "title", "steps"});
    if (root.contains("format")) {
      const Json& format = root["format"];
      if (!format.is_number_integer() || format.get<std::int64_t>() != 1) {
        error("format", fmt::format("unsupported format {}; this version of backcare reads "
                                    "format 1",
                                    sanitize(format.dump())));
      }
    }
    if (root.contains("$schema")) {
      read_string(root["$schema"], "$schema");
    }
    if (root.contains("name")) {
      routine.name = read_string(root["name"], "name");
      if (root["name"].is_string() && !is_slug(routine.name)) {
        error("name", fmt::format("expected a name of lowercase letters, digits and dashes "
                                  "that starts with a letter or digit (at most 40 characters), "
                                  "got \"{}\"",
                                  sanitize(routine.name)));
      }
    }
    if (root.contains("title")) {
      routine.title = read_string(root["title"], "title", true);
    }
    if (root.contains("description")) {
      routine.description = read_string(root["description"], "description");
    }
    if (root.contains("tags")) {
      routine.tags = read_string_list(root["tags"], "tags");
    }
    if (root.contains("steps")) {
      read_steps(root["steps"], "steps", routine.steps);
    }
    return routine;
  }

 private:
  void error(const std::string& path, std::string message) {
    const TextPosition p = m_doc.value_at(path);
    m_errors.push_back({m_source, p.line, p.column, path, std::move(message)});
  }

  void check_keys(const Json& object, const std::string& path,
                  const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        const std::string member = json_path_member(path, key);
        const TextPosition p = m_doc.key_at(member);
        m_errors.push_back({m_source, p.line, p.column, path,
                            fmt::format("unknown key \"{}\"{}", sanitize(key),
                                        did_you_mean(key, allowed))});
      }
    }
  }

  bool require(const Json& object, const std::string& path,
               const std::vector<std::string>& keys) {
    bool all = true;
    for (const auto& key : keys) {
      if (!object.contains(key)) {
        error(path, fmt::format("missing required key \"{}\"", key));
        all = false;
      }
    }
    return all;
  }

  std::string read_string(const Json& value, const std::string& path, bool non_empty = false) {
    if (!value.is_string()) {
      error(path, fmt::format("expected a string, got {}", type_phrase(value)));
      return {};
    }
    std::string text = value.get<std::string>();
    if (count_code_points(text) > k_max_string_chars) {
      error(path, fmt::format("string of {} characters is longer than the limit of {}",
                              count_code_points(text), k_max_string_chars));
    } else if (non_empty && text.empty()) {
      error(path, "must not be empty");
    }
    return text;
  }

  std::vector<std::string> read_string_list(const Json& value, const std::string& path) {
    std::vector<std::string> out;
    if (!value.is_array()) {
      error(path, fmt::format("expected an array of strings, got {}", type_phrase(value)));
      return out;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      out.push_back(read_string(value[i], json_path_index(path, i), true));
    }
    return out;
  }

  // A duration: seconds as a number, or a string such as "1m30s". `positive` requires > 0.
  std::int64_t read_duration(const Json& value, const std::string& path, bool positive) {
    std::optional<std::int64_t> ms;
    if (value.is_number()) {
      const double seconds = value.get<double>();
      ms = seconds_to_ms(seconds);
      if (!ms) {
        if (seconds < 0) {
          error(path, fmt::format("must not be negative, got {}", value.dump()));
        } else if (seconds > 86400) {
          error(path, fmt::format("{} seconds is longer than the limit of 24 hours",
                                  value.dump()));
        } else {
          error(path, fmt::format("{} is finer than the resolution of 1 ms", value.dump()));
        }
        return 0;
      }
    } else if (value.is_string()) {
      ms = parse_duration_string(value.get<std::string>());
      if (!ms) {
        error(path, fmt::format("expected a duration such as \"90s\", \"1m30s\", \"10m\" or "
                                "\"1h\" (at most 24 hours, resolution 1 ms), got \"{}\"",
                                sanitize(value.get<std::string>())));
        return 0;
      }
    } else {
      if (!value.is_null()) {  // null: a number out of range, already reported
        error(path, fmt::format("expected a duration (seconds or \"1m30s\"), got {}",
                                type_phrase(value)));
      }
      return 0;
    }
    if (positive && *ms == 0) {
      error(path, "must be > 0");
    }
    return *ms;
  }

  // A whole number from 1 to k_max_count.
  std::int64_t read_count(const Json& value, const std::string& path) {
    if (value.is_null()) {
      return 0;  // a number out of range, already reported
    }
    const std::string expected = fmt::format("a whole number from 1 to {}", k_max_count);
    if (value.is_number_integer()) {
      const auto n = value.get<std::int64_t>();
      if (n < 1 || n > k_max_count) {
        error(path, fmt::format("expected {}, got {}", expected, n));
        return 0;
      }
      return n;
    }
    error(path, fmt::format("expected {}, got {}", expected, type_phrase(value)));
    return 0;
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
    for (std::size_t i = 0; i < value.size(); ++i) {
      steps.push_back(read_step(value[i], json_path_index(path, i)));
    }
  }

  Step read_step(const Json& value, const std::string& path) {
    Step step;
    if (!value.is_object()) {
      error(path, fmt::format("expected a step object, got {}", type_phrase(value)));
      return step;
    }
    static const std::vector<std::string> k_kinds = {"breath", "timed", "reps", "rest"};
    if (!value.contains("kind")) {
      error(path, "missing required key \"kind\" (one of \"breath\", \"timed\", \"reps\", "
                  "\"rest\")");
      return step;
    }
    const std::string kind_path = path + ".kind";
    const Json& kind = value["kind"];
    const std::string kind_name = kind.is_string() ? kind.get<std::string>() : std::string();
    if (kind_name == "breath") {
      step.kind = StepKind::breath;
      check_keys(value, path, {"kind", "title", "text", "pattern", "cycles", "duration", "cues"});
    } else if (kind_name == "timed") {
      step.kind = StepKind::timed;
      check_keys(value, path, {"kind", "title", "text", "duration", "sides", "switch", "cues"});
    } else if (kind_name == "reps") {
      step.kind = StepKind::reps;
      check_keys(value, path,
                 {"kind", "title", "text", "sets", "reps", "tempo", "breath", "rest", "sides",
                  "switch"});
    } else if (kind_name == "rest") {
      step.kind = StepKind::rest;
      check_keys(value, path, {"kind", "title", "text", "duration"});
    } else {
      error(kind_path,
            kind.is_string()
                ? fmt::format("unknown kind \"{}\"{}; expected one of \"breath\", \"timed\", "
                              "\"reps\", \"rest\"",
                              sanitize(kind_name), did_you_mean(kind_name, k_kinds))
                : fmt::format("expected a string (\"breath\", \"timed\", \"reps\" or "
                              "\"rest\"), got {}",
                              type_phrase(kind)));
      return step;
    }
    require(value, path, {"title"});
    if (value.contains("title")) {
      step.title = read_string(value["title"], path + ".title", true);
    }
    if (value.contains("text")) {
      step.text = read_string(value["text"], path + ".text");
    }
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
        if (require(value, path, {"duration"})) {
          step.duration_ms = read_duration(value["duration"], path + ".duration", true);
        }
        break;
    }
    return step;
  }

  void read_breath(const Json& value, const std::string& path, Step& step) {
    if (require(value, path, {"pattern"})) {
      const Json& pattern = value["pattern"];
      const std::string p = path + ".pattern";
      if (!pattern.is_object()) {
        error(p, fmt::format("expected an object with \"inhale\" and \"exhale\", got {}",
                             type_phrase(pattern)));
      } else {
        check_keys(pattern, p, {"inhale", "hold", "exhale", "hold_empty"});
        require(pattern, p, {"inhale", "exhale"});
        if (pattern.contains("inhale")) {
          step.pattern.inhale_ms = read_duration(pattern["inhale"], p + ".inhale", true);
        }
        if (pattern.contains("exhale")) {
          step.pattern.exhale_ms = read_duration(pattern["exhale"], p + ".exhale", true);
        }
        if (pattern.contains("hold")) {
          step.pattern.hold_ms = read_duration(pattern["hold"], p + ".hold", false);
        }
        if (pattern.contains("hold_empty")) {
          step.pattern.hold_empty_ms =
              read_duration(pattern["hold_empty"], p + ".hold_empty", false);
        }
      }
    }
    const bool has_cycles = value.contains("cycles");
    const bool has_duration = value.contains("duration");
    if (has_cycles && has_duration) {
      error(path, "give either \"cycles\" or \"duration\", not both");
    } else if (!has_cycles && !has_duration) {
      error(path, "missing \"cycles\" or \"duration\" (how long to breathe)");
    } else if (has_cycles) {
      step.cycles = read_count(value["cycles"], path + ".cycles");
    } else {
      step.duration_ms = read_duration(value["duration"], path + ".duration", true);
    }
    if (value.contains("cues")) {
      const Json& cues = value["cues"];
      const std::string p = path + ".cues";
      if (!cues.is_object()) {
        error(p, fmt::format("expected an object with texts for \"inhale\", \"hold\", "
                             "\"exhale\", \"hold_empty\", got {}",
                             type_phrase(cues)));
        return;
      }
      check_keys(cues, p, {"inhale", "hold", "exhale", "hold_empty"});
      const auto text = [&](const char* key, std::string& out) {
        if (cues.contains(key)) {
          out = read_string(cues[key], p + "." + key);
        }
      };
      text("inhale", step.breath_cues.inhale);
      text("hold", step.breath_cues.hold);
      text("exhale", step.breath_cues.exhale);
      text("hold_empty", step.breath_cues.hold_empty);
    }
  }

  void read_sides(const Json& value, const std::string& path, Step& step) {
    if (value.contains("sides")) {
      const std::string p = path + ".sides";
      step.sides = read_string_list(value["sides"], p);
      if (value["sides"].is_array() && (step.sides.empty() || step.sides.size() > 8)) {
        error(p, "expected 1 to 8 side names, such as [\"left\", \"right\"]");
      }
    }
    if (value.contains("switch")) {
      step.switch_ms = read_duration(value["switch"], path + ".switch", false);
      if (!value.contains("sides")) {
        error(path + ".switch", "\"switch\" needs \"sides\"");
      }
    }
  }

  void read_timed(const Json& value, const std::string& path, Step& step) {
    if (require(value, path, {"duration"})) {
      step.duration_ms = read_duration(value["duration"], path + ".duration", true);
    }
    read_sides(value, path, step);
    if (!value.contains("cues")) {
      return;
    }
    const Json& cues = value["cues"];
    const std::string p = path + ".cues";
    if (!cues.is_array()) {
      error(p, fmt::format("expected an array of {{\"at\": duration, \"text\": \"...\"}}, got {}",
                           type_phrase(cues)));
      return;
    }
    for (std::size_t i = 0; i < cues.size(); ++i) {
      const std::string cp = json_path_index(p, i);
      const Json& cue = cues[i];
      if (!cue.is_object()) {
        error(cp, fmt::format("expected an object {{\"at\": duration, \"text\": \"...\"}}, got {}",
                              type_phrase(cue)));
        continue;
      }
      check_keys(cue, cp, {"at", "text"});
      if (!require(cue, cp, {"at", "text"})) {
        continue;
      }
      TimedCue timed;
      timed.at_ms = read_duration(cue["at"], cp + ".at", false);
      timed.text = read_string(cue["text"], cp + ".text", true);
      if (step.duration_ms > 0 && timed.at_ms >= step.duration_ms) {
        error(cp + ".at", fmt::format("must be less than the step's duration ({})",
                                      format_duration(step.duration_ms)));
      }
      step.cues.push_back(std::move(timed));
    }
    std::stable_sort(step.cues.begin(), step.cues.end(),
                     [](const TimedCue& a, const TimedCue& b) { return a.at_ms < b.at_ms; });
  }

  void read_reps(const Json& value, const std::string& path, Step& step) {
    require(value, path, {"sets", "reps", "tempo"});
    if (value.contains("sets")) {
      step.sets = read_count(value["sets"], path + ".sets");
    }
    if (value.contains("reps")) {
      step.reps = read_count(value["reps"], path + ".reps");
    }
    if (value.contains("tempo")) {
      const Json& tempo = value["tempo"];
      const std::string p = path + ".tempo";
      if (!tempo.is_object()) {
        error(p, fmt::format("expected an object with \"lower\", \"pause\" and \"lift\", got {}",
                             type_phrase(tempo)));
      } else {
        check_keys(tempo, p, {"lower", "pause", "lift"});
        require(tempo, p, {"lower", "lift"});
        if (tempo.contains("lower")) {
          step.tempo.lower_ms = read_duration(tempo["lower"], p + ".lower", true);
        }
        if (tempo.contains("pause")) {
          step.tempo.pause_ms = read_duration(tempo["pause"], p + ".pause", false);
        }
        if (tempo.contains("lift")) {
          step.tempo.lift_ms = read_duration(tempo["lift"], p + ".lift", true);
        }
      }
    }
    if (value.contains("breath")) {
      const Json& breath = value["breath"];
      const std::string p = path + ".breath";
      if (!breath.is_object()) {
        error(p, fmt::format("expected an object such as {{\"lower\": \"inhale\", \"lift\": "
                             "\"exhale\"}}, got {}",
                             type_phrase(breath)));
      } else {
        check_keys(breath, p, {"lower", "lift"});
        const auto word = [&](const char* key, std::string& out) {
          if (!breath.contains(key)) {
            return;
          }
          const Json& w = breath[key];
          if (w.is_string() && (w.get<std::string>() == "inhale" || w.get<std::string>() == "exhale")) {
            out = w.get<std::string>();
          } else {
            error(p + "." + key, fmt::format("expected \"inhale\" or \"exhale\", got {}",
                                             w.is_string() ? "\"" + sanitize(w.get<std::string>()) + "\""
                                                           : type_phrase(w)));
          }
        };
        word("lower", step.rep_breath.lower);
        word("lift", step.rep_breath.lift);
      }
    }
    if (value.contains("rest")) {
      step.rest_ms = read_duration(value["rest"], path + ".rest", false);
    } else if (step.sets > 1) {
      error(path, "missing required key \"rest\" (the rest between sets)");
    }
    read_sides(value, path, step);
  }

  const JsonDocument& m_doc;
  const std::string& m_source;
  Diagnostics& m_errors;
};

}  // namespace

LoadResult load_routine(std::string_view text, const std::string& source) {
  LoadResult result;
  try {
    JsonReadResult parsed = read_json(text, source);
    result.errors = std::move(parsed.errors);
    if (!parsed.complete) {
      return result;  // a syntax error: there is no whole document to check
    }
    Validator validator(parsed.document, source, result.errors);
    result.routine = validator.routine();
    if (result.ok()) {
      ExpandResult expanded = expand(result.routine);
      result.errors = std::move(expanded.errors);
    }
  } catch (const std::exception& e) {
    // Nothing should throw here; if a library does (e.g. bad_alloc), it is still a value.
    result.errors.push_back({source, 0, 0, "", fmt::format("could not be read: {}", e.what())});
  }
  return result;
}

}  // namespace backcare
