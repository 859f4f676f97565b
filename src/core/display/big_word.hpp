#pragma once
// --big: the frame's phase word and its count in block letters (big_font.hpp), a caption line
// over them, laid out so it holds through a segment. Part of render_frame (render.hpp).
#include <vector>

#include "base/layout.hpp"
#include "display/big_font.hpp"
#include "display/frame_context.hpp"
#include "display/render.hpp"

namespace backcare {

// The lines the big word takes: a caption, then the letters.
inline constexpr int k_big_block_lines = 1 + k_big_font_rows;
// Narrower than this, the block letters are not drawn (the count alone needs up to 39 columns).
inline constexpr int k_big_min_width = 40;

// Whether --big draws block letters at this size: at least k_big_min_width columns, and room
// for the letters and the bar.
bool big_fits(const FrameOptions& options);

// The k_big_block_lines of the word for this frame: everything in block letters when it fits
// the panel for the whole segment (measured at its first count, so the layout does not change
// as the count goes down), else the word in the caption over a big count; when nothing fits,
// `normal` (the one-line word) over blank rows. Paused shows PAUSED big with what was running
// in the caption; the end DONE.
std::vector<Line> big_word_lines(const FrameContext& frame, Line normal);

}  // namespace backcare
