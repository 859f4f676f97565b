#include "progress/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include "base/layout.hpp"
#include "base/sanitize.hpp"
#include "base/text.hpp"
#include "progress/stats_view.hpp"

namespace backcare {
namespace {

constexpr std::size_t k_max_event_rows = 10;
constexpr std::size_t k_max_routine_rows = 6;
// The newest check-in notes, each cut to about two printed lines: with the rest of the page,
// still one sheet of A4 or Letter for the busiest history.
constexpr std::size_t k_max_note_rows = 4;
constexpr int k_max_note_columns = 180;

const char* const k_style = R"(<style>
@page { margin: 9mm; }
* { box-sizing: border-box; }
body { font: 8.5pt/1.2 sans-serif; color: #111; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 14pt; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 2mm 0 0.5mm; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
td:first-child { white-space: nowrap; }
small { font-weight: normal; font-size: 8pt; }
th, td { text-align: left; padding: 0.3mm 2mm; border-bottom: 0.2mm solid #bbb; vertical-align: top; }
td.n, th.n { text-align: right; }
svg { display: block; width: 100%; height: auto; }
.note { font-size: 8pt; color: #333; border-top: 0.3mm solid #888; padding-top: 1mm; margin-top: 2mm; }
.advice { font-weight: bold; }
.old { font-weight: normal; }
.cap { font-size: 8.5pt; font-style: italic; margin: 1mm 0 0; }
</style>)";

std::string week_label(const WeekStats& week) {
  return fmt::format("{:02}-{:02}", week.start.month, week.start.day);
}

// One bar chart of days per week: what it counts, its goal (0: none) and each week's count.
struct BarChart {
  std::string label;        // the title and aria-label, already escaped
  std::string unit;         // "night", "day" (an "s" is added but for 1)
  int target = 0;           // the dashed goal line, 0 for none
  std::vector<int> counts;  // one per week of stats.weeks
  std::vector<bool> met;    // one per week
  int height = 120;         // in the 640-wide view box
};

// True for a week that ends before the first record: nothing is known of it, so it is "no
// data", not 0.
bool before_records(const Stats& stats, const WeekStats& week) {
  return !stats.first_record ||
         days_from_civil(week.start) + 6 < days_from_civil(*stats.first_record);
}

// Days per week as bars, the goal as a dashed line labelled in the right margin, where no bar
// or count can be, so the labels never overlap.
std::string bar_chart(const Stats& stats, const BarChart& chart) {
  const int w = 640;
  const int h = chart.height;
  const int left = 36;
  const int right = 48;
  const int bottom = 17;  // the week labels; the heading says what they are
  const int top = 12;
  const double plot_h = h - bottom - top;
  const double slot =
      static_cast<double>(w - left - right) / static_cast<double>(stats.weeks.size());
  std::string desc;
  std::string body;
  for (std::size_t i = 0; i < stats.weeks.size(); ++i) {
    const WeekStats& week = stats.weeks[i];
    const double x = left + slot * static_cast<double>(i);
    body += fmt::format(
        "<text class=\"week\" x=\"{:.1f}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">{}"
        "</text>",
        x + slot / 2, h - bottom + 12, week_label(week));
    if (before_records(stats, week)) {
      body += fmt::format(
          "<text class=\"nodata\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"8\" fill=\"#777\" "
          "text-anchor=\"middle\">no data</text>\n",
          x + slot / 2, top + plot_h - 3);
      desc +=
          fmt::format("{}week of {}: no data", desc.empty() ? "" : "; ", format_date(week.start));
      continue;
    }
    const int count = chart.counts[i];
    const bool met = chart.met[i];
    const double bar = plot_h * count / 7.0;
    body += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>"
        "<text class=\"count\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" "
        "text-anchor=\"middle\">{}</text>\n",
        x + slot * 0.15, top + plot_h - bar, slot * 0.7, bar, met ? "#2e7d32" : "#90a4ae",
        x + slot / 2, top + plot_h - bar - 2, count);
    desc +=
        fmt::format("{}week of {}: {} {}{}{}", desc.empty() ? "" : "; ", format_date(week.start),
                    count, chart.unit, count == 1 ? "" : "s", met ? " (goal met)" : "");
  }
  std::string axis;
  // Every number on the axis while its 9 px digits fit between them, else every second one.
  const int step = plot_h / 7.0 >= 8 ? 1 : 2;
  for (int n = 0; n <= 7; n += step) {
    const double y = top + plot_h - plot_h * n / 7.0;
    axis += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\">{}</text>",
                        left - 4, y + 3, n);
  }
  std::string goal_line;
  if (chart.target > 0) {
    const double y = top + plot_h - plot_h * chart.target / 7.0;
    goal_line = fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#c62828\" "
        "stroke-dasharray=\"5 3\"/><text class=\"goal\" x=\"{}\" y=\"{:.1f}\" font-size=\"9\" "
        "fill=\"#c62828\">goal {}</text>",
        left, y, w - right, y, w - right + 4, y + 3, chart.target);
  }
  // The caption is visible text: with a chart per goal, the reader must see which is which.
  return fmt::format(
      "<p class=\"cap\">{}</p>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\"><title>{}</title><desc>{}</desc>\n"
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#333\"/>"
      "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#333\"/>{}\n{}{}"
      "<text x=\"10\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 10 {:.1f})\">{}s</text></svg>\n",
      chart.label, w, h, chart.label, chart.label, desc, left, top, left, top + plot_h, left,
      top + plot_h, w - right, top + plot_h, axis, body, goal_line, top + plot_h / 2,
      top + plot_h / 2, chart.unit);
}

// One chart per goal, counting only the nights that goal counts; then the days of practice of
// routines without a goal, apart (or, with no goal, the days of any practice).
std::string practice_charts(const Stats& stats) {
  std::vector<BarChart> charts;
  for (const GoalProgress& goal : stats.this_week) {
    BarChart chart;
    chart.label = fmt::format("Nights of {} per week; goal: {} nights", html_escape(goal.routine),
                              goal.target);
    chart.unit = "night";
    chart.target = goal.target;
    for (const WeekStats& week : stats.weeks) {
      const GoalWeek& counted = week.goals.at(goal.routine);
      chart.counts.push_back(counted.nights);
      chart.met.push_back(counted.met);
    }
    charts.push_back(std::move(chart));
  }
  BarChart other;
  other.label = stats.this_week.empty() ? "Days practised per week"
                                        : "Days practised of routines without a goal, per week";
  other.unit = "day";
  int any = 0;
  for (const WeekStats& week : stats.weeks) {
    const int days =
        stats.this_week.empty()
            ? static_cast<int>(std::count_if(week.days.begin(), week.days.end(),
                                             [](const DayStats& d) { return d.practised; }))
            : week.other_days;
    other.counts.push_back(days);
    other.met.push_back(false);
    any += days;
  }
  if (stats.this_week.empty() || any > 0) {
    charts.push_back(std::move(other));
  }
  // Flatter charts when there are several, so that two goals and other practice still print on
  // one page.
  std::string out;
  for (BarChart& chart : charts) {
    chart.height = charts.size() > 2 ? 60 : charts.size() > 1 ? 80 : 100;
    out += bar_chart(stats, chart);
  }
  return out;
}

// Every score as a small dot on its day, filled after a session (its answer), open at a
// check-in, drawn under the weekly means.
std::string pain_dots(const Stats& stats, int left, double slot, double top, double plot_h,
                      std::string& desc) {
  const std::int64_t first = days_from_civil(stats.weeks.front().start);
  std::string dots;
  std::string listed;
  for (const PainScore& score : stats.pains) {
    const std::int64_t day = days_from_civil(score.date) - first;
    const double x =
        left + slot * (static_cast<double>(day / 7) + (static_cast<double>(day % 7) + 0.5) / 7.0);
    const double y = top + plot_h - plot_h * score.pain / 10.0;
    dots += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"1.8\" fill=\"{}\" stroke=\"#8e6aa8\" "
        "stroke-width=\"0.8\"/>",
        x, y, score.session ? "#8e6aa8" : "#fff");
    listed += fmt::format("{}{} {} ({})", listed.empty() ? "" : ", ", format_date(score.date),
                          score.pain, score.session ? "after a session" : "check-in");
  }
  if (!listed.empty()) {
    desc += ". Each score: " + listed;
  }
  return dots;
}

