#include "routine/breath_range.hpp"

#include <fmt/format.h>

#include "base/duration.hpp"
#include "base/sanitize.hpp"

namespace backcare {

std::vector<std::string> breath_warnings(const Routine& routine) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const Step& step = routine.steps[i];
    if (step.kind != StepKind::breath) {
      continue;
    }
    const std::string where = fmt::format("step {} \"{}\"", i + 1, safe_line(step.title));
    const auto check = [&](const char* phase, std::int64_t ms, std::int64_t low,
                           std::int64_t high) {
      if (ms < low || ms > high) {
        const std::string range = low == 0 ? "at most " + format_duration(high)
                                           : format_duration(low) + " to " + format_duration(high);
        out.push_back(fmt::format("{}: {} of {} is far outside a comfortable breath ({})", where,
                                  phase, format_duration(ms), range));
      }
    };
    check("an inhale", step.pattern.inhale_ms, k_breath_min_ms, k_breath_max_ms);
    check("an exhale", step.pattern.exhale_ms, k_breath_min_ms, k_breath_max_ms);
    check("a hold", step.pattern.hold_ms, 0, k_hold_max_ms);
    check("a hold after the exhale", step.pattern.hold_empty_ms, 0, k_hold_max_ms);
  }
  return out;
}

}  // namespace backcare
