#include "session/keys.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace backcare {

namespace {

constexpr unsigned char k_esc = 0x1b;
constexpr unsigned char k_ctrl_c = 0x03;

// ECMA-48 byte classes inside a control sequence.
bool is_parameter_or_intermediate(unsigned char byte) {
  return byte >= 0x20 && byte <= 0x3f;
}
bool is_final(unsigned char byte) {
  return byte >= 0x40 && byte <= 0x7e;
}

// Number of continuation bytes a UTF-8 lead byte announces; 0 for anything that is not a
// valid lead byte (ASCII, stray continuation bytes, C0/C1 overlong leads, F5..FF).
int utf8_continuations(unsigned char byte) {
  return std::max(utf8_sequence_length(byte) - 1, 0);
}

// The arrow a bare final byte stands for, after ESC [ or ESC O.
Key arrow_key(unsigned char final_byte) {
  switch (final_byte) {
    case 'C':
      return Key::next;
    case 'D':
      return Key::back;
    default:
      return Key::other;
  }
}

}  // namespace

std::string_view key_name(Key key) {
  switch (key) {
    case Key::pause:
      return "pause";
    case Key::next:
      return "next";
    case Key::back:
      return "back";
    case Key::quit:
      return "quit";
    case Key::safety_stop:
      return "safety_stop";
    case Key::other:
      return "other";
  }
  return "other";
}

std::vector<Key> KeyDecoder::feed(std::string_view bytes) {
  std::vector<Key> keys;
  for (char c : bytes) {
    decode(static_cast<unsigned char>(c), keys);
  }
  return keys;
}

bool KeyDecoder::pending_escape() const {
  return m_state == State::escape || m_state == State::escape_escape || m_state == State::csi ||
         m_state == State::ss3;
}

std::optional<Key> KeyDecoder::flush_escape() {
  std::optional<Key> key;
  switch (m_state) {
    case State::escape:
    case State::escape_escape:
      key = Key::quit;
      break;
    case State::csi:
    case State::ss3:
      key = Key::other;
      break;
    case State::ground:
    case State::utf8:
      return std::nullopt;
  }
  m_state = State::ground;
  return key;
}

void KeyDecoder::decode(unsigned char byte, std::vector<Key>& keys) {
  switch (m_state) {
    case State::ground:
      decode_ground(byte, keys);
      return;

    case State::escape:
      if (byte == '[' || byte == 'O') {
        m_state = byte == '[' ? State::csi : State::ss3;
        m_has_params = false;
        m_alt = false;
      } else if (byte == k_esc) {
        m_state = State::escape_escape;
      } else if (byte >= 0x80) {
        // Alt + a non-ASCII character: the character alone decides (one `other`).
        m_state = State::ground;
        decode_ground(byte, keys);
      } else {
        // Alt + an ASCII key (ESC n is Alt+n, not Esc then n).
        keys.push_back(Key::other);
        m_state = State::ground;
      }
      return;

    case State::escape_escape:
      if (byte == '[' || byte == 'O') {
        // rxvt's Alt+arrow: ESC ESC [ C.
        m_state = byte == '[' ? State::csi : State::ss3;
        m_has_params = false;
        m_alt = true;
      } else {
        // The first ESC was the Esc key; the second one now starts over with this byte.
        keys.push_back(Key::quit);
        m_state = State::escape;
        decode(byte, keys);
      }
      return;

    case State::csi:
    case State::ss3:
      if (is_parameter_or_intermediate(byte)) {
        m_has_params = true;
      } else if (is_final(byte)) {
        keys.push_back(m_has_params || m_alt ? Key::other : arrow_key(byte));
        m_state = State::ground;
      } else {
        // Not part of a sequence (a control byte, DEL, non-ASCII): the cut sequence is one
        // key, the byte another.
        keys.push_back(Key::other);
        m_state = State::ground;
        decode_ground(byte, keys);
      }
      return;

    case State::utf8:
      if (is_utf8_continuation(byte)) {
        if (--m_utf8_remaining == 0) {
          keys.push_back(Key::other);
          m_state = State::ground;
        }
      } else {
        // A truncated character; the byte starts something new.
        keys.push_back(Key::other);
        m_state = State::ground;
        decode_ground(byte, keys);
      }
      return;
  }
}

void KeyDecoder::decode_ground(unsigned char byte, std::vector<Key>& keys) {
  switch (byte) {
    case k_esc:
      m_state = State::escape;
      return;
    case ' ':
    case 'p':
    case 'P':
      keys.push_back(Key::pause);
      return;
    case 'n':
    case 'N':
      keys.push_back(Key::next);
      return;
    case 'b':
    case 'B':
      keys.push_back(Key::back);
      return;
    case 'q':
    case 'Q':
    case k_ctrl_c:
      keys.push_back(Key::quit);
      return;
    case '!':
      keys.push_back(Key::safety_stop);
      return;
    default:
      break;
  }
  if (int continuations = utf8_continuations(byte); continuations > 0) {
    m_state = State::utf8;
    m_utf8_remaining = continuations;
    return;
  }
  keys.push_back(Key::other);
}

}  // namespace backcare
