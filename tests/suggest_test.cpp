// "Did you mean": close names are suggested; long or far ones are never compared at length.
#include "base/suggest.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace backcare;

TEST_CASE("suggest: a close name") {
  CHECK(closest_match("cyles", {"cycles", "duration"}) == "cycles");
  CHECK(did_you_mean("lsit", {"list", "show"}) == "; did you mean \"list\"?");
  CHECK(did_you_mean("zzz", {"list", "show"}).empty());
}

TEST_CASE("suggest: names longer than 40 characters are not compared") {
  const std::string long_name(41, 'a');
  CHECK_FALSE(closest_match(long_name + "b", {long_name}).has_value());
  const std::string name(40, 'a');
  CHECK(closest_match(name + "b", {name}) == name);
  // A million-character candidate costs nothing and is never suggested.
  CHECK_FALSE(closest_match("breathe", {std::string(1'000'000, 'b')}).has_value());
}

TEST_CASE("suggest: at most k_max_suggest_candidates comparisons") {
  std::vector<std::string> candidates(k_max_suggest_candidates, "zzzzzz");
  candidates.push_back("breath");
  CHECK_FALSE(closest_match("braeth", candidates).has_value());
}
