#include "routine/loader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "routine/plan.hpp"

using backcare::load_routine;
using backcare::LoadResult;
using backcare::StepKind;

// Error lists print one quoted line each when a check fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const auto& line : lines) {
      out += "\n  \"" + line + "\"";
    }
    out += lines.empty() ? "}" : "\n}";
    return out.c_str();
  }
};

namespace {

using Lines = std::vector<std::string>;

Lines errors_of(const std::string& text) {
  Lines out;
  for (const auto& error : load_routine(text, "r.json").errors) {
    out.push_back(error.format());
  }
  return out;
}

// A routine whose only step is `step`, written on line 6 from column 5.
std::string with_step(const std::string& step) {
  return "{\n"
         "  \"format\": 1,\n"
         "  \"name\": \"x\",\n"
         "  \"title\": \"T\",\n"
         "  \"steps\": [\n"
         "    " +
         step +
         "\n"
         "  ]\n"
         "}\n";
}

Lines step_errors(const std::string& step) {
  return errors_of(with_step(step));
}

// A one-line routine with `members` after format, name and title (for root-level checks).
std::string with_root(const std::string& members) {
  return R"({"format": 1, "name": "x", "title": "T", )" + members + "}";
}

const std::string k_rest = R"({"kind": "rest", "title": "r", "duration": 1})";

}  // namespace

