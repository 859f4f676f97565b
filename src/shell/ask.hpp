#pragma once
// The short questions after a session, on the terminal it ran in: which sign made you stop
// (one key) and the pain score (digits, then Enter). Each is read with the terminal briefly in
// non-canonical mode without echo or signals (Ctrl-C and Esc skip the question), echoes what it
// takes, restores the terminal's mode, and gives up after a timeout so it never blocks a
// session's end for long.
#include <chrono>
#include <optional>
#include <string>

namespace backcare {

struct AskOptions {
  int in_fd = 0;                             // a terminal
  int out_fd = 1;                            // where the question is written
  std::chrono::milliseconds timeout{60000};  // with no key pressed for so long: no answer
};

// The safety-stop question (symptom_question()): a symptom name for keys 1..6, nullopt for
// Enter, Esc, q, Ctrl-C, the end of input or the timeout. Other keys are ignored.
std::optional<std::string> ask_symptom(const AskOptions& options);

// "Back pain now, 0–10? (Enter to skip) ": 0..10 from digits and Enter (Backspace corrects),
// nullopt for an empty Enter, Esc, q, Ctrl-C, the end of input or the timeout.
std::optional<int> ask_pain(const AskOptions& options);

// The pain question's text.
inline constexpr const char* k_pain_question = "Back pain now, 0\u201310? (Enter to skip) ";

}  // namespace backcare
