#include "programme/today.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/sanitize.hpp"
#include "base/text.hpp"
#include "progress/stats.hpp"

namespace backcare {
namespace {

PlanPhase phase_of(const PlanState& plan, const Programme* programme, int week) {
  if (!plan.active || programme == nullptr) {
    return PlanPhase::none;
  }
  if (week == 0) {
    return PlanPhase::upcoming;
  }
  if (week > programme->weeks()) {
    return PlanPhase::finished;
  }
  return plan.paused() && !plan.held() ? PlanPhase::paused : PlanPhase::running;
}

// The routines to count: the plan week's (or the goals, without a plan running), then every
// other routine of the journal, so "done today" names them too.
std::vector<TodayItem> items_for(const TodayView& view, const Config& config,
                                 const Programme* programme) {
  std::vector<TodayItem> items;
  const ProgrammeBlock* block = view.phase == PlanPhase::running || view.phase == PlanPhase::paused
                                    ? programme->block_for(view.week)
                                    : nullptr;
  if (block != nullptr) {
    for (const ProgrammeItem& item : block->items) {
      items.push_back({item.routine, item.set, describe_values(item.set), 0, item.per_week, false});
    }
    return items;
  }
  for (const auto& [name, goal] : config.goals) {
    if (goal.nights > 0) {
      items.push_back({name, {}, "", 0, goal.nights, false});
    }
  }
  return items;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    out += (out.empty() ? "" : ", ") + safe_line(name);
  }
  return out;
}

std::string headline(const TodayView& view) {
  const std::string name = safe_line(view.plan.programme);
  switch (view.phase) {
    case PlanPhase::none:
      return "No plan followed: your goals for this week.\n";
    case PlanPhase::upcoming:
      return fmt::format("{} starts on {}: until then, your goals.\n", name,
                         format_date(view.plan.from));
    case PlanPhase::finished:
      return fmt::format(
          "{} is finished: {} weeks from {}. Your goals now; to go again: backcare plan start {} "
          "--replace\n",
          name, view.weeks, format_date(view.plan.from), name);
    case PlanPhase::paused:
      return fmt::format(
          "{} is paused since {}: week {} of {} waits for you. To go on: backcare plan resume\n",
          name, format_date(view.plan.pauses.back().from), view.week, view.weeks);
    case PlanPhase::running:
      break;
  }
  std::string out = fmt::format("{}, week {} of {}{}\n", name, view.week, view.weeks,
                                view.focus.empty() ? "" : ": " + safe_line(view.focus));
  if (view.plan.held()) {
    out += fmt::format(
        "After the {}, the plan stays on week {}. Go gently; when you are ready to go on: "
        "backcare plan resume\n",
        view.plan.pauses.back().reason, view.week);
  }
  return out;
}

}  // namespace

const TodayItem* TodayView::due() const {
  if (phase == PlanPhase::paused || rest_today) {
    return nullptr;
  }
  const auto found = std::find_if(items.begin(), items.end(), [](const TodayItem& item) {
    return !item.done_today && item.nights < item.target;
  });
  return found == items.end() ? nullptr : &*found;
}

