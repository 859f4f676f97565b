#include "journal/journal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/diagnostic.hpp"
#include "base/sanitize.hpp"

namespace backcare {

const std::vector<std::string> k_journal_statuses = {"completed", "completed-skipping", "quit",
                                                     "interrupted", "safety-stop"};
// The first six are the names of every version; the urgent signs were added after them.
const std::vector<std::string> k_journal_symptoms = {
    "pain",  "leaking",  "heaviness",  "doming",       "dizziness",
    "other", "bleeding", "chest-pain", "swollen-calf", "headache-or-fever"};

namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

// Reads exactly `count` digits at `pos`; -1 when they are not there.
int read_digits(std::string_view text, std::size_t& pos, std::size_t count) {
  if (pos + count > text.size()) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool expect_char(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// The members a JournalRecord has a field for, in the order a line writes them.
const std::vector<std::string> k_known_members = {
    "v",         "id",         "kind",       "routine",     "title",
    "source",    "started",    "ended",      "tz",          "planned_ms",
    "active_ms", "skipped_ms", "steps_done", "steps_total", "steps_skipped",
    "status",    "pain",       "symptoms",   "note",        "resumes",
    "forgets",   "speed",      "answers",    "stop_step",   "stop_title",
    "action",    "programme",  "from",       "reason",      "days"};

}  // namespace

std::optional<LocalInstant> parse_instant(std::string_view text) {
  LocalInstant out;
  std::size_t pos = 0;
  out.date.year = read_digits(text, pos, 4);
  // Year 0 is refused: a day before 0001-01-01 would print as "-001-12-31".
  if (out.date.year < 1 || !expect_char(text, pos, '-')) {
    return std::nullopt;
  }
  out.date.month = read_digits(text, pos, 2);
  if (out.date.month < 1 || out.date.month > 12 || !expect_char(text, pos, '-')) {
    return std::nullopt;
  }
  out.date.day = read_digits(text, pos, 2);
  if (out.date.day < 1 || out.date.day > days_in_month(out.date.year, out.date.month)) {
    return std::nullopt;
  }
  if (!expect_char(text, pos, 'T') && !expect_char(text, pos, 't')) {
    return std::nullopt;
  }
  out.hour = read_digits(text, pos, 2);
  if (out.hour < 0 || out.hour > 23 || !expect_char(text, pos, ':')) {
    return std::nullopt;
  }
  out.minute = read_digits(text, pos, 2);
  if (out.minute < 0 || out.minute > 59 || !expect_char(text, pos, ':')) {
    return std::nullopt;
  }
  out.second = read_digits(text, pos, 2);
  if (out.second < 0 || out.second > 60) {
    return std::nullopt;
  }
  out.second = std::min(out.second, 59);
  if (expect_char(text, pos, '.') || expect_char(text, pos, ',')) {
    const std::size_t fraction = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      ++pos;
    }
    if (pos == fraction) {
      return std::nullopt;
    }
  }
  if (expect_char(text, pos, 'Z') || expect_char(text, pos, 'z')) {
    out.offset_minutes = 0;
  } else {
    int sign = 0;
    if (expect_char(text, pos, '+')) {
      sign = 1;
    } else if (expect_char(text, pos, '-')) {
      sign = -1;
    } else {
      return std::nullopt;
    }
    const int hours = read_digits(text, pos, 2);
    expect_char(text, pos, ':');
    const int minutes = read_digits(text, pos, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      return std::nullopt;
    }
    out.offset_minutes = sign * (hours * 60 + minutes);
  }
  if (pos != text.size()) {
    return std::nullopt;
  }
  return out;
}

std::string format_date(const CivilDate& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string format_instant(const LocalInstant& instant) {
  const int offset = instant.offset_minutes < 0 ? -instant.offset_minutes : instant.offset_minutes;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(instant.date), instant.hour,
                     instant.minute, instant.second, instant.offset_minutes < 0 ? '-' : '+',
                     offset / 60, offset % 60);
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain).
std::int64_t days_from_civil(const CivilDate& date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t m = date.month;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(const CivilDate& date) {
  const std::int64_t days = days_from_civil(date);  // 0 is a Thursday (3 from Monday)
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

std::optional<CivilDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto instant = parse_instant(std::string(text) + "T12:00:00+00:00");
  if (!instant) {
    return std::nullopt;
  }
  return instant->date;
}

std::int64_t to_unix_seconds(const LocalInstant& instant) {
  return days_from_civil(instant.date) * 86400 + instant.hour * 3600 + instant.minute * 60 +
         instant.second - std::int64_t{instant.offset_minutes} * 60;
}

LocalInstant from_unix_seconds(std::int64_t seconds, int offset_minutes) {
  const std::int64_t local = seconds + std::int64_t{offset_minutes} * 60;
  std::int64_t days = local / 86400;
  std::int64_t rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  LocalInstant out;
  out.date = civil_from_days(days);
  out.hour = static_cast<int>(rest / 3600);
  out.minute = static_cast<int>(rest / 60 % 60);
  out.second = static_cast<int>(rest % 60);
  out.offset_minutes = offset_minutes;
  return out;
}

CivilDate local_day(const LocalInstant& instant, int day_start_minutes) {
  const int minutes = instant.hour * 60 + instant.minute;
  if (minutes < day_start_minutes) {
    return civil_from_days(days_from_civil(instant.date) - 1);
  }
  return instant.date;
}

namespace {

// The members of a record in the order a line holds them: the routine and times, the counts,
// then (after status and pain) the free text. One table for writing and reading.
using TextMember = std::string JournalRecord::*;
using CountMember = std::optional<std::int64_t> JournalRecord::*;
constexpr std::pair<const char*, TextMember> k_text_members[] = {
    {"routine", &JournalRecord::routine}, {"title", &JournalRecord::title},
    {"source", &JournalRecord::source},   {"started", &JournalRecord::started},
    {"ended", &JournalRecord::ended},     {"tz", &JournalRecord::tz}};
constexpr std::pair<const char*, CountMember> k_count_members[] = {
    {"planned_ms", &JournalRecord::planned_ms},
    {"active_ms", &JournalRecord::active_ms},
    {"skipped_ms", &JournalRecord::skipped_ms},
    {"steps_done", &JournalRecord::steps_done},
    {"steps_total", &JournalRecord::steps_total},
    {"steps_skipped", &JournalRecord::steps_skipped},
    {"days", &JournalRecord::days}};
constexpr std::pair<const char*, TextMember> k_note_members[] = {
    {"note", &JournalRecord::note},       {"resumes", &JournalRecord::resumes},
    {"forgets", &JournalRecord::forgets}, {"answers", &JournalRecord::answers},
    {"action", &JournalRecord::action},   {"programme", &JournalRecord::programme},
    {"from", &JournalRecord::from},       {"reason", &JournalRecord::reason}};

}  // namespace

std::string to_json_line(const JournalRecord& record) {
  Json out = Json::object();
  out["v"] = record.v;
  out["id"] = record.id;
  out["kind"] = record.kind;
  const auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) {
      out[key] = value;
    }
  };
  const auto number = [&](const char* key, const auto& value) {
    if (value) {
      out[key] = *value;
    }
  };
  for (const auto& [key, member] : k_text_members) {
    text(key, record.*member);
  }
  for (const auto& [key, member] : k_count_members) {
    number(key, record.*member);
  }
  number("speed", record.speed);
  text("status", record.status);
  number("stop_step", record.stop_step);
  text("stop_title", record.stop_title);
  number("pain", record.pain);
  if (!record.symptoms.empty()) {
    out["symptoms"] = record.symptoms;
  }
  for (const auto& [key, member] : k_note_members) {
    text(key, record.*member);
  }
  if (record.extra.is_object()) {
    // Only the known members written above can clash with an unknown one, so only they are
    // looked through: out.contains() for every member would make a wide record quadratic.
    const std::size_t known = out.size();
    for (const auto& member : record.extra.items()) {
      const std::string& key = member.key();  // a name, not a binding: lambdas capture it
      const auto& members = out.get_ref<const Json::object_t&>();
      const auto end = members.begin() + static_cast<std::ptrdiff_t>(known);
      if (std::none_of(members.begin(), end, [&](const auto& m) { return m.first == key; })) {
        append_member(out, key, member.value());
      }
    }
  }
  return out.dump(-1, ' ', true, Json::error_handler_t::replace) + "\n";
}

