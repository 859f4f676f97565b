#pragma once
// A programme: weeks of practice that grow, as a file like a routine. Each block of weeks
// names routines, how often a week, and the parameter values for those weeks (what `--set`
// would give). Pure: reading and checking the text; which routines exist comes through the
// same RoutineResolver the loader uses for includes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "routine/loader.hpp"
#include "routine/params.hpp"

namespace backcare {

inline constexpr int k_max_programme_weeks = 52;

// One routine of a block: what to do, how many days a week, with which parameter values.
struct ProgrammeItem {
  std::string routine;  // a routine name (built-in or the user's)
  int per_week = 0;     // 1 to 7
  ParamValues set;      // parameter values, each with where it was written
  std::string path;     // JSON path of the item, for messages
};

// Weeks `from` to `to` (1-based, inclusive) of a programme.
struct ProgrammeBlock {
  int from = 0;
  int to = 0;
  std::string focus;  // a few words: "Breathing and posture"
  std::string notes;  // optional guidance for these weeks
  std::vector<ProgrammeItem> items;
};

struct Programme {
  std::string name;  // slug, as routines
  std::string title;
  std::string description;
  std::vector<ProgrammeBlock> blocks;  // in order, contiguous from week 1
  std::string source;

  int weeks() const { return blocks.empty() ? 0 : blocks.back().to; }
  // The block for 1-based week `week`, nullptr past the end.
  const ProgrammeBlock* block_for(int week) const;
};

struct ProgrammeLoad {
  Programme programme;
  Diagnostics errors;
  bool ok() const { return errors.empty(); }
};

// Reads and checks a programme's text: the keys, the week ranges (from week 1, no gap and no
// overlap), the counts. `resolver`, when given, is asked for every routine named: a routine
// that does not exist, a parameter it does not declare or a value outside its range is an
// error at the place in the programme that names it.
ProgrammeLoad load_programme(std::string_view text, const std::string& source,
                             const RoutineResolver* resolver = nullptr);

// "3 sets of 8" style text of an item's parameter values, in file order: "sets 3, reps 8".
std::string describe_values(const ParamValues& values);

}  // namespace backcare