TEST_CASE("loader::valid routines") {
  SUBCASE("a minimal routine") {
    const LoadResult result = load_routine(with_step(k_rest), "r.json");
    REQUIRE(result.errors.empty());
    CHECK(result.routine.name == "x");
    CHECK(result.routine.title == "T");
    CHECK(result.routine.source == "r.json");
    REQUIRE(result.routine.steps.size() == 1);
    CHECK(result.routine.steps[0].kind == StepKind::rest);
    CHECK(result.routine.steps[0].duration_ms == 1000);
  }
  SUBCASE("every optional field") {
    const LoadResult result = load_routine(R"({
      "$schema": "./schema.json", "format": 1, "name": "all-2", "title": "All",
      "description": "d", "tags": ["a", "b"],
      "steps": [
        {"kind": "breath", "title": "b", "text": "t",
         "pattern": {"inhale": "4s", "hold": 0, "exhale": 6.5, "hold_empty": "250ms"},
         "duration": "1m", "cues": {"inhale": "in", "hold": "h", "exhale": "out", "hold_empty": "e"}},
        {"kind": "timed", "title": "t", "duration": "1m30s", "sides": ["left", "right"],
         "switch": 0, "cues": [{"at": 60, "text": "late"}, {"at": "0s", "text": "early"}]},
        {"kind": "reps", "title": "r", "sets": 3, "reps": 8,
         "tempo": {"lower": 3, "pause": 0, "lift": 2},
         "breath": {"lower": "exhale", "lift": "inhale"}, "rest": 45, "sides": ["a"], "switch": 3},
        {"kind": "rest", "title": "z", "duration": 0.001}
      ]})",
                                           "r.json");
    REQUIRE(result.errors.empty());
    const auto& r = result.routine;
    CHECK(r.description == "d");
    CHECK(r.tags == std::vector<std::string>{"a", "b"});
    REQUIRE(r.steps.size() == 4);
    CHECK(r.steps[0].pattern.inhale_ms == 4000);
    CHECK(r.steps[0].pattern.hold_ms == 0);
    CHECK(r.steps[0].pattern.exhale_ms == 6500);
    CHECK(r.steps[0].pattern.hold_empty_ms == 250);
    CHECK(r.steps[0].cycles == 0);
    CHECK(r.steps[0].duration_ms == 60'000);
    CHECK(r.steps[0].breath_cues.hold_empty == "e");
    CHECK(r.steps[1].duration_ms == 90'000);
    CHECK(r.steps[1].switch_ms == 0);
    REQUIRE(r.steps[1].cues.size() == 2);
    CHECK(r.steps[1].cues[0].text == "early");  // sorted by time
    CHECK(r.steps[1].cues[1].at_ms == 60'000);
    CHECK(r.steps[2].sets == 3);
    CHECK(r.steps[2].reps == 8);
    CHECK(r.steps[2].tempo.still_ms == 0);
    CHECK(r.steps[2].rep_breath.lower == "exhale");
    CHECK(r.steps[2].rest_ms == 45'000);
    CHECK(r.steps[2].switch_ms == 3'000);
    CHECK(r.steps[3].duration_ms == 1);
  }
  SUBCASE("defaults") {
    const LoadResult result =
        load_routine(with_step(R"({"kind": "reps", "title": "r", "sets": 1, "reps": 2,)"
                               R"( "tempo": {"lower": 1, "lift": 1}, "sides": ["l", "r"]})"),
                     "r.json");
    REQUIRE(result.errors.empty());
    const auto& step = result.routine.steps[0];
    CHECK(step.switch_ms == 5000);
    CHECK(step.rest_ms == 0);  // one set needs no rest
    CHECK(step.rep_breath.lower == "inhale");
    CHECK(step.rep_breath.lift == "exhale");
    CHECK_FALSE(step.lift_first);  // reps lower first unless the step says "first": "lift"
  }
  SUBCASE("first: lift") {
    const LoadResult result =
        load_routine(with_step(R"({"kind": "reps", "title": "r", "sets": 1, "reps": 2,)"
                               R"( "tempo": {"lower": 1, "lift": 1}, "first": "lift"})"),
                     "r.json");
    REQUIRE(result.errors.empty());
    CHECK(result.routine.steps[0].lift_first);
    const LoadResult bad =
        load_routine(with_step(R"({"kind": "reps", "title": "r", "sets": 1, "reps": 2,)"
                               R"( "tempo": {"lower": 1, "lift": 1}, "first": "up"})"),
                     "r.json");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].format().find("steps[0].first") != std::string::npos);
  }
  SUBCASE("a title of 500 two-byte characters is within the limit") {
    std::string title;
    for (int i = 0; i < 500; ++i) {
      title += "\xc3\xa9";
    }
    CHECK(errors_of(R"({"format": 1, "name": "x", "title": ")" + title +
                    R"(", "steps": [{"kind": "rest", "title": "r", "duration": 1}]})")
              .empty());
  }
  SUBCASE("1000 steps and exactly 24 hours are within the limits") {
    std::string steps;
    for (int i = 0; i < 1000; ++i) {
      steps += (i > 0 ? "," : "") + k_rest;
    }
    CHECK(errors_of(with_root(R"("steps": [)" + steps + "]")).empty());
    CHECK(errors_of(
              with_root(R"("steps": [{"kind": "rest", "title": "r", "duration": "23h59m59s"}, )" +
                        k_rest + "]"))
              .empty());
  }
}

