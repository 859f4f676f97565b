#include "display/instruction.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace backcare;

namespace {

// The roller text of tests/frame_test.cpp: two warning sentences, the second last.
constexpr const char* k_roller_text =
    "Lie back with the roller under your shoulder blades, knees bent, feet flat. Support your "
    "head with your hands and keep your chin soft; do not curl up. Lift your hips a little and "
    "roll slowly from the bottom of the shoulder blades to the top of them. Pause on any tight "
    "spot and let your breath slow down while the roller does the work, for as long as it "
    "feels good to you. Roll over the upper back only, never the lower back.";

}  // namespace

TEST_CASE("instruction::fit_instruction keeps the sentences that warn") {
  using Lines = std::vector<std::string>;
  CHECK(fit_instruction(k_roller_text, 40, 3) ==
        Lines{"Support your head with your hands and", "keep your chin soft; do not curl up. …"});
  CHECK(
      fit_instruction(k_roller_text, 100, 2) ==
      Lines{"Support your head with your hands and keep your chin soft; do not curl up. Roll over "
            "the upper back",
            "only, never the lower back. …"});
  CHECK(
      fit_instruction(k_roller_text, 100, 2, true) ==
      Lines{"Support your head with your hands and keep your chin soft; do not curl up. Roll over "
            "the upper back",
            "only, never the lower back. ..."});
  // Not even one sentence fits: the first warning, cut.
  CHECK(fit_instruction(k_roller_text, 40, 1) == Lines{"Support your head with your hands and k…"});
  // Room for all: the text as it is.
  CHECK(fit_instruction("Breathe. Stop if it hurts.", 40, 1) ==
        Lines{"Breathe. Stop if it hurts."});
  CHECK(fit_instruction("Go slowly. Stop if it hurts. Then rest a while.", 20, 2) ==
        Lines{"Go slowly. Stop if", "it hurts. …"});
  CHECK(fit_instruction("Go slowly and softly. Then rest a while. Avoid pain.", 24, 2) ==
        Lines{"Go slowly and softly.", "Avoid pain. …"});
  CHECK(fit_instruction(k_roller_text, 40, 0).empty());
}
