#include "journal_commands.hpp"

#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "base/duration.hpp"
#include "base/exit_codes.hpp"
#include "base/sanitize.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "commands.hpp"
#include "journal/advice.hpp"
#include "journal/history_view.hpp"
#include "journal/resumable.hpp"
#include "journal_store.hpp"
#include "physio_check.hpp"

namespace backcare {
namespace {

constexpr std::size_t k_max_note_chars = 500;

CLI::Validator date_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return parse_date(text)
                   ? ""
                   : fmt::format("expected a date like 2026-11-30, got \"{}\"", sanitize(text));
      },
      "YYYY-MM-DD");
}

CLI::Validator pain_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool digits =
            !text.empty() && text.size() <= 2 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || (text.size() == 2 && text != "10")) {
          return fmt::format("must be a whole number from 0 to 10, got \"{}\"", sanitize(text));
        }
        return "";
      },
      "0 - 10");
}

CLI::Validator symptom_check() {
  std::string names;
  for (const auto& name : k_journal_symptoms) {
    names += (names.empty() ? "" : ",") + name;
  }
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (std::find(k_journal_symptoms.begin(), k_journal_symptoms.end(), text) !=
            k_journal_symptoms.end()) {
          return "";
        }
        return fmt::format("unknown symptom \"{}\"{} (one of: {})", sanitize(text),
                           did_you_mean(text, k_journal_symptoms),
                           fmt::join(k_journal_symptoms, ", "));
      },
      "{" + names + "}");
}

CLI::Validator note_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const std::size_t count = count_code_points(text);
        return count <= k_max_note_chars
                   ? ""
                   : fmt::format("at most {} characters, got {}", k_max_note_chars, count);
      },
      "");
}

// The history file's store; throws AppError when there is no home to keep it in.
JournalStore journal_store() {
  const std::string path = history_path();
  if (path.empty()) {
    throw AppError{k_exit_io_error,
                   {"no XDG_STATE_HOME or HOME: there is no place for the journal"}};
  }
  return JournalStore(path);
}

void print_warnings(const std::vector<std::string>& list) {
  std::string warnings;
  for (const auto& warning : list) {
    warnings += "backcare: warning: " + warning + "\n";
  }
  if (!warnings.empty()) {
    print_err(warnings);
  }
}

// The read error as AppError (66). The exit code is a routine file's, but the message is no
// routine diagnostic, so it says who is talking as every other error does.
AppError read_error(const std::string& message) {
  return AppError{k_exit_no_input, {"backcare: error: " + message}};
}

// Every record of the history (forget records not applied), each damaged line's warning on
// standard error; throws AppError (66) when the file cannot be read.
std::vector<JournalRecord> read_history(const JournalStore& store) {
  JournalStore::ReadResult read = store.read();
  print_warnings(read.warnings);
  if (read.error) {
    throw read_error(*read.error);
  }
  return std::move(read.records);
}

AppError no_such_record(const std::string& id, const std::vector<std::string>& ids) {
  return AppError{k_exit_usage,
                  {fmt::format("--forget: no record \"{}\" in the history{}; `backcare history` "
                               "shows the ids",
                               sanitize(id), did_you_mean(id, ids))}};
}

AppError ambiguous_record(const std::string& id, int count) {
  return AppError{k_exit_usage,
                  {fmt::format("--forget: {} records share the id \"{}\"; nothing was deleted "
                               "(the history file can be edited by hand to tell them apart)",
                               count, sanitize(id))}};
}

// What forget will delete: the id (in full) and description of the one record that `text`
// names, by its id or the shown id of `history` (ids_for), found among every record of the
// file, so a record that a forget line already hides can still be purged from it. No
// description when the file is past the read limit (the store still trims it, a block at a
// time): `text` is then taken as the full id.
std::pair<std::string, std::string> record_to_forget(const JournalStore& store,
                                                     const std::string& text) {
  JournalStore::ReadResult read = store.read();
  print_warnings(read.warnings);
  if (read.too_large) {
    return {text, ""};
  }
  if (read.error) {
    throw read_error(*read.error);
  }
  const std::vector<std::string> ids = ids_for(read.records, text);
  if (ids.empty()) {
    std::vector<std::string> known;
    for (const auto& record : read.records) {
      if (record.kind != k_kind_forget) {
        known.push_back(record.id);
        known.push_back(shown_id(record.id));
      }
    }
    throw no_such_record(text, known);
  }
  if (ids.size() > 1 && ids.front() != text) {
    throw AppError{
        k_exit_usage,
        {fmt::format("--forget: \"{}\" names {} records ({}); give the full id "
                     "(`backcare history --json` shows it)",
                     sanitize(text), ids.size(), sanitize(fmt::to_string(fmt::join(ids, ", "))))}};
  }
  if (ids.size() > 1) {
    throw ambiguous_record(text, static_cast<int>(ids.size()));
  }
  const auto found = std::find_if(read.records.begin(), read.records.end(),
                                  [&](const JournalRecord& r) { return r.id == ids.front(); });
  return {ids.front(), describe_record(*found)};
}

