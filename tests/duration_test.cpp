#include "base/duration.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

using backcare::format_clock;
using backcare::format_duration;
using backcare::parse_duration_string;
using backcare::seconds_to_ms;

namespace {

// nullopt as -1, so a failure prints a plain number.
std::int64_t parsed(const std::string& text) {
  return parse_duration_string(text).value_or(-1);
}
std::int64_t seconds(double value) {
  return seconds_to_ms(value).value_or(-1);
}

constexpr std::int64_t k_day_ms = 24LL * 60 * 60 * 1000;

}  // namespace

TEST_CASE("duration::parse") {
  SUBCASE("single units") {
    CHECK(parsed("90s") == 90'000);
    CHECK(parsed("10m") == 600'000);
    CHECK(parsed("1h") == 3'600'000);
    CHECK(parsed("250ms") == 250);
    CHECK(parsed("0s") == 0);
  }
  SUBCASE("combined units in order") {
    CHECK(parsed("1m30s") == 90'000);
    CHECK(parsed("1h2m3s") == 3'723'000);
    CHECK(parsed("1s500ms") == 1'500);
    CHECK(parsed("1h1ms") == 3'600'001);
  }
  SUBCASE("decimals") {
    CHECK(parsed("1.5s") == 1'500);
    CHECK(parsed("1.5m") == 90'000);
    CHECK(parsed("0.001s") == 1);
    CHECK(parsed("2.25h") == 8'100'000);
  }
  SUBCASE("the 24 hour limit is inclusive") {
    CHECK(parsed("24h") == k_day_ms);
    CHECK(parsed("1440m") == k_day_ms);
    CHECK(parsed("23h59m59s999ms") == k_day_ms - 1);
  }
  SUBCASE("malformed") {
    CHECK_FALSE(parse_duration_string("").has_value());
    CHECK_FALSE(parse_duration_string("s").has_value());
    CHECK_FALSE(parse_duration_string("1x").has_value());
    CHECK_FALSE(parse_duration_string("1m1h").has_value());  // wrong order
    CHECK_FALSE(parse_duration_string("1s1s").has_value());  // repeated unit
    CHECK_FALSE(parse_duration_string("-1s").has_value());
    CHECK_FALSE(parse_duration_string("1.s").has_value());
    CHECK_FALSE(parse_duration_string(".5s").has_value());
    CHECK_FALSE(parse_duration_string("90").has_value());  // a string needs a unit
    CHECK_FALSE(parse_duration_string("1m30").has_value());
    CHECK_FALSE(parse_duration_string("90S").has_value());
    CHECK_FALSE(parse_duration_string(" 90s").has_value());
    CHECK_FALSE(parse_duration_string("1m 30s").has_value());
    CHECK_FALSE(parse_duration_string("1.5.5s").has_value());
  }
  SUBCASE("above 24 hours") {
    CHECK_FALSE(parse_duration_string("24h1s").has_value());
    CHECK_FALSE(parse_duration_string("25h").has_value());
    CHECK_FALSE(parse_duration_string("86401s").has_value());
    CHECK_FALSE(parse_duration_string("99999999999999999999999s").has_value());
  }
  SUBCASE("finer than a millisecond") {
    CHECK_FALSE(parse_duration_string("0.0005s").has_value());
    CHECK_FALSE(parse_duration_string("1.5ms").has_value());
    CHECK_FALSE(parse_duration_string("1.0000000001s").has_value());
  }
}

TEST_CASE("duration::seconds_to_ms") {
  CHECK(seconds(0) == 0);
  CHECK(seconds(4) == 4'000);
  CHECK(seconds(1.5) == 1'500);
  CHECK(seconds(0.1) == 100);
  CHECK(seconds(0.001) == 1);
  CHECK(seconds(86400) == k_day_ms);
  CHECK_FALSE(seconds_to_ms(86400.001).has_value());
  CHECK_FALSE(seconds_to_ms(-1).has_value());
  CHECK_FALSE(seconds_to_ms(-0.5).has_value());
  CHECK_FALSE(seconds_to_ms(0.0005).has_value());
  CHECK_FALSE(seconds_to_ms(1e40).has_value());
  CHECK_FALSE(seconds_to_ms(std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(seconds_to_ms(std::numeric_limits<double>::quiet_NaN()).has_value());
}

TEST_CASE("duration::format_clock") {
  CHECK(format_clock(0) == "0:00");
  CHECK(format_clock(4'000) == "0:04");
  CHECK(format_clock(4'999) == "0:04");  // rounds down
  CHECK(format_clock(60'000) == "1:00");
  CHECK(format_clock(600'000) == "10:00");
  CHECK(format_clock(3'599'999) == "59:59");
  CHECK(format_clock(3'600'000) == "1:00:00");
  CHECK(format_clock(3'723'000) == "1:02:03");
  CHECK(format_clock(k_day_ms) == "24:00:00");
  CHECK(format_clock(-5'000) == "0:00");
}

TEST_CASE("duration::format_duration") {
  CHECK(format_duration(4'000) == "4s");
  CHECK(format_duration(2'500) == "2.5s");
  CHECK(format_duration(250) == "0.25s");
  CHECK(format_duration(1) == "0.001s");
  CHECK(format_duration(90'000) == "1m30s");
  CHECK(format_duration(600'000) == "10m");
  CHECK(format_duration(3'600'000) == "1h");
  CHECK(format_duration(3'661'500) == "1h1m1.5s");
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(-1) == "0s");
  SUBCASE("formatted durations parse back to the same value") {
    for (const std::int64_t ms : {std::int64_t{1}, std::int64_t{250}, std::int64_t{1'500},
                                  std::int64_t{90'000}, std::int64_t{3'661'500}, k_day_ms}) {
      CAPTURE(ms);
      CHECK(parsed(format_duration(ms)) == ms);
    }
  }
}
