#include "run_journal.hpp"

#include <unistd.h>

#include "ask.hpp"
#include "context.hpp"
#include "journal/advice.hpp"
#include "journal/session_record.hpp"
#include "terminal.hpp"

namespace backcare {
namespace {

// Questions only on a terminal, to a person: the keyboard is standard input and a terminal,
// and the display is on.
bool can_ask(const PlayerOptions& options, const Presentation& presentation) {
  return !options.quiet && presentation.keys && ::isatty(STDIN_FILENO) == 1 &&
         presentation.caps.tty;
}

// The advice goes where the summary went (standard error with --quiet).
void advise(const PlayerOptions& options, const Presentation& presentation) {
  write_all(options.quiet ? STDERR_FILENO : presentation.human_fd, "\n" + safety_advice());
}

}  // namespace

void after_session(const Plan& plan, const PlayerOptions& options, const Presentation& presentation,
                   const PlayResult& result, const LocalNow& started) {
  const SessionView& end = result.end;
  const LocalNow ended = local_now();
  const bool recorded =
      options.log && worth_recording(end.status, end.active_ms, !options.resumes.empty());
  const AskOptions ask{STDIN_FILENO, presentation.human_fd};
  SessionRecordInput input;
  if (end.status == EndStatus::safety_stop) {
    if (can_ask(options, presentation)) {
      if (const auto symptom = ask_symptom(ask)) {
        input.symptoms.push_back(*symptom);
      }
    }
    advise(options, presentation);
  } else if (recorded && options.ask && presentation.live && can_ask(options, presentation) &&
             end.status != EndStatus::interrupted) {
    input.pain = ask_pain(ask);
    if (needs_advice(input.pain, {})) {
      advise(options, presentation);
    }
  }
  if (!recorded) {
    return;
  }
  input.id = new_record_id(started.instant);
  input.started = format_instant(started.instant);
  input.ended = format_instant(ended.instant);
  input.tz = started.tz;
  input.resumes = options.resumes;
  input.speed = options.session.speed;
  JournalRecord record = session_record(plan, end, input);
  if (!options.resumes.empty() && record.steps_done) {
    // A resumed practice counts the steps before where it carried on as done (in the run it
    // continues), so its record reads as the whole practice.
    *record.steps_done += static_cast<std::int64_t>(options.session.from_step);
  }
  const JournalStore store(history_path());
  std::vector<std::string> warnings;  // a journal open to others, or past the read limit
  if (const auto problem = store.append(record, &warnings)) {
    warnings.push_back(*problem);
  }
  for (const auto& warning : warnings) {
    print_err("backcare: warning: " + warning + "\n");
  }
}

}  // namespace backcare