std::string JournalWarning::format(const std::string& source) const {
  if (line == 0) {
    return fmt::format("{}: {}", source, sanitize(message));
  }
  return fmt::format("{}:{}: {}", source, line, sanitize(message));
}

namespace {

constexpr std::int64_t k_max_count = std::int64_t{1} << 53;

// `speed`: above 0 and at most 1000 (`--speed` allows 0.1 to 1000).
void read_speed(const Json& object, JournalRecord& record, std::string& error) {
  const auto it = object.find("speed");
  if (it == object.end() || !error.empty()) {
    return;
  }
  if (!it->is_number() || !(it->get<double>() > 0) || it->get<double>() > 1000) {
    error = "\"speed\" is not a number above 0 and at most 1000";
    return;
  }
  record.speed = it->get<double>();
}

// Reads the known members of `object` into `record`; the first problem, or "".
std::string read_members(const Json& object, JournalRecord& record) {
  std::string error;
  const auto text = [&](const char* key, std::string& field) {
    const auto it = object.find(key);
    if (it == object.end() || !error.empty()) {
      return;
    }
    if (!it->is_string()) {
      error = fmt::format("\"{}\" is not a string", key);
      return;
    }
    field = it->get<std::string>();
  };
  const auto count = [&](const char* key, std::int64_t max) -> std::optional<std::int64_t> {
    const auto it = object.find(key);
    if (it == object.end() || !error.empty()) {
      return std::nullopt;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > max) {
      error = fmt::format("\"{}\" is not a whole number from 0 to {}", key, max);
      return std::nullopt;
    }
    return it->get<std::int64_t>();
  };
  if (!object.contains("v")) {
    return "no \"v\"";
  }
  record.v = count("v", k_max_count).value_or(0);
  if (error.empty() && record.v < 1) {
    error = "\"v\" is not a whole number from 1";
  }
  text("id", record.id);
  if (error.empty() && record.id.empty()) {
    error = "no \"id\"";
  }
  text("kind", record.kind);
  if (error.empty() && record.kind.empty()) {
    error = "no \"kind\"";
  }
  for (const auto& [key, member] : k_text_members) {
    text(key, record.*member);
  }
  for (const auto& [key, member] : k_count_members) {
    record.*member = count(key, k_max_count);
  }
  read_speed(object, record, error);
  text("status", record.status);
  record.stop_step = count("stop_step", k_max_count);
  text("stop_title", record.stop_title);
  if (const auto pain = count("pain", 10)) {
    record.pain = static_cast<int>(*pain);
  }
  if (const auto it = object.find("symptoms"); it != object.end() && error.empty()) {
    if (!it->is_array() ||
        !std::all_of(it->begin(), it->end(), [](const Json& s) { return s.is_string(); })) {
      error = "\"symptoms\" is not an array of strings";
    } else {
      record.symptoms = it->get<std::vector<std::string>>();
    }
  }
  for (const auto& [key, member] : k_note_members) {
    text(key, record.*member);
  }
  for (const char* key : {"started", "ended"}) {
    const std::string& value = std::string_view(key) == "started" ? record.started : record.ended;
    if (error.empty() && !value.empty() && !parse_instant(value)) {
      error = fmt::format("\"{}\" is not a time like 2026-11-30T21:05:12+00:00", key);
    }
  }
  if (error.empty() && record.kind == k_kind_forget && record.forgets.empty()) {
    error = "a forget record without \"forgets\"";
  }
  if (error.empty() && record.kind == k_kind_answer && record.answers.empty()) {
    error = "an answer record without \"answers\"";
  }
  if (error.empty() && record.kind == k_kind_plan && record.action.empty()) {
    error = "a plan record without \"action\"";
  }
  return error;
}

// True when `line` is shaped like a JSON object: '{' first and '}' last, after a byte order mark
// and around white space. Every record is one, so a line that is not is damaged without reading
// it, which matters past the warnings that are printed: the reader stops at a line's first error
// by throwing, about 4 µs, and 64 MiB of one-byte lines would be 33 million of them.
bool may_be_object(std::string_view line) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF") {
    line.remove_prefix(3);
  }
  const auto first = line.find_first_not_of(" \t\r");
  const auto last = line.find_last_not_of(" \t\r");
  return first != std::string_view::npos && line[first] == '{' && line[last] == '}';
}

}  // namespace

