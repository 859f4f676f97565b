// Command-line overrides of breath steps (--inhale, --cycles, --minutes...): numbers read as
// routine files read them, and the exact usage errors.
#include "routine/overrides.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using namespace backcare;

namespace {

// A breath step of 4 s in, 6 s out, 5 cycles, then a timed step.
Routine breath_then_timed() {
  Routine routine;
  routine.name = "r";
  Step breath;
  breath.kind = StepKind::breath;
  breath.pattern = {4000, 0, 6000, 0};
  breath.cycles = 5;
  routine.steps.push_back(breath);
  Step timed;
  timed.kind = StepKind::timed;
  timed.duration_ms = 30000;
  routine.steps.push_back(timed);
  return routine;
}

}  // namespace

TEST_CASE("overrides::parse_cli_number reads JSON's number grammar") {
  CHECK(parse_cli_number("4") == 4.0);
  CHECK(parse_cli_number("-0.5") == -0.5);
  CHECK(parse_cli_number("1e3") == 1000.0);
  CHECK(parse_cli_number("2.5E-1") == 0.25);
  for (const char* bad :
       {"", "-", "nan", "inf", "0x10", " 5", "+5", "05", "1.", ".5", "1e", "4s", "1e999"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_cli_number(bad).has_value());
  }
}

TEST_CASE("overrides::parse_cli_duration takes seconds or a duration string") {
  CHECK(parse_cli_duration("4") == 4000);
  CHECK(parse_cli_duration("2.5") == 2500);
  CHECK(parse_cli_duration("1m30s") == 90000);
  CHECK_FALSE(parse_cli_duration("-1").has_value());
  CHECK_FALSE(parse_cli_duration("25h").has_value());
  CHECK_FALSE(parse_cli_duration("soon").has_value());
}

TEST_CASE("overrides::apply_breath_overrides changes breath steps only") {
  SUBCASE("durations and cycles") {
    Routine routine = breath_then_timed();
    BreathOverrides overrides;
    overrides.inhale = "5";
    overrides.hold = "1s";
    overrides.cycles = "3";
    CHECK_FALSE(apply_breath_overrides(routine, overrides).has_value());
    const Step& breath = routine.steps[0];
    CHECK(breath.pattern.inhale_ms == 5000);
    CHECK(breath.pattern.hold_ms == 1000);
    CHECK(breath.pattern.exhale_ms == 6000);  // not given: kept
    CHECK(breath.cycles == 3);
    CHECK(routine.steps[1].duration_ms == 30000);
  }
  SUBCASE("minutes replace the cycles") {
    Routine routine = breath_then_timed();
    BreathOverrides overrides;
    overrides.minutes = "1.5";
    CHECK_FALSE(apply_breath_overrides(routine, overrides).has_value());
    CHECK(routine.steps[0].cycles == 0);
    CHECK(routine.steps[0].duration_ms == 90000);
  }
  SUBCASE("nothing given changes nothing, even without breath steps") {
    Routine routine;
    CHECK_FALSE(apply_breath_overrides(routine, BreathOverrides{}).has_value());
  }
}

TEST_CASE("overrides::errors") {
  const auto error_of = [](BreathOverrides overrides) {
    Routine routine = breath_then_timed();
    return apply_breath_overrides(routine, overrides).value_or("(none)");
  };
  BreathOverrides inhale;
  inhale.inhale = "fast";
  CHECK(error_of(inhale) ==
        "--inhale: expected seconds (4, 2.5) or a duration such as 4s or 1m30s, at most 24 "
        "hours, got \"fast\"");
  BreathOverrides zero;
  zero.exhale = "0";
  CHECK(error_of(zero) == "--exhale: must be > 0");
  BreathOverrides hold_zero;
  hold_zero.hold_empty = "0";
  CHECK(error_of(hold_zero) == "(none)");  // a hold may be 0
  BreathOverrides cycles;
  cycles.cycles = "0";
  CHECK(error_of(cycles) == "--cycles: expected a whole number from 1 to 10000, got \"0\"");
  BreathOverrides both;
  both.cycles = "3";
  both.minutes = "2";
  CHECK(error_of(both) == "give either --cycles or --minutes, not both");
  BreathOverrides minutes;
  minutes.minutes = "\x1b[2J";
  CHECK(error_of(minutes) ==
        "--minutes: expected a number of minutes above 0 and at most 1440, got \"\\x1b[2J\"");
  Routine no_breath;
  no_breath.name = "walk";
  BreathOverrides any;
  any.inhale = "4";
  CHECK(apply_breath_overrides(no_breath, any) ==
        std::optional<std::string>("routine \"walk\" has no breath steps to change"));
}