TodayView compute_today(const std::vector<JournalRecord>& records, const Config& config,
                        const PlanState& plan, const Programme* programme, const CivilDate& as_of) {
  TodayView view;
  view.as_of = as_of;
  view.plan = plan;
  view.week = plan.active ? plan_week(plan, as_of, config.week_starts) : 0;
  view.phase = phase_of(plan, programme, view.week);
  if (programme != nullptr) {
    view.title = programme->title;
    view.weeks = programme->weeks();
    if (const ProgrammeBlock* block = programme->block_for(view.week)) {
      view.focus = block->focus;
    }
  }
  view.items = items_for(view, config, programme);

  // Counted by stats: each routine a goal, so its nights and today come from the one rule.
  Config counting = config;
  counting.goals.clear();
  for (const TodayItem& item : view.items) {
    counting.goals[item.routine] = Goal{std::max(1, item.target), 7};
  }
  for (const JournalRecord& record : records) {
    if (record.kind == k_kind_session && !record.routine.empty()) {
      counting.goals.try_emplace(record.routine, Goal{1, 7});
    }
  }
  const Stats stats = compute_stats(records, counting, as_of, 1);
  const auto today =
      static_cast<std::size_t>(days_from_civil(as_of) - days_from_civil(stats.weeks.back().start));
  view.rest_today = stats.weeks.back().days.at(today).rest;
  for (const GoalProgress& progress : stats.this_week) {
    const auto item = std::find_if(view.items.begin(), view.items.end(), [&](const TodayItem& i) {
      return i.routine == progress.routine;
    });
    if (item != view.items.end()) {
      item->nights = progress.nights;
      item->target = progress.target;  // fewer when rest days leave fewer days open
      item->done_today = progress.done_today;
    }
    if (progress.done_today) {
      view.done_today.push_back(progress.routine);
    }
  }
  return view;
}

std::string today_text(const TodayView& view) {
  std::string out = headline(view);
  const TodayItem* due = view.due();
  if (due != nullptr) {
    out +=
        fmt::format("Tonight: {}{}, {} of {} this week.\n", safe_line(due->routine),
                    due->values.empty() ? "" : " (" + due->values + ")", due->nights, due->target);
  } else if (view.rest_today) {
    out += "Today is a rest day: nothing is due.\n";
  } else if (view.phase != PlanPhase::paused) {
    out += "Nothing more is due today.\n";
  }
  int name_width = 0;
  int values_width = 0;
  for (const TodayItem& item : view.items) {
    name_width = std::max(name_width, display_width(safe_line(item.routine)));
    values_width = std::max(values_width, display_width(item.values));
  }
  out += "This week:\n";
  for (const TodayItem& item : view.items) {
    const std::string name = safe_line(item.routine);
    // The values column only when a routine of the week has values.
    const std::string values =
        values_width == 0
            ? ""
            : item.values +
                  std::string(static_cast<std::size_t>(values_width - display_width(item.values)),
                              ' ') +
                  "  ";
    std::string line =
        fmt::format("  {}{}  {}{} of {}", name,
                    std::string(static_cast<std::size_t>(name_width - display_width(name)), ' '),
                    values, item.nights, item.target);
    if (item.done_today) {
      line += "  done today";
    } else if (item.nights >= item.target) {
      line += "  met";
    }
    out += line + "\n";
  }
  out += view.done_today.empty() ? "Done today: nothing yet.\n"
                                 : fmt::format("Done today: {}.\n", join(view.done_today));
  if (due != nullptr) {
    out += "Start it: backcare today --start\n";
  }
  return out;
}

std::string today_short(const TodayView& view) {
  std::string out;
  if (view.rest_today) {
    out = "rest day";
  } else if (view.phase == PlanPhase::paused) {
    out = "plan paused";
  } else if (const TodayItem* due = view.due()) {
    out = fmt::format("tonight: {} {}/{}", safe_line(due->routine), due->nights, due->target);
  } else {
    out = "nothing due";
  }
  if (!view.done_today.empty()) {
    out += " | done: " + join(view.done_today);
  }
  return out;
}

std::string today_home_line(const TodayView& view) {
  std::string out;
  if (view.rest_today) {
    out = "a rest day";
  } else if (view.phase == PlanPhase::paused) {
    out = "the plan is paused (backcare plan resume)";
  } else if (const TodayItem* due = view.due()) {
    out =
        fmt::format("{}{}, {} of {} this week", safe_line(due->routine),
                    due->values.empty() ? "" : " (" + due->values + ")", due->nights, due->target);
    if (view.phase == PlanPhase::running) {
      out += fmt::format(", plan week {} of {}", view.week, view.weeks);
    }
  } else {
    out = "nothing more is due";
  }
  if (!view.done_today.empty()) {
    out += "; done today: " + join(view.done_today);
  }
  return out;
}

}  // namespace backcare
