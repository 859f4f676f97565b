#pragma once
// The user's settings (docs/config.md): $XDG_CONFIG_HOME/backcare/config.json, validated here
// from the parsed JSON (pure); src/shell/config_file reads the file. A setting that is absent
// keeps backcare's built-in default, so the optional members mean "not set": the command line
// still wins over the file, and the file over the default.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "json/json_reader.hpp"

namespace backcare {

// How many nights of a week a routine is meant for ("nights": 5, "of": 7).
struct Goal {
  int nights = 5;
  int of = 7;

  bool operator==(const Goal&) const = default;
};

struct Config {
  std::optional<bool> color;              // unset: decided by the terminal (NO_COLOR, tty)
  std::optional<bool> bell;               // unset: on
  std::optional<bool> speak;              // unset: off
  std::optional<double> lead_in_seconds;  // unset: 3; 0..60
  bool ask_after_session = true;          // ask about pain and symptoms after a session
  bool log = true;                        // record sessions in the journal
  std::vector<std::string> routine_dirs;  // more folders of routines, searched in order
  int week_starts = 0;                    // 0 = Monday .. 6 = Sunday
  int day_starts_at_minutes = 240;        // "04:00": earlier practice counts for the evening before
  std::map<std::string, Goal> goals = {{"night-release", Goal{}}};
  bool goals_set = false;            // "goals" is in the file: goals the person chose
  std::string name;                  // for the report ("Report for NAME")
  std::optional<bool> tones;         // unset: off
  std::optional<bool> night;         // unset: off
  std::optional<bool> big;           // unset: off (--big)
  std::optional<std::string> voice;  // espeak-ng voice
  std::optional<int> rate;           // espeak-ng words per minute, 80..450

  bool operator==(const Config&) const = default;
};

// The keys a config file may have, in the order docs/config.md lists them.
extern const std::vector<std::string> k_config_keys;
// "monday" .. "sunday".
extern const std::vector<std::string> k_weekday_names;

struct ConfigResult {
  Config config;
  Diagnostics errors;  // every problem, each "config.json:3:12: lead_in: must be ..."
  bool ok() const { return errors.empty(); }
};

// Validates a parsed config file; `source` names the file in diagnostics.
ConfigResult config_from_json(const JsonDocument& document, const std::string& source);
// read_json + config_from_json.
ConfigResult parse_config(std::string_view text, const std::string& source);

// "04:00" → 240; nullopt unless "HH:MM" with HH 00..23 and MM 00..59.
std::optional<int> parse_clock_time(std::string_view text);
// 240 → "04:00".
std::string format_clock_time(int minutes);

// The config as JSON with every key (defaults filled in; unset optional settings as null), for
// `backcare config show`.
Json config_to_json(const Config& config);

}  // namespace backcare
