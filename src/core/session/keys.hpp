#pragma once
// Keys for the session player: raw bytes from a terminal in non-canonical mode in, player
// commands out. Pure (no I/O, no clock): the event loop reads the bytes and keeps the time.
//
// Bindings:
//   pause  space, p, P
//   next   n, N, Right arrow (ESC [ C, ESC O C)
//   back   b, B, Left arrow (ESC [ D, ESC O D)
//   quit   q, Q, Ctrl-C byte (0x03; with ISIG on Ctrl-C arrives as SIGINT instead), lone Esc
//   safety_stop  ! (something hurts or feels wrong: stop at once, then ask which sign)
//   other  anything else: one per unbound key, UTF-8 character or escape sequence
//
// Esc versus escape sequences: an arrow key arrives as ESC [ C, possibly split across reads,
// so an ESC is held back until the next byte says what it starts. When nothing follows, the
// loop decides it was the Esc key by calling flush_escape() after a short quiet time:
//
//   for (Key key : decoder.feed(bytes)) { act(key); }
//   timeout = decoder.pending_escape() ? 50ms : next_tick;
//   ... poll(timeout) returned 0 with nothing read:
//   if (auto key = decoder.flush_escape()) { act(*key); }
#include <optional>
#include <string_view>
#include <vector>

namespace backcare {

enum class Key { pause, next, back, quit, safety_stop, other };

std::string_view key_name(Key key);  // "pause", "next", "back", "quit", "safety_stop", "other"

// Turns a byte stream into Keys. Keeps state between feeds: a pending ESC, a partial
// CSI (ESC [ ...) or SS3 (ESC O x) sequence, a partial UTF-8 character.
//
// Escape sequences: CSI parameter/intermediate bytes are consumed up to the final byte, so
// ESC [ 1 ; 5 C (Ctrl-Right), ESC [ 2 0 0 ~ (paste start) or ESC [ 1 5 ~ (F5) are one `other`;
// only the bare ESC [ C / ESC [ D (and ESC O C / ESC O D) are arrows. ESC followed by any other
// byte is Alt+key: one `other`. ESC ESC [ / ESC ESC O start rxvt's Alt+arrow sequences (one
// `other`); ESC ESC settled by flush_escape (a quick double Esc) is one `quit`; before any other
// byte, the first ESC was the Esc key (`quit`) and the second is pending again. A byte that
// cannot continue a sequence (a control byte, a non-ASCII byte) ends it as `other` and is then
// decoded on its own.
class KeyDecoder {
 public:
  // Decodes `bytes`, continuing any sequence left from the previous feed.
  std::vector<Key> feed(std::string_view bytes);

  // True while an escape sequence is incomplete (ESC, ESC ESC, ESC [ 1 ;, ESC O): the loop
  // should wait at most a short time (~50 ms) for more bytes, then call flush_escape().
  bool pending_escape() const;

  // Settles an incomplete escape sequence, the next bytes being too late to belong to it:
  // quit for a lone ESC (or ESC ESC), other for a cut sequence, nullopt when nothing was
  // pending. Afterwards the decoder starts fresh.
  std::optional<Key> flush_escape();

 private:
  enum class State {
    ground,
    escape,         // after ESC
    escape_escape,  // after ESC ESC
    csi,            // after ESC [ (maybe with parameter/intermediate bytes)
    ss3,            // after ESC O (maybe with parameter bytes)
    utf8,           // inside a multibyte UTF-8 character
  };

  void decode(unsigned char byte, std::vector<Key>& keys);
  void decode_ground(unsigned char byte, std::vector<Key>& keys);

  State m_state = State::ground;
  bool m_has_params = false;  // csi/ss3: a parameter or intermediate byte was seen
  bool m_alt = false;         // csi/ss3: introduced by ESC ESC (Alt+arrow): never an arrow
  int m_utf8_remaining = 0;   // utf8: continuation bytes still expected
};

}  // namespace backcare
