#pragma once
// Durations: parsing the routine format's strings ("90s", "1m30s", "10m", "1h") and
// formatting milliseconds for people ("10:00", "1:02:03", "4s", "2.5s").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backcare {

// Parses "90s", "1m30s", "1.5s", "10m", "1h", "1h2m3s", "250ms" into milliseconds.
// Returns nullopt for anything malformed, negative or above 24 h. Resolution is 1 ms; a value
// with a finer fraction ("0.0005s") is malformed.
std::optional<std::int64_t> parse_duration_string(std::string_view text);

// Seconds as a JSON number (integer or decimal) into milliseconds: nullopt when negative,
// not finite, above 24 h, or finer than 1 ms.
std::optional<std::int64_t> seconds_to_ms(double seconds);

// "10:00", "0:04", "1:02:03" (hours only when non-zero). Rounds down to whole seconds.
std::string format_clock(std::int64_t ms);

// Short human form for a phase length: "4s", "2.5s", "1m30s", "10m".
std::string format_duration(std::int64_t ms);

}  // namespace backcare
