#pragma once
// A breath pattern far outside what anyone breathes comfortably (an inhale of 0.1 s, an exhale
// of 60 s) is most likely a slip ("0.1" for "10", "1m" for "1s"), but it is no error: a
// routine may mean it. `validate` and a run with breath overrides say so as a warning and keep
// the routine as it is.
#include <cstdint>
#include <string>
#include <vector>

#include "routine/routine.hpp"

namespace backcare {

// The comfortable range of an inhale or an exhale, and the longest comfortable hold.
inline constexpr std::int64_t k_breath_min_ms = 1000;
inline constexpr std::int64_t k_breath_max_ms = 20000;
inline constexpr std::int64_t k_hold_max_ms = 30000;

// One line per breath phase out of range, in step order:
//   step 1 "360° breathing": an exhale of 1m is far outside a comfortable breath (1s to 20s)
//   step 2 "Box": a hold of 45s is far outside a comfortable breath (at most 30s)
std::vector<std::string> breath_warnings(const Routine& routine);

}  // namespace backcare