int forget_record(const std::string& text) {
  const JournalStore store = journal_store();
  const auto [id, what] = record_to_forget(store, text);
  const JournalStore::ForgetOutcome outcome = store.forget(id);
  if (outcome.error) {
    throw AppError{k_exit_io_error, {*outcome.error}};
  }
  if (outcome.matches > 1) {
    throw ambiguous_record(id, outcome.matches);
  }
  if (outcome.removed == 0) {
    throw no_such_record(id, {});
  }
  print_out(fmt::format("Forgot {} ({}).\n", what.empty() ? "the record" : what, sanitize(id)));
  if (outcome.other_links > 0) {
    print_err(fmt::format(
        "backcare: warning: the history had {} other hard link{}: {} still hold{} the record\n",
        outcome.other_links, outcome.other_links == 1 ? "" : "s",
        outcome.other_links == 1 ? "that copy" : "those copies",
        outcome.other_links == 1 ? "s" : ""));
  }
  return k_exit_ok;
}

// The routine to run again, as `run` takes it: the file it came from when that still exists,
// else its name when the catalog has it; "" when it cannot be found.
std::string routine_to_resume(Context& context, const JournalRecord& record) {
  const std::string& source = record.source;
  if (!source.empty() && source.rfind("built-in:", 0) != 0 && source != "<stdin>" &&
      looks_like_path(source) && ::access(source.c_str(), R_OK) == 0) {
    return source;
  }
  if (!record.routine.empty() && context.catalog().find(record.routine) != nullptr) {
    return record.routine;
  }
  return "";
}

// "step 5 of 10", or for a one-step routine the time it goes on from: "2:10 of 5:00".
std::string where_to_resume(const Resumable& candidate) {
  const JournalRecord& record = candidate.record;
  if (candidate.from_ms) {
    const std::string of_total =
        record.planned_ms ? fmt::format(" of {}", format_clock(*record.planned_ms)) : "";
    return fmt::format("{}{} (that breath starts again)", format_clock(*candidate.from_ms),
                       of_total);
  }
  const std::string of_total = record.steps_total ? fmt::format(" of {}", *record.steps_total) : "";
  return fmt::format("step {}{}", candidate.from_step, of_total);
}

}  // namespace

void define_history(CLI::App& sub, Args& args) {
  auto& h = args.history;
  sub.add_option("--since", h.since, "Only from this local day on (inclusive)")
      ->check(date_check())
      ->type_name("DATE");
  sub.add_option("--until", h.until, "Only up to this local day (inclusive)")
      ->check(date_check())
      ->type_name("DATE");
  sub.add_option("--routine", h.routine, "Only the sessions of this routine")->type_name("ROUTINE");
  auto* json = sub.add_flag("--json", h.json, "Print a JSON array of the records");
  auto* csv = sub.add_flag("--csv", h.csv, "Print CSV (RFC 4180), for a spreadsheet");
  json->excludes(csv);
  auto* forget = sub.add_option("--forget", h.forget,
                                "Delete the record ID (as `history` shows it, or in full) "
                                "from the history for good (an atomic rewrite)")
                     ->check(CLI::Validator(
                         [](std::string& text) -> std::string {
                           return text.empty() ? "expected a record id (`backcare history` "
                                                 "shows them), got \"\""
                                               : "";
                         },
                         "ID"))
                     ->type_name("ID");
  for (auto* other : {json, csv, sub.get_option("--since"), sub.get_option("--until"),
                      sub.get_option("--routine")}) {
    forget->excludes(other);
  }
  sub.footer(
      "Examples:\n"
      "  backcare history                          every session and check-in, oldest first\n"
      "  backcare history --since 2026-11-24 --routine night-release\n"
      "  backcare history --csv > practice.csv     for a spreadsheet\n"
      "  backcare history --forget 3f9a1c2b     the record with that ID, for good\n\n"
      "Dates are local days; a session before day_starts_at (04:00) counts for the evening "
      "before.\nExit codes: 0 success, 2 usage error or unknown --forget id, 66 the history "
      "cannot be\nread, 74 it cannot be rewritten.");
}

void define_checkin(CLI::App& sub, Args& args) {
  auto& c = args.checkin;
  sub.add_option("--pain", c.pain, "Pain score, a whole number from 0 (none) to 10")
      ->check(pain_check())
      ->type_name("N");
  sub.add_option("--symptom", c.symptoms, "A sign (repeatable); the last four need help now")
      ->check(symptom_check())
      ->type_name("SYMPTOM");
  sub.add_option("--note", c.note, "A short note in your own words (at most 500 characters)")
      ->check(note_check())
      ->type_name("TEXT");
  sub.footer(
      "Examples:\n"
      "  backcare checkin --pain 3\n"
      "  backcare checkin --pain 5 --symptom heaviness --note \"after carrying the car seat\"\n\n"
      "Exit codes: 0 recorded, 1 not recorded (\"log\": false), 2 usage error, 74 the journal "
      "cannot\nbe written.");
}

