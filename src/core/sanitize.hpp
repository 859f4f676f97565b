#pragma once
// Untrusted text (anything from a routine file) passes through here before it is printed.
// Control characters and bidi overrides come out in a visible escaped form, never raw, so a
// shared routine cannot move the cursor, clear the screen or set a terminal title.
#include <string>
#include <string_view>

namespace backcare {

// Escapes C0 controls (U+0000..U+001F; tab and newline too unless keep_newlines), DEL, C1
// controls (U+0080..U+009F) and bidi overrides (U+202A..U+202E, U+2066..U+2069) as "\x1b",
// "\x7f", "\u009b", "\u202e"; invalid UTF-8 bytes as "\xff". Everything else is kept.
std::string sanitize(std::string_view text, bool keep_newlines = false);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of terminal columns `text` takes (after sanitize): one per code point, except
// combining marks (0) and East Asian wide / emoji (2). Good enough for layout.
int display_width(std::string_view text);

// Cuts sanitized `text` to at most `columns`, ending with "…" when cut.
std::string truncate_to_width(std::string_view text, int columns);

}  // namespace backcare