// The weekly pain mean as a line with points (a gap where no score was given), over every score.
std::string pain_chart(const Stats& stats) {
  const int w = 640;
  const int h = 90;
  const int left = 36;
  const int bottom = 30;
  const int top = 10;
  const double plot_h = h - bottom - top;
  const double slot = static_cast<double>(w - left - 8) / static_cast<double>(stats.weeks.size());
  std::string path;
  std::string points;
  std::string desc;
  bool pen = false;
  for (std::size_t i = 0; i < stats.weeks.size(); ++i) {
    const WeekStats& week = stats.weeks[i];
    const double x = left + slot * (static_cast<double>(i) + 0.5);
    points += fmt::format(
        "<text x=\"{:.1f}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">"
        "{}</text>",
        x, h - bottom + 12, week_label(week));
    desc += fmt::format("{}week of {}: {}", desc.empty() ? "" : "; ", format_date(week.start),
                        week.pain_mean ? format_mean(week.pain_mean) : "no score");
    if (!week.pain_mean) {
      pen = false;
      continue;
    }
    const double y = top + plot_h - plot_h * *week.pain_mean / 10.0;
    path += fmt::format("{}{:.1f} {:.1f} ", pen ? "L" : "M", x, y);
    pen = true;
    points += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#6a1b9a\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
        x, y, x, y - 5, format_mean(week.pain_mean));
  }
  std::string axis;
  for (int n = 0; n <= 10; n += 2) {
    const double y = top + plot_h - plot_h * n / 10.0;
    axis += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\">{}</text>",
                        left - 4, y + 3, n);
  }
  const std::string dots = pain_dots(stats, left, slot, top, plot_h, desc);
  const char* label =
      "Pain, 0 to 10: the weekly mean (line), each score after a session (filled dot) and at a "
      "check-in (open dot)";
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\"><title>{}</title><desc>{}</desc>\n"
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#333\"/>"
      "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#333\"/>{}\n"
      "{}<path d=\"{}\" fill=\"none\" stroke=\"#6a1b9a\" stroke-width=\"2\"/>{}"
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">week starting (month-day)"
      "</text><text x=\"10\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 10 {:.1f})\">pain</text></svg>\n",
      w, h, label, label, desc, left, top, left, top + plot_h, left, top + plot_h, w - 8,
      top + plot_h, axis, dots, path, points, (left + w) / 2, h - 4, top + plot_h / 2,
      top + plot_h / 2);
}

