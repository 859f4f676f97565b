#include "config/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "json/json_fields.hpp"
#include "routine/routine.hpp"  // is_routine_name

namespace backcare {

namespace {

constexpr std::size_t k_max_name_chars = 200;
constexpr std::size_t k_max_dir_chars = 4096;
constexpr int k_min_rate = 80;
constexpr int k_max_rate = 450;

bool is_voice_name(std::string_view voice) {
  return !voice.empty() && voice.size() <= 64 && voice.front() != '-' &&
         std::all_of(voice.begin(), voice.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '+' || c == '/';
         });
}

// A string value quoted (sanitized), anything else by its type.
std::string describe(const Json& value) {
  return value.is_string() ? fmt::format("\"{}\"", sanitize(value.get<std::string>()))
                           : type_phrase(value);
}

std::optional<bool> read_flag(FieldReader& in, const Json& value, const std::string& path) {
  if (!value.is_boolean()) {
    in.error(path, fmt::format("must be true or false, not {}", type_phrase(value)));
    return std::nullopt;
  }
  return value.get<bool>();
}

template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

void read_lead_in(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 60) {
    in.error(path,
             fmt::format("must be a number of seconds from 0 to 60, not {}", type_phrase(value)));
    return;
  }
  c.lead_in_seconds = value.get<double>();
}

void read_rate(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < k_min_rate ||
      value.get<std::int64_t>() > k_max_rate) {
    in.error(path, fmt::format("must be a whole number of words a minute from {} to {}, not {}",
                               k_min_rate, k_max_rate, type_phrase(value)));
    return;
  }
  c.rate = static_cast<int>(value.get<std::int64_t>());
}

void read_voice(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  if (!value.is_string() || !is_voice_name(value.get<std::string>())) {
    in.error(path, fmt::format("must be an espeak-ng voice name such as \"en-gb\" (letters, "
                               "digits, - _ + /), not {}",
                               type_phrase(value)));
    return;
  }
  c.voice = value.get<std::string>();
}

void read_name(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  if (!value.is_string() || count_code_points(value.get<std::string>()) > k_max_name_chars) {
    in.error(path, fmt::format("must be a string of at most {} characters, not {}",
                               k_max_name_chars, type_phrase(value)));
    return;
  }
  c.name = value.get<std::string>();
}

void read_routine_dirs(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  if (!value.is_array()) {
    in.error(path, fmt::format("must be an array of folder names, not {}", type_phrase(value)));
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const Json& dir = value[i];
    if (!dir.is_string() || dir.get<std::string>().empty() ||
        count_code_points(dir.get<std::string>()) > k_max_dir_chars ||
        dir.get<std::string>().find('\0') != std::string::npos) {
      in.error(json_path_index(path, i),
               fmt::format("must be a folder name (a non-empty string), not {}", describe(dir)));
    } else {
      c.routine_dirs.push_back(dir.get<std::string>());
    }
  }
}

void read_week_starts(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  const std::string day = value.is_string() ? value.get<std::string>() : "";
  const auto it = std::find(k_weekday_names.begin(), k_weekday_names.end(), day);
  if (it == k_weekday_names.end()) {
    in.error(path, fmt::format("must be a day of the week, \"monday\" to \"sunday\", not {}{}",
                               describe(value), did_you_mean(day, k_weekday_names)));
    return;
  }
  c.week_starts = static_cast<int>(it - k_weekday_names.begin());
}

void read_day_starts_at(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  const auto minutes =
      value.is_string() ? parse_clock_time(value.get<std::string>()) : std::nullopt;
  if (!minutes) {
    in.error(path, fmt::format("must be a time of day \"HH:MM\" such as \"04:00\", not {}",
                               describe(value)));
    return;
  }
  c.day_starts_at_minutes = *minutes;
}

// One goal, {"nights": 5, "of": 7}; nullopt after an error.
std::optional<Goal> read_goal(FieldReader& in, const Json& goal, const std::string& path) {
  if (!goal.is_object()) {
    in.error(path, fmt::format("must be an object such as {{\"nights\": 5, \"of\": 7}}, not {}",
                               type_phrase(goal)));
    return std::nullopt;
  }
  const std::size_t errors_before = in.errors().size();
  in.check_keys(goal, path, {"nights", "of"});
  bool good = in.errors().size() == errors_before;
  Goal g;
  if (goal.contains("nights")) {
    const Json& nights = goal["nights"];
    if (!nights.is_number_integer() || nights.get<std::int64_t>() < 0 ||
        nights.get<std::int64_t>() > 7) {
      in.error(json_path_member(path, "nights"),
               fmt::format("must be a whole number from 0 to 7, not {}", type_phrase(nights)));
      good = false;
    } else {
      g.nights = static_cast<int>(nights.get<std::int64_t>());
    }
  }
  if (goal.contains("of")) {
    const Json& of = goal["of"];
    if (!of.is_number_integer() || of.get<std::int64_t>() != 7) {
      in.error(
          json_path_member(path, "of"),
          fmt::format("must be 7 (a goal counts the nights of a week), not {}", type_phrase(of)));
      good = false;
    }
  }
  if (!good) {
    return std::nullopt;
  }
  if (!goal.contains("nights")) {
    in.error(path, "needs \"nights\": how many nights of the week");
    return std::nullopt;
  }
  return g;
}

