#include "run_journal.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>

#include "ask.hpp"
#include "base/sanitize.hpp"
#include "context.hpp"
#include "journal/advice.hpp"
#include "journal/history_view.hpp"
#include "journal/practice.hpp"
#include "journal/session_record.hpp"
#include "physio_check.hpp"
#include "progress/home_view.hpp"
#include "terminal.hpp"
#include "this_week.hpp"

namespace backcare {
namespace {

// Questions only on a terminal, to a person: the keyboard is standard input and a terminal,
// and the display is on.
bool can_ask(const PlayerOptions& options, const Presentation& presentation) {
  return !options.quiet && presentation.keys && ::isatty(STDIN_FILENO) == 1 &&
         presentation.caps.tty;
}

// The advice goes where the summary went (standard error with --quiet), after a blank line.
void advise(const PlayerOptions& options, const Presentation& presentation,
            const std::string& text) {
  if (!text.empty()) {
    write_all(options.quiet ? STDERR_FILENO : presentation.human_fd, "\n" + text);
  }
}

// What was recorded and where the week stands, after the summary (and on the same output), so
// a person sees at once that the session counted: "night-release 4 of 5 this week". The
// journal is read again, through the same stats as `backcare stats`.
void tell_week(const Plan& plan, const Presentation& presentation, const std::string& id) {
  const std::string text = session_week_text(read_this_week().stats, plan.name, shown_id(id),
                                             std::min(presentation.caps.width, 80));
  write_all(presentation.human_fd, "\n" + guard_output(text));
}

// Appends `record`; a journal that cannot be written is one warning. True when written.
// Other warnings (a journal open to others, or past the read limit) are printed too.
bool append(const JournalRecord& record) {
  const JournalStore store(history_path());
  std::vector<std::string> warnings;
  const auto problem = store.append(record, &warnings);
  if (problem) {
    warnings.push_back(*problem);
  }
  for (const auto& warning : warnings) {
    print_err("backcare: warning: " + warning + "\n");
  }
  return !problem;
}

// The session's record, written the moment it ended: before any question, so that neither a
// signal nor a closed window at the question can lose it. The id, or "" when nothing was
// recorded.
std::string record_session(const Plan& plan, const PlayerOptions& options, const PlayResult& result,
                           const LocalNow& started) {
  SessionRecordInput input;
  input.id = new_record_id(started.instant);
  input.started = format_instant(started.instant);
  input.ended = format_instant(local_now().instant);
  input.tz = started.tz;
  input.resumes = options.resumes;
  input.speed = options.session.speed;
  JournalRecord record = session_record(plan, result.end, input);
  if (!options.resumes.empty() && record.steps_done) {
    // A resumed practice counts the steps before where it carried on as done (in the run it
    // continues), so its record reads as the whole practice.
    *record.steps_done += static_cast<std::int64_t>(options.session.from_step);
  }
  return append(record) ? record.id : "";
}

// The answer on its own line, linked to the session by its id (docs/journal.md). The answer's
// id, or "" when nothing was recorded.
std::string record_answer(const std::string& session_id, std::optional<int> pain,
                          std::vector<std::string> symptoms) {
  const LocalNow now = local_now();
  AnswerInput input;
  input.id = new_record_id(now.instant);
  input.answers = session_id;
  input.given = format_instant(now.instant);
  input.tz = now.tz;
  input.pain = pain;
  input.symptoms = std::move(symptoms);
  return append(answer_record(input)) ? input.id : "";
}

// A signal that ends the run, received since the session ended, or 0.
int pending_signal(SignalPipe& signals) {
  for (const int sig : signals.drain()) {
    if (ends_run(sig)) {
      return sig;
    }
  }
  return 0;
}

// The exit code of a signal received at a question or since the session ended, or nullopt.
std::optional<int> finish(int signal, SignalPipe& signals) {
  if (signal == 0) {
    signal = pending_signal(signals);
  }
  if (signal != 0) {
    return exit_code_for_signal(signal);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> after_session(const Plan& plan, const PlayerOptions& options,
                                 const Presentation& presentation, const PlayResult& result,
                                 const LocalNow& started, SignalPipe& signals,
                                 const Config& config) {
  const SessionView& end = result.end;
  const bool recorded =
      options.log && worth_recording(end.status, end.active_ms, !options.resumes.empty());
  const std::string id = recorded ? record_session(plan, options, result, started) : "";
  // A preview counts for nothing (its summary says so) and --quiet asks for no words.
  if (!id.empty() && !options.quiet && !is_preview(options.session.speed)) {
    tell_week(plan, presentation, id);
  }
  const AskOptions ask{STDIN_FILENO, presentation.human_fd, std::chrono::milliseconds(60000),
                       presentation.caps.width, &signals};
  const int width = presentation.caps.width;  // the advice wraps to the window, as the question
  int signal = 0;
  if (end.status == EndStatus::safety_stop) {
    if (can_ask(options, presentation)) {
      const Asked<std::string> symptom = ask_symptom(ask);
      signal = symptom.signal;
      if (symptom.answer) {
        const std::string answer =
            id.empty() ? "" : record_answer(id, std::nullopt, {*symptom.answer});
        advise(options, presentation,
               safety_advice(AdviceMoment::session, std::nullopt, {*symptom.answer}, width));
        advise(options, presentation, physio_check(answer, config, width));
        return finish(signal, signals);
      }
    }
    advise(options, presentation, safety_advice(width));
  } else if (recorded && options.ask && presentation.live && can_ask(options, presentation) &&
             end.status != EndStatus::interrupted) {
    const Asked<int> pain = ask_pain(ask);
    signal = pain.signal;
    const std::string answer = pain.answer && !id.empty() ? record_answer(id, pain.answer, {}) : "";
    if (!answer.empty()) {
      write_all(presentation.human_fd, fmt::format("Recorded: back pain {}/10.\n", *pain.answer));
    }
    if (needs_advice(pain.answer, {})) {
      advise(options, presentation, safety_advice(AdviceMoment::session, pain.answer, {}, width));
    }
    advise(options, presentation, physio_check(answer, config, width));
  }
  return finish(signal, signals);
}

}  // namespace backcare