TEST_CASE("loader::document errors") {
  SUBCASE("not an object") {
    CHECK(errors_of("[]") ==
          Lines{"r.json:1:1: expected an object with \"format\", \"name\", \"title\" and "
                "\"steps\", got an array"});
    CHECK(errors_of("  \"x\"") ==
          Lines{"r.json:1:3: expected an object with \"format\", \"name\", \"title\" and "
                "\"steps\", got a string"});
  }
  SUBCASE("missing keys") {
    CHECK(errors_of("{}") == Lines{"r.json:1:1: missing required key \"format\"",
                                   "r.json:1:1: missing required key \"name\"",
                                   "r.json:1:1: missing required key \"title\"",
                                   "r.json:1:1: missing required key \"steps\""});
  }
  SUBCASE("unknown key with and without a suggestion") {
    CHECK(errors_of(R"({"format": 1, "name": "x", "titel": "T", "colour": 1, "steps": [)" + k_rest +
                    "]}") == Lines{"r.json:1:28: unknown key \"titel\"; did you mean \"title\"?",
                                   "r.json:1:42: unknown key \"colour\""});
  }
  SUBCASE("format") {
    CHECK(errors_of(R"({"format": 2, "name": "x", "title": "T", "steps": [)" + k_rest + "]}") ==
          Lines{"r.json:1:12: format: unsupported format 2; this version of backcare reads "
                "format 1"});
    CHECK(errors_of(R"({"format": "1", "name": "x", "title": "T", "steps": [)" + k_rest + "]}") ==
          Lines{"r.json:1:12: format: unsupported format \"1\"; this version of backcare reads "
                "format 1"});
    CHECK(errors_of(R"({"format": 1.0, "name": "x", "title": "T", "steps": [)" + k_rest + "]}") ==
          Lines{"r.json:1:12: format: unsupported format 1.0; this version of backcare reads "
                "format 1"});
  }
  SUBCASE("name") {
    const std::string rule =
        "expected a name of lowercase letters, digits and dashes that starts with a letter or "
        "digit (at most 40 characters), got ";
    const auto name_errors = [&](const std::string& name) {
      return errors_of(R"({"format": 1, "name": )" + name + R"(, "title": "T", "steps": [)" +
                       k_rest + "]}");
    };
    CHECK(name_errors(R"("Bad Name")") == Lines{"r.json:1:23: name: " + rule + "\"Bad Name\""});
    CHECK(name_errors(R"("-x")") == Lines{"r.json:1:23: name: " + rule + "\"-x\""});
    CHECK(name_errors(R"("")") == Lines{"r.json:1:23: name: " + rule + "\"\""});
    CHECK(name_errors("\"" + std::string(41, 'a') + "\"") ==
          Lines{"r.json:1:23: name: " + rule + "\"" + std::string(41, 'a') + "\""});
    CHECK(name_errors("\"" + std::string(40, 'a') + "\"").empty());
    CHECK(name_errors(R"("9-lives")").empty());
    CHECK(name_errors("5") == Lines{"r.json:1:23: name: expected a string, got the number 5"});
    CHECK(name_errors(R"("a\u001b[2J")") == Lines{"r.json:1:23: name: " + rule + "\"a\\x1b[2J\""});
  }
  SUBCASE("title") {
    CHECK(errors_of(R"({"format": 1, "name": "x", "title": "", "steps": [)" + k_rest + "]}") ==
          Lines{"r.json:1:37: title: must not be empty"});
    CHECK(errors_of(R"({"format": 1, "name": "x", "title": null, "steps": [)" + k_rest + "]}") ==
          Lines{"r.json:1:37: title: expected a string, got null"});
    CHECK(errors_of(R"({"format": 1, "name": "x", "title": ")" + std::string(501, 't') +
                    R"(", "steps": [)" + k_rest + "]}") ==
          Lines{"r.json:1:37: title: string of 501 characters is longer than the limit of 500"});
  }
  SUBCASE("description and tags") {
    CHECK(errors_of(with_root(R"("description": ")" + std::string(501, 'd') + R"(", "steps": [)" +
                              k_rest + "]")) ==
          Lines{"r.json:1:57: description: string of 501 characters is longer than the limit "
                "of 500"});
    CHECK(errors_of(with_root(R"("tags": "a", "steps": [)" + k_rest + "]")) ==
          Lines{"r.json:1:50: tags: expected an array of strings, got a string"});
    CHECK(errors_of(with_root(R"("tags": ["a", "", true], "steps": [)" + k_rest + "]")) ==
          Lines{"r.json:1:56: tags[1]: must not be empty",
                "r.json:1:60: tags[2]: expected a string, got true"});
  }
  SUBCASE("steps") {
    CHECK(errors_of(with_root(R"("steps": [])")) ==
          Lines{"r.json:1:51: steps: must have at least one step"});
    CHECK(errors_of(with_root(R"("steps": {})")) ==
          Lines{"r.json:1:51: steps: expected an array of steps, got an object"});
    std::string steps;
    for (int i = 0; i < 1001; ++i) {
      steps += (i > 0 ? "," : "") + k_rest;
    }
    CHECK(errors_of(with_root(R"("steps": [)" + steps + "]")) ==
          Lines{"r.json:1:51: steps: 1001 steps is more than the limit of 1000"});
  }
  SUBCASE("a syntax error is the only error") {
    CHECK(errors_of("{\"format\": 2,\n \"name\": \"Bad Name\",\n}") ==
          Lines{"r.json:3:1: trailing comma is not allowed"});
  }
  SUBCASE("duplicate keys") {
    CHECK(errors_of(R"({"format": 1, "name": "x", "name": "y", "title": "T", "steps": [)" + k_rest +
                    "]}") ==
          Lines{"r.json:1:28: name: duplicate key (each key may appear only once)"});
  }
}

