#include "routine/breath_range.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace backcare;

namespace {

Step breath_step(std::string title, BreathPattern pattern) {
  Step step;
  step.kind = StepKind::breath;
  step.title = std::move(title);
  step.pattern = pattern;
  step.cycles = 3;
  return step;
}

}  // namespace

TEST_CASE("breath_range::a comfortable pattern gives no warning") {
  Routine routine;
  routine.steps.push_back(breath_step("Box", {4000, 4000, 4000, 4000}));
  routine.steps.push_back(breath_step("Slow", {1000, 0, 20000, 30000}));
  CHECK(breath_warnings(routine).empty());
}

TEST_CASE("breath_range::far outside: one line per phase, in step order") {
  Routine routine;
  Step timed;
  timed.kind = StepKind::timed;
  timed.title = "Stretch";
  timed.duration_ms = 100;  // not a breath step: never checked
  routine.steps.push_back(timed);
  routine.steps.push_back(breath_step("Quick\x1b[31m", {100, 0, 60000, 0}));
  routine.steps.push_back(breath_step("Box", {4000, 45000, 4000, 31000}));
  CHECK(breath_warnings(routine) ==
        std::vector<std::string>{
            "step 2 \"Quick\\x1b[31m\": an inhale of 0.1s is far outside a comfortable breath (1s "
            "to 20s)",
            "step 2 \"Quick\\x1b[31m\": an exhale of 1m is far outside a comfortable breath (1s to "
            "20s)",
            "step 3 \"Box\": a hold of 45s is far outside a comfortable breath (at most 30s)",
            "step 3 \"Box\": a hold after the exhale of 31s is far outside a comfortable breath "
            "(at most 30s)",
        });
}
