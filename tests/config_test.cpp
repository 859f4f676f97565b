#include "config/config.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config_file.hpp"
#include "env_guard.hpp"

using namespace backcare;
using backcare::testing::EnvGuard;
namespace fs = std::filesystem;

namespace {

std::string errors_of(std::string_view text) {
  const ConfigResult r = parse_config(text, "config.json");
  std::string out;
  for (const auto& e : r.errors) {
    out += e.format() + "\n";
  }
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The ```json blocks after "<!-- example: complete -->" in docs/config.md.
std::vector<std::string> doc_examples() {
  std::istringstream doc(slurp(fs::path(BACKCARE_SOURCE_DIR) / "docs" / "config.md"));
  std::vector<std::string> out;
  std::string line;
  bool wanted = false;
  bool inside = false;
  while (std::getline(doc, line)) {
    if (inside) {
      if (line == "```") {
        inside = false;
      } else {
        out.back() += line + "\n";
      }
    } else if (line == "<!-- example: complete -->") {
      wanted = true;
    } else if (wanted && line == "```json") {
      out.emplace_back();
      inside = true;
      wanted = false;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("config::defaults") {
  const ConfigResult r = parse_config("{}", "config.json");
  CHECK(r.ok());
  CHECK(r.config == Config{});
  CHECK(r.config.week_starts == 0);
  CHECK(r.config.day_starts_at_minutes == 240);
  CHECK(r.config.goals.at("night-release") == Goal{5, 7});
  CHECK(config_to_json(r.config).dump() ==
        R"({"color":null,"bell":null,"speak":null,"lead_in":null,"ask_after_session":true,)"
        R"("log":true,"routine_dirs":[],"week_starts":"monday","day_starts_at":"04:00",)"
        R"("goals":{"night-release":{"nights":5,"of":7}},"name":"","tones":null,"night":null,)"
        R"("big":null,"voice":null,"rate":null})");
}

TEST_CASE("config::every key") {
  const ConfigResult r = parse_config(R"({
  "$schema": "./config.schema.json",
  "color": false, "bell": false, "speak": true, "lead_in": 1.5,
  "ask_after_session": false, "log": false,
  "routine_dirs": ["~/routines", "/srv/physio"],
  "week_starts": "sunday", "day_starts_at": "03:30",
  "goals": {"breathe": {"nights": 7, "of": 7}, "night-release": {"nights": 4}},
  "name": "Ana", "tones": true, "night": true, "big": true, "voice": "en-gb+f3", "rate": 140
})",
                                      "config.json");
  REQUIRE(r.ok());
  const Config& c = r.config;
  CHECK(c.color == false);
  CHECK(c.bell == false);
  CHECK(c.speak == true);
  CHECK(c.lead_in_seconds == 1.5);
  CHECK_FALSE(c.ask_after_session);
  CHECK_FALSE(c.log);
  CHECK(c.routine_dirs == std::vector<std::string>{"~/routines", "/srv/physio"});
  CHECK(c.week_starts == 6);
  CHECK(c.day_starts_at_minutes == 210);
  CHECK(c.goals.size() == 2);
  CHECK(c.goals.at("breathe") == Goal{7, 7});
  CHECK(c.goals.at("night-release") == Goal{4, 7});
  CHECK(c.name == "Ana");
  CHECK(c.tones == true);
  CHECK(c.night == true);
  CHECK(c.big == true);
  CHECK(c.voice == "en-gb+f3");
  CHECK(c.rate == 140);
}

