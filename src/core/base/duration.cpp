#include "base/duration.hpp"

#include <fmt/format.h>

#include <cmath>

namespace backcare {
namespace {

constexpr std::int64_t k_day_ms = 24LL * 60 * 60 * 1000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<std::int64_t> parse_duration_string(std::string_view text) {
  // Units in the order they may appear, each at most once.
  struct Unit {
    std::string_view suffix;
    std::int64_t ms;
  };
  static constexpr Unit k_units[] = {{"h", 3'600'000}, {"m", 60'000}, {"s", 1000}, {"ms", 1}};
  if (text.empty()) {
    return std::nullopt;
  }
  std::int64_t total = 0;
  std::size_t next_unit = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // <digits>[.<digits>]
    std::int64_t whole = 0;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) {
      whole = whole * 10 + (text[i] - '0');
      if (whole > k_day_ms) {
        return std::nullopt;
      }
      ++i, ++digits;
    }
    std::int64_t fraction = 0;
    std::int64_t scale = 1;
    if (i < text.size() && text[i] == '.') {
      ++i;
      std::size_t fraction_digits = 0;
      while (i < text.size() && is_digit(text[i])) {
        if (fraction_digits == 9) {
          return std::nullopt;
        }
        fraction = fraction * 10 + (text[i] - '0');
        scale *= 10;
        ++i, ++fraction_digits;
      }
      if (fraction_digits == 0) {
        return std::nullopt;
      }
    }
    if (digits == 0) {
      return std::nullopt;
    }
    // The longest unit suffix that matches here ("ms" before "m").
    std::size_t unit = next_unit;
    std::size_t matched = sizeof(k_units) / sizeof(k_units[0]);
    std::size_t matched_length = 0;
    for (; unit < sizeof(k_units) / sizeof(k_units[0]); ++unit) {
      const auto suffix = k_units[unit].suffix;
      if (text.substr(i, suffix.size()) == suffix && suffix.size() > matched_length) {
        const bool followed_by_letter =
            i + suffix.size() < text.size() && !is_digit(text[i + suffix.size()]);
        if (!followed_by_letter) {
          matched = unit;
          matched_length = suffix.size();
        }
      }
    }
    if (matched == sizeof(k_units) / sizeof(k_units[0])) {
      return std::nullopt;
    }
    const std::int64_t unit_ms = k_units[matched].ms;
    const std::int64_t fraction_ms = fraction * unit_ms;
    if (fraction_ms % scale != 0) {
      return std::nullopt;  // finer than a millisecond
    }
    total += whole * unit_ms + fraction_ms / scale;
    if (total > k_day_ms) {
      return std::nullopt;
    }
    i += matched_length;
    next_unit = matched + 1;
  }
  return total;
}

std::optional<std::int64_t> seconds_to_ms(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > static_cast<double>(k_day_ms) / 1000) {
    return std::nullopt;
  }
  const double ms = seconds * 1000;
  const double rounded = std::round(ms);
  if (std::fabs(ms - rounded) > 1e-6 * std::max(1.0, rounded)) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(rounded);
}

std::string format_clock(std::int64_t ms) {
  if (ms < 0) {
    ms = 0;
  }
  const std::int64_t s = ms / 1000;
  if (s >= 3600) {
    return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  }
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string format_duration(std::int64_t ms) {
  if (ms <= 0) {
    return "0s";
  }
  std::string out;
  const std::int64_t hours = ms / 3'600'000;
  const std::int64_t minutes = (ms / 60'000) % 60;
  const std::int64_t rest_ms = ms % 60'000;
  if (hours > 0) {
    out += fmt::format("{}h", hours);
  }
  if (minutes > 0) {
    out += fmt::format("{}m", minutes);
  }
  if (rest_ms > 0) {
    if (rest_ms % 1000 == 0) {
      out += fmt::format("{}s", rest_ms / 1000);
    } else {
      std::string fraction = fmt::format("{:03}", rest_ms % 1000);
      while (fraction.back() == '0') {
        fraction.pop_back();
      }
      out += fmt::format("{}.{}s", rest_ms / 1000, fraction);
    }
  }
  return out;
}

}  // namespace backcare
