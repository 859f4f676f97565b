#pragma once
// What `backcare today` says: the plan week and what it asks for, each routine's nights this
// week against its count (counted by stats, the one rule of journal/practice.hpp), what is done
// today and the routine due tonight. Without a plan, the goals of the config say what is due.
// Pure: the day and the records come from the caller.
#include <string>
#include <vector>

#include "config/config.hpp"
#include "journal/journal.hpp"
#include "programme/plan_state.hpp"
#include "programme/programme.hpp"

namespace backcare {

// One routine of this week.
struct TodayItem {
  std::string routine;
  ParamValues set;     // the plan week's values (what `--set` gives), empty for a goal
  std::string values;  // "2 sets of 8", "" without values
  int nights = 0;      // this calendar week, as stats counts them
  int target = 0;      // the plan's per_week, or the goal's nights
  bool done_today = false;
};

enum class PlanPhase { none, upcoming, running, paused, finished };

struct TodayView {
  CivilDate as_of;
  PlanPhase phase = PlanPhase::none;
  PlanState plan;  // phase != none
  std::string title;
  int week = 0;  // the plan week (PlanPhase::running, paused)
  int weeks = 0;
  std::string focus;
  std::vector<TodayItem> items;         // the plan week's routines, or the goals
  std::vector<std::string> done_today;  // every routine practised today, by name
  bool rest_today = false;              // a rest day (`backcare rest`): nothing is due

  // The first routine not done today whose week is not met yet; nullptr when none.
  const TodayItem* due() const;
};

// `programme` is the active plan's programme (nullptr without a plan: the goals then).
TodayView compute_today(const std::vector<JournalRecord>& records, const Config& config,
                        const PlanState& plan, const Programme* programme, const CivilDate& as_of);

// The text of `backcare today`, lines ending "\n".
std::string today_text(const TodayView& view);
// One line for a prompt or a status bar (no "\n"): "tonight: hinge 0/2 | done: breathe".
std::string today_short(const TodayView& view);
// The home screen's "Tonight:" line, after the label: "hinge (2 sets of 8), 0 of 2 this week,
// plan week 5 of 12; done today: breathe".
std::string today_home_line(const TodayView& view);

}  // namespace backcare
