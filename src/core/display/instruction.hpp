#pragma once
// A step's instruction in the lines a frame has room for. On a short window the sentences that
// keep a body safe ("never the lower back", "stop if it hurts") must not be the ones cut, so
// sentences are chosen, not lines. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// A step's instruction (safe text, from safe_line) in at most `max_lines` lines of `width`:
// the whole text when it fits; otherwise whole sentences, those that warn first (never, don't,
// do not, stop, avoid, pain, only, careful, hurt, must not), then the others in order as room
// allows, kept in their original order and followed by "…" ("..." with `ascii`). When not even
// one sentence fits, the first warning (or the first sentence) is cut with "…".
std::vector<std::string> fit_instruction(std::string_view text, int width, int max_lines,
                                         bool ascii = false);

}  // namespace backcare
