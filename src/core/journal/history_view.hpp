#pragma once
// What `backcare history` shows of the journal: which records (forgets applied, the kinds it
// knows, the filters of the command line, oldest first) and how (a table for people, JSON, and
// CSV for spreadsheets). Pure: the records come from the store, the text goes to the caller.
// Every string of a record is untrusted (a note, a routine's title): tables and CSV sanitize it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journal/journal.hpp"

namespace backcare {

// The command line's choice of records: local days from `since` to `until` (inclusive, by
// local_day with `day_start_minutes`), and only one routine when `routine` is not empty.
struct HistoryFilter {
  std::optional<CivilDate> since;
  std::optional<CivilDate> until;
  std::string routine;
  int day_start_minutes = 240;
};

// The records to show: forget records applied, sessions and check-ins only, those the filter
// keeps, sorted by their start (newest last; the file's order among equal starts).
std::vector<JournalRecord> shown_records(std::vector<JournalRecord> records,
                                         const HistoryFilter& filter);

// "2026-11-30 21:05" from a record's `started`, in the offset it was recorded with; "-" when
// it has none.
std::string record_when(const JournalRecord& record);

// "the night-release session of 2026-11-30 21:05", "the check-in of 2026-12-01 08:30".
std::string describe_record(const JournalRecord& record);

// The id as the table shows it and `history --forget` takes it: the random part of an id
// backcare wrote ("3f9a1c2b" of "20261130T210512-3f9a1c2b"), any other id as it is.
std::string shown_id(const std::string& id);

// The ids of the records (forget lines aside) that `text` names: those whose id is `text`, else
// those whose shown_id is. Two or more: `text` is ambiguous; none: no such record.
std::vector<std::string> ids_for(const std::vector<JournalRecord>& records,
                                 const std::string& text);

// The table, 80 columns wide: a header line, then per record a row (shown id, when, routine,
// time done of planned "9:12/10:00", status, pain) and, indented under it, its symptoms, the
// practice it continues and its note, word-wrapped. A message instead when empty.
std::string history_table(const std::vector<JournalRecord>& records);

// A JSON array of the records with every member they have (unknown ones too), as written.
std::string history_json(const std::vector<JournalRecord>& records);

// RFC 4180: a header row, one row per record, CRLF line ends; text sanitized and neutralised
// (csv_cell).
std::string history_csv(const std::vector<JournalRecord>& records);

// One CSV cell: a cell starting with = + - @ TAB or CR gets a leading ' (so a spreadsheet does
// not run it as a formula), then the cell is quoted ("...", with "" for ") when it holds a
// comma, a quote, CR or LF, or was neutralised.
std::string csv_cell(std::string_view text);

}  // namespace backcare
