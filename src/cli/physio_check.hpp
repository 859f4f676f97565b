#pragma once
// Says a "see a physiotherapist" pattern at the moment a record completes it (after a check-in,
// or the pain or sign answered after a session): reads the journal as it now is and asks the
// pure rule (progress/physio_moment.hpp) whether the record just appended made the pattern true.
#include <string>

#include "config/config.hpp"

namespace backcare {

// The words to say (lines ending "\n", shorter than `width`), or "" when the record `added_id`,
// already appended to the journal, completed no pattern, or when the journal cannot be read (this
// is a reminder: its absence is no error, and the read's own warnings were said by the append).
std::string physio_check(const std::string& added_id, const Config& config, int width = 80);

}  // namespace backcare
