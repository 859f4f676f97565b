#pragma once
// The practice journal's records (docs/journal.md): one JSON object per line of
// history.jsonl. Pure: this file turns records into lines and lines into records, and does the
// calendar arithmetic on ISO-8601 times; the store (src/shell/journal_store) does the file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_reader.hpp"

namespace backcare {

inline constexpr int k_journal_version = 1;

// A civil date, as on a calendar.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// A moment as a local wall-clock time and the offset from UTC in force there:
// "2026-11-30T21:05:12+00:00". The offset keeps "which evening" answerable without a time
// zone database.
struct LocalInstant {
  CivilDate date;
  int hour = 0;            // 0..23
  int minute = 0;          // 0..59
  int second = 0;          // 0..59 (a leap second 60 is read as 59)
  int offset_minutes = 0;  // east of UTC, -1439..1439

  bool operator==(const LocalInstant&) const = default;
};

// "2026-11-30T21:05:12+00:00", also "...Z" and "...+0530"; fractions of a second are dropped.
// nullopt when it is not such a time (a date alone, no offset, month 13, Feb 30, year 0...).
std::optional<LocalInstant> parse_instant(std::string_view text);
// Always "YYYY-MM-DDTHH:MM:SS+HH:MM" ("+00:00" for UTC, never "Z").
std::string format_instant(const LocalInstant& instant);
// "2026-11-30".
std::string format_date(const CivilDate& date);
// "2026-11-30" (exactly that form) as a date; nullopt for anything else or a day that does not
// exist.
std::optional<CivilDate> parse_date(std::string_view text);

// Seconds since 1970-01-01T00:00:00Z.
std::int64_t to_unix_seconds(const LocalInstant& instant);
// The same moment seen with `offset_minutes`.
LocalInstant from_unix_seconds(std::int64_t seconds, int offset_minutes);

// Days since 1970-01-01 (negative before), and back; 0 = Thursday.
std::int64_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(std::int64_t days);
// 0 = Monday .. 6 = Sunday.
int weekday(const CivilDate& date);

// The day a practice counts for: a session after midnight and before the day-start time
// (minutes after midnight, 240 for "04:00") belongs to the evening before.
CivilDate local_day(const LocalInstant& instant, int day_start_minutes);

// Why a record's `kind` matters: sessions and check-ins are shown; a forget record deletes the
// record it names; an answer record holds the answer to the question after a session (pain, or
// the sign of a safety stop), appended after the session's own record so that a lost answer
// loses only the answer. Anything else is kept and written back as it was.
inline constexpr std::string_view k_kind_session = "session";
inline constexpr std::string_view k_kind_checkin = "checkin";
inline constexpr std::string_view k_kind_forget = "forget";
inline constexpr std::string_view k_kind_answer = "answer";
// A plan record follows a programme (docs/programmes.md): `action` start, pause, resume or stop,
// with the programme's name and source and, for start, the `from` day.
inline constexpr std::string_view k_kind_plan = "plan";
// A rest record marks `days` days from `from` (a flare-up, an illness): they neither count
// against a goal nor break a streak.
inline constexpr std::string_view k_kind_rest = "rest";

// The statuses a session ends with, and the symptoms a check-in can name.
extern const std::vector<std::string> k_journal_statuses;  // completed, completed-skipping, ...
extern const std::vector<std::string> k_journal_symptoms;  // pain, leaking, heaviness, ...

// One line of the history. Strings that are empty and numbers that are unset are left out of
// the line; `extra` holds the members this version does not know, so a record read and written
// again loses nothing an older or newer backcare put there.
struct JournalRecord {
  std::int64_t v = k_journal_version;
  std::string id;
  std::string kind;
  std::string routine;  // the routine's name ("night-release")
  std::string title;    // its title when it ran
  std::string source;   // "built-in:night-release", a file path, "<stdin>"
  std::string started;  // ISO-8601 with offset
  std::string ended;    // ISO-8601 with offset
  std::string tz;       // IANA name ("Europe/London") or empty
  std::optional<std::int64_t> planned_ms;
  std::optional<std::int64_t> active_ms;
  std::optional<std::int64_t> skipped_ms;
  std::optional<std::int64_t> steps_done;
  std::optional<std::int64_t> steps_total;
  std::optional<std::int64_t> steps_skipped;
  // The run's speed when it was not 1 (`--speed`): above 1 a preview, below 1 a slower practice.
  // Absent (old records, and runs at real time) means 1.
  std::optional<double> speed;
  std::string status;  // one of k_journal_statuses (others are kept)
  // A safety stop: the step it happened in (1 = the first) and that step's title as the
  // routine wrote it (untrusted: sanitized or escaped wherever it is shown).
  std::optional<std::int64_t> stop_step;
  std::string stop_title;
  std::optional<int> pain;  // 0..10
  std::vector<std::string> symptoms;
  std::string note;
  std::string resumes;    // id of the practice this one continues
  std::string forgets;    // kind "forget": the id it deletes
  std::string answers;    // kind "answer": the id of the session it answers
  std::string action;     // kind "plan": start, pause, resume, stop
  std::string programme;  // kind "plan": the programme's name
  std::string from;       // kind "plan", start: the plan's first day; kind "rest": the first day
  std::string reason;     // kinds "plan" (pause) and "rest": why, in the user's words
  std::optional<std::int64_t> days;  // kind "rest": how many days from `from`
  Json extra = Json::object();       // unknown members, in their order

