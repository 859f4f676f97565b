#include "loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "duration.hpp"
#include "json_reader.hpp"
#include "plan.hpp"
#include "sanitize.hpp"
#include "suggest.hpp"
#include "text.hpp"

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

// The includes that led to the routine being read, outermost first, to catch cycles.
struct IncludeChain {
  std::vector<std::string> keys;
  std::vector<std::string> sources;

  std::string format(const std::string& last) const {
    std::string out;
    for (const auto& source : sources) {
      out += source + " → ";
    }
    return out + last;
  }
};

// Included routines already loaded during one load_routine, by where they were included from
// and with what values: a routine included many times, or through many paths, is read and
// reported once.
using IncludeCache = std::map<std::string, LoadResult>;

LoadResult load_inner(std::string_view text, const std::string& source, const LoadOptions& options,
                      const IncludeChain& chain, IncludeCache& cache);

bool is_param_name(std::string_view name) {
  if (name.empty() || name.size() > 40 || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// "${name}" → "name"; anything else → nullopt.
std::optional<std::string> param_reference(const Json& value) {
  if (!value.is_string()) {
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() < 4 || text.compare(0, 2, "${") != 0 || text.back() != '}') {
    return std::nullopt;
  }
  std::string name = text.substr(2, text.size() - 3);
  return is_param_name(name) ? std::optional<std::string>(name) : std::nullopt;
}

// A number as JSON: an integer when it is whole, so a parameter can stand for a count.
Json number_json(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return Json(static_cast<std::int64_t>(value));
  }
  return Json(value);
}

void apply_group_title(std::vector<Step>& steps, const std::string& title) {
  if (title.empty()) {
    return;
  }
  if (steps.size() == 1) {
    steps[0].title = title;
    return;
  }
  for (auto& step : steps) {
    step.title = title + " · " + step.title;
  }
}

// Walks a parsed document, building the Routine and recording every problem with its place.
class Validator {
 public:
  Validator(const JsonDocument& document, const std::string& source, Diagnostics& errors,
            const LoadOptions& options, const IncludeChain& chain, IncludeCache& cache,
            bool& bad_command_line)
      : m_doc(document),
        m_source(source),
        m_errors(errors),
        m_options(options),
        m_chain(chain),
        m_cache(cache),
        m_bad_command_line(bad_command_line) {}

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
    check_keys(root, "",
               {"$schema", "format", "name", "title", "description", "tags", "params", "steps"});
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
      if (root["name"].is_string() && !is_routine_name(routine.name)) {
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
    if (root.contains("params")) {
      read_params(root["params"], "params");
    }
    apply_param_values(routine.name);
    routine.params = m_params;
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
    if (m_doc.reported.count(path) != 0) {
      return;  // the reader already said what is wrong with this value
    }
    const TextPosition p = m_doc.value_at(path);
    m_errors.push_back({m_source, p.line, p.column, path, std::move(message)});
  }

  void check_keys(const Json& object, const std::string& path,
                  const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        const std::string member = json_path_member(path, key);
        const TextPosition p = m_doc.key_at(member);
        m_errors.push_back(
            {m_source, p.line, p.column, path,
             fmt::format("unknown key \"{}\"{}", sanitize(key), did_you_mean(key, allowed))});
      }
    }
  }

  bool require(const Json& object, const std::string& path, const std::vector<std::string>& keys) {
    bool all = true;
    for (const auto& key : keys) {
      if (!object.contains(key)) {
        error(path, fmt::format("missing required key \"{}\"", key));
        all = false;
      }
    }
    return all;
  }

  const Param* find_param(const std::string& name) const {
    const auto it = std::find_if(m_params.begin(), m_params.end(),
                                 [&](const Param& p) { return p.name == name; });
    return it == m_params.end() ? nullptr : &*it;
  }

  std::vector<std::string> param_names() const {
    std::vector<std::string> names;
    for (const auto& p : m_params) {
      names.push_back(p.name);
    }
    return names;
  }

  void read_params(const Json& value, const std::string& path) {
    if (!value.is_object()) {
      error(path, fmt::format("expected an object of parameters such as {{\"cycles\": "
                              "{{\"default\": 30}}}}, got {}",
                              type_phrase(value)));
      return;
    }
    for (const auto& item : value.items()) {
      // Named references, not structured bindings: lambdas below capture them (clang < 16).
      const std::string& name = item.key();
      const Json& decl = item.value();
      const std::string p = json_path_member(path, name);
      if (!is_param_name(name)) {
        error(p, fmt::format("parameter name \"{}\" must be lowercase letters, digits and _ "
                             "(starting with a letter or _)",
                             sanitize(name)));
        continue;
      }
      if (!decl.is_object()) {
        error(p, fmt::format("expected an object with \"default\", got {}", type_phrase(decl)));
        continue;
      }
      check_keys(decl, p, {"default", "min", "max", "description"});
      Param param;
      param.name = name;
      const auto number = [&](const char* key) -> std::optional<double> {
        if (!decl.contains(key)) {
          return std::nullopt;
        }
        const Json& v = decl[key];
        if (!v.is_number()) {
          error(p + "." + key, fmt::format("expected a number, got {}", type_phrase(v)));
          return std::nullopt;
        }
        return v.get<double>();
      };
      if (!decl.contains("default")) {
        error(p, "missing required key \"default\"");
      }
      const auto def = number("default");
      param.min = number("min");
      param.max = number("max");
      if (decl.contains("description")) {
        param.description = read_string(decl["description"], p + ".description");
      }
      if (param.min && param.max && *param.min > *param.max) {
        error(p, "\"min\" is greater than \"max\"");
      } else if (def) {
        param.default_value = *def;
        if (const auto problem = range_problem(param, *def)) {
          error(p + ".default", *problem);
        }
      }
      m_params.push_back(param);
      m_values[name] = param.default_value;
    }
  }

  static std::optional<std::string> range_problem(const Param& param, double v) {
    const auto show = [](double x) { return number_json(x).dump(); };
    if ((param.min && v < *param.min) || (param.max && v > *param.max)) {
      if (param.min && param.max) {
        return fmt::format("parameter \"{}\" must be from {} to {}, got {}", param.name,
                           show(*param.min), show(*param.max), show(v));
      }
      return param.min ? fmt::format("parameter \"{}\" must be at least {}, got {}", param.name,
                                     show(*param.min), show(v))
                       : fmt::format("parameter \"{}\" must be at most {}, got {}", param.name,
                                     show(*param.max), show(v));
    }
    return std::nullopt;
  }

  // Values set from outside (--set, an include's "with"): each must name a declared parameter
  // and be a number within its range. Problems are reported where the value was set.
  void apply_param_values(const std::string& routine_name) {
    for (const auto& entry : m_options.params) {
      const std::string& name = entry.first;
      const ParamValue& value = entry.second;
      const auto report = [&](std::string message) {
        Diagnostic d = value.where;
        d.message = std::move(message);
        m_errors.push_back(std::move(d));
        m_bad_command_line = m_bad_command_line || value.from_command_line;
      };
      const Param* param = find_param(name);
      if (param == nullptr) {
        report(m_params.empty()
                   ? fmt::format("routine \"{}\" has no parameters", sanitize(routine_name))
                   : fmt::format("routine \"{}\" has no parameter \"{}\"{}", sanitize(routine_name),
                                 sanitize(name), did_you_mean(name, param_names())));
        continue;
      }
      if (!value.value.is_number()) {
        report(fmt::format("parameter \"{}\" expects a number, got {}", name,
                           value.value.is_string()
                               ? "\"" + sanitize(value.value.get<std::string>()) + "\""
                               : type_phrase(value.value)));
        continue;
      }
      const double v = value.value.get<double>();
      if (const auto problem = range_problem(*param, v)) {
        report(*problem);
        continue;
      }
      m_values[name] = v;
    }
  }

  // A value that may be a parameter reference "${name}": the parameter's value in its place,
  // and the parameter's name in `param`. An unknown parameter is reported, and a discarded
  // value (which callers pass over) returned.
  Json deref(const Json& value, const std::string& path, std::string& param) {
    const auto name = param_reference(value);
    if (!name) {
      return value;
    }
    const auto it = m_values.find(*name);
    if (it == m_values.end()) {
      error(path, m_params.empty()
                      ? fmt::format("unknown parameter \"${{{}}}\": the routine declares no "
                                    "\"params\"",
                                    *name)
                      : fmt::format("unknown parameter \"${{{}}}\"{}", *name,
                                    did_you_mean(*name, param_names())));
      return Json(Json::value_t::discarded);
    }
    param = *name;
    return number_json(it->second);
  }

  // A problem with the value at `path`. When it came from parameter `param` and the value was
  // set from outside (--set, an include's "with"), the problem is reported where it was set:
  // that is what has to change.
  void value_error(const std::string& path, const std::string& param, std::string message) {
    if (!param.empty()) {
      const auto it = m_options.params.find(param);
      if (it != m_options.params.end()) {
        Diagnostic d = it->second.where;
        d.message = fmt::format("parameter \"{}\" is used at {}: {}", param, path, message);
        m_errors.push_back(std::move(d));
        m_bad_command_line = m_bad_command_line || it->second.from_command_line;
        return;
      }
      message += fmt::format(" (from parameter \"{}\")", param);
    }
    error(path, std::move(message));
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
  std::int64_t read_duration(const Json& raw, const std::string& path, bool positive) {
    std::string param;
    const Json value = deref(raw, path, param);
    if (value.is_discarded()) {
      return 0;
    }
    std::optional<std::int64_t> ms;
    if (value.is_number()) {
      const double seconds = value.get<double>();
      ms = seconds_to_ms(seconds);
      if (!ms) {
        if (seconds < 0) {
          value_error(path, param, fmt::format("must not be negative, got {}", value.dump()));
        } else if (seconds > 86400) {
          value_error(path, param,
                      fmt::format("{} seconds is longer than the limit of 24 hours", value.dump()));
        } else {
          value_error(path, param,
                      fmt::format("{} is finer than the resolution of 1 ms", value.dump()));
        }
        return 0;
      }
    } else if (value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      if (count_code_points(text) > k_max_string_chars) {
        error(path, fmt::format("string of {} characters is longer than the limit of {}",
                                count_code_points(text), k_max_string_chars));
        return 0;
      }
      ms = parse_duration_string(text);
      if (!ms) {
        error(path, fmt::format("expected a duration such as \"90s\", \"1m30s\", \"10m\" or "
                                "\"1h\" (at most 24 hours, resolution 1 ms), got \"{}\"",
                                sanitize(value.get<std::string>())));
        return 0;
      }
    } else {
      error(path,
            fmt::format("expected a duration (seconds or \"1m30s\"), got {}", type_phrase(value)));
      return 0;
    }
    if (positive && *ms == 0) {
      value_error(path, param, "must be > 0");
    }
    return *ms;
  }

  // A whole number from 1 to k_max_count.
  std::int64_t read_count(const Json& raw, const std::string& path) {
    std::string param;
    const Json value = deref(raw, path, param);
    if (value.is_discarded()) {
      return 0;
    }
    const std::string expected = fmt::format("a whole number from 1 to {}", k_max_count);
    if (value.is_number_integer()) {
      const auto n = value.get<std::int64_t>();
      if (n < 1 || n > k_max_count) {
        value_error(path, param, fmt::format("expected {}, got {}", expected, n));
        return 0;
      }
      return n;
    }
    value_error(path, param, fmt::format("expected {}, got {}", expected, type_phrase(value)));
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
    for (std::size_t i = 0; i < value.size() && steps.size() <= k_max_steps; ++i) {
      read_step(value[i], json_path_index(path, i), steps);
    }
  }

  // Appends the step at `path` to `steps`: one step, or several for "include" and "repeat".
  void read_step(const Json& value, const std::string& path, std::vector<Step>& steps) {
    Step step;
    if (!value.is_object()) {
      error(path, fmt::format("expected a step object, got {}", type_phrase(value)));
      return;
    }
    static const std::vector<std::string> k_kinds = {"breath", "timed",   "reps",
                                                     "rest",   "include", "repeat"};
    if (!value.contains("kind")) {
      error(path,
            "missing required key \"kind\" (one of \"breath\", \"timed\", \"reps\", "
            "\"rest\", \"include\", \"repeat\")");
      return;
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
      check_keys(
          value, path,
          {"kind", "title", "text", "sets", "reps", "tempo", "breath", "rest", "sides", "switch"});
    } else if (kind_name == "rest") {
      step.kind = StepKind::rest;
      check_keys(value, path, {"kind", "title", "text", "duration"});
    } else if (kind_name == "include") {
      read_include(value, path, steps);
      return;
    } else if (kind_name == "repeat") {
      read_repeat(value, path, steps);
      return;
    } else {
      error(kind_path,
            kind.is_string()
                ? fmt::format("unknown kind \"{}\"{}; expected one of \"breath\", \"timed\", "
                              "\"reps\", \"rest\", \"include\", \"repeat\"",
                              sanitize(kind_name), did_you_mean(kind_name, k_kinds))
                : fmt::format("expected a string (\"breath\", \"timed\", \"reps\", \"rest\", "
                              "\"include\" or \"repeat\"), got {}",
                              type_phrase(kind)));
      return;
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
    steps.push_back(std::move(step));
  }

  std::string optional_title(const Json& value, const std::string& path) {
    return value.contains("title") ? read_string(value["title"], path + ".title", true)
                                   : std::string();
  }

  void read_repeat(const Json& value, const std::string& path, std::vector<Step>& steps) {
    check_keys(value, path, {"kind", "title", "times", "steps"});
    require(value, path, {"times", "steps"});
    const std::string title = optional_title(value, path);
    const std::int64_t times =
        value.contains("times") ? read_count(value["times"], path + ".times") : 0;
    std::vector<Step> block;
    if (value.contains("steps")) {
      read_steps(value["steps"], path + ".steps", block);
    }
    apply_group_title(block, title);
    for (std::int64_t round = 1; round <= times && steps.size() <= k_max_steps; ++round) {
      for (const Step& inner : block) {
        Step copy = inner;
        if (copy.rounds == 0) {  // nested repeats: the innermost round is the one shown
          copy.round = static_cast<int>(round);
          copy.rounds = static_cast<int>(times);
        }
        steps.push_back(std::move(copy));
        if (steps.size() > k_max_steps) {
          break;
        }
      }
    }
  }

  void read_include(const Json& value, const std::string& path, std::vector<Step>& steps) {
    check_keys(value, path, {"kind", "title", "routine", "with"});
    if (!require(value, path, {"routine"})) {
      return;
    }
    const std::string title = optional_title(value, path);
    const std::string routine_path = path + ".routine";
    const std::string ref = read_string(value["routine"], routine_path, true);
    LoadOptions options;
    options.resolver = m_options.resolver;
    if (value.contains("with")) {
      const Json& with = value["with"];
      const std::string wp = path + ".with";
      if (!with.is_object()) {
        error(wp, fmt::format("expected an object of parameter values such as {{\"cycles\": 5}}, "
                              "got {}",
                              type_phrase(with)));
        return;
      }
      for (const auto& [name, raw] : with.items()) {
        const std::string vp = json_path_member(wp, name);
        std::string param;
        ParamValue pv;
        pv.value = deref(raw, vp, param);
        const TextPosition pos = m_doc.value_at(vp);
        pv.where = {m_source, pos.line, pos.column, vp, ""};
        if (!pv.value.is_discarded() && m_doc.reported.count(vp) == 0) {
          options.params[name] = std::move(pv);
        }
      }
    }
    if (ref.empty()) {
      return;
    }
    if (m_options.resolver == nullptr) {
      error(routine_path, "includes cannot be resolved here");
      return;
    }
    const auto resolved = m_options.resolver->resolve(ref, m_source);
    if (const auto* problem = std::get_if<std::string>(&resolved)) {
      error(routine_path, *problem);
      return;
    }
    const auto& found = std::get<RoutineResolver::Found>(resolved);
    IncludeChain chain = m_chain;
    chain.keys.push_back(m_options.key.empty() ? m_source : m_options.key);
    chain.sources.push_back(m_source);
    if (std::find(chain.keys.begin(), chain.keys.end(), found.key) != chain.keys.end()) {
      error(routine_path, "include cycle: " + chain.format(found.source));
      return;
    }
    if (chain.keys.size() >= k_max_include_depth) {
      error(routine_path, fmt::format("includes nested deeper than {}: {}", k_max_include_depth,
                                      chain.format(found.source)));
      return;
    }
    options.key = found.key;
    std::string cache_key = fmt::format("{}\n{}", fmt::join(chain.keys, "\n"), found.key);
    for (const auto& [name, set] : options.params) {
      cache_key += fmt::format("\n{}={}@{}", name, set.value.dump(), set.where.format());
    }
    auto cached = m_cache.find(cache_key);
    const bool first = cached == m_cache.end();
    if (first) {
      LoadResult loaded = load_inner(found.text, found.source, options, chain, m_cache);
      cached = m_cache.emplace(cache_key, std::move(loaded)).first;
    }
    const LoadResult& included = cached->second;
    m_bad_command_line = m_bad_command_line || included.bad_command_line;
    if (!included.ok()) {
      if (first) {  // its errors are said once, however often it is included
        m_errors.insert(m_errors.end(), included.errors.begin(), included.errors.end());
      }
      return;
    }
    std::vector<Step> included_steps = included.routine.steps;
    apply_group_title(included_steps, title);
    for (auto& step : included_steps) {
      if (steps.size() > k_max_steps) {
        break;
      }
      steps.push_back(std::move(step));
    }
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
          step.tempo.still_ms = read_duration(tempo["pause"], p + ".pause", false);
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
          if (w.is_string() &&
              (w.get<std::string>() == "inhale" || w.get<std::string>() == "exhale")) {
            out = w.get<std::string>();
          } else {
            error(p + "." + key,
                  fmt::format("expected \"inhale\" or \"exhale\", got {}",
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
  const LoadOptions& m_options;
  const IncludeChain& m_chain;
  IncludeCache& m_cache;
  bool& m_bad_command_line;
  std::vector<Param> m_params;             // declared, in file order
  std::map<std::string, double> m_values;  // each declared parameter's value in force
};

LoadResult load_inner(std::string_view text, const std::string& source, const LoadOptions& options,
                      const IncludeChain& chain, IncludeCache& cache) {
  LoadResult result;
  JsonReadResult parsed = read_json(text, source);
  result.errors = std::move(parsed.errors);
  if (!parsed.complete) {
    return result;  // a syntax error: there is no whole document to check
  }
  Validator validator(parsed.document, source, result.errors, options, chain, cache,
                      result.bad_command_line);
  result.routine = validator.routine();
  return result;
}

}  // namespace

LoadResult load_routine(std::string_view text, const std::string& source,
                        const LoadOptions& options) {
  LoadResult result;
  try {
    IncludeCache cache;
    result = load_inner(text, source, options, IncludeChain{}, cache);
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

bool is_routine_name(std::string_view name) {
  if (name.empty() || name.size() > 40) {
    return false;
  }
  const auto ok_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_char(name[0])) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [&](char c) { return ok_char(c) || c == '-'; });
}

std::variant<std::pair<std::string, ParamValue>, std::string> parse_set_option(
    const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    return fmt::format("--set {}: expected NAME=VALUE, such as cycles=10", sanitize(text));
  }
  const std::string name = text.substr(0, equals);
  const std::string raw = text.substr(equals + 1);
  ParamValue value;
  value.from_command_line = true;
  value.where.source = "--set " + sanitize(text);
  double number = 0;
  const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), number);
  if (ec == std::errc() && ptr == raw.data() + raw.size() && std::isfinite(number)) {
    value.value = number_json(number);
  } else if (const auto ms = parse_duration_string(raw)) {
    value.value = number_json(static_cast<double>(*ms) / 1000.0);
  } else {
    value.value = Json(raw);
  }
  return std::make_pair(name, std::move(value));
}

}  // namespace backcare