TEST_CASE("config::errors") {
  CHECK(errors_of("{\n  \"colour\": true\n}") ==
        "config.json:2:3: unknown key \"colour\"; did you mean \"color\"?\n");
  CHECK(errors_of(R"({"lead_in": "3"})") ==
        "config.json:1:13: lead_in: must be a number of seconds from 0 to 60, not a string\n");
  CHECK(errors_of(R"({"lead_in": 61})") ==
        "config.json:1:13: lead_in: must be a number of seconds from 0 to 60, not the number "
        "61\n");
  CHECK(errors_of(R"({"bell": 1, "log": "no"})") ==
        "config.json:1:10: bell: must be true or false, not the number 1\n"
        "config.json:1:20: log: must be true or false, not a string\n");
  CHECK(errors_of(R"({"big": "yes"})") ==
        "config.json:1:9: big: must be true or false, not a string\n");
  CHECK(errors_of(R"({"bigg": true})") ==
        "config.json:1:2: unknown key \"bigg\"; did you mean \"big\"?\n");
  CHECK(errors_of(R"({"week_starts": "sundy"})") ==
        "config.json:1:17: week_starts: must be a day of the week, \"monday\" to \"sunday\", not "
        "\"sundy\"; did you mean \"sunday\"?\n");
  CHECK(errors_of(R"({"day_starts_at": "4:00"})") ==
        "config.json:1:19: day_starts_at: must be a time of day \"HH:MM\" such as \"04:00\", not "
        "\"4:00\"\n");
  CHECK(errors_of(R"({"day_starts_at": "24:00"})").find("day_starts_at: must be") !=
        std::string::npos);
  CHECK(errors_of(R"({"rate": 140.5})") ==
        "config.json:1:10: rate: must be a whole number of words a minute from 80 to 450, not "
        "the number 140.5\n");
  CHECK(errors_of(R"({"voice": "--help"})").find("voice: must be an espeak-ng voice") !=
        std::string::npos);
  CHECK(errors_of(R"({"routine_dirs": ["a", ""]})") ==
        "config.json:1:24: routine_dirs[1]: must be a folder name (a non-empty string), not "
        "\"\"\n");
  CHECK(errors_of(R"({"routine_dirs": "a"})") ==
        "config.json:1:18: routine_dirs: must be an array of folder names, not a string\n");
  CHECK(errors_of(R"({"goals": {"night-release": {"nigths": 5}}})") ==
        "config.json:1:30: goals.night-release: unknown key \"nigths\"; did you mean "
        "\"nights\"?\n");
  CHECK(errors_of(R"({"goals": {"night-release": {"nights": 8}}})") ==
        "config.json:1:40: goals.night-release.nights: must be a whole number from 0 to 7, not "
        "the number 8\n");
  CHECK(errors_of(R"({"goals": {"night-release": {"nights": 5, "of": 10}}})") ==
        "config.json:1:49: goals.night-release.of: must be 7 (a goal counts the nights of a "
        "week), not the number 10\n");
  CHECK(errors_of(R"({"goals": {"Night": {"nights": 5}}})") ==
        "config.json:1:12: goals: \"Night\" is not a routine name (lower-case letters, digits "
        "and '-', at most 40 characters)\n");
  CHECK(errors_of(R"({"goals": {"breathe": {}}})") ==
        "config.json:1:23: goals.breathe: needs \"nights\": how many nights of the week\n");
  CHECK(errors_of("[]") == "config.json:1:1: a config file is a JSON object, not an array\n");
  CHECK(errors_of(R"({"bell": true, "bell": false})").find("bell") != std::string::npos);
  CHECK(errors_of("{\"name\": \"Ana\",}").rfind("config.json:1:", 0) == 0);
  CHECK(errors_of(R"({"\u001b[2J": 1})") == "config.json:1:2: unknown key \"\\x1b[2J\"\n");
}

TEST_CASE("config::errors are capped like a routine's") {
  std::string text = "{";
  for (int i = 0; i < 60; ++i) {
    text += fmt::format("{}\"k{}\": 1", i == 0 ? "" : ",\n", i);
  }
  text += "}";
  const ConfigResult r = parse_config(text, "config.json");
  REQUIRE(r.errors.size() == k_max_errors + 1);
  CHECK(r.errors[49].format() == "config.json:50:1: unknown key \"k49\"");
  CHECK(r.errors[50].format() == "config.json: and 10 more errors");
}

// Problems are listed in the order they appear in the file, unknown keys among the others.
TEST_CASE("config::errors in file order") {
  CHECK(errors_of("{\n  \"bell\": 1,\n  \"colr\": true,\n  \"goals\": {\"breathe\": "
                  "{\"nights\": 9, \"off\": 7}}\n}") ==
        "config.json:2:11: bell: must be true or false, not the number 1\n"
        "config.json:3:3: unknown key \"colr\"; did you mean \"color\"?\n"
        "config.json:4:35: goals.breathe.nights: must be a whole number from 0 to 7, not the "
        "number 9\n"
        "config.json:4:38: goals.breathe: unknown key \"off\"; did you mean \"of\"?\n");
}

TEST_CASE("config::clock times") {
  CHECK(parse_clock_time("00:00") == 0);
  CHECK(parse_clock_time("04:00") == 240);
  CHECK(parse_clock_time("23:59") == 1439);
  CHECK_FALSE(parse_clock_time("24:00"));
  CHECK_FALSE(parse_clock_time("12:60"));
  CHECK_FALSE(parse_clock_time("4:00"));
  CHECK_FALSE(parse_clock_time("04-00"));
  CHECK(format_clock_time(210) == "03:30");
}

TEST_CASE("config::file") {
  std::string pattern = (fs::temp_directory_path() / "backcare-config-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  const fs::path dir = pattern;
  SUBCASE("missing: defaults") {
    const ConfigLoad load = load_config_file((dir / "config.json").string());
    CHECK(load.ok());
    CHECK_FALSE(load.found);
    CHECK(load.config == Config{});
  }
  SUBCASE("a folder where the file should be: an error, not the defaults") {
    fs::create_directories(dir / "config.json");
    const ConfigLoad load = load_config_file((dir / "config.json").string());
    CHECK(load.found);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].format() == (dir / "config.json").string() + ": is not a regular file");
  }
  SUBCASE("errors name the file") {
    std::ofstream(dir / "config.json") << "{\n  \"bel\": true\n}\n";
    const ConfigLoad load = load_config_file((dir / "config.json").string());
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].format() ==
          (dir / "config.json").string() + ":2:3: unknown key \"bel\"; did you mean \"bell\"?");
  }
  SUBCASE("~/ in routine_dirs") {
    std::ofstream(dir / "config.json") << R"({"routine_dirs": ["~/r", "/abs"]})";
    const ConfigLoad load = [&] {
      const EnvGuard home("HOME", "/home/ana");
      return load_config_file((dir / "config.json").string());
    }();
    CHECK(load.ok());
    CHECK(load.config.routine_dirs == std::vector<std::string>{"/home/ana/r", "/abs"});
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

// The same files tests/cli/config_schema.sh gives ajv: both must agree on each.
TEST_CASE("config::examples agree with the schema test") {
  const fs::path data = fs::path(BACKCARE_SOURCE_DIR) / "tests" / "data" / "config";
  int good = 0;
  int bad = 0;
  for (const auto& entry : fs::directory_iterator(data / "good")) {
    CAPTURE(entry.path().string());
    const ConfigResult r = parse_config(slurp(entry.path()), entry.path().filename().string());
    CHECK(r.ok());
    ++good;
  }
  for (const auto& entry : fs::directory_iterator(data / "bad")) {
    CAPTURE(entry.path().string());
    const ConfigResult r = parse_config(slurp(entry.path()), entry.path().filename().string());
    CHECK_FALSE(r.ok());
    ++bad;
  }
  CHECK(good >= 3);
  CHECK(bad >= 10);
  const auto examples = doc_examples();
  CHECK(examples.size() >= 2);
  for (const auto& example : examples) {
    CAPTURE(example);
    CHECK(parse_config(example, "docs/config.md").ok());
  }
}

TEST_CASE("config::file on /proc: refused like a routine there, not read") {
  const ConfigLoad load = load_config_file("/proc/self/status");
  CHECK(load.found);
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].format() ==
        "/proc/self/status: is on the /proc pseudo file system, not a regular file");
}