  bool operator==(const JournalRecord&) const = default;
};

// One line, ASCII only (every other character as \uXXXX; invalid UTF-8 as U+FFFD), ending "\n".
std::string to_json_line(const JournalRecord& record);

// A line of the history that could not be used, and why.
struct JournalWarning {
  int line = 0;  // 1-based; 0 for the line that counts the damaged lines not named
  std::string message;

  // "history.jsonl:3: skipped a damaged line (...)", "history.jsonl: and 5 more ..."
  std::string format(const std::string& source) const;
};

// Damaged lines named one by one. Every command that reads the history prints them before its
// output, so they are fewer than a routine's errors (k_max_errors); the rest are counted.
inline constexpr std::size_t k_max_journal_warnings = 10;

struct HistoryParse {
  std::vector<JournalRecord> records;  // in file order, forget records included
  // At most k_max_journal_warnings, then "and N more damaged lines skipped" (line 0).
  std::vector<JournalWarning> warnings;
};

// Every line that is a valid record counts; a torn or corrupt line (not JSON, not an object,
// no "id", a known member of the wrong type) is skipped with a warning naming its line (the
// first k_max_journal_warnings; later ones are only counted, so a file of damaged lines costs
// no memory for them). Blank lines are skipped silently. A last line without "\n" counts when
// it is a whole record.
HistoryParse parse_history(std::string_view text);

// One line's record, or why it is not one (the message of its JournalWarning).
struct RecordParse {
  std::optional<JournalRecord> record;
  std::string error;
};
RecordParse parse_record(std::string_view line);

// The records as every reader sees them: every forget record applied (the records they name,
// and the forget records themselves, removed), then the answers joined (join_answers). Order is
// kept.
std::vector<JournalRecord> apply_forgets(std::vector<JournalRecord> records);

// Each answer record's `pain` and `symptoms` moved into the record its `answers` names (a later
// answer's pain replaces an earlier one; symptoms are added once each), and every answer record
// removed, those whose session is gone too. A session that holds `pain` itself (journals before
// answer records) keeps it unless an answer replaces it.
std::vector<JournalRecord> join_answers(std::vector<JournalRecord> records);

// The history text without the lines whose record has `id` (every other line, damaged ones too,
// kept byte for byte), and how many lines were removed. Forget records and answer records that
// name `id` go with it (they are not counted).
struct ForgetResult {
  std::string text;
  int removed = 0;
};
ForgetResult remove_record(std::string_view text, std::string_view id);

// "20261130T210512-3f9a1c2b": the local start time and 32 random bits, sortable and short
// enough to type.
std::string make_record_id(const LocalInstant& started, std::uint32_t random_bits);

}  // namespace backcare
