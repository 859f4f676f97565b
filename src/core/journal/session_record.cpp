#include "journal/session_record.hpp"

namespace backcare {

bool worth_recording(EndStatus status, std::int64_t active_ms, bool resumes) {
  if (status == EndStatus::none) {
    return false;
  }
  const bool completes = status == EndStatus::completed || status == EndStatus::completed_skipping;
  return status == EndStatus::safety_stop || active_ms >= k_record_min_active_ms ||
         (resumes && completes);
}

bool offers_resume(EndStatus status, std::int64_t active_ms, bool logging) {
  return logging && (status == EndStatus::quit || status == EndStatus::interrupted) &&
         worth_recording(status, active_ms);
}

std::string record_source(const Plan& plan) {
  if (plan.source == "built-in") {
    return "built-in:" + plan.name;
  }
  return plan.source;
}

JournalRecord session_record(const Plan& plan, const SessionView& end,
                             const SessionRecordInput& input) {
  JournalRecord record;
  record.id = input.id;
  record.kind = std::string(k_kind_session);
  record.routine = plan.name;
  record.title = plan.title;
  record.source = record_source(plan);
  record.started = input.started;
  record.ended = input.ended;
  record.tz = input.tz;
  record.planned_ms = plan.total_ms;
  record.active_ms = end.active_ms;
  record.skipped_ms = end.skipped_ms;
  record.steps_done = static_cast<std::int64_t>(end.steps_done);
  record.steps_total = static_cast<std::int64_t>(plan.steps.size());
  record.steps_skipped = static_cast<std::int64_t>(end.steps_skipped);
  record.status = std::string(end_status_name(end.status));
  record.resumes = input.resumes;
  if (end.status == EndStatus::safety_stop && end.end_step < plan.steps.size()) {
    record.stop_step = static_cast<std::int64_t>(end.end_step) + 1;
    record.stop_title = plan.steps[end.end_step].title;
  }
  if (input.speed != 1.0) {
    record.speed = input.speed;
  }
  return record;
}

JournalRecord answer_record(const AnswerInput& input) {
  JournalRecord record;
  record.id = input.id;
  record.kind = std::string(k_kind_answer);
  record.answers = input.answers;
  record.started = input.given;
  record.tz = input.tz;
  record.pain = input.pain;
  record.symptoms = input.symptoms;
  return record;
}

}  // namespace backcare
