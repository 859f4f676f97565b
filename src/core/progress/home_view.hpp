#pragma once
// What `backcare` alone shows, and the line after a session: the routines, this week at a
// glance (from compute_stats, so the one counting rule of journal/practice.hpp decides), and
// every main command, in 80 columns. Pure: the catalog, the config and the journal are read by
// the caller, which says here what it could not read.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "progress/stats.hpp"

namespace backcare {

// One routine of the home screen. Its name and title are untrusted (made safe here).
struct HomeRoutine {
  std::string name;
  std::string title;
  std::optional<std::int64_t> total_ms;  // nullopt: the routine is not valid
};

struct HomeInput {
  std::vector<HomeRoutine> routines;
  std::optional<Stats> week;       // this week; nullopt when the journal could not be read
  std::vector<std::string> notes;  // what could not be read, said under the week (safe text)
  std::string tonight;             // the plan's "Tonight:" line (`backcare today`); "" for none
  int width = 80;
};

// The home screen, ending with "\n". At most k_home_routines routines, then "and N more".
std::string home_text(const HomeInput& input);

inline constexpr std::size_t k_home_routines = 12;

// The lines that end a recorded session, ending with "\n": what was recorded (its id as
// `history` shows it) and where the week stands for `routine`: its goal ("night-release 4 of 5
// this week, 1 day left") or, without one, the week's practices and minutes; only the first
// when the week could not be read.
std::string session_week_text(const std::optional<Stats>& stats, const std::string& routine,
                              const std::string& record_id, int width);

}  // namespace backcare
