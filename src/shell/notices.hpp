#pragma once
// Warnings that arise while a session runs: speech or tones found not to work. While the live
// frame is on the terminal, a line written to standard error lands inside it and garbles every
// redraw after it; so they are held: the frame shows a short form on one of its own lines
// (FrameOptions::notice), and the whole warning is printed once the frame has given way to the
// summary. Before the frame is first drawn, and with no live frame at all (plain lines, --quiet),
// a warning is printed at once.
#include <string>
#include <vector>

namespace backcare {

class Notices {
 public:
  Notices() = default;
  ~Notices();  // prints what is still held
  Notices(const Notices&) = delete;
  Notices& operator=(const Notices&) = delete;

  // `warning`: the whole line ("backcare: warning: …", no newline); `brief`: what the frame
  // shows ("speech off: espeak-ng cannot speak here").
  void post(std::string warning, std::string brief);
  // The briefs so far, joined with " · "; "" when none.
  const std::string& brief() const { return m_brief; }

  // The live frame is on the terminal: warnings are held from now on.
  void frame_shown() { m_held = true; }
  // The frame is gone: what was held is printed, and later warnings at once.
  void release();

 private:
  bool m_held = false;
  std::vector<std::string> m_waiting;
  std::string m_brief;
};

}  // namespace backcare
