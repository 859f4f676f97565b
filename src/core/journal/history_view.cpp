#include "journal/history_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>

#include "base/duration.hpp"
#include "base/sanitize.hpp"
#include "base/text.hpp"

namespace backcare {
namespace {

// Untrusted text for one table cell: sanitized and cut to `columns`.
std::string cell(std::string_view text, int columns) {
  return truncate_to_width(sanitize(text), columns);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    out += (out.empty() ? "" : std::string(separator)) + part;
  }
  return out;
}

std::string done_of_planned(const JournalRecord& record) {
  if (record.kind != k_kind_session || !record.active_ms) {
    return "-";
  }
  if (!record.planned_ms) {
    return format_clock(*record.active_ms);
  }
  return fmt::format("{} of {}", format_clock(*record.active_ms), format_clock(*record.planned_ms));
}

std::string status_cell(const JournalRecord& record) {
  if (record.kind == k_kind_checkin) {
    return "check-in";
  }
  if (record.kind == k_kind_plan) {
    return "plan " + cell(record.action, 20);
  }
  std::string status = record.status.empty() ? "-" : cell(record.status, 20);
  return record.resumes.empty() ? status : status + ", resumed";
}

constexpr std::size_t k_columns = 8;
using Row = std::array<std::string, k_columns>;

// A plan record names its programme where a session names its routine, and its first day or
// the reason for a pause where a session has its note.
Row table_row(const JournalRecord& record) {
  if (record.kind == k_kind_plan) {
    const std::string note =
        record.from.empty() ? sanitize(record.reason) : "from " + cell(record.from, 20);
    return {record_when(record),
            cell(record.programme, 24),
            "-",
            status_cell(record),
            "-",
            "-",
            cell(record.id, 32),
            note};
  }
  return {record_when(record),
          record.routine.empty() ? "-" : cell(record.routine, 24),
          done_of_planned(record),
          status_cell(record),
          record.pain ? std::to_string(*record.pain) : "-",
          record.symptoms.empty() ? "-" : cell(join(record.symptoms, ","), 40),
          cell(record.id, 32),
          sanitize(record.note)};
}

std::string format_rows(const std::vector<Row>& rows) {
  std::array<int, k_columns> widths{};
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < k_columns; ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < k_columns; ++i) {
      line += row[i];
      if (i + 1 < k_columns) {
        line += std::string(static_cast<std::size_t>(widths[i] - display_width(row[i]) + 2), ' ');
      }
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

std::string optional_number(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "";
}

}  // namespace

std::vector<JournalRecord> shown_records(std::vector<JournalRecord> records,
                                         const HistoryFilter& filter) {
  records = apply_forgets(std::move(records));
  std::erase_if(records, [&](const JournalRecord& record) {
    if (record.kind != k_kind_session && record.kind != k_kind_checkin &&
        record.kind != k_kind_plan) {
      return true;
    }
    if (!filter.routine.empty() && record.routine != filter.routine) {
      return true;
    }
    if (!filter.since && !filter.until) {
      return false;
    }
    const auto started = parse_instant(record.started);
    if (!started) {
      return true;
    }
    const CivilDate day = local_day(*started, filter.day_start_minutes);
    return (filter.since && day < *filter.since) || (filter.until && day > *filter.until);
  });
  const auto start_of = [](const JournalRecord& record) {
    const auto started = parse_instant(record.started);
    return started ? to_unix_seconds(*started) : std::numeric_limits<std::int64_t>::min();
  };
  std::stable_sort(
      records.begin(), records.end(),
      [&](const JournalRecord& a, const JournalRecord& b) { return start_of(a) < start_of(b); });
  return records;
}

std::string record_when(const JournalRecord& record) {
  const auto started = parse_instant(record.started);
  if (!started) {
    return "-";
  }
  return fmt::format("{} {:02}:{:02}", format_date(started->date), started->hour, started->minute);
}

std::string describe_record(const JournalRecord& record) {
  if (record.kind == k_kind_checkin) {
    return fmt::format("the check-in of {}", record_when(record));
  }
  if (record.kind == k_kind_session) {
    return fmt::format("the {} session of {}", cell(record.routine, 40), record_when(record));
  }
  if (record.kind == k_kind_plan) {
    return fmt::format("the plan {} record of {}", cell(record.action, 20), record_when(record));
  }
  return fmt::format("the {} record {}", cell(record.kind, 20), cell(record.id, 40));
}

std::string history_table(const std::vector<JournalRecord>& records) {
  if (records.empty()) {
    return "No sessions or check-ins to show.\n";
  }
  std::vector<Row> rows = {{"When", "Routine", "Done", "Status", "Pain", "Symptoms", "ID", "Note"}};
  for (const auto& record : records) {
    rows.push_back(table_row(record));
  }
  return format_rows(rows);
}

std::string history_json(const std::vector<JournalRecord>& records) {
  std::string out = "[";
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::string line = to_json_line(records[i]);
    line.pop_back();  // the "\n"
    out += (i == 0 ? "\n  " : ",\n  ") + line;
  }
  return out + (records.empty() ? "]\n" : "\n]\n");
}

bool starts_formula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                           text[0] == '\t' || text[0] == '\r');
}

std::string csv_cell(std::string_view text) {
  std::string value(text);
  // A spreadsheet set to split on ";" (the usual separator where "," is the decimal mark) would
  // cut "a;=cmd()" into cells of which one is a formula: a piece after a ";" that starts like
  // a formula neutralises the cell as a first character would, and a ";" is always quoted.
  bool formula = starts_formula(value);
  for (std::size_t at = value.find(';'); at != std::string::npos; at = value.find(';', at + 1)) {
    formula = formula || starts_formula(std::string_view(value).substr(at + 1));
  }
  if (formula) {
    value.insert(0, 1, '\'');
  }
  if (!formula && value.find_first_of(",;\"\r\n") == std::string::npos) {
    return value;
  }
  std::string out = "\"";
  for (const char c : value) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string history_csv(const std::vector<JournalRecord>& records) {
  std::string out =
      "id,kind,started,ended,tz,routine,title,source,planned_ms,active_ms,skipped_ms,steps_done,"
      "steps_total,steps_skipped,status,pain,symptoms,note,resumes\r\n";
  for (const auto& r : records) {
    const std::vector<std::string> text = {r.id, r.kind,    r.started, r.ended,
                                           r.tz, r.routine, r.title,   r.source};
    std::string row;
    for (const auto& value : text) {
      row += csv_cell(sanitize(value)) + ",";
    }
    for (const auto& value :
         {r.planned_ms, r.active_ms, r.skipped_ms, r.steps_done, r.steps_total, r.steps_skipped}) {
      row += optional_number(value) + ",";
    }
    row += csv_cell(sanitize(r.status)) + ",";
    row += (r.pain ? std::to_string(*r.pain) : std::string()) + ",";
    row += csv_cell(sanitize(join(r.symptoms, ";"))) + ",";
    row += csv_cell(sanitize(r.note)) + ",";
    row += csv_cell(sanitize(r.resumes));
    out += row + "\r\n";
  }
  return out;
}

}  // namespace backcare
