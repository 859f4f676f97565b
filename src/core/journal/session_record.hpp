#pragma once
// The journal record of one session (docs/journal.md), built from what the session reports at
// its end. Pure: the caller reads the clock and the time zone and makes the id; this file
// decides what is recorded and fills the fields.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journal/journal.hpp"
#include "routine/plan.hpp"
#include "session/session.hpp"

namespace backcare {

// A session shorter than this (active time) is not recorded, except a safety stop.
inline constexpr std::int64_t k_record_min_active_ms = 30000;

// True when a session that ended so is worth a record. A run that `resumes` another and
// completes it is recorded however short the remainder: else the practice would stay "quit"
// and be offered again for ever.
bool worth_recording(EndStatus status, std::int64_t active_ms, bool resumes = false);

// True when the summary should say how to go on: stopped early (q or a signal) and recorded.
bool offers_resume(EndStatus status, std::int64_t active_ms, bool logging);

// What the run knows besides the plan and the end view.
struct SessionRecordInput {
  std::string id;
  std::string started;  // ISO-8601 with offset (format_instant)
  std::string ended;
  std::string tz;
  std::string resumes;  // the id this run continues, or ""
  double speed = 1.0;   // --speed: recorded when it is not 1 (above 1 the run is a preview)
};

// kind "session" with the routine's name, title and source, the times, planned/active/skipped
// ms, step counts, the speed (when not 1), the status name (end_status_name) and, for a safety
// stop, the step it happened in (`end.end_step`) and its title. No answer: the
// record is written the moment the session ends, before any question.
JournalRecord session_record(const Plan& plan, const SessionView& end,
                             const SessionRecordInput& input);

// The answer to the question after a session, recorded on its own line after the session's.
struct AnswerInput {
  std::string id;       // the answer record's own id
  std::string answers;  // the session's id
  std::string given;    // when it was answered: ISO-8601 with offset (format_instant)
  std::string tz;
  std::optional<int> pain;
  std::vector<std::string> symptoms;
};

// kind "answer": `answers`, `started` (when given), `tz`, and the pain or the symptoms.
JournalRecord answer_record(const AnswerInput& input);

// "built-in:NAME" for a built-in routine (Plan::source "built-in"), else the source as it is.
std::string record_source(const Plan& plan);

}  // namespace backcare
