#include "journal/history_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>

#include "base/duration.hpp"
#include "base/layout.hpp"
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
  return fmt::format("{}/{}", format_clock(*record.active_ms), format_clock(*record.planned_ms));
}

std::string status_cell(const JournalRecord& record) {
  if (record.kind == k_kind_checkin) {
    return "check-in";
  }
  if (record.kind == k_kind_plan) {
    return "plan " + cell(record.action, 20);
  }
  return record.status.empty() ? "-" : cell(record.status, 20);
}

// The table is 80 columns wide: a row holds what every record has, and a line under it what
// only some have (symptoms, a note, the practice it continues), so no row wraps.
constexpr int k_table_width = 80;
constexpr int k_detail_indent = 10;
constexpr std::size_t k_columns = 6;
constexpr std::size_t k_routine_column = 2;
constexpr int k_min_routine_width = 6;
constexpr std::size_t k_max_shown_id = 12;  // a longer id goes on the detail line in full
using Row = std::array<std::string, k_columns>;

std::string id_cell(const JournalRecord& record) {
  const std::string id = shown_id(record.id);
  return id.size() <= k_max_shown_id && display_width(sanitize(id)) == static_cast<int>(id.size())
             ? id
             : "-";
}

Row table_row(const JournalRecord& record) {
  return {id_cell(record), record_when(record),
          // A plan record names its programme where a session names its routine.
          record.kind == k_kind_plan ? sanitize(record.programme)
          : record.routine.empty()   ? "-"
                                     : sanitize(record.routine),
          done_of_planned(record), status_cell(record),
          record.pain ? std::to_string(*record.pain) : "-"};
}

// Symptoms, the note, the practice it continues and an id too long for its column, as one
// text for the lines under the row; "" when there is none of them.
std::string detail_text(const JournalRecord& record) {
  std::vector<std::string> parts;
  if (!record.symptoms.empty()) {
    parts.push_back("symptoms: " + sanitize(join(record.symptoms, ", ")));
  }
  if (!record.resumes.empty()) {
    parts.push_back("continues " + sanitize(shown_id(record.resumes)));
  }
  if (!record.note.empty()) {
    parts.push_back("note: " + sanitize(record.note));
  }
  if (!record.from.empty()) {
    parts.push_back("from " + sanitize(record.from));  // a plan started on that day
  }
  if (!record.reason.empty()) {
    parts.push_back("reason: " + sanitize(record.reason));  // a pause or a rest
  }
  if (id_cell(record) == "-" && !record.id.empty()) {
    parts.push_back("id: " + sanitize(record.id));
  }
  return join(parts, "; ");
}

std::array<int, k_columns> column_widths(const std::vector<Row>& rows) {
  std::array<int, k_columns> widths{};
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < k_columns; ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  // The routine column gives way when the others leave it less than it wants.
  int others = 2 * static_cast<int>(k_columns - 1);
  for (std::size_t i = 0; i < k_columns; ++i) {
    others += i == k_routine_column ? 0 : widths[i];
  }
  widths[k_routine_column] =
      std::max(k_min_routine_width, std::min(widths[k_routine_column], k_table_width - others));
  return widths;
}

std::string format_row(const Row& row, const std::array<int, k_columns>& widths) {
  std::string line;
  for (std::size_t i = 0; i < k_columns; ++i) {
    const std::string text = truncate_to_width(row[i], widths[i]);
    line += text;
    if (i + 1 < k_columns) {
      line += std::string(static_cast<std::size_t>(widths[i] - display_width(text) + 2), ' ');
    }
  }
  line.erase(line.find_last_not_of(' ') + 1);
  return line + "\n";
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
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

std::string shown_id(const std::string& id) {
  // YYYYMMDDTHHMMSS-xxxxxxxx: the time is in the When column, the random part tells it apart.
  const bool standard = id.size() == 24 && id[8] == 'T' && id[15] == '-' &&
                        std::all_of(id.begin(), id.begin() + 8, is_digit) &&
                        std::all_of(id.begin() + 9, id.begin() + 15, is_digit);
  return standard ? id.substr(16) : id;
}

std::vector<std::string> ids_for(const std::vector<JournalRecord>& records,
                                 const std::string& text) {
  std::vector<std::string> exact;
  std::vector<std::string> shown;
  for (const auto& record : records) {
    if (record.kind == k_kind_forget) {
      continue;
    }
    if (record.id == text) {
      exact.push_back(record.id);
    } else if (shown_id(record.id) == text) {
      shown.push_back(record.id);
    }
  }
  return exact.empty() ? shown : exact;
}

std::string history_table(const std::vector<JournalRecord>& records) {
  if (records.empty()) {
    return "No sessions or check-ins to show.\n";
  }
  std::vector<Row> rows = {{"ID", "When", "Routine", "Done", "Status", "Pain"}};
  for (const auto& record : records) {
    rows.push_back(table_row(record));
  }
  const std::array<int, k_columns> widths = column_widths(rows);
  std::string out = format_row(rows.front(), widths);
  for (std::size_t i = 0; i < records.size(); ++i) {
    out += format_row(rows[i + 1], widths);
    for (const std::string& line : wrap(detail_text(records[i]), k_table_width - k_detail_indent)) {
      out += std::string(k_detail_indent, ' ') + line + "\n";
    }
  }
  return out;
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
