#include "speech.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/text.hpp"

namespace backcare {

std::string speakable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 1);
  for (const auto& [offset, cp] : CodePoints(text)) {
    if (cp.valid &&
        (cp.value < 0x20 || cp.value == 0x7F || (cp.value >= 0x80 && cp.value <= 0x9F))) {
      out += ' ';  // a C0 or C1 control, or DEL
    } else {
      out.append(text.substr(offset, cp.length));
    }
  }
  if (!out.empty() && out[0] == '-') {
    out.insert(out.begin(), ' ');
  }
  return out;
}

namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

// Standard error goes to `err_fd`, read for espeak-ng's errors.
pid_t spawn_speaker(const std::vector<const char*>& argv, int err_fd) {
  const Result<pid_t, int> started = spawn_quietly(argv, err_fd);
  return started ? *started : -1;
}

// Reads what is waiting on a non-blocking pipe; true when there was anything.
bool drain(int fd) {
  bool any = false;
  char buffer[512];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      any = true;
      continue;
    }
    if (n < 0 && errno == EINTR) {
      continue;
    }
    return any;
  }
}

}  // namespace

Speech::Speech(const Plan& plan, SpeechOptions options)
    : m_plan(plan),
      m_options(std::move(options)),
      m_prompter(plan, PromptOptions{m_options.mode, m_options.words_per_minute, m_options.speed,
                                     m_options.lead_in_ms}),
      m_timed(timed_prompts(plan, PromptOptions{m_options.mode, m_options.words_per_minute,
                                                m_options.speed, m_options.lead_in_ms})) {}

Speech::~Speech() {
  // The end of a completed routine (or a WAV being written) is given time to finish: up to
  // 250 naps of 20 ms (5 s), counted rather than timed, so speech reads no clock. Else silence.
  const bool wait = m_completed || !m_options.wav_dir.empty();
  for (int nap = 0; wait && nap < 250 && !m_children.empty(); ++nap) {
    reap(false);
    if (!m_children.empty()) {
      ::poll(nullptr, 0, 20);
    }
  }
  for (Child& child : m_children) {
    ::kill(child.pid, SIGTERM);
    child.killed = true;
  }
  reap(true);
  warn_once();
}

void Speech::on_events(const std::vector<SessionEvent>& events, const SessionView& view,
                       const Turn& turn) {
  reap(false);
  bool stop = false;
  bool jump = false;
  for (const SessionEvent& event : events) {
    switch (event.type) {
      case EventType::session_end:
        m_completed = event.status == EndStatus::completed;
        stop = stop || !m_completed;
        break;
      case EventType::pause:
      case EventType::skip:
      case EventType::back:
        stop = true;
        jump = true;
        break;
      case EventType::session_start:
      case EventType::resume:
        jump = true;
        break;
      default:
        break;
    }
  }
  if (stop && m_options.wav_dir.empty()) {
    stop_all();  // q, Ctrl-C, a pause or a jump: silence at once
  }
  if (jump) {
    const auto first = std::find_if(m_timed.begin(), m_timed.end(), [&](const TimedPrompt& p) {
      return p.at_ms >= view.position_ms;
    });
    m_next_timed = static_cast<std::size_t>(first - m_timed.begin());
  }
  const std::vector<Prompt> prompts = m_prompter.on_events(events, view);
  if (!prompts.empty()) {
    say(prompts, turn);
  }
  plan_deadline(view, turn);
}

void Speech::on_turn(const SessionView& view, const Turn& turn) {
  reap(false);
  warn_once();
  fire_timed(view, turn);
  plan_deadline(view, turn);
}

void Speech::on_suspend(const Turn& /*turn*/) {
  if (m_options.wav_dir.empty()) {
    stop_all();
  }
}

// Says the timed prompt that is due, unless something is still being said or it is stale (the
// turn came late, as after a stop).
void Speech::fire_timed(const SessionView& view, const Turn& turn) {
  if (view.paused || view.finished || view.lead_in_left_ms > 0) {
    return;
  }
  const auto stale_ms = static_cast<std::int64_t>(250 * m_options.speed);
  while (m_next_timed < m_timed.size() && m_timed[m_next_timed].at_ms <= view.position_ms) {
    const TimedPrompt& prompt = m_timed[m_next_timed++];
    const bool counting = m_counting && prompt.countdown;  // "two" right after "three"
    if (view.position_ms - prompt.at_ms <= stale_ms && (turn.now >= m_busy_until || counting)) {
      say({Prompt{prompt.text, PromptKind::count}}, turn);
      m_counting = prompt.countdown;
    }
  }
}

