// Routine parameters read from outside the routine: names, numbers as JSON, and `--set`.
// (Declarations, references and their errors are tested through the loader: loader_test.cpp.)
#include "routine/params.hpp"

#include <doctest/doctest.h>

#include <string>
#include <variant>

using namespace backcare;

TEST_CASE("params::is_param_name") {
  CHECK(is_param_name("cycles"));
  CHECK(is_param_name("_hold2"));
  CHECK(is_param_name(std::string(40, 'a')));
  CHECK_FALSE(is_param_name(""));
  CHECK_FALSE(is_param_name("2cycles"));
  CHECK_FALSE(is_param_name("Cycles"));
  CHECK_FALSE(is_param_name("hold-time"));
  CHECK_FALSE(is_param_name(std::string(41, 'a')));
}

TEST_CASE("params::number_json keeps whole numbers whole") {
  CHECK(number_json(30).dump() == "30");
  CHECK(number_json(-2).dump() == "-2");
  CHECK(number_json(2.5).dump() == "2.5");
  CHECK(number_json(1e15).dump() == "1e+15");
}

TEST_CASE("params::parse_set_option") {
  const auto value_of = [](const std::string& text) {
    const auto parsed = parse_set_option(text);
    REQUIRE(std::holds_alternative<std::pair<std::string, ParamValue>>(parsed));
    const auto& [name, value] = std::get<std::pair<std::string, ParamValue>>(parsed);
    CHECK(value.from_command_line);
    CHECK(value.where.source == "--set " + text);
    return name + "=" + value.value.dump();
  };
  CHECK(value_of("cycles=10") == "cycles=10");
  CHECK(value_of("hold=2.5") == "hold=2.5");
  CHECK(value_of("hold=1m30s") == "hold=90");  // a duration, in seconds
  CHECK(value_of("side=left") == "side=\"left\"");
  CHECK(value_of("empty=") == "empty=\"\"");
  const auto error_of = [](const std::string& text) {
    const auto parsed = parse_set_option(text);
    REQUIRE(std::holds_alternative<std::string>(parsed));
    return std::get<std::string>(parsed);
  };
  CHECK(error_of("cycles") == "--set cycles: expected NAME=VALUE, such as cycles=10");
  CHECK(error_of("=3") == "--set =3: expected NAME=VALUE, such as cycles=10");
  CHECK(error_of("\x1b[2J") == "--set \\x1b[2J: expected NAME=VALUE, such as cycles=10");
}
