#include "config/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "json/json_fields.hpp"
#include "routine/loader.hpp"

namespace backcare {

const std::vector<std::string> k_config_keys = {
    "$schema", "color",        "bell",        "speak",         "lead_in", "ask_after_session",
    "log",     "routine_dirs", "week_starts", "day_starts_at", "goals",   "name",
    "tones",   "night",        "big",         "voice",         "rate"};

const std::vector<std::string> k_weekday_names = {"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

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

// Checks one config document, collecting every problem.
class ConfigChecker {
 public:
  ConfigChecker(const JsonDocument& document, const std::string& source)
      : m_doc(document), m_source(source) {}

  ConfigResult check() {
    ConfigResult out;
    const Json& root = m_doc.value;
    if (!root.is_object()) {
      error("", fmt::format("a config file is a JSON object, not {}", type_phrase(root)));
      out.errors = std::move(m_errors);
      return out;
    }
    Config& c = out.config;
    for (const auto& [key, value] : root.items()) {
      const std::string path = json_path_member("", key);
      if (m_doc.reported.count(path) != 0) {
        continue;
      }
      if (key == "$schema") {
        if (!value.is_string()) {
          error(path, fmt::format("must be a string, not {}", type_phrase(value)));
        }
      } else if (key == "color") {
        c.color = boolean(path, value);
      } else if (key == "bell") {
        c.bell = boolean(path, value);
      } else if (key == "speak") {
        c.speak = boolean(path, value);
      } else if (key == "tones") {
        c.tones = boolean(path, value);
      } else if (key == "night") {
        c.night = boolean(path, value);
      } else if (key == "big") {
        c.big = boolean(path, value);
      } else if (key == "ask_after_session") {
        c.ask_after_session = boolean(path, value).value_or(c.ask_after_session);
      } else if (key == "log") {
        c.log = boolean(path, value).value_or(c.log);
      } else if (key == "lead_in") {
        if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 60) {
          error(path, fmt::format("must be a number of seconds from 0 to 60, not {}",
                                  type_phrase(value)));
        } else {
          c.lead_in_seconds = value.get<double>();
        }
      } else if (key == "rate") {
        if (!value.is_number_integer() || value.get<std::int64_t>() < k_min_rate ||
            value.get<std::int64_t>() > k_max_rate) {
          error(path, fmt::format("must be a whole number of words a minute from {} to {}, not {}",
                                  k_min_rate, k_max_rate, type_phrase(value)));
        } else {
          c.rate = static_cast<int>(value.get<std::int64_t>());
        }
      } else if (key == "voice") {
        if (!value.is_string() || !is_voice_name(value.get<std::string>())) {
          error(path, fmt::format("must be an espeak-ng voice name such as \"en-gb\" (letters, "
                                  "digits, - _ + /), not {}",
                                  type_phrase(value)));
        } else {
          c.voice = value.get<std::string>();
        }
      } else if (key == "name") {
        if (!value.is_string() || count_code_points(value.get<std::string>()) > k_max_name_chars) {
          error(path, fmt::format("must be a string of at most {} characters, not {}",
                                  k_max_name_chars, type_phrase(value)));
        } else {
          c.name = value.get<std::string>();
        }
      } else if (key == "routine_dirs") {
        routine_dirs(path, value, c);
      } else if (key == "week_starts") {
        week_starts(path, value, c);
      } else if (key == "day_starts_at") {
        const auto minutes =
            value.is_string() ? parse_clock_time(value.get<std::string>()) : std::nullopt;
        if (!minutes) {
          error(path, fmt::format("must be a time of day \"HH:MM\" such as \"04:00\", not {}",
                                  describe(value)));
        } else {
          c.day_starts_at_minutes = *minutes;
        }
      } else if (key == "goals") {
        goals(path, value, c);
      } else {
        const TextPosition p = m_doc.key_at(path);
        m_errors.push_back(
            {m_source, p.line, p.column, "",
             fmt::format("unknown key \"{}\"{}", sanitize(key), did_you_mean(key, k_config_keys))});
      }
    }
    out.errors = std::move(m_errors);
    return out;
  }

 private:
  void error(const std::string& path, std::string message) {
    if (m_doc.reported.count(path) != 0) {
      return;
    }
    const TextPosition p = m_doc.value_at(path);
    m_errors.push_back({m_source, p.line, p.column, path, std::move(message)});
  }

  // A string value quoted (sanitized), anything else by its type.
  static std::string describe(const Json& value) {
    return value.is_string() ? fmt::format("\"{}\"", sanitize(value.get<std::string>()))
                             : type_phrase(value);
  }

  std::optional<bool> boolean(const std::string& path, const Json& value) {
    if (!value.is_boolean()) {
      error(path, fmt::format("must be true or false, not {}", type_phrase(value)));
      return std::nullopt;
    }
    return value.get<bool>();
  }

  void routine_dirs(const std::string& path, const Json& value, Config& c) {
    if (!value.is_array()) {
      error(path, fmt::format("must be an array of folder names, not {}", type_phrase(value)));
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Json& dir = value[i];
      if (!dir.is_string() || dir.get<std::string>().empty() ||
          count_code_points(dir.get<std::string>()) > k_max_dir_chars ||
          dir.get<std::string>().find('\0') != std::string::npos) {
        error(json_path_index(path, i),
              fmt::format("must be a folder name (a non-empty string), not {}", describe(dir)));
      } else {
        c.routine_dirs.push_back(dir.get<std::string>());
      }
    }
  }

  void week_starts(const std::string& path, const Json& value, Config& c) {
    const std::string day = value.is_string() ? value.get<std::string>() : "";
    const auto it = std::find(k_weekday_names.begin(), k_weekday_names.end(), day);
    if (it == k_weekday_names.end()) {
      error(path, fmt::format("must be a day of the week, \"monday\" to \"sunday\", not {}{}",
                              describe(value), did_you_mean(day, k_weekday_names)));
      return;
    }
    c.week_starts = static_cast<int>(it - k_weekday_names.begin());
  }

  void goals(const std::string& path, const Json& value, Config& c) {
    if (!value.is_object()) {
      error(path, fmt::format("must be an object of routine names, such as {{\"night-release\": "
                              "{{\"nights\": 5, \"of\": 7}}}}, not {}",
                              type_phrase(value)));
      return;
    }
    c.goals.clear();
    for (const auto& [routine, goal] : value.items()) {
      const std::string gpath = json_path_member(path, routine);
      if (!is_routine_name(routine)) {
        const TextPosition p = m_doc.key_at(gpath);
        m_errors.push_back({m_source, p.line, p.column, path,
                            fmt::format("\"{}\" is not a routine name (lower-case letters, digits "
                                        "and '-', at most 40 characters)",
                                        sanitize(routine))});
        continue;
      }
      if (!goal.is_object()) {
        error(gpath, fmt::format("must be an object such as {{\"nights\": 5, \"of\": 7}}, not {}",
                                 type_phrase(goal)));
        continue;
      }
      Goal g;
      bool good = true;
      for (const auto& [key, member] : goal.items()) {
        const std::string mpath = json_path_member(gpath, key);
        if (key == "nights") {
          if (!member.is_number_integer() || member.get<std::int64_t>() < 0 ||
              member.get<std::int64_t>() > 7) {
            error(mpath,
                  fmt::format("must be a whole number from 0 to 7, not {}", type_phrase(member)));
            good = false;
          } else {
            g.nights = static_cast<int>(member.get<std::int64_t>());
          }
        } else if (key == "of") {
          if (!member.is_number_integer() || member.get<std::int64_t>() != 7) {
            error(mpath, fmt::format("must be 7 (a goal counts the nights of a week), not {}",
                                     type_phrase(member)));
            good = false;
          }
        } else {
          const TextPosition p = m_doc.key_at(mpath);
          m_errors.push_back({m_source, p.line, p.column, gpath,
                              fmt::format("unknown key \"{}\"{}", sanitize(key),
                                          did_you_mean(key, {"nights", "of"}))});
          good = false;
        }
      }
      if (good && !goal.contains("nights")) {
        error(gpath, "needs \"nights\": how many nights of the week");
        good = false;
      }
      if (good) {
        c.goals[routine] = g;
      }
    }
  }

  const JsonDocument& m_doc;
  const std::string& m_source;
  Diagnostics m_errors;
};

}  // namespace

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
  return ConfigChecker(document, source).check();
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
  const auto opt = [](const auto& value) { return value ? Json(*value) : Json(nullptr); };
  Json out = Json::object();
  out["color"] = opt(c.color);
  out["bell"] = opt(c.bell);
  out["speak"] = opt(c.speak);
  out["lead_in"] = opt(c.lead_in_seconds);
  out["ask_after_session"] = c.ask_after_session;
  out["log"] = c.log;
  out["routine_dirs"] = c.routine_dirs;
  out["week_starts"] = k_weekday_names[static_cast<std::size_t>(c.week_starts)];
  out["day_starts_at"] = format_clock_time(c.day_starts_at_minutes);
  Json goals = Json::object();
  for (const auto& [routine, goal] : c.goals) {
    goals[routine] = Json{{"nights", goal.nights}, {"of", goal.of}};
  }
  out["goals"] = goals;
  out["name"] = c.name;
  out["tones"] = opt(c.tones);
  out["night"] = opt(c.night);
  out["big"] = opt(c.big);
  out["voice"] = opt(c.voice);
  out["rate"] = opt(c.rate);
  return out;
}

}  // namespace backcare
