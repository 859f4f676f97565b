#include "routine/overrides.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/duration.hpp"
#include "base/sanitize.hpp"
#include "routine/params.hpp"  // k_max_count

namespace backcare {

namespace {

// The length of the run of ASCII digits at text[at...].
std::size_t digits_at(std::string_view text, std::size_t at) {
  std::size_t n = 0;
  while (at + n < text.size() && text[at + n] >= '0' && text[at + n] <= '9') {
    ++n;
  }
  return n;
}

}  // namespace

std::optional<double> parse_cli_number(std::string_view text) {
  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  std::size_t at = text.starts_with('-') ? 1 : 0;
  const std::size_t integer = digits_at(text, at);
  if (integer == 0 || (integer > 1 && text[at] == '0')) {
    return std::nullopt;
  }
  at += integer;
  if (at < text.size() && text[at] == '.') {
    const std::size_t fraction = digits_at(text, at + 1);
    if (fraction == 0) {
      return std::nullopt;
    }
    at += 1 + fraction;
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    at += 1;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      at += 1;
    }
    const std::size_t exponent = digits_at(text, at);
    if (exponent == 0) {
      return std::nullopt;
    }
    at += exponent;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (at != text.size() || ec != std::errc() || ptr != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> parse_cli_duration(const std::string& text) {
  if (const auto seconds = parse_cli_number(text)) {
    return seconds_to_ms(*seconds);
  }
  return parse_duration_string(text);
}

namespace {

// "--exhale 1m --cycles 10", as given (sanitized).
std::string overrides_text(const BreathOverrides& overrides) {
  std::string out;
  const auto add = [&out](const char* flag, const std::optional<std::string>& value) {
    if (value) {
      out += (out.empty() ? "" : " ") + std::string(flag) + " " + sanitize(*value);
    }
  };
  add("--inhale", overrides.inhale);
  add("--hold", overrides.hold);
  add("--exhale", overrides.exhale);
  add("--hold-empty", overrides.hold_empty);
  add("--cycles", overrides.cycles);
  add("--minutes", overrides.minutes);
  return out;
}

}  // namespace

std::optional<std::string> apply_breath_overrides(Routine& routine,
                                                  const BreathOverrides& overrides) {
  if (!overrides.any()) {
    return std::nullopt;
  }
  const bool has_breath = std::any_of(routine.steps.begin(), routine.steps.end(),
                                      [](const Step& s) { return s.kind == StepKind::breath; });
  if (!has_breath) {
    return fmt::format("routine \"{}\" has no breath steps to change", sanitize(routine.name));
  }
  if (overrides.cycles && overrides.minutes) {
    return std::string("give either --cycles or --minutes, not both");
  }
  const auto duration = [](const char* flag, const std::optional<std::string>& value, bool positive,
                           std::optional<std::string>& error) {
    std::optional<std::int64_t> ms;
    if (!value || error) {
      return ms;
    }
    ms = parse_cli_duration(*value);
    if (!ms) {
      error = fmt::format(
          "{}: expected seconds (4, 2.5) or a duration such as 4s or 1m30s, at "
          "most 24 hours, got \"{}\"",
          flag, sanitize(*value));
    } else if (positive && *ms == 0) {
      error = fmt::format("{}: must be > 0", flag);
    }
    return ms;
  };
  std::optional<std::string> error;
  const auto inhale = duration("--inhale", overrides.inhale, true, error);
  const auto hold = duration("--hold", overrides.hold, false, error);
  const auto exhale = duration("--exhale", overrides.exhale, true, error);
  const auto hold_empty = duration("--hold-empty", overrides.hold_empty, false, error);
  if (error) {
    return error;
  }
  std::optional<std::int64_t> cycles;
  if (overrides.cycles) {
    std::int64_t n = 0;
    const std::string& text = *overrides.cycles;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || ptr != text.data() + text.size() || n < 1 || n > k_max_count) {
      return fmt::format("--cycles: expected a whole number from 1 to {}, got \"{}\"", k_max_count,
                         sanitize(text));
    }
    cycles = n;
  }
  std::optional<std::int64_t> minutes_ms;
  if (overrides.minutes) {
    const std::string& text = *overrides.minutes;
    const auto minutes = parse_cli_number(text);
    const auto ms = minutes ? seconds_to_ms(*minutes * 60) : std::nullopt;
    if (!ms || *ms == 0) {
      return fmt::format(
          "--minutes: expected a number of minutes above 0 and at most 1440, got "
          "\"{}\"",
          sanitize(text));
    }
    minutes_ms = ms;
  }
  for (Step& step : routine.steps) {
    if (step.kind != StepKind::breath) {
      continue;
    }
    step.pattern.inhale_ms = inhale.value_or(step.pattern.inhale_ms);
    step.pattern.hold_ms = hold.value_or(step.pattern.hold_ms);
    step.pattern.exhale_ms = exhale.value_or(step.pattern.exhale_ms);
    step.pattern.hold_empty_ms = hold_empty.value_or(step.pattern.hold_empty_ms);
    if (cycles) {
      step.cycles = *cycles;
      step.duration_ms = 0;
    }
    if (minutes_ms) {
      step.cycles = 0;
      step.duration_ms = *minutes_ms;
    }
  }
  // The routine's own words ("five minutes", "a 6-second exhale") no longer say what this
  // session is: `--dry-run` and `show` would describe another one.
  routine.description = fmt::format(
      "{} as changed on the command line ({}): the steps and the total below are this "
      "session's.",
      routine.title, overrides_text(overrides));
  return std::nullopt;
}

}  // namespace backcare
