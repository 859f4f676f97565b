#pragma once
// This week's figures for the home screen and the end of a session: the config's goals and the
// journal, read without failing. What could not be read is said in `notes`, never thrown: a
// missing or damaged journal must not stop `backcare` from showing the routines.
#include <optional>
#include <string>
#include <vector>

#include "progress/stats.hpp"

namespace backcare {

struct ThisWeek {
  std::optional<Stats> stats;          // nullopt when the journal could not be read
  std::vector<std::string> notes;      // safe text: "the journal could not be read: ..."
  std::vector<JournalRecord> records;  // the journal as read (empty when it could not be)
};

// compute_stats for the one week holding today (as `stats` counts it).
ThisWeek read_this_week();

}  // namespace backcare
