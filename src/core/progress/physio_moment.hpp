#pragma once
// The "see a physiotherapist" patterns of `stats` and `report` (a sign again within 14 days, a
// weekly pain mean of 5 or more two weeks running), said at the moment they become true: after
// the check-in or the pain answer that completes one. The same rule as stats (compute_stats'
// `advice`), asked twice, with the new record and without it. Pure: the caller reads the
// journal and the day.
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "journal/journal.hpp"
#include "progress/stats.hpp"

namespace backcare {

// Weeks looked at: enough for two signs 13 days apart, and for two whole weeks of pain.
inline constexpr int k_physio_moment_weeks = 3;

// The reasons found in the weeks up to `as_of` with every record, and not when the records with
// id `added_id` are left out: what that record completed. Empty when it completed nothing, or
// when the pattern was already there before it.
std::vector<Advice> completed_advice(const std::vector<JournalRecord>& records,
                                     std::string_view added_id, const Config& config,
                                     const CivilDate& as_of);

// What to say about `reasons`, word-wrapped to lines shorter than `width` columns (at most 79),
// each ending with "\n"; "" for none.
std::string physio_moment_text(const std::vector<Advice>& reasons, int width = 80);

}  // namespace backcare