TEST_CASE("loader::step errors") {
  SUBCASE("unknown key in steps[2], with its suggestion") {
    const std::string text =
        "{\"format\": 1, \"name\": \"x\", \"title\": \"T\", \"steps\": [\n"
        "  " +
        k_rest +
        ",\n"
        "  " +
        k_rest +
        ",\n"
        "  {\"kind\": \"breath\", \"title\": \"b\",\n"
        "   \"pattern\": {\"inhale\": 4, \"exhale\": 4}, \"cyles\": 3}\n"
        "]}";
    CHECK(errors_of(text) ==
          Lines{"r.json:5:43: steps[2]: unknown key \"cyles\"; did you mean \"cycles\"?"});
  }
  SUBCASE("step shape") {
    CHECK(step_errors("7") ==
          Lines{"r.json:6:5: steps[0]: expected a step object, got the number 7"});
    CHECK(step_errors(R"({"title": "t"})") ==
          Lines{"r.json:6:5: steps[0]: missing required key \"kind\" (one of \"breath\", "
                "\"timed\", \"reps\", \"rest\", \"include\", \"repeat\")"});
    CHECK(
        step_errors(R"({"kind": "braeth", "title": "t"})") ==
        Lines{
            "r.json:6:14: steps[0].kind: unknown kind \"braeth\"; did you mean \"breath\"?; "
            "expected one of \"breath\", \"timed\", \"reps\", \"rest\", \"include\", \"repeat\""});
    CHECK(step_errors(R"({"kind": "yoga", "title": "t"})") ==
          Lines{"r.json:6:14: steps[0].kind: unknown kind \"yoga\"; expected one of \"breath\", "
                "\"timed\", \"reps\", \"rest\", \"include\", \"repeat\""});
    CHECK(step_errors(R"({"kind": 5, "title": "t"})") ==
          Lines{"r.json:6:14: steps[0].kind: expected a string (\"breath\", \"timed\", \"reps\", "
                "\"rest\", \"include\" or \"repeat\"), got the number 5"});
    CHECK(step_errors(R"({"kind": "rest", "duration": 1})") ==
          Lines{"r.json:6:5: steps[0]: missing required key \"title\""});
    CHECK(step_errors(R"({"kind": "rest", "title": ""})") ==
          Lines{"r.json:6:31: steps[0].title: must not be empty",
                "r.json:6:5: steps[0]: missing required key \"duration\""});
  }
  SUBCASE("durations") {
    const auto rest = [](const std::string& duration) {
      return step_errors(R"({"kind": "rest", "title": "r", "duration": )" + duration + "}");
    };
    CHECK(rest("[1]") == Lines{"r.json:6:48: steps[0].duration: expected a duration (seconds or "
                               "\"1m30s\"), got an array"});
    CHECK(rest("true") == Lines{"r.json:6:48: steps[0].duration: expected a duration (seconds "
                                "or \"1m30s\"), got true"});
    CHECK(rest("-1") == Lines{"r.json:6:48: steps[0].duration: must not be negative, got -1"});
    CHECK(rest("-0.5") == Lines{"r.json:6:48: steps[0].duration: must not be negative, got -0.5"});
    CHECK(rest("0") == Lines{"r.json:6:48: steps[0].duration: must be > 0"});
    CHECK(rest("\"0s\"") == Lines{"r.json:6:48: steps[0].duration: must be > 0"});
    CHECK(rest("0.0005") ==
          Lines{"r.json:6:48: steps[0].duration: 0.0005 is finer than the resolution of 1 ms"});
    CHECK(rest("86401") == Lines{"r.json:6:48: steps[0].duration: 86401 seconds is longer than "
                                 "the limit of 24 hours"});
    CHECK(rest("1e40") == Lines{"r.json:6:48: steps[0].duration: 1e+40 seconds is longer than "
                                "the limit of 24 hours"});
    const std::string malformed =
        "expected a duration such as \"90s\", \"1m30s\", \"10m\" or \"1h\" (at most 24 hours, "
        "resolution 1 ms), got ";
    CHECK(rest("\"-1s\"") == Lines{"r.json:6:48: steps[0].duration: " + malformed + "\"-1s\""});
    CHECK(rest("\"1m1h\"") == Lines{"r.json:6:48: steps[0].duration: " + malformed + "\"1m1h\""});
    CHECK(rest("\"24h1s\"") == Lines{"r.json:6:48: steps[0].duration: " + malformed + "\"24h1s\""});
    CHECK(rest("\"\\u001b[2J\"") ==
          Lines{"r.json:6:48: steps[0].duration: " + malformed + "\"\\x1b[2J\""});
    CHECK(rest("1e400") == Lines{"r.json:6:48: steps[0].duration: number 1e400 is out of range"});
    CHECK(rest("9223372036854775808") ==
          Lines{"r.json:6:48: steps[0].duration: number 9223372036854775808 is out of range"});
  }
  SUBCASE("breath") {
    const auto breath = [](const std::string& rest) {
      return step_errors(R"({"kind": "breath", "title": "b", )" + rest + "}");
    };
    CHECK(breath(R"("pattern": {"inhale": 4, "exhale": 4}, "cycles": 3, "duration": 60)") ==
          Lines{"r.json:6:5: steps[0]: give either \"cycles\" or \"duration\", not both"});
    CHECK(breath(R"("pattern": {"inhale": 4, "exhale": 4})") ==
          Lines{"r.json:6:5: steps[0]: missing \"cycles\" or \"duration\" (how long to breathe)"});
    CHECK(breath(R"("cycles": 3)") ==
          Lines{"r.json:6:5: steps[0]: missing required key \"pattern\""});
    CHECK(breath(R"("pattern": [4, 4], "cycles": 3)") ==
          Lines{"r.json:6:49: steps[0].pattern: expected an object with \"inhale\" and "
                "\"exhale\", got an array"});
    CHECK(breath(R"("pattern": {"inhale": 0, "hold": -1, "exale": 4}, "cycles": 3)") ==
          Lines{"r.json:6:75: steps[0].pattern: unknown key \"exale\"; did you mean \"exhale\"?",
                "r.json:6:60: steps[0].pattern.inhale: must be > 0",
                "r.json:6:71: steps[0].pattern.hold: must not be negative, got -1"});
    CHECK(breath(R"("pattern": {"inhale": 4, "exhale": [1]}, "cycles": 3)") ==
          Lines{"r.json:6:73: steps[0].pattern.exhale: expected a duration (seconds or \"1m30s\"), "
                "got an array"});
    const std::string counts = "expected a whole number from 1 to 10000, got ";
    const auto cycles = [&](const std::string& n) {
      return breath(R"("pattern": {"inhale": 4, "exhale": 4}, "cycles": )" + n);
    };
    CHECK(cycles("1.5") == Lines{"r.json:6:87: steps[0].cycles: " + counts + "the number 1.5"});
    CHECK(cycles("0") == Lines{"r.json:6:87: steps[0].cycles: " + counts + "0"});
    CHECK(cycles("-3") == Lines{"r.json:6:87: steps[0].cycles: " + counts + "-3"});
    CHECK(cycles("10001") == Lines{"r.json:6:87: steps[0].cycles: " + counts + "10001"});
    CHECK(cycles("1e40") == Lines{"r.json:6:87: steps[0].cycles: " + counts + "the number 1e+40"});
    CHECK(cycles("\"3\"") == Lines{"r.json:6:87: steps[0].cycles: " + counts + "a string"});
    CHECK(cycles("9223372036854775808") ==
          Lines{"r.json:6:87: steps[0].cycles: number 9223372036854775808 is out of range"});
    CHECK(cycles("1e400") == Lines{"r.json:6:87: steps[0].cycles: number 1e400 is out of range"});
  }
}