RecordParse parse_record(std::string_view line) {
  RecordParse out;
  JsonReadResult read = read_json(line, "");
  if (!read.ok()) {
    const Diagnostic& d = read.errors.front();
    out.error = fmt::format("not JSON: column {}: {}", d.column, d.message);
    return out;
  }
  const Json& value = read.document.value;
  if (!value.is_object()) {
    out.error = "not a JSON object";
    return out;
  }
  JournalRecord record;
  out.error = read_members(value, record);
  if (!out.error.empty()) {
    return out;
  }
  for (const auto& [key, member] : value.items()) {
    if (std::find(k_known_members.begin(), k_known_members.end(), key) == k_known_members.end()) {
      append_member(record.extra, key, member);  // read_json let no key repeat
    }
  }
  out.record = std::move(record);
  return out;
}

HistoryParse parse_history(std::string_view text) {
  HistoryParse out;
  std::size_t more = 0;  // damaged lines past k_max_journal_warnings
  int line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_number;
    const std::size_t end = text.find('\n', pos);
    const bool terminated = end != std::string_view::npos;
    std::string_view line = text.substr(pos, terminated ? end - pos : std::string_view::npos);
    pos = terminated ? end + 1 : text.size();
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      continue;
    }
    if (out.warnings.size() == k_max_journal_warnings && !may_be_object(line)) {
      ++more;  // damaged, and only counted: no need to read it
      continue;
    }
    RecordParse parsed = parse_record(line);
    if (parsed.record) {
      out.records.push_back(std::move(*parsed.record));
    } else if (out.warnings.size() < k_max_journal_warnings) {
      out.warnings.push_back(
          {line_number, fmt::format("skipped a damaged line ({}{})", parsed.error,
                                    terminated ? "" : "; the last line is cut short")});
    } else {
      ++more;
    }
  }
  if (more > 0) {
    out.warnings.push_back({0, and_more(more, "damaged lines skipped")});
  }
  return out;
}

