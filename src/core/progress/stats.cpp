#include "progress/stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

#include "journal/practice.hpp"

namespace backcare {
namespace {

// One practice: a session and the sessions that resume it, counted on the first part's day.
struct Practice {
  std::int64_t day = 0;  // days_from_civil of the local day
  std::string routine;
  DayPractice parts;     // its own parts (previews add nothing)
  bool counted = false;  // it has a part that is not a preview, and its routine's day counts
};

using RoutineDay = std::pair<std::int64_t, std::string>;

// The records as day-numbered facts, up to the "as of" day.
struct Facts {
  std::vector<Practice> practices;
  std::map<RoutineDay, DayPractice> days;  // every part of a routine on a day: the one rule
  std::set<std::int64_t> safety_days;
  std::set<std::int64_t> rest_days;  // marked with `backcare rest`, up to their last day
  std::vector<std::pair<std::int64_t, int>> pains;         // day, score
  std::vector<PainScore> scores;                           // the same, with where each came from
  std::vector<HealthEvent> events;                         // every day up to as_of
  std::vector<DatedNote> notes;                            // check-in notes
  std::vector<std::pair<std::int64_t, std::string>> ends;  // day, status of each non-preview run
  std::optional<std::int64_t> first_day;                   // of any session or check-in
};

std::optional<std::int64_t> record_day(const JournalRecord& record, int day_start) {
  const auto instant = parse_instant(record.started);
  if (!instant) {
    return std::nullopt;
  }
  return days_from_civil(local_day(*instant, day_start));
}

void add_session(const JournalRecord& record, std::int64_t day, Facts& facts,
                 std::unordered_map<std::string, std::size_t>& practice_of) {
  std::size_t index = facts.practices.size();
  const auto root = record.resumes.empty() ? practice_of.end() : practice_of.find(record.resumes);
  if (root != practice_of.end()) {
    index = root->second;
  } else {
    facts.practices.push_back(Practice{day, record.routine, {}, false});
  }
  if (!record.id.empty()) {
    practice_of.emplace(record.id, index);
  }
  Practice& practice = facts.practices[index];
  practice.parts.add(record);
  facts.days[{practice.day, practice.routine}].add(record);
  if (record.status == "safety-stop") {
    facts.safety_days.insert(day);
    facts.events.push_back({civil_from_days(day), "safety stop", record.routine, record.pain,
                            record.stop_step, record.stop_title});
  }
  if (!is_preview(record.speed.value_or(1.0))) {
    facts.ends.emplace_back(day, record.status);
  }
}

// A rest record's days (`days` from `from`, at most k_max_rest_days), when it was written by
// the as-of day.
void add_rest(const JournalRecord& record, const Config& config, std::int64_t last, Facts& facts) {
  const auto written = record_day(record, config.day_starts_at_minutes);
  const auto from = parse_date(record.from);
  if (!written || *written > last) {
    return;
  }
  const std::int64_t first = from ? days_from_civil(*from) : *written;
  const std::int64_t count = std::clamp<std::int64_t>(record.days.value_or(1), 1, k_max_rest_days);
  for (std::int64_t day = first; day < first + count; ++day) {
    facts.rest_days.insert(day);
  }
}

Facts gather(const std::vector<JournalRecord>& records, const Config& config, std::int64_t last) {
  Facts facts;
  std::unordered_map<std::string, std::size_t> practice_of;
  for (const JournalRecord& record : apply_forgets(records)) {
    if (record.kind == k_kind_rest) {
      add_rest(record, config, last, facts);
      continue;
    }
    const bool session = record.kind == k_kind_session;
    if (!session && record.kind != k_kind_checkin) {
      continue;
    }
    const auto day = record_day(record, config.day_starts_at_minutes);
    if (!day || *day > last) {
      continue;
    }
    facts.first_day = std::min(facts.first_day.value_or(*day), *day);
    if (session) {
      add_session(record, *day, facts, practice_of);
    }
    if (record.pain) {
      facts.pains.emplace_back(*day, *record.pain);
      facts.scores.push_back({civil_from_days(*day), *record.pain, session});
    }
    if (!session && !record.note.empty()) {
      facts.notes.push_back({civil_from_days(*day), record.note});
    }
    for (const std::string& symptom : record.symptoms) {
      facts.events.push_back({civil_from_days(*day), symptom, session ? record.routine : "",
                              record.pain, std::nullopt, ""});
    }
  }
  const auto by_date = [](const auto& a, const auto& b) { return a.date < b.date; };
  std::stable_sort(facts.events.begin(), facts.events.end(), by_date);
  std::stable_sort(facts.notes.begin(), facts.notes.end(), by_date);
  std::stable_sort(facts.scores.begin(), facts.scores.end(), by_date);
  for (Practice& practice : facts.practices) {
    practice.counted =
        practice.parts.parts > 0 && facts.days.at({practice.day, practice.routine}).counts();
  }
  return facts;
}

// Days of each goal's routine practised, as day numbers.
std::map<std::string, std::set<std::int64_t>> goal_days(const Facts& facts, const Config& config) {
  std::map<std::string, std::set<std::int64_t>> out;
  for (const auto& [name, goal] : config.goals) {
    if (goal.nights > 0) {
      out[name];
    }
  }
  for (const Practice& practice : facts.practices) {
    const auto found = out.find(practice.routine);
    if (practice.counted && found != out.end()) {
      found->second.insert(practice.day);
    }
  }
  return out;
}

// Days in a row with practice; a rest day between two of them neither breaks the run nor adds
// to it.
Streak day_streak(const std::set<std::int64_t>& days, const std::set<std::int64_t>& rest,
                  std::int64_t today) {
  const auto only_rest_between = [&](std::int64_t a, std::int64_t b) {
    for (std::int64_t day = a + 1; day < b; ++day) {
      if (rest.count(day) == 0) {
        return false;
      }
    }
    return true;
  };
  Streak streak;
  int run = 0;
  std::int64_t previous = 0;
  for (const std::int64_t day : days) {
    run = (run > 0 && only_rest_between(previous, day)) ? run + 1 : 1;
    previous = day;
    streak.best = std::max(streak.best, run);
  }
  std::int64_t day = today;
  if (days.count(today) == 0) {  // today can still be practised
    --day;
  }
  for (; days.count(day) != 0 || rest.count(day) != 0; --day) {
    streak.current += days.count(day) != 0 ? 1 : 0;
  }
  return streak;
}

// A goal's nights for the week starting `start`: fewer when rest days leave fewer days open.
int week_target(int nights, const std::set<std::int64_t>& rest, std::int64_t start) {
  const auto rested =
      static_cast<int>(std::distance(rest.lower_bound(start), rest.lower_bound(start + 7)));
  return std::min(nights, 7 - rested);
}

// Weeks meeting `target`: `first_week`..`this_week` are week start day numbers.
Streak week_streak(const std::set<std::int64_t>& days, int goal_nights,
                   const std::set<std::int64_t>& rest, std::int64_t this_week,
                   bool this_week_open) {
  std::map<std::int64_t, int> nights;  // week start → nights
  for (const std::int64_t day : days) {
    const std::int64_t start = this_week - ((this_week - day + 6) / 7) * 7;
    ++nights[start];
  }
  Streak streak;
  int run = 0;
  std::int64_t previous = 0;
  // A week all rest (target 0) is met without a night.
  if (!rest.empty() && *rest.begin() <= this_week) {
    for (std::int64_t start = this_week - ((this_week - *rest.begin() + 6) / 7) * 7;
         start <= this_week; start += 7) {
      if (week_target(goal_nights, rest, start) <= 0) {
        nights.try_emplace(start, 0);
      }
    }
  }
  for (const auto& [start, count] : nights) {
    if (count < week_target(goal_nights, rest, start)) {
      run = 0;
      continue;
    }
    run = (run > 0 && start == previous + 7) ? run + 1 : 1;
    previous = start;
    streak.best = std::max(streak.best, run);
  }
  const auto met = [&](std::int64_t start) {
    const auto found = nights.find(start);
    return found != nights.end() && found->second >= week_target(goal_nights, rest, start);
  };
  std::int64_t week = (met(this_week) || !this_week_open) ? this_week : this_week - 7;
  while (met(week)) {
    ++streak.current;
    week -= 7;
  }
  return streak;
}

// The last day of `week` with a pain score (the week holds at least one).
CivilDate last_pain_day(const Stats& stats, const WeekStats& week) {
  CivilDate last = week.start;
  for (const PainScore& score : stats.pains) {
    if (score.date >= week.start && days_from_civil(score.date) < days_from_civil(week.start) + 7) {
      last = score.date;
    }
  }
  return last;
}

std::vector<Advice> find_advice(const Stats& stats) {
  std::vector<Advice> advice;
  std::map<std::string, std::set<std::int64_t>> symptom_days;
  for (const HealthEvent& event : stats.events) {
    if (event.what != "safety stop") {
      symptom_days[event.what].insert(days_from_civil(event.date));
    }
  }
  for (const auto& [symptom, days] : symptom_days) {
    std::int64_t previous = 0;
    bool first = true;
    for (const std::int64_t day : days) {
      if (!first && day - previous <= 13) {
        advice.push_back(
            {fmt::format("{} noted on 2 days within 14 ({}, {})", symptom,
                         format_date(civil_from_days(previous)), format_date(civil_from_days(day))),
             civil_from_days(day)});
        break;
      }
      first = false;
      previous = day;
    }
  }
  for (std::size_t i = 1; i < stats.weeks.size(); ++i) {
    const auto& before = stats.weeks[i - 1].pain_mean;
    const auto& after = stats.weeks[i].pain_mean;
    if (before && after && *before >= 5 && *after >= 5) {
      advice.push_back(
          {fmt::format("weekly pain mean of 5 or more for 2 weeks running (weeks "
                       "of {} and {})",
                       format_date(stats.weeks[i - 1].start), format_date(stats.weeks[i].start)),
           last_pain_day(stats, stats.weeks[i])});
      break;
    }
  }
  return advice;
}

void fill_weeks(Stats& stats, const Facts& facts,
                const std::map<std::string, std::set<std::int64_t>>& goals, const Config& config,
                std::int64_t first, std::int64_t last) {
  const std::int64_t as_of = days_from_civil(stats.as_of);
  for (std::size_t w = 0; w < stats.weeks.size(); ++w) {
    WeekStats& week = stats.weeks[w];
    const std::int64_t start = first + static_cast<std::int64_t>(w) * 7;
    week.start = civil_from_days(start);
    for (std::int64_t day = start; day < start + 7; ++day) {
      week.days.push_back({civil_from_days(day), false, facts.safety_days.count(day) != 0,
                           day > as_of, false, facts.rest_days.count(day) != 0});
    }
    for (const auto& [name, days] : goals) {
      GoalWeek& goal = week.goals[name];
      goal.nights =
          static_cast<int>(std::distance(days.lower_bound(start), days.lower_bound(start + 7)));
      goal.met = goal.nights >= week_target(config.goals.at(name).nights, facts.rest_days, start);
    }
  }
  for (const Practice& practice : facts.practices) {
    if (!practice.counted || practice.day < first || practice.day > last) {
      continue;
    }
    WeekStats& week = stats.weeks[static_cast<std::size_t>((practice.day - first) / 7)];
    DayStats& day = week.days[static_cast<std::size_t>((practice.day - first) % 7)];
    day.practised = true;
    if (goals.count(practice.routine) == 0 && !day.other) {
      day.other = true;  // the report shows this apart from the goals' charts
      ++week.other_days;
    }
    ++week.practices;
    add_saturating(week.active_ms, practice.parts.real_ms);
    add_saturating(week.active_ms_by_routine[practice.routine], practice.parts.real_ms);
    ++stats.practices;
    add_saturating(stats.active_ms, practice.parts.real_ms);
    add_saturating(stats.active_ms_by_routine[practice.routine], practice.parts.real_ms);
  }
  std::vector<std::int64_t> pain_sums(stats.weeks.size(), 0);
  for (const auto& [day, score] : facts.pains) {
    if (day >= first && day <= last) {
      const auto w = static_cast<std::size_t>((day - first) / 7);
      pain_sums[w] += score;
      ++stats.weeks[w].pain_count;
    }
  }
  for (std::size_t w = 0; w < stats.weeks.size(); ++w) {
    if (stats.weeks[w].pain_count > 0) {
      stats.weeks[w].pain_mean =
          static_cast<double>(pain_sums[w]) / static_cast<double>(stats.weeks[w].pain_count);
    }
  }
}

// The notes, scores and session ends of the days `first`..`last`.
void fill_period_lists(Stats& stats, const Facts& facts, std::int64_t first, std::int64_t last) {
  const auto within = [&](const CivilDate& date) {
    const std::int64_t day = days_from_civil(date);
    return day >= first && day <= last;
  };
  std::copy_if(facts.notes.begin(), facts.notes.end(), std::back_inserter(stats.notes),
               [&](const DatedNote& note) { return within(note.date); });
  std::copy_if(facts.scores.begin(), facts.scores.end(), std::back_inserter(stats.pains),
               [&](const PainScore& score) { return within(score.date); });
  for (const auto& [day, status] : facts.ends) {
    if (day < first || day > last) {
      continue;
    }
    if (status == "completed" || status == "completed-skipping") {
      ++stats.sessions.completed;
    } else if (status == "quit" || status == "interrupted") {
      ++stats.sessions.stopped;
    } else if (status == "safety-stop") {
      ++stats.sessions.safety_stops;
    }
  }
}

// Weeks meeting each goal, of the weeks with data: a week before the first record knows
// nothing, and the week holding the as-of day is counted only once met (it may still be).
void fill_adherence(Stats& stats, const Facts& facts) {
  for (const GoalProgress& goal : stats.this_week) {
    Adherence& adherence = stats.adherence[goal.routine];
    for (std::size_t w = 0; w < stats.weeks.size(); ++w) {
      const WeekStats& week = stats.weeks[w];
      const bool no_data = !facts.first_day || days_from_civil(week.start) + 6 < *facts.first_day;
      const bool met = week.goals.at(goal.routine).met;
      if (no_data || (w + 1 == stats.weeks.size() && !met)) {
        continue;
      }
      ++adherence.weeks;
      adherence.met += met ? 1 : 0;
    }
  }
}

}  // namespace

CivilDate week_start_of(const CivilDate& date, int week_starts) {
  const int back = (weekday(date) - week_starts + 7) % 7;
  return civil_from_days(days_from_civil(date) - back);
}

Stats compute_stats(const std::vector<JournalRecord>& records, const Config& config,
                    const CivilDate& as_of, int weeks) {
  weeks = std::clamp(weeks, 1, k_max_stats_weeks);
  Stats stats;
  stats.as_of = as_of;
  stats.week_starts = config.week_starts;
  stats.day_starts_at_minutes = config.day_starts_at_minutes;
  const std::int64_t today = days_from_civil(as_of);
  const std::int64_t this_week = days_from_civil(week_start_of(as_of, config.week_starts));
  const std::int64_t first = this_week - 7 * static_cast<std::int64_t>(weeks - 1);
  const std::int64_t last = this_week + 6;
  const Facts facts = gather(records, config, today);
  const auto goals = goal_days(facts, config);
  stats.weeks.resize(static_cast<std::size_t>(weeks));
  if (facts.first_day) {
    stats.first_record = civil_from_days(*facts.first_day);
  }
  fill_weeks(stats, facts, goals, config, first, last);

  std::set<std::int64_t> practised;
  for (const Practice& practice : facts.practices) {
    if (practice.counted) {
      practised.insert(practice.day);
    }
  }
  stats.day_streak = day_streak(practised, facts.rest_days, today);
  const auto rest_ahead =
      std::distance(facts.rest_days.lower_bound(today), facts.rest_days.lower_bound(this_week + 7));
  // today included, rest days not
  const int open_days = static_cast<int>(this_week + 7 - today - rest_ahead);
  for (const auto& [name, days] : goals) {
    GoalProgress progress;
    progress.routine = name;
    progress.target = week_target(config.goals.at(name).nights, facts.rest_days, this_week);
    progress.of = config.goals.at(name).of;
    progress.nights = stats.weeks.back().goals[name].nights;
    progress.met = progress.nights >= progress.target;
    progress.done_today = days.count(today) != 0;
    progress.rest_today = facts.rest_days.count(today) != 0;
    progress.days_left =
        std::max(0, open_days - (progress.done_today && !progress.rest_today ? 1 : 0));
    progress.reachable = progress.met || progress.nights + progress.days_left >= progress.target;
    progress.is_default = !config.goals_set;
    stats.this_week.push_back(progress);
    stats.goal_streaks[name] = week_streak(days, config.goals.at(name).nights, facts.rest_days,
                                           this_week, progress.reachable && !progress.met);
  }
  for (const HealthEvent& event : facts.events) {
    const std::int64_t day = days_from_civil(event.date);
    if (day < first) {
      continue;
    }
    stats.events.push_back(event);
    if (event.what == "safety stop") {
      ++stats.safety_stops;
    } else {
      ++stats.symptom_counts[event.what];
    }
  }
  fill_period_lists(stats, facts, first, last);
  fill_adherence(stats, facts);
  stats.advice = find_advice(stats);
  return stats;
}

namespace {

Json streak_json(const Streak& streak) {
  return {{"current", streak.current}, {"best", streak.best}};
}

Json minutes_json(const std::map<std::string, std::int64_t>& by_routine) {
  Json out = Json::object();
  for (const auto& [routine, ms] : by_routine) {
    out[routine] = whole_minutes(ms);
  }
  return out;
}

Json week_json(const WeekStats& week) {
  Json days = Json::array();
  for (const DayStats& day : week.days) {
    days.push_back({{"date", format_date(day.date)},
                    {"practised", day.practised},
                    {"safety_stop", day.safety_stop},
                    {"rest", day.rest},
                    {"future", day.future}});
  }
  Json goals = Json::object();
  for (const auto& [name, goal] : week.goals) {
    goals[name] = {{"nights", goal.nights}, {"met", goal.met}};
  }
  return {{"start", format_date(week.start)},
          {"end", format_date(civil_from_days(days_from_civil(week.start) + 6))},
          {"practices", week.practices},
          {"other_days", week.other_days},
          {"minutes", whole_minutes(week.active_ms)},
          {"minutes_by_routine", minutes_json(week.active_ms_by_routine)},
          {"goals", goals},
          {"pain_mean", week.pain_mean ? Json(*week.pain_mean) : Json(nullptr)},
          {"pain_count", week.pain_count},
          {"days", days}};
}

}  // namespace

Json stats_to_json(const Stats& stats) {
  Json this_week = Json::array();
  for (const GoalProgress& goal : stats.this_week) {
    this_week.push_back({{"routine", goal.routine},
                         {"nights", goal.nights},
                         {"target", goal.target},
                         {"of", goal.of},
                         {"days_left", goal.days_left},
                         {"met", goal.met},
                         {"reachable", goal.reachable},
                         {"default", goal.is_default}});
  }
  Json goal_streaks = Json::object();
  for (const auto& [name, streak] : stats.goal_streaks) {
    goal_streaks[name] = streak_json(streak);
  }
  Json weeks = Json::array();
  for (const WeekStats& week : stats.weeks) {
    weeks.push_back(week_json(week));
  }
  Json events = Json::array();
  for (const HealthEvent& event : stats.events) {
    Json item = {{"date", format_date(event.date)}, {"what", event.what}};
    if (!event.routine.empty()) {
      item["routine"] = event.routine;
    }
    if (event.pain) {
      item["pain"] = *event.pain;
    }
    if (event.step) {
      item["step"] = *event.step;
      item["step_title"] = event.step_title;
    }
    events.push_back(item);
  }
  Json symptoms = Json::object();
  for (const auto& [name, count] : stats.symptom_counts) {
    symptoms[name] = count;
  }
  Json advice = Json::array();
  for (const Advice& item : stats.advice) {
    advice.push_back(item.reason);
  }
  return {
      {"as_of", format_date(stats.as_of)},
      {"week_starts", k_weekday_names[static_cast<std::size_t>(stats.week_starts)]},
      {"day_starts_at", format_clock_time(stats.day_starts_at_minutes)},
      {"period",
       {{"start", format_date(stats.weeks.front().start)},
        {"end", format_date(civil_from_days(days_from_civil(stats.weeks.back().start) + 6))},
        {"weeks", stats.weeks.size()}}},
      {"this_week", this_week},
      {"streaks", {{"days", streak_json(stats.day_streak)}, {"goals", goal_streaks}}},
      {"practices", stats.practices},
      {"minutes", whole_minutes(stats.active_ms)},
      {"minutes_by_routine", minutes_json(stats.active_ms_by_routine)},
      {"symptoms", symptoms},
      {"safety_stops", stats.safety_stops},
      {"events", events},
      {"see_physiotherapist", advice},
      {"first_record", stats.first_record ? Json(format_date(*stats.first_record)) : Json(nullptr)},
      {"weeks", weeks}};
}

std::int64_t whole_minutes(std::int64_t ms) {
  return ms / 60000 + (ms % 60000 >= 30000 ? 1 : 0);  // rounded, without overflow near the top
}

}  // namespace backcare