TEST_CASE("loader::timed, reps and rest errors") {
  SUBCASE("timed cues") {
    const auto timed = [](const std::string& rest) {
      return step_errors(R"({"kind": "timed", "title": "t", "duration": 10, )" + rest + "}");
    };
    CHECK(timed(R"("cues": [{"at": 10, "text": "x"}])") ==
          Lines{"r.json:6:69: steps[0].cues[0].at: must be less than the step's duration (10s)"});
    CHECK(timed(R"("cues": [{"at": "12s", "text": "x"}])") ==
          Lines{"r.json:6:69: steps[0].cues[0].at: must be less than the step's duration (10s)"});
    CHECK(timed(R"("cues": [{"at": 9.999, "text": "x"}, {"at": 0, "text": "y"}])").empty());
    CHECK(timed(R"("cues": [{"at": -1, "text": ""}])") ==
          Lines{"r.json:6:69: steps[0].cues[0].at: must not be negative, got -1",
                "r.json:6:81: steps[0].cues[0].text: must not be empty"});
    CHECK(timed(R"("cues": [{"text": "x", "when": 1}])") ==
          Lines{"r.json:6:76: steps[0].cues[0]: unknown key \"when\"",
                "r.json:6:62: steps[0].cues[0]: missing required key \"at\""});
    CHECK(timed(R"("cues": ["x"])") ==
          Lines{"r.json:6:62: steps[0].cues[0]: expected an object {\"at\": duration, \"text\": "
                "\"...\"}, got a string"});
    CHECK(timed(R"("cues": {})") ==
          Lines{"r.json:6:61: steps[0].cues: expected an array of {\"at\": duration, \"text\": "
                "\"...\"}, got an object"});
  }
  SUBCASE("timed sides and switch") {
    const auto timed = [](const std::string& rest) {
      return step_errors(R"({"kind": "timed", "title": "t", "duration": 10, )" + rest + "}");
    };
    CHECK(timed(R"("sides": [])") ==
          Lines{"r.json:6:62: steps[0].sides: expected 1 to 8 side names, such as [\"left\", "
                "\"right\"]"});
    CHECK(timed(R"("sides": ["1","2","3","4","5","6","7","8","9"])") ==
          Lines{"r.json:6:62: steps[0].sides: expected 1 to 8 side names, such as [\"left\", "
                "\"right\"]"});
    CHECK(timed(R"("sides": "left")") ==
          Lines{"r.json:6:62: steps[0].sides: expected an array of strings, got a string"});
    CHECK(timed(R"("switch": 5)") ==
          Lines{"r.json:6:63: steps[0].switch: \"switch\" needs \"sides\""});
    CHECK(timed(R"("sides": ["l", "r"], "switch": -5)") ==
          Lines{"r.json:6:84: steps[0].switch: must not be negative, got -5"});
    CHECK(step_errors(R"({"kind": "timed", "title": "t"})") ==
          Lines{"r.json:6:5: steps[0]: missing required key \"duration\""});
  }
  SUBCASE("reps") {
    const auto reps = [](const std::string& rest) {
      return step_errors(R"({"kind": "reps", "title": "r", )" + rest + "}");
    };
    CHECK(reps("\"rest\": 1") == Lines{"r.json:6:5: steps[0]: missing required key \"sets\"",
                                       "r.json:6:5: steps[0]: missing required key \"reps\"",
                                       "r.json:6:5: steps[0]: missing required key \"tempo\""});
    CHECK(reps(R"("sets": 2, "reps": 5, "tempo": {"lower": 3, "lift": 2})") ==
          Lines{"r.json:6:5: steps[0]: missing required key \"rest\" (the rest between sets)"});
    CHECK(reps(R"("sets": 0, "reps": 1e40, "tempo": {"lower": 1, "lift": 1})") ==
          Lines{"r.json:6:44: steps[0].sets: expected a whole number from 1 to 10000, got 0",
                "r.json:6:55: steps[0].reps: expected a whole number from 1 to 10000, got the "
                "number 1e+40"});
    CHECK(reps(R"("sets": 1, "reps": 1, "tempo": {"lower": 0, "pause": -1, "lft": 2})") ==
          Lines{"r.json:6:93: steps[0].tempo: unknown key \"lft\"; did you mean \"lift\"?",
                "r.json:6:77: steps[0].tempo.lower: must be > 0",
                "r.json:6:89: steps[0].tempo.pause: must not be negative, got -1"});
    CHECK(reps(R"("sets": 1, "reps": 1, "tempo": 3)") ==
          Lines{"r.json:6:67: steps[0].tempo: expected an object with \"lower\", \"pause\" and "
                "\"lift\", got the number 3"});
    CHECK(
        reps(
            R"("sets": 1, "reps": 1, "tempo": {"lower": 1, "lift": 1}, "breath": {"lower": "in", "lift": 1})") ==
        Lines{"r.json:6:112: steps[0].breath.lower: expected \"inhale\" or \"exhale\", got \"in\"",
              "r.json:6:126: steps[0].breath.lift: expected \"inhale\" or \"exhale\", got the "
              "number 1"});
    CHECK(reps(R"("sets": 1, "reps": 1, "tempo": {"lower": 1, "lift": 1}, "breath": "in")") ==
          Lines{"r.json:6:102: steps[0].breath: expected an object such as {\"lower\": \"inhale\", "
                "\"lift\": \"exhale\"}, got a string"});
    CHECK(
        reps(R"("sets": 2, "reps": 1, "tempo": {"lower": 1, "lift": 1}, "rest": -1, "cues": [])") ==
        Lines{"r.json:6:104: steps[0]: unknown key \"cues\"",
              "r.json:6:100: steps[0].rest: must not be negative, got -1"});
  }
  SUBCASE("rest") {
    CHECK(step_errors(R"({"kind": "rest", "title": "r"})") ==
          Lines{"r.json:6:5: steps[0]: missing required key \"duration\""});
    CHECK(step_errors(R"({"kind": "rest", "title": "r", "duration": 1, "sides": ["l"]})") ==
          Lines{"r.json:6:51: steps[0]: unknown key \"sides\""});
  }
}