// When the next timed prompt is due, in the loop's clock; none while paused.
void Speech::plan_deadline(const SessionView& view, const Turn& turn) {
  m_deadline.reset();
  if (view.paused || view.finished || m_next_timed >= m_timed.size() || !m_available) {
    return;
  }
  const std::int64_t plan_ms = m_timed[m_next_timed].at_ms - view.position_ms +
                               std::max<std::int64_t>(0, view.lead_in_left_ms);
  const double wall_ns =
      std::ceil(static_cast<double>(std::max<std::int64_t>(plan_ms, 0)) * 1e6 / m_options.speed);
  m_deadline = turn.now + nanoseconds(static_cast<std::int64_t>(wall_ns));
}

void Speech::finished(const Child& child, int status) {
  if (child.killed) {
    return;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    m_available = false;  // posix_spawnp's child could not exec the program
  }
  const bool errors = child.err_fd >= 0 && drain(child.err_fd);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || errors) {
    ++m_failures;
  } else {
    ++m_successes;
  }
}

// Reaps the children that have ended (every turn: no zombie waits for the next prompt).
void Speech::reap(bool wait) {
  for (std::size_t i = 0; i < m_children.size();) {
    Child& child = m_children[i];
    int status = 0;
    pid_t done = 0;
    do {
      done = ::waitpid(child.pid, &status, wait ? 0 : WNOHANG);
    } while (done < 0 && errno == EINTR);
    if (done == 0) {
      ++i;
      continue;
    }
    if (done == child.pid) {
      finished(child, status);
    }
    if (child.err_fd >= 0) {
      ::close(child.err_fd);
    }
    m_children.erase(m_children.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

void Speech::stop_all() {
  for (Child& child : m_children) {
    ::kill(child.pid, SIGTERM);
    child.killed = true;
  }
  reap(true);
}

// espeak-ng is there but no phrase has been said (no sound device): said once; the session
// goes on (silently, as long as every phrase fails).
void Speech::warn_once() {
  if (m_warned || m_successes > 0 || m_failures == 0) {
    return;
  }
  m_warned = true;
  if (!m_options.notices) {
    m_options.notices = std::make_shared<Notices>();
  }
  m_options.notices->post(
      "backcare: warning: --speak: espeak-ng cannot speak here (no sound device?); going on "
      "without speech",
      "speech off: espeak-ng cannot speak here");
}

void Speech::say(const std::vector<Prompt>& prompts, const Turn& turn) {
  warn_once();
  if (!m_available) {
    return;
  }
  std::string text;
  for (const Prompt& prompt : prompts) {
    text += (text.empty() ? "" : ". ") + speakable(prompt.text);
  }
  text = speakable(text);
  if (m_options.wav_dir.empty()) {
    stop_all();
  }
  const std::string rate = std::to_string(m_options.words_per_minute);
  const std::string volume = m_options.volume ? std::to_string(*m_options.volume) : "";
  const std::string wav = fmt::format("{:03}.wav", ++m_count);
  const std::string wav_path = m_options.wav_dir + "/" + wav;
  std::vector<const char*> argv = {m_options.program.c_str(), "-s", rate.c_str()};
  if (!m_options.voice.empty()) {
    argv.insert(argv.end(), {"-v", m_options.voice.c_str()});
  }
  if (m_options.volume) {
    argv.insert(argv.end(), {"-a", volume.c_str()});
  }
  if (!m_options.wav_dir.empty()) {
    argv.insert(argv.end(), {"-w", wav_path.c_str()});
  }
  argv.push_back(text.c_str());
  argv.push_back(nullptr);

  int err[2] = {-1, -1};
  if (::pipe2(err, O_CLOEXEC | O_NONBLOCK) != 0) {
    err[0] = err[1] = -1;
  }
  const pid_t pid = spawn_speaker(argv, err[1]);
  if (err[1] >= 0) {
    ::close(err[1]);
  }
  if (pid < 0) {
    if (err[0] >= 0) {
      ::close(err[0]);
    }
    m_available = false;
    return;
  }
  m_children.push_back(Child{pid, err[0], false});
  m_busy_until = turn.now + milliseconds(spoken_ms(text, m_options.words_per_minute));
  m_counting = false;
  if (!m_options.wav_dir.empty()) {
    if (std::FILE* index = std::fopen((m_options.wav_dir + "/index.tsv").c_str(), "a")) {
      const double ms = std::chrono::duration<double, std::milli>(turn.since_start).count();
      fmt::print(index, "{:.3f}\t{}\t{}\t{}\n", ms, prompt_kind_name(prompts.front().kind), wav,
                 text);
      std::fclose(index);
    }
  }
}

}  // namespace backcare
