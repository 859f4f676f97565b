#include "ask.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

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
    termios raw = m_saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    ::tcflush(fd, TCIFLUSH);
    m_active = ::tcsetattr(fd, TCSANOW, &raw) == 0;
  }
  ~QuestionMode() {
    if (m_active) {
      ::tcsetattr(m_fd, TCSANOW, &m_saved);
    }
  }
  QuestionMode(const QuestionMode&) = delete;
  QuestionMode& operator=(const QuestionMode&) = delete;

 private:
  int m_fd;
  termios m_saved{};
  bool m_active = false;
};

// The next byte typed, or nullopt at the timeout or the end of input.
std::optional<char> next_byte(const AskOptions& options) {
  pollfd poll_fd{options.in_fd, POLLIN, 0};
  for (;;) {
    const int ready = ::poll(&poll_fd, 1, static_cast<int>(options.timeout.count()));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      return std::nullopt;
    }
    char byte = 0;
    const ssize_t got = ::read(options.in_fd, &byte, 1);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) {
      continue;
    }
    if (got != 1) {
      return std::nullopt;
    }
    return byte;
  }
}

bool skips(char byte) {
  return byte == k_escape || byte == k_ctrl_c || byte == k_ctrl_d || byte == 'q' || byte == 'Q';
}

void say(const AskOptions& options, const std::string& text) {
  write_all(options.out_fd, text);
}

}  // namespace

std::optional<std::string> ask_symptom(const AskOptions& options) {
  QuestionMode mode(options.in_fd);
  say(options, symptom_question());
  for (;;) {
    const auto byte = next_byte(options);
    if (!byte || skips(*byte) || *byte == k_enter || *byte == k_newline) {
      say(options, "\n");
      return std::nullopt;
    }
    if (const auto symptom = symptom_for_key(*byte)) {
      for (const auto& choice : symptom_choices()) {
        if (choice.name == *symptom) {
          say(options, std::string(choice.label) + "\n");
        }
      }
      return symptom;
    }
  }
}

std::optional<int> ask_pain(const AskOptions& options) {
  QuestionMode mode(options.in_fd);
  say(options, k_pain_question);
  std::string digits;
  for (;;) {
    const auto byte = next_byte(options);
    if (!byte || skips(*byte)) {
      say(options, "\n");
      return std::nullopt;
    }
    if (*byte == k_enter || *byte == k_newline) {
      say(options, "\n");
      if (digits.empty()) {
        return std::nullopt;
      }
      return std::stoi(digits);
    }
    if ((*byte == k_backspace || *byte == k_ctrl_h) && !digits.empty()) {
      digits.pop_back();
      say(options, "\b \b");
      continue;
    }
    if (*byte >= '0' && *byte <= '9') {
      const std::string longer = digits + *byte;
      if (longer.size() <= 2 && digits != "0" && std::stoi(longer) <= 10) {
        digits = longer;
        say(options, std::string(1, *byte));
      }
    }
  }
}

}  // namespace backcare