TEST_CASE("loader::every error in one pass") {
  const std::string text = R"({
  "format": 2,
  "name": "Bad Name",
  "title": "",
  "steps": [
    {"kind": "breath", "title": "b", "pattern": {"inhale": 4, "exhale": [1]}, "cycles": 1.5},
    {"kind": "timed", "title": "t", "duration": 10, "cues": [{"at": 10, "text": "x"}]},
    {"kind": "breath", "title": "b", "pattern": {"inhale": 4, "exhale": 4}, "cyles": 3},
    {"kind": "reps", "title": "r", "sets": 0, "reps": 1e40, "tempo": {"lower": -1, "lift": 0}},
    {"kind": "rest", "title": "r", "duration": 1e400},
    {"kind": "rest", "title": "r", "title": "dup", "duration": 0.0005}
  ]
}
)";
  CHECK(errors_of(text) ==
        Lines{
            "r.json:10:48: steps[4].duration: number 1e400 is out of range",
            "r.json:11:36: steps[5].title: duplicate key (each key may appear only once)",
            "r.json:2:13: format: unsupported format 2; this version of backcare reads format 1",
            "r.json:3:11: name: expected a name of lowercase letters, digits and dashes that "
            "starts with a letter or digit (at most 40 characters), got \"Bad Name\"",
            "r.json:4:12: title: must not be empty",
            "r.json:6:73: steps[0].pattern.exhale: expected a duration (seconds or \"1m30s\"), got "
            "an array",
            "r.json:6:89: steps[0].cycles: expected a whole number from 1 to 10000, got the number "
            "1.5",
            "r.json:7:69: steps[1].cues[0].at: must be less than the step's duration (10s)",
            "r.json:8:77: steps[2]: unknown key \"cyles\"; did you mean \"cycles\"?",
            "r.json:9:44: steps[3].sets: expected a whole number from 1 to 10000, got 0",
            "r.json:9:55: steps[3].reps: expected a whole number from 1 to 10000, got the number "
            "1e+40",
            "r.json:9:80: steps[3].tempo.lower: must not be negative, got -1",
            "r.json:9:92: steps[3].tempo.lift: must be > 0",
            "r.json:11:64: steps[5].duration: 0.0005 is finer than the resolution of 1 ms",
        });
}