// What an event happened during: a check-in, or the routine, with the step of a safety stop
// ("night-release, step 3: Cat-cow"), escaped.
std::string during(const HealthEvent& event) {
  if (event.routine.empty()) {
    return "check-in";
  }
  if (!event.step) {
    return html_escape(event.routine);
  }
  return fmt::format("{}, step {}{}{}", html_escape(event.routine), *event.step,
                     event.step_title.empty() ? "" : ": ", html_escape(event.step_title));
}

std::string events_table(const Stats& stats) {
  if (stats.events.empty()) {
    return "<p>No symptoms and no safety stops recorded in this period.</p>\n";
  }
  std::string out =
      "<table><thead><tr><th>Date</th><th>What</th><th>During</th><th class=\"n\">Pain</th>"
      "</tr></thead><tbody>\n";
  const std::size_t skip =
      stats.events.size() > k_max_event_rows ? stats.events.size() - k_max_event_rows : 0;
  for (std::size_t i = skip; i < stats.events.size(); ++i) {
    const HealthEvent& event = stats.events[i];
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
                       format_date(event.date), html_escape(event.what), during(event),
                       event.pain ? std::to_string(*event.pain) : "");
  }
  out += "</tbody></table>\n";
  if (skip > 0) {
    out += fmt::format("<p>and {} earlier (see <code>backcare stats --json</code>).</p>\n", skip);
  }
  return out;
}

// Minutes per routine (the six largest, the rest together) and the symptoms noted, as two
// lines: tables of a few rows cost a printed page more height than it has.
std::string summary_lines(const Stats& stats) {
  std::vector<std::pair<std::string, std::int64_t>> by_minutes(stats.active_ms_by_routine.begin(),
                                                               stats.active_ms_by_routine.end());
  std::stable_sort(by_minutes.begin(), by_minutes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string routines;
  std::int64_t other_ms = 0;
  for (std::size_t i = 0; i < by_minutes.size(); ++i) {
    if (i + 1 >= k_max_routine_rows && by_minutes.size() > k_max_routine_rows) {
      if (__builtin_add_overflow(other_ms, by_minutes[i].second, &other_ms)) {
        other_ms = std::numeric_limits<std::int64_t>::max();  // saturates, as the totals do
      }
      continue;
    }
    routines += fmt::format("{}{} {}", routines.empty() ? "" : ", ",
                            html_escape(by_minutes[i].first), whole_minutes(by_minutes[i].second));
  }
  if (by_minutes.size() > k_max_routine_rows) {
    routines += fmt::format(", {} other routines {}", by_minutes.size() + 1 - k_max_routine_rows,
                            whole_minutes(other_ms));
  }
  std::string symptoms;
  for (const auto& [name, count] : stats.symptom_counts) {
    symptoms += fmt::format("{}{} {}", symptoms.empty() ? "" : ", ", html_escape(name), count);
  }
  return fmt::format(
      "<p><strong>Minutes by routine:</strong> {} ({} in all, {} practices).</p>\n"
      "<p><strong>Symptoms noted:</strong> {}; safety stops {}.</p>\n",
      routines.empty() ? "none" : routines, whole_minutes(stats.active_ms), stats.practices,
      symptoms.empty() ? "none" : symptoms, stats.safety_stops);
}

// The newest check-in notes, oldest of them first, each cut to about two printed lines.
std::string notes_table(const Stats& stats) {
  if (stats.notes.empty()) {
    return "";
  }
  const std::size_t skip =
      stats.notes.size() > k_max_note_rows ? stats.notes.size() - k_max_note_rows : 0;
  std::string out = "<h2>Check-in notes</h2>\n<table><tbody>\n";
  for (std::size_t i = skip; i < stats.notes.size(); ++i) {
    const DatedNote& note = stats.notes[i];
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", format_date(note.date),
                       html_escape(truncate_to_width(safe_line(note.text), k_max_note_columns)));
  }
  out += "</tbody></table>\n";
  if (skip > 0) {
    out += fmt::format("<p>and {} earlier (see <code>backcare history</code>).</p>\n", skip);
  }
  return out;
}

