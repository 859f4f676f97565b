#include "ask.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "base/text.hpp"
#include "journal/advice.hpp"
#include "terminal.hpp"

namespace backcare {
namespace {

constexpr char k_enter = '\r';
constexpr char k_newline = '\n';
constexpr char k_escape = '\x1b';
constexpr char k_ctrl_c = '\x03';
constexpr char k_ctrl_d = '\x04';
constexpr char k_backspace = '\x7f';
constexpr char k_ctrl_h = '\x08';

// The terminal in non-canonical mode, no echo, no signals, while it lives; anything typed
// before the question is dropped.
class QuestionMode {
 public:
  explicit QuestionMode(int fd) : m_fd(fd) {
    if (::tcgetattr(fd, &m_saved) != 0) {
      return;
    }
    m_saved_ok = true;
    ::tcflush(fd, TCIFLUSH);
    enter();
  }
  ~QuestionMode() { restore(); }
  QuestionMode(const QuestionMode&) = delete;
  QuestionMode& operator=(const QuestionMode&) = delete;

  // Back to the mode the terminal had (before a stop, and at the end).
  void restore() {
    if (m_active) {
      ::tcsetattr(m_fd, TCSANOW, &m_saved);
      m_active = false;
    }
  }
  // The question's mode again (after fg).
  void enter() {
    if (!m_saved_ok) {
      return;
    }
    termios raw = m_saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    m_active = ::tcsetattr(m_fd, TCSANOW, &raw) == 0;
  }

 private:
  int m_fd;
  termios m_saved{};
  bool m_saved_ok = false;  // m_saved holds the terminal's mode
  bool m_active = false;
};

// What the wait for a key gave: the byte typed, nothing (the timeout or the end of input), or
// a signal that ends the run.
struct Typed {
  std::optional<char> byte;
  int signal = 0;
};

// Acts on the signals received while waiting: a stop (SIGTSTP) stops here with the terminal
// restored, and comes back in the question's mode; a signal that ends the run is returned.
int handle_signals(SignalPipe& signals, QuestionMode& mode) {
  for (const int sig : signals.drain()) {
    if (ends_run(sig)) {
      return sig;
    }
    if (sig == SIGTSTP) {
      mode.restore();
      suspend_self();
      mode.enter();
    }
  }
  return 0;
}

// The next byte typed, or why there is none.
Typed next_byte(const AskOptions& options, QuestionMode& mode) {
  pollfd fds[2] = {{options.in_fd, POLLIN, 0},
                   {options.signals != nullptr ? options.signals->fd() : -1, POLLIN, 0}};
  for (;;) {
    const int ready = ::poll(fds, 2, static_cast<int>(options.timeout.count()));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      return {};
    }
    if ((fds[1].revents & POLLIN) != 0) {
      if (const int sig = handle_signals(*options.signals, mode)) {
        return {std::nullopt, sig};
      }
      continue;
    }
    char byte = 0;
    const ssize_t got = ::read(options.in_fd, &byte, 1);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) {
      continue;
    }
    if (got != 1) {
      return {};
    }
    return {byte, 0};
  }
}

bool skips(char byte) {
  return byte == k_escape || byte == k_ctrl_c || byte == k_ctrl_d || byte == 'q' || byte == 'Q';
}

void say(const AskOptions& options, const std::string& text) {
  write_all(options.out_fd, text);
}

}  // namespace

bool ends_run(int sig) {
  return sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT;
}

Asked<std::string> ask_symptom(const AskOptions& options) {
  QuestionMode mode(options.in_fd);
  const std::string question = symptom_question(options.width);
  say(options, question);
  // The column after the question's last line, so an answer too long for it goes on its own.
  const int column = display_width(std::string_view(question).substr(question.rfind('\n') + 1));
  for (;;) {
    const Typed typed = next_byte(options, mode);
    const auto byte = typed.byte;
    if (!byte || skips(*byte) || *byte == k_enter || *byte == k_newline) {
      say(options, "\n");
      return {std::nullopt, typed.signal};
    }
    if (const auto symptom = symptom_for_key(*byte)) {
      const std::string label(find_sign(*symptom)->label);
      const bool fits = options.width <= 0 || column + display_width(label) < options.width;
      say(options, (fits ? "" : "\n") + label + "\n");
      return {symptom, 0};
    }
  }
}

Asked<int> ask_pain(const AskOptions& options) {
  QuestionMode mode(options.in_fd);
  say(options, k_pain_question);
  std::string digits;
  for (;;) {
    const Typed typed = next_byte(options, mode);
    const auto byte = typed.byte;
    if (!byte || skips(*byte)) {
      say(options, "\n");
      return {std::nullopt, typed.signal};
    }
    if (*byte == k_enter || *byte == k_newline) {
      say(options, "\n");
      if (digits.empty()) {
        return {};
      }
      const int pain = std::stoi(digits);
      if (pain <= 10) {
        return {pain, 0};
      }
      // "12" is no score: asked again, never saved as another number.
      say(options, digits + " is not on the scale. " + k_pain_question);
      digits.clear();
      continue;
    }
    if ((*byte == k_backspace || *byte == k_ctrl_h) && !digits.empty()) {
      digits.pop_back();
      say(options, "\b \b");
      continue;
    }
    // Up to three digits are taken as typed; Enter checks the range (a digit silently refused
    // here turned "12" into a saved 1).
    if (*byte >= '0' && *byte <= '9' && digits.size() < 3) {
      digits += *byte;
      say(options, std::string(1, *byte));
    }
  }
}

}  // namespace backcare
