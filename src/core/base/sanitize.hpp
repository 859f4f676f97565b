#pragma once
// Untrusted text (anything from a routine file) passes through here before it is printed.
// Control characters and bidi overrides come out in a visible escaped form, never raw, so a
// shared routine cannot move the cursor, clear the screen or set a terminal title.
#include <string>
#include <string_view>

#include "base/text.hpp"  // is_valid_utf8, display_width, truncate_to_width live there

namespace backcare {

// Escapes C0 controls (U+0000..U+001F; tab and newline too unless keep_newlines), DEL, C1
// controls (U+0080..U+009F), bidi overrides (U+202A..U+202E, U+2066..U+2069) and invisible
// format characters (U+200B..U+200F, U+061C, U+2028, U+2029, U+00AD, U+FEFF, U+2060..U+2064)
// as "\x1b", "\x7f", "\u009b", "\u202e", "\u200b"; invalid UTF-8 bytes as "\xff". Everything
// else is kept.
std::string sanitize(std::string_view text, bool keep_newlines = false);

// Routine text made safe and put on one line: sanitize(), then line breaks and tabs as spaces
// (a carriage return stays escaped).
std::string safe_line(std::string_view text);

// The last line of defence at the output boundary: every byte a command prints passes here
// (print_out / print_err), so text a caller forgot to sanitize still cannot reach the terminal
// raw. Colour sequences (ESC [ digits and semicolons m) and CRLF line ends are kept; the rest
// is sanitize(text, keep_newlines = true). For text that was built right, it changes nothing.
std::string guard_output(std::string_view text);

}  // namespace backcare