TEST_CASE("loader::limits") {
  SUBCASE("total above 24 hours") {
    CHECK(errors_of(with_root(R"("steps": [{"kind": "rest", "title": "r", "duration": "24h"}, )" +
                              k_rest + "]")) ==
          Lines{"r.json: steps: total planned time is more than the limit of 24 hours"});
    CHECK(
        errors_of(with_root(
            R"("steps": [{"kind": "timed", "title": "t", "duration": "12h", "sides": ["l", "r"], "switch": 1}])")) ==
        Lines{"r.json: steps: total planned time is more than the limit of 24 hours"});
  }
  SUBCASE("more than 20,000 segments") {
    const std::string breath =
        R"({"kind": "breath", "title": "b", "pattern": {"inhale": 0.001, "exhale": 0.001}, "cycles": 10000})";
    CHECK(errors_of(with_root(R"("steps": [)" + breath + "]")).empty());  // exactly 20,000
    CHECK(errors_of(with_root(R"("steps": [)" + breath + ", " + k_rest + "]")) ==
          Lines{"r.json: steps: expands to more than 20000 timed segments (the limit); use fewer "
                "cycles, sets or reps"});
  }
  SUBCASE("more than 20,000 segments from reps") {
    CHECK(
        errors_of(with_root(
            R"("steps": [{"kind": "reps", "title": "r", "sets": 10000, "reps": 10000, "tempo": {"lower": 0.001, "lift": 0.001}, "rest": 0}])")) ==
        Lines{"r.json: steps: expands to more than 20000 timed segments (the limit); use fewer "
              "cycles, sets or reps"});
  }
}

// A number out of range is reported once, where it is; the loader sees a null and adds nothing.
TEST_CASE("loader::out-of-range numbers are reported once") {
  CHECK(errors_of(R"({"format": 1e400, "name": "x", "title": "T", "steps": [)" + k_rest + "]}") ==
        Lines{"r.json:1:12: format: number 1e400 is out of range"});
  CHECK(errors_of(with_step(R"({"kind": "rest", "title": 9223372036854775808, "duration": 1})")) ==
        Lines{"r.json:6:31: steps[0].title: number 9223372036854775808 is out of range"});
}
