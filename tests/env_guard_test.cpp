#include "env_guard.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

using backcare::testing::EnvGuard;

namespace {

// The variable's value, or "(unset)".
std::string value_of(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "(unset)";
}

}  // namespace

// Each case first sets up the variable with an outer guard, so nothing leaks to later cases.
TEST_CASE("env_guard::restores a set variable") {
  const EnvGuard outer("BACKCARE_GUARD_TEST", "before");
  {
    EnvGuard guard("BACKCARE_GUARD_TEST", "during");
    CHECK(value_of("BACKCARE_GUARD_TEST") == "during");
    guard.unset();
    CHECK(value_of("BACKCARE_GUARD_TEST") == "(unset)");
    guard.set("again");
    CHECK(value_of("BACKCARE_GUARD_TEST") == "again");
  }
  CHECK(value_of("BACKCARE_GUARD_TEST") == "before");
}

TEST_CASE("env_guard::unsets a variable that was not set") {
  EnvGuard outer("BACKCARE_GUARD_TEST");
  outer.unset();
  {
    const EnvGuard guard("BACKCARE_GUARD_TEST", "during");
    CHECK(value_of("BACKCARE_GUARD_TEST") == "during");
  }
  CHECK(value_of("BACKCARE_GUARD_TEST") == "(unset)");
}

TEST_CASE("env_guard::restores when the case stops early") {
  EnvGuard outer("BACKCARE_GUARD_TEST");
  outer.unset();
  // A failed REQUIRE throws out of the case; so does this.
  CHECK_THROWS_AS(
      [] {
        const EnvGuard guard("BACKCARE_GUARD_TEST", "during");
        throw std::runtime_error("stopped");
      }(),
      std::runtime_error);
  CHECK(value_of("BACKCARE_GUARD_TEST") == "(unset)");
}

TEST_CASE("env_guard::TZ takes effect at once and is put back") {
  const std::string before = value_of("TZ");
  {
    const EnvGuard tz("TZ", "UTC0");
    CHECK(::timezone == 0);
  }
  {
    const EnvGuard tz("TZ", "<+03>-3");
    CHECK(::timezone == -3 * 3600);  // seconds west of UTC
  }
  CHECK(value_of("TZ") == before);
}
