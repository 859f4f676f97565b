#pragma once
// Command-line overrides of a routine's breath steps (--inhale, --cycles, --minutes, ...).
// Values are checked like the routine format checks them; a bad one is a usage error.
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "routine/routine.hpp"

namespace backcare {

struct BreathOverrides {
  std::optional<std::string> inhale, hold, exhale, hold_empty;  // durations: "4", "4s", "1m"
  std::optional<std::string> cycles;                            // whole number
  std::optional<std::string> minutes;                           // minutes of breathing per step
  bool any() const { return inhale || hold || exhale || hold_empty || cycles || minutes; }
};

// Applies the overrides to every breath step. Returns the problem (for "--inhale: ..."), or
// nullopt when all went well.
std::optional<std::string> apply_breath_overrides(Routine& routine,
                                                  const BreathOverrides& overrides);

// A number from the command line, read as routine files read numbers (JSON's grammar):
// "4", "-0.5", "1e3"; never "nan", "inf", "0x10", " 5" or "+5". nullopt when not one, or not
// finite.
std::optional<double> parse_cli_number(std::string_view text);

// A duration from the command line: seconds as a number ("4", "2.5") or a duration string
// ("4s", "1m30s"). nullopt when malformed, negative or over 24 h.
std::optional<std::int64_t> parse_cli_duration(const std::string& text);

}  // namespace backcare