void define_resume(CLI::App& sub, Args& args) {
  RunArgs& run = args.run;
  add_display_options(sub, run);  // every option of `run` that says how it is shown and heard
  sub.add_flag("--dry-run", run.dry_run, "Print what would run and exit without waiting");
  add_output_options(sub, run);
  sub.footer(
      "Continues the most recent session stopped early (q, or interrupted) in the last 24 "
      "hours,\nfrom the start of the step where it stopped (a one-step routine such as breathe: "
      "from the\nbreath where it stopped), after the usual short get-ready.\n\n"
      "Examples:\n"
      "  backcare resume\n"
      "  backcare resume --dry-run      which session, and the steps left\n"
      "  backcare resume --night --speak\n\n"
      "Exit codes: as `run`; 1 also when there is nothing to resume, or the routine no longer "
      "has\nthe step to resume.");
}

int cmd_history(Context& context, const Args& args) {
  const auto& h = args.history;
  if (!h.forget.empty()) {
    return forget_record(h.forget);
  }
  HistoryFilter filter;
  filter.since = h.since.empty() ? std::nullopt : parse_date(h.since);
  filter.until = h.until.empty() ? std::nullopt : parse_date(h.until);
  filter.routine = h.routine;
  if (filter.since && filter.until && *filter.since > *filter.until) {
    throw AppError{k_exit_usage, {fmt::format("--since {} is after --until {}", h.since, h.until)}};
  }
  if (filter.since || filter.until) {
    filter.day_start_minutes = context.config().day_starts_at_minutes;
  }
  const std::vector<JournalRecord> records = shown_records(read_history(journal_store()), filter);
  print_out(h.json ? history_json(records) : h.csv ? history_csv(records) : history_table(records));
  return k_exit_ok;
}

int cmd_checkin(Context& context, const Args& args) {
  const auto& c = args.checkin;
  if (c.pain.empty() && c.symptoms.empty() && c.note.empty()) {
    throw AppError{k_exit_usage,
                   {"checkin needs --pain N, --symptom NAME or --note TEXT (see `backcare "
                    "checkin --help`)"}};
  }
  JournalRecord record;
  const LocalNow now = local_now();
  record.id = new_record_id(now.instant);
  record.kind = std::string(k_kind_checkin);
  record.started = format_instant(now.instant);
  record.tz = now.tz;
  if (!c.pain.empty()) {
    record.pain = std::stoi(c.pain);
  }
  for (const auto& symptom : c.symptoms) {
    if (std::find(record.symptoms.begin(), record.symptoms.end(), symptom) ==
        record.symptoms.end()) {
      record.symptoms.push_back(symptom);
    }
  }
  record.note = c.note;
  const std::string advice =
      needs_advice(record.pain, record.symptoms)
          ? "\n" + safety_advice(AdviceMoment::checkin, record.pain, record.symptoms)
          : "";
  if (!context.config().log) {
    print_err(
        "backcare: not recorded: the journal is turned off (\"log\": false in the config "
        "file)\n");
    print_out(advice);
    return k_exit_stopped;
  }
  std::vector<std::string> warnings;
  const auto error = journal_store().append(record, &warnings);
  print_warnings(warnings);
  if (error) {
    print_err("backcare: error: " + *error + "\n");
    print_out(advice);
    return k_exit_io_error;
  }
  const std::string pattern = physio_check(record.id, context.config());
  print_out("Recorded.\n" + advice + (pattern.empty() ? "" : "\n" + pattern));
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    // Said on standard error too, so nobody records the same check-in twice.
    print_err("backcare: the check-in was recorded, but \"Recorded.\" could not be shown\n");
  }
  return k_exit_ok;
}

int cmd_resume(Context& context, const Args& args) {
  const JournalStore store = journal_store();
  const std::vector<JournalRecord> records = apply_forgets(read_history(store));
  const LocalNow now = local_now();
  const std::vector<Resumable> candidates = resumable_sessions(records, now.unix_ms / 1000);
  for (const Resumable& candidate : candidates) {
    const std::string routine = routine_to_resume(context, candidate.record);
    if (routine.empty()) {
      continue;
    }
    Args resumed = args;
    resumed.run.routine = routine;
    resumed.run.from_step = candidate.from_step;
    resumed.run.resumes = candidate.record.id;
    resumed.run.from_ms = candidate.from_ms;
    print_out(fmt::format("Resuming {} from {}.\n", describe_record(candidate.record),
                          where_to_resume(candidate)));
    return cmd_run(context, resumed);
  }
  print_out(candidates.empty()
                ? "Nothing to resume: no session was stopped early in the last 24 hours.\n"
                : "Nothing to resume: the routines of the sessions stopped early are no longer "
                  "found.\n");
  return k_exit_stopped;
}

}  // namespace backcare