// How sessions ended, and how often each goal was met, in one paragraph each.
std::string outcome_lines(const Stats& stats) {
  const SessionCounts& n = stats.sessions;
  std::string out = fmt::format(
      "<p>Sessions: {} completed, {} stopped early (q or a signal), {} safety stop{} "
      "(previews not counted).</p>\n",
      n.completed, n.stopped, n.safety_stops, n.safety_stops == 1 ? "" : "s");
  std::string goals;
  for (const GoalProgress& goal : stats.this_week) {
    const Adherence& a = stats.adherence.at(goal.routine);
    goals += fmt::format(
        "{}{} ({} nights a week) in {} of {} week{}{}", goals.empty() ? "" : "; ",
        html_escape(goal.routine), goal.target, a.met, a.weeks, a.weeks == 1 ? "" : "s",
        a.weeks > 0 ? fmt::format(" ({}%)", (a.met * 100 + a.weeks / 2) / a.weeks) : "");
  }
  out += goals.empty() ? "<p>Goals: none.</p>\n" : "<p>Goals met: " + goals + ".</p>\n";
  return out;
}

// How long ago an advice's last day was, so an old warning is not read as news.
std::string age_text(const CivilDate& as_of, const CivilDate& day) {
  const std::int64_t days = days_from_civil(as_of) - days_from_civil(day);
  if (days <= 0) {
    return "today";
  }
  if (days == 1) {
    return "yesterday";
  }
  if (days < 14) {
    return fmt::format("{} days ago", days);
  }
  return fmt::format("{} weeks ago", days / 7);
}

// Advice older than two weeks is set in plain type: still shown, no longer shouted.
std::string advice_lines(const Stats& stats) {
  std::string out;
  for (const Advice& advice : stats.advice) {
    const bool old = days_from_civil(stats.as_of) - days_from_civil(advice.last) >= 14;
    out += fmt::format("<p class=\"advice{}\">{}, {}.</p>\n", old ? " old" : "",
                       html_escape(advice.reason), age_text(stats.as_of, advice.last));
  }
  if (!stats.advice.empty()) {
    out +=
        fmt::format("<p class=\"advice\">{}</p>\n", html_escape(physio_note(stats.advice.size())));
  }
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  for (const char c : safe_line(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string report_html(const Stats& stats, const ReportOptions& options) {
  const CivilDate end = civil_from_days(days_from_civil(stats.weeks.back().start) + 6);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  out += fmt::format("<title>backcare report {}</title>\n", format_date(stats.as_of));
  out += k_style;
  out += "\n</head><body>\n<h1>Back-care practice report</h1>\n";
  if (!options.name.empty()) {
    out += fmt::format("<p>For <strong>{}</strong></p>\n", html_escape(options.name));
  }
  out += fmt::format(
      "<p>Period: {} to {} ({} weeks), as of {}. First record: {}. Days start at {}.</p>\n",
      format_date(stats.weeks.front().start), format_date(end), stats.weeks.size(),
      format_date(stats.as_of), stats.first_record ? format_date(*stats.first_record) : "none",
      format_clock_time(stats.day_starts_at_minutes));
  out +=
      fmt::format("<p>{} practices, {} minutes in all. Practice streak: {} (best {}).</p>\n",
                  stats.practices, whole_minutes(stats.active_ms),
                  stats.day_streak.current == 1 ? std::string("1 day")
                                                : fmt::format("{} days", stats.day_streak.current),
                  stats.day_streak.best);
  out += outcome_lines(stats);
  out += "<h2>Practice per week <small>(each week by its first day, month-day)</small></h2>\n" +
         practice_charts(stats);
  out += "<h2>Pain trend</h2>\n" + pain_chart(stats);
  out += summary_lines(stats);
  out += "<h2>Symptoms and safety stops by date</h2>\n" + events_table(stats);
  out += notes_table(stats);
  out += advice_lines(stats);
  out +=
      "<p class=\"note\">backcare gives general guidance, not medical advice (see its README). "
      "Stop if something hurts. Pain, leaking, heaviness or abdominal doming that goes on is a "
      "reason to see a pelvic-floor physiotherapist or your doctor.</p>\n</body></html>\n";
  return out;
}

}  // namespace backcare