void read_goals(FieldReader& in, const Json& value, const std::string& path, Config& c) {
  if (!value.is_object()) {
    in.error(path, fmt::format("must be an object of routine names, such as {{\"night-release\": "
                               "{{\"nights\": 5, \"of\": 7}}}}, not {}",
                               type_phrase(value)));
    return;
  }
  c.goals.clear();
  c.goals_set = true;
  for (const auto& [routine, goal] : value.items()) {
    const std::string goal_path = json_path_member(path, routine);
    if (!is_routine_name(routine)) {
      const TextPosition p = in.document().key_at(goal_path);
      in.errors().push_back({in.source(), p.line, p.column, path,
                             fmt::format("\"{}\" is not a routine name (lower-case letters, "
                                         "digits and '-', at most 40 characters)",
                                         sanitize(routine))});
      continue;
    }
    if (const auto g = read_goal(in, goal, goal_path)) {
      c.goals[routine] = *g;
    }
  }
}

Json goals_json(const Config& c) {
  Json goals = Json::object();
  for (const auto& [routine, goal] : c.goals) {
    goals[routine] = Json{{"nights", goal.nights}, {"of", goal.of}};
  }
  return goals;
}

// One key of the config file: how it is read into a Config and how `config show` shows it
// (nullptr: not shown). The table below is the one list of keys: the checker, the unknown-key
// check and config_to_json all go through it.
struct ConfigKey {
  std::string_view name;
  void (*read)(FieldReader& in, const Json& value, const std::string& path, Config& c);
  Json (*show)(const Config& c);
};

// A setting that is unset until the file says true or false.
template <std::optional<bool> Config::*member>
constexpr ConfigKey optional_flag(std::string_view name) {
  return {name,
          [](FieldReader& in, const Json& value, const std::string& path, Config& c) {
            c.*member = read_flag(in, value, path);
          },
          [](const Config& c) { return optional_json(c.*member); }};
}

// A setting that is on or off by default; a bad value keeps the default.
template <bool Config::*member>
constexpr ConfigKey flag(std::string_view name) {
  return {name,
          [](FieldReader& in, const Json& value, const std::string& path, Config& c) {
            c.*member = read_flag(in, value, path).value_or(c.*member);
          },
          [](const Config& c) { return Json(c.*member); }};
}

// In the order docs/config.md lists them, which is also the order of `config show`.
constexpr ConfigKey k_keys[] = {
    {"$schema",
     [](FieldReader& in, const Json& value, const std::string& path, Config&) {
       if (!value.is_string()) {
         in.error(path, fmt::format("must be a string, not {}", type_phrase(value)));
       }
     },
     nullptr},
    optional_flag<&Config::color>("color"),
    optional_flag<&Config::bell>("bell"),
    optional_flag<&Config::speak>("speak"),
    {"lead_in", read_lead_in, [](const Config& c) { return optional_json(c.lead_in_seconds); }},
    flag<&Config::ask_after_session>("ask_after_session"),
    flag<&Config::log>("log"),
    {"routine_dirs", read_routine_dirs, [](const Config& c) { return Json(c.routine_dirs); }},
    {"week_starts", read_week_starts,
     [](const Config& c) {
       return Json(k_weekday_names[static_cast<std::size_t>(c.week_starts)]);
     }},
    {"day_starts_at", read_day_starts_at,
     [](const Config& c) { return Json(format_clock_time(c.day_starts_at_minutes)); }},
    {"goals", read_goals, goals_json},
    {"name", read_name, [](const Config& c) { return Json(c.name); }},
    optional_flag<&Config::tones>("tones"),
    optional_flag<&Config::night>("night"),
    optional_flag<&Config::big>("big"),
    {"voice", read_voice, [](const Config& c) { return optional_json(c.voice); }},
    {"rate", read_rate, [](const Config& c) { return optional_json(c.rate); }},
};

std::vector<std::string> key_names() {
  std::vector<std::string> names;
  for (const ConfigKey& key : k_keys) {
    names.emplace_back(key.name);
  }
  return names;
}

}  // namespace

const std::vector<std::string> k_config_keys = key_names();

const std::vector<std::string> k_weekday_names = {"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

std::optional<int> parse_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') {
    return std::nullopt;
  }
  for (const std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  return hours * 60 + minutes;
}

std::string format_clock_time(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

ConfigResult config_from_json(const JsonDocument& document, const std::string& source) {
  ConfigResult out;
  FieldReader in(document, source, out.errors);
  const Json& root = document.value;
  if (!root.is_object()) {
    in.error("", fmt::format("a config file is a JSON object, not {}", type_phrase(root)));
    return out;
  }
  in.check_keys(root, "", k_config_keys);
  for (const auto& member : root.items()) {
    const std::string& name = member.key();
    const std::string path = json_path_member("", name);
    const auto key = std::find_if(std::begin(k_keys), std::end(k_keys),
                                  [&name](const ConfigKey& k) { return k.name == name; });
    if (key != std::end(k_keys) && document.reported.count(path) == 0) {
      key->read(in, member.value(), path, out.config);
    }
  }
  // In the order of the file, as a reader goes through it: check_keys found the unknown keys
  // in a pass of their own.
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                   });
  return out;
}

ConfigResult parse_config(std::string_view text, const std::string& source) {
  JsonReadResult read = read_json(text, source);
  if (!read.complete) {
    ConfigResult out;
    out.errors = std::move(read.errors);  // one syntax error
    return out;
  }
  ConfigResult out = config_from_json(read.document, source);
  out.errors.insert(out.errors.begin(), read.errors.begin(), read.errors.end());
  cap_diagnostics(out.errors, source);  // the first few, as for a routine file
  return out;
}

Json config_to_json(const Config& c) {
  Json out = Json::object();
  for (const ConfigKey& key : k_keys) {
    if (key.show != nullptr) {
      out[std::string(key.name)] = key.show(c);
    }
  }
  return out;
}

}  // namespace backcare