std::vector<JournalRecord> apply_forgets(std::vector<JournalRecord> records) {
  std::set<std::string> forgotten;
  for (const auto& record : records) {
    if (record.kind == k_kind_forget) {
      forgotten.insert(record.forgets);
    }
  }
  std::erase_if(records, [&](const JournalRecord& record) {
    return record.kind == k_kind_forget || forgotten.count(record.id) != 0;
  });
  return join_answers(std::move(records));
}

std::vector<JournalRecord> join_answers(std::vector<JournalRecord> records) {
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].kind != k_kind_answer) {
      index.emplace(records[i].id, i);  // the first record with an id is the one answered
    }
  }
  for (const JournalRecord& answer : records) {
    const auto found = index.find(answer.answers);
    if (answer.kind != k_kind_answer || found == index.end()) {
      continue;
    }
    JournalRecord& session = records[found->second];
    if (answer.pain) {
      session.pain = answer.pain;
    }
    for (const std::string& symptom : answer.symptoms) {
      if (std::find(session.symptoms.begin(), session.symptoms.end(), symptom) ==
          session.symptoms.end()) {
        session.symptoms.push_back(symptom);
      }
    }
  }
  std::erase_if(records, [](const JournalRecord& record) { return record.kind == k_kind_answer; });
  return records;
}

ForgetResult remove_record(std::string_view text, std::string_view id) {
  ForgetResult out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(pos, next - pos);
    std::string_view content = line;
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) {
      content.remove_suffix(1);
    }
    if (!may_be_object(content)) {
      out.text += line;  // damaged: kept as it is, without reading it
      pos = next;
      continue;
    }
    const RecordParse parsed = parse_record(content);
    if (parsed.record && parsed.record->id == id) {
      ++out.removed;
    } else if (parsed.record && parsed.record->kind == k_kind_forget &&
               parsed.record->forgets == id) {
      // a forget record for this id has nothing left to forget
    } else if (parsed.record && parsed.record->kind == k_kind_answer &&
               parsed.record->answers == id) {
      // an answer is part of the session it answers: forgotten with it
    } else {
      out.text += line;
    }
    pos = next;
  }
  return out;
}

std::string make_record_id(const LocalInstant& started, std::uint32_t random_bits) {
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}-{:08x}", started.date.year,
                     started.date.month, started.date.day, started.hour, started.minute,
                     started.second, random_bits);
}

}  // namespace backcare
