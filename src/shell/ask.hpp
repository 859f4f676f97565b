#pragma once
// The short questions after a session, on the terminal it ran in: which sign made you stop
// (one key) and the pain score (digits, then Enter). Each is read with the terminal briefly in
// non-canonical mode without echo or signals (Ctrl-C and Esc skip the question), echoes what it
// takes, restores the terminal's mode, and gives up after a timeout so it never blocks a
// session's end for long. A signal that ends the program (SIGINT, SIGTERM, SIGHUP, SIGQUIT
// recorded by the caller's SignalPipe) ends the question at once, the terminal's mode restored,
// and is handed back so the caller exits as it would during the session.
#include <chrono>
#include <optional>
#include <string>

namespace backcare {

class SignalPipe;

struct AskOptions {
  int in_fd = 0;                             // a terminal
  int out_fd = 1;                            // where the question is written
  std::chrono::milliseconds timeout{60000};  // with no key pressed for so long: no answer
  int width = 80;                            // the terminal's columns: the question wraps to it
  SignalPipe* signals = nullptr;             // watched while waiting for a key
};

// What a question gave: the answer, or none; and the signal that ended it, or 0.
template <typename T>
struct Asked {
  std::optional<T> answer;
  int signal = 0;
};

// The safety-stop question (symptom_question(width)): a symptom name for keys 0..9, none for
// Enter, Esc, q, Ctrl-C, the end of input, the timeout or a signal. Other keys are ignored.
Asked<std::string> ask_symptom(const AskOptions& options);

// "Back pain now, 0–10? (Enter to skip) ": 0..10 from digits and Enter (Backspace corrects);
// a number past 10 ("12") is refused and the question asked again; none for an empty Enter,
// Esc, q, Ctrl-C, the end of input, the timeout or a signal.
Asked<int> ask_pain(const AskOptions& options);

// True for the signals that end a run (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
bool ends_run(int sig);

// The pain question's text.
inline constexpr const char* k_pain_question = "Back pain now, 0\u201310? (Enter to skip) ";

}  // namespace backcare
