// The programme format: reading, week ranges, routines and their parameter values, and the
// text of `plan show`, as exact strings.
#include "programme/programme.hpp"

#include <doctest/doctest.h>

#include <map>

#include "programme/programme_view.hpp"

namespace backcare {
namespace {

// Routines by name, as the catalog's resolver would give them.
class Routines final : public RoutineResolver {
 public:
  Routines() {
    m_texts["breathe"] = R"({"format": 1, "name": "breathe", "title": "Breathe",
      "params": {"cycles": {"default": 30, "min": 1, "max": 200}},
      "steps": [{"kind": "breath", "title": "B", "pattern": {"inhale": 4, "exhale": 6},
                 "cycles": "${cycles}"}]})";
    m_texts["strength"] = R"({"format": 1, "name": "strength", "title": "Strength",
      "params": {"sets": {"default": 3, "min": 1, "max": 5}, "reps": {"default": 8, "min": 4, "max": 12}},
      "steps": [{"kind": "reps", "title": "Squat", "sets": "${sets}", "reps": "${reps}",
                 "tempo": {"lower": 3, "pause": 1, "lift": 2}, "rest": 45}]})";
    m_texts["night"] = R"({"format": 1, "name": "night", "title": "Night",
      "steps": [{"kind": "timed", "title": "Roll", "duration": 60}]})";
    m_texts["broken"] = R"({"format": 1, "name": "broken", "title": "Broken", "steps": []})";
  }
  std::variant<Found, std::string> resolve(const std::string& ref,
                                           const std::string& /*from*/) const override {
    const auto it = m_texts.find(ref);
    if (it == m_texts.end()) {
      return "no routine named \"" + ref + "\"";
    }
    return Found{it->second, "built-in:" + ref, "built-in:" + ref};
  }

 private:
  std::map<std::string, std::string> m_texts;
};

std::string errors_of(std::string_view text) {
  const Routines routines;
  const ProgrammeLoad load = load_programme(text, "p.json", &routines);
  std::string out;
  for (const auto& error : load.errors) {
    out += error.format() + "\n";
  }
  return out;
}

const char* k_good = R"({
  "format": 1, "name": "grow", "title": "Grow",
  "description": "Breath first, then strength.",
  "weeks": [
    {"from": 1, "to": 2, "focus": "Breath", "notes": "Slowly.",
     "routines": [{"routine": "breathe", "per_week": 5, "set": {"cycles": 20}},
                  {"routine": "night", "per_week": 5}]},
    {"from": 3, "focus": "Strength",
     "routines": [{"routine": "strength", "per_week": 2, "set": {"sets": 2, "reps": 10}}]}
  ]
})";

}  // namespace

TEST_CASE("programme::load reads blocks, routines and values") {
  const Routines routines;
  const ProgrammeLoad load = load_programme(k_good, "p.json", &routines);
  REQUIRE(load.ok());
  const Programme& p = load.programme;
  CHECK(p.name == "grow");
  CHECK(p.weeks() == 3);
  REQUIRE(p.blocks.size() == 2);
  CHECK(p.blocks[0].from == 1);
  CHECK(p.blocks[0].to == 2);
  CHECK(p.blocks[1].from == 3);
  CHECK(p.blocks[1].to == 3);
  CHECK(p.block_for(2) == &p.blocks[0]);
  CHECK(p.block_for(3) == &p.blocks[1]);
  CHECK(p.block_for(4) == nullptr);
  CHECK(p.blocks[0].items[0].per_week == 5);
  CHECK(describe_values(p.blocks[1].items[0].set) == "2 sets of 10");
  CHECK(describe_values(p.blocks[0].items[0].set) == "cycles 20");
}

TEST_CASE("programme::week ranges: from week 1, no gap, no overlap") {
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 1, "to": 2, "routines": [{"routine": "night", "per_week": 5}]},
    {"from": 4, "routines": [{"routine": "night", "per_week": 5}]}]})") ==
        "p.json:3:14: weeks[1].from: weeks 3 to 3 are in no block: this block should start at "
        "week 3\n");
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 1, "to": 3, "routines": [{"routine": "night", "per_week": 5}]},
    {"from": 2, "routines": [{"routine": "night", "per_week": 5}]}]})") ==
        "p.json:3:14: weeks[1].from: week 2 is in an earlier block too: this block should start "
        "at week 4\n");
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 2, "routines": [{"routine": "night", "per_week": 5}]}]})") ==
        "p.json:2:14: weeks[0].from: weeks 1 to 1 are in no block: this block should start at "
        "week 1\n");
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 3, "to": 2, "routines": [{"routine": "night", "per_week": 5}]}]})") ==
        "p.json:2:23: weeks[0].to: expected a week from 3 (\"from\") to 52, got 2\n");
}

TEST_CASE("programme::routines must exist and take the values set") {
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 1, "routines": [{"routine": "nope", "per_week": 5}]}]})") ==
        "p.json:2:42: weeks[0].routines[0].routine: no routine named \"nope\"\n");
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 1, "routines": [{"routine": "strength", "per_week": 2, "set": {"sets": 9, "rep": 8}}]}]})") ==
        "p.json:2:95: weeks[0].routines[0].set.rep: routine \"strength\" has no parameter \"rep\"; "
        "did you mean \"reps\"?\n"
        "p.json:2:85: weeks[0].routines[0].set.sets: parameter \"sets\" must be from 1 to 5, got "
        "9\n");
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 1, "routines": [{"routine": "night", "per_week": 8, "set": {"x": 1}}]}]})") ==
        "p.json:2:63: weeks[0].routines[0].per_week: expected a whole number from 1 to 7, got 8\n");
  CHECK(errors_of(R"({"format": 1, "name": "g", "title": "G", "weeks": [
    {"from": 1, "routines": [{"routine": "broken", "per_week": 1}]}]})") ==
        "p.json:2:42: weeks[0].routines[0].routine: routine \"broken\" is not valid (backcare "
        "validate broken says why)\n");
}

TEST_CASE("programme::keys and structure") {
  CHECK(errors_of(R"({"format": 2, "name": "Bad Name", "title": "", "weeks": [], "week": 1})") ==
        "p.json:1:61: unknown key \"week\"; did you mean \"weeks\"?\n"
        "p.json:1:12: format: unsupported format 2; this version of backcare reads format 1\n"
        "p.json:1:23: name: expected a name of lowercase letters, digits and dashes that starts "
        "with a letter or digit (at most 40 characters), got \"Bad Name\"\n"
        "p.json:1:44: title: must not be empty\n"
        "p.json:1:57: weeks: expected a non-empty array of blocks of weeks, got an empty array\n");
}

TEST_CASE("programme::describe_programme") {
  const Routines routines;
  const ProgrammeLoad load = load_programme(k_good, "p.json", &routines);
  REQUIRE(load.ok());
  CHECK(describe_programme(load.programme, 40) ==
        "grow: Grow\n"
        "Breath first, then strength.\n"
        "\n"
        "Weeks 1\u20132: Breath\n"
        "  breathe   5 a week, cycles 20\n"
        "  night     5 a week\n"
        "  Slowly.\n"
        "\n"
        "Week 3: Strength\n"
        "  strength  2 a week, 2 sets of 10\n"
        "\n"
        "3 weeks. Start it with: backcare plan start grow\n");
  CHECK(programme_list_line(load.programme, 8) == "grow       3 weeks  Grow");
}

}  // namespace backcare
